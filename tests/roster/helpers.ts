// Shared bits of the roster tests: the real roster spec, temp folders, and roster files made on the spot.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach } from 'vitest';
import { loadRosterSpec } from '../../src/roster/spec.js';

export const projectRoot = path.resolve(import.meta.dirname, '../..');
export const migrationsDir = path.join(projectRoot, 'prisma/migrations');
export const conversationsDir = path.join(projectRoot, 'conversations');
export const fixturesDir = path.join(projectRoot, 'tests/fixtures');
export const spec = loadRosterSpec(conversationsDir);

export const HEADER = ['名称', '类型', '类别', '地市', '行业（系统）'];

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder under os.tmpdir(), removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bot-roster-'));
  made.push(dir);
  return dir;
}

/** Rows as CSV text (RFC 4180 quoting), lines ended by `eol`. */
export function csvText(rows: string[][], eol = '\r\n'): string {
  const field = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
  return rows.map((row) => row.map(field).join(',')).join(eol) + eol;
}

export function csvFile(rows: string[][], name = 'roster.csv'): { name: string; data: Buffer } {
  return { name, data: Buffer.from(csvText(rows), 'utf8') };
}

/** A real .xlsx written by exceljs; `fill` may add rows, rich text, more sheets. */
export async function xlsxFile(
  rows: unknown[][],
  fill?: (workbook: ExcelJS.Workbook, sheet: ExcelJS.Worksheet) => void,
  name = 'roster.xlsx',
): Promise<{ name: string; data: Buffer }> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('名单');
  for (const row of rows) sheet.addRow(row);
  fill?.(workbook, sheet);
  return { name, data: Buffer.from(await workbook.xlsx.writeBuffer()) };
}
