// Reading a whole form pasted in one message: numbered lines, one item per line, the
// bot's own review pasted back, or a Word/Excel table of 附件1/附件2. Pure: it splits the text into a
// commitment and entries, then checks each one with the same checks as a typed answer (checkAnswer), so
// the caller can keep the valid entries and explain the others one by one. No wiring to the machine here.
import type { Campaign, Choice, ChoiceField, Form, ListField, TextField } from '../campaign/index.js';
import { choicesOf, fieldWithRole } from '../campaign/index.js';
import { countChars } from '../campaign/index.js';
import { checkAnswer, matchChoice, normalizeText, type Checked, type Problem } from './answers.js';
import { mainList } from './draft.js';
import { alternatives, markerRegExp, namesOf as labelNames } from './labels.js';

export interface PastedEntry {
  /** 1-based line of the paste the entry was read from, to point at it in explanations */
  line: number;
  content: Checked;
  /** undefined when the paste gave no type for this entry: the caller asks for it */
  type?: Checked | undefined;
}

export interface Paste {
  commitment?: { value: string } | { problem: Problem };
  entries: PastedEntry[];
  /**
   * Entries beyond the list's maxItems (counting the draft's existing entries) are not read. They are
   * reported once, as `pasteOverflow` with vars max, count (entries left out) and line (the first one left out).
   */
  overflow?: Problem;
  /** Non-empty lines that were not read: a preamble, remarks after a table, the bot's own instructions. */
  skipped: number[];
}

export interface PasteContext {
  campaign: Campaign;
  form: Form;
  /** contents of the entries already in the draft: pasted entries are numbered after them and may not repeat them */
  existing?: readonly string[];
}

/** Splits a paste into a commitment and checked entries; undefined when the text is not a paste of several entries. */
export function parsePaste(text: string, context: PasteContext): Paste | undefined {
  const list = mainList(context.form);
  if (!list) return undefined;
  const lines = linesOf(text);
  if (lines.length < 2) return undefined;
  const vocabulary = vocabularyOf(context.campaign, context.form, list);
  // A few tabs do not make a table: when the table reading finds too little, the lines are read as a list.
  const several = (raw: RawPaste | undefined) => (raw && raw.entries.length + (raw.commitment === undefined ? 0 : 1) >= 2 ? raw : undefined);
  const raw = several(readTable(lines, vocabulary)) ?? several(readList(lines, vocabulary));
  if (!raw) return undefined;
  return checkPaste(raw, vocabulary, context);
}

// ---- Lines ----------------------------------------------------------------------------------------------

interface Line {
  number: number;
  /** the line without its list marker, normalized */
  text: string;
  /** tab-separated cells of the line without its marker, each normalized; one cell when there is no tab */
  cells: string[];
  numbered: boolean;
}

// Full-width punctuation and digits, 第…项 and the numerals 一…十: how Chinese is written, the same in any campaign, so they stay in the code.
// The labels and choices themselves are the campaign's (namesOf, choicesOf).
const DIGITS = '[0-9０-９]{1,3}';
const HANZI = '[一二三四五六七八九十]{1,3}';
/**
 * The start of a list entry: （1） (1) （一） 第一项： 第1条 1. 1、 1） 1： 一、 ① ⑴ ⒈ • and "- ". Wider than the
 * ENUMERATED check of answers.ts, so an answer refused there as several items is read here as a paste;
 * only "9:00" and "1.5公里" differ on purpose: they are numbers, not markers.
 */
const LIST_MARKER = new RegExp(
  '^\\s*(?:' +
    [
      `[(（]\\s*(?:${DIGITS}|${HANZI})\\s*[)）]`,
      `第(?:${DIGITS}|${HANZI})(?:[项条点][:：、.．,，]?|[:：、.．])`,
      `${DIGITS}[)）.．、:：](?![0-9０-９])`,
      `${HANZI}[、.．:：]`,
      '[\\u2460-\\u249b]',
      '[•●○■□◆◇▪▶►·]',
      '[-*]\\s',
    ].join('|') +
    ')\\s*',
);

function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  text.split(/\r\n|\r|\n|\u2028|\u2029/).forEach((source, i) => {
    const marker = LIST_MARKER.exec(source);
    const body = marker ? source.slice(marker[0].length) : source;
    const cells = body.split('\t').map(normalizeText);
    const line = { number: i + 1, text: normalizeText(body), cells, numbered: marker !== null };
    if (line.text !== '') lines.push(line);
  });
  return lines;
}

