// The three tables by kind, built and written as .xlsx bytes. Kept apart from export/index.ts, which the bot
// loads at start, so that exceljs is loaded only when an admin first exports.
import { buildAttachment1Table, type BuiltTable } from './attachment1.js';
import { buildAttachment2Table } from './attachment2.js';
import type { BuildOptions, ExportData, ExportKind } from './model.js';
import { buildPublicListTable } from './public-list.js';
import { toBuffer } from './sheet.js';

export { buildAttachment1 } from './attachment1.js';
export { buildAttachment2 } from './attachment2.js';
export { buildPublicList } from './public-list.js';
export { toBuffer } from './sheet.js';

const BUILDERS: Record<ExportKind, (data: ExportData, options: BuildOptions) => BuiltTable> = {
  attachment1: buildAttachment1Table,
  attachment2: buildAttachment2Table,
  list: buildPublicListTable,
};

export async function buildTable(kind: ExportKind, data: ExportData, options: BuildOptions): Promise<{ buffer: Buffer; rows: number }> {
  const { workbook, rows } = BUILDERS[kind](data, options);
  return { buffer: await toBuffer(workbook), rows };
}
