// The service-item list (清单) the province publishes, as a workbook of two sheets.
// 清单, ready to publish: a title row, then one row per submitted service item with the public columns only
// (单位/行业（系统）, 服务承诺, 服务事项, 服务类型): the industries of 附件1 first (named by their 行业（系统）名称),
// then the 示范集体 of 附件2, grouped by city. Nobody who has not submitted, nothing internal.
// 明细, for the office: every item of both forms with its unit, city, industry, category, the time of
// submission and whether it was late, and (含未交) the units that have not submitted.
// Both are plain tables for sorting and filtering (no merged cells): the header frozen, with an autofilter,
// and printed on every page. Every word, and the forms and fields behind them, are the campaign's (exports).
import type ExcelJS from 'exceljs';
import type { Exports } from '../campaign/index.js';
import { formatInZone } from './dates.js';
import type { BuiltTable } from './attachment1.js';
import { industryNameOf } from './attachment1.js';
import { categoryOf, groupedByCity, itemsOf, textAnswer, type BuildOptions, type ExportData, type ExportUnit } from './model.js';
import { newWorkbook, SheetWriter, sheetStyles, type Styles } from './sheet.js';

/** The tables behind the list: the industries' (附件1) first, then the collectives' (附件2). */
const TABLES = ['attachment1', 'attachment2'] as const;

/** A 示范集体: a collective of one of 附件2's sections (not an ordinary collective filling the same form). */
function isModel(unit: ExportUnit, layout: Exports): boolean {
  return layout.attachment2.sections.some((section) => unit.categories.includes(section.category));
}

/** Freezes the header row at `header` (and everything above it), filters from it, prints it on every page. */
function finishTable(w: SheetWriter, header: number): void {
  const last = Math.max(header, w.rowNumber - 1);
  w.sheet.autoFilter = { from: { row: header, column: 1 }, to: { row: last, column: w.widths.length } };
  w.sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: header }];
  w.sheet.pageSetup.printTitlesRow = `${header}:${header}`;
}

/** The sheet to publish; returns its number of item rows. */
function writePublic(workbook: ExcelJS.Workbook, units: readonly ExportUnit[], layout: Exports, styles: Styles): number {
  const t = layout.list;
  const w = new SheetWriter(workbook, t.sheetName, t.publicWidths);
  w.line(t.title, styles.title, { size: 18 });
  const header = w.row(t.publicHeaders.map((text) => ({ text, style: styles.header })));
  let rows = 0;
  for (const table of TABLES) {
    const { form, columns } = layout[table];
    for (const unit of units) {
      const submission = unit.submissions[form];
      if (!submission) continue;
      const industryList = table === 'attachment1';
      if (!industryList && !isModel(unit, layout)) continue;
      const name = industryList ? industryNameOf(unit, layout) : unit.name;
      const commitment = industryList ? '' : textAnswer(submission.answers, layout.attachment2.columns.commitment);
      for (const item of itemsOf(submission.answers, columns)) {
        w.row([
          { text: name, style: styles.left },
          { text: commitment, style: styles.left },
          { text: item.content, style: styles.left },
          { text: item.type, style: styles.center },
        ]);
        rows += 1;
      }
    }
  }
  finishTable(w, header);
  return rows;
}

/** The office's sheet: what the list held before it was made ready to publish. */
function writeDetail(workbook: ExcelJS.Workbook, units: readonly ExportUnit[], data: ExportData, options: BuildOptions, styles: Styles): void {
  const { layout } = data;
  const t = layout.list;
  const w = new SheetWriter(workbook, t.detailSheetName, t.detailWidths);
  const header = w.row(t.headers.map((text) => ({ text, style: styles.header })));
  for (const table of TABLES) {
    const { form, columns } = layout[table];
    for (const unit of units) {
      const submission = unit.submissions[form];
      if (!submission && !(options.includeMissing && unit.forms.includes(form))) continue;
      const industry = table === 'attachment1' ? (unit.industry ?? industryNameOf(unit, layout)) : (unit.industry ?? '');
      const fixed = [unit.name, unit.city ?? '', industry, categoryOf(unit, layout)];
      const commitment = submission && table === 'attachment2' ? textAnswer(submission.answers, layout.attachment2.columns.commitment) : '';
      const time = submission ? formatInZone(submission.submittedAt, data.timeZone, data.layout.timeFormat) : '';
      const late = submission?.late ? t.late : '';
      const items = submission ? itemsOf(submission.answers, columns) : [];
      const lines = items.length > 0 ? items : [{ content: '', type: '' }];
      for (const item of lines) {
        const texts = [...fixed, commitment, item.content, item.type, time, late];
        w.row(texts.map((text, i) => ({ text, style: i === 1 || i >= 6 ? styles.center : styles.left })));
      }
    }
  }
  finishTable(w, header);
}

/** The list; `rows` counts the items on the sheet to publish. */
export function buildPublicListTable(data: ExportData, options: BuildOptions = {}): BuiltTable {
  const workbook = newWorkbook(data.generatedAt);
  const units = groupedByCity(data.units);
  const styles = sheetStyles(data.layout.fonts);
  const rows = writePublic(workbook, units, data.layout, styles);
  writeDetail(workbook, units, data, options, styles);
  return { workbook, rows };
}

/** The public list as a workbook. */
export function buildPublicList(data: ExportData, options: BuildOptions = {}): ExcelJS.Workbook {
  return buildPublicListTable(data, options).workbook;
}
