// One sender per database: the lease a running bot holds, and when a second process may take it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../../src/store/client.js';
import { LEASE_TTL_MS, PrismaSenderLease, type LeaseHolder } from '../../src/store/sender-lease.js';
import { Serial } from '../../src/store/serial.js';

const T0 = new Date('2026-11-30T09:00:00Z');
const later = (ms: number) => new Date(T0.getTime() + ms);
const opened: OpenedDatabase[] = [];

async function lease(me: LeaseHolder, alive: (pid: number) => boolean = () => true) {
  const db = await openDatabase(`file:${join(mkdtempSync(join(tmpdir(), 'lease-')), 'bot.db')}`);
  opened.push(db);
  return { db, lease: new PrismaSenderLease(db.prisma, new Serial(), me, alive) };
}

afterEach(async () => {
  for (const db of opened.splice(0)) await db.close();
});

const A: LeaseHolder = { holder: 'server-1/100/a', host: 'server-1', pid: 100 };
const B: LeaseHolder = { holder: 'server-1/200/b', host: 'server-1', pid: 200 };
const C: LeaseHolder = { holder: 'server-2/100/c', host: 'server-2', pid: 100 };

describe('the sender lease', () => {
  it('is taken by the first process, refused to a second that lives, and renewed by its holder', async () => {
    const { db, lease: a } = await lease(A);
    expect(await a.acquire(T0)).toEqual({ ok: true });
    const b = new PrismaSenderLease(db.prisma, new Serial(), B, () => true);
    expect(await b.acquire(later(1000))).toEqual({ ok: false, held: { host: 'server-1', pid: 100, startedAt: T0, expiresAt: later(LEASE_TTL_MS) } });
    expect(await a.renew(later(60_000))).toBe(true);
    expect(await b.acquire(later(LEASE_TTL_MS + 1000))).toMatchObject({ ok: false });
  });

  it('passes to another process once released, or once it ran out', async () => {
    const { db, lease: a } = await lease(A);
    await a.acquire(T0);
    const c = new PrismaSenderLease(db.prisma, new Serial(), C, () => true);
    expect(await c.acquire(later(LEASE_TTL_MS + 1))).toEqual({ ok: true });
    // The old holder learns it lost the lease at its next renewal.
    expect(await a.renew(later(LEASE_TTL_MS + 2))).toBe(false);
    await c.release();
    expect(await a.acquire(later(LEASE_TTL_MS + 3))).toEqual({ ok: true });
  });

  it('is taken at once from a process of the same machine that is gone (kill -9)', async () => {
    const { db, lease: a } = await lease(A);
    await a.acquire(T0);
    const b = new PrismaSenderLease(db.prisma, new Serial(), B, (pid) => pid !== 100);
    expect(await b.acquire(later(1000))).toEqual({ ok: true });
    // A holder on another machine cannot be seen: only its lease running out frees it.
    const c = new PrismaSenderLease(db.prisma, new Serial(), C, () => false);
    expect(await c.acquire(later(2000))).toMatchObject({ ok: false });
  });
});
