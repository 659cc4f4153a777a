import { describe, expect, it } from 'vitest';
import { findForm } from '../../src/campaign/forms.js';
import type { Form, TextField } from '../../src/campaign/schema.js';
import { checkAnswer, type Checked, type Problem } from '../../src/conversation/answers.js';
import { parsePaste, type Paste } from '../../src/conversation/paste.js';
import { problemText } from '../../src/conversation/render.js';
import type { At } from '../../src/conversation/say.js';
import { parseCampaign } from '../../src/campaign/parse.js';
import { fill } from '../../src/campaign/text.js';
import { variant } from '../support/campaign-variants.js';
import { type FillVars, type SentenceKey, sentenceOf } from '../support/says.js';
import { campaign, COMMITMENT, form, ITEMS } from './harness.js';

const industryForm: Form = findForm(campaign, 'industryList')!;
const AT_CONTENT: At = { kind: 'entry', form: form.id, field: 'items', sub: 'content' };
const AT_TYPE: At = { kind: 'entry', form: form.id, field: 'items', sub: 'type' };
const AT_COMMITMENT: At = { kind: 'field', form: form.id, field: 'commitment' };

function parse(text: string, options: { existing?: string[]; form?: Form } = {}): Paste | undefined {
  return parsePaste(text, { campaign, form: options.form ?? form, existing: options.existing });
}

function paste(text: string, options: { existing?: string[]; form?: Form } = {}): Paste {
  const result = parse(text, options);
  if (!result) throw new Error(`not read as a paste:\n${text}`);
  return result;
}

/** A problem as the group reads it (first line: the choice menu that follows errorChoice is left out). */
function said(problem: Problem, at: At = AT_CONTENT): string {
  return problemText(campaign, problem, at).split('\n')[0]!;
}

function shown(checked: Checked, at: At): string {
  return checked.ok ? checked.value : `✗ ${said(checked.problem, at)}`;
}

/** An answer refused, as read() shows it. */
function refused<K extends SentenceKey>(key: K, vars: FillVars<K>): string {
  return `✗ ${sentenceOf(key, vars)}`;
}
/** The refusal of a type the list does not have (its first line, as said() gives it). */
const notAType = (input: string) => refused('errorChoice', { input, label: '服务类型', max: 6 });

/** Each entry as the bot would show it back: "content（type）", or the reason it was refused. */
function read(result: Paste): string[] {
  return result.entries.map(({ content, type }) =>
    type === undefined ? shown(content, AT_CONTENT) : `${shown(content, AT_CONTENT)}（${shown(type, AT_TYPE)}）`,
  );
}

function commitmentOf(result: Paste): string | undefined {
  const c = result.commitment;
  if (c === undefined) return undefined;
  return 'value' in c ? c.value : `✗ ${said(c.problem, AT_COMMITMENT)}`;
}

const [A, B, C, D, E] = ITEMS as [string, string, string, string, string];

describe('what is not a paste', () => {
  it.each([
    ['empty', ''],
    ['blank lines', '\n \n\t\n'],
    ['one line', A],
    ['one numbered line', `1. ${A}`],
    ['one line with blank lines around it', `\n\n${A}\n\n`],
    ['one item typed over two lines', '在早晚高峰增设志愿引导岗\n为老年乘客和残障乘客提供进出站全程陪同服务'],
    ['a sentence wrapped at its commas', '在早晚高峰增设志愿引导岗，\n为老年乘客和残障乘客提供陪同服务，\n让每一位乘客安心出行'],
    ['a commitment written as three short lines', '热情周到\n便民利民\n安心出行'],
    ['chat', '好的\n我来填\n稍等'],
    ['an item with its type after a tab, on one line', `${A}\t提供暖心服务`],
    ['a commitment marker alone', '服务承诺：热情周到，便民利民'],
  ])('%s', (_, text) => {
    expect(parse(text)).toBeUndefined();
  });

  it('a marked commitment with nothing else read is no paste', () => {
    expect(parse('【服务承诺】\n热情周到，便民利民，让每一位乘客安心出行')).toBeUndefined();
  });
});

