// The activity briefs as a zip: the workbook listing them, a folder of files per unit with names Windows
// takes, the scope, files that are gone, and the parts a zip too large to send is cut into.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isGbkSafe } from '../../src/export/file-names.js';
import { createExporter, ExportScopeError, type BriefsExport, type Exporter } from '../../src/export/index.js';
import { PrismaExportStore } from '../../src/store/export-store.js';
import { Serial } from '../../src/store/serial.js';
import { BRIEF, GZ_FILES, INDEX_NAME, openZip, seedBriefs, type SeededBriefs } from './seed-briefs.js';
import { seedDatabase, T, testCampaign, type Seeded } from './seed.js';

const NOW = new Date('2021-10-30T04:00:00Z');
const HEADER = ['单位', '地市', '行业（系统）', '类型', '简介', '推文链接', '文件', '提交时间'];
const PROVINCE = { kind: 'province' } as const;

let seeded: Seeded;
let briefs: SeededBriefs;
let exporter: Exporter;

beforeAll(async () => {
  seeded = await seedDatabase();
  const campaign = testCampaign();
  briefs = await seedBriefs(seeded, campaign);
  exporter = createExporter({ store: new PrismaExportStore(seeded.database.prisma, new Serial()), campaign, now: () => NOW, dataDir: seeded.dir });
});

afterAll(async () => {
  await seeded?.close();
});

/** The whole zip, as the chat would send it when it fits. */
async function whole(result: BriefsExport): Promise<Buffer> {
  const parts = result.parts(Number.MAX_SAFE_INTEGER)!;
  expect(parts).toHaveLength(1);
  expect(parts[0]!.fileName).toBe(result.fileName);
  return parts[0]!.data();
}

const gzPaths = GZ_FILES.filter((file) => file.inZip).map((file) => `${T.cityGz}/${file.inZip}`);

describe('the briefs zip', () => {
  it('holds the workbook and every file of each brief in a folder per unit, named for Windows', async () => {
    const result = await exporter.exportBriefs(PROVINCE);
    expect(result).toMatchObject({ fileName: '活动简报或推文_全省_20211030.zip', rows: 4, submitted: 4, files: 8, missing: 2 });
    const zip = await openZip(await whole(result));
    expect(zip.names).toEqual([INDEX_NAME, ...gzPaths, `${T.metro1}/站厅服务.jpg`, `${T.futian}/big.mp4`]);
    for (const name of zip.names) {
      expect(await zip.content(name).then((data) => data.length)).toBeGreaterThan(0);
      if (name !== INDEX_NAME) expect((await zip.content(name)).equals(briefs.files.get(name)!), name).toBe(true);
      // No part of a path climbs out, and GBK can write every character.
      expect(
        name.split('/').every((part) => part !== '..' && part !== '.' && !part.endsWith('.') && part.trim() === part),
        name,
      ).toBe(true);
      expect([...name].every(isGbkSafe), name).toBe(true);
      // The UTF-8 flag on every name that is not plain ASCII.
      expect(zip.utf8.get(name), name).toBe(/[^\x00-\x7f]/.test(name));
    }
  });

  it('lists each brief once, with its latest submitted version, its links and files one per line', async () => {
    const { index } = await openZip(await whole(await exporter.exportBriefs(PROVINCE)));
    expect(index[0]).toEqual(HEADER);
    expect(index.slice(1).map((row) => row[0])).toEqual([T.cityGz, T.grid, T.metro1, T.futian]);
    const [gz, grid, metro, futian] = index.slice(1);
    expect(gz).toEqual([
      T.cityGz,
      '广州市',
      '',
      '地市团委',
      BRIEF.gzSummary,
      BRIEF.gzLinks.join('\n'),
      GZ_FILES.map((file) => (file.inZip ? `${T.cityGz}/${file.inZip}` : `${file.sent}（文件缺失）`)).join('\n'),
      '2021-10-28 10:00',
    ]);
    // A link and nothing else is a whole brief.
    expect(grid).toEqual([T.grid, '', '广东电网', '联创行业（系统）团组织', '', BRIEF.gridLink, '', '2021-10-27 17:00']);
    // The second version, late; not the first, not the reopened draft's extra picture.
    expect(metro).toEqual([
      T.metro1,
      '广州市',
      '广州地铁集团',
      '第20届全国青年文明号',
      BRIEF.metroSummary,
      '',
      `${T.metro1}/站厅服务.jpg`,
      '2021-10-30 10:00（逾期提交）',
    ]);
    // Another unit's file named in an answer is not handed out: it shows as missing.
    expect(futian![6]).toBe(`${T.futian}/big.mp4\nphoto.png（文件缺失）`);
  });

  it('lists the units that owe a brief and have not sent one, with 含未交', async () => {
    const result = await exporter.exportBriefs(PROVINCE, { includeMissing: true });
    expect(result).toMatchObject({ rows: 8, submitted: 4 });
    const { index } = await openZip(await whole(result));
    const station = index.find((row) => row[0] === T.station)!;
    expect(station).toEqual([T.station, '广州市', '广州铁路', '2021年广东青年文明号标兵号', '', '', '', '未提交']);
    // A collective of no demonstration category owes no brief.
    expect(index.map((row) => row[0])).not.toContain(T.gzOther);
  });

  it('is scoped like the tables: a city, an industry, and never another city for a city admin', async () => {
    const sz = await exporter.exportBriefs(PROVINCE, { within: { kind: 'city', city: '深圳市' } });
    expect(sz.fileName).toBe('活动简报或推文_深圳市_20211030.zip');
    expect((await openZip(await whole(sz))).names).toEqual([INDEX_NAME, `${T.futian}/big.mp4`]);
    const grid = await openZip(await whole(await exporter.exportBriefs(PROVINCE, { within: { kind: 'industry', industry: '广东电网' } })));
    expect(grid.names).toEqual([INDEX_NAME]);
    expect(grid.index.slice(1).map((row) => row[0])).toEqual([T.grid]);
    const gzAdmin = { kind: 'city', city: '广州市' } as const;
    expect((await exporter.exportBriefs(gzAdmin)).rows).toBe(2);
    await expect(exporter.exportBriefs(gzAdmin, { within: { kind: 'city', city: '深圳市' } })).rejects.toThrow(ExportScopeError);
  });

  it('streams the same zip for a file', async () => {
    const result = await exporter.exportBriefs(PROVINCE);
    const chunks: Buffer[] = [];
    for await (const chunk of result.stream()) chunks.push(chunk as Buffer);
    const streamed = Buffer.concat(chunks);
    expect(streamed.length).toBeLessThanOrEqual(result.size);
    expect((await openZip(streamed)).names).toEqual((await openZip(await whole(result))).names);
  });
});

