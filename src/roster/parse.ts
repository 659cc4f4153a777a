// Reads a roster file (.xlsx or .csv) into checked rows and problems. The columns are found by their
// headers, the rows checked against the rules of conversations/roster.yaml. A file that cannot be a
// roster at all is refused whole (`fatal`); otherwise every rejected row comes back with its row number
// and reasons, as data: src/roster/render.ts turns them into sentences.
//
// The steps, each in its file: what the file is and its encoding (format.ts), its rows of text (csv.ts,
// xlsx.ts), the header found among them and the data rows after it (sheet.ts), each row checked (rows.ts).
import type { Vars } from '../campaign/index.js';
import { csvRows } from './csv.js';
import { detectFormat } from './format.js';
import { readSheet } from './sheet.js';
import type { FatalKey, RosterSpec } from './spec.js';
import type { RosterFile, RosterParse } from './types.js';
import { xlsxRows } from './xlsx.js';

export { rosterKey } from './rows.js';
export type { Problem, RosterFile, RosterParse, RosterRow, RowProblem } from './types.js';

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
