// 汇总: a city or industry admin reviews the forms its units hand in (审核), approves them (通过) or sends
// one back with a reason (退回); the province sees where each stands in 统计.
import { describe, expect, it } from 'vitest';
import { parseAdminCommand } from '../../src/admin/commands.js';
import type { Admin } from '../../src/report/scope.js';
import { loadCampaign } from '../../src/files/campaign.js';
import type { AdminSubmission, AdminUnit } from '../../src/report/units.js';
import { digestText } from '../../src/schedule/digest-text.js';
import { adminUnit, makeDesk } from '../support/admin-desk.js';
import { checkSays, sentenceOf } from '../support/says.js';

const campaign = loadCampaign('conversations');
const NOW = new Date('2021-09-29T18:00:00+08:00');
const PROVINCE: Admin = { id: 'wxid_province', scope: { kind: 'province' } };
const GUANGZHOU: Admin = { id: 'wxid_gz', scope: { kind: 'city', city: '广州市' } };
const METRO: Admin = { id: 'wxid_metro', scope: { kind: 'industry', industry: '广州地铁集团' } };

function handedIn(formId: string, at: string, version = 1): AdminSubmission {
  return {
    formId,
    status: 'submitted',
    answers: { commitment: '热情周到，便民利民', items: [] },
    version,
    submittedAt: new Date(`${at}+08:00`),
    late: false,
    review: { status: 'pending', note: null, at: null, by: null },
  };
}

function units(): AdminUnit[] {
  const east = adminUnit(1, '广州东站青年文明号', '广州市', '广州地铁集团', '东站群');
  east.submissions = [handedIn('modelCollective', '2021-09-28T10:00')];
  const south = adminUnit(2, '广州南站青年文明号', '广州市', '广东铁路', '南站群');
  south.categories = ['national20', 'provincialModel'];
  south.submissions = [handedIn('modelCollective', '2021-09-27T09:00')];
  const ordinary = { ...adminUnit(3, '越秀区政务服务中心', '广州市', null, '越秀群'), categories: ['other' as const] };
  ordinary.submissions = [handedIn('collectiveList', '2021-09-29T08:00')];
  const shenzhen = adminUnit(4, '深圳北站青年文明号', '深圳市', '广东铁路', '深圳北站群');
  shenzhen.submissions = [handedIn('modelCollective', '2021-09-26T09:00')];
  const industry = { ...adminUnit(5, '广东电网有限责任公司团委', null, '广东电网', '电网群'), kind: 'industryOrg' as const, categories: [] };
  industry.submissions = [handedIn('industryList', '2021-09-25T09:00')];
  const cityOrg = { ...adminUnit(6, '共青团广州市委员会', '广州市', null, null), kind: 'cityOrg' as const, categories: [] };
  return [east, south, ordinary, shenzhen, industry, cityOrg];
}

const deskOf = () => makeDesk({ campaign, admins: [PROVINCE, GUANGZHOU, METRO], now: NOW, units: units() });

/** When 附件2 is to be sent on to the province, as the lists and 统计 say it. */
const SEND_BY = sentenceOf('admin.reviewSendBy', { time: '9月30日（周四）12:00' });
const reviewLine = (n: number, name: string, where: string, time: string) => sentenceOf('admin.reviewLine', { n, name, where, time, late: '' });
const standing = (pending: number, approved: number, returned: number) => sentenceOf('admin.statsReview', { pending, approved, returned, sendBy: SEND_BY });