/** A part's zip: within the limit, its workbook naming just the files it holds; its files. */
async function partFiles(data: Buffer, limit: number, part: { rows: number; files: number }): Promise<string[]> {
  expect(data.length).toBeLessThanOrEqual(limit);
  const zip = await openZip(data);
  const files = zip.names.filter((name) => name !== INDEX_NAME);
  expect(files).toHaveLength(part.files);
  expect(zip.index.length - 1).toBe(part.rows);
  const listed = zip.index.slice(1).flatMap((row) => row[6]!.split('\n'));
  expect(listed.filter((line) => !line.endsWith('（文件缺失）') && line !== '')).toEqual(files);
  return files;
}

const folderOf = (name: string) => name.split('/')[0]!;

describe('a zip too large to send at once', () => {
  it('is cut into parts under the limit, each with its own workbook, a unit’s files kept together where they fit', async () => {
    const result = await exporter.exportBriefs(PROVINCE);
    const limit = 95_000;
    const parts = result.parts(limit)!;
    expect(parts.map((part) => part.fileName)).toEqual([
      '活动简报或推文_全省_20211030_第1部分（共2部分）.zip',
      '活动简报或推文_全省_20211030_第2部分（共2部分）.zip',
    ]);
    const [first, second] = await Promise.all(parts.map(async (part) => partFiles(await part.data(), limit, part)));
    expect([...first!, ...second!]).toEqual([...gzPaths, `${T.metro1}/站厅服务.jpg`, `${T.futian}/big.mp4`]);
    // No unit's folder in both.
    expect(first!.map(folderOf).filter((folder) => second!.map(folderOf).includes(folder))).toEqual([]);
  });

  it('spreads the files of a unit larger than a part over several parts', async () => {
    const result = await exporter.exportBriefs(PROVINCE, { within: { kind: 'city', city: '广州市' } });
    const limit = 50_000;
    const parts = result.parts(limit)!;
    expect(parts.length).toBeGreaterThan(2);
    const each: string[][] = [];
    for (const part of parts) each.push(await partFiles(await part.data(), limit, part));
    expect(each.flat()).toEqual([...gzPaths, `${T.metro1}/站厅服务.jpg`]);
    expect(each.filter((files) => files.some((name) => folderOf(name) === T.cityGz)).length).toBeGreaterThan(1);
  });

  it('cannot be cut when one file alone does not fit in a part', async () => {
    const result = await exporter.exportBriefs(PROVINCE);
    expect(result.parts(40_000)).toBeUndefined();
    expect(result.size).toBeGreaterThan(8 * 10_000 + 20_000);
  });
});
