// One sender per database. A running bot holds a lease row, renewed while it runs; a second bot process
// on the same database finds it held and refuses to start, so no reminder or digest goes out twice. The
// lease passes on when released (a clean stop), when it runs out (a process that hangs, or one on another
// machine that died), or at once when its holder was a process of this machine that is gone (kill -9).
// Times are the machine's, never the campaign clock (the demo moves that one).
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { PrismaClient } from './generated/client.js';
import type { Serial } from './serial.js';
import { sqlTime } from './sql-time.js';

/** How long a lease holds without renewal, and how often a running bot renews it. */
export const LEASE_TTL_MS = 90_000;
export const LEASE_RENEW_MS = 20_000;
const NAME = 'sender';

export interface LeaseHolder {
  holder: string;
  host: string;
  pid: number;
}

export type LeaseResult = { ok: true } | { ok: false; held: { host: string; pid: number; startedAt: Date; expiresAt: Date } };

/** This process, as the lease names it. */
export function thisProcess(): LeaseHolder {
  const host = hostname();
  return { holder: `${host}/${process.pid}/${randomUUID()}`, host, pid: process.pid };
}

/** Whether a process of this machine is alive: signal 0 tests for it without touching it. */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class PrismaSenderLease {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly serial: Serial,
    private readonly me: LeaseHolder = thisProcess(),
    private readonly alive: (pid: number) => boolean = processAlive,
  ) {}

  /** Takes the lease unless a live process holds it; says who does. */
  acquire(now: Date): Promise<LeaseResult> {
    return this.serial.run(async () => {
      const current = await this.prisma.senderLease.findUnique({ where: { name: NAME } });
      // A holder of this machine that is gone may be replaced now; the update checks it is still that one.
      const gone = current && current.host === this.me.host && (current.pid === this.me.pid || !this.alive(current.pid)) ? current.holder : '';
      const at = sqlTime(now);
      const until = sqlTime(new Date(now.getTime() + LEASE_TTL_MS));
      const { holder, host, pid } = this.me;
      const taken = await this.prisma.$executeRaw`
        INSERT INTO SenderLease (name, holder, host, pid, startedAt, expiresAt) VALUES (${NAME}, ${holder}, ${host}, ${pid}, ${at}, ${until})
        ON CONFLICT(name) DO UPDATE SET holder = excluded.holder, host = excluded.host, pid = excluded.pid,
          startedAt = excluded.startedAt, expiresAt = excluded.expiresAt
        WHERE SenderLease.holder = excluded.holder OR SenderLease.expiresAt < ${at} OR SenderLease.holder = ${gone}`;
      if (taken > 0) return { ok: true };
      const held = await this.prisma.senderLease.findUniqueOrThrow({ where: { name: NAME } });
      return { ok: false, held: { host: held.host, pid: held.pid, startedAt: held.startedAt, expiresAt: held.expiresAt } };
    });
  }

  /** Extends the lease; false when another process holds it now. */
  renew(now: Date): Promise<boolean> {
    return this.serial.run(async () => {
      const { count } = await this.prisma.senderLease.updateMany({
        where: { name: NAME, holder: this.me.holder },
        data: { expiresAt: new Date(now.getTime() + LEASE_TTL_MS) },
      });
      return count > 0;
    });
  }

  /** Gives the lease up, so that the next start need not wait for it to run out. */
  release(): Promise<void> {
    return this.serial.run(async () => {
      await this.prisma.senderLease.deleteMany({ where: { name: NAME, holder: this.me.holder } });
    });
  }
}
