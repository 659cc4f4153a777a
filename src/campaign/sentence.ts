// A sentence of the campaign file and the placeholders it may use, and the zod schema a catalogue of such
// sentences makes: a missing or unknown key, a placeholder its key does not declare and one the sentence
// cannot do without are refused at load, each under the sentence's path.
import { z } from 'zod';
import { placeholdersOf } from './text.js';

/**
 * The placeholders a sentence may use, as its callers fill them. A name ending in "!" is one the sentence
 * must use.
 *
 * Why a sentence may leave out the others: most sentences are written with fewer variables than their
 * callers give (greetingClosed names no unit, the 2022 campaign's deleteBelowMin no entry number), and the
 * next campaign may say less again; fill() simply has nothing to put where nothing is asked. A "!" marks
 * what the sentence exists to carry: the list a person picks from, the number they answer with, the value
 * a line shows, the parts of a kept file's name that the export reads back.
 */
export type Placeholders = readonly string[];

/** A separator between parts of a sentence: kept as written, spaces included; it takes no placeholders. */
export const SEPARATOR = 'separator';

/** Sentence keys, each with its placeholders, a separator, or a group of its own (admin.messages.logActions). */
export interface Catalogue {
  readonly [key: string]: Placeholders | typeof SEPARATOR | Catalogue;
}

/** The texts a catalogue holds once parsed: a string for each sentence, an object for each group. */
export type Texts<C extends Catalogue> = {
  -readonly [K in keyof C]: C[K] extends Catalogue ? Texts<C[K]> : string;
};

/**
 * Who says a catalogue's sentences, as its errors name it: the bot (the campaign file), or the operator's
 * tools (texts/operator.yaml), which print where the bot sends.
 */
export interface Speaker {
  who: string;
  does: string;
}

const BOT: Speaker = { who: 'the bot', does: 'send' };

const missing = (speaker: Speaker) => `missing: ${speaker.who} says this sentence, so the file must give it`;

/** A sentence that may use the placeholders `declared` (see Placeholders). */
export function sentence(declared: Placeholders, speaker: Speaker = BOT) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? missing(speaker) : undefined) })
    .trim()
    .min(1)
    .superRefine((value, ctx) => checkPlaceholders(ctx, [], value, declared, speaker));
}

/** Reports each of placeholderProblems under `path`. */
export function checkPlaceholders(ctx: z.RefinementCtx, path: (string | number)[], value: string, declared: Placeholders, speaker: Speaker = BOT): void {
  for (const message of placeholderProblems(value, declared, speaker)) ctx.addIssue({ code: 'custom', path, message });
}

/**
 * What is wrong with the placeholders of `value`, a sentence that may use `declared`: each one it uses but
 * is not declared, each needed one it leaves out. For the sentences whose placeholders depend on the form
 * (a list's {n} and its fields' ids), which the campaign's own checks look at.
 */
export function placeholderProblems(value: string, declared: Placeholders, speaker: Speaker = BOT): string[] {
  const may = declared.map((name) => name.replace(/!$/, ''));
  const must = declared.filter((name) => name.endsWith('!')).map((name) => name.slice(0, -1));
  const allowed = may.length > 0 ? `it may use ${may.map((name) => `{${name}}`).join(', ')}` : 'it takes none';
  const used = new Set(placeholdersOf(value));
  return [
    ...[...used]
      .filter((name) => !may.includes(name))
      .map((name) => `{${name}} is not a placeholder of this sentence (${allowed}): ${speaker.who} would ${speaker.does} it as written`),
    ...must.filter((name) => !used.has(name)).map((name) => `must use {${name}}: without it the sentence does not say what it is for`),
  ];
}

/** The schema of a catalogue: every key is needed, no other is known. */
export function catalogueSchema<C extends Catalogue>(catalogue: C, speaker: Speaker = BOT): z.ZodType<Texts<C>> {
  const known = Object.keys(catalogue);
  const shape = Object.fromEntries(
    Object.entries(catalogue).map(([key, entry]) => {
      if (entry === SEPARATOR) return [key, z.string({ error: (issue) => (issue.input === undefined ? missing(speaker) : undefined) }).min(1)];
      return [key, isPlaceholders(entry) ? sentence(entry, speaker) : catalogueSchema(entry, speaker)];
    }),
  );
  const unknown = (keys: string[]) =>
    keys
      .map((key) => {
        const near = closest(key, known);
        return `unknown key ${key}${near ? ` (did you mean ${near}?)` : ''}: ${speaker.who} never says it`;
      })
      .join('; ');
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code === 'unrecognized_keys') return unknown(issue.keys);
      return issue.input === undefined ? `missing: ${speaker.who} says these sentences, so the file must give them` : undefined;
    },
  }) as unknown as z.ZodType<Texts<C>>;
}

function isPlaceholders(entry: Placeholders | Catalogue): entry is Placeholders {
  return Array.isArray(entry);
}

/** The known key a typo most likely meant: the nearest within two edits, ignoring case. */
function closest(key: string, known: readonly string[]): string | undefined {
  let best: { key: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (distance <= 2 && (!best || distance < best.distance)) best = { key: candidate, distance };
  }
  return best?.key;
}

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const next = [i];
    for (let j = 1; j <= b.length; j += 1) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}
