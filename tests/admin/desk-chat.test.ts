// The admins' chat as people type it: a number answers the last numbered list, 确认 and yes words confirm,
// every command takes a city or industry, and a word that matches nothing (or lies outside the admin's
// scope) is said to.
import { describe, expect, it } from 'vitest';
import { parseAdminCommand } from '../../src/admin/commands.js';
import type { Admin } from '../../src/report/scope.js';
import { loadCampaign } from '../../src/files/campaign.js';
import { adminUnit, makeDesk } from '../support/admin-desk.js';
import { sentenceOf } from '../support/says.js';

const campaign = loadCampaign('conversations');
const NOW = new Date('2021-09-24T10:00:00+08:00');
const PROVINCE: Admin = { id: 'wxid_province', scope: { kind: 'province' } };
const GUANGZHOU: Admin = { id: 'wxid_gz', scope: { kind: 'city', city: '广州市' } };

const UNITS = [
  adminUnit(1, '广州地铁运营三中心广州东站', '广州市', '广州地铁集团', '广州东站青年文明号群'),
  adminUnit(2, '广州地铁运营一中心广州东站客运班组', '广州市', '广州地铁集团', '客运班组群'),
  adminUnit(3, '广州东站派出所青年文明号', '广州市', '广东公安', '东站派出所群'),
  adminUnit(4, '广州市第二人民医院急诊科', '广州市', '广东卫生健康'),
  adminUnit(5, '深圳地铁福田枢纽站', '深圳市', '深圳地铁集团'),
  adminUnit(6, '深圳市人民医院急诊科', '深圳市', '广东卫生健康'),
];

const deskOf = () => makeDesk({ campaign, admins: [PROVINCE, GUANGZHOU], now: NOW, units: UNITS });

describe('reading what an admin types', () => {
  const parse = (text: string) => parseAdminCommand(text, campaign);

  it.each([
    ['1', 1],
    ['３', 3],
    ['第2个', 2],
    ['2号', 2],
    [' 12 ', 12],
  ])('%j picks entry %i of the last list', (text, n) => {
    expect(parse(text)).toEqual({ type: 'pick', n });
  });

  it.each(['确认', '好的', '是', '可以', '没问题', 'OK'])('%j confirms what waits', (text) => {
    expect(parse(text)).toEqual({ type: 'importConfirm', casual: true });
  });

  it.each(['算了', '取消', '不用', '不要'])('%j drops what waits', (text) => {
    expect(parse(text)).toEqual({ type: 'importCancel', casual: true });
  });

  it('reads 确认导入 and 取消导入 as about the import', () => {
    expect(parse('确认导入')).toEqual({ type: 'importConfirm' });
    expect(parse('取消导入')).toEqual({ type: 'importCancel' });
  });

  it('reads a form name written against the words around it', () => {
    expect(parse('统计附件2深圳市')).toMatchObject({ type: 'stats', form: { id: 'modelCollective' }, within: '深圳市' });
    expect(parse('未交简报广州 2')).toMatchObject({ type: 'missing', form: { id: 'activityReport' }, within: '广州', page: 2 });
  });

  it('reads the city or industry after every command that shows one', () => {
    expect(parse('统计 广州市')).toEqual({ type: 'stats', within: '广州市' });
    expect(parse('统计 附件2 广州市')).toMatchObject({ type: 'stats', form: { id: 'modelCollective' }, within: '广州市' });
    expect(parse('未交 附件2 深圳市 2')).toMatchObject({ type: 'missing', form: { id: 'modelCollective' }, within: '深圳市', page: 2 });
    expect(parse('未交 附件2 99999')).toMatchObject({ type: 'missing', within: '99999', page: 1 });
    expect(parse('名单 广东卫生健康')).toEqual({ type: 'roster', within: '广东卫生健康' });
  });
});

