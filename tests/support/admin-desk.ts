// An admin desk without the bot: units held in memory, a scheduler that records the rounds it is asked for,
// and `ask` to write to the desk as an admin would.
import { expect } from 'vitest';
import { AdminDesk } from '../../src/admin/desk.js';
import { withSettingAdmins, type AdminDirectory } from '../../src/report/directory.js';
import { claimOutcome, codeExpiry, hashCode, type ClaimStore, type CodeHolder, type InvitedAdmin } from '../../src/admin/invites.js';
import type { Admin, Scope } from '../../src/report/scope.js';
import type { Campaign, Form } from '../../src/campaign/schema.js';
import { silentLogger } from '../../src/log/index.js';
import type { ReminderControl } from '../../src/schedule/scheduler.js';
import type { AdminStore, PickList, ReviewDecision } from '../../src/admin/store.js';
import type { AdminUnit, AuditEntry } from '../../src/report/units.js';

/** A ReminderControl that records what was asked and answers as told. */
export class FakeReminders implements ReminderControl {
  paused = false;
  asked: { formId: string; adminId: string }[] = [];
  /** the units each round was asked for, in order, by id */
  unitIds: number[][] = [];
  round: (form: Form) => { count: number; paused: boolean; etaMs: number } = () => ({ count: 3, paused: false, etaMs: 75_000 });
  pauses: { paused: boolean; actor: string }[] = [];

  async remindNow(form: Form, actor: string, unitIds: ReadonlySet<number>) {
    this.asked.push({ formId: form.id, adminId: actor });
    this.unitIds.push([...unitIds].sort((a, b) => a - b));
    return this.round(form);
  }

  async setPaused(paused: boolean, actor: string) {
    this.pauses.push({ paused, actor });
    if (this.paused === paused) return false;
    this.paused = paused;
    return true;
  }
}

/** The units the admins see, and the lists and audits the desk keeps, in memory. */
export class MemoryAdminStore implements AdminStore {
  audits: { actor: string; action: string }[] = [];
  /** what 日志 reads, oldest first */
  log: AuditEntry[] = [];
  /** the names the groups know, by contact id */
  names = new Map<string, string>();
  lists = new Map<string, PickList>();

  constructor(public unitList: AdminUnit[] = []) {}

  async units() {
    return this.unitList;
  }
  async versions() {
    return [];
  }
  async audit(actor: string, _at: Date, action: string) {
    this.audits.push({ actor, action });
  }
  async pickList(adminId: string) {
    return this.lists.get(adminId) ?? null;
  }
  async savePickList(adminId: string, list: PickList | null) {
    if (list) this.lists.set(adminId, list);
    else this.lists.delete(adminId);
  }
  async auditLog(query: { unitId?: number; beforeId?: number; limit: number }) {
    return this.log
      .filter((entry) => (query.unitId === undefined || entry.detail.unitId === query.unitId) && entry.id < (query.beforeId ?? Infinity))
      .reverse()
      .slice(0, query.limit);
  }
  async knownNames(ids: readonly string[]) {
    return new Map([...this.names].filter(([id]) => ids.includes(id)));
  }
  async bindingChanges() {
    return [];
  }
  moves = new Map<number, { roomId: string; topic: string | null; at: string }>();
  async moveRequest(unitId: number) {
    return this.moves.get(unitId) ?? null;
  }
  async forgetMoveRequest(unitId: number) {
    this.moves.delete(unitId);
  }
  async review(decision: ReviewDecision) {
    const submission = this.unitList.find((u) => u.id === decision.unitId)?.submissions.find((s) => s.formId === decision.formId);
    if (!submission || submission.version !== decision.version || submission.status !== 'submitted') return false;
    submission.review = { status: decision.status, note: decision.note ?? null, at: decision.at, by: decision.by };
    this.audits.push({ actor: decision.by, action: `review.${decision.status}` });
    return true;
  }
}

/** Invitations held in memory, as `npm run admin -- invite` would make them: the directory and the claims in one. */
export class MemoryInvitations implements ClaimStore, AdminDirectory {
  rows: (CodeHolder & { codeHash: string })[] = [];
  wrong: { contactId: string; at: Date; reason: string }[] = [];

