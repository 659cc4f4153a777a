// The scheduled work, run by tick(): queue the reminder rounds and digests due now, then send what the
// limits allow. All state is in the database (outbox, rounds, send counts, the pause switch), so ticks
// can come from a timer, a test's fake clock or a restart alike; ticks never overlap.
import type { AdminDirectory } from '../report/index.js';
import { deadlineOf } from '../campaign/index.js';
import type { Campaign, Form } from '../campaign/index.js';
import type { Logger } from '../log/index.js';
import type { AdminUnit, AuditEntry } from '../report/index.js';
import type { BudgetState } from './digest-text.js';
import { DigestPlanner } from './digests.js';
import { ReminderPayloadSchema, ReminderPlanner } from './reminders.js';
import type { SendGate } from './send-gate.js';
import type { SendGates } from './send-gates.js';
import { OutboxSender, type Deliver, type Routes } from './sender.js';
import type { AccountBudget } from './spread.js';
import type { ScheduleStore } from './store.js';

/** Planning reads every unit: once a minute is often enough; sending is checked at every tick. */
const PLAN_EVERY_MS = 60_000;
/** the setting that holds whether reminders are paused (read back by 日志) */
export const PAUSED = 'reminders.paused';
const DAY_MS = 86_400_000;

export interface SchedulerOptions {
  campaign: Campaign;
  /** who the admins are now: digests go to them, and the day's cap keeps room for them */
  admins: Pick<AdminDirectory, 'list'>;
  store: ScheduleStore;
  adminUnits: () => Promise<AdminUnit[]>;
  /** what the digests report of the bindings */
  bindingChanges: (since: Date) => Promise<AuditEntry[]>;
  /** each account's send limits and quiet hours */
  gates: SendGates;
  /** which accounts can reach a group or an admin */
  routes: Routes;
  deliver: Deliver;
  /** minutes after local midnight */
  digestAt: number;
  now: () => Date;
  /** false while the bot is not logged in: nothing is sent (and so nothing fails) until it is */
  online: () => boolean;
  log: Logger;
}

/** Messages an admin's action sends to a group, through the outbox. */
export interface GroupNotices {
  toGroup(key: string, roomId: string, text: string, mentionIds: readonly string[]): Promise<void>;
}

export interface ReminderControl {
  /** queues a round of `form` for the units in the admin's scope; how many groups it reaches and whether reminders are paused */
  /** a round now for these units (the ones an admin asked for, within its scope), asked by `actor` */
  remindNow(form: Form, actor: string, unitIds: ReadonlySet<number>): Promise<{ count: number; paused: boolean; etaMs: number }>;
  /** pauses or resumes; false if it already was so */
  setPaused(paused: boolean, actor: string): Promise<boolean>;
}

export class Scheduler implements ReminderControl, GroupNotices {
  private chain: Promise<void> = Promise.resolve();
  private recovered = false;
  private lastPlan: number | undefined;
  private readonly reminders: ReminderPlanner;
  private readonly digests: DigestPlanner;
  private readonly sender: OutboxSender;

  constructor(private readonly options: SchedulerOptions) {
    const { campaign, store, log } = options;
    this.reminders = new ReminderPlanner({ campaign, store, budgets: (now) => this.budgets(now), routes: options.routes, log });
    this.digests = new DigestPlanner({
      campaign,
      admins: options.admins,
      units: options.adminUnits,
      store,
      digestAt: options.digestAt,
      firstDay: this.reminders.firstWindow ?? options.now(),
      budget: (now) => this.budgetState(now),
      bindingChanges: options.bindingChanges,
      log,
    });
    this.sender = new OutboxSender({ store, gates: options.gates, routes: options.routes, deliver: options.deliver, log });
  }

  /** Runs the work due at now(); resolves when it is done. Calls made while one runs wait their turn. */
  tick(): Promise<void> {
    const run = this.chain.then(() => this.runOnce());
    this.chain = run.catch(() => undefined);
    return run;
  }

  /**
   * Of each account's daily cap, what reminders leave for the admins' digests: two each (the daily one and
   * one after a deadline), at most half the cap.
   */
  private async reserve(): Promise<(gate: SendGate) => number> {
    const admins = (await this.options.admins.list()).length;
    return (gate) => Math.min(2 * admins, Math.floor(gate.limits.dailyCap / 2));
  }