describe('numbered lines', () => {
  it.each([
    ['1. ', (n: number) => `${n}. `],
    ['1.', (n: number) => `${n}.`],
    ['1、', (n: number) => `${n}、`],
    ['（1）', (n: number) => `（${n}）`],
    ['(1)', (n: number) => `(${n})`],
    ['1）', (n: number) => `${n}）`],
    ['1)', (n: number) => `${n})`],
    ['1：', (n: number) => `${n}：`],
    ['１．(full-width)', (n: number) => `${String.fromCharCode(0xff10 + n)}．`],
    ['（１）(full-width)', (n: number) => `（${String.fromCharCode(0xff10 + n)}）`],
    ['一、', (n: number) => `${'一二三'[n - 1]}、`],
    ['（一）', (n: number) => `（${'一二三'[n - 1]}）`],
    ['①', (n: number) => '①②③'[n - 1]!],
    ['⑴', (n: number) => '⑴⑵⑶'[n - 1]!],
    ['第一项：', (n: number) => `第${'一二三'[n - 1]}项：`],
    ['第1条、', (n: number) => `第${n}条、`],
    ['• bullet', () => '• '],
    ['- bullet', () => '- '],
    ['1.<tab> (Word numbering)', (n: number) => `${n}.\t`],
  ])('%s', (_, marker) => {
    const text = [A, B, C].map((item, i) => `${marker(i + 1)}${item}`).join('\n');
    const result = paste(text);
    expect(read(result)).toEqual([A, B, C]);
    expect(result.entries.map((entry) => entry.line)).toEqual([1, 2, 3]);
    expect(result.entries.every((entry) => entry.type === undefined)).toBe(true);
    expect(result.commitment).toBeUndefined();
  });

  it('blank lines between entries, Windows line ends and full-width spaces', () => {
    const result = paste(`1、${A}\r\n\r\n2、　${B}\r\n\r\n\r\n3、${C}\r\n`);
    expect(read(result)).toEqual([A, B, C]);
    expect(result.entries.map((entry) => entry.line)).toEqual([1, 3, 6]);
  });

  it('two numbered lines are already a paste, as checkAnswer refuses them as one item', () => {
    const text = `1. ${A}\n2. ${B}`;
    const refused = checkAnswer(form.fields[0] as TextField, text, { campaign });
    expect(refused.ok ? '' : refused.problem.key).toBe('errorSeveral');
    expect(read(paste(text))).toEqual([A, B]);
  });

  it('a preamble, a closing remark and a greeting are skipped and their lines reported', () => {
    const text = ['各位老师好，我们集体的服务事项如下：', `一、${A}`, `二、${B}`, `三、${C}`, '以上，请审核，谢谢！'].join('\n');
    const result = paste(text);
    expect(read(result)).toEqual([A, B, C]);
    expect(result.skipped).toEqual([5]);
  });

  it('the list separator closing each entry is dropped, a full stop is kept', () => {
    const result = paste(`1. ${A}；\n2. ${B};\n3. ${C}。`);
    expect(read(result)).toEqual([A, B, `${C}。`]);
  });

  it('numbers inside an entry are not markers: "1.5公里", "9:00", "24小时"', () => {
    const text = ['1. 在车站1.5公里范围内设置志愿引导点', '2. 9:00至21:00开放青年服务台', '3. 24小时热线及时回应乘客诉求'].join('\n');
    expect(read(paste(text))).toEqual(['在车站1.5公里范围内设置志愿引导点', '9:00至21:00开放青年服务台', '24小时热线及时回应乘客诉求']);
  });

  it('an entry starting with a number that is not a marker stays whole in a plain list', () => {
    const text = ['9:00前完成当日预约办理事项', '1.5公里内提供免费接驳服务', '12345热线工单当日回复'].join('\n');
    expect(read(paste(text))).toEqual(['9:00前完成当日预约办理事项', '1.5公里内提供免费接驳服务', '12345热线工单当日回复']);
  });
});

