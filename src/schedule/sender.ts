// Drains the outbox: one message at a time, each through an account that can reach its group or admin and
// whose send gate is open (its gap, daily cap and quiet hours). A message only a closed account can reach
// waits for it while the others go on; with several accounts in a group, the first open one sends, so a
// group whose account is out of room or logged out is reminded through another of its accounts. A message
// is marked 'sending' before it goes and 'sent' after, so a crash in between sends it again on start (the
// one unavoidable double) and nothing is lost. A failed send waits and is tried again a bounded number of
// times, then recorded as failed; it never holds up the messages behind it.
import type { Logger } from '../log/index.js';
import type { SendGate } from './send-gate.js';
import type { SendGates } from './send-gates.js';
import type { OutboxKind, OutboxRow, ScheduleStore } from './store.js';

/** `via`: the account that sent it */
export type Delivered = { sent: true; via: string } | { sent: false; reason: string };
/**
 * Sends one outbox row, through `via` when given (else through whichever account can); says why when there
 * was nothing to send after all. Throws when sending failed.
 */
export type Deliver = (row: OutboxRow, now: Date, via?: string) => Promise<Delivered>;
/** The logged-in accounts that can reach a row's group (those in it) or admin (those who have the contact), best first. */
export type Routes = (row: Pick<OutboxRow, 'kind' | 'target'>) => Promise<string[]>;

/** Waits before the 2nd, 3rd and 4th try; after the last, the message is recorded as failed. */
export const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 15 * 60_000] as const;
/** Rows read at a time while looking for what the open accounts can send. */
const PAGE = 100;
/**
 * How long an open account that found nothing it can send in the whole queue (every waiting message is for
 * groups only closed accounts are in) stops looking, unless new messages wake it: the look reads every row.
 */
export const REST_MS = 30_000;

export interface SenderOptions {
  store: ScheduleStore;
  gates: SendGates;
  routes: Routes;
  deliver: Deliver;
  log: Logger;
}

export class OutboxSender {
  /** account and kinds → until when it rests */
  private readonly resting = new Map<string, number>();

  constructor(private readonly options: SenderOptions) {}

  /** New messages are waiting: every account looks again. */
  wake(): void {
    this.resting.clear();
  }

  /**
   * Sends what is due at `now` and the accounts' limits allow, of the given kinds, leaving `reserve(gate)` of
   * each account's day unused; returns how many went out.
   */
  async drain(now: Date, kinds: readonly OutboxKind[], reserve: (gate: SendGate) => number = () => 0): Promise<number> {
    const { store, gates, log } = this.options;
    const expired = await store.expire(now);
    if (expired.length > 0) {
      log.warn({ count: expired.length, keys: expired.slice(0, 20).map((row) => row.key) }, 'outbox messages expired unsent');
    }
    const isOpen = async (gate: SendGate) => (await gate.check(now, reserve(gate))).open;
    const restKey = (account: string) => `${account}|${kinds.join(',')}`;
    const open = new Set<string>();
    for (const gate of gates.list) {
      if ((this.resting.get(restKey(gate.account)) ?? 0) <= now.getTime() && (await isOpen(gate))) open.add(gate.account);
    }
    let sent = 0;
    let skipped = false;
    let after: OutboxRow | null = null;
    while (open.size > 0) {
      const page = await store.due(now, kinds, after, PAGE);
      for (const row of page) {
        if (open.size === 0) break;
        const routes = await this.options.routes(row);
        // No account reaches it: tried anyway, so it fails, waits and is retried like any failed send.
        const via = routes.length === 0 ? undefined : routes.find((account) => open.has(account));
        if (routes.length > 0 && via === undefined) {
          skipped = true;
          continue;
        }
        if (await this.send(row, now, via)) sent += 1;
        if (via !== undefined && !(await isOpen(gates.of(via)))) open.delete(via);
      }
      if (page.length < PAGE) break;
      after = page[page.length - 1]!;
    }
    // The accounts still open looked through everything waiting and could send none of what they passed.
    if (skipped) for (const account of open) this.resting.set(restKey(account), now.getTime() + REST_MS);
    return sent;
  }

  /** Sends one row; true when it went out. */
  private async send(row: OutboxRow, now: Date, via: string | undefined): Promise<boolean> {
    const { store, gates, log } = this.options;
    await store.markSending(row.id);
    let outcome: Awaited<ReturnType<Deliver>>;
    try {
      outcome = await this.options.deliver(row, now, via);
    } catch (error) {
      // It may have reached WeChat before failing: it counts.
      if (via !== undefined) await gates.of(via).record(now);
      await this.failed(row, now, error);
      return false;
    }
    if (!outcome.sent) {
      await store.finish(row.id, 'skipped', now, outcome.reason);
      log.info({ key: row.key, reason: outcome.reason }, 'outbox message skipped');
      return false;
    }
    await gates.of(outcome.via).record(now);
    await store.finish(row.id, 'sent', now, undefined, outcome.via);
    return true;
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
