// What startApp is given and what it gives back: the accounts (one, or several by name), the database,
// the campaign folder, the admins, the clock and the send limits, with the defaults the running bot uses.
import type { Wechaty, WechatyOptions } from 'wechaty';
import type { FileLimit } from '../admin/index.js';
import type { Account } from '../bot/index.js';
import type { Connection, Timers } from '../bot/index.js';
import type { Logger } from '../log/index.js';
import type { SendLimits } from '../schedule/index.js';

/**
 * WeChat limits accounts that send fast; people who run bots report that a random gap of 15 s or more and
 * a few hundred messages a day stay clear of it.
 */
export const DEFAULT_SEND_LIMITS: SendLimits = { minGapMs: 15_000, jitterMs: 10_000, dailyCap: 500 };
export const DEFAULT_QUIET_HOURS = '22:00-08:00';
export const DEFAULT_DIGEST_AT = '09:00';
/** How often the running bot looks for scheduled work. */
export const DEFAULT_TICK_MS = 2_000;

export interface AccountOptions {
  /** how logs, 状态 and the QR code's file name call the account: "甲" */
  name: string;
  /** any Wechaty puppet instance (wechaty-puppet-mock in tests), or a puppet's package name */
  puppet: NonNullable<WechatyOptions['puppet']>;
  /** options for a puppet given by name, such as a service token */
  puppetOptions?: { token?: string };
  /** name under which Wechaty keeps this account's login session on disk; none keeps it in memory */
  memoryName?: string;
  /** this account's own send limits, when not the bot's `sendLimits` */
  sendLimits?: SendLimits;
  /** this account's own quiet hours ("22:00-08:00", "off"), when not the bot's `quietHours` */
  quietHours?: string;
}

export interface AppOptions {
  /** the one WeChat account: any Wechaty puppet instance (wechaty-puppet-mock in tests), or a puppet's package name */
  puppet?: NonNullable<WechatyOptions['puppet']>;
  /** options for a puppet given by name, such as a service token */
  puppetOptions?: { token?: string };
  /** several WeChat accounts instead of `puppet`, in the order that decides which serves a shared group */
  accounts?: AccountOptions[];
  /** file: URL or path of the SQLite database */
  databaseUrl: string;
  /** folder holding campaign*.yaml and roster.yaml */
  campaignDir: string;
  /**
   * WeChat contact ids of the admins, each optionally with a scope: "wxid=city:广州市", "wxid=industry:广东电网";
   * beside them, the admins invited by `npm run admin` (read from the database at each use)
   */
  admins: string[];
  /** the clock; every date the bot computes comes from here */
  now?: () => Date;
  log?: Logger;
  /** name under which Wechaty keeps its login session on disk; none keeps it in memory */
  memoryName?: string;
  migrationsDir?: string;
  /** how fast and how much the bot may send; replies count too */
  sendLimits?: SendLimits;
  /** "22:00-08:00": when reminders and digests wait; "off" for none */
  quietHours?: string;
  /** "09:00": when the daily digest goes to the admins */
  digestAt?: string;
  /** how often the bot ticks on its own; 0 leaves ticking to the caller (tests) */
  tickMs?: number;
  /** 0 ≤ random() < 1, for the jitter between messages */
  random?: () => number;
  /** the size of the files sent in the admins' chat (exports cut in parts to fit); WeChat's when not given */
  adminFileLimit?: FileLimit;
  /** called with each account's bot before it starts, to attach what must see its first events (the login QR code) */
  beforeStart?: (bot: Wechaty, account: string) => void;
  /** where a copy of the database is made each day (the last 14 kept); none for no daily copy */
  backupDir?: string;
  /** the timers the retries after a network error wait on (tests) */
  retryTimers?: Timers;
}

export interface App {
  /** the first account's bot */
  bot: Wechaty;
  /** the first account's link to WeChat: its state and last problem */
  connection: Connection;
  /** every account, in the order given, with its link to WeChat */
  accounts: (Account & { connection: Connection })[];
  /** Runs the scheduled work due at now(): queues reminders and digests, sends what the limits allow. */
  tick(): Promise<void>;
  /** Stops taking messages, finishes the ones in hand, stops the bot and closes the database. Runs once. */
  stop(): Promise<void>;
}

/** The accounts of the options: `accounts`, or the one `puppet` (called "微信"; a single account is never named). */
export function accountOptionsOf(options: AppOptions): AccountOptions[] {
  if (options.accounts && options.puppet) throw new Error('give either puppet or accounts, not both');
  if (options.accounts) {
    const names = options.accounts.map((account) => account.name);
    if (names.length === 0 || new Set(names).size !== names.length) throw new Error(`the accounts need distinct names, got: ${names.join(', ')}`);
    return options.accounts;
  }
  if (!options.puppet) throw new Error('a puppet (or accounts) is needed');
  return [
    {
      name: '微信',
      puppet: options.puppet,
      ...(options.puppetOptions ? { puppetOptions: options.puppetOptions } : {}),
      ...(options.memoryName ? { memoryName: options.memoryName } : {}),
    },
  ];
}
