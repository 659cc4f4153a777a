// An .xlsx roster's rows: the first visible worksheet as text, read with exceljs's in-memory reader
// (workbook.xlsx.load). The whole file is in memory already; what exceljs makes of it is bounded before and
// while it reads: the zip must pass checkZip (a few thousand entries, 50 MB unpacked), exceljs stops at a
// sheet of more than twice the rows a roster may have, and the read gives up after a minute.
import type { SheetRow } from './sheet.js';
import { checkZip } from './zip-check.js';
import { withTimeout } from '../shared/index.js';

/** 20,000 rows of a roster are a few MB of XML; exceljs holds the whole workbook, several times its XML. */
const MAX_UNPACKED_BYTES = 50 * 1024 * 1024;
/** a workbook has a dozen parts, or some hundreds with pictures */
const MAX_ENTRIES = 5000;
/**
 * A safety net: the bounds above keep the read short; should some file still stall exceljs, the import
 * gives up instead of holding up the admin's queue.
 */
const XLSX_TIMEOUT_MS = 60_000;

/** Why a workbook yields no rows: damaged, or a sheet far too long to be read through. */
export type XlsxRefusal = 'brokenExcel' | 'tooManyRows';

/**
 * The rows of the first visible sheet. `maxRows` is the most data rows a roster may have: a sheet of more
 * than twice as many rows (blank rows Excel keeps for their formatting count too) is refused unread.
 */
export async function xlsxRows(data: Buffer, maxRows: number): Promise<SheetRow[] | XlsxRefusal> {
  if (!checkZip(data, { maxEntries: MAX_ENTRIES, maxUnpackedBytes: MAX_UNPACKED_BYTES })) return 'brokenExcel';
  return withTimeout(readWorkbook(data, maxRows * 2), XLSX_TIMEOUT_MS, () => 'brokenExcel' as const);
}

async function readWorkbook(data: Buffer, sheetRows: number): Promise<SheetRow[] | XlsxRefusal> {
  // loaded on first use: it takes a third of a second, which a CSV import or the bot's start need not pay
  const { default: excel } = await import('exceljs');
  const workbook = new excel.Workbook();
  try {
    // The typings want an ArrayBuffer where exceljs reads a Buffer, and leave out maxRows, an option of load
    // that throws "Max row count (N) exceeded" (tests/roster/parse.test.ts would notice it gone).
    await workbook.xlsx.load(data as unknown as ArrayBuffer, { maxRows: sheetRows } as object);
  } catch (error) {
    return error instanceof Error && /^Max row count/.test(error.message) ? 'tooManyRows' : 'brokenExcel';
  }
  // in the order of the tabs
  const sheet = workbook.worksheets.find((worksheet) => worksheet.state !== 'hidden' && worksheet.state !== 'veryHidden');
  // a zip with parts under xl/ but no sheet: not a workbook after all
  if (!sheet) return 'brokenExcel';
  const rows: SheetRow[] = [];
  // rows without a value are left out, as are cells without one
  sheet.eachRow((row, number) => {
    const cells: string[] = [];
    // a row with nothing of its own, only a merge reaching down into it, is as empty as it looks
    let own = false;
    row.eachCell((cell, column) => {
      // A cell merged down a column reads as the merge in each of its rows (an office merges a city's 地市
      // over its units); one merged across columns counts once, where the merge begins (a title, a header).
      const master = cell.isMerged ? cell.master : cell;
      const text = master.col === cell.col ? cellText(master.value) : '';
      cells[column - 1] = text;
      if (master === cell && text !== '') own = true;
    });
    if (own) rows.push({ row: number, cells: Array.from(cells, (cell) => cell ?? '') });
  });
  return rows;
}

/** The text a person sees in a cell, whatever exceljs made of it. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const cell = value as { richText?: Array<{ text?: unknown }>; text?: unknown; result?: unknown; formula?: unknown; error?: unknown };
    if (Array.isArray(cell.richText)) return cell.richText.map((part) => cellText(part.text)).join('');
    if (cell.text !== undefined) return cellText(cell.text);
    if ('result' in cell || 'formula' in cell) return cellText(cell.result);
  }
  return '';
}
