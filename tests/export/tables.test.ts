// 附件1, 附件2 and the public list from a seeded database, read back with exceljs: every cell's text,
// merged ranges, row counts, late marks, the units that have not submitted, scopes, formula-like text.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scope } from '../../src/report/scope.js';
import { createExporter, exportFileName, ExportScopeError, narrowScope, parseExportKind, type ExportData, type Exporter } from '../../src/export/index.js';
import { buildAttachment2Table } from '../../src/export/attachment2.js';
import { buildAttachment1, buildAttachment2, buildPublicList, toBuffer } from '../../src/export/tables.js';
import { PrismaExportStore } from '../../src/store/export-store.js';
import { Serial } from '../../src/store/serial.js';
import { ANSWERS, grid, INJECTION, merges, readWorkbook, seedDatabase, T, testCampaign, zipEntry, type Seeded } from './seed.js';

const NOW = new Date('2021-09-30T05:00:00Z'); // 2021-09-30 13:00 in Guangzhou
const LAYOUT = testCampaign().exports;
const PROVINCE: Scope = { kind: 'province' };
const GZ: Scope = { kind: 'city', city: '广州市' };

let seeded: Seeded;
let exporter: Exporter;

beforeAll(async () => {
  seeded = await seedDatabase();
  exporter = createExporter({ store: new PrismaExportStore(seeded.database.prisma, new Serial()), campaign: testCampaign(), now: () => NOW });
});
afterAll(async () => {
  await seeded.close();
});

/** The exported file and its first sheet (the 清单 has a second, 明细). */
async function sheetOf(kind: 'attachment1' | 'attachment2' | 'list', scope: Scope, options = {}) {
  const file = await exporter.exportFor(kind, scope, options);
  const workbook = await readWorkbook(file.data);
  expect(workbook.worksheets).toHaveLength(kind === 'list' ? 2 : 1);
  return { file, sheet: workbook.worksheets[0]!, workbook };
}

const A1_NOTES = LAYOUT.attachment1.notes.map((note) => [note, '', '']);
const A2_NOTES = LAYOUT.attachment2.notes.map((note) => [note, '', '', '', '']);
const A2_HEAD_20 = ['序号', '第20届国号集体名称', '服务承诺（50字以内）', '服务事项（每项100字以内）', '服务类型'];
const A2_HEAD_MODEL = ['序号', '2021年省级标兵号集体名称', '服务承诺（50字以内）', '服务事项（每项100字以内）', '服务类型'];
const A2_NONE = ['（无）', '', '', '', ''];
const items = (answers: { items: ReadonlyArray<{ content: string; type: string }> }) => answers.items.map((i) => [i.content, i.type]);

describe('附件1 服务事项清单（省级联创行业系统）', () => {
  it('reproduces the notice layout for the province, every cell', async () => {
    const { file, sheet } = await sheetOf('attachment1', PROVINCE);
    expect(file.fileName).toBe('附件1_服务事项清单_全省_20210930.xlsx');
    expect(file.rows).toBe(3);
    expect(sheet.name).toBe('附件1');
    const [i1, i2, i3] = items(ANSWERS.grid);
    expect(grid(sheet)).toEqual([
      ['附件1', '', ''],
      ['服务事项清单', '', ''],
      ['（省级联创行业系统）', '', ''],
      ['填报单位：团省委青发部（全省汇总）', '', ''],
      ['行业（系统）名称', '服务事项（每项100字以内）', '服务类型'],
      ['电力行业', ...i1!],
      ['', ...i2!],
      ['', ...i3!],
      ...A1_NOTES,
    ]);
    expect(merges(sheet)).toEqual(['A2:C2', 'A3:C3', 'A4:C4', 'A6:A8', 'A9:C9', 'A10:C10', 'A11:C11']);
  });

  it('adds the industry bodies that have not submitted as a name with empty cells', async () => {
    const { file, sheet } = await sheetOf('attachment1', PROVINCE, { includeMissing: true });
    expect(file.rows).toBe(4);
    expect(grid(sheet)[8]).toEqual(['广州地铁集团', '', '']);
    expect(sheet.rowCount).toBe(5 + 4 + 3);
  });

  it('gives an industry admin its own system, under its league body as 填报单位', async () => {
    const { file, sheet } = await sheetOf('attachment1', { kind: 'industry', industry: '广东电网' }, { includeMissing: true });
    expect(file.fileName).toBe('附件1_服务事项清单_广东电网_20210930.xlsx');
    const cells = grid(sheet);
    expect(cells[3]![0]).toBe(`填报单位：${T.grid}`);
    expect(cells.slice(5, 8).map((row) => row[0])).toEqual(['电力行业', '', '']);
    expect(file.rows).toBe(3);
  });
});

