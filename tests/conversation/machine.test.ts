import { describe, expect, it } from 'vitest';
import { machineVersion } from '../../src/conversation/engine.js';
import type { Campaign } from '../../src/campaign/schema.js';
import { sentenceOf, templateOf } from '../support/says.js';
import { answersWith, campaign, COMMITMENT, Driver, engine, eventOf, form, itemText, ITEMS } from './harness.js';

const AT = {
  commitment: { kind: 'field', form: 'modelCollective', field: 'commitment' },
  content: { kind: 'entry', form: 'modelCollective', field: 'items', sub: 'content' },
  type: { kind: 'entry', form: 'modelCollective', field: 'items', sub: 'type' },
  more: { kind: 'more', form: 'modelCollective', field: 'items' },
  review: { kind: 'review', form: 'modelCollective' },
} as const;

/** The questions of 附件2 by their keys: most tests here are about where the form goes, not its words. */
const Q = {
  commitment: sentenceOf('form:modelCollective.commitment.prompt', { step: 1 }),
  content: (n: number) => sentenceOf('form:modelCollective.items.content.prompt', { step: 2, n }),
  type: (n: number) => sentenceOf('form:modelCollective.items.type.prompt', { n }),
  more: (count: number) => sentenceOf('continuePrompt', { min: 3, count, next: count + 1 }),
  /** the review's first line */
  review: templateOf('review').split('\n')[0]!,
};
/** The service types under their question: the choices of the campaign file, laid out in columns. */
const MENU = '1 优化办事流程　2 规范审批行为　3 提高服务质量\n4 提供暖心服务　5 解决民生困难　6 其他';
const itemSaved = (n: number, type: string) => sentenceOf('form:modelCollective.items.saved', { n, type });
const commitmentSaved = (chars: number) => sentenceOf('form:modelCollective.commitment.saved', { chars });
/** 上一步 or 修改 shows the answer it goes back to. */
const current = (value: string) => sentenceOf('current', { value });
const itemLabel = (n: number) => sentenceOf('form:modelCollective.items.itemLabel', { n });

/** The first lines of a reply: the sentence a command gets, then the question it returns to. */
function opening(reply: string, lines = 2): string[] {
  return reply.split('\n').slice(0, lines);
}

/** Where the driver stands: the question and the entry (1-based) it is about. */
function expectAt(d: Driver, at: (typeof AT)[keyof typeof AT], n?: number) {
  expect(d.at).toEqual(at);
  expect(d.outcome).toBe('active');
  if (n !== undefined) expect(d.index).toBe(n - 1);
}

/** A driver with the commitment and n complete items: at item n+1 below three, else at the review. */
function withItems(n: number): Driver {
  return new Driver({ commitment: COMMITMENT, items: answersWith(n).items });
}

/** A driver at 继续/完成 after n complete items. */
function atMore(n: number): Driver {
  const d = withItems(n);
  d.send('上一步');
  expectAt(d, AT.more);
  return d;
}

