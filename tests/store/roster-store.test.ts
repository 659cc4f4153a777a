import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRoster, type RosterRow } from '../../src/roster/parse.js';
import { renderImportResult, renderProblemLines, renderSummary } from '../../src/roster/render.js';
import type { ImportScope } from '../../src/roster/store.js';
import { openDatabase, type OpenedDatabase } from '../../src/store/client.js';
import { PrismaRosterStore } from '../../src/store/roster-store.js';
import { Serial } from '../../src/store/serial.js';
import { conversationsDir, csvFile, HEADER, migrationsDir, spec, tempDir } from '../roster/helpers.js';

const T1 = new Date('2021-09-01T02:00:00Z');
const T2 = new Date('2021-09-02T02:00:00Z');
const T3 = new Date('2021-09-03T02:00:00Z');

async function withStore(run: (store: PrismaRosterStore, db: OpenedDatabase) => Promise<void>): Promise<void> {
  const db = await openDatabase(path.join(tempDir(), 'bot.db'), migrationsDir);
  try {
    await run(new PrismaRosterStore(db.prisma, new Serial()), db);
  } finally {
    await db.close();
  }
}

async function rowsOf(rows: string[][]): Promise<RosterRow[]> {
  const result = await parseRoster(csvFile([HEADER, ...rows]), spec);
  expect(result.problems).toEqual([]);
  return result.rows;
}

const BASE = [
  ['共青团广州市委员会', '地市团委', '', '广州市', ''],
  ['广东电网有限责任公司团委', '联创行业团组织', '', '', '广东电网'],
  ['广州地铁运营一中心体育西路站', '青年文明号集体', '第20届全国青年文明号', '广州市', '广州地铁集团'],
  ['深圳市福田区政务服务中心', '青年文明号集体', '', '深圳市', ''],
];

const unitsOf = (db: OpenedDatabase) => db.prisma.unit.findMany({ orderBy: { id: 'asc' } });
const auditsOf = (db: OpenedDatabase) => db.prisma.auditLog.findMany({ orderBy: { id: 'asc' } });

