// Reads a roster file (.xlsx or .csv) into checked rows and problems. The columns are found by their
// headers, the rows checked against the rules of conversations/roster.yaml. A file that cannot be a
// roster at all is refused whole (`fatal`); otherwise every rejected row comes back with its row number
// and reasons, as data: src/roster/render.ts turns them into sentences.
import { countChars, type Vars } from '../campaign/text.js';
import type { Category, UnitKind } from '../campaign/schema.js';
import {
  COLUMN_IDS,
  normalizeLabel,
  vocabulary,
  type ColumnId,
  type FatalKey,
  type ProblemKey,
  type RosterSpec,
} from './spec.js';
import { xlsxRows } from './xlsx.js';

/** Between the categories of one cell: 、 ， , ； ; / and line breaks. */
const CATEGORY_SEPARATORS = /[、，,；;/\n]+/;

export interface RosterRow {
  /** the row number as the spreadsheet shows it (the header is row 1 unless a title sits above it) */
  row: number;
  name: string;
  kind: UnitKind;
  /** a collective's categories, one or more (a cell may name several: 第20届全国青年文明号、2021年广东青年文明号标兵号); none for the other kinds */
  categories: Category[];
  city: string | null;
  industry: string | null;
  /** kind|city|name, normalised: the unit's identity across re-imports (Unit.rosterKey) */
  key: string;
}

/** Why one row was rejected; a row may have several. */
export interface RowProblem {
  row: number;
  key: ProblemKey;
  vars: Vars;
}

/** Why a whole file was refused. */
export interface Problem {
  key: FatalKey;
  vars: Vars;
}

export interface RosterParse {
  rows: RosterRow[];
  problems: RowProblem[];
  /** set when the file is refused whole; rows and problems are then empty */
  fatal?: Problem;
}

export interface RosterFile {
  /** the file's name, used to name it in messages and as a hint (never trusted) for its type */
  name: string;
  data: Buffer;
}

/** One row of the sheet as text cells, numbered as the spreadsheet shows it. */
export interface SheetRow {
  row: number;
  cells: string[];
}

export async function parseRoster(file: RosterFile, spec: RosterSpec): Promise<RosterParse> {
  const refuse = (key: FatalKey, vars: Vars = {}): RosterParse => ({ rows: [], problems: [], fatal: { key, vars: { file: file.name, ...vars } } });
  const format = detectFormat(file);
  if ('fatal' in format) return refuse(format.fatal);
  if (format.type === 'csv') return readSheet(csvRows(format.text), spec, file.name);
  const rows = await xlsxRows(format.data, spec.limits.maxRows);
  if (rows === 'tooManyRows') return refuse('tooManyRows', { max: spec.limits.maxRows });
  if (rows === 'brokenExcel') return refuse('brokenExcel');
  return readSheet(rows, spec, file.name);
}

// ---------------------------------------------------------------------------------------------------
// What the file is: decided by its bytes, the name only confirming a claim to be Excel.

type Format = { type: 'xlsx'; data: Buffer } | { type: 'csv'; text: string } | { fatal: FatalKey };

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const EMPTY_ZIP = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
/** OLE2 compound file: .xls of Excel 97–2003, and password-protected .xlsx */
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const EXCEL_NAME = /\.(xlsx|xlsm|xltx|xltm|xls|et)$/i;

function detectFormat(file: RosterFile): Format {
  const data = file.data;
  if (data.length === 0) return { fatal: 'empty' };
  if (startsWith(data, ZIP) || startsWith(data, EMPTY_ZIP)) {
    // Zip entry names are stored uncompressed: a workbook's parts all sit under xl/.
    if (!data.includes('xl/')) return { fatal: 'notSpreadsheet' };
    return { type: 'xlsx', data };
  }
  if (startsWith(data, OLE)) return { fatal: 'oldExcel' };
  if (EXCEL_NAME.test(file.name)) return { fatal: 'notSpreadsheet' };
  const text = decodeText(data);
  if (text === null) return { fatal: 'notSpreadsheet' };
  if (text.trim() === '') return { fatal: 'empty' };
  return { type: 'csv', text };
}

function startsWith(data: Buffer, magic: Buffer): boolean {
  return data.length >= magic.length && data.subarray(0, magic.length).equals(magic);
}

/**
 * The file as text: UTF-8 (with or without BOM), UTF-16 with a BOM, or else GB18030, which is what Excel
 * on Chinese Windows writes for "CSV（逗号分隔）" (GBK is a subset of it). Null when it is not text.
 */
export function decodeText(data: Buffer): string | null {
  let text: string | null = null;
  if (startsWith(data, Buffer.from([0xef, 0xbb, 0xbf]))) text = decode('utf-8', data.subarray(3));
  else if (startsWith(data, Buffer.from([0xff, 0xfe]))) text = decode('utf-16le', data.subarray(2));
  else if (startsWith(data, Buffer.from([0xfe, 0xff]))) text = decode('utf-16be', data.subarray(2));
  else text = decode('utf-8', data) ?? decode('gb18030', data);
  // Control characters other than tab and line breaks do not occur in a text file.
  if (text === null || /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text)) return null;
  return text;
}

