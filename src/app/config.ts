// The bot's settings, read once from the environment (and a .env file, if there is one) and checked with
// zod. A wrong value stops the start with a message that names the setting.
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { parseClock, parseQuietHours } from '../schedule/index.js';

const count = (min: number) => z.coerce.number().int().min(min);

const ConfigSchema = z.object({
  DATABASE_URL: z.string().trim().min(1).default('file:./data/bot.db'),
  CAMPAIGN_DIR: z.string().trim().min(1).default('conversations'),
  /** WeChat contact ids (not nicknames), separated by commas (a full-width one too, as a Chinese keyboard types it) */
  ADMINS: z
    .string()
    .default('')
    .transform((text) => text.split(/[,，\s]+/).filter((id) => id !== '')),
  /**
   * several WeChat accounts by name ("甲,乙"), the first serving a group they share; the nth may have its own
   * ACCOUNT_<n>_PUPPET, _TOKEN, _DAILY_CAP and _QUIET_HOURS (n from 1; shells drop variables named in
   * Chinese), else the common settings
   */
  ACCOUNTS: z
    .string()
    .default('')
    .transform((text) => text.split(/[,，\s]+/).filter((name) => name !== ''))
    .refine((names) => names.every((name) => /^[\p{L}\p{N}_-]+$/u.test(name)), 'account names are letters, digits, _ or -, separated by commas')
    .refine((names) => new Set(names).size === names.length, 'each account is named once'),
  WECHATY_PUPPET: z.string().trim().min(1).default('wechaty-puppet-wechat4u'),
  WECHATY_PUPPET_SERVICE_TOKEN: z.string().trim().min(1).optional(),
  /** the name of the file in the database's folder where Wechaty keeps the login session, so a restart need not scan again */
  BOT_MEMORY_NAME: z
    .string()
    .trim()
    .regex(/^[\w.-]+$/)
    .default('service-month-bot'),
  /** least milliseconds between two messages the bot sends of its own accord (reminders, digests) */
  SEND_MIN_GAP_MS: count(0).default(15_000),
  /** up to this many milliseconds added to each gap at random */
  SEND_JITTER_MS: count(0).default(10_000),
  /** most messages a day, replies included; reminders and digests stop there until the next day */
  SEND_DAILY_CAP: count(1).default(500),
  /** when reminders and digests wait, in the campaign's time zone: "22:00-08:00", or "off" */
  QUIET_HOURS: z
    .string()
    .trim()
    .default('22:00-08:00')
    .refine((text) => parseQuietHours(text) !== undefined, 'must read like 22:00-08:00, or off'),
  /** when the admins' daily digest goes out, in the campaign's time zone */
  DIGEST_AT: z
    .string()
    .trim()
    .default('09:00')
    .refine((text) => parseClock(text) !== undefined, 'must be a time of day such as 09:00'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.infer<typeof ConfigSchema>;

export interface AccountSetting {
  name: string;
  puppet: string;
  token?: string;
  /** this account's own daily cap, when not SEND_DAILY_CAP */
  dailyCap?: number;
  /** this account's own quiet hours, when not QUIET_HOURS */
  quietHours?: string;
}

const AccountSchema = z.object({
  PUPPET: z.string().trim().min(1).optional(),
  TOKEN: z.string().trim().min(1).optional(),
  DAILY_CAP: count(1).optional(),
  QUIET_HOURS: z
    .string()
    .trim()
    .refine((text) => parseQuietHours(text) !== undefined, 'must read like 22:00-08:00, or off')
    .optional(),
});

/**
 * The accounts of ACCOUNTS, each with what ACCOUNT_<n>_PUPPET, _TOKEN, _DAILY_CAP and _QUIET_HOURS give it
 * (n from 1), else the common settings; empty for the one-account form.
 */
export function accountSettings(config: Config, env: Record<string, string | undefined>): AccountSetting[] {
  const problems: string[] = [];
  const settings = config.ACCOUNTS.map((name, i) => {
    const prefix = `ACCOUNT_${i + 1}_`;
    const own = Object.fromEntries(Object.keys(AccountSchema.shape).flatMap((key) => (env[prefix + key]?.trim() ? [[key, env[prefix + key]]] : [])));
    const result = AccountSchema.safeParse(own);
    if (!result.success) {
      problems.push(...result.error.issues.map((issue) => `${prefix}${issue.path.join('.')}: ${issue.message}`));
      return { name, puppet: config.WECHATY_PUPPET };
    }
    const { PUPPET, TOKEN, DAILY_CAP, QUIET_HOURS } = result.data;
    const token = TOKEN ?? config.WECHATY_PUPPET_SERVICE_TOKEN;
    return {
      name,
      puppet: PUPPET ?? config.WECHATY_PUPPET,
      ...(token ? { token } : {}),
      ...(DAILY_CAP !== undefined ? { dailyCap: DAILY_CAP } : {}),
      ...(QUIET_HOURS !== undefined ? { quietHours: QUIET_HOURS } : {}),
    };
  });
  if (problems.length > 0) throw new ConfigError(`invalid configuration:\n${problems.join('\n')}`);
  return settings;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function readConfig(env: Record<string, string | undefined>): Config {
  const result = ConfigSchema.safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
}

/** Loads ./.env into process.env when it exists; variables already set win. */
export function loadDotEnv(file = '.env'): void {
  if (existsSync(file)) process.loadEnvFile(file);
}