describe('PrismaRosterStore.importRows', () => {
  it('creates every unit of a fresh import, with an audit row', async () => {
    await withStore(async (store, db) => {
      const result = await store.importRows(await rowsOf(BASE), { actor: 'cli:admin', at: T1, fileName: '名单.csv', rejectedRows: 2 });
      expect(result).toEqual({ created: 4, updated: 0, unchanged: 0, reconciled: 0 });
      expect(renderImportResult(spec, result)).toBe('名单已导入：新增4个，更新0个，未变0个，与群里自报的单位对应上0个。');
      const units = await unitsOf(db);
      expect(units.map(({ name, kind, category, city, industry, source, rosterKey }) => ({ name, kind, category, city, industry, source, rosterKey }))).toEqual(
        [
          {
            name: '共青团广州市委员会',
            kind: 'cityOrg',
            category: null,
            city: '广州市',
            industry: null,
            source: 'roster',
            rosterKey: 'cityOrg|广州|共青团广州市委员会',
          },
          {
            name: '广东电网有限责任公司团委',
            kind: 'industryOrg',
            category: null,
            city: null,
            industry: '广东电网',
            source: 'roster',
            rosterKey: 'industryOrg||广东电网有限责任公司团委',
          },
          {
            name: '广州地铁运营一中心体育西路站',
            kind: 'collective',
            category: 'national20',
            city: '广州市',
            industry: '广州地铁集团',
            source: 'roster',
            rosterKey: 'collective|广州|广州地铁运营一中心体育西路站',
          },
          {
            name: '深圳市福田区政务服务中心',
            kind: 'collective',
            category: 'other',
            city: '深圳市',
            industry: null,
            source: 'roster',
            rosterKey: 'collective|深圳|深圳市福田区政务服务中心',
          },
        ],
      );
      expect(units.every((unit) => unit.createdAt.getTime() === T1.getTime() && unit.updatedAt.getTime() === T1.getTime())).toBe(true);
      const audits = await auditsOf(db);
      expect(audits.map((row) => [row.actor, row.action, row.at.getTime(), JSON.parse(row.detail)])).toEqual([
        [
          'cli:admin',
          'roster.imported',
          T1.getTime(),
          {
            fileName: '名单.csv',
            rows: 4,
            rejectedRows: 2,
            created: 4,
            updated: 0,
            unchanged: 0,
            reconciled: 0,
            // where the rows lie, so that 日志 shows the import to the admins of those cities and industries
            cities: ['广州市', '深圳市'],
            industries: ['广东电网', '广州地铁集团'],
          },
        ],
      ]);
    });
  });

  it('changes nothing when the same file is imported again: counts and updatedAt', async () => {
    await withStore(async (store, db) => {
      const rows = await rowsOf(BASE);
      await store.importRows(rows, { actor: 'a', at: T1 });
      const before = await unitsOf(db);
      expect(await store.importRows(rows, { actor: 'a', at: T2 })).toEqual({ created: 0, updated: 0, unchanged: 4, reconciled: 0 });
      expect(await unitsOf(db)).toEqual(before);
    });
  });

  it('updates a changed row in place, and keys rows spelled a little differently to the same unit', async () => {
    await withStore(async (store, db) => {
      await store.importRows(await rowsOf(BASE), { actor: 'a', at: T1 });
      const before = await unitsOf(db);
      const changed = [
        BASE[0]!,
        BASE[1]!,
        ['广州地铁运营一中心体育西路站', '青年文明号集体', '标兵号', '广州', '广州地铁集团'], // category, and 广州 for 广州市
        ['深圳市福田区 政务服务中心', '青年文明号集体', '', '深圳市', ''], // a space in the name
      ];
      expect(await store.importRows(await rowsOf(changed), { actor: 'a', at: T2 })).toEqual({ created: 0, updated: 2, unchanged: 2, reconciled: 0 });
      const after = await unitsOf(db);
      expect(after.map((unit) => unit.id)).toEqual(before.map((unit) => unit.id));
      expect(after[2]).toMatchObject({ category: 'provincialModel', city: '广州', updatedAt: T2 });
      expect(after[3]).toMatchObject({ name: '深圳市福田区 政务服务中心', updatedAt: T2 });
      expect(after[0]).toEqual(before[0]);
    });
  });

  it('never deletes a unit missing from a later file', async () => {
    await withStore(async (store, db) => {
      await store.importRows(await rowsOf(BASE), { actor: 'a', at: T1 });
      expect(await store.importRows(await rowsOf([BASE[0]!]), { actor: 'a', at: T2 })).toEqual({ created: 0, updated: 0, unchanged: 1, reconciled: 0 });
      expect(await db.prisma.unit.count()).toBe(4);
    });
  });

  it('reconciles a unit created in a chat: it takes the roster row and keeps its id, group and submission', async () => {
    await withStore(async (store, db) => {
      const chat = await db.prisma.unit.create({ data: { name: '广州地铁运营一中心体育西路站', kind: 'collective', source: 'chat', createdAt: T1 } });
      await db.prisma.room.create({ data: { id: 'room-1', topic: '体育西路站青年文明号', unitId: chat.id, boundAt: T1 } });
      await db.prisma.submission.create({ data: { unitId: chat.id, formId: 'modelCollective', answers: '{"commitment":"热情周到"}' } });

      const result = await store.importRows(await rowsOf(BASE), { actor: 'admin-1', at: T2, fileName: '名单.csv' });
      expect(result).toEqual({ created: 3, updated: 0, unchanged: 0, reconciled: 1 });
      const unit = await db.prisma.unit.findUniqueOrThrow({ where: { id: chat.id } });
      expect(unit).toMatchObject({
        source: 'roster',
        rosterKey: 'collective|广州|广州地铁运营一中心体育西路站',
        category: 'national20',
        city: '广州市',
        industry: '广州地铁集团',
        createdAt: T1,
        updatedAt: T2,
      });
      expect((await db.prisma.room.findUniqueOrThrow({ where: { id: 'room-1' } })).unitId).toBe(chat.id);
      expect(await db.prisma.submission.count({ where: { unitId: chat.id } })).toBe(1);
      expect(await db.prisma.unit.count()).toBe(4);
      const audits = await auditsOf(db);
      expect(audits.map((row) => row.action)).toEqual(['roster.reconciled', 'roster.imported']);
      expect(JSON.parse(audits[0]!.detail)).toEqual({
        unitId: chat.id,
        chatName: '广州地铁运营一中心体育西路站',
        rosterKey: 'collective|广州|广州地铁运营一中心体育西路站',
        row: 4,
        fileName: '名单.csv',
      });
      // the next import finds it by its key
      expect(await store.importRows(await rowsOf(BASE), { actor: 'a', at: T3 })).toEqual({ created: 0, updated: 0, unchanged: 4, reconciled: 0 });
    });
  });

  it('does not guess when two roster rows share the chat unit name', async () => {
    await withStore(async (store, db) => {
      const chat = await db.prisma.unit.create({ data: { name: '市民服务中心', kind: 'collective', source: 'chat' } });
      const rows = await rowsOf([
        ['市民服务中心', '青年文明号集体', '', '珠海市', ''],
        ['市民服务中心', '青年文明号集体', '', '中山市', ''],
      ]);
      expect(await store.importRows(rows, { actor: 'a', at: T1 })).toEqual({ created: 2, updated: 0, unchanged: 0, reconciled: 0 });
      expect(await db.prisma.unit.findUniqueOrThrow({ where: { id: chat.id } })).toMatchObject({ source: 'chat', rosterKey: null, city: null });
    });
  });

  it('imports all or nothing: a failure in the middle leaves the units as they were', async () => {
    await withStore(async (store, db) => {
      await store.importRows(await rowsOf(BASE), { actor: 'a', at: T1 });
      const before = await unitsOf(db);
      const rows = await rowsOf([
        ['广州地铁运营一中心体育西路站', '青年文明号集体', '其他', '广州市', '广州地铁集团'], // an update, written first
        ['新集体甲', '青年文明号集体', '', '佛山市', ''],
        ['新集体乙', '青年文明号集体', '', '佛山市', ''],
      ]);
      // a row the database refuses (kind is required), as a failure in the middle of the import
      const broken = [rows[0]!, rows[1]!, { ...rows[2]!, kind: null } as unknown as RosterRow];
      await expect(store.importRows(broken, { actor: 'a', at: T2 })).rejects.toThrow();
      expect(await unitsOf(db)).toEqual(before);
      expect((await auditsOf(db)).map((row) => row.action)).toEqual(['roster.imported']);
      // the store still works afterwards
      expect(await store.importRows(rows, { actor: 'a', at: T2 })).toEqual({ created: 2, updated: 1, unchanged: 0, reconciled: 0 });
    });
  });
});

