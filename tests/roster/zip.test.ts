import { describe, expect, it } from 'vitest';
import { parseRoster } from '../../src/roster/parse.js';
import { checkZip } from '../../src/roster/zip-check.js';
import { HEADER, spec, unzip, xlsxFile, zipOf, type ZipPart } from './helpers.js';

const limits = { maxEntries: 10, maxUnpackedBytes: 10 * 1024 * 1024 };
const part = (name: string, text: string): ZipPart => ({ name, content: Buffer.from(text) });

describe('checkZip', () => {
  it('passes a workbook, whatever the order of its parts and wherever its sizes are written', async () => {
    const { data } = await xlsxFile([HEADER]);
    expect(checkZip(data, { ...limits, maxEntries: 100 })).toBe(true);
    const parts = [part('xl/a.xml', '<a>广州</a>'.repeat(50)), part('xl/b.xml', '<b/>')];
    for (const zip of [zipOf(parts), zipOf([...parts].reverse()), zipOf(parts, { descriptor: 'signed' }), zipOf(parts, { descriptor: 'unsigned' })]) {
      expect(checkZip(zip, limits)).toBe(true);
    }
  });

  it('refuses a damaged, cut or encrypted zip', () => {
    const zip = zipOf([part('xl/a.xml', 'abc'.repeat(1000)), part('xl/b.xml', '<b/>')]);
    const flipped = Buffer.from(zip);
    flipped[40] = flipped[40]! ^ 0xff;
    expect(checkZip(flipped, limits)).toBe(false);
    expect(checkZip(zip.subarray(0, zip.length - 10), limits)).toBe(false);
    expect(checkZip(zip.subarray(30), limits)).toBe(false);
    const encrypted = Buffer.from(zip);
    encrypted.writeUInt16LE(encrypted.readUInt16LE(6) | 1, 6);
    const at = encrypted.readUInt32LE(encrypted.length - 6);
    encrypted.writeUInt16LE(encrypted.readUInt16LE(at + 8) | 1, at + 8);
    expect(checkZip(encrypted, limits)).toBe(false);
  });

  it('refuses too many entries, and entries that unpack past the limit, however small they say they are', () => {
    const many = zipOf(Array.from({ length: 11 }, (_, i) => part(`xl/${i}.xml`, '<a/>')));
    expect(checkZip(many, limits)).toBe(false);
    expect(checkZip(many, { ...limits, maxEntries: 11 })).toBe(true);
    const big = zipOf([part('xl/a.xml', 'abc'.repeat(1000))]);
    expect(checkZip(big, { ...limits, maxUnpackedBytes: 2999 })).toBe(false);
    expect(checkZip(big, { ...limits, maxUnpackedBytes: 3000 })).toBe(true);
    // 30 MB of one letter packs to some 30 KB; it claims 1,000 bytes
    const bomb = zipOf([part('xl/a.xml', 'a'.repeat(30_000_000))], { statedSize: 1000 });
    expect(bomb.length).toBeLessThan(200_000);
    expect(checkZip(bomb, limits)).toBe(false);
  });
});

describe('parseRoster on workbooks of every kind', () => {
  it('keeps 3,000 rows of Chinese characters whole (exceljs #2084 breaks them in its streaming reader)', async () => {
    // thousands of distinct names, so the shared strings and the sheet are long
    const rows = Array.from({ length: 3000 }, (_, i) => [`江门市第${i}号社会保险服务大厅`, '青年文明号集体', '', '江门市', '广东人社']);
    const result = await parseRoster(await xlsxFile([HEADER, ...rows]), spec);
    expect(result.problems).toEqual([]);
    expect(result.rows.map((row) => row.name)).toEqual(rows.map((row) => row[0]));
  });

  it('reads a workbook zipped again in another order, or with data descriptors as streaming writers make it', async () => {
    const { data } = await xlsxFile([HEADER, ['共青团云浮市委员会', '地市团委', '', '云浮市', '']]);
    const parts = await unzip(data);
    for (const rezipped of [zipOf([...parts].reverse()), zipOf(parts, { descriptor: 'signed' }), zipOf(parts, { descriptor: 'unsigned' })]) {
      const result = await parseRoster({ name: '名单.xlsx', data: rezipped }, spec);
      expect(result.rows.map((row) => row.name)).toEqual(['共青团云浮市委员会']);
    }
  });

  it('refuses a workbook that unpacks past 50 MB as damaged, without unpacking it, whatever size it claims', async () => {
    const parts = await unzip((await xlsxFile([HEADER, ['共青团云浮市委员会', '地市团委', '', '云浮市', '']])).data);
    const bomb = (stated?: number) => {
      const sheet = parts.find((p) => p.name === 'xl/worksheets/sheet1.xml')!;
      const padded = { name: sheet.name, content: Buffer.concat([sheet.content, Buffer.alloc(60_000_000, 0x20)]) };
      return zipOf([...parts.filter((p) => p !== sheet), padded], stated === undefined ? {} : { statedSize: stated });
    };
    for (const data of [bomb(), bomb(2000)]) {
      expect(data.length).toBeLessThan(1_000_000);
      const started = performance.now();
      const result = await parseRoster({ name: '名单.xlsx', data }, spec);
      expect(result.fatal).toEqual({ key: 'brokenExcel', vars: { file: '名单.xlsx' } });
      expect(performance.now() - started).toBeLessThan(3000);
    }
  });

  it('answers every damaged copy of a workbook with a refusal, never a hang or a stack trace', async () => {
    const { data } = await xlsxFile([HEADER, ...Array.from({ length: 30 }, (_, i) => [`集体${i}`, '青年文明号集体', '', '广州市', ''])]);
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let k = 0; k < 60; k += 1) {
      const damaged = k < 20 ? data.subarray(0, Math.floor((data.length * k) / 20)) : Buffer.from(data);
      if (k >= 20) for (let j = 0; j < 3; j += 1) damaged[Math.floor(random() * damaged.length)] = Math.floor(random() * 256);
      const result = await parseRoster({ name: '名单.xlsx', data: damaged }, spec);
      expect(['empty', 'notSpreadsheet', 'brokenExcel', undefined]).toContain(result.fatal?.key);
    }
  });
});
