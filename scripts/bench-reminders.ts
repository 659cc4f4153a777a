// The reminders benchmark (not a test): seeds a province of units, each bound to a group, a third with a
// draft, then times the scheduler's work without WeChat (a counting stand-in sends): planning a round for
// every group, writing and sending each reminder, a province admin's digest, the idle tick the running
// bot repeats every 2 s, the tick that looks through every waiting reminder for one an open account can
// send, and what the default send limits of 1, 2 and 3 accounts can carry. Prints tables.
//
//   npm run bench:reminders [-- --units 5000 --accounts 3]
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { fixedDirectory } from '../src/report/directory.js';
import { DEFAULT_SEND_LIMITS } from '../src/app/index.js';
import { loadCampaign } from '../src/files/campaign.js';
import { silentLogger } from '../src/log/index.js';
import { capacity } from '../src/schedule/budget.js';
import { outboxDelivery } from '../src/schedule/delivery.js';
import { digestText } from '../src/schedule/digest-text.js';
import { parseQuietHours } from '../src/schedule/quiet-hours.js';
import { ReminderPlanner, stepWindows } from '../src/schedule/reminders.js';
import { SendGate } from '../src/schedule/send-gate.js';
import { SendGates } from '../src/schedule/send-gates.js';
import { OutboxSender, type Routes } from '../src/schedule/sender.js';
import { planSpread, type Reachable } from '../src/schedule/spread.js';
import { PrismaAdminStore } from '../src/store/admin-store.js';
import { openDatabase } from '../src/store/client.js';
import { PrismaScheduleStore } from '../src/store/schedule-store.js';
import { Serial } from '../src/store/serial.js';
import { printTable } from './bench-table.js';
import { CITIES } from './cities.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const migrationsDir = path.join(root, 'prisma/migrations');
const campaign = loadCampaign(path.join(root, 'conversations'));
const quiet = parseQuietHours('22:00-08:00')!;
const STEP_AT = new Date('2021-09-26T09:00:00Z'); // 附件2's 3-day step, 9月26日 17:00
const ACCOUNT_NAMES = ['甲', '乙', '丙', '丁', '戊'];
/** With several accounts, each group holds one of them, in turn. */
const accountOf = (roomId: string, accounts: number) => ACCOUNT_NAMES[(Number(/\d+/.exec(roomId)?.[0] ?? 0) - 1) % accounts]!;

