// An in-memory ConversationStore for conversation tests that run without a database.
import type { Commit, ConversationStore, SessionRecord, SubmissionRecord, UnitRecord } from '../../src/conversation/store.js';

export class MemoryStore implements ConversationStore {
  units: UnitRecord[] = [];
  rooms = new Map<string, number>();
  sessions = new Map<string, SessionRecord>();
  submissions = new Map<string, SubmissionRecord>();
  history: { unitId: number; formId: string; version: number; answers: unknown; late: boolean }[] = [];
  processed = new Set<string>();
  commits: Commit[] = [];

  /** Binds a room to a new collective, as the roster would. */
  addUnit(roomId: string, name: string): UnitRecord {
    const unit: UnitRecord = { id: this.units.length + 1, name, kind: 'collective', category: 'provincialModel' };
    this.units.push(unit);
    this.rooms.set(roomId, unit.id);
    return unit;
  }

  async isProcessed(messageId: string) {
    return this.processed.has(messageId);
  }

  async unitOfRoom(roomId: string) {
    const id = this.rooms.get(roomId);
    return this.units.find((unit) => unit.id === id) ?? null;
  }

  async registerUnit(input: { roomId: string; name: string }) {
    return (await this.unitOfRoom(input.roomId)) ?? this.addUnit(input.roomId, input.name);
  }

  async session(roomId: string) {
    const record = this.sessions.get(roomId);
    return record ? structuredClone(record) : null;
  }

  async submission(unitId: number, formId: string) {
    const record = this.submissions.get(`${unitId}:${formId}`);
    return record ? structuredClone(record) : null;
  }

  async commit(commit: Commit) {
    // Stored as JSON, the way the database keeps it, so nothing live leaks through.
    const c = JSON.parse(JSON.stringify(commit)) as Commit;
    this.commits.push(c);
    this.processed.add(c.messageId);
    if (c.session === null) this.sessions.delete(c.roomId);
    else if (c.session) this.sessions.set(c.roomId, c.session);
    const key = (x: { unitId: number; formId: string }) => `${x.unitId}:${x.formId}`;
    if (c.draft) {
      const old = this.submissions.get(key(c.draft));
      this.submissions.set(key(c.draft), {
        unitId: c.draft.unitId,
        formId: c.draft.formId,
        status: old?.status ?? 'draft',
        answers: c.draft.answers,
        version: old?.version ?? 0,
        submittedAt: old?.submittedAt ?? null,
        late: old?.late ?? false,
      });
    }
    if (c.reopen) {
      const old = this.submissions.get(key(c.reopen));
      if (old) old.status = 'reopened';
    }
    if (c.submit) {
      const old = this.submissions.get(key(c.submit));
      const version = (old?.version ?? 0) + 1;
      this.submissions.set(key(c.submit), {
        unitId: c.submit.unitId,
        formId: c.submit.formId,
        status: 'submitted',
        answers: c.submit.answers,
        version,
        submittedAt: new Date(commit.at),
        late: c.submit.late,
      });
      this.history.push({ unitId: c.submit.unitId, formId: c.submit.formId, version, answers: c.submit.answers, late: c.submit.late });
    }
  }
}