describe('PrismaRosterStore.importRows with a scope', () => {
  /** The scope of a Guangzhou admin: its rows, 广州 read as 广州市, and its units. */
  const GUANGZHOU: ImportScope = {
    label: '广州市',
    admit: (row) => (row.city?.replace(/市$/, '') === '广州' ? { ...row, city: '广州市' } : undefined),
    allows: (unit) => unit.city === '广州市',
    place: (unit) => [unit.city, unit.industry].filter((part) => part !== null).join('、') || '（未填地市）',
  };
  const GUANGZHOU_ROWS = [
    ['广州地铁运营一中心体育西路站', '青年文明号集体', '标兵号', '广州', '广州地铁集团'], // an update, 广州 for 广州市
    ['深圳市福田区政务服务中心', '青年文明号集体', '全国', '深圳市', '政务服务'], // another city's unit
    ['深圳新设集体', '青年文明号集体', '', '深圳市', ''], // a new unit of another city
    ['广州新设集体', '青年文明号集体', '', '广州市', ''],
    ['东站客运班组', '青年文明号集体', '', '广州市', ''], // the name of a unit a group registered
  ];

  it('writes the rows and units inside the scope only, and names the others with the reason', async () => {
    await withStore(async (store, db) => {
      await store.importRows(await rowsOf(BASE), { actor: 'a', at: T1 });
      const chat = await db.prisma.unit.create({ data: { name: '东站客运班组', kind: 'collective', source: 'chat', createdAt: T1 } });
      const before = await unitsOf(db);
      const rows = await rowsOf(GUANGZHOU_ROWS);

      // checked before anything is written, as the chat does when the file arrives
      const check = await store.checkScope(rows, GUANGZHOU);
      expect(check.rows.map((row) => [row.name, row.city])).toEqual([
        ['广州地铁运营一中心体育西路站', '广州市'],
        ['广州新设集体', '广州市'],
      ]);
      const refused = renderProblemLines(spec, check.refused);
      expect(refused).toEqual([
        '第3行：“深圳市福田区政务服务中心”属于深圳市、政务服务，不在您的范围（广州市）内',
        '第4行：“深圳新设集体”属于深圳市，不在您的范围（广州市）内',
        '第6行：“东站客运班组”与群里自报的单位同名，只有全省管理员可以把它对应到名单',
      ]);
      expect(await unitsOf(db)).toEqual(before);

      const result = await store.importRows(rows, { actor: 'wxid_gz', at: T2, scope: GUANGZHOU });
      expect(result).toEqual({ created: 1, updated: 1, unchanged: 0, reconciled: 0, refused: check.refused });
      expect(renderImportResult(spec, result).split('\n')).toEqual(['名单已导入：新增1个，更新1个，未变0个，与群里自报的单位对应上0个。', ...refused]);
      const after = await unitsOf(db);
      expect(after).toHaveLength(before.length + 1);
      // the Shenzhen unit, and the unit a group registered, are as they were
      expect(after.find((unit) => unit.name === '深圳市福田区政务服务中心')).toEqual(before.find((unit) => unit.name === '深圳市福田区政务服务中心'));
      expect(after.find((unit) => unit.id === chat.id)).toEqual(before.find((unit) => unit.id === chat.id));
      expect(after.some((unit) => unit.name === '深圳新设集体')).toBe(false);
      // the admin's own unit changed, and stays in its city
      expect(after.find((unit) => unit.name === '广州地铁运营一中心体育西路站')).toMatchObject({ category: 'provincialModel', city: '广州市' });
      const audits = await auditsOf(db);
      expect(JSON.parse(audits.at(-1)!.detail)).toMatchObject({
        rows: 2,
        rejectedRows: 3,
        created: 1,
        updated: 1,
        cities: ['广州市'],
        industries: ['广州地铁集团'],
      });
    });
  });

  it('refuses a row whose key finds a unit outside the scope', async () => {
    await withStore(async (store, db) => {
      // the province wrote 广州 for the city: that unit is not the Guangzhou admin's to change
      await store.importRows(await rowsOf([['广州东站派出所', '青年文明号集体', '', '广州', '广东公安']]), { actor: 'a', at: T1 });
      const before = await unitsOf(db);
      const result = await store.importRows(await rowsOf([['广州东站派出所', '青年文明号集体', '全国', '广州市', '广东公安']]), {
        actor: 'wxid_gz',
        at: T2,
        scope: GUANGZHOU,
      });
      expect(result).toMatchObject({ created: 0, updated: 0, unchanged: 0 });
      expect(renderProblemLines(spec, result.refused!)).toEqual(['第2行：名单中已有的“广州东站派出所”属于广州、广东公安，不在您的范围（广州市）内，不能修改']);
      expect(await unitsOf(db)).toEqual(before);
    });
  });
});

