// From a sheet's rows of text to the roster: the header is found among the first rows by the columns it
// names, then each data row after it goes to the row checks (rows.ts). Blank rows, and rows whose roster
// columns are all blank, are skipped without being counted; one data row too many refuses the file.
import { COLUMN_IDS, normalizeLabel, type ColumnId, type RosterSpec } from './spec.js';
import type { Problem, RosterParse } from './types.js';
import { RowChecker } from './rows.js';

/** One row of the sheet as text cells, numbered as the spreadsheet shows it. */
export interface SheetRow {
  row: number;
  cells: string[];
}

type Columns = Record<ColumnId, number>;

export function readSheet(sheet: Iterable<SheetRow>, spec: RosterSpec, fileName: string): RosterParse {
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
function findHeader(head: SheetRow[], spec: RosterSpec, fileName: string): { index: number; columns: Columns } | { fatal: Problem } {
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
        vars: {
          file: fileName,
          row: headerRow.row,
          missing: missing.map((id) => spec.columns[id].header).join(spec.messages.report.listSeparator),
          headers: allHeaders,
        },
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
function clean(cell: string): string {
  return cell
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/\s*[\r\n]+\s*/g, '')
    .trim();
}
