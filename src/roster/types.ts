// What reading a roster gives: its checked rows, each rejected row's reasons and, for a file that cannot
// be a roster at all, why; as data, which render.ts turns into sentences.
import type { Vars } from '../campaign/index.js';
import type { Category, UnitKind } from '../campaign/index.js';
import type { FatalKey, ProblemKey } from './spec.js';

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
