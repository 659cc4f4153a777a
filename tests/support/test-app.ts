// Starts the whole app in-process on the mock puppet, a temporary database and the real campaign.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, type App, type AppOptions } from '../../src/app/index.js';
import { openDatabase } from '../../src/store/client.js';
import { silentLogger } from '../../src/log/index.js';
import { createMockWechat, type ContactMock, type HasId, type MockWechat } from './mock-wechat.js';

/** 2021-09-20 10:30 in Guangdong: ten days before the 附件2 deadline. */
export const SEPT_20 = new Date('2021-09-20T02:30:00Z');

export interface TestApp {
  app: App;
  wechat: MockWechat;
  dir: string;
  databaseFile: string;
  /** a member says `text` in `room` and the bot's one reply comes back */
  ask(member: ContactMock | string, room: HasId, text: string, options?: { mentionBot?: boolean }): Promise<string>;
}

export interface SeedUnit {
  name: string;
  kind?: 'collective' | 'industryOrg' | 'cityOrg';
  category?: 'national20' | 'provincialModel' | 'other' | null;
  city?: string | null;
  industry?: string | null;
  /** a group already bound to the unit (its topic is the unit's name) */
  roomId?: string;
}

/** Puts roster units into the database before the app opens it, as an earlier roster import would. */
export async function seedRoster(databaseFile: string, units: readonly SeedUnit[]): Promise<void> {
  const database = await openDatabase(`file:${databaseFile}`);
  try {
    for (const unit of units) {
      const kind = unit.kind ?? 'collective';
      const created = await database.prisma.unit.create({
        data: {
          name: unit.name,
          kind,
          category: kind === 'collective' ? (unit.category ?? 'other') : null,
          city: unit.city ?? null,
          industry: unit.industry ?? null,
          source: 'roster',
          rosterKey: `${kind}|${unit.city ?? ''}|${unit.name}`,
        },
      });
      if (unit.roomId) {
        await database.prisma.room.create({ data: { id: unit.roomId, topic: unit.name, unitId: created.id, boundAt: new Date(0) } });
      }
    }
  } finally {
    await database.close();
  }
}

export async function startTestApp(
  options: {
    dir?: string;
    now?: () => Date;
    admins?: string[];
    roster?: readonly SeedUnit[];
    /** passed on to startApp: send limits, quiet hours, digest time, another campaign folder */
    app?: Partial<Pick<AppOptions, 'sendLimits' | 'quietHours' | 'digestAt' | 'campaignDir' | 'random' | 'log' | 'adminFileLimit' | 'backupDir'>>;
  } = {},
): Promise<TestApp> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'service-month-'));
  const databaseFile = join(dir, 'bot.db');
  if (options.roster) await seedRoster(databaseFile, options.roster);
  const wechat = createMockWechat();
  const app = await startApp({
    puppet: wechat.puppet,
    databaseUrl: `file:${databaseFile}`,
    campaignDir: 'conversations',
    admins: options.admins ?? [],
    now: options.now ?? (() => SEPT_20),
    log: silentLogger(),
    // Scheduled work runs when a test calls app.tick(), on the test's clock.
    tickMs: 0,
    ...options.app,
  });
  await wechat.login(app.bot);
  return {
    app,
    wechat,
    dir,
    databaseFile,
    async ask(member, room, text, sayOptions) {
      await wechat.say(member, room, text, sayOptions);
      const [reply] = await wechat.waitForReplies(room, 1);
      return reply!;
    },
  };
}

/** A member writes to the bot privately and reads its one reply. */
export async function askPrivately(t: TestApp, who: string, text: string): Promise<string> {
  await t.wechat.sayPrivately(who, text);
  const [reply] = await t.wechat.waitForReplies(t.wechat.dm(who), 1);
  return reply!;
}
