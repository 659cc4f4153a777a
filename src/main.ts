// Composition root for `npm start`: read the settings, start the app with the puppet they name, log what
// WeChat does, and stop cleanly on SIGINT/SIGTERM. Nothing else lives here.
import qrcodeTerminal from 'qrcode-terminal';
import { qrcodeValueToImageUrl, ScanStatus } from 'wechaty';
import { startApp, type AppOptions } from './app.js';
import { setUpFindings } from './cli/doctor.js';
import { loadDotEnv, readConfig, type Config } from './config.js';
import { createLogger } from './log.js';

/** A start that cannot succeed (bad settings, bad campaign file, unreadable database) ends here, plainly. */
function failStart(error: unknown): never {
  process.stderr.write(`The bot could not start.\n${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}

let config: Config;
try {
  loadDotEnv();
  config = readConfig(process.env);
} catch (error) {
  failStart(error);
}
const log = createLogger(config.LOG_LEVEL);

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

const app = await startApp({
  puppet: config.WECHATY_PUPPET as AppOptions['puppet'],
  puppetOptions: config.WECHATY_PUPPET_SERVICE_TOKEN ? { token: config.WECHATY_PUPPET_SERVICE_TOKEN } : {},
  databaseUrl: config.DATABASE_URL,
  campaignDir: config.CAMPAIGN_DIR,
  admins: config.ADMINS,
  memoryName: config.BOT_MEMORY_NAME,
  sendLimits: { minGapMs: config.SEND_MIN_GAP_MS, jitterMs: config.SEND_JITTER_MS, dailyCap: config.SEND_DAILY_CAP },
  quietHours: config.QUIET_HOURS,
  digestAt: config.DIGEST_AT,
  log,
}).catch(failStart);

// Once running, a failure inside a puppet or a handler must never end a bot that groups depend on.
process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'unhandled rejection'));
process.on('uncaughtException', (error) => log.error({ err: error }, 'uncaught exception'));

app.bot.on('scan', (qrcode, status) => {
  if (status === ScanStatus.Waiting || status === ScanStatus.Timeout) {
    qrcodeTerminal.generate(qrcode, { small: true });
    log.info({ url: qrcodeValueToImageUrl(qrcode), status: ScanStatus[status] }, 'scan the QR code with WeChat to log in');
  } else {
    log.info({ status: ScanStatus[status] }, 'scan status');
  }
});
app.bot.on('login', (user) => log.info({ id: user.id, name: user.name() }, 'logged in'));
app.bot.on('logout', (user, reason) => log.warn({ id: user.id, reason }, 'logged out'));

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log.info({ signal }, 'stopping');
    app.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'stop failed');
        process.exit(1);
      },
    );
  });
}
