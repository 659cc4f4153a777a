// The toSay matcher and sentenceOf, against the real campaign and against sentences written to trip it.
import { describe, expect, it } from 'vitest';
import type { ListField } from '../../src/campaign/form-schema.js';
import { campaign2021, checkSays, patternOf, sentenceOf, templateOf, valuesIn } from './says.js';

const campaign = campaign2021();

/** The 2021 campaign with some group sentences replaced. */
function withMessages(messages: Partial<typeof campaign.messages>) {
  return { ...campaign, messages: { ...campaign.messages, ...messages } };
}

/** The message a failing toSay gives. */
function failure(run: () => void): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the assertion passed');
}

describe('sentenceOf', () => {
  it('fills the sentence of a group key and of an admin key, nested ones too', () => {
    expect(sentenceOf('takenOver', { name: '李华' })).toBe(campaign.messages.takenOver.replace('{name}', '李华'));
    expect(sentenceOf('admin.refused')).toBe(campaign.admin.messages.refused);
    expect(sentenceOf('admin.logActions.takenOver', { unit: '甲', form: '附件2', version: 1 })).toBe(
      campaign.admin.messages.logActions.takenOver.replace('{unit}', '甲').replace('{form}', '附件2').replace('{version}', '1'),
    );
  });

  it('throws on a key the campaign has no sentence for, and on a value the sentence needs but is not given', () => {
    expect(() => templateOf('admin.logActions' as never)).toThrow('no sentence admin.logActions in the campaign');
    expect(() => sentenceOf('takenOver')).toThrow('no value for {name}');
  });
});

describe('toSay', () => {
  const submitted = sentenceOf('submitted', { time: '9月20日 10:30' });

  it('passes on the sentence, alone or within a longer reply, with or without its values', () => {
    expect(submitted).toSay('submitted');
    expect(submitted).toSay('submitted', { time: '9月20日 10:30' });
    expect(`@李华 ${submitted}\n下一句`).toSay('submitted', { time: /\d+月\d+日 \d\d:\d\d/ });
    expect([submitted]).toEqual([expect.toSay('submitted')]);
  });

  it('fails on another sentence, or on the sentence with another value, naming the key and the template', () => {
    expect(submitted).not.toSay('submittedLate');
    expect(submitted).not.toSay('submitted', { time: '9月21日 10:30' });
    const message = failure(() => expect(submitted).toSay('submitted', { time: '9月21日 10:30' }));
    expect(message).toContain('expected the reply to say submitted with {time} = "9月21日 10:30"');
    expect(message).toContain(`template: ${JSON.stringify(campaign.messages.submitted)}`);
    expect(message).toContain('not found (in order): "9月21日 10:30"');
    expect(message).toContain(`reply: ${JSON.stringify(submitted)}`);
    expect(failure(() => expect(submitted).toSay('admin.refused'))).toContain(`admin.refused\n  template: ${JSON.stringify(campaign.admin.messages.refused)}`);
    expect(failure(() => expect(42).toSay('submitted'))).toContain('expected a reply (a string) saying submitted');
    // A value for a placeholder the sentence does not use could not be checked, so it fails.
    expect(failure(() => expect(submitted).toSay('submitted', { time: '9月20日 10:30', name: '李华' } as never))).toContain(
      'not found (in order): "{name}, which the sentence does not use"',
    );
  });

  it('fails when the sentence says more than the reply, and when the reply says it in another order', () => {
    expect(campaign.messages.submitted.slice(0, -1)).not.toSay('submitted');
    const own = withMessages({ takenOver: '甲{name}乙丙' });
    expect('甲李华乙丙').toSay('takenOver', { name: '李华' }, own);
    expect('乙丙甲李华').not.toSay('takenOver', {}, own);
    expect('甲李华乙').not.toSay('takenOver', {}, own);
  });

  it('reads a sentence of several lines, line by line', () => {
    expect(campaign.messages.greeting).toContain('\n');
    const greeting = sentenceOf('greeting', {
      campaign: '服务月',
      form: '附件2',
      unit: '甲单位',
      requirements: '承诺',
      deadline: '9月30日',
      timeLeft: '还有10天',
    });
    expect(greeting).toSay('greeting', { unit: '甲单位', deadline: '9月30日' });
    expect(greeting.replace('\n', ' ')).not.toSay('greeting');
    expect(greeting).not.toSay('greeting', { unit: '乙单位' });
  });

  it('takes the regular-expression characters of a sentence as written', () => {
    const own = withMessages({ takenOver: '好的（{name}）? a.b*c+[d] $1 ^(e|f) {name}\\' });
    const said = '好的（李华）? a.b*c+[d] $1 ^(e|f) 李华\\';
    expect(said).toSay('takenOver', { name: '李华' }, own);
    expect(said.replace('a.b', 'axb')).not.toSay('takenOver', {}, own);
    expect(said.replace('b*c', 'bbc')).not.toSay('takenOver', {}, own);
    expect(said.replace('）?', '）')).not.toSay('takenOver', {}, own);
    expect(said.replace('[d]', 'd')).not.toSay('takenOver', {}, own);
    // A value is taken as written too; a RegExp value as a pattern.
    expect('好的（a.b）? a.b*c+[d] $1 ^(e|f) a.b\\').toSay('takenOver', { name: 'a.b' }, own);
    expect('好的（axb）? a.b*c+[d] $1 ^(e|f) axb\\').not.toSay('takenOver', { name: 'a.b' }, own);
    expect('好的（axb）? a.b*c+[d] $1 ^(e|f) axb\\').toSay('takenOver', { name: /a.b/ }, own);
  });

  it('points at the first part of the sentence the reply lacks', () => {
    const own = withMessages({ takenOver: '甲{name}乙丙' });
    expect(checkSays('甲李华乙', 'takenOver', { name: '李华' }, own)).toEqual({ pass: false, template: '甲{name}乙丙', missing: '乙丙' });
    expect(checkSays('甲张三乙丙', 'takenOver', { name: '李华' }, own)).toEqual({ pass: false, template: '甲{name}乙丙', missing: '李华' });
    expect(checkSays('甲张三乙丙', 'takenOver', { name: /李./ }, own)).toEqual({ pass: false, template: '甲{name}乙丙', missing: '{name} as /李./' });
  });
});

