// How people name a form's fields when they write them out ("服务承诺：…", "【服务事项】…", "承诺: …"), so that
// a pasted label is read as a label and not kept as part of the answer.
import { countChars } from '../campaign/index.js';
import { escapeRegExp } from '../shared/index.js';

/**
 * How people name a field: its label, its edit words, the label without its parenthesis (行业名称) and without
 * a prefix people drop (the campaign's matching.labelPrefixes: 服务承诺 → 承诺：, 类型：, 事项：). Longest first.
 */
export function namesOf(field: { label: string; editWords: string[] }, prefixes: readonly string[]): string[] {
  const plain = field.label.replace(/[（(][^）)]*[）)]/g, '');
  const bare = prefixes.filter((prefix) => plain.startsWith(prefix)).map((prefix) => plain.slice(prefix.length));
  const names = [field.label, plain, ...bare, ...field.editWords];
  return [...new Set(names.filter((name) => countChars(name) >= 2))].sort((a, b) => b.length - a.length);
}

// Full-width punctuation and digits, 第…项 and the numerals 一…十: how Chinese is written, the same in any campaign, so they stay in the code.
export const alternatives = (names: string[]) => `(?:${names.map(escapeRegExp).join('|')})`;

/**
 * A line of the bot's own review as the campaign words it (messages.summaryText "【{label}】{value}",
 * summaryListHeading "【{label}】"), opening with one of `names`: what the template puts before {label}
 * (which a list marker such as ▶ may have taken already) and between it and {value}. A review reworded still
 * reads back when a member pastes it. None when nothing follows the label: a line merely starting with the
 * word is no label.
 */
export function reviewMarkerRegExp(template: string, names: string[]): RegExp | undefined {
  const at = template.indexOf('{label}');
  if (at < 0) return undefined;
  const before = template.slice(0, at).trim();
  const after = template
    .slice(at + '{label}'.length)
    .replace(/\{value\}[\s\S]*$/, '')
    .trim();
  if (after === '') return undefined;
  return new RegExp(`^(?:${escapeRegExp(before)})?\\s*${alternatives(names)}\\s*${escapeRegExp(after)}\\s*`);
}

/** Either marker: the first that opens the line. */
export function eitherRegExp(a: RegExp, b: RegExp | undefined): RegExp {
  return b ? new RegExp(`(?:${a.source})|(?:${b.source})`) : a;
}

/** A label opening a line: in brackets (【服务承诺】), before a colon (服务承诺（50字以内）：), or alone on the line. */
export function markerRegExp(names: string[]): RegExp {
  const name = alternatives(names);
  return new RegExp(`^(?:[【\\[]\\s*${name}\\s*[】\\]]\\s*[:：]?|${name}\\s*(?:[（(][^）)]{0,15}[）)])?\\s*(?:[:：]|$))\\s*`);
}

/**
 * A label or a number opening one answer: "服务承诺：", "【服务事项】", "服务事项1：", "第1项：", "1. ", "（1）".
 * Unlike a marker it needs its colon or brackets, so an answer that merely starts with the word keeps it, and a
 * number needs its mark and no digit after it ("12345热线" and "1.5万人次" stay whole).
 */
function prefixRegExp(names: string[], numbered: boolean): RegExp {
  const name = alternatives(names);
  const number = '(?:[0-9０-９一二三四五六七八九十]{1,2})';
  const label = `(?:[【\\[]\\s*${name}\\s*${number}?\\s*[】\\]]\\s*[:：]?|${name}\\s*${number}?\\s*(?:[（(][^）)]{0,15}[）)])?\\s*[:：])`;
  const enumerated = `(?:第\\s*${number}\\s*[项条个]\\s*[:：、.．]?|[(（]${number}[)）]|${number}[.、．:：)）](?![0-9０-９])|[①-⑳])`;
  if (!numbered) return new RegExp(`^(?:${label}\\s*)?`);
  return new RegExp(`^(?:${label}\\s*)?(?:${enumerated}\\s*)?(?:${label}\\s*)?`);
}

const prefixes = new WeakMap<object, RegExp>();

/**
 * The answer without the label or number it was pasted with ("服务承诺：" alone leaves nothing). A text of
 * paragraphs keeps its numbers: "一、活动概况" is its first heading.
 */
export function withoutLabel(text: string, field: { label: string; editWords: string[]; paragraphs?: boolean }, labelPrefixes: readonly string[]): string {
  let prefix = prefixes.get(field);
  if (!prefix) {
    prefix = prefixRegExp(namesOf(field, labelPrefixes), field.paragraphs !== true);
    prefixes.set(field, prefix);
  }
  return text.replace(prefix, '');
}
