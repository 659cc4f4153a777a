import { describe, expect, it } from 'vitest';
import type { ChoiceField, ScalarField, TextField } from '../../src/campaign/schema.js';
import { choicesOf } from '../../src/campaign/forms.js';
import { checkAnswer, matchChoice, normalizeText, type Checked } from '../../src/conversation/answers.js';
import { problemText } from '../../src/conversation/render.js';
import type { At } from '../../src/conversation/say.js';
import { sentenceOf } from '../support/says.js';
import { campaign, form, ITEMS } from './harness.js';

const commitment = form.fields[0] as TextField;
const items = form.fields[1]!;
if (items.kind !== 'list') throw new Error('the second field should be the item list');
const content = items.fields[0] as TextField;
const type = items.fields[1] as ChoiceField;
const url: ScalarField = { id: 'url', kind: 'url', label: '推文链接', prompt: '请发送链接。', editWords: [], maxChars: 60 };
const media: ScalarField = { id: 'photo', kind: 'media', label: '活动照片', prompt: '请发送照片。', editWords: [], accept: ['image/*'], maxBytes: 1000 };

const AT_COMMITMENT: At = { kind: 'field', form: form.id, field: 'commitment' };
const AT_CONTENT: At = { kind: 'entry', form: form.id, field: 'items', sub: 'content' };
const AT_TYPE: At = { kind: 'entry', form: form.id, field: 'items', sub: 'type' };

/** The menu of service types, said under the refusal of a type the list does not have. */
const MENU = '1 优化办事流程　2 规范审批行为　3 提高服务质量\n4 提供暖心服务　5 解决民生困难　6 其他';

function check(field: ScalarField, input: string, others?: Map<number, string>): Checked {
  return checkAnswer(field, input, { campaign, others });
}

/** The problem of a rejected answer, rendered as the group reads it. */
function rejection(field: ScalarField, input: string, at: At, others?: Map<number, string>): string {
  const checked = check(field, input, others);
  if (checked.ok) throw new Error(`accepted: ${checked.value}`);
  return problemText(campaign, checked.problem, at);
}

function accepted(field: ScalarField, input: string, others?: Map<number, string>): string {
  const checked = check(field, input, others);
  if (!checked.ok) throw new Error(`rejected with ${checked.problem.key}`);
  return checked.value;
}

describe('empty and blank answers', () => {
  it.each(['', '   ', '\n\t \n', '\u200b\u200b', '\ufeff \u2060'])('%j is empty', (input) => {
    expect(rejection(commitment, input, AT_COMMITMENT)).toBe(sentenceOf('errorEmpty', { label: '服务承诺' }));
    expect(rejection(content, input, AT_CONTENT)).toBe(sentenceOf('errorEmpty', { label: '服务事项' }));
  });
});