// ---- What the form calls things -------------------------------------------------------------------------

interface Vocabulary {
  campaign: Campaign;
  list: ListField;
  content: TextField;
  type: ChoiceField | undefined;
  choices: Choice[];
  commitment: TextField | undefined;
  /** "【服务承诺】…" "服务承诺：…" "承诺：…" */
  commitmentMarker: RegExp | undefined;
  /** "服务事项：" "【服务事项】" */
  listMarker: RegExp;
  /** "服务类型：…" on a line of its own */
  typeMarker: RegExp | undefined;
  /** "…；类型：其他" at the end of an entry */
  typeTail: RegExp | undefined;
  /** other top-level fields such as 附件1's "行业（系统）名称：…": known, but not part of a paste */
  otherMarker: RegExp | undefined;
  header: { content: string[]; type: string[]; commitment: string[] };
}

function vocabularyOf(campaign: Campaign, form: Form, list: ListField): Vocabulary {
  const content = list.fields.find((field): field is TextField => field.kind === 'text')!;
  const type = list.fields.find((field): field is ChoiceField => field.kind === 'choice');
  // The commitment is the form's field with that role (附件2's 服务承诺); other forms have none.
  const commitment = fieldWithRole(form, 'commitment');
  const prefixes = campaign.matching.labelPrefixes;
  const namesOf = (field: { label: string; editWords: string[] }) => labelNames(field, prefixes);
  const others = form.fields.filter((field) => field !== commitment && field !== list);
  const listNames = [...namesOf(list), ...namesOf(content)];
  return {
    campaign,
    list,
    content,
    type,
    choices: type ? choicesOf(campaign, type) : [],
    commitment,
    commitmentMarker: commitment && markerRegExp(namesOf(commitment)),
    listMarker: markerRegExp(listNames),
    typeMarker: type && markerRegExp(namesOf(type)),
    typeTail: type && tailRegExp(namesOf(type)),
    otherMarker: others.length > 0 ? markerRegExp(others.flatMap(namesOf)) : undefined,
    header: {
      content: listNames.map(bareHeader),
      type: type ? namesOf(type).map(bareHeader) : [],
      commitment: commitment ? namesOf(commitment).map(bareHeader) : [],
    },
  };
}

/** "…；类型：其他" or "…（服务类型：暖心）" closing an entry. Bounded, so a 10,000-字 line is still read fast. */
function tailRegExp(names: string[]): RegExp {
  return new RegExp(`[（(【\\[]?\\s*${alternatives(names)}\\s*[:：]\\s*([^（()）【】\\[\\]]{0,20}?)\\s*[）)】\\]]?\\s*[。.；;]?$`);
}

/** A header cell as compared with the names: "服务事项（每项100字以内）" reads 服务事项. */
function bareHeader(cell: string): string {
  return cell.replace(/[（(][^）)]*[）)]/g, '').replace(/[\s\p{P}\p{S}]/gu, '');
}

// ---- Reading entries ------------------------------------------------------------------------------------

interface RawEntry {
  line: number;
  content: string;
  type?: string;
}

interface RawPaste {
  commitment?: string;
  entries: RawEntry[];
  skipped: number[];
}

/**
 * A type named without a marker: "（提供暖心服务）", "—— 优化办事流程", a cell or a line of its own. Only short
 * text without digits, so that "（每周一次）" or "（1）" stays part of the item.
 */
function typeName(text: string, vocabulary: Vocabulary): string | undefined {
  if (!vocabulary.type || countChars(text) > 8 || /[0-9０-９]/.test(text)) return undefined;
  return matchChoice(vocabulary.choices, text);
}

const TRAILING_BRACKET = /[（(【[]([^（()）【】[\]]{1,12})[）)】\]]\s*[。.；;]?\s*$/;
const TRAILING_DASH = /\s*(?:—{1,2}|－{1,2}|-{1,2}|–)\s*([^—－\-–]{1,12})$/;
/** Separators between an entry and its type, or after an entry in a list ("…；"): not part of the content. */
const TRAILING_SEPARATORS = /[\s，,；;、:：|｜—－\-–]+$/;

