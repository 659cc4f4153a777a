// The roster file's description as data (conversations/roster.yaml): its columns, the accepted 类型 and
// 类别 with their codes, the limits, and every sentence an admin reads about an import. Checked with zod
// when loaded; a bad file fails with the file, the path inside it and the reason.
import { join } from 'node:path';
import { z } from 'zod';
import { id } from '../campaign/index.js';
import { describeIssues } from '../campaign/index.js';
import type { Category, UnitKind } from '../campaign/index.js';
import { readYamlFile } from '../shared/index.js';

export const ROSTER_SPEC_FILE = 'roster.yaml';

const text = z.string().trim().min(1);
const words = z.array(text).default([]);

const ColumnSchema = z.strictObject({ header: text, aliases: words });
const ChoiceSchema = z.strictObject({ label: text, aliases: words });

const messages = <K extends string>(keys: readonly K[]) => z.strictObject(Object.fromEntries(keys.map((key) => [key, text])) as Record<K, typeof text>);

export const FATAL_KEYS = [
  'empty',
  'noRows',
  'notSpreadsheet',
  'oldExcel',
  'brokenExcel',
  'noHeader',
  'missingHeaders',
  'duplicateHeader',
  'tooManyRows',
] as const;
export const PROBLEM_KEYS = [
  'nameMissing',
  'nameTooLong',
  'kindMissing',
  'kindUnknown',
  'categoryUnknown',
  'categoryNotForKind',
  'cityMissing',
  'industryMissing',
  'duplicateKey',
  'duplicateName',
  'outsideScope',
  'existingOutsideScope',
  'chatUnitOutsideScope',
] as const;
export type FatalKey = (typeof FATAL_KEYS)[number];
export type ProblemKey = (typeof PROBLEM_KEYS)[number];

export const COLUMN_IDS = ['name', 'kind', 'category', 'city', 'industry'] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];

export const RosterSpecSchema = z
  .strictObject({
    limits: z.strictObject({
      maxRows: z.number().int().min(1),
      maxNameChars: z.number().int().min(1),
      headerSearchRows: z.number().int().min(1).max(50),
      reportLines: z.number().int().min(1),
    }),
    columns: z.strictObject({
      name: ColumnSchema,
      kind: ColumnSchema,
      category: ColumnSchema,
      city: ColumnSchema,
      industry: ColumnSchema,
    }),
    kinds: z.strictObject({ collective: ChoiceSchema, industryOrg: ChoiceSchema, cityOrg: ChoiceSchema }),
    /** code (the campaign's categories.codes) → how the file writes it, in order */
    categories: z.record(id, ChoiceSchema),
    /** the category of a collective whose 类别 is empty; beside another category it adds nothing */
    emptyCategory: id,
    messages: z.strictObject({
      fatal: messages(FATAL_KEYS),
      problems: messages(PROBLEM_KEYS),
      report: z.strictObject({
        allValid: text,
        withProblems: text,
        rowLine: text,
        reasonSeparator: z.string().min(1),
        listSeparator: z.string().min(1),
        more: text,
        noCity: text,
      }),
      import: z.strictObject({ result: text, nothingValid: text }),
      summary: z.strictObject({
        heading: text,
        byKind: text,
        byCategory: text,
        byCity: text,
        byIndustry: text,
        item: text,
        itemSeparator: z.string().min(1),
        unset: text,
        none: text,
      }),
      cli: z.strictObject({
        help: text,
        usage: text,
        missingCommand: text,
        unknownCommand: text,
        missingFile: text,
        unknownOption: text,
        extraArgument: text,
        unreadable: text,
        notImported: text,
        failed: text,
      }),
    }),
  })
  .superRefine((spec, ctx) => {
    // A header or a value that two entries both accept would make the file ambiguous.
    const unique = (section: 'columns' | 'kinds' | 'categories', entries: Array<[string, string[]]>) => {
      const seen = new Map<string, string>();
      for (const [id, names] of entries) {
        names.forEach((name, i) => {
          const key = normalizeLabel(name);
          const owner = seen.get(key);
          if (owner !== undefined && owner !== id) {
            ctx.addIssue({
              code: 'custom',
              path: [section, id, i === 0 ? (section === 'columns' ? 'header' : 'label') : 'aliases'],
              message: `"${name}" is also accepted for ${owner}`,
            });
          }
          seen.set(key, id);
        });
      }
    };
    unique(
      'columns',
      Object.entries(spec.columns).map(([id, c]) => [id, [c.header, ...c.aliases]]),
    );
    unique(
      'kinds',
      Object.entries(spec.kinds).map(([id, c]) => [id, [c.label, ...c.aliases]]),
    );
    unique(
      'categories',
      Object.entries(spec.categories).map(([id, c]) => [id, [c.label, ...c.aliases]]),
    );
    if (!(spec.emptyCategory in spec.categories)) {
      ctx.addIssue({ code: 'custom', path: ['emptyCategory'], message: `${spec.emptyCategory} is not one of the categories above` });
    }
  });

