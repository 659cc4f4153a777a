// The bot's settings, read once from the environment (and a .env file, if there is one) and checked with
// zod. A wrong value stops the start with a message that names the setting.
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { parseClock, parseQuietHours } from './schedule/quiet-hours.js';

const count = (min: number) => z.coerce.number().int().min(min);

const ConfigSchema = z.object({
  DATABASE_URL: z.string().trim().min(1).default('file:./data/bot.db'),
  CAMPAIGN_DIR: z.string().trim().min(1).default('conversations'),
  /** WeChat contact ids (not nicknames), separated by commas */
  ADMINS: z
    .string()
    .default('')
    .transform((text) => text.split(/[,，\s]+/).filter((id) => id !== '')),
  /**
   * several WeChat accounts by name ("甲,乙"), the first serving a group they share; the nth may have its own
   * ACCOUNT_<n>_PUPPET and ACCOUNT_<n>_TOKEN (n from 1; shells drop variables named in Chinese), else
   * WECHATY_PUPPET and WECHATY_PUPPET_SERVICE_TOKEN
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
  BOT_MEMORY_NAME: z.string().trim().regex(/^[\w.-]+$/).default('service-month-bot'),
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
}

/** The accounts of ACCOUNTS with each one's puppet and token; empty for the one-account form. */
export function accountSettings(config: Config, env: Record<string, string | undefined>): AccountSetting[] {
  return config.ACCOUNTS.map((name, i) => {
    const token = env[`ACCOUNT_${i + 1}_TOKEN`]?.trim() || config.WECHATY_PUPPET_SERVICE_TOKEN;
    return { name, puppet: env[`ACCOUNT_${i + 1}_PUPPET`]?.trim() || config.WECHATY_PUPPET, ...(token ? { token } : {}) };
  });
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
