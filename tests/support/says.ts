// Asserting that the bot said a sentence of the campaign file by its key, not by its words: rewording a
// sentence in conversations/ then breaks only the tests about wording, not every test that meets it.
//
//   expect(reply).toSay('submitted', { time: '9月20日 10:30' })    // a group sentence (`messages`)
//   expect(reply).toSay('admin.exportDone', { rows: 3 })           // an admin sentence (`admin.messages`)
//   expect(reply).toSay('admin.logActions.submitted')              // a sentence of a group of its own
//   expect(replies).toEqual([expect.toSay('admin.refused')])       // inside toEqual
//   expect(reply).toBe(sentenceOf('cancelled'))                    // the whole reply, every value given
//   expect(reply).toSay('form:modelCollective.items.content.prompt', { n: 2 })  // a form's own sentence
//
// toSay passes when the reply holds the sentence somewhere: its literal parts in order, each placeholder
// given holding that value, each one not given any text. A value is a string, a number, or a RegExp that
// the whole value must match, for one the test cannot know to the letter (a file's number, a clock time).
// Importing this file registers the matcher.
import { expect } from 'vitest';
import { fill } from '../../src/campaign/text.js';
import type { ADMIN_MESSAGES, MESSAGES, Campaign } from '../../src/campaign/schema.js';
import { loadCampaign } from '../../src/files/campaign.js';

type Group = typeof MESSAGES;
type AdminGroup = typeof ADMIN_MESSAGES;

/** The dotted keys of a catalogue's sentences: 'exportDone', 'logActions.submitted'. */
type KeysOf<C, Prefix extends string = ''> = {
  [K in keyof C & string]: C[K] extends readonly string[] | string ? `${Prefix}${K}` : KeysOf<C[K], `${Prefix}${K}.`>;
}[keyof C & string];

/**
 * A form's own sentence: 'form:', the form's id, then the path to it, a field by its id
 * ('form:modelCollective.items.content.prompt', 'form:activityReport.completeWith.more', 'form:industryList.hints.help').
 * The campaign file, not the code, says which forms and fields there are, so only the shape is checked here.
 */
export type FormSentenceKey = `form:${string}.${string}`;

/** A sentence of the group catalogue by its key, one of the admin catalogue as 'admin.' and its key, a form's own as 'form:'. */
export type SentenceKey = KeysOf<Group> | `admin.${KeysOf<AdminGroup>}` | FormSentenceKey;

type At<C, Path extends string> = Path extends `${infer Head}.${infer Rest}`
  ? Head extends keyof C
    ? At<C[Head], Rest>
    : never
  : Path extends keyof C
    ? C[Path]
    : never;

/** The placeholders a key's sentence may use, as declared in the catalogue ("label!" is "label"); any for a form's own. */
type PlaceholderOf<K extends SentenceKey> = K extends FormSentenceKey
  ? string
  : (K extends `admin.${infer Rest}` ? At<AdminGroup, Rest> : At<Group, K>) extends readonly (infer Name)[]
    ? Name extends `${infer Bare}!`
      ? Bare
      : Name & string
    : never;

/** The values toSay checks; a RegExp for a value known only by its shape (a file's number, a clock time). */
export type SayVars<K extends SentenceKey> = { [Name in PlaceholderOf<K>]?: string | number | RegExp };
/** The values sentenceOf fills in: all that the sentence uses. */
export type FillVars<K extends SentenceKey> = { [Name in PlaceholderOf<K>]?: string | number };

let defaultCampaign: Campaign | undefined;

/** The campaign the test apps run (conversations/), read once per test file. */
export function campaign2021(): Campaign {
  defaultCampaign ??= loadCampaign('conversations');
  return defaultCampaign;
}

/** A form's own sentence: each part of the path a field of `fields` by its id, or else a key. */
function formTemplate(key: FormSentenceKey, campaign: Campaign): string {
  const [formId, ...path] = key.slice('form:'.length).split('.');
  let entry: unknown = campaign.forms.find((form) => form.id === formId);
  for (const part of path) {
    const fields = (entry as { fields?: { id: string }[] } | undefined)?.fields;
    const field = Array.isArray(fields) ? fields.find((f) => f.id === part) : undefined;
    entry = field ?? (entry as Record<string, unknown> | undefined)?.[part];
  }
  if (typeof entry !== 'string') throw new Error(`no sentence ${key} in the campaign ${campaign.id}`);
  return entry;
}

/** The sentence a key names, as the campaign file writes it. */
export function templateOf(key: SentenceKey, campaign: Campaign = campaign2021()): string {
  if (key.startsWith('form:')) return formTemplate(key as FormSentenceKey, campaign);
  const [root, path] = key.startsWith('admin.') ? [campaign.admin.messages, key.slice('admin.'.length)] : [campaign.messages, key];
  let entry: unknown = root;
  for (const part of path.split('.')) entry = (entry as Record<string, unknown> | undefined)?.[part];
  if (typeof entry !== 'string') throw new Error(`no sentence ${key} in the campaign ${campaign.id}`);
  return entry;
}

