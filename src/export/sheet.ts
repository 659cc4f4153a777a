// Writing readable, printable worksheets with exceljs: shared cell styles (borders, wrap, a bold header),
// text cells that never turn into formulas, row heights estimated from the text, A4 landscape fit to width.
import { withoutInvisible } from '../campaign/index.js';
import ExcelJS from 'exceljs';
import { fill } from '../campaign/index.js';

type Style = Partial<ExcelJS.Style>;

/**
 * Excel's "Text" number format. Every cell but a 序号 is written as a string (a shared string, never a formula), so
 * Excel, WPS and LibreOffice show "=HYPERLINK(…)" as the text it is; with the Text format the cell stays
 * text even when someone edits it (F2, Enter) later. exceljs cannot write quotePrefix, which would be the
 * other way to say the same.
 */
export const TEXT_FORMAT = '@';

const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const border: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

/** The fonts of a campaign's tables (its exports.fonts): the body's, and the titles'. */
export interface Fonts {
  body: string;
  title: string;
}

export type Styles = ReturnType<typeof makeStyles>;
const made = new WeakMap<Fonts, Styles>();

/** Style objects are shared by many cells: assign them whole (cell.style = …), never change a property. */
export function sheetStyles(fonts: Fonts): Styles {
  const known = made.get(fonts);
  if (known) return known;
  const styles = makeStyles(fonts);
  made.set(fonts, styles);
  return styles;
}

function makeStyles(fonts: Fonts) {
  const bodyFont: Partial<ExcelJS.Font> = { name: fonts.body, size: 11 };

  return {
    label: { numFmt: TEXT_FORMAT, font: { name: fonts.body, size: 12, bold: true }, alignment: { horizontal: 'left', vertical: 'middle' } },
    title: {
      numFmt: TEXT_FORMAT,
      font: { name: fonts.title, size: 18, bold: true },
      alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
    },
    subtitle: { numFmt: TEXT_FORMAT, font: { name: fonts.title, size: 14 }, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } },
    reporter: { numFmt: TEXT_FORMAT, font: { name: fonts.body, size: 12 }, alignment: { horizontal: 'left', vertical: 'middle' } },
    header: {
      numFmt: TEXT_FORMAT,
      font: { ...bodyFont, bold: true },
      alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
      border,
      fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } },
    },
    center: { numFmt: TEXT_FORMAT, font: bodyFont, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true }, border },
    /** a number cell (序号): stored as a number with a number format, so Excel does not flag it as text */
    number: { numFmt: '0', font: bodyFont, alignment: { horizontal: 'center', vertical: 'middle' }, border },
    left: { numFmt: TEXT_FORMAT, font: bodyFont, alignment: { horizontal: 'left', vertical: 'middle', wrapText: true }, border },
    note: { numFmt: TEXT_FORMAT, font: { name: fonts.body, size: 10.5 }, alignment: { horizontal: 'left', vertical: 'top', wrapText: true } },
  } satisfies Record<string, Style>;
}

// Characters XML 1.0 cannot hold (control characters other than tab, line feed and carriage return, and
// unpaired surrogates): a file containing one would not open at all.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text as it goes into a cell: unchanged, except for characters no .xlsx file can hold. */
export function cellText(text: string): string {
  // Nothing invisible reaches a table, whatever was stored before it was cleaned on the way in.
  return withoutInvisible(text).text.replace(NOT_XML, '');
}

/** Roughly how many '0' widths a text takes: CJK and full-width characters two, the rest one. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    width += code >= 0x2e80 ? 2 : 1;
  }
  return width;
}

/** Lines a wrapped text needs in a column of `width` characters. */
export function linesFor(text: string, width: number): number {
  const usable = Math.max(1, width - 1.5);
  return text.split(/\r\n|\n|\r/).reduce((sum, line) => sum + Math.max(1, Math.ceil(displayWidth(line) / usable)), 0);
}

/** Points of height for `lines` lines of a font of `size` points, with a little padding. */
export function heightFor(lines: number, size = 11): number {
  return Math.round((lines * size * 1.4 + 5) * 4) / 4;
}

export interface CellSpec {
  /** a string is written as text; a number (序号) as a number, with styles.number */
  text: string | number;
  style: Style;
  /** false for the top cell of a block merged downwards: mergeDown sizes the block instead */
  fit?: boolean;
}

/**
 * A worksheet written top to bottom. Knows its column widths, so it can give every row the height its
 * wrapped text needs: Excel grows rows to fit on its own, but not rows under merged cells, and not every
 * spreadsheet program does it at all.
 */
export class SheetWriter {
  readonly sheet: ExcelJS.Worksheet;
  private next = 1;