describe('the whole form, question by question', () => {
  it('asks the commitment, three items with types, offers 继续/完成, reviews and submits', () => {
    // The whole exchange word for word, as a group reads it: the one place here that pins the tone.
    const said = {
      commitment: '第1步：请发送本集体的服务承诺（50字以内）。',
      content: (n: number) => `第2步：请发送第${n}项服务事项（100字以内）。`,
      type: (n: number) => `请选择第${n}项的服务类型，回复数字：`,
      more: (count: number) => `已满足至少3项的要求（目前${count}项）。\n回复“继续”添加第${count + 1}项，或回复“完成”查看汇总。`,
      hint: '建议写明：服务对象、具体举措、服务目标。',
    };
    const d = new Driver();
    expectAt(d, AT.commitment);
    expect(d.reply).toBe(said.commitment);

    expect(d.send(COMMITMENT)).toBe(`✅ 服务承诺已保存（20字）。\n${said.content(1)}\n${said.hint}`);
    expectAt(d, AT.content, 1);
    expect(d.answers.commitment).toBe(COMMITMENT);

    expect(d.send(ITEMS[0]!)).toBe(`${said.type(1)}\n${MENU}`);
    expectAt(d, AT.type, 1);
    expect(d.items).toEqual([{ content: ITEMS[0] }]);

    expect(d.send('暖心服务')).toBe(`✅ 第1项已保存（提供暖心服务）。\n${said.content(2)}`);
    expectAt(d, AT.content, 2);

    d.send(ITEMS[1]!);
    expect(d.send('1')).toBe(`✅ 第2项已保存（优化办事流程）。\n${said.content(3)}`);
    d.send(ITEMS[2]!);
    expectAt(d, AT.type, 3);
    expect(d.send('３')).toBe(`✅ 第3项已保存（提高服务质量）。\n${said.more(3)}`);
    expectAt(d, AT.more);

    expect(d.send('继续')).toBe(said.content(4));
    expectAt(d, AT.content, 4);
    d.send(ITEMS[3]!);
    expect(d.send('4 提供暖心服务')).toBe(`✅ 第4项已保存（提供暖心服务）。\n${said.more(4)}`);

    const review = d.send('完成');
    expectAt(d, AT.review);
    expect(review).toBe(
      [
        '请核对以下内容：',
        `【服务承诺】${COMMITMENT}`,
        '【服务事项】',
        `1. ${ITEMS[0]}（提供暖心服务）`,
        `2. ${ITEMS[1]}（优化办事流程）`,
        `3. ${ITEMS[2]}（提高服务质量）`,
        `4. ${ITEMS[3]}（提供暖心服务）`,
        '回复“确认”提交；“修改 承诺”或“修改 2”修改；“删除 4”删除。',
      ].join('\n'),
    );

    d.send('确认');
    expect(d.outcome).toBe('submitted');
    expect(d.at).toBeUndefined();
    expect(d.answers).toEqual({
      commitment: COMMITMENT,
      items: [
        { content: ITEMS[0], type: '提供暖心服务' },
        { content: ITEMS[1], type: '优化办事流程' },
        { content: ITEMS[2], type: '提高服务质量' },
        { content: ITEMS[3], type: '提供暖心服务' },
      ],
    });
  });

  it('offers no 删除 at the review when only three items are left', () => {
    const d = withItems(3);
    d.send('完成');
    expect(d.reply).toSay('reviewAtMin');
    expect(d.reply).not.toSay('review');
  });

  it('reads item 4 sent at 继续/完成 without 继续 as that item', () => {
    const d = atMore(3);
    expectAt(d, AT.more);
    expect(d.send(ITEMS[3]!)).toBe(`${Q.type(4)}\n${MENU}`);
    expectAt(d, AT.type, 4);
    expect(d.items[3]).toEqual({ content: ITEMS[3] });
    d.send('5');
    expectAt(d, AT.more);
    expect(d.items[3]).toEqual({ content: ITEMS[3], type: '解决民生困难' });
  });

  it('names an item begun beyond the minimum when it keeps the form from being finished', () => {
    const d = atMore(3);
    d.send(ITEMS[3]!);
    const missing = sentenceOf('missingField', { label: itemLabel(4) });
    expect(d.send('确认')).toBe(`${sentenceOf('notNowConfirm', { missing })}\n${Q.type(4)}\n${MENU}`);
    expect(d.send('完成')).toBe(`${sentenceOf('notNowFinish', { missing })}\n${Q.type(4)}\n${MENU}`);
  });

  it('checks item 4 sent at 继续/完成 like any item, and keeps the offer', () => {
    const d = atMore(3);
    expect(d.send(ITEMS[0]!)).toBe(`${sentenceOf('errorDuplicate', { other: 1 })}\n${Q.more(3)}`);
    expect(d.send('推出')).toBe(`${sentenceOf('errorTooShort', { label: '服务事项', min: 5, count: 2 })}\n${Q.more(3)}`);
    // An acknowledgement is not an item: the offer again, once; more of it in a row gets no reply.
    expect(d.send('好的')).toBe(Q.more(3));
    expect(d.send('收到')).toBe('');
    expectAt(d, AT.more);
    expect(d.items).toHaveLength(3);
  });

  it('asks again, keeping everything, after a bad answer at each question', () => {
    const d = withItems(1);
    const before = structuredClone(d.answers);
    expect(d.send('')).toBe(sentenceOf('errorEmpty', { label: '服务事项' }));
    // Emoji alone are a reaction, not an answer: the question again.
    expect(d.send('😀😀😀')).toBe(Q.content(2));
    expect(d.send(ITEMS[0]!)).toBe(sentenceOf('errorDuplicate', { other: 1 }));
    expectAt(d, AT.content, 2);
    expect(d.answers).toEqual(before);
    d.send(ITEMS[1]!);
    expect(d.send('9')).toBe(`${sentenceOf('errorChoice', { input: '9', label: '服务类型', max: 6 })}\n${MENU}`);
    expect(d.send('第四个')).toSay('errorChoice', { input: '第四个' });
    expectAt(d, AT.type, 2);
    expect(d.items[1]).toEqual({ content: ITEMS[1] });
  });

  it('will not finish, submit or add an item before three are complete', () => {
    const d = withItems(1);
    const twoShort = sentenceOf('missingItems', { label: '服务事项', count: 2 });
    expect(d.send('完成')).toBe(`${sentenceOf('notNowFinish', { missing: twoShort })}\n${Q.content(2)}`);
    expect(d.send('确认')).toBe(`${sentenceOf('notNowConfirm', { missing: twoShort })}\n${Q.content(2)}`);
    expect(d.send('继续')).toBe(`${campaign.messages.notNowContinue}\n${Q.content(2)}`);
    expectAt(d, AT.content, 2);
    const none = new Driver();
    const everything = [sentenceOf('missingField', { label: '服务承诺' }), sentenceOf('missingItems', { label: '服务事项', count: 3 })].join(
      campaign.formats.listSeparator,
    );
    expect(none.send('确认')).toSay('notNowConfirm', { missing: everything });
  });

  it('repeats the review on any other text, and takes 继续 from the review', () => {
    const d = withItems(3);
    d.send('完成');
    const review = d.reply;
    expect(d.send('好的没问题')).toBe(review);
    expect(d.send('完成')).toBe(review);
    expect(d.send('继续')).toBe(Q.content(4));
    expectAt(d, AT.content, 4);
  });
});

