import { crc32, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { asciiXml, parseRoster } from '../../src/roster/parse.js';
import { readZip, writeZip, type ZipEntry } from '../../src/roster/zip.js';
import { HEADER, spec, xlsxFile } from './helpers.js';

const limits = { maxUnpackedBytes: 10 * 1024 * 1024 };
const entry = (name: string, text: string): ZipEntry => ({ name, content: Buffer.from(text) });

describe('readZip and writeZip', () => {
  it('reads a workbook, and writes it back readable in another order', async () => {
    const { data } = await xlsxFile([HEADER]);
    const entries = readZip(data, limits);
    expect(entries?.map((e) => e.name)).toContain('xl/workbook.xml');
    const reversed = writeZip([...entries!].reverse());
    expect(readZip(reversed, limits)).toEqual([...entries!].reverse());
  });

  it('reads deflated entries whose sizes follow in a data descriptor, with or without its signature', () => {
    for (const signature of [true, false]) {
      const entries = [entry('xl/a.xml', '<a>广州</a>'.repeat(50)), entry('xl/b.xml', '<b/>')];
      expect(readZip(descriptorZip(entries, signature), limits)).toEqual(entries);
    }
  });

  it('refuses a damaged, cut, encrypted or oversized zip', () => {
    const zip = writeZip([entry('xl/a.xml', 'abc'.repeat(1000)), entry('xl/b.xml', '<b/>')]);
    expect(readZip(zip, limits)).not.toBeNull();
    const flipped = Buffer.from(zip);
    flipped[40] = flipped[40]! ^ 0xff;
    expect(readZip(flipped, limits)).toBeNull();
    expect(readZip(zip.subarray(0, zip.length - 10), limits)).toBeNull();
    expect(readZip(zip.subarray(30), limits)).toBeNull();
    const encrypted = Buffer.from(zip);
    encrypted.writeUInt16LE(encrypted.readUInt16LE(6) | 1, 6);
    expect(readZip(encrypted, limits)).toBeNull();
    expect(readZip(zip, { maxUnpackedBytes: 2000 })).toBeNull();
    const bomb = descriptorZip([entry('xl/a.xml', 'a'.repeat(3_000_000))], true);
    expect(bomb.length).toBeLessThan(10_000);
    expect(readZip(bomb, { maxUnpackedBytes: 1_000_000 })).toBeNull();
  });
});

describe('asciiXml', () => {
  it('keeps the text, as references, and turns CDATA into escaped text', () => {
    expect(asciiXml('\ufeff<?xml version="1.0"?><t a="名单">江门<![CDATA[<b>&门</b>]]>𠀾</t>')).toBe(
      '<?xml version="1.0"?><t a="&#21517;&#21333;">&#27743;&#38376;&lt;b&gt;&amp;&#38376;&lt;/b&gt;&#131134;</t>',
    );
  });
});

describe('parseRoster on workbooks of every kind', () => {
  it('keeps Chinese characters whole wherever the reader cuts its chunks (exceljs #2084)', async () => {
    // thousands of distinct names, so the shared strings and the sheet span many 16 KiB chunks
    const rows = Array.from({ length: 3000 }, (_, i) => [`江门市第${i}号社会保险服务大厅`, '青年文明号集体', '', '江门市', '广东人社']);
    const result = await parseRoster(await xlsxFile([HEADER, ...rows]), spec);
    expect(result.problems).toEqual([]);
    expect(result.rows.map((row) => row.name)).toEqual(rows.map((row) => row[0]));
  });

  it('reads a workbook whose zip uses data descriptors, as streaming writers make', async () => {
    const { data } = await xlsxFile([HEADER, ['共青团云浮市委员会', '地市团委', '', '云浮市', '']]);
    const rezipped = descriptorZip(readZip(data, limits)!, true);
    const result = await parseRoster({ name: '名单.xlsx', data: rezipped }, spec);
    expect(result.rows.map((row) => row.name)).toEqual(['共青团云浮市委员会']);
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

/** A zip as streaming writers make it: deflated, flag 3, zeros in the local headers, sizes in a descriptor after the data. */
function descriptorZip(entries: readonly ZipEntry[], signature: boolean): Buffer {
  const parts: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const packed = deflateRawSync(entry.content);
    const crc = crc32(entry.content);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x8, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(name.length, 26);
    const descriptor = Buffer.alloc(signature ? 16 : 12);
    let at = 0;
    if (signature) at = descriptor.writeUInt32LE(0x08074b50, 0);
    at = descriptor.writeUInt32LE(crc, at);
    at = descriptor.writeUInt32LE(packed.length, at);
    descriptor.writeUInt32LE(entry.content.length, at);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x8, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(entry.content.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    parts.push(local, name, packed, descriptor);
    directory.push(central, name);
    offset += local.length + name.length + packed.length + descriptor.length;
  }
  const size = directory.reduce((sum, part) => sum + part.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...directory, end]);
}
