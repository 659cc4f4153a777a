// The conversation's storage over Prisma: units bound to groups, open conversations, drafts, submitted
// versions and the ids of handled messages. One message's changes are written in one transaction.
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { parseAnswers } from '../conversation/draft.js';
import type {
  BindResult,
  BoundRoom,
  Commit,
  ConversationStore,
  RosterUnit,
  SessionRecord,
  SubmissionRecord,
  UnitRecord,
} from '../conversation/store.js';
import type { PrismaClient } from './generated/client.js';
import { audit, parseJson, type Tx } from './records.js';
import type { Serial } from './serial.js';
import { toUnitProfile } from './unit-row.js';


export class PrismaConversationStore implements ConversationStore {
  /**
   * @param dataDir the folder that holds the database; pictures and files groups send are kept in its
   *   media/ folder, one folder per unit
   */
  constructor(
    private readonly prisma: PrismaClient,
    private readonly serial: Serial,
    private readonly dataDir: string,
  ) {}

  async saveMedia(input: { unitId: number; formId: string; roomId: string; name: string; mime: string; data: Buffer; actor: string; at: Date }): Promise<{ id: number }> {
    // The file is written first: a row never points at a file that is not there.
    const safe = input.name.replace(/[\\/:*?"<>|\s]+/g, '_').slice(-80) || 'file';
    const path = join('media', String(input.unitId), `${input.at.getTime()}-${randomUUID().slice(0, 8)}-${safe}`);
    await mkdir(join(this.dataDir, dirname(path)), { recursive: true });
    await writeFile(join(this.dataDir, path), input.data);
    return this.serial.run(async () => {
      const row = await this.prisma.media.create({
        data: {
          unitId: input.unitId,
          formId: input.formId,
          roomId: input.roomId,
          fileName: input.name,
          mime: input.mime,
          size: input.data.length,
          path,
          uploadedBy: input.actor,
          createdAt: input.at,
        },
      });
      return { id: row.id };
    });
  }

  isProcessed(messageId: string): Promise<boolean> {
    return this.serial.run(async () => (await this.prisma.processedMessage.findUnique({ where: { id: messageId } })) !== null);
  }

  /**
   * Forgets handled message ids older than `before`. WeChat delivers a message again within moments, not
   * weeks, so a month-long campaign need not keep every id it ever saw.
   */
  forgetMessagesBefore(before: Date): Promise<number> {
    return this.serial.run(async () => (await this.prisma.processedMessage.deleteMany({ where: { at: { lt: before } } })).count);
  }

  unitOfRoom(roomId: string): Promise<UnitRecord | null> {
    return this.serial.run(async () => {
      const room = await this.prisma.room.findUnique({ where: { id: roomId }, include: { unit: true } });
      return room?.unit ? toUnitProfile(room.unit) : null;
    });
  }

  registerUnit(input: { roomId: string; roomTopic: string | null; members: string[]; name: string; actor: string; at: Date }): Promise<UnitRecord> {
    return this.serial.run(() =>
      this.prisma.$transaction(async (tx) => {
        const room = await tx.room.findUnique({ where: { id: input.roomId }, include: { unit: true } });
        if (room?.unit) return toUnitProfile(room.unit);
        const unit = await tx.unit.create({ data: { name: input.name, kind: 'collective', source: 'chat', createdAt: input.at } });
        const data = { topic: input.roomTopic, unitId: unit.id, boundAt: input.at, lastSeenAt: input.at, members: JSON.stringify(input.members) };
        await tx.room.upsert({ where: { id: input.roomId }, create: { id: input.roomId, ...data }, update: data });
        await audit(tx, input.actor, input.at, 'unit.registered', { roomId: input.roomId, unitId: unit.id, name: unit.name });
        return toUnitProfile(unit);
      }),
    );
  }

  session(roomId: string): Promise<SessionRecord | null> {
    return this.serial.run(async () => {
      const row = await this.prisma.conversation.findUnique({ where: { roomId } });
      if (!row) return null;
      return {
        roomId: row.roomId,
        unitId: row.unitId,
        formId: row.formId,
        ownerId: row.ownerId,
        ownerName: row.ownerName,
        machineVersion: row.machineVersion,
        snapshot: parseJson(row.snapshot),
      };
    });
  }

  submission(unitId: number, formId: string): Promise<SubmissionRecord | null> {
    return this.serial.run(async () => {
      const row = await this.prisma.submission.findUnique({ where: { unitId_formId: { unitId, formId } } });
      if (!row) return null;
      return {
        unitId: row.unitId,
        formId: row.formId,
        status: row.status === 'submitted' || row.status === 'reopened' ? row.status : 'draft',
        answers: parseAnswers(row.answers),
        version: row.version,
        submittedAt: row.submittedAt,
        late: row.late,
      };
    });
  }

  commit(commit: Commit): Promise<void> {
    return this.serial.run(() =>
      this.prisma.$transaction(async (tx) => {
        await tx.processedMessage.create({ data: { id: commit.messageId, roomId: commit.roomId, at: commit.at } });
        if (commit.session === null) await tx.conversation.deleteMany({ where: { roomId: commit.roomId } });
        else if (commit.session) await saveSession(tx, commit.session);
        if (commit.draft) await saveDraft(tx, commit.draft);
        if (commit.reopen) await reopen(tx, commit, commit.reopen);
        if (commit.submit) await submit(tx, commit, commit.submit);
        if (commit.formOffer === null) await tx.formOffer.deleteMany({ where: { roomId: commit.roomId } });
        else if (commit.formOffer) {
          const data = { formIds: JSON.stringify(commit.formOffer.formIds), offeredBy: commit.formOffer.offeredBy, createdAt: commit.at };
          await tx.formOffer.upsert({ where: { roomId: commit.roomId }, create: { roomId: commit.roomId, ...data }, update: data });
        }
        if (commit.offer === null) await tx.bindingOffer.deleteMany({ where: { roomId: commit.roomId } });
        else if (commit.offer) {
          const data = { unitIds: JSON.stringify(commit.offer.unitIds), offeredBy: commit.offer.offeredBy, createdAt: commit.at };
          await tx.bindingOffer.upsert({ where: { roomId: commit.roomId }, create: { roomId: commit.roomId, ...data }, update: data });
        }
      }),
    );
  }

  rosterUnits(): Promise<RosterUnit[]> {
    return this.serial.run(async () => {
      const units = await this.prisma.unit.findMany({ where: { source: 'roster' }, include: { rooms: true }, orderBy: { id: 'asc' } });
      return units.map(toRosterUnit);
    });
  }

  bindingOffer(roomId: string): Promise<{ unitIds: number[]; offeredBy: string } | null> {
    return this.serial.run(async () => {
      const row = await this.prisma.bindingOffer.findUnique({ where: { roomId } });
      if (!row) return null;
      const ids = z.array(z.number().int()).safeParse(parseJson(row.unitIds));
      return ids.success ? { unitIds: ids.data, offeredBy: row.offeredBy } : null;
    });
  }

  formOffer(roomId: string): Promise<{ formIds: string[]; offeredBy: string } | null> {
    return this.serial.run(async () => {
      const row = await this.prisma.formOffer.findUnique({ where: { roomId } });
      if (!row) return null;
      const ids = z.array(z.string()).safeParse(parseJson(row.formIds));
      return ids.success ? { formIds: ids.data, offeredBy: row.offeredBy } : null;
    });
  }

  bindRoom(input: { roomId: string; roomTopic: string | null; members: string[]; unitId: number; actor: string; at: Date }): Promise<BindResult> {
    return this.serial.run(() =>
      this.prisma.$transaction(async (tx) => {
        const unit = await tx.unit.findUnique({ where: { id: input.unitId }, include: { rooms: true } });
        if (!unit) return { ok: false, boundTopic: null } as const;
        const elsewhere = unit.rooms.find((room) => room.id !== input.roomId);
        if (elsewhere) return { ok: false, boundTopic: elsewhere.topic } as const;
        const data = { topic: input.roomTopic, unitId: unit.id, boundAt: input.at, lastSeenAt: input.at, members: JSON.stringify(input.members) };
        await tx.room.upsert({ where: { id: input.roomId }, create: { id: input.roomId, ...data }, update: data });
        await tx.bindingOffer.deleteMany({ where: { roomId: input.roomId } });
        await audit(tx, input.actor, input.at, 'room.bound', { roomId: input.roomId, topic: input.roomTopic, unitId: unit.id, name: unit.name });
        return { ok: true, unit: toRosterUnit({ ...unit, rooms: [{ id: input.roomId, topic: input.roomTopic }] }) } as const;
      }),
    );
  }

  boundRoomsWithTopic(topic: string): Promise<BoundRoom[]> {
    return this.serial.run(async () => {
      const rows = await this.prisma.room.findMany({ where: { topic, unitId: { not: null } } });
      return rows.map((row) => ({ roomId: row.id, unitId: row.unitId!, topic: row.topic, members: parseNames(row.members) }));
    });
  }

  moveRoom(input: { from: string; to: string; topic: string | null; members: string[]; actor: string; at: Date }): Promise<void> {
    return this.serial.run(() =>
      this.prisma.$transaction(async (tx) => {
        const old = await tx.room.findUnique({ where: { id: input.from } });
        if (!old?.unitId) return;
        const data = { topic: input.topic, unitId: old.unitId, boundAt: old.boundAt, lastSeenAt: input.at, members: JSON.stringify(input.members) };
        await tx.room.upsert({ where: { id: input.to }, create: { id: input.to, ...data }, update: data });
        await tx.room.delete({ where: { id: input.from } });
        const open = await tx.conversation.findUnique({ where: { roomId: input.from } });
        if (open && !(await tx.conversation.findUnique({ where: { roomId: input.to } }))) {
          await tx.conversation.update({ where: { roomId: input.from }, data: { roomId: input.to } });
        }
        await audit(tx, input.actor, input.at, 'room.moved', { from: input.from, to: input.to, topic: input.topic, unitId: old.unitId });
      }),
    );
  }
}

function toRosterUnit(row: {
  id: number;
  name: string;
  kind: string;
  category: string | null;
  city: string | null;
  industry: string | null;
  rooms: { id: string; topic: string | null }[];
}): RosterUnit {
  const room = row.rooms[0];
  return { ...toUnitProfile(row), boundRoomId: room?.id ?? null, boundRoomTopic: room?.topic ?? null };
}

function parseNames(json: string): string[] {
  const parsed = z.array(z.string()).safeParse(parseJson(json));
  return parsed.success ? parsed.data : [];
}

async function saveSession(tx: Tx, session: SessionRecord): Promise<void> {
  const data = {
    unitId: session.unitId,
    formId: session.formId,
    ownerId: session.ownerId,
    ownerName: session.ownerName,
    machineVersion: session.machineVersion,
    snapshot: JSON.stringify(session.snapshot),
  };
  await tx.conversation.upsert({ where: { roomId: session.roomId }, create: { roomId: session.roomId, ...data }, update: data });
}

async function saveDraft(tx: Tx, draft: NonNullable<Commit['draft']>): Promise<void> {
  const answers = JSON.stringify(draft.answers);
  await tx.submission.upsert({
    where: { unitId_formId: { unitId: draft.unitId, formId: draft.formId } },
    create: { unitId: draft.unitId, formId: draft.formId, answers },
    update: { answers },
  });
}

async function reopen(tx: Tx, commit: Commit, target: NonNullable<Commit['reopen']>): Promise<void> {
  await tx.submission.update({
    where: { unitId_formId: target },
    data: { status: 'reopened' },
  });
  await audit(tx, commit.actor, commit.at, 'submission.reopened', target);
}

async function submit(tx: Tx, commit: Commit, target: NonNullable<Commit['submit']>): Promise<void> {
  const answers = JSON.stringify(target.answers);
  const where = { unitId_formId: { unitId: target.unitId, formId: target.formId } };
  const current = await tx.submission.upsert({
    where,
    create: { unitId: target.unitId, formId: target.formId, answers },
    update: {},
  });
  const version = current.version + 1;
  await tx.submission.update({
    where,
    data: { status: 'submitted', answers, version, submittedAt: commit.at, late: target.late },
  });
  await tx.submissionVersion.create({
    data: { submissionId: current.id, version, answers, submittedAt: commit.at, submittedBy: commit.actor, late: target.late },
  });
  await audit(tx, commit.actor, commit.at, 'submission.submitted', { ...where.unitId_formId, version, late: target.late });
}