describe('reading 审核, 通过 and 退回', () => {
  const parse = (text: string) => parseAdminCommand(text, campaign);
  it('takes a form and a city after 审核, numbers or 全部 after 通过, a number and a reason after 退回', () => {
    expect(parse('审核')).toEqual({ type: 'review', within: '' });
    expect(parse('审核 附件2 广州市')).toMatchObject({ type: 'review', form: { id: 'modelCollective' }, within: '广州市' });
    expect(parse('通过 1')).toEqual({ type: 'approve', picks: [1] });
    expect(parse('通过 1、3 ４')).toEqual({ type: 'approve', picks: [1, 3, 4] });
    expect(parse('通过 全部')).toEqual({ type: 'approve', picks: 'all' });
    expect(parse('通过')).toEqual({ type: 'approve', picks: [] });
    expect(parse('退回 2 第3项太笼统，请写明具体举措')).toEqual({ type: 'returnForm', n: 2, reason: '第3项太笼统，请写明具体举措' });
    expect(parse('退回2：服务承诺超过50字')).toEqual({ type: 'returnForm', n: 2, reason: '服务承诺超过50字' });
    expect(parse('退回 2')).toEqual({ type: 'returnForm', n: 2, reason: '' });
    expect(parse('退回')).toEqual({ type: 'returnForm', reason: '' });
    // 审核通过 is 通过, not 审核
    expect(parse('审核通过 2')).toEqual({ type: 'approve', picks: [2] });
    expect(parse('导出 附件2 广州市 已通过')).toEqual({ type: 'export', table: 'attachment2', within: '广州市', includeMissing: false, approvedOnly: true });
  });
});

describe('审核 by a city', () => {
  it('lists what its units handed in, oldest first, numbered, with the date to send it on; nothing of other cities or of 附件1', async () => {
    const { ask } = deskOf();
    const text = await ask('审核', GUANGZHOU);
    expect(text).toBe(
      [
        sentenceOf('admin.reviewHeader', { form: '附件2', scope: '广州市', count: 2, sendBy: SEND_BY }),
        reviewLine(1, '广州南站青年文明号', '广州市、广东铁路', '9月27日 09:00'),
        reviewLine(2, '广州东站青年文明号', '广州市、广州地铁集团', '9月28日 10:00'),
        sentenceOf('admin.reviewHeader', { form: '承诺事项', scope: '广州市', count: 1, sendBy: '' }),
        reviewLine(3, '越秀区政务服务中心', '广州市', '9月29日 08:00'),
        sentenceOf('admin.reviewHint'),
      ].join('\n'),
    );
    expect(await ask('审核 附件1', GUANGZHOU)).toBe(sentenceOf('admin.reviewNotCollected', { form: '附件1' }));
    expect(await ask('审核 深圳市', GUANGZHOU)).toBe(sentenceOf('admin.scopeOutside', { scope: '广州市', word: '深圳市' }));
  });

  it('an industry sees its own units, wherever they are', async () => {
    const { ask } = deskOf();
    expect(await ask('审核', METRO)).toContain('1. 广州东站青年文明号');
    expect(await ask('审核', METRO)).not.toContain('南站');
  });

  it('a number shows the unit with what it handed in, and the list stays', async () => {
    const { ask } = deskOf();
    await ask('审核', GUANGZHOU);
    const shown = await ask('2', GUANGZHOU);
    expect(shown).toMatch(/^广州东站青年文明号\n/);
    expect(shown).toSay('admin.reviewHint');
    expect(await ask('1', GUANGZHOU)).toMatch(/^广州南站青年文明号\n/);
  });
});

describe('通过', () => {
  it('approves the numbers given, audited, and they leave the list; 统计 shows where the form stands', async () => {
    const { ask, store } = deskOf();
    await ask('审核', GUANGZHOU);
    expect(await ask('通过 1 2', GUANGZHOU)).toBe(sentenceOf('admin.approved', { count: 2, names: '广州南站青年文明号、广州东站青年文明号' }));
    expect(store.audits.filter((a) => a.action === 'review.approved')).toHaveLength(2);
    expect(await ask('通过 1', GUANGZHOU)).toBe(sentenceOf('admin.pickOutOfRange', { n: 1, first: 3, last: 3 }));
    expect(await ask('审核', GUANGZHOU)).not.toContain('广州东站');
    const stats = await ask('统计 附件2', PROVINCE);
    expect(stats).toContain(standing(1, 2, 0));
  });

  it('通过 全部 approves every entry of the last list; with no list it says how to get one', async () => {
    const { ask } = deskOf();
    expect(await ask('通过 全部', GUANGZHOU)).toBe(sentenceOf('admin.approveWhat'));
    await ask('审核', GUANGZHOU);
    expect(await ask('通过 全部', GUANGZHOU)).toBe(
      sentenceOf('admin.approved', { count: 3, names: '广州南站青年文明号、广州东站青年文明号、越秀区政务服务中心' }),
    );
    expect(await ask('审核', GUANGZHOU)).toBe(sentenceOf('admin.reviewNone', { scope: '广州市' }));
  });

  it('does not approve a version the group reopened after the list was shown', async () => {
    const { ask, store } = deskOf();
    await ask('审核', GUANGZHOU);
    store.unitList[1]!.submissions[0]!.status = 'reopened';
    expect(await ask('通过 1', GUANGZHOU)).toBe(sentenceOf('admin.approveStale', { names: '广州南站青年文明号' }));
  });
});

