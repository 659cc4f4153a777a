// What a reminder says to a group, how far along a unit is, and which units still have a form open, with the
// real 2021 campaign.
import { describe, expect, it } from 'vitest';
import { findForm } from '../../src/campaign/forms.js';
import { loadCampaign } from '../../src/files/campaign.js';
import { fill } from '../../src/campaign/text.js';
import type { Answers, Entry } from '../../src/conversation/draft.js';
import { openAnswers, progressOf, reminderText } from '../../src/schedule/reminder-text.js';
import type { RemindableUnit } from '../../src/schedule/store.js';

const campaign = loadCampaign('conversations');
const m = campaign.messages;
const form = findForm(campaign, 'modelCollective')!;
const brief = findForm(campaign, 'activityReport')!;

/** Guangdong wall-clock time. */
const sh = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);
const NOW = sh('2021-09-26 17:00'); // three days before 附件2's deadline (the 示范集体's own)
const UNIT = '广州地铁运营一中心青年文明号';
const COMMITMENT = '热情周到，便民利民，让每一位乘客安心出行';
const ITEMS: Entry[] = [
  { content: '在早晚高峰增设志愿引导岗，为老年乘客提供进出站全程陪同服务', type: '提供暖心服务' },
  { content: '推出地铁失物招领线上查询服务，方便乘客快速找回遗失物品', type: '优化办事流程' },
  { content: '组织青年员工走进沿线中小学开展安全乘车宣传课', type: '提高服务质量' },
];

const withItems = (n: number, extra: Entry[] = []): Answers => ({ commitment: COMMITMENT, items: [...ITEMS.slice(0, n), ...extra] });
const text = (answers: Answers, now = NOW) => reminderText(campaign, form, UNIT, answers, now);

