// Composition root for `npm start`: read the settings, start the app with the puppet they name, log what
// WeChat does, and stop cleanly on SIGINT/SIGTERM. Nothing else lives here.
import { dirname, join } from 'node:path';
import { log as wechatyLog } from 'wechaty';
import { startApp, type App, type AppOptions } from './app/index.js';
import { connectionText, puppetJustStopped, readConnectionText } from './bot/index.js';
import { showLoginQr } from './bot/index.js';
import { setUpFindings } from './cli/index.js';
import { accountSettings, loadDotEnv, readConfig, type AccountSetting, type Config } from './app/index.js';
import { databaseFile } from './store/index.js';
import { createOperatorLogger } from './log/index.js';

/** A start that cannot succeed (bad settings, bad campaign file, unreadable database) ends here, plainly. */
function failStart(error: unknown): never {
  process.stderr.write(`The bot could not start.\n${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}

let config: Config;
let several: AccountSetting[];
try {
  loadDotEnv();
  config = readConfig(process.env);
  // One account (WECHATY_PUPPET), or several (ACCOUNTS=甲,乙), each with its own login session and QR code.
  several = accountSettings(config, process.env);
  readConnectionText();
} catch (error) {
  failStart(error);
}
const dataDir = dirname(databaseFile(config.DATABASE_URL));
// The terminal gets readable lines; data/logs/ keeps the same as JSON, a file a day for 14 days.
const log = createOperatorLogger(config.LOG_LEVEL, dataDir);
// Wechaty's own log speaks to developers ("MemoryCard load() exception", "ServiceCtl stop() …"); what
// matters reaches the bot's log through its events. Shown at debug and trace, or as WECHATY_LOG says.
if (!process.env.WECHATY_LOG) wechatyLog.level(config.LOG_LEVEL === 'trace' ? 'silly' : config.LOG_LEVEL === 'debug' ? 'verbose' : 'silent');

// What is not set up yet (no roster, no admins, a campaign that is over, a puppet without its token): one
// line each, with the command that fixes it; `npm run doctor` prints the same.
// Run before the app opens the database (one handle per process).
const findings = await setUpFindings(process.env, new Date()).catch((error: unknown) => {
  log.warn({ err: error }, 'the start-up check could not run');
  return [];
});
for (const finding of findings) {
  if (finding.ok) log.info(finding.line);
  else log.warn(finding.line);
}

// Once running, a failure inside a puppet or a handler must never end a bot that groups depend on. One line
// each; the stack at debug. A puppet just stopped after a network error leaves a few such failures behind.
let app: App | undefined;
const unexpected = (what: string) => (reason: unknown) => {
  log.debug({ err: reason }, what);
  if (!puppetJustStopped()) log.error(`${what}: ${reason instanceof Error ? reason.message : String(reason)}`);
};
process.on('unhandledRejection', unexpected('unhandled rejection'));
process.on('uncaughtException', unexpected('uncaught exception'));

const sendLimits = { minGapMs: config.SEND_MIN_GAP_MS, jitterMs: config.SEND_JITTER_MS, dailyCap: config.SEND_DAILY_CAP };
const accountLog = (name: string) => (several.length > 0 ? log.child({ account: name }) : log);
app = await startApp({
  ...(several.length > 0
    ? {
        accounts: several.map((account) => ({
          name: account.name,
          puppet: account.puppet as AppOptions['puppet'] & string,
          puppetOptions: account.token ? { token: account.token } : {},
          memoryName: join(dataDir, `${config.BOT_MEMORY_NAME}-${account.name}`),
          ...(account.dailyCap !== undefined ? { sendLimits: { ...sendLimits, dailyCap: account.dailyCap } } : {}),
          ...(account.quietHours !== undefined ? { quietHours: account.quietHours } : {}),
        })),
      }
    : {
        puppet: config.WECHATY_PUPPET as AppOptions['puppet'] & string,
        puppetOptions: config.WECHATY_PUPPET_SERVICE_TOKEN ? { token: config.WECHATY_PUPPET_SERVICE_TOKEN } : {},
        // The login session lives beside the database (one folder to back up, one volume to mount).
        memoryName: join(dataDir, config.BOT_MEMORY_NAME),
      }),
  databaseUrl: config.DATABASE_URL,
  campaignDir: config.CAMPAIGN_DIR,
  admins: config.ADMINS,
  sendLimits,
  quietHours: config.QUIET_HOURS,
  digestAt: config.DIGEST_AT,
  log,
  backupDir: join(dataDir, 'backups'),
  beforeStart: (bot, name) => showLoginQr(bot, { dataDir, log: accountLog(name), ...(several.length > 0 ? { account: name } : {}) }),
}).catch(failStart);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log.info(connectionText.stopping(signal));
    (app?.stop() ?? Promise.resolve()).then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'stop failed');
        process.exit(1);
      },
    );
  });
}
