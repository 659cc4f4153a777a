// What the table builders read: the units in the admin's scope, each with the latest submitted version of
// the forms it fills, and the 填报单位 of the table. Plain data, no database, no clock.
import type { UnitProfile } from '../conversation/group-types.js';
import type { Answers } from '../conversation/draft.js';

/** The forms behind the notice's tables (ids of conversations/campaign-2021.yaml). */
export const FORM_IDS = {
  /** 附件1 服务事项清单（省级联创行业系统）: fields industryName, items */
  attachment1: 'industryList',
  /** 附件2 服务承诺与服务事项清单（示范集体）: fields commitment, items */
  attachment2: 'modelCollective',
  /** 活动简报或推文: fields summary, links (url), files (file), any of them may be empty */
  briefs: 'activityReport',
} as const;

export const FIELD_IDS = {
  industryName: 'industryName',
  commitment: 'commitment',
  items: 'items',
  content: 'content',
  type: 'type',
  summary: 'summary',
  links: 'links',
  url: 'url',
  files: 'files',
  file: 'file',
} as const;

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

export function itemsOf(answers: Answers): ServiceItem[] {
  const value = answers[FIELD_IDS.items];
  if (!Array.isArray(value)) return [];
  return value
    .map((entry) => ({ content: entry[FIELD_IDS.content] ?? '', type: entry[FIELD_IDS.type] ?? '' }))
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
