// The groups' storage: one row per group (its state and revision), the units and forms binding takes over,
// and the pictures and files groups send. The hot path (dedupe, load, write) runs prepared statements on
// the connection Prisma shares; the rest, rarely used, goes through Prisma.
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Database, Statement } from 'better-sqlite3';
import { z } from 'zod';
import { parseAnswers } from '../conversation/index.js';
import type { SavedForm, UnitProfile } from '../conversation/index.js';
import type { BoundRoom, GroupRecord, GroupStore, GroupWrite, MediaToKeep, RoomMove, WriteResult } from '../conversation/index.js';
import type { PrismaClient } from './generated/client.js';
import { GroupWriter } from './group-writer.js';
import { audit, parseJson } from './records.js';
import type { Serial } from './serial.js';
import { fromSqlTime } from './sql-time.js';
import { toUnitProfile } from './unit-row.js';

type RoomRow = {
  id: string;
  revision: number;
  machineVersion: string | null;
  state: string | null;
  unitId: number | null;
  ownerId: string | null;
  ownerName: string | null;
  formId: string | null;
};
type UnitRow = { id: number; name: string; kind: string; category: string | null; city: string | null; industry: string | null };
type FormRow = { formId: string; status: string; answers: string; version: number; submittedAt: string | null; late: number };

export class SqliteGroupStore implements GroupStore {
  private readonly writer: GroupWriter;
  private readonly sql: Record<
    'processed' | 'room' | 'unit' | 'forms' | 'roomsOfUnit' | 'rosterFingerprint' | 'roster' | 'binding' | 'boundWithTopic',
    Statement
  >;
  /** the roster as last read, and the fingerprint it was read at */
  private roster: { fingerprint: string; units: readonly UnitProfile[] } | undefined;

  /**
   * @param dataDir the folder that holds the database; pictures and files groups send are kept in its
   *   media/ folder, one folder per unit
   */
  constructor(
    private readonly prisma: PrismaClient,
    private readonly db: Database,
    private readonly serial: Serial,
    private readonly dataDir: string,
  ) {
    this.writer = new GroupWriter(db, serial);
    const statement = (text: string) => db.prepare(text).safeIntegers(false);
    this.sql = {
      processed: statement('SELECT 1 FROM ProcessedMessage WHERE id = ?'),
      room: statement('SELECT id, revision, machineVersion, state, unitId, ownerId, ownerName, formId FROM Room WHERE id = ?'),
      unit: statement('SELECT id, name, kind, category, city, industry FROM Unit WHERE id = ?'),
      forms: statement('SELECT formId, status, answers, version, submittedAt, late FROM Submission WHERE unitId = ?'),
      roomsOfUnit: statement('SELECT id FROM Room WHERE unitId = ? ORDER BY id'),
      // A unit added or changed moves one of these. SQLite answers a lone max() from the index at once;
      // two in one query would scan the table.
      rosterFingerprint: statement('SELECT (SELECT max(id) FROM Unit) AS last, (SELECT max(updatedAt) FROM Unit) AS latest'),
      roster: statement(`SELECT id, name, kind, category, city, industry FROM Unit WHERE source = 'roster' ORDER BY id`),
      binding: statement('SELECT id, topic FROM Room WHERE unitId = ? ORDER BY id LIMIT 1'),
      boundWithTopic: statement('SELECT id, unitId, topic, members, memberIds, lastSeenAt FROM Room WHERE topic = ? AND unitId IS NOT NULL'),
    };
  }

  isProcessed(messageId: string): Promise<boolean> {
    return this.read(() => this.sql.processed.get(messageId) !== undefined);
  }

  load(roomId: string): Promise<GroupRecord | null> {
    return this.read(() => {
      const row = this.sql.room.get(roomId) as RoomRow | undefined;
      if (!row) return null;
      return {
        roomId: row.id,
        revision: row.revision,
        version: row.machineVersion,
        state: row.state === null ? null : parseJson(row.state),
        unitId: row.unitId,
        ownerId: row.ownerId,
        ownerName: row.ownerName,
        formId: row.formId,
      };
    });
  }

  write(write: GroupWrite): Promise<WriteResult> {
    return this.writer.write(write);
  }

