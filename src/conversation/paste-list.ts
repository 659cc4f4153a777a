// Reading a pasted form as lines: numbered or bulleted entries, a commitment line, a type named after an
// entry, headings and chatter told apart, and whether the lines look like a list at all.
import { countChars } from '../campaign/index.js';
import { matchChoice } from './answers.js';
import type { Line, Vocabulary } from './paste-words.js';

// ---- Reading entries ------------------------------------------------------------------------------------

export interface RawEntry {
  line: number;
  content: string;
  type?: string;
}

export interface RawPaste {
  commitment?: string;
  entries: RawEntry[];
  skipped: number[];
}

/**
 * A type named without a marker: "（提供暖心服务）", "—— 优化办事流程", a cell or a line of its own. Only short
 * text without digits, so that "（每周一次）" or "（1）" stays part of the item.
 */
export function typeName(text: string, vocabulary: Vocabulary): string | undefined {
  if (!vocabulary.type || countChars(text) > 8 || /[0-9０-９]/.test(text)) return undefined;
  return matchChoice(vocabulary.choices, text);
}

export const TRAILING_BRACKET = /[（(【[]([^（()）【】[\]]{1,12})[）)】\]]\s*[。.；;]?\s*$/;
export const TRAILING_DASH = /\s*(?:—{1,2}|－{1,2}|-{1,2}|–)\s*([^—－\-–]{1,12})$/;
/** Separators between an entry and its type, or after an entry in a list ("…；"): not part of the content. */
export const TRAILING_SEPARATORS = /[\s，,；;、:：|｜—－\-–]+$/;

/** An entry's text with its type split off when it names one at its end. */
export function entryOf(line: number, text: string, vocabulary: Vocabulary): RawEntry {
  const tidy = (content: string) => content.replace(TRAILING_SEPARATORS, '');
  const explicit = vocabulary.typeTail?.exec(text);
  if (explicit) {
    const type = explicit[1]!.trim();
    return { line, content: tidy(text.slice(0, explicit.index)), ...(type === '' ? {} : { type }) };
  }
  for (const pattern of [TRAILING_BRACKET, TRAILING_DASH]) {
    const found = pattern.exec(text);
    if (found && typeName(found[1]!, vocabulary) !== undefined) {
      return { line, content: tidy(text.slice(0, found.index)), type: found[1]! };
    }
  }
  return { line, content: tidy(text) };
}

/** The entry of a list line; a tab before a short last cell sets the type apart ("…\t提高服务质量"). */
export function listEntryOf(line: Line, vocabulary: Vocabulary): RawEntry {
  const cells = line.cells.filter((cell) => cell !== '');
  const last = cells.at(-1) ?? '';
  if (vocabulary.type && cells.length >= 2 && countChars(last) <= 8) {
    return { ...entryOf(line.number, cells.slice(0, -1).join(' '), vocabulary), type: last };
  }
  return entryOf(line.number, line.text, vocabulary);
}

export function attachType(entries: RawEntry[], type: string): boolean {
  const last = entries.at(-1);
  if (!last || last.type !== undefined || type === '') return false;
  last.type = type;
  return true;
}

export type Kind =
  | { kind: 'commitment'; value: string }
  | { kind: 'list'; rest: string }
  | { kind: 'type'; value: string }
  | { kind: 'other' }
  | { kind: 'heading' }
  | { kind: 'text' };

export function kindOf(text: string, vocabulary: Vocabulary): Kind {
  const rest = (marker: RegExp | undefined) => {
    const found = marker?.exec(text);
    return found ? text.slice(found[0].length) : undefined;
  };
  const commitment = rest(vocabulary.commitmentMarker);
  if (commitment !== undefined) return { kind: 'commitment', value: commitment };
  const list = rest(vocabulary.listMarker);
  if (list !== undefined) return { kind: 'list', rest: list };
  const type = rest(vocabulary.typeMarker);
  if (type !== undefined) return { kind: 'type', value: type };
  if (rest(vocabulary.otherMarker) !== undefined) return { kind: 'other' };
  // "请核对以下内容：" "我们的服务事项如下：" introduce what follows.
  if (/[:：]$/.test(text) && countChars(text) <= 30) return { kind: 'heading' };
  return { kind: 'text' };
}

/**
 * Lines of text. With two numbered lines or more, only numbered lines are entries: a preamble, a closing
 * remark or the bot's own instructions pasted back are skipped. Without numbers every line is an entry, but
 * only when it looks like a list (see looksLikeList), so a commitment typed over three lines stays one answer.
 */
export function readList(lines: Line[], vocabulary: Vocabulary): RawPaste | undefined {
  const kinds = lines.map((line) => kindOf(line.text, vocabulary));
  const numbered = lines.filter((line, i) => line.numbered && kinds[i]!.kind === 'text').length >= 2;
  const raw: RawPaste = { entries: [], skipped: [] };
  let marked = false;
  let commitmentNext = false; // after "【服务承诺】" alone on its line, the next line is the commitment
  lines.forEach((line, i) => {
    const kind = kinds[i]!;
    const awaitingCommitment = commitmentNext;
    commitmentNext = false;
    switch (kind.kind) {
      case 'commitment':
        marked = true;
        if (kind.value === '') commitmentNext = true;
        else raw.commitment ??= kind.value;
        return;
      case 'list':
        marked = true;
        if (kind.rest !== '') readEntry({ ...line, text: kind.rest, cells: [kind.rest] });
        return;
      case 'type':
        if (!attachType(raw.entries, kind.value)) raw.skipped.push(line.number);
        return;
      case 'other':
        raw.skipped.push(line.number);
        return;
      case 'heading':
        return;
      case 'text':
        if (awaitingCommitment && !line.numbered) raw.commitment ??= line.text;
        else readEntry(line);
    }
  });
  function readEntry(line: Line) {
    // "提供暖心服务" alone under an item is that item's type.
    if (!line.numbered && typeName(line.text, vocabulary) !== undefined && attachType(raw.entries, line.text)) return;
    if (numbered && !line.numbered) raw.skipped.push(line.number);
    else raw.entries.push(listEntryOf(line, vocabulary));
  }
  return numbered || looksLikeList(lines, raw, marked, vocabulary) ? raw : undefined;
}

/**
 * Unnumbered lines are a list when the paste is marked (服务承诺：/服务事项：) or has three entries or more, two
 * of them long enough to be an item; and not when a line ends in "，" or "、": that is one sentence wrapped.
 */
export function looksLikeList(lines: Line[], raw: RawPaste, marked: boolean, vocabulary: Vocabulary): boolean {
  const entryLines = new Set(raw.entries.map((entry) => entry.line));
  const wrapped = lines.slice(0, -1).some((line) => entryLines.has(line.number) && /[，,、]$/.test(line.text));
  if (wrapped) return false;
  if (marked) return true;
  const substantial = raw.entries.filter((entry) => countChars(entry.content) >= vocabulary.content.minChars);
  return raw.entries.length >= 3 && substantial.length >= 2;
}