describe('the reminder text', () => {
  it('checks the campaign’s wording it relies on', () => {
    expect(m.reminderMissingItems).toBe('第{from}–{to}项{label}');
    expect(m.reminderMissingItem).toBe('第{n}项{label}');
    expect(m.reminderMissingField).toBe('{label}');
    expect(campaign.formats.listSeparator).toBe('、');
  });

  it('tells a unit that has answered nothing that it has not started, and all it lacks', () => {
    const missing = [fill(m.reminderMissingField, { label: '服务承诺' }), fill(m.reminderMissingItems, { from: 1, to: 3, label: '服务事项' })].join(
      campaign.formats.listSeparator,
    );
    expect(missing).toBe('服务承诺、第1–3项服务事项');
    const reminder = text({});
    expect(reminder).toBe(
      [
        `⏰ 提醒：${UNIT}的附件2还没有开始填报。`,
        '截止时间：9月29日（周三）17:00，还剩3天0小时。',
        '还差：服务承诺、第1–3项服务事项',
        '回复“填报”开始填写。',
      ].join('\n'),
    );
    expect(reminder).toBe(fill(m.reminderNotStarted, { unit: UNIT, form: '附件2', deadline: '9月29日（周三）17:00', timeLeft: '还剩3天0小时', missing }));
    expect(reminder).not.toContain(form.title);
  });

  it('shows the time left as it shrinks', () => {
    expect(text({}, sh('2021-09-29 14:00'))).toContain('截止时间：9月29日（周三）17:00，还剩3小时0分钟。');
    expect(text({}, sh('2021-09-29 16:55'))).toContain('还剩5分钟');
    expect(text({}, sh('2021-09-28 15:30'))).toContain('还剩1天1小时');
  });

  it('tells a unit with a commitment and two items it still lacks the third', () => {
    const reminder = text(withItems(2));
    expect(reminder).toBe(
      [`⏰ 提醒：${UNIT}的附件2还没有提交。`, '截止时间：9月29日（周三）17:00，还剩3天0小时。', '还差：第3项服务事项', '回复“填报”继续填写。'].join('\n'),
    );
  });

  it('names what is missing in the order of the form', () => {
    expect(text({ commitment: COMMITMENT })).toContain('\n还差：第1–3项服务事项\n');
    expect(text({ commitment: COMMITMENT, items: ITEMS.slice(0, 1) })).toContain('\n还差：第2–3项服务事项\n');
    expect(text({ items: ITEMS })).toContain('\n还差：服务承诺\n');
    expect(text({ items: ITEMS.slice(0, 2) })).toContain('\n还差：服务承诺、第3项服务事项\n');
    // started, so not “还没有开始”
    expect(text({ items: ITEMS })).toMatch(/^⏰ 提醒：.*的附件2还没有提交。/);
  });

  it('asks a unit that has filled everything to confirm', () => {
    const reminder = text(withItems(3));
    expect(reminder).toBe(
      [`⏰ 提醒：${UNIT}的附件2已经填完，还没有确认提交。`, '截止时间：9月29日（周三）17:00，还剩3天0小时。', '回复“填报”核对后回复“确认”提交。'].join('\n'),
    );
    expect(reminder).not.toContain('还差');
    // more than the minimum is just as complete
    expect(text({ commitment: COMMITMENT, items: [...ITEMS, { content: '设立青年突击队，保障节假日大客流安全有序', type: '其他' }] })).toContain(
      '已经填完，还没有确认提交',
    );
  });

  it('does not count an entry without its type as done', () => {
    const half = withItems(2, [{ content: '在车站设置便民服务箱，提供雨伞、充电宝等应急物品借用' }]);
    const reminder = text(half);
    expect(reminder).toContain(`⏰ 提醒：${UNIT}的附件2还没有提交。`);
    expect(reminder).toContain('还差：第3项服务事项');
    expect(reminder).not.toContain('已经填完');
  });

  it('names what the brief needs, one of three, and the H5 upload the notice asks for', () => {
    const reminder = reminderText(campaign, brief, UNIT, {}, sh('2021-10-27 12:00'));
    expect(reminder).toBe(
      [
        `⏰ 提醒：${UNIT}的简报还没有开始填报。`,
        '截止时间：10月29日（周五）23:59，还剩2天11小时。',
        '还差：推文链接、简报文件或100字以上的文字简报（三者有其一即可）',
        '回复“填报”开始填写。',
        brief.note!,
      ].join('\n'),
    );
    expect(brief.note).toContain('“广东青年岗位建功”H5（附件3）的“青年文明号服务月”栏目');
    expect(reminder).not.toMatch(/https?:\/\//);
  });

  it('tells a brief with a short text only that it still needs one of the three, and one with a link that it is not handed in', () => {
    const short = reminderText(campaign, brief, UNIT, { summary: '10月开展开放日活动共120场。' }, sh('2021-10-27 12:00'));
    expect(short).toContain(`⏰ 提醒：${UNIT}的简报还没有提交。`);
    expect(short).toContain('还差：推文链接、简报文件或100字以上的文字简报（三者有其一即可）');
    const linked = reminderText(campaign, brief, UNIT, { links: [{ url: 'https://mp.weixin.qq.com/s/abc' }] }, sh('2021-10-27 12:00'));
    expect(linked).toContain('已经填完，还没有确认提交');
    expect(linked.endsWith(brief.note!)).toBe(true);
  });
});

describe('progressOf', () => {
  it('goes from 0 with nothing to 1000 when complete, the text field counting one and the list its minimum', () => {
    expect(progressOf(form, {})).toBe(0);
    expect(progressOf(form, { commitment: COMMITMENT })).toBe(250);
    expect(progressOf(form, withItems(2))).toBe(750);
    expect(progressOf(form, withItems(3))).toBe(1000);
  });

  it('orders the least advanced first', () => {
    const values = [withItems(3), {}, withItems(1), { commitment: COMMITMENT }, withItems(2)].map((answers) => progressOf(form, answers));
    expect([...values].sort((a, b) => a - b)).toEqual([0, 250, 500, 750, 1000]);
    expect(progressOf(form, {})).toBeLessThan(progressOf(form, withItems(2)));
    expect(progressOf(form, withItems(2))).toBeLessThan(progressOf(form, withItems(3)));
  });

  it('counts the brief done once any one of its three materials is in, and not before', () => {
    expect(progressOf(brief, {})).toBe(0);
    expect(progressOf(brief, { summary: '10月开展开放日活动共120场。' })).toBe(0);
    expect(progressOf(brief, { files: [{ file: '简报.docx（#1）' }] })).toBe(1000);
  });

  it('counts neither an incomplete entry nor entries beyond the minimum', () => {
    expect(progressOf(form, withItems(2, [{ content: '在车站设置便民服务箱，提供应急物品借用' }]))).toBe(750);
    expect(progressOf(form, { items: [{ content: '只写了内容的一项服务事项' }] })).toBe(0);
    expect(progressOf(form, withItems(3, [{ content: '设立青年突击队，保障节假日大客流', type: '其他' }]))).toBe(1000);
  });
});

describe('openAnswers', () => {
  const unit = (submissions: RemindableUnit['submissions']): RemindableUnit => ({
    id: 7,
    name: UNIT,
    kind: 'collective',
    categories: ['national20'],
    city: '广州市',
    industry: '城市轨道交通',
    roomId: 'room-7',
    roomTopic: '地铁一中心青年文明号群',
    submissions,
    owner: null,
  });

  it('is {} when the unit has nothing for the form', () => {
    expect(openAnswers(unit([]), form)).toEqual({});
    // another form's submission does not count
    expect(openAnswers(unit([{ formId: 'activityReport', status: 'submitted', answers: { summary: 'x' } }]), form)).toEqual({});
  });

  it('is the draft’s answers while the form is a draft', () => {
    const answers = withItems(2);
    expect(openAnswers(unit([{ formId: 'modelCollective', status: 'draft', answers }]), form)).toEqual(answers);
  });

  it('is undefined once the form is submitted, or submitted and reopened', () => {
    expect(openAnswers(unit([{ formId: 'modelCollective', status: 'submitted', answers: withItems(3) }]), form)).toBeUndefined();
    expect(openAnswers(unit([{ formId: 'modelCollective', status: 'reopened', answers: withItems(2) }]), form)).toBeUndefined();
  });
});

describe('an entry begun beyond the minimum', () => {
  it('is named in the reminder, not taken for a finished form', () => {
    const reminder = text(withItems(3, [{ content: '开设周末延时服务窗口，方便上班族乘客办理业务' }]));
    expect(reminder).toContain('还没有提交');
    expect(reminder).toContain('还差：第4项服务事项');
    expect(reminder).not.toContain('已经填完');
  });
});
