// The conversation's storage over Prisma: units bound to groups, open conversations, drafts, submitted
// versions and the ids of handled messages. One message's changes are written in one transaction.
import type { Category, UnitKind } from '../campaign/schema.js';
import { parseAnswers } from '../conversation/draft.js';
import type { Commit, ConversationStore, SessionRecord, SubmissionRecord, UnitRecord } from '../conversation/store.js';
import type { PrismaClient } from './generated/client.js';
import type { Serial } from './serial.js';

type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

export class PrismaConversationStore implements ConversationStore {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly serial: Serial,
  ) {}

  isProcessed(messageId: string): Promise<boolean> {
    return this.serial.run(async () => (await this.prisma.processedMessage.findUnique({ where: { id: messageId } })) !== null);
  }

  unitOfRoom(roomId: string): Promise<UnitRecord | null> {
    return this.serial.run(async () => {
      const room = await this.prisma.room.findUnique({ where: { id: roomId }, include: { unit: true } });
      return room?.unit ? toUnit(room.unit) : null;
    });
  }

  registerUnit(input: { roomId: string; roomTopic: string | null; name: string; actor: string; at: Date }): Promise<UnitRecord> {
    return this.serial.run(() =>
      this.prisma.$transaction(async (tx) => {
        const room = await tx.room.findUnique({ where: { id: input.roomId }, include: { unit: true } });
        if (room?.unit) return toUnit(room.unit);
        const unit = await tx.unit.create({ data: { name: input.name, kind: 'collective', source: 'chat', createdAt: input.at } });
        await tx.room.upsert({
          where: { id: input.roomId },
          create: { id: input.roomId, topic: input.roomTopic, unitId: unit.id, boundAt: input.at },
          update: { topic: input.roomTopic, unitId: unit.id, boundAt: input.at },
        });
        await audit(tx, input.actor, input.at, 'unit.registered', { roomId: input.roomId, unitId: unit.id, name: unit.name });
        return toUnit(unit);
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
      }),
    );
  }
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

async function audit(tx: Tx, actor: string, at: Date, action: string, detail: object): Promise<void> {
  await tx.auditLog.create({ data: { actor, at, action, detail: JSON.stringify(detail) } });
}

function toUnit(row: { id: number; name: string; kind: string; category: string | null }): UnitRecord {
  return { id: row.id, name: row.name, kind: row.kind as UnitKind, category: row.category as Category | null };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