describe('one item per line, without numbers', () => {
  it('three lines are three items', () => {
    expect(read(paste([A, B, C].join('\n')))).toEqual([A, B, C]);
  });

  it('six lines with blank lines between', () => {
    expect(read(paste(ITEMS.join('\n\n')))).toEqual(ITEMS);
  });

  it('a heading ending in a colon is not an item', () => {
    const result = paste(['我们的服务事项：', A, B, C].join('\n'));
    expect(read(result)).toEqual([A, B, C]);
    expect(result.skipped).toEqual([]);
  });

  it('two lines under 服务事项： are a paste', () => {
    expect(read(paste(['服务事项：', A, B].join('\n')))).toEqual([A, B]);
  });

  it('a line too short among real items is read and refused, not taken for chat', () => {
    expect(read(paste([A, '好的', B].join('\n')))).toEqual([A, refused('errorTooShort', { label: '服务事项', min: 5, count: 2 }), B]);
  });
});

describe('the type at the end of an entry', () => {
  it.each([
    ['（提供暖心服务）', '提供暖心服务'],
    ['(暖心服务)', '提供暖心服务'],
    ['（暖心服务类）', '提供暖心服务'],
    ['【提高服务质量】', '提高服务质量'],
    [' —— 优化办事流程', '优化办事流程'],
    ['——优化流程', '优化办事流程'],
    [' - 民生困难', '解决民生困难'],
    ['；类型：其他', '其他'],
    ['，服务类型：3', '提高服务质量'],
    ['。服务类型：规范审批行为', '规范审批行为'],
    ['（服务类型：解决民生困难）', '解决民生困难'],
    ['\t提高服务质量', '提高服务质量'],
    ['\t４', '提供暖心服务'],
  ])('%j', (suffix, type) => {
    const text = [A, B, C].map((item, i) => `${i + 1}. ${item}${suffix}`).join('\n');
    const result = paste(text);
    expect(read(result)).toEqual([A, B, C].map((item) => `${suffix.startsWith('。') ? `${item}。` : item}（${type}）`));
  });

  it.each([['（每周一次）'], ['（1）'], ['（含节假日）'], [' —— 全年无休'], ['—24小时']])('%j belongs to the item, not a type', (suffix) => {
    const items = [A, B, C].map((item) => `${item}${suffix}`);
    const result = paste(items.map((item, i) => `${i + 1}. ${item}`).join('\n'));
    expect(read(result)).toEqual(items);
  });

  it('a type on the next line: "服务类型：…" or the bare name', () => {
    const text = [`1. ${A}`, '服务类型：解决民生困难', `2. ${B}`, '类型：4', `3. ${C}`, '提供暖心服务', `4. ${D}`].join('\n');
    expect(read(paste(text))).toEqual([`${A}（解决民生困难）`, `${B}（提供暖心服务）`, `${C}（提供暖心服务）`, D]);
  });

  it('a type line in a plain list, and a second type for the same item is skipped', () => {
    const text = [A, '服务类型：暖心', B, '类型：其他', '类型：民生', C].join('\n');
    const result = paste(text);
    expect(read(result)).toEqual([`${A}（提供暖心服务）`, `${B}（其他）`, C]);
    expect(result.skipped).toEqual([5]);
  });

  it("an unknown type is the entry's own problem; the content stays valid", () => {
    const result = paste(`1. ${A}；类型：第九类\n2. ${B}\n服务类型：第十类\n3. ${C}（暖心）`);
    expect(read(result)).toEqual([`${A}（${notAType('第九类')}）`, `${B}（${notAType('第十类')}）`, `${C}（提供暖心服务）`]);
    expect(result.entries[0]!.content.ok).toBe(true);
  });

  it('an empty "类型：" gives no type, to be asked later', () => {
    const result = paste(`1. ${A}；类型：\n2. ${B}\n3. ${C}`);
    expect(result.entries[0]!.type).toBeUndefined();
    expect(read(result)[0]).toBe(A);
  });
});