async function seed(file: string, units: number): Promise<void> {
  const database = await openDatabase(`file:${file}`, migrationsDir);
  const { prisma } = database;
  try {
    const rows = Array.from({ length: units }, (_, i) => ({
      name: `${CITIES[i % CITIES.length]}第${i + 1}青年文明号`,
      kind: 'collective',
      // every unit a 示范集体: 附件2 is owed by them only
      category: i % 3 === 0 ? 'national20' : 'provincialModel',
      city: CITIES[i % CITIES.length]!,
      industry: `行业系统${i % 100}`,
      source: 'roster',
    }));
    for (let i = 0; i < rows.length; i += 1000) await prisma.unit.createMany({ data: rows.slice(i, i + 1000) });
    const rooms = rows.map((_, i) => ({ id: `r${i + 1}@chatroom`, topic: rows[i]!.name, unitId: i + 1, boundAt: new Date(0) }));
    for (let i = 0; i < rooms.length; i += 1000) await prisma.room.createMany({ data: rooms.slice(i, i + 1000) });
    const drafts = rows
      .map((_, i) => i + 1)
      .filter((id) => id % 3 === 1)
      .map((unitId) => ({
        unitId,
        formId: 'modelCollective',
        status: 'draft',
        answers: JSON.stringify({ commitment: '热情周到，便民利民，让每一位群众满意而归' }),
      }));
    for (let i = 0; i < drafts.length; i += 1000) await prisma.submission.createMany({ data: drafts.slice(i, i + 1000) });
  } finally {
    await database.close();
  }
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await work();
  return { value, ms: performance.now() - start };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { units: { type: 'string' }, accounts: { type: 'string' } } });
  const units = Number(values.units ?? 5_000);
  const accountCount = Number(values.accounts ?? 3);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-reminders-'));
  const file = path.join(dir, 'bench.db');
  try {
    await seed(file, units);
    console.log(
      `seeded ${units} collectives, each with its group, a third with a draft; node ${process.version}, ${os.cpus()[0]?.model ?? '?'} ×${os.cpus().length}`,
    );
    const database = await openDatabase(`file:${file}`, migrationsDir);
    const serial = new Serial();
    const store = new PrismaScheduleStore(database.prisma, serial);
    const adminStore = new PrismaAdminStore(database.prisma, serial);
    const log = silentLogger();
    const names = ACCOUNT_NAMES.slice(0, accountCount);
    const outbound = {
      toRoom: async (_room: string, _text: string, _mentions: readonly string[], via?: string) => via ?? names[0]!,
      toContact: async (_contact: string, _text: string, via?: string) => via ?? names[0]!,
    };
    const unlimited = { minGapMs: 0, jitterMs: 0, dailyCap: 1_000_000 };
    const gates = new SendGates(names.map((account) => new SendGate({ account, limits: unlimited, quiet, zone: campaign.timezone, store })));
    const routes: Routes = async (row) => [accountOf(row.target, accountCount)];
    const budgets = async () => names.map((account) => ({ account, context: { limits: unlimited, quiet, zone: campaign.timezone } }));
    const planner = new ReminderPlanner({ campaign, store, budgets, routes, log });
    const sender = new OutboxSender({ store, gates, routes, deliver: outboxDelivery(campaign, store, outbound, fixedDirectory([])), log });
    const table: string[][] = [];
    const row = (what: string, ms: number, count: number, note = '') =>
      table.push([
        what,
        String(count),
        (ms / 1000).toFixed(2),
        count > 0 ? (ms / count).toFixed(2) : '',
        note,
        `${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB`,
      ]);

    const idlePlan = await timed(() => planner.plan(new Date(STEP_AT.getTime() - 10 * 86_400_000)));
    row('planning pass, nothing due', idlePlan.ms, 0, 'once a minute');
    const round = await timed(async () => {
      await planner.plan(STEP_AT);
      return store.pendingCount('reminder');
    });
    row('plan a round (all groups)', round.ms, round.value, 'rows queued');
    const drain = await timed(() => sender.drain(STEP_AT, ['reminder']));
    row('write and send each reminder', drain.ms, drain.value, 'stand-in send');
    const idleTicks = 100;
    const idle = await timed(async () => {
      for (let i = 0; i < idleTicks; i++) await sender.drain(new Date(STEP_AT.getTime() + i * 2000), ['digest', 'reminder']);
    });
    row('idle tick (nothing to send)', idle.ms, idleTicks, 'every 2 s');
    // Every group's reminder waits again, all of them for 甲, which is out of room: the others look
    // through the whole queue at each tick and find nothing they can send.
    await database.prisma.outbox.updateMany({ where: { kind: 'reminder' }, data: { status: 'pending' } });
    await store.recordSend('甲', '2021-09-26', STEP_AT);
    const capped = new SendGates(
      names.map(
        (account) =>
          new SendGate({ account, limits: { ...unlimited, dailyCap: account === '甲' ? 1 : unlimited.dailyCap }, quiet, zone: campaign.timezone, store }),
      ),
    );
    const blocked = new OutboxSender({
      store,
      gates: capped,
      routes: async () => ['甲'],
      deliver: outboxDelivery(campaign, store, outbound, fixedDirectory([])),
      log,
    });
    const scanTicks = 10;
    const scan = await timed(async () => {
      for (let i = 0; i < scanTicks; i++) await blocked.drain(new Date(STEP_AT.getTime() + i * 2000), ['digest', 'reminder']);
    });
    row(`tick, ${round.value} waiting for a capped account`, scan.ms, scanTicks, `${names.length - 1} accounts look`);
    const budget = await timed(() => planner.shortfalls(STEP_AT));
    const digest = await timed(async () => {
      const all = await adminStore.units();
      return digestText(campaign, { id: 'bench', scope: { kind: 'province' } }, all, campaign.forms, '【每日汇总】', STEP_AT, {
        sentToday: 0,
        dailyCap: 500,
        pendingReminders: 0,
        paused: false,
        failed: [],
        expired: 0,
        shortfalls: budget.value,
      });
    });
    row('province digest', digest.ms + budget.ms, 1, `${digest.value.length} 字`);
    await database.close();

    printTable(['work', 'count', 'total s', 'ms each', '', 'RSS after'], table);
    console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);

    // What 1, 2 and 3 accounts can carry with the default limits, for a round to every group, each group
    // holding one account (in turn); 2 of each day's messages kept for a digest.
    const limits = DEFAULT_SEND_LIMITS;
    const context = { limits: { ...limits, dailyCap: limits.dailyCap - 2 }, quiet, zone: campaign.timezone };
    const lines = [1, 2, 3].flatMap((count) => {
      const accounts = ACCOUNT_NAMES.slice(0, count);
      const groups: Reachable[] = Array.from({ length: units }, (_, i) => ({ id: `r${i + 1}`, accounts: [accountOf(`r${i + 1}`, count)] }));
      const budgets = accounts.map((account) => ({ account, context }));
      return stepWindows(campaign)
        .filter((w) => w.form.id === 'modelCollective')
        .map((w) => {
          const plan = planSpread(groups, w.at, w.end, w.earliest, budgets);
          const window = count * capacity(w.at, w.end, context);
          const more = plan.spread.short === 0 ? 0 : Math.ceil(plan.spread.short / (plan.capacity / count));
          return [
            `${count} × 附件2 ${w.step}`,
            String(window),
            plan.start.toISOString().slice(5, 16).replace('T', ' '),
            String(plan.capacity),
            String(units - plan.spread.short),
            String(plan.spread.short),
            String(more),
          ];
        });
    });
    console.log(
      `\nAccounts at the defaults (each: gap ${limits.minGapMs / 1000} s + up to ${limits.jitterMs / 1000} s, ${limits.dailyCap} a day, quiet 22:00–08:00), a round to ${units} groups, each group holding one account:`,
    );
    printTable(['accounts × step', 'fits in its window', 'starts (UTC)', 'fits starting early', 'reached', 'short', 'more accounts'], lines);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