describe('maxItems', () => {
  const max = (form.fields[1] as { maxItems: number }).maxItems;

  it('stops adding at the limit, from the review and from 继续/完成', () => {
    const d = new Driver(answersWith(max));
    expectAt(d, AT.review);
    const full = sentenceOf('listFull', { max });
    expect(opening(d.send('继续'))).toEqual([full, Q.review]);
    expectAt(d, AT.review);
    d.send('上一步');
    expectAt(d, AT.more);
    expect(opening(d.send('继续'), 1)).toEqual([full]);
    expect(opening(d.send('在站台新增一处母婴休息区方便乘客'), 1)).toEqual([full]);
    expect(d.items).toHaveLength(max);
  });

  it('goes straight to the review once the last allowed item is complete', () => {
    const d = new Driver(answersWith(max - 1));
    d.send('继续');
    d.send(itemText(max - 1));
    d.send('2');
    expectAt(d, AT.review);
    expect(d.items).toHaveLength(max);
  });
});

describe('上一步 from every kind of question', () => {
  it('at the commitment: already the first step', () => {
    const d = new Driver();
    expect(d.send('上一步')).toBe(`${campaign.messages.atFirstStep}\n${Q.commitment}`);
    expectAt(d, AT.commitment);
  });

  it('item 1 content → commitment, keeping it; answering goes on to item 1', () => {
    const d = new Driver({ commitment: COMMITMENT });
    expect(d.send('上一步')).toBe(`${current(COMMITMENT)}\n${Q.commitment}`);
    expectAt(d, AT.commitment);
    expect(d.answers.commitment).toBe(COMMITMENT);
    d.send('热情周到，让每一位乘客安心出行');
    expectAt(d, AT.content, 1);
    expect(d.answers.commitment).toBe('热情周到，让每一位乘客安心出行');
  });

  it('item type → its content, keeping the content', () => {
    const d = withItems(1);
    d.send(ITEMS[1]!);
    expect(d.send('上一步')).toBe(`${current(ITEMS[1]!)}\n${Q.content(2)}`);
    expectAt(d, AT.content, 2);
    expect(d.items[1]).toEqual({ content: ITEMS[1] });
    d.send(ITEMS[4]!);
    expectAt(d, AT.type, 2);
    expect(d.items[1]).toEqual({ content: ITEMS[4] });
  });

  it('item n content → item n-1 type', () => {
    const d = withItems(2);
    expectAt(d, AT.content, 3);
    expect(d.send('上一步')).toBe(`${current('规范审批行为')}\n${Q.type(2)}\n${MENU}`);
    expectAt(d, AT.type, 2);
    d.send('6');
    expect(d.items[1]!.type).toBe('其他');
    expectAt(d, AT.content, 3);
  });

  it('继续/完成 → the last item’s type', () => {
    const d = atMore(3);
    d.send('上一步');
    expectAt(d, AT.type, 3);
  });

  it('review → 继续/完成', () => {
    const d = withItems(3);
    d.send('完成');
    expect(d.send('上一步')).toBe(Q.more(3));
    expectAt(d, AT.more);
  });

  it('walks all the way back to the first step without losing an answer', () => {
    const d = withItems(3);
    d.send('完成');
    const answers = structuredClone(d.answers);
    const seen: string[] = [];
    for (let i = 0; i < 9; i++) {
      d.send('上一步');
      const at = d.at!;
      seen.push(`${at.kind}${'sub' in at ? `:${at.sub}` : ''}#${d.index + 1}`);
    }
    expect(seen).toEqual([
      'more#3',
      'entry:type#3',
      'entry:content#3',
      'entry:type#2',
      'entry:content#2',
      'entry:type#1',
      'entry:content#1',
      'field#1',
      'field#1',
    ]);
    expect(d.reply).toBe(`${campaign.messages.atFirstStep}\n${Q.commitment}`);
    expect(d.answers).toEqual(answers);
  });

  it('an item left half-done by 上一步 is asked for next, never skipped (no endless new items)', () => {
    const d = atMore(3);
    d.send(ITEMS[3]!); // item 4 content, straight from 继续/完成
    d.send('上一步'); // item 4 content
    d.send('上一步'); // item 3 type
    expectAt(d, AT.type, 3);
    expect(d.send('4')).toBe(`${itemSaved(3, '提供暖心服务')}\n${Q.type(4)}\n${MENU}`);
    expectAt(d, AT.type, 4);
    d.send('1');
    expectAt(d, AT.more);
    expect(d.reply).toSay('continuePrompt', { count: 4 });
    d.send('完成');
    expectAt(d, AT.review);
    expect(d.items.map((item) => item.content)).toEqual(ITEMS.slice(0, 4));
  });

  it('a draft with a half-done entry in the middle resumes at that entry', () => {
    const items = [...answersWith(3).items, { content: ITEMS[3]! }, { content: ITEMS[4]!, type: '其他' }];
    const d = new Driver({ commitment: COMMITMENT, items });
    expectAt(d, AT.type, 4);
    d.send('2');
    expectAt(d, AT.more);
    expect(d.reply).toSay('continuePrompt', { count: 5 });
  });
});