describe('a commitment before the items', () => {
  it.each([
    [`服务承诺：${COMMITMENT}`],
    [`服务承诺:${COMMITMENT}`],
    [`承诺：${COMMITMENT}`],
    [`【服务承诺】${COMMITMENT}`],
    [`[服务承诺] ${COMMITMENT}`],
    [`服务承诺（50字以内）：${COMMITMENT}`],
    [`【服务承诺】\n${COMMITMENT}`],
    [`一、服务承诺\n${COMMITMENT}`],
  ])('%j', (head) => {
    for (const items of [`服务事项：\n1. ${A}\n2. ${B}\n3. ${C}`, `【服务事项】\n${A}\n${B}\n${C}`, `二、服务事项\n1、${A}\n2、${B}\n3、${C}`]) {
      const result = paste(`${head}\n${items}`);
      expect(commitmentOf(result)).toBe(COMMITMENT);
      expect(read(result)).toEqual([A, B, C]);
    }
  });

  it('a commitment and one item are a paste', () => {
    const result = paste(`服务承诺：${COMMITMENT}\n服务事项：${A}（暖心服务）`);
    expect(commitmentOf(result)).toBe(COMMITMENT);
    expect(read(result)).toEqual([`${A}（提供暖心服务）`]);
  });

  it('a commitment and two unnumbered items are a paste', () => {
    expect(read(paste(`承诺：${COMMITMENT}\n${A}\n${B}`))).toEqual([A, B]);
  });

  it('a commitment too long is refused with the count, the items are still read', () => {
    const long = '我们'.repeat(31);
    const result = paste(`服务承诺：${long}\n1. ${A}\n2. ${B}\n3. ${C}`);
    expect(commitmentOf(result)).toBe(refused('errorTooLong', { label: '服务承诺', max: 50, count: 62, over: 12 }));
    expect(read(result)).toEqual([A, B, C]);
  });

  it('a commitment of emoji only is refused', () => {
    const result = paste(`【服务承诺】🚇🚇🚇🚇🚇\n1. ${A}\n2. ${B}`);
    expect(commitmentOf(result)).toBe(refused('errorNoWords', { label: '服务承诺' }));
  });

  it('附件1 has no commitment: its 行业（系统）名称 line is skipped, not read as an item', () => {
    const result = paste(`行业（系统）名称：广东省交通运输系统\n${A}\n${B}\n${C}`, { form: industryForm });
    expect(result.commitment).toBeUndefined();
    expect(read(result)).toEqual([A, B, C]);
    expect(result.skipped).toEqual([1]);
  });
});

describe("the bot's own review pasted back", () => {
  // The review as the bot says it now: a change to its wording must still read back.
  const line = (n: number, content: string, type: string) => sentenceOf('form:modelCollective.items.summaryLine', { n, content, type });
  const summary = [
    sentenceOf('summaryText', { label: '服务承诺', value: COMMITMENT }),
    sentenceOf('summaryListHeading', { label: '服务事项' }),
    line(1, A, '提供暖心服务'),
    line(2, B, '优化办事流程'),
    line(3, C, '其他'),
    line(4, D, '提供暖心服务'),
  ].join('\n');
  const review = sentenceOf('review', { summary, last: 4 });

  it('reads the commitment and every item with its type, and skips the instructions', () => {
    const result = paste(review);
    expect(commitmentOf(result)).toBe(COMMITMENT);
    expect(read(result)).toEqual([`${A}（提供暖心服务）`, `${B}（优化办事流程）`, `${C}（其他）`, `${D}（提供暖心服务）`]);
    expect(result.entries.map((entry) => entry.line)).toEqual([4, 5, 6, 7]);
    expect(result.skipped).toEqual([8]);
  });

  it('edited by hand: one item changed, one type removed', () => {
    const edited = review.replace('（优化办事流程）', '').replace(C, E);
    expect(read(paste(edited))).toEqual([`${A}（提供暖心服务）`, B, `${E}（其他）`, `${D}（提供暖心服务）`]);
  });

  // The review's lines are the campaign's: worded another way, the review pasted back still reads back.
  it('reads the review of a campaign that words its lines its own way', () => {
    const reworded = parseCampaign(
      variant((raw) => {
        raw.messages.summaryText = '▶ {label}——{value}';
        raw.messages.summaryListHeading = '▶ {label}——';
      }),
      'reworded.yaml',
    );
    const own = [
      fill(reworded.messages.summaryText, { label: '服务承诺', value: COMMITMENT }),
      fill(reworded.messages.summaryListHeading, { label: '服务事项' }),
      line(1, A, '提供暖心服务'),
      line(2, B, '优化办事流程'),
      line(3, C, '其他'),
    ].join('\n');
    const result = parsePaste(own, { campaign: reworded, form: findForm(reworded, form.id)! });
    expect(result && commitmentOf(result)).toBe(COMMITMENT);
    expect(result && read(result)).toEqual([`${A}（提供暖心服务）`, `${B}（优化办事流程）`, `${C}（其他）`]);
  });
});

