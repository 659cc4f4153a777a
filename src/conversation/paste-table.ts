// Reading a pasted form as a table (cells from Word or Excel): its columns found by their headers, or
// guessed from the cells, then one entry per row.
import { countChars } from '../campaign/index.js';
import { matchChoice } from './answers.js';
import { entryOf, kindOf, type RawPaste } from './paste-list.js';
import { bareHeader, type Line, type Vocabulary } from './paste-words.js';

// ---- Reading a table ------------------------------------------------------------------------------------

export interface Columns {
  content: number;
  type: number;
  commitment: number;
}

export function headerColumns(cells: string[], vocabulary: Vocabulary): Columns | undefined {
  const bare = cells.map(bareHeader);
  const find = (names: string[]) => bare.findIndex((cell) => cell !== '' && names.includes(cell));
  const content = find(vocabulary.header.content);
  if (content === -1) return undefined;
  return { content, type: find(vocabulary.header.type), commitment: find(vocabulary.header.commitment) };
}

/**
 * Without a header the columns are found from the right, the way 附件1 and 附件2 end: 服务事项 | 服务类型, with
 * 服务承诺 just before them when there is a column for 序号 or the name before it.
 */
export function guessColumns(rows: string[][], vocabulary: Vocabulary): Columns {
  const last = rows[0]!.length - 1;
  const filled = rows.map((row) => row[last]!).filter((cell) => cell !== '');
  // A whole column of types may well be numbers (4 for 提供暖心服务), unlike a bracket closing an item.
  const typed = filled.filter((cell) => countChars(cell) <= 8 && matchChoice(vocabulary.choices, cell) !== undefined).length;
  const type = filled.length > 0 && typed * 2 >= filled.length ? last : -1;
  const content = type === -1 ? last : last - 1;
  return { content, type, commitment: vocabulary.commitment && content >= 2 ? content - 1 : -1 };
}

/** Rows with fewer cells lose them at the left (merged 序号, name and commitment), so they are aligned right. */
export function alignRight(rows: string[][]): string[][] {
  const width = Math.max(...rows.map((row) => row.length));
  return rows.map((row) => [...Array<string>(width - row.length).fill(''), ...row]);
}

/**
 * Tab-separated rows, as Word and Excel copy a table. A table needs a header row naming 服务事项, or tabs in
 * at least half of the lines. Lines without tabs (the title, 填报单位, 备注) are skipped, except a commitment.
 */
export function readTable(lines: Line[], vocabulary: Vocabulary): RawPaste | undefined {
  const tabbed = lines.filter((line) => line.cells.length >= 2);
  const headerAt = tabbed.findIndex((line) => headerColumns(line.cells, vocabulary) !== undefined);
  if (headerAt === -1 && (tabbed.length < 2 || tabbed.length * 2 < lines.length)) return undefined;
  const header = headerAt === -1 ? undefined : tabbed[headerAt]!;
  const rows = tabbed.slice(headerAt + 1).filter((line) => headerColumns(line.cells, vocabulary) === undefined);
  if (rows.length === 0) return undefined;
  const cells = alignRight([...(header ? [header.cells] : []), ...rows.map((row) => row.cells)]);
  const body = header ? cells.slice(1) : cells;
  const columns = header ? headerColumns(cells[0]!, vocabulary)! : guessColumns(body, vocabulary);
  const raw: RawPaste = { entries: [], skipped: [] };
  const used = new Set([...(header ? [header.number] : []), ...rows.map((row) => row.number)]);
  rows.forEach((row, i) => {
    const at = (column: number) => (column === -1 ? '' : (body[i]![column] ?? ''));
    if (at(columns.commitment) !== '') raw.commitment ??= at(columns.commitment);
    const content = at(columns.content);
    const type = at(columns.type);
    if (content === '' && type === '') return; // the merged cells of a row that holds nothing else
    const entry = entryOf(row.number, content, vocabulary);
    raw.entries.push(type === '' ? entry : { ...entry, type });
  });
  let commitmentNext = false;
  for (const line of lines) {
    if (used.has(line.number)) continue;
    const kind = kindOf(line.text, vocabulary);
    if (kind.kind === 'commitment' && kind.value !== '') raw.commitment ??= kind.value;
    else if (commitmentNext && kind.kind === 'text') raw.commitment ??= line.text;
    else if (kind.kind !== 'commitment' && kind.kind !== 'heading' && kind.kind !== 'list') raw.skipped.push(line.number);
    commitmentNext = kind.kind === 'commitment' && kind.value === '';
  }
  return raw;
}