describe('附件2 服务承诺与服务事项清单（示范集体）', () => {
  it('puts the two kinds of 示范集体 in their sections with the notice headers, every cell', async () => {
    const { file, sheet } = await sheetOf('attachment2', PROVINCE);
    expect(file.fileName).toBe('附件2_服务承诺与服务事项清单_全省_20210930.xlsx');
    expect(file.rows).toBe(3 + 4 + 3);
    const metro = items(ANSWERS.metro1v2);
    const futian = items(ANSWERS.futian);
    const station = items(ANSWERS.station);
    expect(grid(sheet)).toEqual([
      ['附件2', '', '', '', ''],
      ['服务承诺与服务事项清单', '', '', '', ''],
      ['（示范集体）', '', '', '', ''],
      ['填报单位：团省委青发部（全省汇总）', '', '', '', ''],
      A2_HEAD_20,
      // The reopened submission shows its latest submitted version, not the draft being edited.
      ['1', T.metro1, ANSWERS.metro1v2.commitment, ...metro[0]!],
      ['', '', '', ...metro[1]!],
      ['', '', '', ...metro[2]!],
      ['2', T.futian, ANSWERS.futian.commitment, ...futian[0]!],
      ['', '', '', ...futian[1]!],
      ['', '', '', ...futian[2]!],
      ['', '', '', ...futian[3]!],
      A2_HEAD_MODEL,
      ['1', `${T.station}（逾期提交）`, ANSWERS.station.commitment, ...station[0]!],
      ['', '', '', ...station[1]!],
      ['', '', '', ...station[2]!],
      ...A2_NOTES,
    ]);
    expect(merges(sheet)).toEqual([
      'A2:E2',
      'A3:E3',
      'A4:E4',
      'A6:A8',
      'A9:A12',
      'A14:A16',
      'A17:E17',
      'A18:E18',
      'A19:E19',
      'B6:B8',
      'B9:B12',
      'B14:B16',
      'C6:C8',
      'C9:C12',
      'C14:C16',
    ]);
    // 序号 is a number (no "number stored as text" mark in Excel), the other cells text.
    for (const [address, value] of [
      ['A6', 1],
      ['A9', 2],
      ['A14', 1],
    ] as const) {
      const cell = sheet.getCell(address);
      expect(cell.type, address).toBe(ExcelJS.ValueType.Number);
      expect(cell.value).toBe(value);
      expect(cell.numFmt).not.toBe('@');
      expect(cell.alignment.horizontal).toBe('center');
      expect(cell.border.left?.style).toBe('thin');
    }
    expect(sheet.getCell('B6').type).toBe(ExcelJS.ValueType.String);
    // Frozen below the first header, whose row is printed again at the top of every page.
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 5 });
    expect(sheet.pageSetup.printTitlesRow).toBe('5:5');
    // Ordinary collectives (category other) and drafts never submitted are not 示范集体 rows.
    const text = grid(sheet).flat().join('\n');
    expect(text).not.toContain(T.gzOther);
    expect(text).not.toContain(T.gzDraft);
    expect(text).not.toContain('草稿');
    expect(text).not.toContain('旧');
  });

  it('numbers the units that have not submitted in their section, with the name only', async () => {
    const { file, sheet } = await sheetOf('attachment2', PROVINCE, { includeMissing: true });
    expect(file.rows).toBe(10 + 2);
    const cells = grid(sheet);
    // 广州 before 深圳: the collectives are grouped by city in roster order.
    expect(
      cells
        .slice(5)
        .filter((row) => row[0] !== '')
        .map((row) => row.slice(0, 2)),
    ).toEqual([
      ['1', T.metro1],
      ['2', T.gzDraft],
      ['3', T.futian],
      A2_HEAD_MODEL.slice(0, 2),
      ['1', `${T.station}（逾期提交）`],
      ['2', T.szModel],
      ...A2_NOTES.map((row) => row.slice(0, 2)),
    ]);
    expect(cells.find((row) => row[1] === T.gzDraft)).toEqual(['2', T.gzDraft, '', '', '']);
    expect(cells.find((row) => row[1] === T.szModel)).toEqual(['2', T.szModel, '', '', '']);
  });

  it('writes （无） under the header of a section without a collective, not a bare header', async () => {
    const sheet = (await readWorkbook(await toBuffer(buildAttachment2(dataOf([{ content: '延时服务，午间不断档', type: '提高服务质量' }]))))).worksheets[0]!;
    expect(grid(sheet).slice(4, 8)).toEqual([A2_HEAD_20, ['1', '测试集体', '承诺', '延时服务，午间不断档', '提高服务质量'], A2_HEAD_MODEL, A2_NONE]);
    expect(grid(sheet)[8]).toEqual(A2_NOTES[0]);
    expect(merges(sheet)).toContain('A8:E8');
    const none = sheet.getCell('A8');
    expect(none.alignment.horizontal).toBe('center');
    expect(none.border.top?.style).toBe('thin');
    const { file } = await sheetOf('attachment2', { kind: 'industry', industry: '广东电网' });
    expect(grid((await readWorkbook(file.data)).worksheets[0]!).slice(4, 8)).toEqual([A2_HEAD_20, A2_NONE, A2_HEAD_MODEL, A2_NONE]);
    expect(file.rows).toBe(0);
  });

  it('puts a collective that is both 第20届全国 and 2021年标兵号 in each section, numbered in each', async () => {
    const item = { content: '延时服务，午间不断档', type: '提高服务质量' };
    const base = dataOf([item]);
    const both = { ...base.units[0]!, name: '双重集体', categories: ['national20', 'provincialModel'] as const };
    const model = { ...base.units[0]!, id: 2, name: '标兵集体', categories: ['provincialModel'] as const };
    const data: ExportData = { ...base, units: [both, model].map((unit) => ({ ...unit, categories: [...unit.categories] })) };
    const { workbook, rows } = buildAttachment2Table(data);
    expect(grid(workbook.worksheets[0]!).slice(4, 9)).toEqual([
      A2_HEAD_20,
      ['1', '双重集体', '承诺', item.content, item.type],
      A2_HEAD_MODEL,
      ['1', '双重集体', '承诺', item.content, item.type],
      ['2', '标兵集体', '承诺', item.content, item.type],
    ]);
    expect(rows).toBe(3);
    // The 清单 has its items once; 明细 names both categories.
    const list = buildPublicList(data);
    expect(
      grid(list.worksheets[0]!)
        .slice(2)
        .map((row) => row[0]),
    ).toEqual(['双重集体', '标兵集体']);
    expect(grid(list.worksheets[1]!)[1]![3]).toBe('第20届全国青年文明号、2021年广东青年文明号标兵号');
  });

  it('gives a city admin its own city, under its 地市团委 as 填报单位', async () => {
    const { file, sheet } = await sheetOf('attachment2', GZ);
    expect(file.fileName).toBe('附件2_服务承诺与服务事项清单_广州市_20210930.xlsx');
    const cells = grid(sheet);
    expect(cells[3]![0]).toBe(`填报单位：${T.cityGz}`);
    const names = cells.map((row) => row[1]);
    expect(names).toContain(T.metro1);
    expect(names).toContain(`${T.station}（逾期提交）`);
    expect(cells.flat().join('\n')).not.toContain('深圳');
    expect(file.rows).toBe(6);
  });

  it('names 填报单位 after the city when the roster has no 地市团委 for it', async () => {
    const { sheet } = await sheetOf('attachment2', { kind: 'city', city: '深圳市' });
    expect(sheet.getCell('A4').text).toBe('填报单位：深圳市团委');
  });

  it('lets a province admin take one city, and no other admin anything but its own', async () => {
    const { file, sheet } = await sheetOf('attachment2', PROVINCE, { within: { kind: 'city', city: '深圳市' } });
    expect(file.fileName).toContain('_深圳市_');
    expect(grid(sheet).flat().join('\n')).not.toContain('广州');
    await expect(exporter.exportFor('attachment2', GZ, { within: { kind: 'city', city: '深圳市' } })).rejects.toThrow(ExportScopeError);
    expect(narrowScope(GZ, GZ)).toEqual(GZ);
    expect(narrowScope(GZ, undefined)).toEqual(GZ);
    expect(() => narrowScope(GZ, PROVINCE)).toThrow(ExportScopeError);
    expect(() => narrowScope({ kind: 'industry', industry: '广东电网' }, { kind: 'industry', industry: '广东移动' })).toThrow(ExportScopeError);
    expect(narrowScope(PROVINCE, { kind: 'industry', industry: '广东电网' })).toEqual({ kind: 'industry', industry: '广东电网' });
  });
});