describe('a table pasted from Word or Excel', () => {
  const header2 = '序号\t第20届国号集体名称\t服务承诺（50字以内）\t服务事项（每项100字以内）\t服务类型';
  const unit = '广州地铁运营一中心青年文明号';

  it('附件2 with its header, merged cells as empty columns', () => {
    const text = [header2, `1\t${unit}\t${COMMITMENT}\t${A}\t提供暖心服务`, `\t\t\t${B}\t优化办事流程`, `\t\t\t${C}\t其他`].join('\n');
    const result = paste(text);
    expect(commitmentOf(result)).toBe(COMMITMENT);
    expect(read(result)).toEqual([`${A}（提供暖心服务）`, `${B}（优化办事流程）`, `${C}（其他）`]);
    expect(result.entries.map((entry) => entry.line)).toEqual([2, 3, 4]);
  });

  it('附件2 with the title above, the 填报单位 line and the 备注 below', () => {
    const text = [
      '附件2',
      '服务承诺与服务事项清单（示范集体）',
      '填报单位：广州市团委',
      header2,
      `1\t${unit}\t${COMMITMENT}\t${A}\t暖心服务`,
      `\t\t\t${B}\t2`,
      `\t\t\t${C}\t提高服务质量`,
      '备注：1.服务承诺50字以内；2.服务事项每项100字以内。',
    ].join('\n');
    const result = paste(text);
    expect(commitmentOf(result)).toBe(COMMITMENT);
    expect(read(result)).toEqual([`${A}（提供暖心服务）`, `${B}（规范审批行为）`, `${C}（提高服务质量）`]);
    expect(result.skipped).toEqual([1, 2, 3, 8]);
  });

  it('附件2 without a header, the merged cells left out altogether', () => {
    const text = [`1\t${unit}\t${COMMITMENT}\t${A}\t提供暖心服务`, `${B}\t解决民生困难`, `${C}\t其他`].join('\n');
    const result = paste(text);
    expect(commitmentOf(result)).toBe(COMMITMENT);
    expect(read(result)).toEqual([`${A}（提供暖心服务）`, `${B}（解决民生困难）`, `${C}（其他）`]);
  });

  it('附件2 without a header, merged cells as empty columns', () => {
    const text = [`1\t${unit}\t${COMMITMENT}\t${A}\t暖心`, `\t\t\t${B}\t民生`, `\t\t\t${C}\t质量`].join('\n');
    // "质量" names no type: the column is still the type column, most of it names one.
    expect(read(paste(text))).toEqual([`${A}（提供暖心服务）`, `${B}（解决民生困难）`, `${C}（${notAType('质量')}）`]);
  });

  it('附件1 with its header, for the industry form', () => {
    const text = [
      '行业（系统）名称\t服务事项（每项100字以内）\t服务类型',
      `广东省交通运输系统\t${A}\t提供暖心服务`,
      `\t${B}\t优化办事流程`,
      `\t${C}\t规范审批行为`,
    ].join('\n');
    const result = paste(text, { form: industryForm });
    expect(result.commitment).toBeUndefined();
    expect(read(result)).toEqual([`${A}（提供暖心服务）`, `${B}（优化办事流程）`, `${C}（规范审批行为）`]);
  });

  it('附件1 without a header: the name column is not a commitment in the industry form', () => {
    const text = [`广东省交通运输系统\t${A}\t提供暖心服务`, `\t${B}\t优化办事流程`, `\t${C}\t其他`].join('\n');
    const result = paste(text, { form: industryForm });
    expect(result.commitment).toBeUndefined();
    expect(read(result)).toEqual([`${A}（提供暖心服务）`, `${B}（优化办事流程）`, `${C}（其他）`]);
  });

  it('items and types in two columns, and a commitment line above', () => {
    const text = [`服务承诺：${COMMITMENT}`, `${A}\t提供暖心服务`, `${B}\t提高服务质量`, `${C}\t其他`].join('\n');
    const result = paste(text);
    expect(commitmentOf(result)).toBe(COMMITMENT);
    expect(read(result)).toEqual([`${A}（提供暖心服务）`, `${B}（提高服务质量）`, `${C}（其他）`]);
  });

  it('序号 and 服务事项 only, types missing', () => {
    const result = paste(`序号\t服务事项\n1\t${A}\n2\t${B}\n3\t${C}`);
    expect(read(result)).toEqual([A, B, C]);
  });

  it('an empty type cell leaves the type to be asked; an unknown one is explained', () => {
    const text = [header2, `1\t${unit}\t${COMMITMENT}\t${A}\t`, `\t\t\t${B}\t第九类`, `\t\t\t${C}\t其他`].join('\n');
    const result = paste(text);
    expect(result.entries[0]!.type).toBeUndefined();
    expect(read(result)).toEqual([A, `${B}（${notAType('第九类')}）`, `${C}（其他）`]);
  });

  it('a row with a type but no item is an empty item', () => {
    const text = [header2, `1\t${unit}\t${COMMITMENT}\t${A}\t其他`, `\t\t\t\t暖心服务`, `\t\t\t${C}\t其他`].join('\n');
    expect(read(paste(text))[1]).toBe(`${refused('errorEmpty', { label: '服务事项' })}（提供暖心服务）`);
  });

  it('a second section header inside the paste is not an item', () => {
    const text = [header2, `1\t${unit}\t${COMMITMENT}\t${A}\t其他`, header2, `\t\t\t${B}\t其他`].join('\n');
    expect(read(paste(text))).toEqual([`${A}（其他）`, `${B}（其他）`]);
  });

  it('a list with one tab in it is still read as a list', () => {
    const text = `1. ${A}\t提供暖心服务\n2. ${B}\n3. ${C}\n4. ${D}`;
    expect(read(paste(text))).toEqual([`${A}（提供暖心服务）`, B, C, D]);
  });
});

