// What the admin commands read and change: every unit with its group and submissions, the submitted
// versions of one unit, the last numbered list each admin was shown, and the audit log (written for refused
// commands, read for 日志).
import { moveRequestKey } from './group-writer.js';
import { z } from 'zod';
import { parseAnswers } from '../conversation/index.js';
import type { PrismaClient } from './generated/client.js';
import { audit, parseJson } from './records.js';
import type { Serial } from './serial.js';
import type { AdminStore, MoveRequest, PickList, ReviewDecision } from '../admin/index.js';
import type { AdminUnit, AuditEntry, Review, SubmittedVersion } from '../report/index.js';
import { toUnitProfile } from './unit-row.js';

const MoveRequestSchema = z.object({ roomId: z.string(), topic: z.string().nullable(), at: z.string() });

const PickListSchema = z.object({
  action: z.enum(['lookup', 'unbind', 'review', 'log']),
  entries: z.array(z.object({ n: z.number().int(), unitId: z.number().int(), formId: z.string().optional(), version: z.number().int().optional() })),
});

const pickKey = (adminId: string) => `admin.pick:${adminId}`;

export class PrismaAdminStore implements AdminStore {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly serial: Serial,
  ) {}

  units(): Promise<AdminUnit[]> {
    return this.serial.run(async () => {
      const rows = await this.prisma.unit.findMany({ include: { rooms: true, submissions: true }, orderBy: { id: 'asc' } });
      return rows.map((row) => ({
        ...toUnitProfile(row),
        roomTopic: row.rooms[0]?.topic ?? null,
        submissions: row.submissions.map((s) => ({
          formId: s.formId,
          status: s.status === 'submitted' || s.status === 'reopened' ? s.status : 'draft',
          answers: parseAnswers(s.answers),
          version: s.version,
          submittedAt: s.submittedAt,
          late: s.late,
          review: reviewOf(s),
        })),
      }));
    });
  }

  versions(unitId: number): Promise<SubmittedVersion[]> {
    return this.serial.run(async () => {
      const rows = await this.prisma.submissionVersion.findMany({
        where: { submission: { unitId } },
        include: { submission: true },
        orderBy: [{ submissionId: 'asc' }, { version: 'asc' }],
      });
      return rows.map((row) => ({
        formId: row.submission.formId,
        version: row.version,
        answers: parseAnswers(row.answers),
        submittedAt: row.submittedAt,
        late: row.late,
        submittedBy: row.submittedBy,
      }));
    });
  }

  audit(actor: string, at: Date, action: string, detail: object): Promise<void> {
    return this.serial.run(() => audit(this.prisma, actor, at, action, detail));
  }

  pickList(adminId: string): Promise<PickList | null> {
    return this.serial.run(async () => {
      const row = await this.prisma.setting.findUnique({ where: { key: pickKey(adminId) } });
      if (!row) return null;
      const parsed = PickListSchema.safeParse(parseJson(row.value));
      return parsed.success ? parsed.data : null;
    });
  }

  moveRequest(unitId: number): Promise<MoveRequest | null> {
    return this.serial.run(async () => {
      const row = await this.prisma.setting.findUnique({ where: { key: moveRequestKey(unitId) } });
      const parsed = row ? MoveRequestSchema.safeParse(parseJson(row.value)) : undefined;
      if (!parsed?.success) return null;
      // the topic the group has now, if it was not known when it asked
      const room = parsed.data.topic === null ? await this.prisma.room.findUnique({ where: { id: parsed.data.roomId } }) : null;
      return { ...parsed.data, topic: parsed.data.topic ?? room?.topic ?? null };
    });
  }

  forgetMoveRequest(unitId: number): Promise<void> {
    return this.serial.run(async () => {
      await this.prisma.setting.deleteMany({ where: { key: moveRequestKey(unitId) } });
    });
  }

  review(decision: ReviewDecision): Promise<boolean> {
    const { unitId, formId, version, status, by, at, note } = decision;
    return this.serial.run(() =>
      this.prisma.$transaction(async (tx) => {
        const changed = await tx.submission.updateMany({
          where: { unitId, formId, version, status: 'submitted' },
          data: { review: status, reviewNote: note ?? null, reviewedAt: at, reviewedBy: by },
        });
        if (changed.count === 0) return false;
        await audit(tx, by, at, `review.${status}`, { unitId, formId, version, ...(note ? { note } : {}) });
        return true;
      }),
    );
  }

  bindingChanges(since: Date): Promise<AuditEntry[]> {
    return this.serial.run(async () => {
      const rows = await this.prisma.auditLog.findMany({
        where: { action: { in: [...BINDING_CHANGES] }, at: { gte: since } },
        orderBy: { id: 'asc' },
        take: 200,
      });
      return rows.map((row) => ({ id: row.id, at: row.at, actor: row.actor, action: row.action, detail: DetailSchema.catch({}).parse(parseJson(row.detail)) }));
    });
  }

  auditLog(query: { unitId?: number; beforeId?: number; limit: number }): Promise<AuditEntry[]> {
    const { unitId, limit } = query;
    const before = query.beforeId ?? Number.MAX_SAFE_INTEGER;
    return this.serial.run(async () => {
      const rows: { id: number | bigint; at: Date | string; actor: string; action: string; detail: string }[] =
        unitId === undefined
          ? await this.prisma.auditLog.findMany({ where: { id: { lt: before } }, orderBy: { id: 'desc' }, take: limit })
          : await this.prisma.$queryRaw`SELECT id, at, actor, action, detail FROM AuditLog
              WHERE json_valid(detail) AND json_extract(detail, '$.unitId') = ${unitId} AND id < ${before}
              ORDER BY id DESC LIMIT ${limit}`;
      return rows.map((row) => ({
        id: Number(row.id),
        at: new Date(row.at),
        actor: row.actor,
        action: row.action,
        detail: DetailSchema.catch({}).parse(parseJson(row.detail)),
      }));
    });
  }

  knownNames(ids: readonly string[]): Promise<Map<string, string>> {
    return this.serial.run(async () => {
      const rows = await this.prisma.room.findMany({
        where: { ownerId: { in: [...ids] }, ownerName: { not: null } },
        select: { ownerId: true, ownerName: true },
      });
      return new Map(rows.flatMap((row) => (row.ownerId && row.ownerName ? [[row.ownerId, row.ownerName] as const] : [])));
    });
  }

  savePickList(adminId: string, list: PickList | null): Promise<void> {
    const key = pickKey(adminId);
    return this.serial.run(async () => {
      if (list === null) await this.prisma.setting.deleteMany({ where: { key } });
      else await this.prisma.setting.upsert({ where: { key }, create: { key, value: JSON.stringify(list) }, update: { value: JSON.stringify(list) } });
    });
  }
}

const ReviewStatusSchema = z.enum(['pending', 'approved', 'returned']);

const DetailSchema = z.record(z.string(), z.unknown());

function reviewOf(row: {
  version: number;
  review: string | null;
  reviewNote: string | null;
  reviewedAt: Date | null;
  reviewedBy: string | null;
}): Review | null {
  if (row.version === 0) return null;
  // A version handed in before reviews were kept waits for one.
  const status = ReviewStatusSchema.catch('pending').parse(row.review ?? 'pending');
  return { status, note: row.reviewNote, at: row.reviewedAt, by: row.reviewedBy };
}

/** What the digests report of the bindings: a group re-found under a new id, a group asking for a bound unit. */
export const BINDING_CHANGES = ['room.moved', 'room.moveRequested'] as const;
