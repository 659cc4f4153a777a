// The send limits, kept for every message the bot sends: replies (which go out at once but still count)
// and the outbox (which waits for the gap and stops at the daily cap). The count of the day and the last
// send are stored, so a restart neither resets the cap nor sends at once after the last message.
import type { SendLimits } from './budget.js';
import { localDay } from '../campaign/time.js';
import type { ScheduleStore } from './store.js';

export type GateAnswer = { open: true } | { open: false; reason: 'gap' | 'cap' };

export class SendGate {
  private day: string | undefined;
  private count = 0;
  private nextAt = 0;
  private loaded = false;

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

  private async load(at: Date): Promise<void> {
    const day = localDay(at, this.options.zone);
    if (this.day === day) return;
    const stored = await this.options.store.sends(day);
    this.day = day;
    this.count = stored.count;
    if (!this.loaded && stored.lastAt) this.nextAt = Math.max(this.nextAt, stored.lastAt.getTime() + this.options.limits.minGapMs);
    this.loaded = true;
  }

  /** Whether the outbox may send at `at`, keeping `reserve` of the day's cap for other messages. */
  async check(at: Date, reserve = 0): Promise<GateAnswer> {
    await this.load(at);
    if (this.count >= this.options.limits.dailyCap - reserve) return { open: false, reason: 'cap' };
    if (at.getTime() < this.nextAt) return { open: false, reason: 'gap' };
    return { open: true };
  }

  /** A message went out (or was attempted) at `at`. */
  async record(at: Date): Promise<void> {
    await this.load(at);
    const { minGapMs, jitterMs } = this.options.limits;
    this.count += 1;
    this.nextAt = Math.max(this.nextAt, at.getTime() + minGapMs + Math.floor((this.options.random ?? Math.random)() * jitterMs));
    await this.options.store.recordSend(this.day!, at);
  }

  /**
   * Messages already counted in the database by another write (a group's step stores the count of its
   * replies with it): the count in memory and the gap follow.
   */
  async noteSent(count: number, at: Date): Promise<void> {
    if (this.day === localDay(at, this.options.zone)) this.count += count;
    else await this.load(at);
    const { minGapMs, jitterMs } = this.options.limits;
    this.nextAt = Math.max(this.nextAt, at.getTime() + minGapMs + Math.floor((this.options.random ?? Math.random)() * jitterMs));
  }

  /** Messages counted today (as of the last check or record). */
  async sentOn(at: Date): Promise<number> {
    await this.load(at);
    return this.count;
  }
}