describe('修改', () => {
  it('修改 承诺 from the review returns to the review', () => {
    const d = withItems(3);
    d.send('完成');
    expect(d.send('修改 承诺')).toBe(`${sentenceOf('editing', { label: '服务承诺' })}\n${current(COMMITMENT)}\n${Q.commitment}`);
    expectAt(d, AT.commitment);
    const reply = d.send('热情周到，让每一位乘客安心出行');
    expect(opening(reply, 3)).toEqual([
      commitmentSaved(15),
      Q.review,
      sentenceOf('summaryText', { label: '服务承诺', value: '热情周到，让每一位乘客安心出行' }),
    ]);
    expectAt(d, AT.review);
  });

  it('修改 2 from the review asks item 2 content then type, changes only item 2 and returns to the review', () => {
    const d = withItems(3);
    d.send('完成');
    expect(d.send('修改 2')).toBe(`${sentenceOf('editing', { label: itemLabel(2) })}\n${current(ITEMS[1]!)}\n${Q.content(2)}`);
    expectAt(d, AT.content, 2);
    d.send(ITEMS[4]!);
    expectAt(d, AT.type, 2);
    expect(opening(d.send('5'))).toEqual([itemSaved(2, '解决民生困难'), Q.review]);
    expectAt(d, AT.review);
    expect(d.items).toEqual([answersWith(3).items[0], { content: ITEMS[4], type: '解决民生困难' }, answersWith(3).items[2]]);
  });

  it('修改第二项 accepts the item’s own text again but not another item’s', () => {
    const d = withItems(3);
    d.send('修改第二项');
    expect(d.send(ITEMS[0]!)).toBe(sentenceOf('errorDuplicate', { other: 1 }));
    d.send(ITEMS[1]!);
    expectAt(d, AT.type, 2);
  });

  it('says the length of the saved commitment as Word counts it', () => {
    const d = new Driver();
    // 为老年乘客提供 7, APP 1, 预约与 3, 12345 1, 热线服务 4, ， 1, 24 1, 小时在线 4, 。 1: 23 字, though 30 characters
    const commitment = '为老年乘客提供APP预约与12345热线服务，24小时在线。';
    expect(opening(d.send(commitment), 1)).toEqual([commitmentSaved(23)]);
  });

  it('修改 承诺 mid-form returns to the first question still open', () => {
    const d = withItems(1);
    d.send('修改 承诺');
    expectAt(d, AT.commitment);
    expect(d.send('新的承诺：热情周到')).toBe(`${commitmentSaved(9)}\n${Q.content(2)}`);
    expectAt(d, AT.content, 2);
    expect(d.items).toHaveLength(1);
  });

  it('修改 1 mid-form, while item 2 is half done, returns to item 2', () => {
    const d = withItems(1);
    d.send(ITEMS[1]!);
    expectAt(d, AT.type, 2);
    d.send('修改 1');
    expectAt(d, AT.content, 1);
    d.send(ITEMS[5]!);
    expect(d.send('2')).toBe(`${itemSaved(1, '规范审批行为')}\n${Q.type(2)}\n${MENU}`);
    expectAt(d, AT.type, 2);
    expect(d.items).toEqual([{ content: ITEMS[5], type: '规范审批行为' }, { content: ITEMS[1] }]);
  });

  it('修改 of an item that does not exist, or of nothing named', () => {
    const d = withItems(3);
    d.send('完成');
    expect(opening(d.send('修改 5'))).toEqual([sentenceOf('editNoSuchItem', { n: 5, count: 3 }), Q.review]);
    expect(opening(d.send('修改'))).toEqual([campaign.messages.editWhat, Q.review]);
    expect(opening(d.send('修改 名字'), 1)).toEqual([campaign.messages.editWhat]);
    expectAt(d, AT.review);
  });
});

