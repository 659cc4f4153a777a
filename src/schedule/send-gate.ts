// The send limits, kept for every message the bot sends: replies (which go out at once but still count)
// and the outbox (which waits for the gap and stops at the daily cap). The count of the day and the last
// send are stored, so a restart neither resets the cap nor sends at once after the last message.
import type { SendLimits } from './budget.js';
import { localDay } from '../campaign/time.js';
import type { ScheduleStore } from './store.js';

export type GateAnswer = { open: true } | { open: false; reason: 'gap' | 'cap' };

export class SendGate {
  /** the earliest the outbox may send again: the last send, the gap and its jitter */
  private nextAt = 0;

  constructor(
    private readonly options: {
      limits: SendLimits;
      zone: string;
      store: Pick<ScheduleStore, 'sends' | 'recordSend'>;
      /** 0 ≤ random() < 1, for the jitter */
      random?: () => number;
    },
  ) {}

  get limits(): SendLimits {
    return this.options.limits;
  }

  /**
   * Whether the outbox may send at `at`, keeping `reserve` of the day's cap for other messages. The day's
   * count and the last send are read from the database, where every message sent is counted (a group's
   * replies with the write of its step), so they hold across restarts and never drift.
   */
  async check(at: Date, reserve = 0): Promise<GateAnswer> {
    const stored = await this.options.store.sends(localDay(at, this.options.zone));
    if (stored.lastAt) this.nextAt = Math.max(this.nextAt, stored.lastAt.getTime() + this.options.limits.minGapMs);
    if (stored.count >= this.options.limits.dailyCap - reserve) return { open: false, reason: 'cap' };
    if (at.getTime() < this.nextAt) return { open: false, reason: 'gap' };
    return { open: true };
  }

  /** A message went out (or was attempted) at `at`: counted, and the gap starts again. */
  async record(at: Date): Promise<void> {
    this.noteSent(at);
    await this.options.store.recordSend(localDay(at, this.options.zone), at);
  }

  /** A message counted in the database by another write (a group's replies): the gap starts again. */
  noteSent(at: Date): void {
    const { minGapMs, jitterMs } = this.options.limits;
    this.nextAt = Math.max(this.nextAt, at.getTime() + minGapMs + Math.floor((this.options.random ?? Math.random)() * jitterMs));
  }

  /** Messages counted on the day of `at`. */
  async sentOn(at: Date): Promise<number> {
    return (await this.options.store.sends(localDay(at, this.options.zone))).count;
  }
}
