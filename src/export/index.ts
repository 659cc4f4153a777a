// The notice's tables as .xlsx files for an admin: 附件1, 附件2 and the public list (清单), limited to the
// admin's scope, with the 填报单位 of that scope, named in Chinese with the table, the scope and the date;
// and the activity briefs (简报) with their files as a .zip, scoped the same way.
//
//   const exporter = createExporter({ store: new PrismaExportStore(prisma, serial), campaign, now, dataDir });
//   const { fileName, data } = await exporter.exportFor('attachment2', admin.scope, { includeMissing: true });
//   const briefs = await exporter.exportBriefs(admin.scope);   // briefs.stream(), or briefs.parts(maxBytes)
import { categoriesOf, formsFor } from '../campaign/index.js';
import type { Campaign, Exports } from '../campaign/index.js';
import { fill, type Vars } from '../campaign/index.js';
import { collectorOf, inScope, type Scope } from '../report/index.js';
import type { ExportStore, StoredExportUnit } from './store.js';
import type { BriefsExport } from './briefs.js';
import { formatInZone } from './dates.js';
import type { BuildOptions, ExportData, ExportKind, ExportWhat } from './model.js';

// The tables themselves (and exceljs under them) are loaded on the first export, not with the bot.
export type { BuildOptions, ExportData, ExportKind, ExportSubmission, ExportUnit, ExportWhat } from './model.js';
export type { BriefsExport, BriefsPart } from './briefs.js';

export interface ExporterDeps {
  store: ExportStore;
  campaign: Campaign;
  now: () => Date;
  /** the data folder, which the pictures and files of the briefs are kept under */
  dataDir?: string;
}

export interface ExportOptions extends BuildOptions {
  /**
   * One city or one industry system inside the admin's scope. A province admin may ask for any; a city or
   * industry admin only for its own scope (anything else throws ExportScopeError).
   */
  within?: Scope;
  /** only what its reviewers approved (导出 附件2 已通过): the rest counts as not handed in */
  approvedOnly?: boolean;
}

export interface ExportFile {
  fileName: string;
  data: Buffer;
  /** rows in the table body: items, plus the empty rows of units that have not submitted */
  rows: number;
}

export class ExportScopeError extends Error {
  override name = 'ExportScopeError';
}

export interface Exporter {
  exportFor(kind: ExportKind, scope: Scope, options?: ExportOptions): Promise<ExportFile>;
  /** The activity briefs in the scope, with their files, ready to be written as one zip or several. */
  exportBriefs(scope: Scope, options?: ExportOptions): Promise<BriefsExport>;
}

export function createExporter(deps: ExporterDeps): Exporter {
  const { store, campaign } = deps;
  const layout = campaign.exports;
  const formIds = [...new Set([layout.attachment1.form, layout.attachment2.form])];
  const within = (scope: Scope, units: readonly StoredExportUnit[]) =>
    units
      .filter((unit) => inScope(scope, unit))
      .map((unit) => ({ ...unit, categories: [...categoriesOf(campaign, unit)], forms: formsFor(campaign, unit).map((form) => form.id) }));
  return {
    async exportFor(kind, adminScope, options = {}) {
      const scope = narrowScope(adminScope, options.within);
      const now = deps.now();
      const units = (await store.unitsWithLatest(formIds)).map((unit) => (options.approvedOnly ? approvedOf(unit) : unit));
      const data: ExportData = {
        reporter: reporterOf(scope, units, layout),
        units: within(scope, units),
        timeZone: campaign.timezone,
        generatedAt: now,
        layout,
      };
      const { buildTable } = await import('./tables.js');
      const { buffer, rows } = await buildTable(kind, data, { includeMissing: options.includeMissing ?? false });
      return { fileName: exportFileName(kind, scope, now, campaign.timezone, layout), data: buffer, rows };
    },

    async exportBriefs(adminScope, options = {}) {
      const scope = narrowScope(adminScope, options.within);
      const { dataDir } = deps;
      if (dataDir === undefined) throw new Error('exporting the briefs needs the data folder their files are kept in');
      const now = deps.now();
      const units = within(scope, await store.unitsWithLatest([layout.briefs.form]));
      const name = (template: string, vars: Vars = {}) =>
        fill(template, { ...vars, scope: fileScope(scope, layout), date: formatInZone(now, campaign.timezone, 'YYYYMMDD') });
      const { collectBriefs } = await import('./briefs.js');
      return collectBriefs({
        units,
        includeMissing: options.includeMissing ?? false,
        media: (ids) => store.media(ids),
        dataDir,
        mediaName: campaign.messages.mediaName,
        timeZone: campaign.timezone,
        generatedAt: now,
        fileName: name(layout.briefs.fileName),
        partFileName: (n, total) => name(layout.briefs.partFileName, { n, total }),
        layout,
      });
    },
  };
}

/** The scope of the table: the admin's own, or the one city or industry asked for if the admin may see it. */
export function narrowScope(admin: Scope, requested: Scope | undefined): Scope {
  if (requested === undefined || requested.kind === 'province') {
    if (requested?.kind === 'province' && admin.kind !== 'province') throw new ExportScopeError('only a province admin exports the whole province');
    return admin;
  }
  if (admin.kind === 'province') return requested;
  const same =
    (admin.kind === 'city' && requested.kind === 'city' && admin.city === requested.city) ||
    (admin.kind === 'industry' && requested.kind === 'industry' && admin.industry === requested.industry);
  if (!same) throw new ExportScopeError(`an admin of ${scopeName(admin)} cannot export ${scopeName(requested)}`);
  return admin;
}

/** 填报单位: the city's 地市团委 or the industry's 联创行业团组织 in the roster, else a name made from the scope. */
export function reporterOf(scope: Scope, units: readonly Pick<StoredExportUnit, 'name' | 'kind' | 'city' | 'industry'>[], layout: Exports): string {
  const r = layout.reporter;
  return collectorOf(scope, units, { province: r.province, city: r.cityFallback, industry: r.industryFallback });
}

function scopeName(scope: Scope, layout?: Exports): string {
  switch (scope.kind) {
    case 'province':
      return layout?.scopeNames.province ?? 'province';
    case 'city':
      return scope.city;
    case 'industry':
      return scope.industry;
  }
}

/** The scope as part of a file's name. */
function fileScope(scope: Scope, layout: Exports): string {
  return scopeName(scope, layout).replace(/[\\/:*?"<>|\s]+/g, '_');
}

/** 附件2_服务承诺与服务事项清单_广州市_20210930.xlsx */
export function exportFileName(kind: ExportKind, scope: Scope, at: Date, timeZone: string, layout: Exports): string {
  return fill(layout.fileName, {
    table: layout.fileTables[kind],
    scope: fileScope(scope, layout),
    date: formatInZone(at, timeZone, 'YYYYMMDD'),
  });
}

/** A word of exports.words (附件1 / 附件2 / 清单 / 简报 in 2021) → what to export; undefined otherwise. */
export function parseExportKind(word: string, words: Readonly<Record<ExportWhat, readonly string[]>>): ExportWhat | undefined {
  const said = word.trim();
  return (Object.keys(words) as ExportWhat[]).find((what) => words[what].includes(said));
}

/** The unit with only its approved submissions. */
function approvedOf(unit: StoredExportUnit): StoredExportUnit {
  return { ...unit, submissions: Object.fromEntries(Object.entries(unit.submissions).filter(([, submission]) => submission.approved)) };
}

// What the other folders use of the rest of the folder.
export type { ExportStore, StoredExportUnit, StoredMedia } from './store.js';
