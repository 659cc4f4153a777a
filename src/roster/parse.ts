// Reads a roster file (.xlsx or .csv) into checked rows and problems. The columns are found by their
// headers, the rows checked against the rules of conversations/roster.yaml. A file that cannot be a
// roster at all is refused whole (`fatal`); otherwise every rejected row comes back with its row number
// and reasons, as data: src/roster/render.ts turns them into sentences.
//
// The steps, each in its file: what the file is and its encoding (format.ts), its rows of text (csv.ts,
// xlsx.ts), the header found among them and the data rows after it (sheet.ts), each row checked (rows.ts).
import type { Vars } from '../campaign/text.js';
import type { Category, UnitKind } from '../campaign/schema.js';
import { csvRows } from './csv.js';
import { detectFormat } from './format.js';
import { readSheet } from './sheet.js';
import type { FatalKey, ProblemKey, RosterSpec } from './spec.js';
import { xlsxRows } from './xlsx.js';

export { rosterKey } from './rows.js';

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

export async function parseRoster(file: RosterFile, spec: RosterSpec): Promise<RosterParse> {
  const refuse = (key: FatalKey, vars: Vars = {}): RosterParse => ({ rows: [], problems: [], fatal: { key, vars: { file: file.name, ...vars } } });
  const format = detectFormat(file.name, file.data);
  if ('fatal' in format) return refuse(format.fatal);
  if (format.type === 'csv') return readSheet(csvRows(format.text), spec, file.name);
  const rows = await xlsxRows(format.data, spec.limits.maxRows);
  if (rows === 'tooManyRows') return refuse('tooManyRows', { max: spec.limits.maxRows });
  if (rows === 'brokenExcel') return refuse('brokenExcel');
  return readSheet(rows, spec, file.name);
}
