// Reading a whole form pasted in one message: numbered lines, one item per line, the
// bot's own review pasted back, or a Word/Excel table of 附件1/附件2. Pure: it splits the text into a
// commitment and entries, then checks each one with the same checks as a typed answer (checkAnswer), so
// the caller can keep the valid entries and explain the others one by one. No wiring to the machine here.
// The steps, each in its file: the lines and the form's words (paste-words.ts), reading them as a list
// (paste-list.ts) or as a table (paste-table.ts); the checks are here.
import type { Campaign, Form } from '../campaign/index.js';
import { checkAnswer, type Checked, type Problem } from './answers.js';
import { mainList } from './draft.js';
import { readList, type RawPaste } from './paste-list.js';
import { readTable } from './paste-table.js';
import { linesOf, vocabularyOf, type Vocabulary } from './paste-words.js';

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