describe('length limits in 字', () => {
  it('says by how much a commitment is over, and how 字 are counted: 服务承诺最多50字（按Word字数统计），您输入了62字', () => {
    const reply = rejection(commitment, '我们'.repeat(31), AT_COMMITMENT);
    expect(reply).toBe('服务承诺最多50字（按Word字数统计），您输入了62字，请精简12字后重新发送。');
  });

  it('counts as Word does: a run of letters or digits is one 字, spaces none', () => {
    // 44 Chinese characters and marks, and 2021, APP, 12345 and 30 one each: 48 字 for Word, though 59 characters
    const text = `2021年起提供APP预约与12345热线服务，${'热'.repeat(25)}，30分钟内 响应。`;
    expect([...text].length).toBe(59);
    expect(accepted(commitment, text)).toBe(text);
    expect(rejection(commitment, `${text}${'热'.repeat(3)}`, AT_COMMITMENT)).toBe(
      sentenceOf('errorTooLong', { label: '服务承诺', max: 50, count: 51, over: 1 }),
    );
  });

  it('accepts exactly 50 字 and refuses 51', () => {
    expect(accepted(commitment, '热'.repeat(50))).toHaveLength(50);
    expect(rejection(commitment, '热'.repeat(51), AT_COMMITMENT)).toSay('errorTooLong', { max: 50, count: 51, over: 1 });
  });

  it('counts emoji, flags and ZWJ families as one 字 each', () => {
    // 48 Chinese characters + a family + a flag = 50 字, although far more UTF-16 units
    const text = `${'热'.repeat(48)}👨‍👩‍👧‍👦🇨🇳`;
    expect(text.length).toBeGreaterThan(50);
    expect(accepted(commitment, text)).toBe(text);
  });

  it('does not count surrounding white space', () => {
    expect(accepted(commitment, `  \n${'热'.repeat(50)}\n  `)).toBe('热'.repeat(50));
  });

  it('refuses an item of 101 字 with its own label and limit', () => {
    expect(rejection(content, '办'.repeat(101), AT_CONTENT)).toBe(sentenceOf('errorTooLong', { label: '服务事项', max: 100, count: 101, over: 1 }));
  });

  it('answers a 10,000-character message at once with its length', () => {
    const started = Date.now();
    expect(rejection(commitment, '长'.repeat(10_000), AT_COMMITMENT)).toBe(
      sentenceOf('errorTooLong', { label: '服务承诺', max: 50, count: 10_000, over: 9950 }),
    );
    expect(rejection(content, '😀'.repeat(10_000), AT_CONTENT)).toSay('errorTooLong', { count: 10_000 });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('asks for more than a word or two', () => {
    expect(rejection(commitment, '热情', AT_COMMITMENT)).toBe(sentenceOf('errorTooShort', { label: '服务承诺', min: 4, count: 2 }));
    expect(rejection(content, '便民服务', AT_CONTENT)).toBe(sentenceOf('errorTooShort', { label: '服务事项', min: 5, count: 4 }));
    expect(accepted(commitment, '热情周到')).toBe('热情周到');
    // APP预约 is three 字 to Word, however many letters
    expect(rejection(content, 'APP预约', AT_CONTENT)).toBe(sentenceOf('errorTooShort', { label: '服务事项', min: 5, count: 3 }));
  });
});

describe('answers without words', () => {
  it.each(['😀😀😀😀😀', '。。。！！！？？', '👍🏽👨‍👩‍👧‍👦🇨🇳🎉🎉', '……——～～', '+-*/=<>'])('%j needs words', (input) => {
    expect(rejection(content, input, AT_CONTENT)).toBe(sentenceOf('errorNoWords', { label: '服务事项' }));
  });

  it('accepts words with emoji around them, as typed', () => {
    expect(accepted(commitment, '🚇热情周到，安心出行🚇')).toBe('🚇热情周到，安心出行🚇');
  });
});

describe('a pasted list at an item question', () => {
  it.each([
    ['1. 增设志愿引导岗\n2. 推出失物招领线上查询\n3. 走进中小学开展安全宣传'],
    ['1、增设志愿引导岗\r\n2、推出失物招领线上查询'],
    ['（1）增设志愿引导岗\n（2）推出失物招领线上查询'],
    ['一、增设志愿引导岗\n二、推出失物招领线上查询'],
    ['①增设志愿引导岗\n②推出失物招领线上查询'],
    ['服务事项如下：\n1.增设志愿引导岗\n\n2.推出失物招领线上查询'],
  ])('%j is refused as several', (input) => {
    expect(rejection(content, input, AT_CONTENT)).toBe(sentenceOf('errorSeveral', { label: '服务事项' }));
  });

  it('keeps one item written over two lines, folding the line break', () => {
    expect(accepted(content, '在早晚高峰增设志愿引导岗，\n为老年乘客提供全程陪同服务')).toBe('在早晚高峰增设志愿引导岗， 为老年乘客提供全程陪同服务');
  });

  it('keeps a single line that happens to start with a number', () => {
    expect(accepted(content, '12345热线转接时间压缩至30秒以内')).toBe('12345热线转接时间压缩至30秒以内');
  });
});

describe('labels and numbers pasted with an answer', () => {
  it.each([
    ['服务承诺：热情周到，便民利民', '热情周到，便民利民'],
    ['服务承诺（50字以内）：热情周到，便民利民', '热情周到，便民利民'],
    ['【服务承诺】热情周到，便民利民', '热情周到，便民利民'],
    ['承诺: 热情周到，便民利民', '热情周到，便民利民'],
  ])('%j is saved without its label', (input, saved) => {
    expect(accepted(commitment, input)).toBe(saved);
  });

  it.each([
    ['服务事项：为老年乘客提供进站陪同', '为老年乘客提供进站陪同'],
    ['服务事项1：为老年乘客提供进站陪同', '为老年乘客提供进站陪同'],
    ['第1项：为老年乘客提供进站陪同', '为老年乘客提供进站陪同'],
    ['1. 为老年乘客提供进站陪同', '为老年乘客提供进站陪同'],
    ['（2）为老年乘客提供进站陪同', '为老年乘客提供进站陪同'],
    ['③为老年乘客提供进站陪同', '为老年乘客提供进站陪同'],
  ])('%j is saved without its label or number', (input, saved) => {
    expect(accepted(content, input)).toBe(saved);
  });

  it.each(['12345热线接诉即办，24小时响应', '1.5万人次志愿服务全年不断', '1、2号线站厅增设爱心座椅', '承诺书张贴在服务窗口'])('%j keeps its start', (input) => {
    expect(accepted(content, input)).toBe(input);
  });

  it('counts the answer, not its label, against the limit', () => {
    expect(accepted(commitment, `服务承诺：${'热'.repeat(50)}`)).toBe('热'.repeat(50));
  });

  it('a label with nothing after it is an empty answer', () => {
    expect(rejection(commitment, '服务承诺：', AT_COMMITMENT)).toBe(sentenceOf('errorEmpty', { label: '服务承诺' }));
  });
});

describe('an item identical to an earlier one', () => {
  const earlier = new Map([
    [1, ITEMS[0]!],
    [2, ITEMS[1]!],
  ]);

  it('is refused, naming the earlier item', () => {
    expect(rejection(content, ITEMS[1]!, AT_CONTENT, earlier)).toBe(sentenceOf('errorDuplicate', { other: 2 }));
  });

  it('is the same when only spaces, punctuation or letter case differ', () => {
    const spaced = ` ${ITEMS[0]!.replace(/，/g, ', ').replace(/^在/, '在 ')}。 `;
    expect(rejection(content, spaced, AT_CONTENT, earlier)).toBe(sentenceOf('errorDuplicate', { other: 1 }));
    const others = new Map([[3, '为Wi-Fi覆盖不足的站点加装AP设备']]);
    expect(rejection(content, '为 wifi 覆盖不足的站点加装 ap 设备！', AT_CONTENT, others)).toBe(sentenceOf('errorDuplicate', { other: 3 }));
  });

  it('is a different item when a word differs', () => {
    expect(accepted(content, `${ITEMS[0]}和家属`, earlier)).toBe(`${ITEMS[0]}和家属`);
  });

  it('is not checked for fields that need not be unique', () => {
    const text = ITEMS[1]!.slice(0, 20);
    expect(accepted(commitment, text, new Map([[1, text]]))).toBe(text);
  });
});

describe('service types', () => {
  const values = choicesOf(campaign, type).map((choice) => choice.value);

  it.each([1, 2, 3, 4, 5, 6])('by number %i', (n) => {
    expect(accepted(type, String(n))).toBe(values[n - 1]);
    expect(accepted(type, String.fromCharCode(0xff10 + n))).toBe(values[n - 1]); // full-width digit
    expect(accepted(type, ` ${n}。`)).toBe(values[n - 1]);
  });

  it.each(values)('by name %s', (value) => {
    expect(accepted(type, value)).toBe(value);
  });

  it.each([
    ['暖心服务', '提供暖心服务'],
    ['暖心', '提供暖心服务'],
    ['暖心服务类', '提供暖心服务'],
    ['服务质量', '提高服务质量'],
    ['提升服务质量', '提高服务质量'],
    ['流程优化', '优化办事流程'],
    ['审批', '规范审批行为'],
    ['民生', '解决民生困难'],
    ['其它', '其他'],
    ['4 提供暖心服务', '提供暖心服务'],
    ['4.提供暖心服务', '提供暖心服务'],
    ['4、暖心服务', '提供暖心服务'],
    ['４ 提供暖心服务', '提供暖心服务'],
    ['4.', '提供暖心服务'],
  ])('%j means %s', (input, value) => {
    expect(accepted(type, input)).toBe(value);
  });

  it.each(['9', '0', '7', '10', '第四个', '四', '随便写点什么', '4 优化办事流程', '提高服务质量和暖心服务', '45'])('%j is refused with the menu', (input) => {
    const reply = rejection(type, input, AT_TYPE);
    expect(reply).toBe(`${sentenceOf('errorChoice', { input, label: '服务类型', max: 6 })}\n${MENU}`);
  });

  it('shows only the start of a long wrong reply', () => {
    expect(rejection(type, '这是一段很长很长的与服务类型无关的文字内容', AT_TYPE)).toBe(
      `${sentenceOf('errorChoice', { input: '这是一段很长很长的与服务…', label: '服务类型', max: 6 })}\n${MENU}`,
    );
  });

  it('matchChoice gives undefined for blank or punctuation-only replies', () => {
    expect(matchChoice(choicesOf(campaign, type), '')).toBeUndefined();
    expect(matchChoice(choicesOf(campaign, type), '？？')).toBeUndefined();
  });
});

describe('URLs', () => {
  it('accepts http and https links, trimmed', () => {
    expect(accepted(url, ' https://mp.weixin.qq.com/s/AbC_123 ')).toBe('https://mp.weixin.qq.com/s/AbC_123');
    expect(accepted(url, 'http://www.gdcyl.org/news?id=1')).toBe('http://www.gdcyl.org/news?id=1');
  });

  it.each([
    ['mp.weixin.qq.com/s/AbC', 'https://mp.weixin.qq.com/s/AbC'],
    ['推文链接：https://mp.weixin.qq.com/s/AbC 请查收', 'https://mp.weixin.qq.com/s/AbC'],
    ['我们的推文在这里https://mp.weixin.qq.com/s/AbC，谢谢', 'https://mp.weixin.qq.com/s/AbC'],
    ['见 www.gdcyl.org/news/1.html', 'https://www.gdcyl.org/news/1.html'],
  ])('finds the link in %j, adding https:// where it has none', (input, link) => {
    expect(accepted(url, input)).toBe(link);
  });

  it.each(['ftp://example.com/a', 'javascript:alert(1)', '见公众号推文', 'https://', 'https://localhost/a'])('%j is not a web address', (input) => {
    expect(rejection(url, input, { kind: 'field', form: form.id, field: 'url' })).toBe(sentenceOf('errorUrl', { label: '推文链接' }));
  });

  it('refuses empty and overlong links, a link measured in characters (to Word it is one word)', () => {
    expect(rejection(url, '  ', { kind: 'field', form: form.id, field: 'url' })).toBe(sentenceOf('errorEmpty', { label: '推文链接' }));
    const refused = rejection(url, `https://mp.weixin.qq.com/s/${'a'.repeat(40)}`, { kind: 'field', form: form.id, field: 'url' });
    expect(refused).toBe(sentenceOf('errorUrlTooLong', { label: '推文链接', max: 60, count: 67 }));
    expect(refused).not.toSay('errorTooLong');
  });
});

describe('media fields', () => {
  it('never accept typed text', () => {
    expect(rejection(media, '照片见群相册', { kind: 'field', form: form.id, field: 'photo' })).toBe(sentenceOf('errorMediaExpected', { label: '活动照片' }));
  });
});

describe('normalizeText', () => {
  it('drops invisible characters and folds white space', () => {
    expect(normalizeText('\u200b 热情\u200d周到 \n\n 便民\u200d ')).toBe('热情周到 便民');
  });

  it('keeps the joiners inside emoji sequences', () => {
    for (const emoji of ['👨‍👩‍👧‍👦', '👩🏽‍💻', '🏳️‍🌈']) expect(normalizeText(` ${emoji} `)).toBe(emoji);
  });

  it('a lone joiner is empty', () => {
    expect(rejection(commitment, '\u200d\u200b', AT_COMMITMENT)).toBe(sentenceOf('errorEmpty', { label: '服务承诺' }));
  });
});

describe('an empty reply to the type question', () => {
  it('is asked for again as empty, not as an unknown type', () => {
    expect(rejection(type, '  ', AT_TYPE)).toBe(sentenceOf('errorEmpty', { label: '服务类型' }));
  });
});