describe('清单 (the public list)', () => {
  const TITLE = '2021年广东青年文明号集中服务月 服务事项清单';
  const PUBLIC = ['单位/行业（系统）', '服务承诺', '服务事项', '服务类型'];
  const DETAIL = ['单位', '地市', '行业（系统）', '类别', '服务承诺', '服务事项', '服务类型', '提交时间', '逾期'];
  const publicRows = (name: string, commitment: string) => (item: string[]) => [name, commitment, ...item];

  it('is ready to publish: a title, the public columns, 附件1 industries then the 示范集体 by city', async () => {
    const { file, sheet } = await sheetOf('list', PROVINCE);
    expect(file.fileName).toBe('服务事项公开清单_全省_20210930.xlsx');
    expect(sheet.name).toBe('清单');
    const cells = grid(sheet);
    expect(cells.slice(0, 2)).toEqual([[TITLE, '', '', ''], PUBLIC]);
    // Only 附件1 and the 示范集体 of 附件2: not the ordinary collective (gzOther), nobody unsubmitted, no 逾期 mark.
    expect(cells.slice(2)).toEqual([
      ...items(ANSWERS.grid).map(publicRows('电力行业', '')),
      ...items(ANSWERS.metro1v2).map(publicRows(T.metro1, ANSWERS.metro1v2.commitment)),
      ...items(ANSWERS.station).map(publicRows(T.station, ANSWERS.station.commitment)),
      ...items(ANSWERS.futian).map(publicRows(T.futian, ANSWERS.futian.commitment)),
    ]);
    expect(file.rows).toBe(3 + 3 + 3 + 4);
    expect(merges(sheet)).toEqual(['A1:D1']);
    expect(sheet.getCell('A1').font.size).toBeGreaterThan(sheet.getCell('A2').font.size!);
    // The title stays above the filter; the header row is frozen with it and printed on every page.
    expect(sheet.autoFilter).toBe(`A2:D${2 + file.rows}`);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(sheet.pageSetup.printTitlesRow).toBe('2:2');
  });

  it('keeps every column of the old list on a second sheet, 明细, for the office', async () => {
    const { workbook } = await sheetOf('list', PROVINCE);
    const detail = workbook.worksheets[1]!;
    expect(detail.name).toBe('明细');
    const cells = grid(detail);
    expect(cells[0]).toEqual(DETAIL);
    const row = (name: string, city: string, industry: string, category: string, commitment: string, time: string, late: string) => (item: string[]) => [
      name,
      city,
      industry,
      category,
      commitment,
      ...item,
      time,
      late,
    ];
    const grid1 = row(T.grid, '', '广东电网', '联创行业（系统）团组织', '', '2021-09-27 16:00', '');
    const metro = row(T.metro1, '广州市', '广州地铁集团', '第20届全国青年文明号', ANSWERS.metro1v2.commitment, '2021-09-29 10:30', '');
    const station = row(T.station, '广州市', '广州铁路', '2021年广东青年文明号标兵号', ANSWERS.station.commitment, '2021-10-01 09:00', '是');
    const other = row(T.gzOther, '广州市', '广东卫生健康', '青年文明号集体', ANSWERS.gzOther.commitment, '2021-09-30 11:59', '');
    const futian = row(T.futian, '深圳市', '政务服务', '第20届全国青年文明号', ANSWERS.futian.commitment, '2021-09-28 14:15', '');
    expect(cells.slice(1)).toEqual([
      ...items(ANSWERS.grid).map(grid1),
      ...items(ANSWERS.metro1v2).map(metro),
      ...items(ANSWERS.station).map(station),
      ...items(ANSWERS.gzOther).map(other),
      ...items(ANSWERS.futian).map(futian),
    ]);
    expect(merges(detail)).toEqual([]);
    expect(detail.autoFilter).toBe(`A1:I${cells.length}`);
    expect(detail.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(detail.pageSetup.printTitlesRow).toBe('1:1');
  });

  it('lists the units that have not submitted in 明细 only, with their unit columns', async () => {
    const { file, sheet, workbook } = await sheetOf('list', GZ, { includeMissing: true });
    expect(grid(sheet).flat()).not.toContain(T.gzDraft);
    expect(grid(sheet).flat()).not.toContain(T.metroOrg);
    expect(file.rows).toBe(3 + 3);
    const cells = grid(workbook.worksheets[1]!);
    expect(cells.find((row) => row[0] === T.metroOrg)).toEqual([T.metroOrg, '广州市', '广州地铁集团', '联创行业（系统）团组织', '', '', '', '', '']);
    expect(cells.find((row) => row[0] === T.gzDraft)).toEqual([T.gzDraft, '广州市', '政务服务', '第20届全国青年文明号', '', '', '', '', '']);
    expect(cells.some((row) => row[1] === '深圳市' || row[0] === T.grid)).toBe(false);
    expect(cells).toHaveLength(1 + 1 + 3 + 3 + 3 + 1);
  });
});

describe('text a spreadsheet could run as a formula', () => {
  it('is written as a text cell with the Text format, and reads back as the same plain text', async () => {
    for (const kind of ['attachment2', 'list'] as const) {
      const { file, sheet } = await sheetOf(kind, PROVINCE);
      const cells: ExcelJS.Cell[] = [];
      sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell)));
      for (const text of [INJECTION, '+86 重点旅客预约专线，提前安排接送站', '-为行动不便旅客提供轮椅和担架服务', '@青年志愿者 帮办代办服务']) {
        const cell = cells.find((c) => c.value === text);
        expect(cell, `${kind}: ${text}`).toBeDefined();
        expect(cell!.type).toBe(ExcelJS.ValueType.String);
        expect(cell!.formula).toBeUndefined();
        expect(cell!.numFmt).toBe('@');
      }
      // In the file itself: no formula element anywhere, the text is a shared string.
      const xml = await zipEntry(file.data, 'xl/worksheets/sheet1.xml');
      expect(xml).not.toMatch(/<f[ >]/);
      expect(await zipEntry(file.data, 'xl/sharedStrings.xml')).toContain('=HYPERLINK(&quot;http://evil.example/x&quot;');
    }
  });

  it('keeps tabs and carriage returns as text and drops characters no .xlsx can hold', async () => {
    const data = dataOf([
      { content: '\t=1+1', type: '其他' },
      { content: '\r@SUM(A1)', type: '其他' },
      { content: 'bell\u0007 here', type: '其他' },
    ]);
    const sheet = (await readWorkbook(await toBuffer(buildPublicList(data)))).worksheets[0]!;
    const column = [3, 4, 5].map((r) => sheet.getCell(r, 3));
    expect(column.map((cell) => cell.type)).toEqual([ExcelJS.ValueType.String, ExcelJS.ValueType.String, ExcelJS.ValueType.String]);
    expect(column[0]!.value).toBe('\t=1+1');
    expect(String(column[1]!.value).endsWith('@SUM(A1)')).toBe(true);
    expect(column[2]!.value).toBe('bell here');
  });
});

