// The one programmatic entry point: campaign → store → conversations → bot. Tests, tools and main.ts all
// start the whole app through startApp.
import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import { WechatyBuilder, type WechatyOptions } from 'wechaty';
import { loadCampaign } from '../files/index.js';
import { AdminDesk } from '../admin/index.js';
import { withSettingAdmins } from '../report/index.js';
import { parseAdmins } from '../report/index.js';
import { watchConnection } from '../bot/index.js';
import { connectionText } from '../bot/index.js';
import { attachGroupHandler } from '../bot/index.js';
import { Accounts } from '../bot/index.js';
import { KeyedQueue } from '../conversation/index.js';
import { adminNotifier, attachPrivateHandler } from '../bot/index.js';
import { GroupConversations } from '../conversation/index.js';
import { createLogger } from '../log/index.js';
import { DailyBackups, latestBackup } from '../store/index.js';
import { databaseFile, openDatabase } from '../store/index.js';
import { createExporter } from '../export/index.js';
import { loadRosterSpec } from '../roster/index.js';
import { PrismaAdminStore } from '../store/index.js';
import { PrismaExportStore } from '../store/index.js';
import { PrismaInvitedAdmins } from '../store/index.js';
import { PrismaMessageLedger } from '../store/index.js';
import { PrismaRosterStore } from '../store/index.js';
import { LEASE_RENEW_MS, PrismaSenderLease } from '../store/index.js';
import { SqliteGroupStore } from '../store/index.js';
import { Serial } from '../store/index.js';
import { PrismaScheduleStore } from '../store/index.js';
import { outboxDelivery } from '../schedule/index.js';
import { parseClock, parseQuietHours } from '../schedule/index.js';
import { Scheduler } from '../schedule/index.js';
import { SendGate } from '../schedule/index.js';
import { SendGates } from '../schedule/index.js';
import { accountOptionsOf, DEFAULT_DIGEST_AT, DEFAULT_QUIET_HOURS, DEFAULT_SEND_LIMITS, DEFAULT_TICK_MS, type App, type AppOptions } from './options.js';

export * from './options.js';

/** How long handled message ids are kept to recognise a message delivered twice. */
const KEEP_MESSAGE_IDS_MS = 7 * 24 * 3600 * 1000;

