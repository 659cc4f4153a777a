// What the scheduler reads and writes: the units that may need reminding, the outbox, the reminder rounds
// already dealt with, the day's send count and the admins' switches.
import type { Answers } from '../conversation/index.js';
import type { UnitProfile } from '../conversation/index.js';

export interface RemindableUnit extends UnitProfile {
  /** the group the unit is bound to, if any */
  roomId: string | null;
  roomTopic: string | null;
  submissions: { formId: string; status: 'draft' | 'submitted' | 'reopened'; answers: Answers }[];
  /** who holds the group's open form, to @-mention */
  owner: { id: string; name: string; formId: string } | null;
}

/** notice: a message an admin's action sends a group (a form sent back by its reviewer) */
export type OutboxKind = 'reminder' | 'digest' | 'notice';
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'expired' | 'skipped';

export interface NewOutboxRow {
  key: string;
  kind: OutboxKind;
  /** room id (reminder, notice) or contact id (digest) */
  target: string;
  payload: object;
  priority: number;
  notBefore: Date;
  expiresAt: Date | null;
}

export interface OutboxRow extends Omit<NewOutboxRow, 'payload'> {
  id: number;
  payload: unknown;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  doneAt: Date | null;
}

export interface ReminderRound {
  /** formId:step */
  key: string;
  formId: string;
  step: string;
  status: 'planned' | 'skipped';
  recipients: number;
  shortfall: number;
  at: Date;
}

export interface ScheduleStore {
  units(): Promise<RemindableUnit[]>;
  unit(unitId: number): Promise<RemindableUnit | null>;

  /** adds the rows whose key is new; returns how many were added */
  enqueue(rows: readonly NewOutboxRow[]): Promise<number>;
  /**
   * Up to `limit` pending rows due at `now` and not expired, of the given kinds, in sending order (lowest
   * priority, then oldest) and after `after` in that order when given: a page of what waits
   */
  due(now: Date, kinds: readonly OutboxKind[], after: Pick<OutboxRow, 'priority' | 'id'> | null, limit: number): Promise<OutboxRow[]>;
  /** claimed for sending: a row left in this state by a crash is sent again on start */
  markSending(id: number): Promise<void>;
  /** `sentBy`: the account that sent it, when the bot has several */
  finish(id: number, status: 'sent' | 'failed' | 'skipped', at: Date, note?: string, sentBy?: string): Promise<void>;
  retryLater(id: number, notBefore: Date, error: string): Promise<void>;
  /** pending rows past their use: marked expired; returns them */
  expire(now: Date): Promise<OutboxRow[]>;
  /** pending reminders of `formId` from other steps, overtaken by a new round: skipped; returns how many */
  supersede(formId: string, step: string, at: Date): Promise<number>;
  /** rows a crash left in 'sending' go back to pending; returns how many */
  recoverInFlight(): Promise<number>;
  /** rows of a kind waiting to be sent */
  pendingCount(kind: OutboxKind): Promise<number>;
  /** the rows of a kind waiting to be sent (or being sent), in sending order: their keys and targets */
  pendingTargets(kind: OutboxKind): Promise<{ key: string; target: string }[]>;
  /** messages waiting to be sent (or being sent), and those that failed for good */
  outboxHealth(): Promise<{ pending: number; failed: number }>;
  /** rows that ended with `status` since `since` */
  endedSince(status: 'failed' | 'expired', since: Date): Promise<OutboxRow[]>;

  round(key: string): Promise<ReminderRound | null>;
  saveRound(round: ReminderRound): Promise<void>;

  /** messages an account sent on a local day, and its last send ever */
  sends(account: string, day: string): Promise<{ count: number; lastAt: Date | null }>;
  recordSend(account: string, day: string, at: Date): Promise<void>;

  setting(key: string): Promise<string | null>;
  setSetting(key: string, value: string, actor: string, at: Date): Promise<void>;
}
