// The groups' store over SQLite: one write per step, compare-and-set on the revision, the message handled
// once, a unit bound to one group, submissions with their versions, writes committed in batches where a
// refused write rolls back alone, on the connection Prisma shares.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { GroupWrite } from '../../src/conversation/store.js';
import { openDatabase, type OpenedDatabase } from '../../src/store/client.js';
import { SqliteGroupStore } from '../../src/store/group-store.js';
import { AT, bound, CONTEXT, UNIT, write } from './group-writes.js';
import { Serial } from '../../src/store/serial.js';
import { migrationsDir, tempDir } from './helpers.js';

let opened: OpenedDatabase | undefined;
afterEach(async () => {
  await opened?.close();
  opened = undefined;
});

async function setUp() {
  const dir = tempDir();
  opened = await openDatabase(`file:${path.join(dir, 'bot.db')}`, migrationsDir);
  const serial = new Serial();
  const store = new SqliteGroupStore(opened.prisma, opened.sqlite, serial, dir);
  await opened.prisma.unit.create({ data: { name: UNIT.name, kind: 'collective', category: 'other', city: '广州市', source: 'roster' } });
  return { store, serial, prisma: opened.prisma, sqlite: opened.sqlite };
}

describe('the groups’ store over SQLite', () => {
  it('refuses a write computed on an older revision, and keeps nothing of it', async () => {
    const { store, prisma } = await setUp();
    await store.write(bound());
    expect(await store.write(bound({ messageId: 'm2', revision: 0 }))).toEqual({ ok: false, reason: 'conflict' });
    expect(await store.isProcessed('m2')).toBe(false);
    expect(
      await store.write(bound({ messageId: 'm2', revision: 1, drafts: [{ formId: 'modelCollective', answers: { commitment: '热情服务' } }] })),
    ).toMatchObject({ ok: true, revision: 2 });
    expect((await prisma.submission.findMany()).map((s) => s.answers)).toEqual(['{"commitment":"热情服务"}']);
  });

  it('creates the unit of a group that registers, and puts its id into the state', async () => {
    const { store, prisma } = await setUp();
    const context = { ...CONTEXT, unit: { ...UNIT, id: 0, name: '新登记的集体', categories: [], city: null } };
    const result = await store.write(write({ unitId: 0, state: { value: 'bound', context }, effects: [{ kind: 'register', name: '新登记的集体' }] }));
    expect(result).toEqual({ ok: true, revision: 1, unitId: 2 });
    expect(await prisma.unit.findUnique({ where: { id: 2 } })).toMatchObject({ name: '新登记的集体', source: 'chat' });
    expect(await store.load('room-1')).toMatchObject({ unitId: 2, state: { context: { unit: { id: 2, name: '新登记的集体' } } } });
  });

  it('keeps every submitted version, and a reopened form as reopened', async () => {
    const { store, prisma } = await setUp();
    const answers = { commitment: '热情服务，真诚奉献' };
    const forms = { modelCollective: { answers, version: 1, submittedAt: AT.getTime(), late: false } };
    const withForms = (revision: number, messageId: string, effects: GroupWrite['effects']) =>
      bound({ revision, messageId, effects, state: { value: 'bound', context: { ...CONTEXT, unit: UNIT, forms } } });
    await store.write(withForms(0, 'a', [{ kind: 'submit', formId: 'modelCollective', late: false }]));
    await store.write(withForms(1, 'b', [{ kind: 'reopen', formId: 'modelCollective' }]));
    expect(await store.savedForms(1)).toEqual({ modelCollective: { answers, status: 'reopened', version: 1, submittedAt: AT.getTime(), late: false } });
    await store.write(withForms(2, 'c', [{ kind: 'submit', formId: 'modelCollective', late: true }]));
    expect(await store.savedForms(1)).toMatchObject({ modelCollective: { status: 'submitted', version: 2, late: true } });
    expect((await prisma.submissionVersion.findMany({ orderBy: { version: 'asc' } })).map((v) => [v.version, v.late])).toEqual([
      [1, false],
      [2, true],
    ]);
    expect((await prisma.auditLog.findMany()).map((a) => a.action)).toEqual(['submission.submitted', 'submission.reopened', 'submission.submitted']);
  });

  it('commits the writes that arrive together in one batch, a refused one rolled back alone', async () => {
    const { store, sqlite } = await setUp();
    const results = await Promise.all([
      store.write(write({ roomId: 'a', messageId: 'a1', sends: { account: '甲', day: '2021-09-20', count: 1 } })),
      store.write(write({ roomId: 'b', messageId: 'b1', revision: 3 })),
      store.write(write({ roomId: 'c', messageId: 'c1', sends: { account: '甲', day: '2021-09-20', count: 1 } })),
    ]);
    expect(results.map((r) => r.ok)).toEqual([true, false, true]);
    expect(await store.load('b')).toBeNull();
    expect(await store.isProcessed('b1')).toBe(false);
    expect(sqlite.prepare('SELECT count FROM SendDay WHERE account = ? AND day = ?').get('甲', '2021-09-20')).toEqual({ count: 2n });
  });

  it('shares Prisma’s connection, and does not read a transaction Prisma has open', async () => {
    const { store, serial, prisma, sqlite } = await setUp();
    // A temporary table lives in one connection only: Prisma sees it, so the connection is the same.
    sqlite.exec('CREATE TEMP TABLE probe (x INTEGER)');
    expect(await prisma.$queryRawUnsafe('SELECT count(*) AS n FROM temp.probe')).toEqual([{ n: 0n }]);

    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const importing = serial.run(() =>
      prisma.$transaction(async (tx) => {
        await tx.unit.create({ data: { name: '导入中的单位', kind: 'collective', source: 'roster' } });
        await held;
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sqlite.inTransaction).toBe(true);
    let read: readonly { name: string }[] | undefined;
    const reading = store.rosterUnits().then((units) => (read = units));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(read).toBeUndefined();
    release();
    await importing;
    await reading;
    expect(read!.map((unit) => unit.name)).toEqual([UNIT.name, '导入中的单位']);
  });
});
