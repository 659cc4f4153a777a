// What the table builders read: the units in the admin's scope, each with the latest submitted version of
// the forms it fills, the 填报单位 of the table and the campaign's exports section. Plain data, no database,
// no clock.
import type { UnitProfile } from '../conversation/index.js';
import type { Answers } from '../conversation/index.js';
import type { Exports } from '../campaign/index.js';

/** The tables an admin exports (.xlsx), each a section of the campaign's exports. */
export type ExportKind = 'attachment1' | 'attachment2' | 'list';

/** What can be exported: one of the tables (.xlsx), or the briefs (.zip). */
export type ExportWhat = ExportKind | 'briefs';

/** The latest submitted version of one form (never the draft of a reopened submission). */
export interface ExportSubmission {
  version: number;
  answers: Answers;
  submittedAt: Date;
  late: boolean;
  /** its reviewers (地市团委, 行业团组织) approved this version (审核通过) */
  approved: boolean;
}

export interface ExportUnit extends UnitProfile {
  /** ids of the forms this unit has to fill (the campaign's appliesTo) */
  forms: readonly string[];
  /** formId → latest submitted version */
  submissions: Readonly<Record<string, ExportSubmission>>;
}

export interface ExportData {
  /** the text after 填报单位： */
  reporter: string;
  /** the units in scope, in roster order */
  units: readonly ExportUnit[];
  /** the campaign's time zone, for 提交时间 */
  timeZone: string;
  /** written into the file's properties, so the same data makes the same workbook */
  generatedAt: Date;
  /** the campaign's exports: the tables' words, and which form and field fills which column */
  layout: Exports;
}

export interface BuildOptions {
  /** list the units that have to fill the form but have not submitted it, with their name only */
  includeMissing?: boolean;
}

export interface ServiceItem {
  content: string;
  type: string;
}

export function textAnswer(answers: Answers, fieldId: string): string {
  const value = answers[fieldId];
  return typeof value === 'string' ? value : '';
}

/** The service items of a submission, read from the list and its two fields that `columns` names. */
export function itemsOf(answers: Answers, columns: { items: string; content: string; type: string }): ServiceItem[] {
  const value = answers[columns.items];
  if (!Array.isArray(value)) return [];
  return value
    .map((entry) => ({ content: entry[columns.content] ?? '', type: entry[columns.type] ?? '' }))
    .filter((item) => item.content !== '' || item.type !== '');
}

/** Units grouped by city, the cities in the order they first occur (units without a city last); stable. */
export function groupedByCity<T extends { city: string | null }>(units: readonly T[]): T[] {
  const order = new Map<string | null, number>();
  for (const unit of units) if (unit.city !== null && !order.has(unit.city)) order.set(unit.city, order.size);
  const rank = (unit: T) => (unit.city === null ? order.size : order.get(unit.city)!);
  return units
    .map((unit, index) => ({ unit, index }))
    .sort((a, b) => rank(a.unit) - rank(b.unit) || a.index - b.index)
    .map(({ unit }) => unit);
}

/** The 类别 column: a collective by its categories (the exporter gives the default to one of none), any other unit by its kind. */
export function categoryOf(unit: Pick<ExportUnit, 'kind' | 'categories'>, layout: Exports): string {
  const labels = layout.categories;
  if (unit.kind !== 'collective') return labels[unit.kind] ?? unit.kind;
  return unit.categories.map((code) => labels[code] ?? code).join(layout.categorySeparator);
}
