// What an admin typed comes back in a reply cut to a sane length, with "…": a name at most 60 characters, a
// query at most 100, a word taken for a command 12. 20,000 characters pasted after a command never make a
// 20,000-character reply.
import { describe, expect, it } from 'vitest';
import type { Admin } from '../../src/report/scope.js';
import { loadCampaign } from '../../src/files/campaign.js';
import { adminUnit, makeDesk } from '../support/admin-desk.js';
import { sentenceOf } from '../support/says.js';

const campaign = loadCampaign('conversations');
const NOW = new Date('2021-09-24T10:00:00+08:00');
const PROVINCE: Admin = { id: 'wxid_province', scope: { kind: 'province' } };
const GUANGZHOU: Admin = { id: 'wxid_gz', scope: { kind: 'city', city: '广州市' } };
const UNITS = [
  adminUnit(1, '广州地铁运营一中心青年文明号', '广州市', '城市轨道交通', '一中心群'),
  adminUnit(2, '深圳地铁福田枢纽站', '深圳市', '城市轨道交通'),
];

const deskOf = () => makeDesk({ campaign, admins: [PROVINCE, GUANGZHOU], now: NOW, units: UNITS });

const LONG = '广'.repeat(20_000);
const LATIN = 'a'.repeat(20_000);

/** The reply repeats the first `max` characters of `typed`, then "…", and nothing more of it. */
function expectCut(reply: string, typed: string, max: number): void {
  expect(reply).toContain(`${typed.slice(0, max)}…`);
  expect(reply).not.toContain(typed.slice(0, max + 1));
  expect(reply.length).toBeLessThan(max + 200);
}

describe('a long text echoed in the admin chat', () => {
  it.each([
    ['查', 100],
    ['解绑', 60],
    ['日志', 60],
  ])('%s + 20,000 characters names at most %i of them', async (command, max) => {
    for (const admin of [PROVINCE, GUANGZHOU]) {
      const reply = await deskOf().ask(`${command} ${LONG}`, admin);
      expect(reply).toSay('admin.lookupNone');
      expectCut(reply, LONG, max);
    }
  });

  it.each(['统计', '统计 附件2', '未交 附件2', '审核', '提醒 附件2', '名单', '导出 附件2'])(
    '%s + a city of 20,000 characters names 60 of them',
    async (command) => {
      for (const admin of [PROVINCE, GUANGZHOU]) {
        const reply = await deskOf().ask(`${command} ${LONG}`, admin);
        expect(reply).toSay(command.startsWith('导出') ? 'admin.exportNoScope' : 'admin.scopeNone');
        expectCut(reply, LONG, 60);
      }
    },
  );

  it.each(['统计', '未交', '审核', '提醒'])('%s + a form name of 20,000 characters names 60 of them', async (command) => {
    const reply = await deskOf().ask(`${command} ${LATIN}`);
    expect(reply).toSay('admin.noSuchForm');
    expectCut(reply, LATIN, 60);
    const numbered = await deskOf().ask(`${command} 附件${'9'.repeat(20_000)}`);
    expect(numbered).toSay('admin.noSuchForm');
    expect(numbered.length).toBeLessThan(300);
  });

  it('cuts an unknown command to its first 12 characters', async () => {
    const reply = await deskOf().ask(LONG);
    expect(reply).toBe(sentenceOf('admin.unknown', { input: `${LONG.slice(0, 12)}…` }));
    // a short one is repeated whole
    expect(await deskOf().ask('你好')).toBe(sentenceOf('admin.unknown', { input: '你好' }));
  });

  it('names a short name whole', async () => {
    expect(await deskOf().ask('查 火星站')).toBe(sentenceOf('admin.lookupNone', { name: '火星站' }));
    expect(await deskOf().ask('统计 火星市')).toBe(sentenceOf('admin.scopeNone', { word: '火星市' }));
  });

  it('sends a group at most 200 characters of a reason', async () => {
    const d = makeDesk({
      campaign,
      admins: [PROVINCE],
      now: NOW,
      units: [
        {
          ...adminUnit(1, '广州地铁运营一中心青年文明号', '广州市', '城市轨道交通', '一中心群'),
          categories: ['national20'],
          submissions: [
            {
              formId: 'modelCollective',
              status: 'submitted',
              answers: {},
              version: 1,
              submittedAt: NOW,
              late: false,
              review: { status: 'pending', note: null, at: null, by: null },
            },
          ],
        },
      ],
    });
    expect(await d.ask('审核')).toContain('1. 广州地铁运营一中心青年文明号');
    const reply = await d.ask(`退回 1 ${LONG}`);
    expect(reply).toSay('admin.returnedDone', { name: '广州地铁运营一中心青年文明号', form: '附件2' });
    expect(reply).not.toContain('广广');
    expect(d.returned).toHaveLength(1);
    expect(d.returned[0]!.reason).toBe(`${LONG.slice(0, 200)}…`);
  });
});