/** An entry's text with its type split off when it names one at its end. */
function entryOf(line: number, text: string, vocabulary: Vocabulary): RawEntry {
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
function listEntryOf(line: Line, vocabulary: Vocabulary): RawEntry {
  const cells = line.cells.filter((cell) => cell !== '');
  const last = cells.at(-1) ?? '';
  if (vocabulary.type && cells.length >= 2 && countChars(last) <= 8) {
    return { ...entryOf(line.number, cells.slice(0, -1).join(' '), vocabulary), type: last };
  }
  return entryOf(line.number, line.text, vocabulary);
}

function attachType(entries: RawEntry[], type: string): boolean {
  const last = entries.at(-1);
  if (!last || last.type !== undefined || type === '') return false;
  last.type = type;
  return true;
}

type Kind =
  | { kind: 'commitment'; value: string }
  | { kind: 'list'; rest: string }
  | { kind: 'type'; value: string }
  | { kind: 'other' }
  | { kind: 'heading' }
  | { kind: 'text' };

function kindOf(text: string, vocabulary: Vocabulary): Kind {
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
function readList(lines: Line[], vocabulary: Vocabulary): RawPaste | undefined {
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
function looksLikeList(lines: Line[], raw: RawPaste, marked: boolean, vocabulary: Vocabulary): boolean {
  const entryLines = new Set(raw.entries.map((entry) => entry.line));
  const wrapped = lines.slice(0, -1).some((line) => entryLines.has(line.number) && /[，,、]$/.test(line.text));
  if (wrapped) return false;
  if (marked) return true;
  const substantial = raw.entries.filter((entry) => countChars(entry.content) >= vocabulary.content.minChars);
  return raw.entries.length >= 3 && substantial.length >= 2;
}

// ---- Reading a table ------------------------------------------------------------------------------------

interface Columns {
  content: number;
  type: number;
  commitment: number;
}

function headerColumns(cells: string[], vocabulary: Vocabulary): Columns | undefined {
  const bare = cells.map(bareHeader);
  const find = (names: string[]) => bare.findIndex((cell) => cell !== '' && names.includes(cell));
  const content = find(vocabulary.header.content);
  if (content === -1) return undefined;
  return { content, type: find(vocabulary.header.type), commitment: find(vocabulary.header.commitment) };
}

/**
 * Without a header the columns are found from the right, the way 附件1 and 附件2 end: 服务事项 | 服务类型, with
 * 服务承诺 just before them when there is a column for 序号 or the name before it.
 */
function guessColumns(rows: string[][], vocabulary: Vocabulary): Columns {
  const last = rows[0]!.length - 1;
  const filled = rows.map((row) => row[last]!).filter((cell) => cell !== '');
  // A whole column of types may well be numbers (4 for 提供暖心服务), unlike a bracket closing an item.
  const typed = filled.filter((cell) => countChars(cell) <= 8 && matchChoice(vocabulary.choices, cell) !== undefined).length;
  const type = filled.length > 0 && typed * 2 >= filled.length ? last : -1;
  const content = type === -1 ? last : last - 1;
  return { content, type, commitment: vocabulary.commitment && content >= 2 ? content - 1 : -1 };
}

/** Rows with fewer cells lose them at the left (merged 序号, name and commitment), so they are aligned right. */
function alignRight(rows: string[][]): string[][] {
  const width = Math.max(...rows.map((row) => row.length));
  return rows.map((row) => [...Array<string>(width - row.length).fill(''), ...row]);
}

/**
 * Tab-separated rows, as Word and Excel copy a table. A table needs a header row naming 服务事项, or tabs in
 * at least half of the lines. Lines without tabs (the title, 填报单位, 备注) are skipped, except a commitment.
 */
function readTable(lines: Line[], vocabulary: Vocabulary): RawPaste | undefined {
  const tabbed = lines.filter((line) => line.cells.length >= 2);
  const headerAt = tabbed.findIndex((line) => headerColumns(line.cells, vocabulary) !== undefined);
  if (headerAt === -1 && (tabbed.length < 2 || tabbed.length * 2 < lines.length)) return undefined;
  const header = headerAt === -1 ? undefined : tabbed[headerAt]!;
  const rows = tabbed.slice(headerAt + 1).filter((line) => headerColumns(line.cells, vocabulary) === undefined);
  if (rows.length === 0) return undefined;
  const cells = alignRight([...(header ? [header.cells] : []), ...rows.map((row) => row.cells)]);
  const body = header ? cells.slice(1) : cells;
  const columns = header ? headerColumns(cells[0]!, vocabulary)! : guessColumns(body, vocabulary);
  const raw: RawPaste = { entries: [], skipped: [] };
  const used = new Set([...(header ? [header.number] : []), ...rows.map((row) => row.number)]);
  rows.forEach((row, i) => {
    const at = (column: number) => (column === -1 ? '' : (body[i]![column] ?? ''));
    if (at(columns.commitment) !== '') raw.commitment ??= at(columns.commitment);
    const content = at(columns.content);
    const type = at(columns.type);
    if (content === '' && type === '') return; // the merged cells of a row that holds nothing else
    const entry = entryOf(row.number, content, vocabulary);
    raw.entries.push(type === '' ? entry : { ...entry, type });
  });
  let commitmentNext = false;
  for (const line of lines) {
    if (used.has(line.number)) continue;
    const kind = kindOf(line.text, vocabulary);
    if (kind.kind === 'commitment' && kind.value !== '') raw.commitment ??= kind.value;
    else if (commitmentNext && kind.kind === 'text') raw.commitment ??= line.text;
    else if (kind.kind !== 'commitment' && kind.kind !== 'heading' && kind.kind !== 'list') raw.skipped.push(line.number);
    commitmentNext = kind.kind === 'commitment' && kind.value === '';
  }
  return raw;
}

// ---- Checking -------------------------------------------------------------------------------------------

/** Checks the commitment and each entry as if typed one by one; duplicates point at the draft's numbering. */
function checkPaste(raw: RawPaste, vocabulary: Vocabulary, context: PasteContext): Paste {
  const { campaign, list, content, type } = vocabulary;
  const existing = context.existing ?? [];
  const room = Math.max(0, list.maxItems - existing.length);
  const others = new Map(existing.map((text, i) => [i + 1, text]));
  const entries = raw.entries.slice(0, room).map((entry, i): PastedEntry => {
    const checked = checkAnswer(content, entry.content, { campaign, others });
    if (checked.ok) others.set(existing.length + i + 1, checked.value);
    const typeChecked = type && entry.type !== undefined ? checkAnswer(type, entry.type, { campaign }) : undefined;
    return { line: entry.line, content: checked, type: typeChecked };
  });
  const paste: Paste = { entries, skipped: raw.skipped };
  const left = raw.entries.slice(room);
  if (left.length > 0) {
    paste.overflow = { key: 'pasteOverflow', vars: { max: list.maxItems, count: left.length, line: left[0]!.line } };
  }
  if (raw.commitment !== undefined && vocabulary.commitment) {
    const checked = checkAnswer(vocabulary.commitment, raw.commitment, { campaign });
    paste.commitment = checked.ok ? { value: checked.value } : { problem: checked.problem };
  }
  return paste;
}

// ---- For the form --------------------------------------------------------------------------------------

/** What the form keeps of a paste: plain JSON, the valid parts to save and the problems to explain. */
export interface PastedData {
  commitment?: string;
  commitmentProblem?: Problem;
  /** valid contents, with their type when the paste gave a valid one (the form asks for the others) */
  entries: { content: string; type?: string }[];
  /** entries refused, and types that could not be read, by the line they came from */
  problems: { line: number; problem: Problem }[];
  overflow?: Problem;
}

export function pastedData(paste: Paste): PastedData {
  const data: PastedData = { entries: [], problems: [] };
  if (paste.commitment) {
    if ('value' in paste.commitment) data.commitment = paste.commitment.value;
    else data.commitmentProblem = paste.commitment.problem;
  }
  for (const entry of paste.entries) {
    if (!entry.content.ok) {
      data.problems.push({ line: entry.line, problem: entry.content.problem });
      continue;
    }
    if (entry.type && !entry.type.ok) data.problems.push({ line: entry.line, problem: entry.type.problem });
    data.entries.push({ content: entry.content.value, ...(entry.type?.ok ? { type: entry.type.value } : {}) });
  }
  if (paste.overflow) data.overflow = paste.overflow;
  return data;
}

/** True when the paste holds something to save. */
export function hasPastedValues(data: PastedData): boolean {
  return data.entries.length > 0 || data.commitment !== undefined;
}
