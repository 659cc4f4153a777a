// 附件1 服务事项清单（省级联创行业系统）, as the notice lays it out: the label, the two title lines, 填报单位：…,
// the header 行业（系统）名称 | 服务事项（每项100字以内）| 服务类型, one block per industry league body with
// its name merged down over its items, and the notice's 备注 lines. Every word, the form and its fields are
// the campaign's (exports.attachment1).
import type ExcelJS from 'exceljs';
import type { Exports } from '../campaign/index.js';
import { itemsOf, textAnswer, type BuildOptions, type ExportData, type ExportUnit } from './model.js';
import { newWorkbook, SheetWriter, sheetStyles, writeTitleBlock } from './sheet.js';

export interface BuiltTable {
  workbook: ExcelJS.Workbook;
  /** rows of the table body (items, and the empty rows of units that have not submitted) */
  rows: number;
}

/** The 行业（系统）名称 of an industry body: what it submitted, else the roster's industry, else its name. */
export function industryNameOf(unit: ExportUnit, layout: Exports): string {
  const t = layout.attachment1;
  const submission = unit.submissions[t.form];
  const submitted = submission ? textAnswer(submission.answers, t.columns.name).trim() : '';
  return submitted || unit.industry || unit.name;
}

export function buildAttachment1Table(data: ExportData, options: BuildOptions = {}): BuiltTable {
  const { layout } = data;
  const t = layout.attachment1;
  const formId = t.form;
  const styles = sheetStyles(layout.fonts);
  const workbook = newWorkbook(data.generatedAt);
  const w = new SheetWriter(workbook, t.sheetName, t.widths);
  writeTitleBlock(w, styles, t, layout.reporterLine, data.reporter);
  const header = w.row(t.headers.map((text) => ({ text, style: styles.header })));

  let rows = 0;
  for (const unit of data.units) {
    const submission = unit.submissions[formId];
    if (!submission && !(options.includeMissing && unit.forms.includes(formId))) continue;
    const items = submission ? itemsOf(submission.answers, t.columns) : [];
    const name = industryNameOf(unit, layout) + (submission?.late ? layout.lateMark : '');
    const top = w.rowNumber;
    if (items.length === 0) {
      w.row([
        { text: name, style: styles.center, fit: false },
        { text: '', style: styles.left },
        { text: '', style: styles.center },
      ]);
    }
    items.forEach((item, i) => {
      w.row([
        i === 0 ? { text: name, style: styles.center, fit: false } : { style: styles.center },
        { text: item.content, style: styles.left },
        { text: item.type, style: styles.center },
      ]);
    });
    const bottom = w.rowNumber - 1;
    w.mergeDown(top, bottom, [{ column: 1, text: name }]);
    rows += bottom - top + 1;
  }

  for (const note of t.notes) w.line(note, styles.note, { size: 10.5 });
  w.sheet.pageSetup.printTitlesRow = `${header}:${header}`;
  w.sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: header }];
  return { workbook, rows };
}

/** 附件1 as a workbook. */
export function buildAttachment1(data: ExportData, options: BuildOptions = {}): ExcelJS.Workbook {
  return buildAttachment1Table(data, options).workbook;
}