/** The sentence a key names, filled as the bot fills it; the campaign's strict filling wants every value it uses. */
export function sentenceOf<K extends SentenceKey>(key: K, vars: FillVars<K> = {}, campaign: Campaign = campaign2021()): string {
  return fill(templateOf(key, campaign), vars as Record<string, string | number>);
}

const PLACEHOLDER = /\{(\w+)\}/g;

function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** The pieces of a sentence in order: each a piece of pattern and what it stands for, for the failure message. */
function piecesOf(template: string, vars: Record<string, unknown>): { pattern: string; shows: string }[] {
  const pieces: { pattern: string; shows: string }[] = [];
  let at = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    if (match.index > at) pieces.push({ pattern: literal(template.slice(at, match.index)), shows: template.slice(at, match.index) });
    const value = vars[match[1]!];
    if (value instanceof RegExp) pieces.push({ pattern: `(?:${value.source})`, shows: `{${match[1]}} as ${String(value)}` });
    else if (value !== undefined) pieces.push({ pattern: literal(String(value)), shows: String(value) });
    else pieces.push({ pattern: '[\\s\\S]*?', shows: match[0] });
    at = match.index + match[0].length;
  }
  if (at < template.length) pieces.push({ pattern: literal(template.slice(at)), shows: template.slice(at) });
  return pieces;
}

/**
 * The sentence of `key` as a pattern, each placeholder given holding that value and each other one any text:
 * for a value that is itself a sentence the test knows only in part (a progress line inside a list line).
 */
export function patternOf<K extends SentenceKey>(key: K, vars: SayVars<K> = {}, campaign: Campaign = campaign2021()): RegExp {
  return new RegExp(
    piecesOf(templateOf(key, campaign), vars)
      .map((piece) => piece.pattern)
      .join(''),
  );
}

/** Whether `text` holds the sentence of `key`; if not, the first piece it lacks. */
export function checkSays(
  text: string,
  key: SentenceKey,
  vars: Record<string, unknown> = {},
  campaign: Campaign = campaign2021(),
): { pass: true } | { pass: false; template: string; missing: string } {
  const template = templateOf(key, campaign);
  // A value the sentence has no place for checks nothing: the test meant another sentence.
  const unused = Object.keys(vars).find((name) => vars[name] !== undefined && !template.includes(`{${name}}`));
  if (unused) return { pass: false, template, missing: `{${unused}}, which the sentence does not use` };
  const pieces = piecesOf(template, vars);
  if (new RegExp(pieces.map((piece) => piece.pattern).join('')).test(text)) return { pass: true };
  // The longest run of pieces the text holds shows where the sentence and the reply part.
  let held = 0;
  while (
    held < pieces.length &&
    new RegExp(
      pieces
        .slice(0, held + 1)
        .map((piece) => piece.pattern)
        .join(''),
    ).test(text)
  )
    held += 1;
  return { pass: false, template, missing: pieces[held]?.shows ?? template };
}

/**
 * The values the placeholders of `key`'s sentence hold where `text` says it, or undefined where it does not:
 * for a test that goes on with a number the bot chose (how many parts, which entry). A placeholder that ends
 * the sentence reads to the end of its line.
 */
export function valuesIn(text: string, key: SentenceKey, campaign: Campaign = campaign2021()): Record<string, string> | undefined {
  const template = templateOf(key, campaign);
  const seen = new Set<string>();
  let pattern = '';
  let at = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    const name = match[1]!;
    pattern += literal(template.slice(at, match.index));
    const last = match.index + match[0].length === template.length;
    pattern += seen.has(name) ? `\\k<${name}>` : `(?<${name}>${last ? '[^\\n]*' : '[\\s\\S]*?'})`;
    seen.add(name);
    at = match.index + match[0].length;
  }
  pattern += literal(template.slice(at));
  const groups = new RegExp(pattern).exec(text)?.groups;
  return groups ? { ...groups } : undefined;
}

function show(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

expect.extend({
  toSay(received: unknown, key: SentenceKey, vars: Record<string, unknown> = {}, campaign?: Campaign) {
    const given =
      Object.keys(vars).length > 0
        ? ` with ${Object.entries(vars)
            .map(([name, value]) => `{${name}} = ${show(value)}`)
            .join(', ')}`
        : '';
    if (typeof received !== 'string') {
      return { pass: false, message: () => `expected a reply (a string) saying ${key}${given}, got ${this.utils.stringify(received)}` };
    }
    const result = checkSays(received, key, vars, campaign);
    if (result.pass) {
      return { pass: true, message: () => `expected the reply not to say ${key}${given}, but it does:\n  reply: ${show(received)}` };
    }
    return {
      pass: false,
      message: () =>
        `expected the reply to say ${key}${given}\n  template: ${show(result.template)}\n  not found (in order): ${show(result.missing)}\n  reply: ${show(received)}`,
    };
  },
});

interface SaysMatchers<R = unknown> {
  /** The reply holds the sentence of `key`, its placeholders given holding those values (see tests/support/says.ts). */
  toSay<K extends SentenceKey>(key: K, vars?: SayVars<K>, campaign?: Campaign): R;
}

declare module 'vitest' {
  interface Matchers<T = any> extends SaysMatchers<T> {}
  interface AsymmetricMatchersContaining extends SaysMatchers {}
}