describe('删除', () => {
  it('删除 4 at the review of four items leaves three and the review without 删除', () => {
    const d = new Driver(answersWith(4));
    expect(opening(d.send('删除 4'))).toEqual([sentenceOf('deleted', { n: 4, count: 3 }), Q.review]);
    expectAt(d, AT.review);
    expect(d.items).toEqual(answersWith(3).items);
    expect(d.reply).toSay('reviewAtMin');
    expect(d.reply).not.toSay('review');
  });

  it('never below three', () => {
    const d = new Driver(answersWith(3));
    expect(opening(d.send('删除 2'))).toEqual([sentenceOf('deleteBelowMin', { min: 3, count: 3, n: 2 }), Q.review]);
    expect(d.items).toEqual(answersWith(3).items);
    const early = withItems(2);
    expect(early.send('删除 1')).toSay('deleteBelowMin', { min: 3, count: 2 });
    expect(early.items).toHaveLength(2);
  });

  it('shifts the later items forward', () => {
    const d = new Driver(answersWith(5));
    d.send('删除第二项');
    expect(d.items.map((item) => item.content)).toEqual([ITEMS[0], ITEMS[2], ITEMS[3], ITEMS[4]]);
    expect(d.reply).toSay('deleted', { n: 2, count: 4 });
    expect(d.reply).toSay('form:modelCollective.items.summaryLine', { n: 2, content: ITEMS[2]! });
  });

  it('mid-form, the item being asked about moves forward too', () => {
    const d = new Driver(answersWith(4));
    d.send('上一步');
    d.send('继续');
    expectAt(d, AT.content, 5);
    expect(d.send('删除 2')).toBe(`${sentenceOf('deleted', { n: 2, count: 3 })}\n${Q.content(4)}`);
    expectAt(d, AT.content, 4);
    d.send(ITEMS[5]!);
    d.send('3');
    expect(d.items.map((item) => item.content)).toEqual([ITEMS[0], ITEMS[2], ITEMS[3], ITEMS[5]]);
  });

  it('deleting the item being typed drops it and goes on', () => {
    const d = atMore(3);
    d.send(ITEMS[3]!);
    expectAt(d, AT.type, 4);
    expect(opening(d.send('删除 4'))).toEqual([sentenceOf('deletedDraftItem', { n: 4 }), Q.review]);
    expectAt(d, AT.review);
    expect(d.items).toEqual(answersWith(3).items);
  });

  it('deleting the item being edited', () => {
    const d = new Driver(answersWith(4));
    d.send('修改 3');
    expectAt(d, AT.content, 3);
    expect(opening(d.send('删除 3'))).toEqual([sentenceOf('deleted', { n: 3, count: 3 }), Q.review]);
    expect(d.items.map((item) => item.content)).toEqual([ITEMS[0], ITEMS[1], ITEMS[3]]);
  });

  it('删除 without a number, or with one that does not exist', () => {
    const d = new Driver(answersWith(4));
    expect(opening(d.send('删除'))).toEqual([campaign.messages.deleteWhat, Q.review]);
    expect(opening(d.send('删除 9'))).toEqual([sentenceOf('deleteNoSuchItem', { n: 9, count: 4 }), Q.review]);
    expect(d.items).toHaveLength(4);
  });
});