describe('退回', () => {
  it('reopens the form in its group with the reason, @-mentioning the filler through the outbox', async () => {
    const { ask, returned, notices, store } = deskOf();
    await ask('审核', GUANGZHOU);
    expect(await ask('退回 2 第3项太笼统，请写明具体举措', GUANGZHOU)).toBe(
      sentenceOf('admin.returnedDone', { name: '广州东站青年文明号', form: '附件2', topic: '东站群' }),
    );
    expect(returned).toEqual([{ unitId: 1, formId: 'modelCollective', reason: '第3项太笼统，请写明具体举措', by: '共青团广州市委员会' }]);
    expect(notices).toEqual([
      { key: 'return:1:modelCollective:1:room-1', roomId: 'room-1', text: '退回：第3项太笼统，请写明具体举措', mentionIds: ['filler'] },
    ]);
    expect(store.unitList[0]!.submissions[0]!.review).toMatchObject({ status: 'returned', note: '第3项太笼统，请写明具体举措', by: GUANGZHOU.id });
    expect(await ask('统计 附件2', GUANGZHOU)).toContain(standing(1, 0, 1));
  });

  it('asks for the reason, the number, or a list first; refuses a unit without a group', async () => {
    const { ask, returned } = deskOf();
    expect(await ask('退回 1 太短', GUANGZHOU)).toSay('admin.returnWhat');
    await ask('审核', GUANGZHOU);
    expect(await ask('退回 1', GUANGZHOU)).toBe(sentenceOf('admin.returnReason', { n: 1 }));
    expect(await ask('退回 太笼统', GUANGZHOU)).toSay('admin.returnWhat');
    expect(await ask('退回 9 太笼统', GUANGZHOU)).toBe(sentenceOf('admin.pickOutOfRange', { n: 9, first: 1, last: 3 }));
    expect(returned).toEqual([]);
  });

  it('the province reviews too, under its own name', async () => {
    const { ask, returned } = deskOf();
    const list = await ask('审核 附件2', PROVINCE);
    expect(list).toSay('admin.reviewHeader', { form: '附件2', scope: '全省', count: 3 });
    expect(list.indexOf('深圳北站')).toBeLessThan(list.indexOf('广州南站'));
    await ask('退回 1 请补充服务对象', PROVINCE);
    expect(returned[0]).toMatchObject({ unitId: 4, by: '团省委青发部' });
  });
});

describe('the digest', () => {
  it('says where each reviewed form stands, and nothing of review for 附件1', () => {
    const budget = { sentToday: 0, dailyCap: 300, pendingReminders: 0, paused: false, failed: [], expired: 0, shortfalls: [] };
    const all = units();
    all[0]!.submissions[0]!.review = { status: 'approved', note: null, at: NOW, by: GUANGZHOU.id };
    const text = digestText(campaign, GUANGZHOU, all, campaign.forms, '【每日汇总】', NOW, budget);
    expect(text).toContain(`${sentenceOf('admin.statsTotals', { total: 2, submitted: 2, late: 0, draft: 0, none: 0 })}\n${standing(1, 1, 0)}`);
    expect(text).toSay('admin.statsForm', { form: '承诺事项' });
    expect(text.split('\n').filter((line) => checkSays(line, 'admin.statsReview').pass)).toHaveLength(2);
  });
});
