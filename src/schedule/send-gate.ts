// One account's send limits, kept for every message it sends: replies (which go out at once but still
// count) and the outbox (which waits for the gap, stops at the daily cap and keeps the quiet hours). The
// count of the day and the last send are stored per account, so a restart neither resets a cap nor sends at
// once after the last message.
import type { BudgetContext, SendLimits } from './budget.js';
import { localDay } from '../campaign/index.js';
import { isQuiet, type QuietHours } from './quiet-hours.js';
import type { ScheduleStore } from './store.js';

export type GateAnswer = { open: true } | { open: false; reason: 'gap' | 'cap' | 'quiet' };

export interface SendGateOptions {
  /** the account whose sends this gate keeps */
  account: string;
  limits: SendLimits;
  quiet: QuietHours;
  zone: string;
  store: Pick<ScheduleStore, 'sends' | 'recordSend'>;
  /** 0 ≤ random() < 1, for the jitter */
  random?: () => number;
}

export class SendGate {
  /** the earliest the outbox may send again: the last send, the gap and its jitter */
  private nextAt = 0;

  constructor(private readonly options: SendGateOptions) {}

  get account(): string {
    return this.options.account;
  }

  get limits(): SendLimits {
    return this.options.limits;
  }

  get quiet(): QuietHours {
    return this.options.quiet;
  }

  /**
   * Whether the outbox may send through this account at `at`, keeping `reserve` of the day's cap for other
   * messages. The day's count and the last send are read from the database, where every message sent is
   * counted (a group's replies with the write of its step), so they hold across restarts and never drift.
   */
  async check(at: Date, reserve = 0): Promise<GateAnswer> {
    const { store, account, zone, limits, quiet } = this.options;
    if (isQuiet(at, quiet, zone)) return { open: false, reason: 'quiet' };
    const stored = await store.sends(account, localDay(at, zone));
    if (stored.lastAt) this.nextAt = Math.max(this.nextAt, stored.lastAt.getTime() + limits.minGapMs);
    if (stored.count >= limits.dailyCap - reserve) return { open: false, reason: 'cap' };
    if (at.getTime() < this.nextAt) return { open: false, reason: 'gap' };
    return { open: true };
  }

  /** A message went out (or was attempted) at `at`: counted, and the gap starts again. */
  async record(at: Date): Promise<void> {
    this.noteSent(at);
    await this.options.store.recordSend(this.options.account, localDay(at, this.options.zone), at);
  }

  /** A message counted in the database by another write (a group's replies): the gap starts again. */
  noteSent(at: Date): void {
    const { minGapMs, jitterMs } = this.options.limits;
    this.nextAt = Math.max(this.nextAt, at.getTime() + minGapMs + Math.floor((this.options.random ?? Math.random)() * jitterMs));
  }

  /** Messages counted on the day of `at`. */
  async sentOn(at: Date): Promise<number> {
    return (await this.options.store.sends(this.options.account, localDay(at, this.options.zone))).count;
  }

  /** What the budget arithmetic needs of this account at `now`, with `reserve` of each day's cap kept back. */
  async budget(now: Date, reserve: number): Promise<BudgetContext> {
    const { zone, limits, quiet } = this.options;
    const today = localDay(now, zone);
    const sent = await this.sentOn(now);
    return { limits: { ...limits, dailyCap: limits.dailyCap - reserve }, quiet, zone, sentOn: (day) => (day === today ? sent : 0) };
  }
}
