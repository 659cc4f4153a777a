// The one programmatic entry point: campaign → store → conversations → bot. Tests, tools and main.ts all
// start the whole app through startApp.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WechatyBuilder, type Wechaty, type WechatyOptions } from 'wechaty';
import { loadCampaign } from './campaign/load.js';
import { AdminDesk } from './admin/desk.js';
import { parseAdmins } from './admin/scope.js';
import { attachGroupHandler } from './bot/group-handler.js';
import { KeyedQueue } from './bot/keyed-queue.js';
import { adminNotifier, attachPrivateHandler } from './bot/private-handler.js';
import { GroupConversations } from './conversation/session.js';
import { createLogger, type Logger } from './log.js';
import { databaseFile, openDatabase } from './store/client.js';
import { createExporter } from './export/index.js';
import { loadRosterSpec } from './roster/spec.js';
import { PrismaRosterStore } from './roster/store.js';
import { PrismaAdminStore } from './store/admin-store.js';
import { PrismaExportStore } from './store/export-store.js';
import { PrismaConversationStore } from './store/conversation-store.js';
import { Serial } from './store/serial.js';

/** How long handled message ids are kept to recognise a message delivered twice. */
const KEEP_MESSAGE_IDS_MS = 7 * 24 * 3600 * 1000;

export const DEFAULT_MIGRATIONS_DIR = fileURLToPath(new URL('../prisma/migrations', import.meta.url));

export interface AppOptions {
  /** any Wechaty puppet instance (wechaty-puppet-mock in tests), or a puppet's package name */
  puppet: NonNullable<WechatyOptions['puppet']>;
  /** options for a puppet given by name, such as a service token */
  puppetOptions?: { token?: string };
  /** file: URL or path of the SQLite database */
  databaseUrl: string;
  /** folder holding campaign*.yaml and roster.yaml */
  campaignDir: string;
  /** WeChat contact ids of the admins, each optionally with a scope: "wxid=city:广州市", "wxid=industry:广东电网" */
  admins: string[];
  /** the clock; every date the bot computes comes from here */
  now?: () => Date;
  log?: Logger;
  /** name under which Wechaty keeps its login session on disk; none keeps it in memory */
  memoryName?: string;
  migrationsDir?: string;
}

export interface App {
  bot: Wechaty;
  /** Stops taking messages, finishes the ones in hand, stops the bot and closes the database. Runs once. */
  stop(): Promise<void>;
}

export async function startApp(options: AppOptions): Promise<App> {
  const log = options.log ?? createLogger();
  const now = options.now ?? (() => new Date());
  const campaign = loadCampaign(options.campaignDir);
  const rosterSpec = loadRosterSpec(options.campaignDir);
  const admins = parseAdmins(options.admins);
  const database = await openDatabase(options.databaseUrl, options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR);
  const serial = new Serial();
  const store = new PrismaConversationStore(database.prisma, serial, dirname(databaseFile(options.databaseUrl)));
  const queue = new KeyedQueue();

  const bot = WechatyBuilder.build({
    puppet: options.puppet,
    ...(options.puppetOptions ? { puppetOptions: options.puppetOptions } : {}),
    ...(options.memoryName ? { name: options.memoryName } : {}),
  } as WechatyOptions);
  let accepting = true;
  const conversations = new GroupConversations({
    campaign,
    store,
    now,
    notifyAdmins: adminNotifier(bot, admins.map((admin) => admin.id), log),
  });
  attachGroupHandler({ bot, conversations, queue, botName: campaign.botName, accepting: () => accepting, log });
  const desk = new AdminDesk({
    campaign,
    admins,
    store: new PrismaAdminStore(database.prisma, serial),
    exporter: createExporter({ store: new PrismaExportStore(database.prisma, serial), campaign, now }),
    roster: { spec: rosterSpec, store: new PrismaRosterStore(database.prisma, serial) },
    now,
    log,
  });
  attachPrivateHandler({ bot, desk, queue, accepting: () => accepting, errorReply: campaign.messages.internalError, log });
  bot.on('error', (error) => log.error({ err: error }, 'wechaty error'));

  // Wechaty reports a puppet that fails to start as an 'error' event and resolves start() anyway: keep
  // the first such error and refuse to go on with a bot that is not running.
  let startError: unknown;
  const onStartError = (error: unknown) => {
    startError ??= error;
  };
  bot.on('error', onStartError);
  try {
    await store.forgetMessagesBefore(new Date(now().getTime() - KEEP_MESSAGE_IDS_MS));
    await bot.start();
    if (!bot.puppet.state.active()) throw startError ?? new Error('the WeChat puppet did not start');
  } catch (error) {
    await bot.stop().catch(() => undefined);
    await database.close();
    throw error;
  } finally {
    bot.off('error', onStartError);
  }
  log.info({ campaign: campaign.id, forms: campaign.forms.map((form) => form.id) }, 'bot started');

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      accepting = false;
      await queue.drain();
      try {
        await bot.stop();
      } finally {
        await database.close();
        log.info('bot stopped');
      }
    })();
    return stopping;
  };
  return { bot, stop };
}
