// What a group member's text means: one of the command words of the campaign, or an answer.
import type { CommandWords, Form } from '../campaign/index.js';

export type EditTarget = { kind: 'none' } | { kind: 'field'; field: string } | { kind: 'entry'; n: number } | { kind: 'unknown' };

export type CommandEvent =
  | { type: 'cmd.start'; form?: string }
  | { type: 'cmd.back' }
  | { type: 'cmd.edit'; target: EditTarget }
  | { type: 'cmd.delete'; n: number | null }
  | { type: 'cmd.continue' }
  | { type: 'cmd.finish' }
  | { type: 'cmd.confirm' }
  | { type: 'cmd.cancel' }
  | { type: 'cmd.help' }
  /** 指南: the 填报指南, wherever the group stands */
  | { type: 'cmd.guide' }
  | { type: 'cmd.progress' }
  | { type: 'cmd.takeover' }
  /** 是, 好的, 对…: yes where the bot asks a yes-or-no question, an acknowledgement elsewhere */
  | { type: 'cmd.yes' }
  /** 不是, 算了…: no where the bot asks a yes-or-no question */
  | { type: 'cmd.no' }
  | { type: 'cmd.bind'; name: string }
  | { type: 'cmd.unknown'; text: string };

/** `confirmed`: a text held back and said yes to ("要把…保存为…吗？" 是): not asked about again */
export type TextEvent = { type: 'user.text'; text: string; confirmed?: true };

/** An argument longer than this after 修改/删除 is read as an answer that happens to start with the word. */
const MAX_ARGUMENT = 6;
// Full-width punctuation and digits, 第…项 and the numerals 一…十: how Chinese is written, the same in any campaign, so they stay in the code.
const TRAILING = /[\s。.!！?？~～、，,]+$/u;
const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/**
 * `formNames` are the names a form may be asked for by ("填报 附件1"): its short title and id. A word
 * after 填报 that names no form leaves the text an answer.
 */
export function parseInput(text: string, words: CommandWords, form?: Form, formNames: readonly string[] = []): CommandEvent | TextEvent {
  const plain = text.trim().replace(TRAILING, '');
  // "/帮助" is 帮助 typed the way other bots are used to; an unknown "/..." is reported below.
  const bare = plain.replace(/\s+/g, '').replace(/^[/／]/, '');
  const is = (list: readonly string[]) => list.includes(bare);

  if (is(words.start)) return { type: 'cmd.start' };
  // before 填报 with a form's name: 填报指南 names no form
  if (is(words.guide)) return { type: 'cmd.guide' };
  const asked = textAfter(plain, words.start)?.replace(/\s+/g, '');
  if (asked && formNames.includes(asked)) return { type: 'cmd.start', form: asked };
  if (is(words.back)) return { type: 'cmd.back' };
  if (is(words.continue)) return { type: 'cmd.continue' };
  if (is(words.finish)) return { type: 'cmd.finish' };
  if (is(words.confirm)) return { type: 'cmd.confirm' };
  if (is(words.cancel)) return { type: 'cmd.cancel' };
  if (is(words.help)) return { type: 'cmd.help' };
  if (is(words.progress)) return { type: 'cmd.progress' };
  if (is(words.takeover)) return { type: 'cmd.takeover' };
  if (words.yes.some((word) => word.toLowerCase() === bare.toLowerCase())) return { type: 'cmd.yes' };
  if (is(words.no)) return { type: 'cmd.no' };

  const bindName = textAfter(plain, words.bind);
  if (bindName !== undefined) return { type: 'cmd.bind', name: bindName };

  const edit = argumentAfter(bare, words.edit);
  if (edit !== undefined) {
    const target = editTarget(edit, form);
    if (target) return { type: 'cmd.edit', target };
  }
  const del = argumentAfter(bare, words.delete);
  if (del !== undefined) {
    if (del === '') return { type: 'cmd.delete', n: null };
    const n = entryNumber(del);
    if (n !== undefined) return { type: 'cmd.delete', n };
    if ([...del].length <= MAX_ARGUMENT) return { type: 'cmd.delete', n: null };
  }
  if (/^[/／]/.test(plain)) return { type: 'cmd.unknown', text: [...plain].slice(0, 12).join('') };
  return { type: 'user.text', text };
}

/** The text after the command word `text` starts with, spaces inside kept; undefined if it starts with none. */
function textAfter(text: string, list: readonly string[]): string | undefined {
  const plain = text.replace(/^[/／]/, '').trim();
  const word = [...list].sort((a, b) => b.length - a.length).find((w) => plain.startsWith(w));
  return word === undefined ? undefined : plain.slice(word.length).trim();
}

function argumentAfter(bare: string, list: readonly string[]): string | undefined {
  const word = [...list].sort((a, b) => b.length - a.length).find((w) => bare.startsWith(w));
  return word === undefined ? undefined : bare.slice(word.length);
}

function editTarget(argument: string, form: Form | undefined): EditTarget | undefined {
  if (argument === '') return { kind: 'none' };
  const n = entryNumber(argument);
  if (n !== undefined) return { kind: 'entry', n };
  const field = form?.fields.find((f) => f.editWords.includes(argument) || f.label === argument);
  if (field) return { kind: 'field', field: field.id };
  return [...argument].length <= MAX_ARGUMENT ? { kind: 'unknown' } : undefined;
}

/** "2", "２", "第2项", "第二项", "二" → 2 */
export function entryNumber(argument: string): number | undefined {
  const inner = argument
    .replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10))
    .replace(/^第/, '')
    .replace(/[项條条个]$/, '');
  if (/^\d{1,3}$/.test(inner)) return Number(inner);
  if (inner.length === 1 && inner in CN_DIGITS) return CN_DIGITS[inner];
  return undefined;
}

/** The number a member replied with to a numbered choice: "2", "２", "第2个". */
export function numberReply(input: { type: string; text?: string }): number | undefined {
  if (input.type !== 'user.text' || input.text === undefined) return undefined;
  const digits = input.text.trim().replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10));
  const match = /^第?(\d{1,2})[个项号]?$/.exec(digits);
  return match ? Number(match[1]) : undefined;
}