  constructor(
    workbook: ExcelJS.Workbook,
    name: string,
    readonly widths: readonly number[],
  ) {
    this.sheet = workbook.addWorksheet(name, {
      pageSetup: {
        paperSize: 9, // A4
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0, // as many pages down as it takes
        horizontalCentered: true,
        margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      },
    });
    this.sheet.columns = widths.map((width) => ({ width }));
  }

  get rowNumber(): number {
    return this.next;
  }

  private put(row: number, column: number, text: string | number, style: Style): void {
    const cell = this.sheet.getCell(row, column);
    cell.value = typeof text === 'number' ? text : cellText(text);
    cell.style = style;
  }

  /**
   * exceljs's mergeCells compares every new merge with all earlier ones, which makes a table of thousands
   * of blocks quadratic (附件2 of 10,000 units: half a minute). The writer's merges never overlap, so each
   * merge is done against an empty index, then added to the sheet's: the same cells and the same file.
   */
  private merge(top: number, left: number, bottom: number, right: number): void {
    const sheet = this.sheet as unknown as { _merges: Record<string, unknown> };
    const all = sheet._merges;
    if (typeof all !== 'object' || all === null) {
      this.sheet.mergeCells(top, left, bottom, right); // another exceljs: the plain, checked way
      return;
    }
    sheet._merges = {};
    try {
      this.sheet.mergeCells(top, left, bottom, right);
      Object.assign(all, sheet._merges);
    } finally {
      sheet._merges = all;
    }
  }

  /**
   * One text across the whole width of the table (a title, the 填报单位 line, a 备注 line, the （无） of an
   * empty section). The merge gives the covered cells the style too, so a bordered style borders the row.
   */
  line(text: string, style: Style, options: { merge?: boolean; size?: number } = {}): number {
    const row = this.next++;
    const merge = options.merge ?? true;
    this.put(row, 1, text, style);
    if (merge && this.widths.length > 1) this.merge(row, 1, row, this.widths.length);
    const width = merge ? this.widths.reduce((a, b) => a + b, 0) : this.widths[0]!;
    this.sheet.getRow(row).height = heightFor(linesFor(text, width), options.size ?? 11);
    return row;
  }

  /** A row of cells from column 1; an undefined cell gets the style only (the part of a merged block). */
  row(cells: ReadonlyArray<CellSpec | { style: Style; text?: undefined }>): number {
    const row = this.next++;
    let lines = 1;
    cells.forEach((cell, i) => {
      if (cell.text === undefined) {
        this.sheet.getCell(row, i + 1).style = cell.style;
        return;
      }
      this.put(row, i + 1, cell.text, cell.style);
      if (cell.fit !== false) lines = Math.max(lines, linesFor(String(cell.text), this.widths[i]!));
    });
    this.sheet.getRow(row).height = heightFor(lines);
    return row;
  }

  /**
   * Merges each of `columns` over rows top..bottom, the text being in the top cell, and makes the rows tall
   * enough for the merged texts (the extra height spread over the rows).
   */
  mergeDown(top: number, bottom: number, columns: ReadonlyArray<{ column: number; text: string | number }>): void {
    let needed = 0;
    for (const { column, text } of columns) {
      if (bottom > top) this.merge(top, column, bottom, column);
      needed = Math.max(needed, heightFor(linesFor(String(text), this.widths[column - 1]!)));
    }
    if (bottom === top) {
      const row = this.sheet.getRow(top);
      row.height = Math.max(row.height ?? 0, needed);
      return;
    }
    const rows = Array.from({ length: bottom - top + 1 }, (_, i) => this.sheet.getRow(top + i));
    const have = rows.reduce((sum, row) => sum + (row.height ?? 0), 0);
    if (have >= needed) return;
    const extra = (needed - have) / rows.length;
    for (const row of rows) row.height = Math.round(((row.height ?? 0) + extra) * 4) / 4;
  }
}

/** The notice's lines above a table: 附件N, the title, the subtitle, and 填报单位. */
export function writeTitleBlock(
  w: SheetWriter,
  styles: Styles,
  texts: { label: string; title: string; subtitle: string },
  reporterLine: string,
  reporter: string,
): void {
  w.line(texts.label, styles.label, { merge: false, size: 12 });
  w.line(texts.title, styles.title, { size: 18 });
  w.line(texts.subtitle, styles.subtitle, { size: 14 });
  w.line(fill(reporterLine, { reporter }), styles.reporter, { size: 12 });
}

export function newWorkbook(createdAt: Date): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'service-month-bot';
  workbook.created = createdAt;
  workbook.modified = createdAt;
  return workbook;
}

/** The .xlsx file of a workbook. */
export async function toBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  const data = await workbook.xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}