describe('PrismaRosterStore pending imports', () => {
  it('keeps a checked file for its admin, and hands it over once', async () => {
    await withStore(async (store) => {
      const parse = await parseRoster(csvFile([HEADER, BASE[0]!, ['集体', '青年文明', '', '广州市', '']]), spec);
      expect(parse.problems).toHaveLength(1);
      await store.savePending('admin-1', '名单.csv', parse, T1);
      expect(await store.takePending('admin-2')).toBeNull();
      expect(await store.takePending('admin-1')).toEqual({
        adminId: 'admin-1',
        fileName: '名单.csv',
        rows: parse.rows,
        problems: parse.problems,
        createdAt: T1,
      });
      expect(await store.takePending('admin-1')).toBeNull();
    });
  });

  it('replaces an earlier pending file, and refuses to keep a refused one', async () => {
    await withStore(async (store) => {
      const first = await parseRoster(csvFile([HEADER, BASE[0]!]), spec);
      const second = await parseRoster(csvFile([HEADER, BASE[1]!]), spec);
      await store.savePending('admin-1', '一.csv', first, T1);
      await store.savePending('admin-1', '二.csv', second, T2);
      expect(await store.takePending('admin-1')).toMatchObject({ fileName: '二.csv', rows: second.rows, createdAt: T2 });
      const refused = await parseRoster({ name: 'x.csv', data: Buffer.alloc(0) }, spec);
      await expect(store.savePending('admin-1', 'x.csv', refused, T1)).rejects.toThrow();
    });
  });
});