  invite(name: string, scope: Scope, code: string, at: Date): void {
    const row = this.rows.find((r) => r.name === name);
    const fresh = { codeHash: hashCode(code), expiresAt: codeExpiry(at), usedAt: null };
    if (row) Object.assign(row, { scope }, fresh);
    else this.rows.push({ name, scope, contactId: null, ...fresh });
  }
  remove(name: string): void {
    this.rows = this.rows.filter((r) => r.name !== name);
  }
  async list(): Promise<InvitedAdmin[]> {
    return this.rows.flatMap((r) => (r.contactId ? [{ id: r.contactId, name: r.name, scope: r.scope }] : []));
  }
  async find(contactId: string) {
    return (await this.list()).find((admin) => admin.id === contactId);
  }
  async claim(codeHash: string, contactId: string, at: Date) {
    const row = this.rows.find((r) => r.codeHash === codeHash);
    const outcome = claimOutcome(
      row,
      this.rows.find((r) => r.contactId === contactId),
      contactId,
      at,
    );
    if (outcome.kind === 'bound') Object.assign(row!, { contactId, usedAt: at });
    return outcome;
  }
  async wrongCodes(contactId: string, since: Date) {
    return this.wrong.filter((w) => w.contactId === contactId && w.at >= since).map((w) => w.at);
  }
  async wrongCode(contactId: string, at: Date, detail: { reason: string }) {
    this.wrong.push({ contactId, at, reason: detail.reason });
  }
}

/** A roster unit with no submissions, named and placed as given. */
export function adminUnit(id: number, name: string, city: string | null, industry: string | null = null, roomTopic: string | null = null): AdminUnit {
  return { id, name, kind: 'collective', categories: ['provincialModel'], city, industry, roomTopic, submissions: [] };
}

export interface DeskOptions {
  campaign: Campaign;
  admins: Admin[];
  now: Date;
  units?: AdminUnit[];
  /** the names WeChat knows, by contact id (日志) */
  contacts?: Record<string, string>;
}

export function makeDesk(options: DeskOptions) {
  const reminders = new FakeReminders();
  const store = new MemoryAdminStore(options.units ?? []);
  const clock = { now: options.now };
  const unbound: number[] = [];
  const invitations = new MemoryInvitations();
  /** forms sent back, and what the groups were told */
  const returned: { unitId: number; formId: string; reason: string; by: string }[] = [];
  const moved: { unitId: number; toRoomId: string }[] = [];
  const notices: { key: string; roomId: string; text: string; mentionIds: readonly string[] }[] = [];
  const desk = new AdminDesk({
    campaign: options.campaign,
    admins: withSettingAdmins(options.admins, invitations),
    claims: invitations,
    store,
    groups: {
      // Frees the unit's group, if it has one.
      unbindUnit: async (unitId) => {
        const unit = store.unitList.find((u) => u.id === unitId);
        if (!unit?.roomTopic) return [];
        unbound.push(unitId);
        return [`room-${unitId}`];
      },
      // Frees the unit's group and binds the one that asked, as the groups' machines would.
      moveUnit: async (unitId, toRoomId) => {
        const unit = store.unitList.find((u) => u.id === unitId);
        if (!unit) return { freed: [], told: null };
        const freed = unit.roomTopic ? [`room-${unitId}`] : [];
        moved.push({ unitId, toRoomId });
        unit.roomTopic = toRoomId;
        return { freed, told: `✅ 已将本群绑定为：${unit.name}` };
      },
      // Reopens the unit's form, as its group's machine would, and says so.
      returnForm: async (unitId, formId, reason, by) => {
        const submission = store.unitList.find((u) => u.id === unitId)?.submissions.find((s) => s.formId === formId);
        if (!submission) return [];
        submission.status = 'reopened';
        returned.push({ unitId, formId, reason, by: by.name });
        return [{ roomId: `room-${unitId}`, text: `退回：${reason}`, mention: 'filler' }];
      },
    },
    notices: {
      toGroup: async (key, roomId, text, mentionIds) => {
        notices.push({ key, roomId, text, mentionIds });
      },
    },
    exporter: {} as never,
    // Roster files go through the real store in tests/e2e/admin-files.test.ts; here nothing waits.
    roster: {
      spec: {} as never,
      store: {
        importRows: async () => ({}) as never,
        savePending: async () => {},
        takePending: async () => null,
        checkScope: async (rows) => ({ rows: [...rows], refused: [] }),
      },
    },
    reminders,
    now: () => clock.now,
    log: silentLogger(),
    contactName: async (id) => options.contacts?.[id],
  });
  const ask = async (text: string, who: Admin | string = options.admins[0]!) => {
    const senderId = typeof who === 'string' ? who : who.id;
    const reply = await desk.handle({ senderId, senderName: '小陈', text });
    expect(reply.file).toBeUndefined();
    return reply.text;
  };
  return { desk, reminders, store, clock, unbound, returned, moved, notices, ask, invitations };
}