describe('a number answers the last numbered list', () => {
  /** The unit's name on line `n` of a numbered list the desk sent: "2. 名称（…）". */
  const listedName = (reply: string, n: number) =>
    reply
      .split('\n')
      .find((line) => line.startsWith(`${n}. `))!
      .slice(`${n}. `.length)
      .replace(/（.*$/, '');

  it('looks up the unit of that number after 查 found several, and the next number too', async () => {
    const d = deskOf();
    const many = await d.ask('查 广州东站');
    expect(many).toSay('admin.lookupMany');
    const lines = many.split('\n').filter((line) => /^\d\. /.test(line));
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect((await d.ask('2')).split('\n')[0]).toBe(listedName(many, 2));
    expect((await d.ask('1')).split('\n')[0]).toBe(listedName(many, 1));
  });

  it('unbinds the unit of that number after 解绑 found several, once', async () => {
    const d = deskOf();
    const many = await d.ask('解绑 广州东站');
    expect(many).toSay('admin.unbindMany');
    const unit = UNITS.find((u) => u.name === listedName(many, 1))!;
    expect(await d.ask('1')).toBe(sentenceOf('admin.unbound', { unit: unit.name, topic: unit.roomTopic! }));
    expect(d.unbound).toEqual([unit.id]);
    expect(await d.ask('2')).toSay('admin.pickNothing');
    expect(d.unbound).toEqual([unit.id]);
  });

  it('looks up a unit by its number in the 未交 list', async () => {
    const d = deskOf();
    const missing = await d.ask('未交 附件2');
    expect(missing).toSay('admin.missingPick');
    expect((await d.ask('3')).split('\n')[0]).toBe(listedName(missing, 3));
  });

  it('answers 好的 with nothing waiting without talking of imports', async () => {
    const d = deskOf();
    expect(await d.ask('好的')).toBe(sentenceOf('admin.nothingToConfirm'));
    expect(await d.ask('确认导入')).toSay('admin.importNothingPending');
  });

  it('says when there is no list, or no such number in it', async () => {
    const d = deskOf();
    expect(await d.ask('1')).toBe(sentenceOf('admin.pickNothing'));
    await d.ask('查 广州东站');
    expect(await d.ask('9')).toSay('admin.pickOutOfRange', { n: 9, first: 1, last: /\d/ });
  });

  it('forgets the list once a name finds one unit, so a number cannot unbind by mistake', async () => {
    const d = deskOf();
    await d.ask('解绑 广州东站');
    expect((await d.ask('查 深圳地铁福田枢纽站')).split('\n')[0]).toBe('深圳地铁福田枢纽站');
    expect(await d.ask('1')).toSay('admin.pickNothing');
    expect(d.unbound).toEqual([]);
  });

  it('keeps each admin’s list apart', async () => {
    const d = deskOf();
    await d.ask('查 广州东站', PROVINCE);
    expect(await d.ask('1', GUANGZHOU)).toSay('admin.pickNothing');
  });
});

describe('a city or industry after the command', () => {
  it('narrows 统计 to the city named, with or without its 市', async () => {
    const d = deskOf();
    for (const word of ['广州市', '广州']) {
      const stats = await d.ask(`统计 附件2 ${word}`);
      expect(stats.split('\n')[0]).toSay('admin.statsHeader', { scope: '广州市' });
      expect(stats).toSay('admin.statsTotals', { total: 4 });
      expect(stats).not.toContain('深圳');
    }
  });

  it('narrows 未交, 名单 and 提醒 to an industry', async () => {
    const d = deskOf();
    const missing = await d.ask('未交 附件2 广东卫生健康');
    expect(missing).toSay('admin.missingHeader', { form: '附件2', scope: '广东卫生健康', count: 2 });
    expect(await d.ask('名单 广东卫生健康')).toSay('admin.rosterSummary', { scope: '广东卫生健康', total: 2 });
    await d.ask('提醒 附件2 深圳市');
    expect(d.reminders.asked).toEqual([{ formId: 'modelCollective', adminId: PROVINCE.id }]);
    // the Shenzhen units, and only those
    expect(d.reminders.unitIds).toEqual([[5, 6]]);
  });

  it('says a word that matches nothing, instead of "已全部提交"', async () => {
    const d = deskOf();
    expect(await d.ask('未交 附件2 99999')).toBe(sentenceOf('admin.scopeNone', { word: '99999' }));
    expect(await d.ask('统计 火星市')).toBe(sentenceOf('admin.scopeNone', { word: '火星市' }));
    expect(await d.ask('提醒 附件2 火星市')).toBe(sentenceOf('admin.scopeNone', { word: '火星市' }));
    expect(d.reminders.asked).toEqual([]);
  });

  it('tells a city admin that another city is outside its scope', async () => {
    const d = deskOf();
    expect(await d.ask('未交 附件2 深圳市', GUANGZHOU)).toBe(sentenceOf('admin.scopeOutside', { scope: '广州市', word: '深圳市' }));
    expect(await d.ask('统计 深圳市', GUANGZHOU)).toBe(sentenceOf('admin.scopeOutside', { scope: '广州市', word: '深圳市' }));
    expect(await d.ask('提醒 附件2 深圳', GUANGZHOU)).toBe(sentenceOf('admin.scopeOutside', { scope: '广州市', word: '深圳市' }));
    expect(d.reminders.asked).toEqual([]);
  });

  it('lets a city admin name its own city, or an industry within it', async () => {
    const d = deskOf();
    expect(await d.ask('未交 附件2 广州市', GUANGZHOU)).toSay('admin.missingHeader', { form: '附件2', scope: '广州市', count: 4 });
    expect(await d.ask('未交 附件2 广东卫生健康', GUANGZHOU)).toSay('admin.missingHeader', { form: '附件2', scope: '广州市 广东卫生健康', count: 1 });
  });
});
