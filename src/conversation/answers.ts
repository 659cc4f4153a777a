// Checking one answer against its field: a zod schema derived from the field definition. Returns a value
// instead of throwing: { ok: true, value } or { ok: false, problem } where the problem names the sentence
// to say and what to fill into it.
import { z } from 'zod';
import type { Campaign, ChoiceField, MediaField, ScalarField, TextField } from '../campaign/index.js';
import { choicesOf } from '../campaign/index.js';
import { countChars, excerpt, megabytes, type Vars } from '../campaign/index.js';
import type { MessageKey } from '../campaign/index.js';
import { withoutLabel } from './labels.js';

export interface Problem {
  key: MessageKey;
  vars: Vars;
}

export type Checked = { ok: true; value: string } | { ok: false; problem: Problem };

export interface CheckContext {
  campaign: Campaign;
  /** answers of the same field in the other entries of the list, by entry number (1-based) */
  others?: ReadonlyMap<number, string>;
}

export function checkAnswer(field: ScalarField, input: string, context: CheckContext): Checked {
  const result = schemaFor(field, context).safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const params = (result.error.issues[0] as { params?: Problem } | undefined)?.params;
  return { ok: false, problem: params ?? { key: 'errorEmpty', vars: { label: field.label } } };
}

function schemaFor(field: ScalarField, context: CheckContext): z.ZodType<string, string> {
  switch (field.kind) {
    case 'text':
      return textSchema(field, context);
    case 'choice':
      return choiceSchema(field, context.campaign);
    case 'url':
      return urlSchema(field);
    case 'media':
      // Media arrive as files, never as typed text.
      return z.string().transform((_, ctx) => fail(ctx, 'errorMediaExpected', { label: field.label }));
  }
}

function fail(ctx: z.RefinementCtx, key: MessageKey, vars: Vars): never {
  ctx.addIssue({ code: 'custom', message: key, params: { key, vars } });
  return z.NEVER;
}

const INVISIBLE = /[\u200b\u200c\u2060\ufeff]/g;
/** A zero-width joiner outside an emoji sequence; inside one (👨‍👩‍👧‍👦, 👩🏽‍💻, 🏳️‍🌈) it is part of the emoji and stays. */
const STRAY_JOINER = /\u200d(?!\p{Extended_Pictographic})|(?<!\p{Extended_Pictographic}[\u{FE0F}\u{1F3FB}-\u{1F3FF}]?)\u200d/gu;
/** A line that starts like an entry of a numbered list: "1." "2、" "（3）" "一、" "①" (full-width punctuation and the numerals 一…十: how Chinese is written, in any campaign) */
const ENUMERATED = /^\s*([(（]?\d{1,2}[)）.、．:：]|[一二三四五六七八九十]{1,2}[、.．]|[①-⑳])/;

/** Trims, drops invisible characters and folds line breaks and runs of spaces into one space. */
export function normalizeText(input: string): string {
  return input.replace(INVISIBLE, '').replace(STRAY_JOINER, '').replace(/\s+/g, ' ').trim();
}