export type RosterSpec = z.infer<typeof RosterSpecSchema>;

export class RosterSpecError extends Error {
  override name = 'RosterSpecError';
}

/** The campaign's categories of collectives, which the roster's 类别 must name (`categories` of the campaign file). */
export interface CampaignCategories {
  codes: readonly string[];
  default: string;
}

/** Reads and checks `dir`/roster.yaml, and that its categories are the campaign's. */
export function loadRosterSpec(dir: string, campaign: CampaignCategories): RosterSpec {
  const file = join(dir, ROSTER_SPEC_FILE);
  const spec = parseRosterSpec(
    readYamlFile(file, (message) => new RosterSpecError(message)),
    file,
  );
  const problems = categoryProblems(spec, campaign);
  if (problems.length > 0) {
    throw new RosterSpecError(`roster file description does not fit the campaign:\n${problems.map((problem) => `${file}: ${problem}`).join('\n')}`);
  }
  return spec;
}

/**
 * Where the roster's categories and the campaign's differ. A collective is stored with the codes the roster
 * reads, and the forms, statistics and exports count it by the campaign's: a code only the roster knows would
 * be imported and then counted nowhere, one only the campaign knows could never be imported.
 */
function categoryProblems(spec: RosterSpec, campaign: CampaignCategories): string[] {
  const codes = `(${campaign.codes.join(', ')})`;
  const read = Object.keys(spec.categories);
  return [
    ...read.filter((code) => !campaign.codes.includes(code)).map((code) => `categories.${code}: not one of the campaign's categories.codes ${codes}`),
    ...campaign.codes
      .filter((code) => !read.includes(code))
      .map((code) => `categories: missing ${code}, one of the campaign's categories.codes: its collectives could not be imported`),
    ...(spec.emptyCategory === campaign.default
      ? []
      : [
          `emptyCategory: ${spec.emptyCategory}, but the campaign's categories.default is ${campaign.default}: a collective with an empty category cell would be of one category on import and of another in the forms`,
        ]),
  ];
}

/** Checks an already-parsed roster spec; `source` names it in errors. */
export function parseRosterSpec(raw: unknown, source: string): RosterSpec {
  const result = RosterSpecSchema.safeParse(raw);
  if (result.success) return result.data;
  throw new RosterSpecError(`roster file description is not valid:\n${describeIssues(result.error, source)}`);
}

/**
 * How headers and values are compared: NFKC (full-width letters, digits, brackets and spaces become their
 * half-width forms), without any white space or trailing required-column mark, latin letters in lower case.
 */
export function normalizeLabel(value: string): string {
  return value.normalize('NFKC').replace(/\s+/g, '').replace(/\*+$/, '').toLowerCase();
}

/** The accepted spellings of each 类型 and 类别, by their normalised form. */
export interface Vocabulary {
  kinds: Map<string, UnitKind>;
  categories: Map<string, Category>;
}

export function vocabulary(spec: RosterSpec): Vocabulary {
  const index = <T extends string>(choices: Record<T, { label: string; aliases: string[] }>): Map<string, T> => {
    const map = new Map<string, T>();
    for (const [code, choice] of Object.entries(choices) as Array<[T, { label: string; aliases: string[] }]>) {
      for (const name of [choice.label, ...choice.aliases]) map.set(normalizeLabel(name), code);
    }
    return map;
  };
  return { kinds: index<UnitKind>(spec.kinds), categories: index<Category>(spec.categories) };
}