describe('取消, 帮助, 进度 and other commands', () => {
  it('取消 ends the form as cancelled, keeping the answers', () => {
    const d = withItems(1);
    d.send(ITEMS[1]!);
    expect(d.send('取消')).toBe(campaign.messages.cancelled);
    expect(d.outcome).toBe('cancelled');
    expect(d.answers).toEqual({ commitment: COMMITMENT, items: [answersWith(1).items[0], { content: ITEMS[1] }] });
  });

  it('帮助 lists the commands and repeats the current question', () => {
    const d = withItems(1);
    const reply = d.send('帮助');
    expect(reply.startsWith(campaign.messages.helpForm)).toBe(true);
    expect(reply.endsWith(Q.content(2))).toBe(true);
    expectAt(d, AT.content, 2);
  });

  it('进度 names a missing field once: "还差：服务承诺", not "还差：还差服务承诺"', () => {
    const d = new Driver({ items: [{ content: ITEMS[0]!, type: '提供暖心服务' }] });
    expect(d.send('进度')).toContain('\n还差：服务承诺、服务事项还差2项\n');
  });

  it('进度 shows what is done and missing, then the current question', () => {
    const d = withItems(1);
    d.send(ITEMS[1]!);
    expect(d.send('进度')).toBe(
      [
        sentenceOf('progressHeader', { unit: '测试集体' }),
        sentenceOf('progressDraft', {
          form: '附件2',
          done: [sentenceOf('progressDoneText', { label: '服务承诺' }), sentenceOf('progressDoneItems', { count: 1 })].join(campaign.formats.listSeparator),
          deadline: '9月29日（周三）17:00',
          timeLeft: '还剩9天6小时',
        }),
        sentenceOf('progressMissing', { missing: sentenceOf('missingItems', { label: '服务事项', count: 2 }) }),
        sentenceOf('progressNotStarted', { form: '简报', deadline: '10月29日（周五）23:59', timeLeft: '还剩39天13小时' }),
        Q.type(2),
        MENU,
      ].join('\n'),
    );
    expectAt(d, AT.type, 2);
  });

  it('an unknown command, 填报 and 接管 repeat the question', () => {
    const d = atMore(3);
    expect(d.send('/unknown')).toBe(`${sentenceOf('unknownCommand', { input: '/unknown' })}\n${Q.more(3)}`);
    expect(d.send('填报')).toBe(Q.more(3));
    expect(d.send('接管')).toBe(Q.more(3));
    expectAt(d, AT.more);
  });
});