describe('patternOf', () => {
  it('matches the sentence with the values given and any text for the others, and nests in another sentence', () => {
    const own = withMessages({ takenOver: '甲{name}乙.{n}' } as never);
    expect(patternOf('takenOver', { name: '李华' }, own).test('前言 甲李华乙.第3项')).toBe(true);
    expect(patternOf('takenOver', { name: '李华' }, own).test('甲张三乙.第3项')).toBe(false);
    expect(patternOf('takenOver', {}, own).test('甲张三乙x第3项')).toBe(false);
    const line = sentenceOf('chooseFormLine', { n: 2, status: sentenceOf('progressReopened', { form: '附件2', version: 1 }) });
    expect(line).toSay('chooseFormLine', { n: 2, status: patternOf('progressReopened', { form: '附件2' }) });
    expect(line).not.toSay('chooseFormLine', { n: 2, status: patternOf('progressReopened', { form: '附件1' }) });
  });
});

describe('valuesIn', () => {
  it('reads back what each placeholder holds, a repeated one once, one at the end to the end of its line', () => {
    const own = withMessages({ takenOver: '甲{name}乙（{name}）{n}' } as never);
    expect(valuesIn('前言 甲李华乙（李华）第3项\n下一行', 'takenOver', own)).toEqual({ name: '李华', n: '第3项' });
    expect(valuesIn('甲李华乙（张三）', 'takenOver', own)).toBeUndefined();
    expect(valuesIn(sentenceOf('admin.exportDone', { file: 'a.xlsx', rows: 12 }), 'admin.exportDone')).toEqual({ file: 'a.xlsx', rows: '12' });
  });
});

describe('a form’s own sentences', () => {
  const [modelCollective, , industryList, activityReport] = campaign.forms;

  it('are found by the form’s id and the path to them, a field by its id', () => {
    expect(templateOf('form:modelCollective.commitment.saved')).toBe(modelCollective!.fields[0]!.saved);
    const items = modelCollective!.fields[1] as ListField;
    expect(templateOf('form:modelCollective.items.content.prompt')).toBe(items.fields[0]!.prompt);
    expect(templateOf('form:modelCollective.items.itemLabel')).toBe(items.itemLabel);
    expect(templateOf('form:activityReport.completeWith.more')).toBe(activityReport!.completeWith!.more);
    expect(templateOf('form:industryList.hints.help')).toBe(industryList!.hints!.help);
  });

  it('fill and match as the catalogue’s do, and a path to no sentence throws', () => {
    expect(sentenceOf('form:modelCollective.items.saved', { n: 2, type: '其他' })).toBe(
      templateOf('form:modelCollective.items.saved').replace('{n}', '2').replace('{type}', '其他'),
    );
    const saved = `@李华 ${sentenceOf('form:modelCollective.items.saved', { n: 2, type: '其他' })}`;
    expect(saved).toSay('form:modelCollective.items.saved', { n: 2 });
    expect(saved).not.toSay('form:modelCollective.items.saved', { n: 3 });
    expect(saved).not.toSay('form:modelCollective.commitment.saved');
    expect(() => templateOf('form:modelCollective.items')).toThrow('no sentence form:modelCollective.items in the campaign');
    expect(() => templateOf('form:noSuchForm.commitment.saved')).toThrow('no sentence form:noSuchForm.commitment.saved');
    expect(() => templateOf('form:modelCollective.noSuchField.prompt')).toThrow('no sentence');
  });
});
