// npm run demo: the whole bot in a terminal, for anyone without WeChat. The real app (startApp) runs on
// wechaty-puppet-mock with a fresh database and a copy of the campaign whose dates lie ahead of the demo
// clock; the person types as a member of an invented group. Works in a terminal and with piped input:
//   npm run demo
//   npm run -s demo -- --now 2021-09-20T10:30 < docs/demo-script.txt
// Standard output is the chat (deterministic with --now); where the database, logs and files are goes to
// standard error.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

// Wechaty's own console log would mix into the chat; the app's log goes to a file instead.
process.env.WECHATY_LOG ??= 'silent';

const PROJECT = fileURLToPath(new URL('../..', import.meta.url));

const USAGE = `npm run demo -- [options]
  --now TIME      fixed demo clock, e.g. 2021-09-20T10:30 (campaign time zone); default: the campaign's own
                  start (2021-09-20 10:30 for 2021), running from there
  --db FILE       keep the database in FILE (default: a fresh temporary one)
  --out DIR       where files the bot sends are saved (default: data/demo)
  --campaign DIR  campaign folder to copy (default: conversations)
  --wait MS       piped input: how long to wait for the bot's first reply (default 3000)
  --quiet MS      the bot has answered when it said nothing new for MS (default 150)`;

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: {
        now: { type: 'string' },
        db: { type: 'string' },
        out: { type: 'string' },
        campaign: { type: 'string' },
        wait: { type: 'string' },
        quiet: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }

  // Imported here, after WECHATY_LOG is set: wechaty reads it when first loaded. The heavy modules (the
  // app, wechaty, prisma) load only once the options are known to be good.
  const { loadCampaign } = await import('../files/index.js');
  const { DemoClock, parseDemoTime } = await import('./demo/clock.js');
  const { campaignStart, copyCampaignAhead } = await import('./demo/campaign-copy.js');
  const { fill } = await import('../campaign/index.js');
  const { demoAdmin, demoGroups } = await import('./demo/people.js');
  const { campaignCopyLine, databaseLine, demoTexts } = await import('./demo/texts.js');
  const t = demoTexts();

  const fail = (reason: unknown): number => {
    process.stderr.write(`${t.cannotStart}\n${reason instanceof Error ? reason.message : String(reason)}\n`);
    return 1;
  };
  const number = (value: string | undefined, fallback: number, name: string): number => {
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number of milliseconds, got ${value}`);
    return n;
  };

  let setup;
  try {
    const sourceDir = resolve(args.campaign ?? join(PROJECT, 'conversations'));
    const zone = loadCampaign(sourceDir).timezone;
    let fixed: Date | undefined;
    if (args.now !== undefined) {
      fixed = parseDemoTime(args.now, zone);
      if (!fixed) throw new Error(`--now must look like 2021-09-20T10:30 (${zone}), got ${args.now}`);
    }
    const clock = new DemoClock(fixed);
    if (!fixed) clock.set(campaignStart(loadCampaign(sourceDir)));
    const work = mkdtempSync(join(tmpdir(), 'service-month-demo-'));
    const copy = copyCampaignAhead(sourceDir, join(work, 'campaign'), clock.now());
    const databaseFile = resolve(args.db ?? join(work, 'demo.db'));
    setup = {
      clock,
      copy,
      databaseFile,
      logFile: join(work, 'bot.log'),
      outDir: resolve(args.out ?? join(PROJECT, 'data', 'demo')),
      replyTimeoutMs: number(args.wait, 3000, 'wait'),
      quietMs: number(args.quiet, 150, 'quiet'),
    };
  } catch (error) {
    return fail(error);
  }
  const { clock, copy, databaseFile, logFile, outDir } = setup;
  const { startApp } = await import('../app/index.js');
  const { pino } = await import('pino');
  const { MockWorld } = await import('./demo/mock-world.js');
  const { DemoSession, displayPath } = await import('./demo/session.js');
  process.stderr.write(
    `${[
      databaseLine(databaseFile, args.db !== undefined),
      campaignCopyLine(copy.file, copy.shiftDays),
      fill(t.logFile, { path: logFile }),
      fill(t.filesDir, { path: displayPath(outDir) }),
    ].join('\n')}\n`,
  );

  const groups = demoGroups();
  const admin = demoAdmin();
  const world = new MockWorld(copy.campaign.botName, groups, admin);
  let app;
  try {
    const { importSampleRoster } = await import('./demo/sample-roster.js');
    await importSampleRoster(databaseFile, copy.dir, resolve(args.campaign ?? join(PROJECT, 'conversations')), clock.now());
    app = await startApp({
      puppet: world.puppet,
      databaseUrl: `file:${databaseFile}`,
      campaignDir: copy.dir,
      admins: [admin.id],
      now: clock.now,
      // The demo clock jumps (/time): scheduled work runs after each jump, and sends at once.
      tickMs: 0,
      sendLimits: { minGapMs: 0, jitterMs: 0, dailyCap: 10_000 },
      log: pino({ level: 'info', base: undefined }, pino.destination({ dest: logFile, sync: true })),
    });
    await world.login(app.bot);
  } catch (error) {
    await app?.stop().catch(() => undefined);
    return fail(error);
  }

  const interactive = process.stdin.isTTY === true && process.stdout.isTTY === true;
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: interactive });
  let prompting = false;
  const print = (text: string) => {
    if (prompting) {
      // A message that arrives while the prompt waits (a reminder, say): print it above the prompt.
      process.stdout.write('\r\x1b[K');
      process.stdout.write(`${text}\n`);
      rl.prompt(true);
    } else {
      process.stdout.write(`${text}\n`);
    }
  };
  const session = new DemoSession({
    world,
    campaign: copy.campaign,
    groups,
    admin,
    clock,
    outDir,
    print,
    replyTimeoutMs: setup.replyTimeoutMs,
    quietMs: setup.quietMs,
    echo: !interactive,
    // Reminders and digests due at the new time go out now.
    afterClockMove: () => app.tick(),
  });

  print(session.banner());
  const prompt = () => {
    if (!interactive) return;
    rl.setPrompt(session.continuing ? '  … > ' : `[${session.label}] > `);
    rl.prompt();
    prompting = true;
  };
  // Ctrl-C in the prompt, or a signal: end the input, so the loop below stops the app cleanly.
  rl.on('SIGINT', () => rl.close());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => rl.close());
  prompt();
  try {
    for await (const line of rl) {
      prompting = false;
      if ((await session.handle(line)) === 'quit') break;
      prompt();
    }
  } finally {
    prompting = false;
    rl.close();
    await session.flush();
    await app.stop();
  }
  if (interactive) print(t.bye);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
