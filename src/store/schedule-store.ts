// The scheduler's storage over Prisma: the outbox, reminder rounds, daily send counts and settings.
import { parseAnswers } from '../conversation/index.js';
import type { NewOutboxRow, OutboxKind, OutboxRow, OutboxStatus, ReminderRound, RemindableUnit, ScheduleStore } from '../schedule/index.js';
import type { Prisma, PrismaClient } from './generated/client.js';
import { audit, parseJson } from './records.js';
import type { Serial } from './serial.js';
import { toUnitProfile } from './unit-row.js';

type OutboxRecord = Prisma.OutboxGetPayload<object>;

function toRow(row: OutboxRecord): OutboxRow {
  return {
    ...row,
    kind: row.kind as OutboxKind,
    status: row.status as OutboxStatus,
    payload: parseJson(row.payload),
  };
}

const unitInclude = { rooms: true, submissions: true } as const;

export class PrismaScheduleStore implements ScheduleStore {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly serial: Serial,
  ) {}

  units(): Promise<RemindableUnit[]> {
    return this.serial.run(async () => (await this.prisma.unit.findMany({ include: unitInclude, orderBy: { id: 'asc' } })).map(toRemindable));
  }

  unit(unitId: number): Promise<RemindableUnit | null> {
    return this.serial.run(async () => {
      const row = await this.prisma.unit.findUnique({ where: { id: unitId }, include: unitInclude });
      return row ? toRemindable(row) : null;
    });
  }

  enqueue(rows: readonly NewOutboxRow[]): Promise<number> {
    if (rows.length === 0) return Promise.resolve(0);
    return this.serial.run(() =>
      this.prisma.$transaction(async (tx) => {
        const keys = rows.map((row) => row.key);
        const known = new Set<string>();
        // SQLite caps the number of bound variables: look the keys up in slices.
        for (let i = 0; i < keys.length; i += 500) {
          const found = await tx.outbox.findMany({ where: { key: { in: keys.slice(i, i + 500) } }, select: { key: true } });
          for (const row of found) known.add(row.key);
        }
        const fresh = rows.filter((row) => !known.has(row.key));
        if (fresh.length > 0) {
          await tx.outbox.createMany({ data: fresh.map((row) => ({ ...row, payload: JSON.stringify(row.payload) })) });
        }
        return fresh.length;
      }),
    );
  }

  due(now: Date, kinds: readonly OutboxKind[], after: Pick<OutboxRow, 'priority' | 'id'> | null, limit: number): Promise<OutboxRow[]> {
    if (kinds.length === 0) return Promise.resolve([]);
    return this.serial.run(async () => {
      const rows = await this.prisma.outbox.findMany({
        where: {
          status: 'pending',
          kind: { in: [...kinds] },
          notBefore: { lte: now },
          AND: [
            { OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
            ...(after ? [{ OR: [{ priority: { gt: after.priority } }, { priority: after.priority, id: { gt: after.id } }] }] : []),
          ],
        },
        orderBy: [{ priority: 'asc' }, { id: 'asc' }],
        take: limit,
      });
      return rows.map(toRow);
    });
  }

  async markSending(id: number): Promise<void> {
    await this.serial.run(() => this.prisma.outbox.update({ where: { id }, data: { status: 'sending', attempts: { increment: 1 } } }));
  }

  async finish(id: number, status: 'sent' | 'failed' | 'skipped', at: Date, note?: string, sentBy?: string): Promise<void> {
    await this.serial.run(() =>
      this.prisma.outbox.update({
        where: { id },
        data: { status, doneAt: at, ...(note !== undefined ? { lastError: note } : {}), ...(sentBy !== undefined ? { sentBy } : {}) },
      }),
    );
  }

  async retryLater(id: number, notBefore: Date, error: string): Promise<void> {
    await this.serial.run(() => this.prisma.outbox.update({ where: { id }, data: { status: 'pending', notBefore, lastError: error } }));
  }

  expire(now: Date): Promise<OutboxRow[]> {
    return this.serial.run(() =>
      this.prisma.$transaction(async (tx) => {
        const where = { status: 'pending', expiresAt: { lte: now } };
        const rows = await tx.outbox.findMany({ where });
        if (rows.length > 0) await tx.outbox.updateMany({ where: { id: { in: rows.map((r) => r.id) } }, data: { status: 'expired', doneAt: now } });
        return rows.map(toRow);
      }),
    );
  }

  supersede(formId: string, step: string, at: Date): Promise<number> {
    return this.serial.run(
      async () =>
        (
          await this.prisma.outbox.updateMany({
            where: { kind: 'reminder', status: 'pending', key: { startsWith: `reminder:${formId}:`, not: { endsWith: `:${step}` } } },
            data: { status: 'skipped', doneAt: at, lastError: `superseded by ${step}` },
          })
        ).count,
    );
  }

  recoverInFlight(): Promise<number> {
    return this.serial.run(async () => (await this.prisma.outbox.updateMany({ where: { status: 'sending' }, data: { status: 'pending' } })).count);
  }

  pendingCount(kind: OutboxKind): Promise<number> {
    return this.serial.run(() => this.prisma.outbox.count({ where: { status: { in: ['pending', 'sending'] }, kind } }));
  }

  pendingTargets(kind: OutboxKind): Promise<{ key: string; target: string }[]> {
    return this.serial.run(() =>
      this.prisma.outbox.findMany({
        where: { status: { in: ['pending', 'sending'] }, kind },
        select: { key: true, target: true },
        orderBy: [{ priority: 'asc' }, { id: 'asc' }],
      }),
    );
  }

  outboxHealth(): Promise<{ pending: number; failed: number }> {
    return this.serial.run(async () => {
      const [pending, failed] = await Promise.all([
        this.prisma.outbox.count({ where: { status: { in: ['pending', 'sending'] } } }),
        this.prisma.outbox.count({ where: { status: 'failed' } }),
      ]);
      return { pending, failed };
    });
  }

  endedSince(status: 'failed' | 'expired', since: Date): Promise<OutboxRow[]> {
    return this.serial.run(async () => (await this.prisma.outbox.findMany({ where: { status, doneAt: { gte: since } }, orderBy: { id: 'asc' } })).map(toRow));
  }

  round(key: string): Promise<ReminderRound | null> {
    return this.serial.run(async () => {
      const row = await this.prisma.reminderRound.findUnique({ where: { key } });
      return row ? { ...row, status: row.status === 'skipped' ? 'skipped' : 'planned' } : null;
    });
  }

  async saveRound(round: ReminderRound): Promise<void> {
    await this.serial.run(() => this.prisma.reminderRound.upsert({ where: { key: round.key }, create: round, update: round }));
  }

  sends(account: string, day: string): Promise<{ count: number; lastAt: Date | null }> {
    return this.serial.run(async () => {
      const [today, last] = await Promise.all([
        this.prisma.sendDay.findUnique({ where: { account_day: { account, day } } }),
        this.prisma.sendDay.findFirst({ where: { account, lastAt: { not: null } }, orderBy: { lastAt: 'desc' } }),
      ]);
      return { count: today?.count ?? 0, lastAt: last?.lastAt ?? null };
    });
  }

  async recordSend(account: string, day: string, at: Date): Promise<void> {
    await this.serial.run(() =>
      this.prisma.sendDay.upsert({
        where: { account_day: { account, day } },
        create: { account, day, count: 1, lastAt: at },
        update: { count: { increment: 1 }, lastAt: at },
      }),
    );
  }

  setting(key: string): Promise<string | null> {
    return this.serial.run(async () => (await this.prisma.setting.findUnique({ where: { key } }))?.value ?? null);
  }

  async setSetting(key: string, value: string, actor: string, at: Date): Promise<void> {
    await this.serial.run(() =>
      this.prisma.$transaction(async (tx) => {
        await tx.setting.upsert({ where: { key }, create: { key, value }, update: { value } });
        await audit(tx, actor, at, 'setting.changed', { key, value });
      }),
    );
  }
}

type UnitWithRooms = Prisma.UnitGetPayload<{ include: typeof unitInclude }>;

/** A unit with its group and, while someone fills a form there, who (the group's row says). */
function toRemindable(row: UnitWithRooms): RemindableUnit {
  const room = row.rooms[0];
  return {
    ...toUnitProfile(row),
    roomId: room?.id ?? null,
    roomTopic: room?.topic ?? null,
    submissions: row.submissions.map((s) => ({
      formId: s.formId,
      status: s.status === 'submitted' || s.status === 'reopened' ? s.status : 'draft',
      answers: parseAnswers(s.answers),
    })),
    owner: room?.ownerId && room.formId ? { id: room.ownerId, name: room.ownerName ?? '', formId: room.formId } : null,
  };
}