  unit(unitId: number): Promise<UnitProfile | null> {
    return this.read(() => {
      const row = this.sql.unit.get(unitId) as UnitRow | undefined;
      return row ? toUnitProfile(row) : null;
    });
  }

  savedForms(unitId: number): Promise<Record<string, SavedForm>> {
    return this.read(() => {
      const forms: Record<string, SavedForm> = {};
      for (const row of this.sql.forms.all(unitId) as FormRow[]) {
        forms[row.formId] = {
          answers: parseAnswers(row.answers),
          status: row.status === 'submitted' || row.status === 'reopened' ? row.status : 'draft',
          version: row.version,
          submittedAt: fromSqlTime(row.submittedAt)?.getTime() ?? null,
          late: row.late === 1,
        };
      }
      return forms;
    });
  }

  roomsOfUnit(unitId: number): Promise<string[]> {
    return this.read(() => (this.sql.roomsOfUnit.all(unitId) as { id: string }[]).map((row) => row.id));
  }

  /**
   * Forgets handled message ids older than `before`. WeChat delivers a message again within moments, not
   * weeks, so a month-long campaign need not keep every id it ever saw.
   */
  forgetMessagesBefore(before: Date): Promise<number> {
    return this.serial.run(async () => (await this.prisma.processedMessage.deleteMany({ where: { at: { lt: before } } })).count);
  }

  rosterUnits(): Promise<readonly UnitProfile[]> {
    return this.read(() => {
      const fingerprint = JSON.stringify(this.sql.rosterFingerprint.get());
      if (this.roster?.fingerprint !== fingerprint) {
        this.roster = { fingerprint, units: (this.sql.roster.all() as UnitRow[]).map(toUnitProfile) };
      }
      return this.roster.units;
    });
  }

  bindings(unitIds: readonly number[]): Promise<Map<number, { roomId: string; topic: string | null }>> {
    return this.read(() => {
      const bound = new Map<number, { roomId: string; topic: string | null }>();
      for (const unitId of unitIds) {
        const row = this.sql.binding.get(unitId) as { id: string; topic: string | null } | undefined;
        if (row) bound.set(unitId, { roomId: row.id, topic: row.topic });
      }
      return bound;
    });
  }

  boundRoomsWithTopic(topic: string): Promise<BoundRoom[]> {
    return this.read(() =>
      (
        this.sql.boundWithTopic.all(topic) as {
          id: string;
          unitId: number;
          topic: string | null;
          members: string;
          memberIds: string;
          lastSeenAt: number | string | null;
        }[]
      ).map((row) => ({
        roomId: row.id,
        unitId: row.unitId,
        topic: row.topic,
        members: parseNames(row.members),
        memberIds: parseNames(row.memberIds),
        lastSeenAt: row.lastSeenAt === null ? null : new Date(row.lastSeenAt),
      })),
    );
  }

  moveRoom(input: RoomMove): Promise<void> {
    return this.serial.run(() =>
      this.prisma.$transaction(async (tx) => {
        const old = await tx.room.findUnique({ where: { id: input.from } });
        if (!old?.unitId) return;
        const { id: _, ...rest } = old;
        const data = {
          ...rest,
          topic: input.topic,
          members: JSON.stringify(input.members),
          memberIds: JSON.stringify(input.memberIds),
          lastSeenAt: input.at,
          revision: old.revision + 1,
        };
        await tx.room.delete({ where: { id: input.from } });
        await tx.room.upsert({ where: { id: input.to }, create: { id: input.to, ...data }, update: data });
        await audit(tx, input.actor, input.at, 'room.moved', { from: input.from, to: input.to, topic: input.topic, unitId: old.unitId });
      }),
    );
  }

  async saveMedia(input: MediaToKeep): Promise<{ id: number }> {
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

  /**
   * A read on the shared connection: at once, unless Prisma has a transaction open on it, whose
   * uncommitted rows must not be seen; then after it.
   */
  private read<T>(query: () => T): Promise<T> {
    return this.db.inTransaction ? this.serial.run(async () => query()) : Promise.resolve(query());
  }
}

function parseNames(json: string): string[] {
  const parsed = z.array(z.string()).safeParse(parseJson(json));
  return parsed.success ? parsed.data : [];
}