function decode(encoding: string, data: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(data);
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------------
// The CSV reader (the .xlsx one is xlsx.ts), yielding the rows one at a time, so a file that is too long
// is refused after maxRows + 1 rows, however long it is.

/** RFC 4180 CSV: quoted fields may hold delimiters, line breaks and doubled quotes. */
function* csvRows(text: string): Generator<SheetRow> {
  const delimiter = sniffDelimiter(text);
  const n = text.length;
  let i = 0;
  let row = 0;
  while (i < n) {
    row += 1;
    const cells: string[] = [];
    for (;;) {
      let cell = '';
      if (text[i] === '"') {
        i += 1;
        for (;;) {
          const quote = text.indexOf('"', i);
          if (quote === -1) {
            // an unterminated quote takes the rest of the file, as Excel does
            cell += text.slice(i);
            i = n;
            break;
          }
          cell += text.slice(i, quote);
          if (text[quote + 1] === '"') {
            cell += '"';
            i = quote + 2;
          } else {
            i = quote + 1;
            break;
          }
        }
      }
      let end = i;
      while (end < n && text[end] !== delimiter && text[end] !== '\n' && text[end] !== '\r') end += 1;
      cell += text.slice(i, end);
      i = end;
      cells.push(cell);
      if (i < n && text[i] === delimiter) {
        i += 1;
        continue;
      }
      if (text[i] === '\r' && text[i + 1] === '\n') i += 2;
      else if (i < n) i += 1;
      break;
    }
    yield { row, cells };
  }
}

/** Comma, unless the first line has tabs and no comma (Excel's "Unicode text" is tab-separated). */
function sniffDelimiter(text: string): string {
  const firstLine = text.slice(0, 4096).split(/\r?\n/, 1)[0] ?? '';
  return firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
}

// ---------------------------------------------------------------------------------------------------
// From rows of text to the roster: find the header, then check each data row.

type Columns = Record<ColumnId, number>;

function readSheet(sheet: Iterable<SheetRow>, spec: RosterSpec, fileName: string): RosterParse {
  const checker = new RowChecker(spec);
  const head: SheetRow[] = [];
  let columns: Columns | undefined;
  let dataRows = 0;
  const tooMany = (): RosterParse => ({
    rows: [],
    problems: [],
    fatal: { key: 'tooManyRows', vars: { file: fileName, max: spec.limits.maxRows } },
  });
  // Returns false once the file has more data rows than allowed.
  const take = (row: SheetRow, cols: Columns): boolean => {
    const cells = pick(row.cells, cols);
    if (COLUMN_IDS.every((id) => cells[id] === '')) return true;
    dataRows += 1;
    if (dataRows > spec.limits.maxRows) return false;
    checker.check(row.row, cells);
    return true;
  };
  const startData = (): RosterParse | undefined => {
    const found = findHeader(head, spec, fileName);
    if ('fatal' in found) return { rows: [], problems: [], fatal: found.fatal };
    columns = found.columns;
    for (const row of head.slice(found.index + 1)) if (!take(row, columns)) return tooMany();
    return undefined;
  };

  for (const row of sheet) {
    if (columns) {
      if (!take(row, columns)) return tooMany();
      continue;
    }
    if (row.cells.every((cell) => clean(cell) === '')) continue;
    head.push(row);
    if (head.length === spec.limits.headerSearchRows) {
      const refused = startData();
      if (refused) return refused;
    }
  }
  if (!columns) {
    if (head.length === 0) return { rows: [], problems: [], fatal: { key: 'empty', vars: { file: fileName } } };
    const refused = startData();
    if (refused) return refused;
  }
  if (dataRows === 0) return { rows: [], problems: [], fatal: { key: 'noRows', vars: { file: fileName } } };
  return checker.result();
}

/** The header is the row among the first few that names the most known columns. */
function findHeader(
  head: SheetRow[],
  spec: RosterSpec,
  fileName: string,
): { index: number; columns: Columns } | { fatal: Problem } {
  const names = new Map<string, ColumnId>();
  for (const id of COLUMN_IDS) {
    for (const name of [spec.columns[id].header, ...spec.columns[id].aliases]) names.set(normalizeLabel(name), id);
  }
  const allHeaders = COLUMN_IDS.map((id) => spec.columns[id].header).join(spec.messages.report.listSeparator);
  let best = -1;
  let bestCount = 0;
  head.forEach((row, index) => {
    const count = new Set(row.cells.map((cell) => names.get(normalizeLabel(clean(cell)))).filter((id) => id !== undefined)).size;
    if (count > bestCount) {
      best = index;
      bestCount = count;
    }
  });
  const headerRow = head[best];
  if (!headerRow) {
    return { fatal: { key: 'noHeader', vars: { file: fileName, rows: spec.limits.headerSearchRows, headers: allHeaders } } };
  }
  const columns: Partial<Columns> = {};
  for (const [c, cell] of headerRow.cells.entries()) {
    const id = names.get(normalizeLabel(clean(cell)));
    if (id === undefined) continue;
    const first = columns[id];
    if (first !== undefined) {
      return {
        fatal: {
          key: 'duplicateHeader',
          vars: { file: fileName, row: headerRow.row, header: spec.columns[id].header, first: columnLetter(first), second: columnLetter(c) },
        },
      };
    }
    columns[id] = c;
  }
  const missing = COLUMN_IDS.filter((id) => columns[id] === undefined);
  if (missing.length > 0) {
    return {
      fatal: {
        key: 'missingHeaders',
        vars: { file: fileName, row: headerRow.row, missing: missing.map((id) => spec.columns[id].header).join(spec.messages.report.listSeparator), headers: allHeaders },
      },
    };
  }
  return { index: best, columns: columns as Columns };
}

/** 0 → A, 25 → Z, 26 → AA: as Excel names its columns. */
function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

function pick(cells: string[], columns: Columns): Record<ColumnId, string> {
  const text = (id: ColumnId) => clean(cells[columns[id]] ?? '');
  return { name: text('name'), kind: text('kind'), category: text('category'), city: text('city'), industry: text('industry') };
}

/** A cell as meant: without zero-width characters and line breaks typed inside it, trimmed (full-width spaces too). */
export function clean(cell: string): string {
  return cell.replace(/[\u200b-\u200d\u2060\ufeff]/g, '').replace(/\s*[\r\n]+\s*/g, '').trim();
}

/** kind|city|name, each compared as a person would: width, spaces and a trailing 市 of the city do not count. */
export function rosterKey(kind: UnitKind, city: string | null, name: string): string {
  return `${kind}|${normalizeCity(city)}|${normalizeLabel(name)}`;
}

function normalizeCity(city: string | null): string {
  return normalizeLabel(city ?? '').replace(/市$/, '');
}

/** Checks data rows one by one, and each against the rows before it for duplicates. */
class RowChecker {
  private readonly rows: RosterRow[] = [];
  private readonly problems: RowProblem[] = [];
  private readonly byKey = new Map<string, number>();
  private readonly byCityName = new Map<string, number>();
  private readonly vocabulary;

  constructor(private readonly spec: RosterSpec) {
    this.vocabulary = vocabulary(spec);
  }

  check(row: number, cells: Record<ColumnId, string>): void {
    const { spec } = this;
    const problems: RowProblem[] = [];
    const problem = (key: ProblemKey, vars: Vars = {}) => problems.push({ row, key, vars });

    const name = cells.name;
    if (name === '') problem('nameMissing');
    else {
      const count = countChars(name);
      if (count > spec.limits.maxNameChars) problem('nameTooLong', { max: spec.limits.maxNameChars, count });
    }

    let kind: UnitKind | undefined;
    if (cells.kind === '') problem('kindMissing');
    else {
      kind = this.vocabulary.kinds.get(normalizeLabel(cells.kind));
      if (kind === undefined) problem('kindUnknown', { value: cells.kind });
    }

    const categories: Category[] = [];
    if (kind === 'collective') {
      if (cells.category === '') categories.push('other');
      for (const part of cells.category.split(CATEGORY_SEPARATORS)) {
        if (part.trim() === '') continue;
        const found = this.vocabulary.categories.get(normalizeLabel(part));
        if (found === undefined) problem('categoryUnknown', { value: part.trim() });
        else if (!categories.includes(found)) categories.push(found);
      }
      // 其他 beside a 示范 category adds nothing.
      if (categories.length > 1 && categories.includes('other')) categories.splice(categories.indexOf('other'), 1);
    } else if (kind !== undefined && cells.category !== '') {
      problem('categoryNotForKind', { kind: spec.kinds[kind].label, value: cells.category });
    }

    const city = cells.city === '' ? null : cells.city;
    const industry = cells.industry === '' ? null : cells.industry;
    if (kind !== undefined && kind !== 'industryOrg' && city === null) problem('cityMissing', { kind: spec.kinds[kind].label });
    if (kind === 'industryOrg' && industry === null) problem('industryMissing', { kind: spec.kinds[kind].label });

    if (problems.length === 0 && kind !== undefined) {
      const key = rosterKey(kind, city, name);
      const cityName = `${normalizeCity(city)}|${normalizeLabel(name)}`;
      const vars = { name, city: city ?? spec.messages.report.noCity, kind: spec.kinds[kind].label };
      const sameKey = this.byKey.get(key);
      const sameName = this.byCityName.get(cityName);
      if (sameKey !== undefined) problem('duplicateKey', { first: sameKey, ...vars });
      else if (sameName !== undefined) problem('duplicateName', { first: sameName, ...vars });
      else {
        this.byKey.set(key, row);
        this.byCityName.set(cityName, row);
        this.rows.push({ row, name, kind, categories, city, industry, key });
      }
    }
    this.problems.push(...problems);
  }

  result(): RosterParse {
    return { rows: this.rows, problems: this.problems };
  }
}