describe('mixed valid and invalid entries', () => {
  it('each entry carries its own check, so the valid ones can be kept', () => {
    const tooLong = `为辖区内的老年人、残疾人、低保户等困难群体${'提供上门办理、代办代缴、政策咨询等服务'.repeat(5)}`;
    const text = [
      `1. ${A}（暖心服务）`,
      `2. ${tooLong}`,
      '3. （提供暖心服务）',
      '4. 👍👍👍👍👍👍',
      `5. 在早晚高峰增设志愿引导岗, 为老年乘客和残障乘客提供进出站全程陪同服务。`,
      `6. ${B}；类型：第九类`,
      '7. 好',
      `8. ${C}`,
    ].join('\n');
    const result = paste(text);
    expect(read(result)).toEqual([
      `${A}（提供暖心服务）`,
      refused('errorTooLong', { label: '服务事项', max: 100, count: [...tooLong].length, over: [...tooLong].length - 100 }),
      `${refused('errorEmpty', { label: '服务事项' })}（提供暖心服务）`,
      refused('errorNoWords', { label: '服务事项' }),
      refused('errorDuplicate', { other: 1 }),
      `${B}（${notAType('第九类')}）`,
      refused('errorTooShort', { label: '服务事项', min: 5, count: 1 }),
      C,
    ]);
    const kept = result.entries.filter((entry) => entry.content.ok && (entry.type === undefined || entry.type.ok));
    expect(kept.map((entry) => entry.line)).toEqual([1, 8]);
  });

  it('a duplicate names the earlier entry by its number in the draft, after the existing ones', () => {
    const existing = [D, E];
    const result = paste(`1. ${A}\n2. ${D}\n3. ${B}\n4. ${A}！`, { existing });
    expect(read(result)).toEqual([A, refused('errorDuplicate', { other: 1 }), B, refused('errorDuplicate', { other: 3 })]);
  });

  it('a refused entry is no original for a later duplicate', () => {
    const result = paste(`1. 👍👍👍\n2. ${A}\n3. ${A}`);
    expect(read(result)[2]).toBe(refused('errorDuplicate', { other: 2 }));
  });
});