describe('snapshots', () => {
  /** Snapshots taken at every kind of question along a conversation. */
  function journey(): Driver[] {
    const out: Driver[] = [];
    const d = new Driver();
    const keep = () => out.push(Object.assign(Object.create(Driver.prototype), { step: d.step, reply: d.reply }) as Driver);
    keep();
    for (const text of [COMMITMENT, ITEMS[0]!, '4', ITEMS[1]!, '1', ITEMS[2]!, '3', '完成', '修改 2', ITEMS[3]!]) {
      d.send(text);
      keep();
    }
    return out;
  }
  const stored = (d: Driver) => JSON.parse(JSON.stringify(engine.persist(d.step.snapshot))) as Record<string, any>;

  it('the context is plain JSON and survives a JSON round trip unchanged', () => {
    for (const d of journey()) {
      const context = d.step.snapshot.context;
      expect(JSON.parse(JSON.stringify(context))).toEqual(context);
      expect(stored(d)).toEqual(engine.persist(d.step.snapshot));
    }
  });

  it('a restored snapshot continues at the same question with the same answers', () => {
    for (const d of journey()) {
      const restored = engine.restore(stored(d));
      expect(restored).toBeDefined();
      expect(restored!.value).toEqual(d.step.snapshot.value);
      expect(restored!.context).toEqual(d.step.snapshot.context);
      for (const text of ['上一步', ITEMS[5]!, '2', '进度']) {
        const a = engine.step(d.step.snapshot, eventOf(d.step, text));
        const b = engine.step(restored!, eventOf(d.step, text));
        expect(b.says).toEqual(a.says);
        expect(b.snapshot.context).toEqual(a.snapshot.context);
        expect(b.snapshot.value).toEqual(a.snapshot.value);
      }
    }
  });

  it('garbage or a state this machine does not have gives undefined instead of throwing', () => {
    const good = stored(withItems(1));
    const forms = good.context.forms;
    const bad: unknown[] = [
      undefined,
      null,
      'garbage',
      42,
      [],
      {},
      { status: 'active' },
      { ...good, value: 'nope' },
      { ...good, value: { bound: { focus: { filling: { modelCollective: 'nope' } } } } },
      { ...good, value: { nope: 's_content' } },
      { ...good, context: { ...good.context, forms: { ...forms, modelCollective: { ...forms.modelCollective, answers: 'x' } } } },
      { ...good, context: { ...good.context, index: -1 } },
      { ...good, context: { ...good.context, owner: 'somebody' } },
      { ...good, context: undefined },
    ];
    for (const state of bad) expect(() => engine.restore(state)).not.toThrow();
    for (const state of bad) expect(engine.restore(state)).toBeUndefined();
    expect(engine.restore(good)).toBeDefined();
  });

  it('the machine holds no timers or invoked actors (they would not survive a restart)', () => {
    const config = JSON.stringify(engine.machine.config);
    expect(config).not.toMatch(/"after"|"invoke"/);
  });
});

describe('machineVersion', () => {
  const changed = (edit: (c: Campaign) => void) => {
    const copy = structuredClone(campaign);
    edit(copy);
    return machineVersion(copy);
  };

  it('is stable for the same campaign and changes when a form’s structure changes', () => {
    const version = machineVersion(campaign);
    expect(machineVersion(structuredClone(campaign))).toBe(version);
    expect(changed((c) => ((c.forms[0]!.fields[0] as { maxChars: number }).maxChars = 60))).not.toBe(version);
    expect(changed((c) => ((c.forms[0]!.fields[1] as { minItems: number }).minItems = 4))).not.toBe(version);
    expect(changed((c) => c.forms[0]!.fields.reverse())).not.toBe(version);
    expect(changed((c) => c.choiceSets.serviceType!.push({ value: '新类型', aliases: [] }))).not.toBe(version);
    expect(changed((c) => (c.forms.find((f) => f.id === 'activityReport')!.review = true))).not.toBe(version);
    // The brief's rule: what makes it complete is structure too.
    expect(changed((c) => (c.forms.find((f) => f.id === 'activityReport')!.completeWith!.anyOf[2]!.minChars = 50))).not.toBe(version);
    expect(changed((c) => delete c.forms.find((f) => f.id === 'activityReport')!.completeWith)).not.toBe(version);
  });

  it('stays the same when only sentences or matching words change: a typo fixed in a prompt resets nobody', () => {
    const version = machineVersion(campaign);
    expect(changed((c) => ((c.forms[0]!.fields[0] as { prompt: string }).prompt = '第{step}步：请发送服务承诺。'))).toBe(version);
    expect(changed((c) => (c.messages.greeting = '你好'))).toBe(version);
    expect(changed((c) => c.choiceSets.serviceType![3]!.aliases.push('暖心类'))).toBe(version);
    expect(changed((c) => (c.forms[0]!.deadline = '2021-10-08 12:00'))).toBe(version);
  });
});