describe('readable and printable', () => {
  it('sets widths, wrap, borders, a bold header and A4 landscape fitted to the width', async () => {
    for (const kind of ['attachment1', 'attachment2', 'list'] as const) {
      const { sheet } = await sheetOf(kind, PROVINCE);
      const headerRow = kind === 'list' ? 2 : 5;
      const header = sheet.getCell(headerRow, 2);
      expect(header.font.bold).toBe(true);
      expect(header.border.top?.style).toBe('thin');
      const data = sheet.getCell(headerRow + 1, 2);
      expect(data.alignment.wrapText).toBe(true);
      expect(data.border.bottom?.style).toBe('thin');
      expect(sheet.getRow(headerRow + 1).height).toBeGreaterThan(10);
      for (let c = 1; c <= sheet.columnCount; c++) expect(sheet.getColumn(c).width).toBeGreaterThanOrEqual(6);
      expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    }
  });

  it('makes the rows under a long merged commitment tall enough for it', async () => {
    const long = '服务承诺'.repeat(12); // 48 字 in a column of 32
    const data = dataOf(
      [
        { content: '短', type: '其他' },
        { content: '短', type: '其他' },
      ],
      long,
    );
    const sheet = (await readWorkbook(await toBuffer(buildAttachment2(data)))).worksheets[0]!;
    const height = (sheet.getRow(6).height ?? 0) + (sheet.getRow(7).height ?? 0);
    expect(height).toBeGreaterThanOrEqual(4 * 11 * 1.4);
  });
});