/** normalizeText line by line: the line breaks of a text of paragraphs stay, empty lines go. */
export function normalizeParagraphs(input: string): string {
  return input
    .replace(INVISIBLE, '')
    .replace(STRAY_JOINER, '')
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

function looksLikeSeveral(input: string): boolean {
  const lines = input.split(/\r?\n|\r/).filter((line) => line.trim() !== '');
  return lines.filter((line) => ENUMERATED.test(line)).length >= 2;
}

const HAS_WORDS = /[\p{L}\p{N}]/u;

function textSchema(field: TextField, { others, campaign }: CheckContext) {
  const label = field.label;
  return z.string().transform((input, ctx) => {
    const value = withoutLabel(field.paragraphs ? normalizeParagraphs(input) : normalizeText(input), field, campaign.matching.labelPrefixes);
    const count = countChars(value);
    if (count === 0) return fail(ctx, 'errorEmpty', { label });
    if (!field.paragraphs && looksLikeSeveral(input)) return fail(ctx, 'errorSeveral', { label });
    if (count > field.maxChars) {
      return fail(ctx, 'errorTooLong', { label, max: field.maxChars, count, over: count - field.maxChars });
    }
    if (!HAS_WORDS.test(value)) return fail(ctx, 'errorNoWords', { label });
    if (count < field.minChars) return fail(ctx, 'errorTooShort', { label, min: field.minChars, count });
    if (field.unique && others) {
      const key = sameness(value);
      for (const [n, other] of others) {
        if (sameness(other) === key) return fail(ctx, 'errorDuplicate', { other: n });
      }
    }
    return value;
  });
}

/** Two answers are the same if they differ only in spaces and punctuation. */
function sameness(text: string): string {
  return text.replace(/[\s\p{P}\p{S}]/gu, '').toLowerCase();
}

const FULL_WIDTH_DIGIT = /[０-９]/g;

function choiceSchema(field: ChoiceField, campaign: Campaign) {
  const choices = choicesOf(campaign, field);
  return z.string().transform((input, ctx) => {
    const found = matchChoice(choices, input);
    if (found !== undefined) return found;
    const shown = normalizeText(input);
    if (shown === '') return fail(ctx, 'errorEmpty', { label: field.label });
    return fail(ctx, 'errorChoice', { input: excerpt(shown, 12), label: field.label, max: choices.length });
  });
}

/**
 * Finds the choice a reply means: its number (1–6, full-width too, "4." or "4 提供暖心服务"), its value, an
 * alias, or a reply that contains exactly one value or alias ("暖心服务类"). Undefined when none or several.
 */
export function matchChoice(choices: readonly { value: string; aliases: string[] }[], input: string): string | undefined {
  const text = normalizeText(input).replace(FULL_WIDTH_DIGIT, (d) => String(d.charCodeAt(0) - 0xff10));
  const bare = text.replace(/[\s\p{P}\p{S}]/gu, '');
  if (bare === '') return undefined;
  const number = /^(\d{1,2})(?![\d])/.exec(bare);
  if (number) {
    const byNumber = choices[Number(number[1]) - 1];
    const rest = bare.slice(number[1]!.length);
    if (byNumber && (rest === '' || matchName(choices, rest) === byNumber.value)) return byNumber.value;
    return undefined;
  }
  return matchName(choices, bare);
}

function matchName(choices: readonly { value: string; aliases: string[] }[], bare: string): string | undefined {
  const names = (choice: { value: string; aliases: string[] }) => [choice.value, ...choice.aliases];
  const exact = choices.find((choice) => names(choice).includes(bare));
  if (exact) return exact.value;
  const containing = choices.filter((choice) => names(choice).some((name) => bare.includes(name)));
  return containing.length === 1 ? containing[0]!.value : undefined;
}

/** A web address with its scheme, or a bare domain with a path (mp.weixin.qq.com/s/AbC), inside any text. */
const URL_IN_TEXT =
  /https?:\/\/[^\s，。；、！？“”《》（）()<>]+|(?<![\w.@/-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}(?:\/[^\s，。；、！？“”《》（）()<>]*)?/i;
const OTHER_SCHEME = /\b(?!https?:)[a-z][a-z0-9+.-]*:\/\//i;

/**
 * The link a message gives: the first web address in it (a link pasted inside a sentence, or without its
 * https://), the scheme added when it has none. Undefined when there is none, or only one of another
 * scheme (ftp://, javascript:).
 */
export function linkIn(text: string): string | undefined {
  if (OTHER_SCHEME.test(text) && !/https?:\/\//i.test(text)) return undefined;
  const found = URL_IN_TEXT.exec(text)?.[0];
  if (!found) return undefined;
  return /^https?:\/\//i.test(found) ? found : `https://${found}`;
}

/** The text of a message without the web address linkIn finds in it ("推文在这里…，请查收" → "推文在这里，请查收"). */
export function textBesideLink(text: string): string {
  if (OTHER_SCHEME.test(text) && !/https?:\/\//i.test(text)) return text;
  return text.replace(URL_IN_TEXT, '');
}

function urlSchema(field: ScalarField & { kind: 'url' }) {
  return z.string().transform((input, ctx) => {
    const value = normalizeText(input);
    if (value === '') return fail(ctx, 'errorEmpty', { label: field.label });
    const link = linkIn(value) ?? value;
    // A link is one "word" to Word, so its limit is in characters: a guard against pasted garbage.
    const count = [...link].length;
    if (count > field.maxChars) {
      return fail(ctx, 'errorUrlTooLong', { label: field.label, max: field.maxChars, count });
    }
    const parsed = z.url({ protocol: /^https?$/, hostname: z.regexes.domain }).safeParse(link);
    if (!parsed.success) return fail(ctx, 'errorUrl', { label: field.label });
    return link;
  });
}

/**
 * A file sent for a media field: its type, read from its content (not its name), must be one the field
 * accepts, and its size within the limit. A name that promises another type than the content is refused
 * with the reason, so that a renamed file is not taken for a picture.
 */
export function checkMedia(field: MediaField, file: { name: string; mime: string; size: number; sniffed: string | undefined }): Problem | undefined {
  const accepts = (mime: string) => field.accept.some((pattern) => (pattern.endsWith('/*') ? mime.startsWith(pattern.slice(0, -1)) : mime === pattern));
  if (file.sniffed === undefined) {
    return accepts(file.mime)
      ? { key: 'errorMediaUnreadable', vars: { label: field.label, file: file.name } }
      : { key: 'errorMediaType', vars: { label: field.label, file: file.name } };
  }
  if (!accepts(file.sniffed)) return { key: 'errorMediaType', vars: { label: field.label, file: file.name } };
  if (file.size > field.maxBytes) {
    return { key: 'errorMediaSize', vars: { label: field.label, file: file.name, size: megabytes(file.size), max: megabytes(field.maxBytes) } };
  }
  return undefined;
}
