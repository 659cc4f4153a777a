// Drains the outbox: one message at a time, within the send limits, never in the quiet hours. A message
// is marked 'sending' before it goes and 'sent' after, so a crash in between sends it again on start (the
// one unavoidable double) and nothing is lost. A failed send waits and is tried again a bounded number of
// times, then recorded as failed; it never holds up the messages behind it.
import type { Logger } from '../log.js';
import { isQuiet, type QuietHours } from './quiet-hours.js';
import type { SendGate } from './send-gate.js';
import type { OutboxKind, OutboxRow, ScheduleStore } from './store.js';

/** `via`: the account that sent it, when the bot has several */
export type Delivered = { sent: true; via?: string } | { sent: false; reason: string };
/** Sends one outbox row; says why when there was nothing to send after all. Throws when sending failed. */
export type Deliver = (row: OutboxRow, now: Date) => Promise<Delivered>;

/** Waits before the 2nd, 3rd and 4th try; after the last, the message is recorded as failed. */
export const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 15 * 60_000] as const;

export interface SenderOptions {
  store: ScheduleStore;
  gate: SendGate;
  deliver: Deliver;
  quiet: QuietHours;
  zone: string;
  log: Logger;
}

export class OutboxSender {
  constructor(private readonly options: SenderOptions) {}

  /**
   * Sends what is due at `now` and the limits allow, of the given kinds, leaving `reserve` of the day's cap
   * unused; returns how many went out.
   */
  async drain(now: Date, kinds: readonly OutboxKind[], reserve = 0): Promise<number> {
    const { store, gate, log } = this.options;
    const expired = await store.expire(now);
    if (expired.length > 0) {
      log.warn({ count: expired.length, keys: expired.slice(0, 20).map((row) => row.key) }, 'outbox messages expired unsent');
    }
    if (isQuiet(now, this.options.quiet, this.options.zone)) return 0;
    let sent = 0;
    for (;;) {
      if (!(await gate.check(now, reserve)).open) break;
      const row = await store.nextDue(now, kinds);
      if (!row) break;
      await store.markSending(row.id);
      let outcome: Delivered;
      try {
        outcome = await this.options.deliver(row, now);
      } catch (error) {
        await gate.record(now);
        await this.failed(row, now, error);
        continue;
      }
      if (outcome.sent) {
        await gate.record(now);
        await store.finish(row.id, 'sent', now, undefined, outcome.via);
        sent += 1;
      } else {
        await store.finish(row.id, 'skipped', now, outcome.reason);
        log.info({ key: row.key, reason: outcome.reason }, 'outbox message skipped');
      }
    }
    return sent;
  }

  private async failed(row: OutboxRow, now: Date, error: unknown): Promise<void> {
    const { store, log } = this.options;
    const attempt = row.attempts + 1;
    const message = error instanceof Error ? error.message : String(error);
    const delay = RETRY_DELAYS_MS[attempt - 1];
    if (delay === undefined) {
      await store.finish(row.id, 'failed', now, message);
      log.error({ key: row.key, attempts: attempt, err: error }, 'outbox message failed for good');
      return;
    }
    await store.retryLater(row.id, new Date(now.getTime() + delay), message);
    log.warn({ key: row.key, attempt, retryInMs: delay, err: error }, 'outbox message failed, will retry');
  }
}