describe('pure builders', () => {
  it('write the headers of an empty table, and both 附件2 sections', async () => {
    const empty: ExportData = { reporter: '某单位', units: [], timeZone: 'Asia/Shanghai', generatedAt: NOW, layout: LAYOUT };
    const a1 = grid((await readWorkbook(await toBuffer(buildAttachment1(empty)))).worksheets[0]!);
    expect(a1).toEqual([
      ['附件1', '', ''],
      ['服务事项清单', '', ''],
      ['（省级联创行业系统）', '', ''],
      ['填报单位：某单位', '', ''],
      ['行业（系统）名称', '服务事项（每项100字以内）', '服务类型'],
      ...A1_NOTES,
    ]);
    const a2 = grid((await readWorkbook(await toBuffer(buildAttachment2(empty)))).worksheets[0]!);
    expect(a2.slice(4, 8)).toEqual([A2_HEAD_20, A2_NONE, A2_HEAD_MODEL, A2_NONE]);
    const list = (await readWorkbook(await toBuffer(buildPublicList(empty)))).worksheets.map(grid);
    expect(list.map((sheet) => sheet.length)).toEqual([2, 1]);
  });

  it('name files after the table, the scope and the local date', () => {
    const lateEvening = new Date('2021-09-30T17:30:00Z'); // already 1 October in Guangzhou
    expect(exportFileName('attachment2', GZ, lateEvening, 'Asia/Shanghai', LAYOUT)).toBe('附件2_服务承诺与服务事项清单_广州市_20211001.xlsx');
    expect(exportFileName('list', { kind: 'industry', industry: 'A/B 系统' }, NOW, 'Asia/Shanghai', LAYOUT)).toBe('服务事项公开清单_A_B_系统_20210930.xlsx');
    expect(parseExportKind('附件1', LAYOUT.words)).toBe('attachment1');
    expect(parseExportKind(' 清单 ', LAYOUT.words)).toBe('list');
    expect(parseExportKind('附件3', LAYOUT.words)).toBeUndefined();
    expect(parseExportKind('toString', LAYOUT.words)).toBeUndefined();
  });
});

