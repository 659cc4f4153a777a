// One contract, two stores: what the conversation asks of its storage (src/conversation/store.ts) holds
// alike for the SQLite store the bot runs on and the in-memory one the conversation tests use, so a test
// that passes on the memory store says something about the bot.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { GroupStore, GroupWrite } from '../../src/conversation/store.js';
import { openDatabase, type OpenedDatabase } from '../../src/store/client.js';
import { SqliteGroupStore } from '../../src/store/group-store.js';
import { AT, bound, CONTEXT, UNIT, write } from './group-writes.js';
import { Serial } from '../../src/store/serial.js';
import { MemoryStore } from '../support/memory-store.js';
import { tempDir } from './helpers.js';

let opened: OpenedDatabase | undefined;
afterEach(async () => {
  await opened?.close();
  opened = undefined;
});

/** Each store with the same roster: one unit, 广州地铁运营一中心青年文明号, id 1. */
const stores: [string, () => Promise<GroupStore>][] = [
  [
    'SQLite',
    async () => {
      const dir = tempDir();
      opened = await openDatabase(`file:${path.join(dir, 'bot.db')}`);
      await opened.prisma.unit.create({ data: { name: UNIT.name, kind: 'collective', category: 'other', city: '广州市', source: 'roster' } });
      return new SqliteGroupStore(opened.prisma, opened.sqlite, new Serial(), dir);
    },
  ],
  [
    'memory',
    async () => {
      const store = new MemoryStore();
      store.addRosterUnit(UNIT.name, { city: '广州市' });
      return store;
    },
  ],
];

describe.each(stores)('the groups’ store contract: %s', (_name, make) => {
  it('writes a row with its revision and reads it back, the message handled and the unit bound', async () => {
    const store = await make();
    expect(await store.load('room-1')).toBeNull();
    const binds = bound({ effects: [{ kind: 'bind', unitId: 1 }], seen: { topic: '一中心群', members: ['李华'], memberIds: ['wxid_li'] } });
    expect(await store.write(binds)).toEqual({ ok: true, revision: 1, unitId: null });
    expect(await store.load('room-1')).toMatchObject({
      roomId: 'room-1',
      revision: 1,
      version: '2.test',
      unitId: 1,
      ownerId: 'u1',
      ownerName: '李华',
      formId: 'modelCollective',
      state: { value: 'bound' },
    });
    expect(await store.isProcessed('m1')).toBe(true);
    expect(await store.isProcessed('m2')).toBe(false);
    expect(await store.roomsOfUnit(1)).toEqual(['room-1']);
    expect(await store.bindings([1, 2])).toEqual(new Map([[1, { roomId: 'room-1', topic: '一中心群' }]]));
    expect(await store.boundRoomsWithTopic('一中心群')).toMatchObject([{ roomId: 'room-1', unitId: 1, members: ['李华'], memberIds: ['wxid_li'] }]);
  });

  it('refuses a write on an older revision, a message handled twice and a unit bound elsewhere, keeping nothing of them', async () => {
    const store = await make();
    await store.write(bound());
    expect(await store.write(bound({ messageId: 'm2', revision: 0 }))).toEqual({ ok: false, reason: 'conflict' });
    expect(await store.isProcessed('m2')).toBe(false);
    expect(await store.write(bound({ revision: 1 }))).toEqual({ ok: false, reason: 'duplicate' });
    expect(await store.write(bound({ roomId: 'room-2', messageId: 'm9', effects: [{ kind: 'bind', unitId: 1 }] }))).toEqual({ ok: false, reason: 'taken' });
    expect(await store.load('room-2')).toBeNull();
    expect(await store.isProcessed('m9')).toBe(false);
    expect((await store.load('room-1'))?.revision).toBe(1);
  });

  it('creates the unit of a group that registers, outside the roster, and puts its id into the state', async () => {
    const store = await make();
    const context = { ...CONTEXT, unit: { ...UNIT, id: 0, name: '新登记的集体', categories: [], city: null } };
    expect(await store.write(write({ unitId: 0, state: { value: 'bound', context }, effects: [{ kind: 'register', name: '新登记的集体' }] }))).toEqual({
      ok: true,
      revision: 1,
      unitId: 2,
    });
    expect(await store.load('room-1')).toMatchObject({ unitId: 2, state: { context: { unit: { id: 2, name: '新登记的集体' } } } });
    expect(await store.unit(2)).toMatchObject({ id: 2, name: '新登记的集体', kind: 'collective' });
    expect((await store.rosterUnits()).map((unit) => unit.name)).toEqual([UNIT.name]);
  });

  it('keeps drafts, submissions with their versions, and a reopened form as reopened', async () => {
    const store = await make();
    const answers = { commitment: '热情服务，真诚奉献' };
    const forms = { modelCollective: { answers, version: 1, submittedAt: AT.getTime(), late: false } };
    const withForms = (revision: number, messageId: string, effects: GroupWrite['effects']) =>
      bound({
        revision,
        messageId,
        effects,
        drafts: revision === 0 ? [{ formId: 'modelCollective', answers }] : [],
        state: { value: 'bound', context: { ...CONTEXT, unit: UNIT, forms } },
      });
    await store.write(withForms(0, 'a', []));
    expect(await store.savedForms(1)).toMatchObject({ modelCollective: { answers, status: 'draft' } });
    await store.write(withForms(1, 'b', [{ kind: 'submit', formId: 'modelCollective', late: false }]));
    expect(await store.savedForms(1)).toEqual({ modelCollective: { answers, status: 'submitted', version: 1, submittedAt: AT.getTime(), late: false } });
    await store.write(withForms(2, 'c', [{ kind: 'reopen', formId: 'modelCollective' }]));
    expect(await store.savedForms(1)).toMatchObject({ modelCollective: { status: 'reopened', version: 1 } });
    await store.write(withForms(3, 'd', [{ kind: 'submit', formId: 'modelCollective', late: true }]));
    expect(await store.savedForms(1)).toMatchObject({ modelCollective: { status: 'submitted', version: 2, late: true } });
  });

  it('moves a group that came back under a new id, state and all', async () => {
    const store = await make();
    await store.write(bound({ effects: [{ kind: 'bind', unitId: 1 }], seen: { topic: '一中心群', members: ['李华'], memberIds: [] } }));
    await store.moveRoom({ from: 'room-1', to: 'room-9', topic: '一中心群', members: ['李华', '王强'], memberIds: [], actor: 'system', at: AT });
    expect(await store.load('room-1')).toBeNull();
    expect(await store.load('room-9')).toMatchObject({ roomId: 'room-9', unitId: 1, formId: 'modelCollective', state: { value: 'bound' } });
    expect(await store.roomsOfUnit(1)).toEqual(['room-9']);
  });

  it('keeps a picture a group sent and gives it an id', async () => {
    const store = await make();
    const saved = await store.saveMedia({
      unitId: 1,
      formId: 'brief',
      roomId: 'room-1',
      name: '活动照片.jpg',
      mime: 'image/jpeg',
      data: Buffer.from([0xff, 0xd8, 0xff]),
      actor: 'u1',
      at: AT,
    });
    expect(saved.id).toBeGreaterThan(0);
  });
});
