// 日志 at the desk: which entries of the audit log each admin reads, how each is said, and who is named.
import { describe, expect, it } from 'vitest';
import { parseAdminCommand } from '../../src/admin/commands.js';
import type { Admin } from '../../src/report/scope.js';
import { loadCampaign } from '../../src/files/campaign.js';
import type { AuditEntry } from '../../src/report/units.js';
import { adminUnit, makeDesk } from '../support/admin-desk.js';
import { sentenceOf } from '../support/says.js';

const campaign = loadCampaign('conversations');
const NOW = new Date('2021-09-24T10:00:00+08:00');
const AT = new Date('2021-09-23T09:05:00+08:00');
const PROVINCE: Admin = { id: 'wxid_province', scope: { kind: 'province' } };
const GUANGZHOU: Admin = { id: 'wxid_gz', scope: { kind: 'city', city: '广州市' } };
const POWER: Admin = { id: 'wxid_power', scope: { kind: 'industry', industry: '广东电网' } };

const UNITS = [
  adminUnit(1, '广州地铁运营一中心青年文明号', '广州市', '城市轨道交通', '一中心群'),
  adminUnit(2, '广州供电局客户服务中心青年文明号', '广州市', '广东电网'),
  adminUnit(3, '深圳地铁福田枢纽站青年文明号', '深圳市', '城市轨道交通'),
];

let nextId = 1;
const entry = (actor: string, action: string, detail: Record<string, unknown>): AuditEntry => ({ id: nextId++, at: AT, actor, action, detail });

function deskWith(log: AuditEntry[]) {
  const d = makeDesk({
    campaign,
    admins: [PROVINCE, GUANGZHOU, POWER],
    now: NOW,
    units: UNITS,
    contacts: { wxid_li: '李华（微信）', wxid_gz: '广州团市委小林', wxid_stranger: '青发部小陈' },
  });
  d.store.log = log;
  d.store.names.set('wxid_li', '李华');
  return d;
}

const LOG = () => {
  nextId = 1;
  return [
    entry('wxid_li', 'room.bound', { roomId: 'r1', topic: '一中心群', unitId: 1, name: '广州地铁运营一中心青年文明号' }),
    entry('wxid_li', 'submission.submitted', { unitId: 1, formId: 'modelCollective', version: 2, late: true }),
    entry('wxid_chen', 'submission.submitted', { unitId: 3, formId: 'modelCollective', version: 1, late: false }),
    entry('wxid_gz', 'review.returned', { unitId: 1, formId: 'modelCollective', version: 2, note: '请写明服务时间' }),
    entry('cli:ops', 'roster.imported', {
      fileName: '名单.csv',
      rows: 3,
      rejectedRows: 1,
      created: 2,
      updated: 1,
      unchanged: 0,
      reconciled: 0,
      cities: ['深圳市'],
      industries: ['广东电网'],
    }),
    entry('wxid_province', 'setting.changed', { key: 'reminders.paused', value: 'true' }),
    entry('wxid_stranger', 'admin.refused', { name: '青发部小陈', text: '导出 附件2' }),
    entry('system', 'outbox.purged', {}),
  ];
};

const lines = (reply: string) => reply.split('\n').slice(1);

describe('日志 read', () => {
  it('as a command, with a unit name or a number', () => {
    const parse = (text: string) => parseAdminCommand(text, campaign);
    expect(parse('日志')).toEqual({ type: 'log', name: '' });
    expect(parse('查日志 地铁一中心')).toEqual({ type: 'log', name: '地铁一中心' });
    expect(parse('日志 ３')).toEqual({ type: 'log', name: '３', n: 3 });
    expect(parse('查 日志')).toEqual({ type: 'log', name: '' });
    expect(parse('查 日志表')).toEqual({ type: 'lookup', name: '日志表' });
  });
});