/** One 第20届 collective with these items, submitted. */
function dataOf(entries: Array<{ content: string; type: string }>, commitment = '承诺'): ExportData {
  return {
    reporter: '测试',
    timeZone: 'Asia/Shanghai',
    generatedAt: NOW,
    layout: LAYOUT,
    units: [
      {
        id: 1,
        name: '测试集体',
        kind: 'collective',
        categories: ['national20'],
        city: '广州市',
        industry: null,
        forms: ['modelCollective'],
        submissions: { modelCollective: { version: 1, answers: { commitment, items: entries }, submittedAt: NOW, late: false, approved: false } },
      },
    ],
  };
}

describe('导出 附件2 已通过', () => {
  it('keeps only the versions their reviewers approved; a version handed in after the approval waits again', async () => {
    const { prisma } = seeded.database;
    const futian = await prisma.unit.findFirstOrThrow({ where: { name: T.futian } });
    const metro = await prisma.unit.findFirstOrThrow({ where: { name: T.metro1 } });
    await prisma.submission.updateMany({ where: { unitId: futian.id, formId: 'modelCollective' }, data: { review: 'approved' } });
    // metro's approval was of an older version than the one it handed in last
    await prisma.submission.updateMany({ where: { unitId: metro.id, formId: 'modelCollective' }, data: { review: 'approved', version: 1 } });
    try {
      const { file, sheet } = await sheetOf('attachment2', PROVINCE, { approvedOnly: true });
      const names = grid(sheet).map((row) => row[1]);
      expect(names).toContain(T.futian);
      expect(names).not.toContain(T.metro1);
      expect(names).not.toContain(`${T.station}（逾期提交）`);
      expect(file.rows).toBe(4);
    } finally {
      await prisma.submission.updateMany({ where: { unitId: { in: [futian.id, metro.id] }, formId: 'modelCollective' }, data: { review: null } });
      await prisma.submission.updateMany({ where: { unitId: metro.id, formId: 'modelCollective' }, data: { version: 2 } });
    }
  });
});
