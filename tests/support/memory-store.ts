// An in-memory ConversationStore for conversation tests that run without a database.
import type {
  BindResult,
  BoundRoom,
  Commit,
  ConversationStore,
  RosterUnit,
  SessionRecord,
  SubmissionRecord,
  UnitRecord,
} from '../../src/conversation/store.js';

export class MemoryStore implements ConversationStore {
  units: UnitRecord[] = [];
  rooms = new Map<string, number>();
  sessions = new Map<string, SessionRecord>();
  submissions = new Map<string, SubmissionRecord>();
  history: { unitId: number; formId: string; version: number; answers: unknown; late: boolean }[] = [];
  processed = new Set<string>();
  commits: Commit[] = [];
  /** units of the roster, by id (a subset of `units`) */
  roster = new Set<number>();
  offers = new Map<string, { unitIds: number[]; offeredBy: string }>();
  formOffers = new Map<string, { formIds: string[]; offeredBy: string }>();
  roomInfo = new Map<string, { topic: string | null; members: string[] }>();

  /** Adds a roster unit that no group is bound to yet. */
  addRosterUnit(name: string, details: Partial<Pick<RosterUnit, 'kind' | 'category' | 'city' | 'industry'>> = {}): UnitRecord {
    const unit: UnitRecord = {
      id: this.units.length + 1,
      name,
      kind: details.kind ?? 'collective',
      category: details.category ?? 'other',
      city: details.city ?? null,
      industry: details.industry ?? null,
    };
    this.units.push(unit);
    this.roster.add(unit.id);
    return unit;
  }

  /** Binds a room to a new collective, as the roster would. */
  addUnit(roomId: string, name: string): UnitRecord {
    // An ordinary collective: it fills 附件2 only, so 填报 opens that form at once.
    const unit: UnitRecord = { id: this.units.length + 1, name, kind: 'collective', category: 'other', city: null, industry: null };
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

  async registerUnit(input: { roomId: string; roomTopic: string | null; members: string[]; name: string }) {
    const existing = await this.unitOfRoom(input.roomId);
    if (existing) return existing;
    this.roomInfo.set(input.roomId, { topic: input.roomTopic, members: input.members });
    return this.addUnit(input.roomId, input.name);
  }

  async session(roomId: string) {
    const record = this.sessions.get(roomId);
    return record ? structuredClone(record) : null;
  }

  async submission(unitId: number, formId: string) {
    const record = this.submissions.get(`${unitId}:${formId}`);
    return record ? structuredClone(record) : null;
  }

  async rosterUnits(): Promise<RosterUnit[]> {
    return this.units
      .filter((unit) => this.roster.has(unit.id))
      .map((unit) => {
        const roomId = [...this.rooms].find(([, id]) => id === unit.id)?.[0] ?? null;
        return {
          ...unit,
          boundRoomId: roomId,
          boundRoomTopic: roomId ? (this.roomInfo.get(roomId)?.topic ?? null) : null,
        };
      });
  }

  async bindingOffer(roomId: string) {
    return structuredClone(this.offers.get(roomId) ?? null);
  }

  media: { id: number; unitId: number; formId: string; name: string; mime: string; size: number }[] = [];

  async saveMedia(input: { unitId: number; formId: string; name: string; mime: string; data: Buffer }) {
    const id = this.media.length + 1;
    this.media.push({ id, unitId: input.unitId, formId: input.formId, name: input.name, mime: input.mime, size: input.data.length });
    return { id };
  }

  async formOffer(roomId: string) {
    return structuredClone(this.formOffers.get(roomId) ?? null);
  }

  async bindRoom(input: { roomId: string; roomTopic: string | null; members: string[]; unitId: number }): Promise<BindResult> {
    const elsewhere = [...this.rooms].find(([roomId, id]) => id === input.unitId && roomId !== input.roomId);
    if (elsewhere) return { ok: false, boundTopic: this.roomInfo.get(elsewhere[0])?.topic ?? null };
    this.rooms.set(input.roomId, input.unitId);
    this.roomInfo.set(input.roomId, { topic: input.roomTopic, members: input.members });
    this.offers.delete(input.roomId);
    const unit = (await this.rosterUnits()).find((u) => u.id === input.unitId);
    return unit ? { ok: true, unit } : { ok: false, boundTopic: null };
  }

  async boundRoomsWithTopic(topic: string): Promise<BoundRoom[]> {
    return [...this.rooms]
      .filter(([roomId]) => this.roomInfo.get(roomId)?.topic === topic)
      .map(([roomId, unitId]) => ({ roomId, unitId, topic, members: this.roomInfo.get(roomId)?.members ?? [] }));
  }

  async moveRoom(input: { from: string; to: string; topic: string | null; members: string[] }) {
    const unitId = this.rooms.get(input.from);
    if (unitId === undefined) return;
    this.rooms.delete(input.from);
    this.rooms.set(input.to, unitId);
    this.roomInfo.delete(input.from);
    this.roomInfo.set(input.to, { topic: input.topic, members: input.members });
    const open = this.sessions.get(input.from);
    if (open && !this.sessions.has(input.to)) {
      this.sessions.delete(input.from);
      this.sessions.set(input.to, { ...open, roomId: input.to });
    }
  }

  async commit(commit: Commit) {
    // Stored as JSON, the way the database keeps it, so nothing live leaks through.
    const c = JSON.parse(JSON.stringify(commit)) as Commit;
    this.commits.push(c);
    this.processed.add(c.messageId);
    if (c.formOffer === null) this.formOffers.delete(c.roomId);
    else if (c.formOffer) this.formOffers.set(c.roomId, c.formOffer);
    if (c.offer === null) this.offers.delete(c.roomId);
    else if (c.offer) this.offers.set(c.roomId, c.offer);
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