describe('日志 at the desk', () => {
  it('shows the province everything, newest first, each change in words and who made it', async () => {
    const reply = await deskWith(LOG()).ask('日志');
    expect(reply.split('\n')[0]).toBe('全省最近8条记录（新的在前）：');
    expect(lines(reply)).toEqual([
      '9月23日 09:05 系统：outbox.purged',
      // the impostor's claimed name, and its contact id
      '9月23日 09:05 青发部小陈：不是管理员（微信号wxid_stranger），发来的管理员指令“导出 附件2”已拒绝',
      '9月23日 09:05 wxid_province（管理员）：暂停了自动提醒',
      '9月23日 09:05 服务器命令行（ops）：导入名单“名单.csv”：新增2个，更新1个，未变0个，有问题未导入1行',
      '9月23日 09:05 广州团市委小林（管理员）：退回了广州地铁运营一中心青年文明号的附件2第2版，原因：请写明服务时间',
      // unknown to the groups and to WeChat: the id
      '9月23日 09:05 wxid_chen：提交了深圳地铁福田枢纽站青年文明号的附件2第1版',
      // the name the group's row keeps comes before WeChat's
      '9月23日 09:05 李华：提交了广州地铁运营一中心青年文明号的附件2第2版（逾期）',
      '9月23日 09:05 李华：把群“一中心群”绑定为广州地铁运营一中心青年文明号',
    ]);
  });

  it('shows a city its units’ changes and the switches every admin shares, not another city’s or a refused stranger', async () => {
    const reply = await deskWith(LOG()).ask('日志', GUANGZHOU);
    expect(reply.split('\n')[0]).toBe(sentenceOf('admin.logHeader', { scope: '广州市', count: 4 }));
    expect(reply).toSay('admin.logActions.paused');
    expect(reply).not.toContain('深圳');
    expect(reply).not.toSay('admin.logActions.refused');
    expect(reply).not.toContain('outbox');
    // the import was of Shenzhen and 广东电网 rows: not Guangzhou's
    expect(reply).not.toSay('admin.logActions.imported');
  });

  it('shows an industry the imports of its rows', async () => {
    const reply = await deskWith(LOG()).ask('日志', POWER);
    const line = (who: string, what: string) => sentenceOf('admin.logLine', { time: '9月23日 09:05', who, what });
    expect(lines(reply)).toEqual([
      line('wxid_province（管理员）', sentenceOf('admin.logActions.paused')),
      line('服务器命令行（ops）', sentenceOf('admin.logActions.imported', { file: '名单.csv', created: 2, updated: 1, unchanged: 0, rejected: 1 })),
    ]);
  });

  it('shows one unit’s changes, by name or by its number in the last list', async () => {
    const d = deskWith(LOG());
    const one = await d.ask('日志 地铁一中心', GUANGZHOU);
    expect(one.split('\n')[0]).toBe(sentenceOf('admin.logHeader', { scope: '广州地铁运营一中心青年文明号', count: 3 }));
    expect(await d.ask('日志 深圳地铁福田枢纽站青年文明号', GUANGZHOU)).not.toSay('admin.logActions.submitted');
    expect(await d.ask('未交 附件2', GUANGZHOU)).toContain('1. 广州');
    const list = (await d.store.pickList(GUANGZHOU.id))!.entries;
    const n = list.find((e) => e.unitId === 1)!.n;
    expect((await d.ask(`日志 ${n}`, GUANGZHOU)).split('\n')[0]).toBe(sentenceOf('admin.logHeader', { scope: '广州地铁运营一中心青年文明号', count: 3 }));
    expect(await d.ask('日志 9', GUANGZHOU)).toSay('admin.pickOutOfRange', { n: 9 });
  });

  it('finds a city’s 20 latest behind many changes it may not read', async () => {
    nextId = 1;
    const log = [
      ...Array.from({ length: 25 }, () => entry('wxid_li', 'submission.reopened', { unitId: 1, formId: 'modelCollective' })),
      ...Array.from({ length: 500 }, () => entry('wxid_chen', 'submission.reopened', { unitId: 3, formId: 'modelCollective' })),
    ];
    const reply = await deskWith(log).ask('日志', GUANGZHOU);
    expect(reply.split('\n')[0]).toBe(sentenceOf('admin.logHeader', { scope: '广州市', count: 20 }));
    expect(lines(reply).every((line) => line.includes('广州地铁运营一中心'))).toBe(true);
  });

  it('says when there is nothing to show', async () => {
    expect(await deskWith([]).ask('日志', GUANGZHOU)).toBe(sentenceOf('admin.logNone', { scope: '广州市' }));
  });

  it('refuses someone who is not an admin', async () => {
    const d = deskWith(LOG());
    expect(await d.ask('日志', 'wxid_stranger')).toBe(sentenceOf('admin.refused'));
    expect(d.store.audits).toEqual([{ actor: 'wxid_stranger', action: 'admin.refused' }]);
  });
});
