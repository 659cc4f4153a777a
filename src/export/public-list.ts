// The public list (清单) the province publishes: one row per submitted service item, with its unit, city,
// industry, category, the unit's commitment (附件2), type, time of submission and whether it was late.
// A plain table for sorting and filtering: the header in row 1, frozen, with an autofilter.
import type ExcelJS from 'exceljs';
import { formatInZone } from './dates.js';
import type { BuiltTable } from './attachment1.js';
import { industryNameOf } from './attachment1.js';
import { FIELD_IDS, FORM_IDS, groupedByCity, itemsOf, textAnswer, type BuildOptions, type ExportData, type ExportUnit } from './model.js';
import { newWorkbook, SheetWriter, styles } from './sheet.js';
import { exportTexts } from './texts.js';

const t = exportTexts.list;
const WIDTHS = [32, 10, 18, 24, 34, 56, 14, 17, 7];

function categoryOf(unit: ExportUnit): string {
  const c = exportTexts.categories;
  if (unit.kind === 'collective') return (unit.categories.length > 0 ? unit.categories : (['other'] as const)).map((code) => c[code]).join('、');
  return c[unit.kind];
}

export function buildPublicListTable(data: ExportData, options: BuildOptions = {}): BuiltTable {
  const workbook = newWorkbook(data.generatedAt);
  const w = new SheetWriter(workbook, t.sheetName, WIDTHS);
  w.row(t.headers.map((text) => ({ text, style: styles.header })));

  let rows = 0;
  const units = groupedByCity(data.units);
  // The industry lists (附件1) first, then the collectives' (附件2).
  for (const formId of [FORM_IDS.attachment1, FORM_IDS.attachment2]) {
    for (const unit of units) {
      const submission = unit.submissions[formId];
      if (!submission && !(options.includeMissing && unit.forms.includes(formId))) continue;
      const industry = formId === FORM_IDS.attachment1 ? (unit.industry ?? industryNameOf(unit)) : (unit.industry ?? '');
      const fixed = [unit.name, unit.city ?? '', industry, categoryOf(unit)];
      const commitment = submission && formId === FORM_IDS.attachment2 ? textAnswer(submission.answers, FIELD_IDS.commitment) : '';
      const time = submission ? formatInZone(submission.submittedAt, data.timeZone, exportTexts.submittedAtFormat) : '';
      const late = submission?.late ? t.late : '';
      const items = submission ? itemsOf(submission.answers) : [];
      const lines = items.length > 0 ? items : [{ content: '', type: '' }];
      for (const item of lines) {
        const texts = [...fixed, commitment, item.content, item.type, time, late];
        w.row(texts.map((text, i) => ({ text, style: i === 1 || i >= 6 ? styles.center : styles.left })));
        rows += 1;
      }
    }
  }

  w.sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows + 1), column: WIDTHS.length } };
  w.sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: 1 }];
  w.sheet.pageSetup.printTitlesRow = '1:1';
  return { workbook, rows };
}

/** The public list as a workbook. */
export function buildPublicList(data: ExportData, options: BuildOptions = {}): ExcelJS.Workbook {
  return buildPublicListTable(data, options).workbook;
}