function fileBytes(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

export async function startApp(options: AppOptions): Promise<App> {
  const log = options.log ?? createLogger();
  const now = options.now ?? (() => new Date());
  const campaign = loadCampaign(options.campaignDir);
  const rosterSpec = loadRosterSpec(options.campaignDir, campaign.categories);
  const settingAdmins = parseAdmins(options.admins);
  const accountOptions = accountOptionsOf(options);
  const quietOf = (text: string) => {
    const quiet = parseQuietHours(text);
    if (!quiet) throw new Error(`quiet hours must read like 22:00-08:00 or off, not "${text}"`);
    return quiet;
  };
  const quiet = quietOf(options.quietHours ?? DEFAULT_QUIET_HOURS);
  // Every account's quiet hours are read before the database opens: a wrong one stops the start holding nothing.
  const quietOfAccount = new Map(accountOptions.map((account) => [account.name, account.quietHours === undefined ? quiet : quietOf(account.quietHours)]));
  const digestAt = parseClock(options.digestAt ?? DEFAULT_DIGEST_AT);
  if (digestAt === undefined) throw new Error(`the digest time must read like 09:00, not "${options.digestAt}"`);
  const database = await openDatabase(options.databaseUrl, options.migrationsDir);
  const serial = new Serial();
  // One sender per database: a second bot on it would send every reminder and digest again.
  const lease = new PrismaSenderLease(database.prisma, serial);
  const taken = await lease.acquire(new Date()).catch(async (error: unknown) => {
    await database.close();
    throw error;
  });
  if (!taken.ok) {
    await database.close();
    throw new Error(connectionText.leaseHeld(taken.held));
  }
  let holdsLease = true;
  // The folder of the database holds the pictures and files groups send.
  const dbFile = databaseFile(options.databaseUrl);
  const dataDir = dirname(dbFile);
  const store = new SqliteGroupStore(database.prisma, database.sqlite, serial, dataDir);
  const queue = new KeyedQueue();

  const accounts = new Accounts(
    accountOptions.map((account) => ({
      name: account.name,
      bot: WechatyBuilder.build({
        puppet: account.puppet,
        ...(account.puppetOptions ? { puppetOptions: account.puppetOptions } : {}),
        ...(account.memoryName ? { name: account.memoryName } : {}),
      } as WechatyOptions),
    })),
  );
  const bots = accounts.list.map((account) => account.bot);
  const outbound = accounts.outbound();
  const scheduleStore = new PrismaScheduleStore(database.prisma, serial);
  const adminStore = new PrismaAdminStore(database.prisma, serial);
  const invited = new PrismaInvitedAdmins(database.prisma, serial);
  const admins = withSettingAdmins(settingAdmins, invited);
  // Each account keeps its own limits: its own gap, daily cap and quiet hours.
  const gates = new SendGates(
    accountOptions.map(
      (account) =>
        new SendGate({
          account: account.name,
          limits: account.sendLimits ?? options.sendLimits ?? DEFAULT_SEND_LIMITS,
          quiet: quietOfAccount.get(account.name)!,
          zone: campaign.timezone,
          store: scheduleStore,
          ...(options.random ? { random: options.random } : {}),
        }),
    ),
  );
  // Replies go out at once, but count toward the limits the outbox keeps to, the sending account's.
  const countedBy = (account: string) => () =>
    gates
      .of(account)
      .record(now())
      .catch((error: unknown) => log.warn({ err: error }, 'could not count a sent message'));
  const scheduler = new Scheduler({
    campaign,
    admins,
    store: scheduleStore,
    adminUnits: () => adminStore.units(),
    bindingChanges: (since) => adminStore.bindingChanges(since),
    gates,
    routes: (row) => (row.kind === 'digest' ? accounts.withContact(row.target) : accounts.inGroup(row.target)),
    deliver: outboxDelivery(campaign, scheduleStore, outbound, admins),
    digestAt,
    now,
    online: () => accounts.online && holdsLease,
    log,
  });
  let accepting = true;
  const conversations = new GroupConversations({
    campaign,
    store,
    now,
    notifyAdmins: adminNotifier(outbound, admins, log, (account) => countedBy(account)()),
    groupAlive: (roomId) => accounts.groupAlive(roomId),
    // A group's replies are counted in the same write as its step; the gate's memory follows.
    counted: (_count, at, account) => gates.of(account).noteSent(at),
  });
  for (const account of accounts.list) {
    const serves = (roomId: string) => accounts.serves(account, roomId);
    const counted = countedBy(account.name);
    attachGroupHandler({
      bot: account.bot,
      conversations,
      queue,
      botName: campaign.botName,
      account: account.name,
      accepting: () => accepting,
      serves,
      botIds: () => accounts.selfIds(),
      counted,
      log,
    });
  }
  const desk = new AdminDesk({
    campaign,
    admins,
    claims: invited,
    store: adminStore,
    groups: conversations,
    exporter: createExporter({ store: new PrismaExportStore(database.prisma, serial), campaign, now, dataDir }),
    roster: { spec: rosterSpec, store: new PrismaRosterStore(database.prisma, serial) },
    reminders: scheduler,
    notices: scheduler,
    now,
    log,
    ...(options.adminFileLimit ? { fileLimit: options.adminFileLimit } : {}),
    health: async () => ({
      accounts: await Promise.all(
        linked.map(async (account) => {
          const gate = gates.of(account.name);
          return { ...account.connection.status(), label: account.name, sends: { today: await gate.sentOn(now()), cap: gate.limits.dailyCap } };
        }),
      ),
      // The admin's own chat is in the queue while 状态 is answered: the others are what waits.
      queue: Math.max(0, queue.size - 1),
      outbox: await scheduleStore.outboxHealth(),
      sentToday: await gates.sentOn(now()),
      dailyCap: gates.dailyCap,
      databaseBytes: fileBytes(dbFile) + fileBytes(`${dbFile}-wal`),
      ...(options.backupDir ? { backup: latestBackup(options.backupDir) } : {}),
    }),
    contactName: (id) => accounts.contactName(id),
  });
  const ledger = new PrismaMessageLedger(database.prisma, serial, now);
  // Errors get one plain line each; network errors stop the puppet's own retry loop and back off.
  const several = accounts.list.length > 1;
  const linked = accounts.list.map((account) => {
    attachPrivateHandler({
      bot: account.bot,
      desk,
      queue,
      ledger,
      accepting: () => accepting,
      errorReply: campaign.messages.internalError,
      counted: countedBy(account.name),
      log,
    });
    const connection = watchConnection({
      bot: account.bot,
      log: several ? log.child({ account: account.name }) : log,
      now,
      ...(options.retryTimers ? { timers: options.retryTimers } : {}),
    });
    options.beforeStart?.(account.bot, account.name);
    return { ...account, connection };
  });
  const stopConnections = () => {
    for (const account of linked) account.connection.stop();
  };

  // Wechaty reports a puppet that fails to start as an 'error' event and resolves start() anyway: keep
  // the first such error and refuse to go on with a bot that is not running.
  let startError: unknown;
  const onStartError = (error: unknown) => {
    startError ??= error;
  };
  for (const bot of bots) bot.on('error', onStartError);
  try {
    await store.forgetMessagesBefore(new Date(now().getTime() - KEEP_MESSAGE_IDS_MS));
    for (const bot of bots) {
      await bot.start();
      if (!bot.puppet.state.active()) throw startError ?? new Error('the WeChat puppet did not start');
    }
  } catch (error) {
    stopConnections();
    await lease.release().catch(() => undefined);
    for (const bot of bots) await bot.stop().catch(() => undefined);
    await database.close();
    throw error;
  } finally {
    for (const bot of bots) bot.off('error', onStartError);
  }
  log.debug({ forms: campaign.forms.map((form) => form.id) }, 'forms');
  log.info(connectionText.started(campaign.title));

  const tick = () => scheduler.tick();
  const tickMs = options.tickMs ?? DEFAULT_TICK_MS;
  // The timer only says "look now": everything it acts on is in the database. The first look, right
  // after start, sends what was missed while the bot was down (if still useful).
  const ticking = tickMs > 0 ? setInterval(() => void tick().catch((error: unknown) => log.error({ err: error }, 'scheduled work failed')), tickMs) : undefined;
  ticking?.unref();
  // The lease is renewed on the machine's clock; a bot that lost it (it hung past its time and another
  // process took over) stops sending of its own accord and says so.
  const renewing = setInterval(() => {
    void lease.renew(new Date()).then(
      (still) => {
        if (!still && holdsLease) log.error(connectionText.leaseLost());
        holdsLease = still;
      },
      (error: unknown) => log.warn({ err: error }, 'could not renew the sender lease'),
    );
  }, LEASE_RENEW_MS);
  renewing.unref();
  // The daily copy: looked for at start and every hour, made once a day.
  const backups = options.backupDir ? new DailyBackups({ sqlite: database.sqlite, dir: options.backupDir, zone: campaign.timezone }) : undefined;
  const backUp = () =>
    void backups?.runIfDue(now()).then(
      (file) => file && log.info(connectionText.backedUp(file)),
      (error: unknown) => log.error({ err: error }, 'the daily backup failed'),
    );
  const backingUp = backups ? setInterval(backUp, 3600_000) : undefined;
  backingUp?.unref();
  backUp();
  if (ticking) void tick().catch((error: unknown) => log.error({ err: error }, 'scheduled work failed'));

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      accepting = false;
      stopConnections();
      clearInterval(ticking);
      clearInterval(renewing);
      clearInterval(backingUp);
      await backups?.idle();
      await scheduler.idle();
      await queue.drain();
      try {
        // A puppet stopped while waiting to retry the network is stopped already.
        for (const bot of bots) if (bot.state.active()) await bot.stop();
      } finally {
        await lease.release().catch((error: unknown) => log.warn({ err: error }, 'could not release the sender lease'));
        await database.close();
        log.info(connectionText.stopped());
      }
    })();
    return stopping;
  };
  return { bot: bots[0]!, connection: linked[0]!.connection, accounts: linked, tick, stop };
}

// What the other folders use of the rest of the folder.
export { accountSettings, loadDotEnv, readConfig } from './config.js';
export type { AccountSetting, Config } from './config.js';
