// The answers of one form as plain JSON, and what they still lack.
import { z } from 'zod';
import type { Field, Form, ListField } from '../campaign/index.js';
import { countChars, fill } from '../campaign/index.js';

export type Entry = Record<string, string>;
export type Answers = Record<string, string | Entry[]>;

/** Stored drafts are parsed at the boundary; anything unreadable becomes an empty draft. */
export const AnswersSchema: z.ZodType<Answers> = z.record(z.string(), z.union([z.string(), z.array(z.record(z.string(), z.string()))]));

export function parseAnswers(json: string | null | undefined): Answers {
  if (!json) return {};
  try {
    const parsed = AnswersSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

export function entriesOf(answers: Answers, field: ListField): Entry[] {
  const value = answers[field.id];
  return Array.isArray(value) ? value : [];
}

export function isEntryComplete(field: ListField, entry: Entry | undefined): boolean {
  return entry !== undefined && field.fields.every((sub) => entry[sub.id] !== undefined);
}

/** Entries whose every sub-field is answered. */
export function completeEntries(answers: Answers, field: ListField): Entry[] {
  return entriesOf(answers, field).filter((entry) => isEntryComplete(field, entry));
}

/** The index of the entry to ask about next: the first unfinished one (after 上一步 it need not be the last), or a new one. */
export function openEntryIndex(answers: Answers, field: ListField): number {
  const entries = entriesOf(answers, field);
  const open = entries.findIndex((entry) => !isEntryComplete(field, entry));
  return open === -1 ? entries.length : open;
}

export function isFieldMissing(answers: Answers, field: Field): boolean {
  if (field.kind !== 'list') return !(field.kind === 'text' && field.optional) && typeof answers[field.id] !== 'string';
  const entries = entriesOf(answers, field);
  return entries.some((entry) => !isEntryComplete(field, entry)) || entries.length < Math.max(field.minItems, 0);
}

export function isFormComplete(form: Form, answers: Answers): boolean {
  return form.fields.every((field) => !isFieldMissing(answers, field)) && ruleHolds(form, answers);
}

/** The form's completeWith holds: one of its fields counts (a list with its entries, a text long enough). True without one. */
export function ruleHolds(form: Form, answers: Answers): boolean {
  if (!form.completeWith) return true;
  return form.completeWith.anyOf.some((entry) => {
    const field = form.fields.find((f) => f.id === entry.field);
    if (field?.kind === 'list') return completeEntries(answers, field).length >= (entry.minItems ?? 1);
    const value = answers[entry.field];
    return field?.kind === 'text' && typeof value === 'string' && countChars(value) >= (entry.minChars ?? field.minChars);
  });
}

export type Missing =
  | { kind: 'field'; label: string }
  | { kind: 'items'; label: string; count: number }
  /** none of the fields of completeWith counts yet: its `missing` says what would */
  | { kind: 'rule'; label: string };

/** What a form still lacks, in the order of its fields. */
export function missingOf(form: Form, answers: Answers): Missing[] {
  const missing: Missing[] = [];
  for (const field of form.fields) {
    if (field.kind !== 'list') {
      if (isFieldMissing(answers, field)) missing.push({ kind: 'field', label: field.label });
      continue;
    }
    const lacking = field.minItems - completeEntries(answers, field).length;
    if (lacking > 0) missing.push({ kind: 'items', label: field.label, count: lacking });
    else for (const label of unfinishedEntry(answers, field)) missing.push({ kind: 'field', label });
  }
  if (form.completeWith && !ruleHolds(form, answers)) missing.push({ kind: 'rule', label: form.completeWith.missing });
  return missing;
}

/** An entry begun beyond the list's minimum but not finished ("第4项服务事项" without its type), by its label. */
export function unfinishedEntry(answers: Answers, field: ListField): string[] {
  return entriesOf(answers, field).flatMap((entry, i) => (isEntryComplete(field, entry) ? [] : [fill(field.itemLabel, { n: i + 1 })]));
}

/** The first list field of a form: the one "修改 2" and "删除 4" speak of. */
export function mainList(form: Form): ListField | undefined {
  return form.fields.find((field): field is ListField => field.kind === 'list');
}
