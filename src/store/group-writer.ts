// Writes the groups' steps, many at a time: the writes that arrive together (in one turn of the event loop)
// go into one SQLite transaction, each under its own savepoint, so that a write refused (its group's row
// moved on, the message was handled already, the unit was bound elsewhere first) rolls back alone. Each
// caller hears back once the transaction has committed: a reply is sent only after its write is durable.
import type { Database, Statement } from 'better-sqlite3';
import type { GroupWrite, WriteResult } from '../conversation/index.js';
import type { Serial } from './serial.js';
import { sqlTime } from './sql-time.js';

interface Pending {
  write: GroupWrite;
  resolve: (result: WriteResult) => void;
  reject: (error: unknown) => void;
}

/** The result of `work` as a promise, a throw included. */
function attempt<T>(work: () => T): Promise<T> {
  try {
    return Promise.resolve(work());
  } catch (error) {
    return Promise.reject(error);
  }
}

/** Most writes in one transaction. */
const MAX_BATCH = 64;

/** A write refused for a reason the caller handles (not an error of the database). */
class Refused extends Error {
  constructor(readonly reason: 'conflict' | 'duplicate' | 'taken') {
    super(reason);
  }
}

export class GroupWriter {
  private pending: Pending[] = [];
  private scheduled = false;
  private readonly sql: ReturnType<typeof prepare>;

  constructor(
    private readonly db: Database,
    private readonly serial: Serial,
  ) {
    this.sql = prepare(db);
  }

  write(write: GroupWrite): Promise<WriteResult> {
    return new Promise((resolve, reject) => {
      this.pending.push({ write, resolve, reject });
      // A full batch goes at once, so that the first groups of a burst hear back while the others are
      // still being worked out; otherwise the batch waits for the end of this turn of the event loop.
      if (this.pending.length >= MAX_BATCH) queueMicrotask(() => this.flush());
      else if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => {
          this.scheduled = false;
          this.flush();
        });
      }
    });
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    // A transaction Prisma has open on the shared connection must finish first (Prisma's transactions run
    // in the serial queue); otherwise the batch commits now, checked and begun in one synchronous stretch.
    const done = this.db.inTransaction ? this.serial.run(async () => this.commit(batch)) : attempt(() => this.commit(batch));
    done.then(
      (results) => {
        batch.forEach((item, i) => (results[i] instanceof Error ? item.reject(results[i]) : item.resolve(results[i] as WriteResult)));
      },
      (error: unknown) => {
        for (const item of batch) item.reject(error);
      },
    );
  }

  /** One transaction for the batch; each write under its own savepoint. */
  private commit(batch: readonly Pending[]): (WriteResult | Error)[] {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const results = batch.map((item) => this.one(item.write));
      this.db.exec('COMMIT');
      return results;
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
  }

  private one(write: GroupWrite): WriteResult | Error {
    this.db.exec('SAVEPOINT g');
    try {
      const result = this.apply(write);
      this.db.exec('RELEASE g');
      return result;
    } catch (error) {
      this.db.exec('ROLLBACK TO g');
      this.db.exec('RELEASE g');
      if (error instanceof Refused) return { ok: false, reason: error.reason };
      return error instanceof Error ? error : new Error(String(error));
    }
  }

  private apply(write: GroupWrite): WriteResult {
    const { sql } = this;
    const at = sqlTime(write.at);
    if (write.messageId !== null && sql.processed.run(write.messageId, write.roomId, at).changes === 0) throw new Refused('duplicate');

    let unitId = write.unitId;
    let created: number | null = null;
    let state = write.state;
    for (const effect of write.effects) {
      if (effect.kind === 'register') {
        created = unitId = Number(sql.insertUnit.run(effect.name, at, at).lastInsertRowid);
        state = { ...state, context: { ...state.context, unit: state.context.unit ? { ...state.context.unit, id: created } : null } };
        sql.audit.run(at, write.actor, 'unit.registered', JSON.stringify({ roomId: write.roomId, unitId: created, name: effect.name }));
      }
      if (effect.kind === 'bind' && sql.boundElsewhere.get(effect.unitId, write.roomId)) throw new Refused('taken');
    }

    const row = [write.version, JSON.stringify(state), unitId, write.ownerId, write.ownerName, write.formId, at, at] as const;
    const current = sql.revision.get(write.roomId) as { revision: number; unitId: number | null } | undefined;
    if ((current?.revision ?? 0) !== write.revision) throw new Refused('conflict');
    if (current) sql.updateRoom.run(...row, write.roomId, write.revision);
    else sql.insertRoom.run(write.roomId, ...row);
    const revision = write.revision + 1;

    const binds = write.effects.some((effect) => effect.kind === 'bind' || effect.kind === 'register');
    if (write.seen && binds) sql.seen.run(write.seen.topic, JSON.stringify(write.seen.members), JSON.stringify(write.seen.memberIds), at, write.roomId);
    if (unitId !== null) {
      for (const draft of write.drafts) sql.draft.run(unitId, draft.formId, JSON.stringify(draft.answers), at, at);
    }
    for (const effect of write.effects) this.effect(write, effect, unitId, state, at, current?.unitId ?? null);
    if (write.sends && write.sends.count > 0) sql.sends.run(write.sends.account, write.sends.day, write.sends.count, at);
    return { ok: true, revision, unitId: created };
  }

  /** `before`: the unit the group was bound to before this write (the one an unbinding frees) */
  private effect(
    write: GroupWrite,
    effect: GroupWrite['effects'][number],
    unitId: number | null,
    state: GroupWrite['state'],
    at: string,
    before: number | null,
  ): void {
    const { sql } = this;
    const audit = (action: string, detail: object) => sql.audit.run(at, write.actor, action, JSON.stringify(detail));
    switch (effect.kind) {
      case 'bind':
        audit('room.bound', { roomId: write.roomId, topic: write.seen?.topic ?? null, unitId: effect.unitId, name: state.context.unit?.name ?? '' });
        return;
      case 'unbind':
        sql.unbound.run(write.roomId);
        audit('room.unbound', { roomId: write.roomId, unitId: before });
        return;
      case 'submit': {
        if (unitId === null) return;
        const answers = JSON.stringify(state.context.forms[effect.formId]?.answers ?? {});
        const submission = sql.submit.get(unitId, effect.formId, answers, at, effect.late ? 1 : 0, at, at) as { id: number; version: number };
        sql.version.run(submission.id, submission.version, answers, at, write.actor, effect.late ? 1 : 0);
        audit('submission.submitted', { unitId, formId: effect.formId, version: submission.version, late: effect.late });
        return;
      }
      case 'reopen':
        if (unitId === null) return;
        sql.reopen.run(at, unitId, effect.formId);
        audit('submission.reopened', { unitId, formId: effect.formId });
        return;
      case 'takeover':
        audit('form.takenOver', { roomId: write.roomId, formId: write.formId, by: write.ownerName, unitId });
        return;
      case 'register':
        return;
      case 'moveRequested':
        // the latest group to ask is the one an admin's 确认换群 moves the unit to
        sql.moveRequest.run(moveRequestKey(effect.unitId), JSON.stringify({ roomId: write.roomId, topic: write.seen?.topic ?? null, at }));
        audit('room.moveRequested', { roomId: write.roomId, topic: write.seen?.topic ?? null, unitId: effect.unitId, boundTopic: effect.boundTopic });
        return;
    }
  }
}

