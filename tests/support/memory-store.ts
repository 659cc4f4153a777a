// An in-memory GroupStore for conversation tests that run without a database. Every write is checked and
// applied as the SQLite store does it: the handled message id, compare-and-set on the group's revision, a
// unit bound to one group only, the answers, submissions with their history, all or nothing.
import type { SavedForm, UnitProfile } from '../../src/conversation/group-types.js';
import type { AdminSubmission } from '../../src/report/units.js';
import type { BoundRoom, GroupRecord, GroupStore, GroupWrite, MediaToKeep, RoomMove, WriteResult } from '../../src/conversation/store.js';

export interface RoomRow extends GroupRecord {
  topic: string | null;
  members: string[];
  memberIds?: string[];
  /** when the group last wrote */
  lastSeenAt?: Date;
}

/** A unit's submission of one form, as the admins' store reads it back. */
export type SubmissionRow = AdminSubmission & { unitId: number };

export class MemoryStore implements GroupStore {
  units: UnitProfile[] = [];
  /** units of the roster, by id (a subset of `units`) */
  roster = new Set<number>();
  rooms = new Map<string, RoomRow>();
  submissions = new Map<string, SubmissionRow>();
  history: { unitId: number; formId: string; version: number; answers: unknown; late: boolean }[] = [];
  processed = new Set<string>();
  writes: GroupWrite[] = [];
  audit: { actor: string; action: string; detail: object }[] = [];
  media: { id: number; unitId: number; formId: string; name: string; mime: string; size: number }[] = [];
  /** makes every write fail, as a locked database would */
  failing = false;

  /** Adds a roster unit that no group is bound to yet. */
  addRosterUnit(name: string, details: Partial<Pick<UnitProfile, 'kind' | 'categories' | 'city' | 'industry'>> = {}): UnitProfile {
    const unit: UnitProfile = {
      id: this.units.length + 1,
      name,
      kind: details.kind ?? 'collective',
      categories: details.categories ?? ((details.kind ?? 'collective') === 'collective' ? ['other'] : []),
      city: details.city ?? null,
      industry: details.industry ?? null,
    };
    this.units.push(unit);
    this.roster.add(unit.id);
    return unit;
  }

  /** Binds a room to a new collective, as the roster and an earlier binding would. */
  addUnit(roomId: string, name: string, details: Partial<Pick<UnitProfile, 'kind' | 'categories' | 'city' | 'industry'>> = {}): UnitProfile {
    // An ordinary collective by default: it fills 附件2 only, so 填报 opens that form at once.
    const unit = this.addRosterUnit(name, details);
    this.bind(roomId, unit.id);
    return unit;
  }

  /** Binds a room to an existing unit, as an earlier binding would have. */
  bind(roomId: string, unitId: number, topic: string | null = null, members: string[] = []): void {
    const row = this.rooms.get(roomId);
    this.rooms.set(roomId, { ...(row ?? emptyRow(roomId)), unitId, topic, members });
  }

  /** The unit a room is bound to. */
  unitOf(roomId: string): number | null {
    return this.rooms.get(roomId)?.unitId ?? null;
  }

  async isProcessed(messageId: string): Promise<boolean> {
    return this.processed.has(messageId);
  }

  async load(roomId: string): Promise<GroupRecord | null> {
    const row = this.rooms.get(roomId);
    return row ? structuredClone(row) : null;
  }

  async unit(unitId: number): Promise<UnitProfile | null> {
    const unit = this.units.find((u) => u.id === unitId);
    return unit ? { ...unit } : null;
  }

  async savedForms(unitId: number): Promise<Record<string, SavedForm>> {
    const forms: Record<string, SavedForm> = {};
    for (const row of this.submissions.values()) {
      if (row.unitId !== unitId) continue;
      forms[row.formId] = {
        answers: structuredClone(row.answers),
        status: row.status,
        version: row.version,
        submittedAt: row.submittedAt?.getTime() ?? null,
        late: row.late,
      };
    }
    return forms;
  }

  async rosterUnits(): Promise<readonly UnitProfile[]> {
    return this.units.filter((unit) => this.roster.has(unit.id)).map((unit) => ({ ...unit }));
  }

  async bindings(unitIds: readonly number[]): Promise<Map<number, { roomId: string; topic: string | null }>> {
    const bound = new Map<number, { roomId: string; topic: string | null }>();
    for (const unitId of unitIds) {
      const row = [...this.rooms.values()].find((r) => r.unitId === unitId);
      if (row) bound.set(unitId, { roomId: row.roomId, topic: row.topic });
    }
    return bound;
  }

