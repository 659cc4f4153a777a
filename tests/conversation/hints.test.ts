// Every command a reply suggests works where it was suggested: each form of the campaign is filled in full,
// every reply read for the commands it names (in “quotes”, and the lines of 帮助), and each one sent in the
// state the reply left the group in.
import { describe, expect, it } from 'vitest';
import { findForm } from '../../src/campaign/forms.js';
import { parseInput } from '../../src/conversation/commands.js';
import { formState, openForm, questionAt, type GroupSnapshot } from '../../src/conversation/engine.js';
import type { GroupEvent, UnitProfile } from '../../src/conversation/group-types.js';
import { renderAll } from '../../src/conversation/render.js';
import { campaign, COMMITMENT, engine, eventOf, ITEMS, NOW } from './harness.js';

const m = campaign.messages;
const formNames = campaign.forms.flatMap((form) => [form.shortTitle, form.id]);

const isCommand = (text: string) => parseInput(text, campaign.commands, undefined, formNames).type !== 'user.text';

/** The commands a reply suggests for this moment: the quoted ones ("回复“确认”提交"). */
function quoted(reply: string): string[] {
  return [...new Set([...reply.matchAll(/“([^”]+)”/g)].map((match) => match[1]!))].filter(isCommand);
}

/** The commands 帮助 lists for the whole form: the left side of its lines ("修改 承诺 / 修改 2 — …"). */
function listed(reply: string): string[] {
  const lines = reply.split('\n').filter((line) => line.includes(' — '));
  return [
    ...new Set(
      lines.flatMap((line) =>
        line
          .split(' — ')[0]!
          .split(' / ')
          .map((part) => part.trim()),
      ),
    ),
  ].filter(isCommand);
}

function reply(step: { says: Parameters<typeof renderAll>[0]; snapshot: GroupSnapshot }): string {
  return renderAll(step.says, { campaign, now: NOW, snapshot: step.snapshot });
}

/** What sending `text` does where the group stands, without keeping it. */
function probe(snapshot: GroupSnapshot, text: string): string {
  return reply(engine.step(snapshot, eventOf({ snapshot, says: [], effects: [], changed: false }, text)));
}

/** Answers that mean a command is not known, or names something that is not there. */
const UNKNOWN = [m.unknownCommand.split('{')[0]!, m.editWhat, m.deleteWhat];
/** …or, for a hint given for this very moment, that it does not work now. */
const NOT_NOW = [...UNKNOWN, m.notNowContinue, m.notNowFinish.split('{')[0]!, m.notNowConfirm.split('{')[0]!, m.atFirstStep];

function checkHints(snapshot: GroupSnapshot, commands: string[], broken: readonly string[], where: string): number {
  let checked = 0;
  for (const command of commands) {
    const answer = probe(snapshot, command);
    expect(answer, `${where}: “${command}” got no reply`).not.toBe('');
    for (const refusal of broken) expect(answer.startsWith(refusal), `${where}: “${command}” → ${answer.slice(0, 60)}`).toBe(false);
    checked += 1;
  }
  return checked;
}

/** A valid answer to the question where the group stands. */
function answerTo(snapshot: GroupSnapshot, n: number): GroupEvent | string {
  const at = questionAt(snapshot)!;
  if (at.kind === 'review') return '确认';
  if (at.kind === 'more') return n < 6 ? '继续' : '完成';
  if (at.kind === 'registration' || at.kind === 'pasted') return '确认';
  // The brief's one question: a file, a link, a text, then 完成.
  if (at.kind === 'materials') {
    if (n === 0) return { type: 'user.media', value: `简报${n}.docx（#${n}）`, at: NOW.getTime(), by: { id: 'u1', name: '李华' }, mentioned: false };
    return n === 1 ? `https://mp.weixin.qq.com/s/${n}` : n === 2 ? `${ITEMS[0]}，服务群众两万余人次。` : '完成';
  }
  const form = findForm(campaign, at.form)!;
  const top = form.fields.find((field) => field.id === ('field' in at ? at.field : ''))!;
  const field = top.kind === 'list' ? top.fields.find((f) => at.kind === 'entry' && f.id === at.sub)! : top;
  switch (field.kind) {
    case 'choice':
      return String(1 + (n % 6));
    case 'url':
      return `https://mp.weixin.qq.com/s/${n}`;
    case 'media':
      return { type: 'user.media', value: `现场${n}.jpg（#${n}）`, at: NOW.getTime(), by: { id: 'u1', name: '李华' }, mentioned: false };
    case 'text':
      return field.id === 'commitment'
        ? COMMITMENT
        : field.id === 'industryName'
          ? '广东省交通运输系统'
          : field.id === 'summary'
            ? `${ITEMS[0]}，服务群众两万余人次。`
            : ITEMS[n % ITEMS.length]!;
  }
}

describe.each([
  ['附件2', 'modelCollective', 'collective'],
  ['附件1', 'industryList', 'industryOrg'],
  ['the brief', 'activityReport', 'cityOrg'],
] as const)('every command suggested while filling %s works where it was suggested', (_, formId, kind) => {
  it('from the greeting to the review, and 帮助 at every question', () => {
    const unit: UnitProfile = { id: 1, name: '测试单位', kind, categories: ['national20'], city: '广州市', industry: '广东电网' };
    let step = engine.step(engine.initial(), { type: 'group.restore', at: NOW.getTime(), unit, owner: { id: 'u1', name: '李华' }, forms: {}, open: formId });
    let checked = 0;
    for (let n = 0; n < 40 && openForm(step.snapshot, campaign) === formId; n += 1) {
      const where = `${formId} at ${JSON.stringify(questionAt(step.snapshot))}`;
      checked += checkHints(step.snapshot, quoted(reply(step)), NOT_NOW, where);
      checked += checkHints(step.snapshot, listed(probe(step.snapshot, '帮助')), UNKNOWN, `${where}, 帮助`);
      if (questionAt(step.snapshot)?.kind === 'review') break;
      const answer = answerTo(step.snapshot, n);
      step = engine.step(step.snapshot, typeof answer === 'string' ? eventOf(step, answer) : answer);
    }
    // Forms with a review stop there; the brief is handed in with its last answer, and its reply's hints
    // (修改) must work too.
    if (questionAt(step.snapshot)?.kind !== 'review') {
      expect(formState(step.snapshot, formId)).toBe('submitted');
      checked += checkHints(step.snapshot, quoted(reply(step)), NOT_NOW, `${formId}, handed in`);
    }
    expect(checked).toBeGreaterThan(20);
  });
});
