// The invited admins in SQLite: an invitation, a code spent once, a renewed code that rebinds, removal, the
// wrong codes the guessing limit counts, and the audit entries 日志 shows.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeExpiry, hashCode } from '../../src/admin/invites.js';
import { openDatabase, type OpenedDatabase } from '../../src/store/client.js';
import { PrismaInvitedAdmins } from '../../src/store/invited-admins.js';
import { Serial } from '../../src/store/serial.js';
import { migrationsDir, tempDir } from './helpers.js';

const NOW = new Date('2021-09-20T02:30:00Z');
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
const GZ = { kind: 'city', city: '广州市' } as const;

async function withStore(test: (store: PrismaInvitedAdmins, db: OpenedDatabase) => Promise<void>): Promise<void> {
  const db = await openDatabase(`file:${path.join(tempDir(), 'bot.db')}`, migrationsDir);
  try {
    await test(new PrismaInvitedAdmins(db.prisma, new Serial()), db);
  } finally {
    await db.close();
  }
}

const invite = (store: PrismaInvitedAdmins, name: string, code: string, scope?: typeof GZ | { kind: 'province' }, at = NOW) =>
  store.invite({ name, ...(scope ? { scope } : {}), codeHash: hashCode(code), expiresAt: codeExpiry(at), actor: 'cli:ops', at });

describe('PrismaInvitedAdmins', () => {
  it('invites, binds the contact that spends the code, and lists it as an admin', async () => {
    await withStore(async (store) => {
      expect(await invite(store, '小周', '123456', GZ)).toEqual({
        kind: 'invited',
        renewed: false,
        invitation: { name: '小周', scope: GZ, contactId: null, boundAt: null, codeExpiresAt: codeExpiry(NOW), codeWaiting: true },
      });
      expect(await store.list()).toEqual([]);
      expect(await store.claim(hashCode('123456'), 'wxid_zhou', later(5))).toEqual({
        kind: 'bound',
        admin: { id: 'wxid_zhou', name: '小周', scope: GZ },
        previous: null,
      });
      expect(await store.list()).toEqual([{ id: 'wxid_zhou', name: '小周', scope: GZ }]);
      expect(await store.find('wxid_zhou')).toEqual({ id: 'wxid_zhou', name: '小周', scope: GZ });
      expect(await store.find('wxid_other')).toBeUndefined();
      expect(await store.claim(hashCode('123456'), 'wxid_other', later(6))).toEqual({ kind: 'used' });
      expect(await store.claim(hashCode('123456'), 'wxid_zhou', later(6))).toMatchObject({ kind: 'already' });
      expect(await store.claim(hashCode('000000'), 'wxid_other', later(6))).toEqual({ kind: 'wrong' });
      expect((await store.invitations())[0]).toMatchObject({ contactId: 'wxid_zhou', boundAt: later(5), codeWaiting: false });
    });
  });

  it('renews the code of a name, keeping its scope and its contact until the new code is spent by another', async () => {
    await withStore(async (store) => {
      await invite(store, '小周', '123456', GZ);
      await store.claim(hashCode('123456'), 'wxid_old', NOW);
      expect(await invite(store, '小周', '654321')).toMatchObject({
        kind: 'invited',
        renewed: true,
        invitation: { scope: GZ, contactId: 'wxid_old', codeWaiting: true },
      });
      expect(await store.find('wxid_old')).toMatchObject({ name: '小周' });
      expect(await store.claim(hashCode('123456'), 'wxid_new', later(1))).toEqual({ kind: 'wrong' });
      expect(await store.claim(hashCode('654321'), 'wxid_new', later(1))).toMatchObject({ kind: 'bound', previous: 'wxid_old' });
      expect(await store.list()).toEqual([{ id: 'wxid_new', name: '小周', scope: GZ }]);
      // a scope given with the renewal replaces the old one
      await invite(store, '小周', '111111', { kind: 'province' });
      expect(await store.find('wxid_new')).toMatchObject({ scope: { kind: 'province' } });
    });
  });

  it('refuses an expired code, a contact that is another admin, and a code another invitation holds', async () => {
    await withStore(async (store) => {
      await invite(store, '小李', '111111');
      await store.claim(hashCode('111111'), 'wxid_li', NOW);
      await invite(store, '小周', '123456', GZ);
      expect(await store.claim(hashCode('123456'), 'wxid_li', NOW)).toMatchObject({ kind: 'taken', name: '小周', other: { name: '小李' } });
      expect(await store.claim(hashCode('123456'), 'wxid_zhou', codeExpiry(NOW))).toEqual({ kind: 'expired', name: '小周' });
      expect(await invite(store, '小王', '123456')).toEqual({ kind: 'codeTaken' });
      expect((await store.invitations()).map((i) => i.name)).toEqual(['小李', '小周']);
    });
  });

  it('removes an admin or an invitation by name', async () => {
    await withStore(async (store) => {
      await invite(store, '小周', '123456', GZ);
      await store.claim(hashCode('123456'), 'wxid_zhou', NOW);
      await invite(store, '小李', '111111');
      expect(await store.remove('小周', 'cli:ops', later(1))).toMatchObject({ name: '小周', contactId: 'wxid_zhou' });
      expect(await store.find('wxid_zhou')).toBeUndefined();
      expect(await store.remove('小李', 'cli:ops', later(1))).toMatchObject({ name: '小李', contactId: null });
      expect(await store.remove('小李', 'cli:ops', later(1))).toBeNull();
      expect(await store.invitations()).toEqual([]);
    });
  });

  it('counts a contact’s wrong codes since a time, and writes every change to the audit log', async () => {
    await withStore(async (store, db) => {
      await store.wrongCode('wxid_guess', NOW, { name: '某人', reason: 'wrong' });
      await store.wrongCode('wxid_guess', later(30), { name: '某人', reason: 'used' });
      await store.wrongCode('wxid_other', later(30), { name: '别人', reason: 'wrong' });
      expect(await store.wrongCodes('wxid_guess', later(10))).toEqual([later(30)]);
      expect(await store.wrongCodes('wxid_guess', NOW)).toHaveLength(2);

      await invite(store, '小周', '123456', GZ);
      await store.claim(hashCode('123456'), 'wxid_zhou', later(40));
      await store.remove('小周', 'cli:ops', later(50));
      const log = await db.prisma.auditLog.findMany({ orderBy: { id: 'asc' } });
      expect(log.map((entry) => [entry.actor, entry.action, JSON.parse(entry.detail)])).toEqual([
        ['wxid_guess', 'admin.codeRefused', { name: '某人', reason: 'wrong' }],
        ['wxid_guess', 'admin.codeRefused', { name: '某人', reason: 'used' }],
        ['wxid_other', 'admin.codeRefused', { name: '别人', reason: 'wrong' }],
        ['cli:ops', 'admin.invited', { name: '小周', scope: 'city', scopeName: '广州市', renewed: false }],
        ['wxid_zhou', 'admin.bound', { name: '小周', scope: 'city', scopeName: '广州市', previous: null }],
        ['cli:ops', 'admin.removed', { name: '小周', scope: 'city', scopeName: '广州市', contactId: 'wxid_zhou' }],
      ]);
    });
  });

  it('reads the cities and industries of the roster', async () => {
    await withStore(async (store, db) => {
      expect(await store.places()).toEqual([]);
      await db.prisma.unit.create({ data: { name: '广州南站青年文明号', kind: 'collective', city: '广州市', industry: '铁路' } });
      expect(await store.places()).toEqual([{ city: '广州市', industry: '铁路' }]);
    });
  });
});
