// Shared bits of the roster tests: the real roster spec, temp folders, roster files made on the spot, and
// zips taken apart and put together again in the shapes other writers give them.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterEach } from 'vitest';
import { loadCampaign } from '../../src/files/campaign.js';
import { loadRosterSpec } from '../../src/roster/spec.js';

export const projectRoot = path.resolve(import.meta.dirname, '../..');
export const migrationsDir = path.join(projectRoot, 'prisma/migrations');
export const conversationsDir = path.join(projectRoot, 'conversations');
export const fixturesDir = path.join(projectRoot, 'tests/fixtures');
/** The 2021 campaign's categories, which its roster.yaml must name. */
export const CAMPAIGN_CATEGORIES = loadCampaign(conversationsDir).categories;
export const spec = loadRosterSpec(conversationsDir, CAMPAIGN_CATEGORIES);

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

/** One file of a zip. */
export interface ZipPart {
  name: string;
  content: Buffer;
}

/** The files of a zip, in the order it holds them. */
export async function unzip(data: Buffer): Promise<ZipPart[]> {
  const zip = await JSZip.loadAsync(data);
  const files = Object.values(zip.files).filter((file) => !file.dir);
  return Promise.all(files.map(async (file) => ({ name: file.name, content: await file.async('nodebuffer') })));
}

export interface ZipShape {
  /** sizes and CRC-32 in a descriptor after each entry's data, with or without its signature, as streaming writers put them */
  descriptor?: 'signed' | 'unsigned';
  /** the unpacked size every entry claims, whatever it is (a zip bomb's lie) */
  statedSize?: number;
}

/** A zip of the parts in the given order: deflated at the fastest level, no dates. */
export function zipOf(parts: readonly ZipPart[], shape: ZipShape = {}): Buffer {
  const local: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const packed = deflateRawSync(part.content, { level: 1 });
    const crc = crc32(part.content);
    const size = shape.statedSize ?? part.content.length;
    const flags = shape.descriptor ? 0x8 : 0;
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(flags, 6);
    header.writeUInt16LE(8, 8);
    if (!shape.descriptor) {
      header.writeUInt32LE(crc, 14);
      header.writeUInt32LE(packed.length, 18);
      header.writeUInt32LE(size, 22);
    }
    header.writeUInt16LE(name.length, 26);
    const descriptor = Buffer.alloc(shape.descriptor === 'signed' ? 16 : shape.descriptor ? 12 : 0);
    if (shape.descriptor) {
      let at = shape.descriptor === 'signed' ? descriptor.writeUInt32LE(0x08074b50, 0) : 0;
      at = descriptor.writeUInt32LE(crc, at);
      at = descriptor.writeUInt32LE(packed.length, at);
      descriptor.writeUInt32LE(size, at);
    }
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    local.push(header, name, packed, descriptor);
    directory.push(central, name);
    offset += header.length + name.length + packed.length + descriptor.length;
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(
    directory.reduce((sum, part) => sum + part.length, 0),
    12,
  );
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, ...directory, end]);
}