describe('PrismaRosterStore.summary', () => {
  it('counts the sample roster by kind, category, city and industry', async () => {
    await withStore(async (store, db) => {
      await db.prisma.unit.create({ data: { name: '群里自报的集体', kind: 'collective', source: 'chat' } });
      const parse = await parseRoster({ name: 'sample-roster.csv', data: readFileSync(path.join(conversationsDir, 'sample-roster.csv')) }, spec);
      expect(await store.importRows(parse.rows, { actor: 'a', at: T1 })).toMatchObject({ created: 341 });
      const summary = await store.summary(Object.keys(spec.categories));
      expect(summary.total).toBe(342);
      expect(summary.fromChat).toBe(1);
      expect(summary.byKind).toEqual({ collective: 301, industryOrg: 20, cityOrg: 21 });
      const { national20 = 0, provincialModel = 0, other = 0, unset = 0 } = summary.byCategory;
      expect(national20 + provincialModel + other).toBe(300);
      expect(unset).toBe(1);
      expect(national20).toBeGreaterThan(10);
      expect(provincialModel).toBeGreaterThan(national20);
      expect(other).toBeGreaterThan(provincialModel);
      expect(summary.byCity[0]).toEqual({ value: '广州市', count: parse.rows.filter((row) => row.city === '广州市').length });
      expect(summary.byCity.reduce((sum, count) => sum + count.count, 0)).toBe(342);
      expect(summary.byCity.map((count) => count.value)).toContain(null);
      expect(summary.byIndustry.find((count) => count.value === '广州地铁集团')?.count).toBe(
        parse.rows.filter((row) => row.industry === '广州地铁集团').length,
      );

      const text = renderSummary(spec, summary).split('\n');
      expect(text[0]).toBe('名单共342个单位（其中群里自报、尚未对应名单的1个）。');
      expect(text[1]).toBe('按类型：“青年文明号集体”301个、“联创行业团组织”20个、“地市团委”21个');
      expect(text[2]).toBe(
        `青年文明号集体按类别：“第20届全国青年文明号”${national20}个、“2021年广东青年文明号标兵号”${provincialModel}个、“其他”${other}个、“未填”1个`,
      );
      expect(text[3]).toMatch(/^按地市：“广州市”\d+个、/);
      expect(text[4]).toMatch(/^按行业（系统）：/);
    });
  });

  it('keeps a collective of two categories as both, and counts it in each', async () => {
    await withStore(async (store, db) => {
      const rows = [['广州南站青年文明号', '青年文明号集体', '第20届全国青年文明号、2021年广东青年文明号标兵号', '广州市', '']];
      await store.importRows(await rowsOf(rows), { actor: 'a', at: T1 });
      expect((await unitsOf(db))[0]).toMatchObject({ category: 'national20,provincialModel' });
      expect((await store.summary(Object.keys(spec.categories))).byCategory).toEqual({ national20: 1, provincialModel: 1, other: 0, unset: 0 });
      // the same row again changes nothing
      expect(await store.importRows(await rowsOf(rows), { actor: 'a', at: T2 })).toMatchObject({ unchanged: 1 });
    });
  });

  it('summarises an empty roster', async () => {
    await withStore(async (store) => {
      const summary = await store.summary(Object.keys(spec.categories));
      expect(summary).toEqual({
        total: 0,
        fromChat: 0,
        byKind: { collective: 0, industryOrg: 0, cityOrg: 0 },
        byCategory: { national20: 0, provincialModel: 0, other: 0, unset: 0 },
        byCity: [],
        byIndustry: [],
      });
      expect(renderSummary(spec, summary).split('\n')[1]).toBe('按类型：无');
    });
  });
});