describe('a very long paste', () => {
  const lines = Array.from(
    { length: 200 },
    (_, i) => `${i + 1}. 第${i + 1}项：为辖区第${i + 1}网格群众提供上门政策咨询和代办服务，每月开展便民志愿活动，切实解决群众急难愁盼问题`,
  );
  const text = lines.join('\n');

  it('is capped at maxItems, the rest reported as one problem', () => {
    expect(text.length).toBeGreaterThan(10_000);
    const result = paste(text);
    expect(result.entries).toHaveLength(20);
    expect(result.entries.every((entry) => entry.content.ok)).toBe(true);
    expect(result.overflow).toEqual({ key: 'pasteOverflow', vars: { max: 20, count: 180, line: 21 } });
    expect(said(result.overflow!)).toBe(sentenceOf('pasteOverflow', { max: 20, line: 21, count: 180 }));
  });

  it('counts the entries already in the draft', () => {
    const result = paste(text, { existing: Array.from({ length: 18 }, (_, i) => `${A}（${i}）`) });
    expect(result.entries).toHaveLength(2);
    expect(result.overflow?.vars).toEqual({ max: 20, count: 198, line: 3 });
  });

  it('a full draft leaves room for none', () => {
    const existing = Array.from({ length: 20 }, (_, i) => `${ITEMS[0]}${i}`);
    const result = paste(`1. ${A}\n2. ${B}`, { existing });
    expect(result.entries).toEqual([]);
    expect(result.overflow?.vars).toEqual({ max: 20, count: 2, line: 1 });
  });

  it('no overflow when everything fits', () => {
    expect(paste(`1. ${A}\n2. ${B}`).overflow).toBeUndefined();
  });

  it.each([
    ['one 10,000-字 line among others', `1. ${'服'.repeat(10_000)}\n2. ${A}`],
    ['brackets that never close', `1. ${'（'.repeat(5_000)}\n2. ${'(类型：'.repeat(2_000)}\n3. ${A}`],
    ['dashes and spaces', `1. ${'— '.repeat(5_000)}\n2. ${'-'.repeat(10_000)}暖心\n3. ${A}`],
    ['a table of 200 rows', Array.from({ length: 200 }, (_, i) => `${i}\t${'服务'.repeat(25)}${i}\t暖心`).join('\n')],
    ['200 lines of tabs', Array.from({ length: 200 }, () => `${'\t'.repeat(50)}事项`).join('\n')],
  ])('%s does not explode', (_, input) => {
    // No timing here (speed belongs to benchmarks): a regular expression that backtracks without end
    // would hang this test until the runner's time-out fails it.
    const result = parse(input);
    expect(result === undefined || result.entries.length <= 20).toBe(true);
  });

  it('the 10,000-字 entry is refused with its count', () => {
    expect(read(paste(`1. ${'服'.repeat(10_000)}\n2. ${A}`))[0]).toBe(refused('errorTooLong', { label: '服务事项', max: 100, count: 10_000, over: 9900 }));
  });
});

describe('text as it arrives from phones and Word', () => {
  it('zero-width characters and non-breaking spaces are dropped as in a typed answer', () => {
    const result = paste(`\ufeff1.\u00a0${A}\u200b\n2. ${B}\u2060\n3.\u3000${C}`);
    expect(read(result)).toEqual([A, B, C]);
  });

  it('an emoji in an item is kept and counts one 字', () => {
    const result = paste(`1. 🚇${A}\n2. ${B}\n3. ${C}`);
    expect(read(result)[0]).toBe(`🚇${A}`);
  });

  it('the industry form reads the same numbered lines', () => {
    expect(read(paste(`1. ${A}（暖心）\n2. ${B}`, { form: industryForm }))).toEqual([`${A}（提供暖心服务）`, B]);
  });
});
