// The bot's settings, read once from the environment (and a .env file, if there is one) and checked with
// zod. A wrong value stops the start with a message that names the setting.
import { existsSync } from 'node:fs';
import { z } from 'zod';

const ConfigSchema = z.object({
  DATABASE_URL: z.string().trim().min(1).default('file:./data/bot.db'),
  CAMPAIGN_DIR: z.string().trim().min(1).default('conversations'),
  /** WeChat contact ids (not nicknames), separated by commas */
  ADMINS: z
    .string()
    .default('')
    .transform((text) => text.split(/[,，\s]+/).filter((id) => id !== '')),
  WECHATY_PUPPET: z.string().trim().min(1).default('wechaty-puppet-wechat4u'),
  WECHATY_PUPPET_SERVICE_TOKEN: z.string().trim().min(1).optional(),
  /** where Wechaty keeps the login session, so a restart need not scan again */
  BOT_MEMORY_NAME: z.string().trim().regex(/^[\w.-]+$/).default('service-month-bot'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.infer<typeof ConfigSchema>;

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