  async roomsOfUnit(unitId: number): Promise<string[]> {
    return [...this.rooms.values()].filter((row) => row.unitId === unitId).map((row) => row.roomId);
  }

  async boundRoomsWithTopic(topic: string): Promise<BoundRoom[]> {
    return [...this.rooms.values()]
      .filter((row) => row.unitId !== null && row.topic === topic)
      .map((row) => ({
        roomId: row.roomId,
        unitId: row.unitId!,
        topic: row.topic,
        members: row.members,
        memberIds: row.memberIds ?? [],
        lastSeenAt: row.lastSeenAt ?? null,
      }));
  }

  async moveRoom(input: RoomMove): Promise<void> {
    const row = this.rooms.get(input.from);
    if (!row) return;
    this.rooms.delete(input.from);
    this.rooms.set(input.to, { ...row, roomId: input.to, topic: input.topic, members: input.members, memberIds: input.memberIds, revision: row.revision + 1 });
  }

  async saveMedia(input: MediaToKeep): Promise<{ id: number }> {
    const id = this.media.length + 1;
    this.media.push({ id, unitId: input.unitId, formId: input.formId, name: input.name, mime: input.mime, size: input.data.length });
    return { id };
  }

  async write(input: GroupWrite): Promise<WriteResult> {
    if (this.failing) throw new Error('database is locked');
    // Stored as JSON, the way the database keeps it, so nothing live leaks through.
    const write = JSON.parse(JSON.stringify(input)) as GroupWrite;
    if (write.messageId !== null && this.processed.has(write.messageId)) return { ok: false, reason: 'duplicate' };
    const row = this.rooms.get(write.roomId) ?? emptyRow(write.roomId);
    if (row.revision !== write.revision) return { ok: false, reason: 'conflict' };
    let unitId = write.unitId;
    let created: number | null = null;
    for (const effect of write.effects) {
      if (effect.kind === 'bind') {
        const elsewhere = [...this.rooms.values()].find((other) => other.unitId === effect.unitId && other.roomId !== write.roomId);
        if (elsewhere) return { ok: false, reason: 'taken' };
      }
      if (effect.kind === 'register') {
        const unit = this.addRosterUnit(effect.name, { categories: ['other'] });
        this.roster.delete(unit.id);
        created = unitId = unit.id;
        write.state.context.unit = { ...write.state.context.unit!, id: unit.id };
      }
    }
    if (write.messageId !== null) this.processed.add(write.messageId);
    this.writes.push(write);
    this.rooms.set(write.roomId, {
      ...row,
      lastSeenAt: new Date(write.at),
      revision: row.revision + 1,
      version: write.version,
      state: write.state,
      unitId,
      ownerId: write.ownerId,
      ownerName: write.ownerName,
      formId: write.formId,
      ...(write.seen ? { topic: write.seen.topic, members: write.seen.members, memberIds: write.seen.memberIds } : {}),
    });
    const key = (formId: string) => `${unitId}:${formId}`;
    for (const draft of write.drafts) {
      const old = this.submissions.get(key(draft.formId));
      this.submissions.set(key(draft.formId), {
        unitId: unitId!,
        formId: draft.formId,
        status: old?.status ?? 'draft',
        answers: draft.answers,
        version: old?.version ?? 0,
        submittedAt: old?.submittedAt ?? null,
        late: old?.late ?? false,
        review: old?.review ?? null,
      });
    }
    for (const effect of write.effects) {
      this.audit.push({ actor: write.actor, action: effect.kind, detail: effect });
      if (effect.kind === 'submit') {
        const answers = write.state.context.forms[effect.formId]?.answers ?? {};
        const old = this.submissions.get(key(effect.formId));
        const version = (old?.version ?? 0) + 1;
        this.submissions.set(key(effect.formId), {
          unitId: unitId!,
          formId: effect.formId,
          status: 'submitted',
          answers,
          version,
          submittedAt: new Date(write.at),
          late: effect.late,
          review: { status: 'pending', note: null, at: null, by: null },
        });
        this.history.push({ unitId: unitId!, formId: effect.formId, version, answers, late: effect.late });
      }
      if (effect.kind === 'reopen') {
        const old = this.submissions.get(key(effect.formId));
        if (old) old.status = 'reopened';
      }
    }
    return { ok: true, revision: row.revision + 1, unitId: created };
  }
}

function emptyRow(roomId: string): RoomRow {
  return { roomId, revision: 0, version: null, state: null, unitId: null, ownerId: null, ownerName: null, formId: null, topic: null, members: [] };
}
