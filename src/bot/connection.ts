// The bot's link to WeChat, as the operator sees it: one plain line when WeChat cannot be reached, retries
// that back off (30 s, 1 min, 2 min … up to 5 min) instead of the puppet's own loop of errors, one line on
// login, logout and each re-login, and the state and last error for the admins' 状态.
import type { Wechaty } from 'wechaty';
import type { Logger } from '../log/index.js';
import { connectionText, networkProblem, type NetworkProblem } from './connection-text.js';

/** The waits between tries while WeChat cannot be reached: doubling from 30 s, at most 5 min. */
export const RETRY_DELAYS_MS = [30_000, 60_000, 120_000, 240_000, 300_000];

export type LinkState = 'starting' | 'scan' | 'online' | 'offline' | 'waiting';

export interface ConnectionStatus {
  state: LinkState;
  /** the name of the logged-in account, or the last one */
  account?: string;
  /** the last problem, in the words the log used, and when */
  lastError?: { line: string; at: Date };
  /** when the next try is due, while waiting */
  retryAt?: Date;
}

export interface Timers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

// Not unref'd: while the puppet is stopped, the waiting retry is what keeps the bot's process alive.
const realTimers: Timers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** When a puppet was last stopped after a network error, in this process. */
let lastStopAt = 0;

/**
 * Whether a puppet was stopped after a network error in the last few seconds: the puppet's own loop then
 * fails on what the stop took away (wechat4u's "Cannot read properties of undefined"), and those failures
 * belong to the stop, not to anything the operator must look at.
 */
export function puppetJustStopped(withinMs = 5000): boolean {
  return Date.now() - lastStopAt < withinMs;
}

export interface Connection {
  status(): ConnectionStatus;
  /** Cancels a retry that is waiting; the bot itself is stopped by its owner. */
  stop(): void;
}

type Bot = Pick<Wechaty, 'on' | 'start' | 'stop'>;

export function watchConnection(options: { bot: Bot; log: Logger; now?: () => Date; timers?: Timers; delaysMs?: readonly number[] }): Connection {
  const { bot, log } = options;
  const now = options.now ?? (() => new Date());
  const timers = options.timers ?? realTimers;
  const delays = options.delaysMs ?? RETRY_DELAYS_MS;
  const status: ConnectionStatus = { state: 'starting' };
  let failures = 0;
  let timer: unknown;
  let stopped = false;
  let loggedInBefore = false;

  const problem = (line: string) => {
    status.lastError = { line, at: now() };
  };

  const retryLater = async (found: NetworkProblem) => {
    const delay = delays[Math.min(failures, delays.length - 1)] ?? 300_000;
    failures += 1;
    status.state = 'waiting';
    status.retryAt = new Date(now().getTime() + delay);
    const line = connectionText.unreachable(found, delay, failures);
    problem(line);
    log.warn(line);
    // The puppet would retry on its own every few seconds, each with a stack: stop it and try again later.
    lastStopAt = Date.now();
    await bot.stop().catch((error: unknown) => log.debug({ err: error }, 'stopping the puppet after a network error'));
    lastStopAt = Date.now();
    if (stopped) return;
    timer = timers.set(() => {
      timer = undefined;
      if (stopped) return;
      status.state = 'starting';
      status.retryAt = undefined;
      log.debug('reconnecting to WeChat');
      bot.start().catch((error: unknown) => onError(error));
    }, delay);
  };

  const onError = (error: unknown) => {
    log.debug({ err: error }, 'wechaty error');
    if (stopped || status.state === 'waiting') return;
    const found = networkProblem(error);
    if (found) {
      void retryLater(found);
      return;
    }
    const line = connectionText.puppetError(error);
    problem(line);
    log.error(line);
  };

  bot.on('error', onError);
  bot.on('scan', () => {
    // WeChat answered: the network is back.
    failures = 0;
    status.state = 'scan';
  });
  bot.on('login', (user) => {
    failures = 0;
    status.state = 'online';
    status.account = user.name();
    log.info(loggedInBefore ? connectionText.relogin(status.account) : connectionText.login(status.account));
    loggedInBefore = true;
  });
  bot.on('logout', (user, reason) => {
    // Logged out by our own stop (a retry ahead, or the bot stopping): nothing for the operator to do.
    if (stopped || status.state === 'waiting') {
      log.debug({ reason }, 'logged out while stopping the puppet');
      return;
    }
    status.state = 'offline';
    const line = connectionText.logout(user.name() || status.account || '', reason);
    problem(line);
    log.warn(line);
  });

  return {
    status: () => ({ ...status }),
    stop: () => {
      stopped = true;
      if (timer !== undefined) timers.clear(timer);
      timer = undefined;
    },
  };
}