  /** Resolves when the tick under way, if any, is done. */
  idle(): Promise<void> {
    return this.chain;
  }

  private async runOnce(): Promise<void> {
    const { store, log } = this.options;
    const now = this.options.now();
    if (!this.recovered) {
      const again = await store.recoverInFlight();
      if (again > 0) log.warn({ count: again }, 'messages that were being sent when the bot stopped will be sent again');
      this.recovered = true;
    }
    const t = now.getTime();
    if (this.lastPlan === undefined || t - this.lastPlan >= PLAN_EVERY_MS || t < this.lastPlan) {
      await this.reminders.plan(now);
      await this.digests.plan(now);
      this.sender.wake();
      this.lastPlan = t;
    }
    if (!this.options.online()) return;
    // What admins send to groups and the admins' digests go before the reminders, paused or not.
    await this.sender.drain(now, ['notice', 'digest']);
    if (!(await this.paused())) await this.sender.drain(now, ['reminder'], await this.reserve());
  }

  async paused(): Promise<boolean> {
    return (await this.options.store.setting(PAUSED)) === 'true';
  }

  async setPaused(paused: boolean, actor: string): Promise<boolean> {
    if ((await this.paused()) === paused) return false;
    await this.options.store.setSetting(PAUSED, String(paused), actor, this.options.now());
    this.options.log.info({ actor, paused }, paused ? 'reminders paused' : 'reminders resumed');
    return true;
  }

  /**
   * Queues a message for a group (a form sent back with its reason), sent by the outbox like the rest: once,
   * within the limits, kept across a restart. `key` makes a repeat of the same action one message. Sending
   * starts at once, not at the next tick.
   */
  async toGroup(key: string, roomId: string, text: string, mentionIds: readonly string[]): Promise<void> {
    const now = this.options.now();
    await this.options.store.enqueue([
      { key, kind: 'notice', target: roomId, payload: { text, mentionIds: [...mentionIds] }, priority: -1, notBefore: now, expiresAt: null },
    ]);
    this.sender.wake();
    void this.tick().catch((error: unknown) => this.options.log.warn({ err: error }, 'sending a notice failed; the outbox will retry'));
  }

  async remindNow(form: Form, actor: string, unitIds: ReadonlySet<number>): Promise<{ count: number; paused: boolean; etaMs: number }> {
    const now = this.options.now();
    const count = await this.reminders.remindNow(form, now, (unit) => unitIds.has(unit.id));
    this.sender.wake();
    this.options.log.info({ actor, form: form.id, groups: count }, 'reminder round asked for');
    // The accounts send side by side, each at its own average pace.
    const { gates } = this.options;
    const average = gates.list.reduce((sum, gate) => sum + gate.limits.minGapMs + gate.limits.jitterMs / 2, 0) / gates.list.length;
    return { count, paused: await this.paused(), etaMs: (count * average) / gates.list.length };
  }

  private async budgets(now: Date): Promise<AccountBudget[]> {
    const reserve = await this.reserve();
    return Promise.all(this.options.gates.list.map(async (gate) => ({ account: gate.account, context: await gate.budget(now, reserve(gate)) })));
  }

  async budgetState(now: Date): Promise<BudgetState> {
    const { store, gates, campaign } = this.options;
    const since = new Date(now.getTime() - DAY_MS);
    const failed = await store.endedSince('failed', since);
    const expired = await store.endedSince('expired', since);
    return {
      sentToday: await gates.sentOn(now),
      dailyCap: gates.dailyCap,
      pendingReminders: await store.pendingCount('reminder'),
      paused: await this.paused(),
      failed: failed.map((row) => {
        const reminder = ReminderPayloadSchema.safeParse(row.payload);
        return reminder.success ? reminder.data.unitName : row.target;
      }),
      expired: expired.filter((row) => row.kind === 'reminder').length,
      shortfalls: (await this.reminders.shortfalls(now)).filter((s) => s.count > 0 && deadlineOf(campaign, s.form) > now),
    };
  }
}