function prepare(db: Database) {
  const statement = (text: string): Statement => db.prepare(text).safeIntegers(false);
  return {
    processed: statement('INSERT INTO ProcessedMessage (id, roomId, at) VALUES (?, ?, ?) ON CONFLICT(id) DO NOTHING'),
    insertUnit: statement(`INSERT INTO Unit (name, kind, category, source, createdAt, updatedAt) VALUES (?, 'collective', NULL, 'chat', ?, ?)`),
    boundElsewhere: statement('SELECT id FROM Room WHERE unitId = ? AND id <> ? LIMIT 1'),
    revision: statement('SELECT revision, unitId FROM Room WHERE id = ?'),
    insertRoom: statement(
      `INSERT INTO Room (id, revision, machineVersion, state, unitId, ownerId, ownerName, formId, updatedAt, lastSeenAt)
       VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    updateRoom: statement(
      `UPDATE Room SET revision = revision + 1, machineVersion = ?, state = ?, unitId = ?, ownerId = ?, ownerName = ?, formId = ?,
       updatedAt = ?, lastSeenAt = ? WHERE id = ? AND revision = ?`,
    ),
    seen: statement('UPDATE Room SET topic = ?, members = ?, memberIds = ?, boundAt = ? WHERE id = ?'),
    unbound: statement('UPDATE Room SET boundAt = NULL WHERE id = ?'),
    draft: statement(
      `INSERT INTO Submission (unitId, formId, answers, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(unitId, formId) DO UPDATE SET answers = excluded.answers, updatedAt = excluded.updatedAt`,
    ),
    submit: statement(
      `INSERT INTO Submission (unitId, formId, status, answers, version, submittedAt, late, createdAt, updatedAt, review)
       VALUES (?, ?, 'submitted', ?, 1, ?, ?, ?, ?, 'pending')
       ON CONFLICT(unitId, formId) DO UPDATE SET status = 'submitted', answers = excluded.answers, version = version + 1,
         submittedAt = excluded.submittedAt, late = excluded.late, updatedAt = excluded.updatedAt,
         review = 'pending', reviewNote = NULL, reviewedAt = NULL, reviewedBy = NULL
       RETURNING id, version`,
    ),
    version: statement('INSERT INTO SubmissionVersion (submissionId, version, answers, submittedAt, submittedBy, late) VALUES (?, ?, ?, ?, ?, ?)'),
    reopen: statement(`UPDATE Submission SET status = 'reopened', updatedAt = ? WHERE unitId = ? AND formId = ?`),
    audit: statement('INSERT INTO AuditLog (at, actor, action, detail) VALUES (?, ?, ?, ?)'),
    moveRequest: statement('INSERT INTO Setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'),
    sends: statement(
      `INSERT INTO SendDay (account, day, count, lastAt) VALUES (?, ?, ?, ?)
       ON CONFLICT(account, day) DO UPDATE SET count = count + excluded.count, lastAt = excluded.lastAt`,
    ),
  };
}

/** The Setting row holding the group that last asked for a unit bound elsewhere. */
export function moveRequestKey(unitId: number): string {
  return `move.request:${unitId}`;
}
