// 附件2 服务承诺与服务事项清单（示范集体）, as the notice lays it out: the label, the two title lines, 填报单位：…,
// then the 第20届全国青年文明号 collectives and the 2021年广东青年文明号标兵号 collectives, each section under
// its own header row, 序号, name and commitment merged down over the collective's items; the 备注 lines.
// A collective that is both (第20届全国 and 2021年标兵号) is in both sections. A section without a
// collective has one row, （无）, under its header. The sections, every word, the form and its fields are the
// campaign's (exports.attachment2).
import type ExcelJS from 'exceljs';
import type { BuiltTable } from './attachment1.js';
import { groupedByCity, itemsOf, textAnswer, type BuildOptions, type ExportData } from './model.js';
import { newWorkbook, SheetWriter, sheetStyles, writeTitleBlock } from './sheet.js';

export function buildAttachment2Table(data: ExportData, options: BuildOptions = {}): BuiltTable {
  const { layout } = data;
  const t = layout.attachment2;
  const formId = t.form;
  const styles = sheetStyles(layout.fonts);
  const workbook = newWorkbook(data.generatedAt);
  const w = new SheetWriter(workbook, t.sheetName, t.widths);
  writeTitleBlock(w, styles, t, layout.reporterLine, data.reporter);

  let rows = 0;
  const units = groupedByCity(data.units);
  let firstHeader: number | undefined;
  for (const { category: section, headers } of t.sections) {
    const header = w.row(headers.map((text) => ({ text, style: styles.header })));
    firstHeader ??= header;
    let seq = 0;
    for (const unit of units) {
      if (!unit.categories.includes(section)) continue;
      const submission = unit.submissions[formId];
      if (!submission && !(options.includeMissing && unit.forms.includes(formId))) continue;
      seq += 1;
      const number = seq;
      const name = unit.name + (submission?.late ? layout.lateMark : '');
      const commitment = submission ? textAnswer(submission.answers, t.columns.commitment) : '';
      const items = submission ? itemsOf(submission.answers, t.columns) : [];
      const top = w.rowNumber;
      const blank = { text: '', style: styles.left };
      const rowsOfItems = items.length > 0 ? items : [undefined];
      rowsOfItems.forEach((item, i) => {
        const first = i === 0;
        w.row([
          first ? { text: number, style: styles.number, fit: false } : { style: styles.number },
          first ? { text: name, style: styles.center, fit: false } : { style: styles.center },
          first ? { text: commitment, style: styles.left, fit: false } : { style: styles.left },
          item ? { text: item.content, style: styles.left } : blank,
          item ? { text: item.type, style: styles.center } : { text: '', style: styles.center },
        ]);
      });
      const bottom = w.rowNumber - 1;
      w.mergeDown(top, bottom, [
        { column: 1, text: number },
        { column: 2, text: name },
        { column: 3, text: commitment },
      ]);
      rows += bottom - top + 1;
    }
    if (seq === 0) w.line(t.none, styles.center);
  }

  for (const note of t.notes) w.line(note, styles.note, { size: 10.5 });
  // Frozen below the first section's header, as 附件1 is: the rows above it (附件2, the title, the subtitle,
  // 填报单位) are the notice's heading and print once, on the first page; the header row is what a reader
  // needs on every screen and every printed page. Excel repeats one fixed band of rows, so the 标兵号
  // section's pages repeat the first header too: its columns are the same, and the section's own header
  // row stands where it begins.
  w.sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: firstHeader! }];
  w.sheet.pageSetup.printTitlesRow = `${firstHeader}:${firstHeader}`;
  return { workbook, rows };
}

/** 附件2 as a workbook. */
export function buildAttachment2(data: ExportData, options: BuildOptions = {}): ExcelJS.Workbook {
  return buildAttachment2Table(data, options).workbook;
}
