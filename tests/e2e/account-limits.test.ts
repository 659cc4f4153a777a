// Each account keeps its own send limits: its replies count toward its own cap, a reminder goes through an
// account that is in the group and has room, an account out of room or logged out hands its shared groups
// to another, and the admins' digest names the groups no account can reach in time.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { startApp, type AccountOptions, type App } from '../../src/app/index.js';
import { silentLogger } from '../../src/log/index.js';
import { createMockWechat, mockContactId, type MockWechat } from '../support/mock-wechat.js';
import '../support/says.js';
import { seedRoster, type SeedUnit } from '../support/test-app.js';

const ADMIN = '青发部小陈';
/** 附件2's first reminder step, 3 days before its deadline: 9月26日 17:00 */
const STEP = new Date('2021-09-26T09:00:30Z');
const NO_GAP = { minGapMs: 0, jitterMs: 0 };

interface World {
  app: App;
  jia: MockWechat;
  yi: MockWechat;
  databaseFile: string;
  setNow(at: Date): void;
}

/** Two accounts on their own mock puppets, with the units given bound to groups; the admin a contact of both. */
async function world(
  roster: SeedUnit[],
  accounts: { jia: Partial<AccountOptions>; yi: Partial<AccountOptions> },
  options: { start?: Date; admins?: string[] } = {},
): Promise<World> {
  const jia = createMockWechat({ botId: mockContactId('甲号') });
  const yi = createMockWechat({ botId: mockContactId('乙号') });
  const databaseFile = join(mkdtempSync(join(tmpdir(), 'account-limits-')), 'bot.db');
  await seedRoster(databaseFile, roster);
  let now = options.start ?? STEP;
  const app = await startApp({
    accounts: [
      { name: '甲', puppet: jia.puppet, ...accounts.jia },
      { name: '乙', puppet: yi.puppet, ...accounts.yi },
    ],
    databaseUrl: `file:${databaseFile}`,
    campaignDir: 'conversations',
    admins: (options.admins ?? [ADMIN]).map(mockContactId),
    now: () => now,
    log: silentLogger(),
    tickMs: 0,
  });
  await jia.login(app.accounts[0]!.bot);
  await yi.login(app.accounts[1]!.bot);
  jia.contact(ADMIN);
  yi.contact(ADMIN);
  return {
    app,
    jia,
    yi,
    databaseFile,
    setNow: (at) => {
      now = at;
    },
  };
}

const units = (prefix: string, count: number): SeedUnit[] =>
  Array.from({ length: count }, (_, i) => ({
    name: `${prefix}${i + 1}号青年文明号`,
    city: '广州市',
    category: 'national20',
    roomId: `${prefix}-${i + 1}@chatroom`,
  }));

/** The groups of `list` as the accounts named see them: each account's puppet holds them under the same id. */
function groups(list: SeedUnit[], ...in_: MockWechat[]) {
  return list.map((unit) => {
    for (const wechat of in_) wechat.createRoom(unit.name, ['李华'], { id: unit.roomId! });
    return { id: unit.roomId! };
  });
}

function query<T>(file: string, sql: string): T[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

const sentBy = (file: string) =>
  Object.fromEntries(
    query<{ sentBy: string; n: number }>(file, "SELECT sentBy, count(*) AS n FROM Outbox WHERE kind = 'reminder' AND status = 'sent' GROUP BY sentBy").map(
      (r) => [r.sentBy, r.n],
    ),
  );

describe('each account keeps its own send limits', () => {
  it('counts a reply toward the account that answered, and keeps each cap apart', async () => {
    const jiaUnits = units('甲群', 3);
    const yiUnits = units('乙群', 3);
    // Each cap keeps 2 for the admin's digests. 甲, which has the admin first, sends the day's digest and
    // then has room for one reminder; 乙 has room for 4.
    const t = await world([...jiaUnits, ...yiUnits], { jia: { sendLimits: { ...NO_GAP, dailyCap: 4 } }, yi: { sendLimits: { ...NO_GAP, dailyCap: 6 } } });
    try {
      const jiaRooms = groups(jiaUnits, t.jia);
      const yiRooms = groups(yiUnits, t.yi);
      await t.app.tick();
      await t.jia.waitForReplies(jiaRooms[0]!, 1, 5000);
      await t.jia.waitForReplies(t.jia.dm(ADMIN), 1, 5000);
      await t.yi.waitForReplies(yiRooms[2]!, 1, 5000);
      expect(t.jia.replies(t.jia.dm(ADMIN))[0]!.split('\n')[0]).toSay('admin.digestDaily');
      expect(jiaRooms.map((room) => t.jia.replies(room).length)).toEqual([1, 0, 0]);
      expect(yiRooms.map((room) => t.yi.replies(room).length)).toEqual([1, 1, 1]);
      expect(sentBy(t.databaseFile)).toEqual({ 甲: 1, 乙: 3 });

      // A member of 乙's group talks: the reply counts toward 乙 alone.
      await t.yi.say('李华', yiRooms[0]!, '进度', { mentionBot: true });
      await t.yi.waitForReplies(yiRooms[0]!, 2, 5000);
      const days = query<{ account: string; count: number }>(t.databaseFile, 'SELECT account, count FROM SendDay ORDER BY account');
      expect(days).toEqual([
        { account: '乙', count: 4 },
        { account: '甲', count: 2 },
      ]);
    } finally {
      await t.app.stop();
    }
  });

  it('reminds a shared group through the other account once the first is out of room', async () => {
    const shared = units('共享群', 3);
    const t = await world(shared, { jia: { sendLimits: { ...NO_GAP, dailyCap: 1 } }, yi: { sendLimits: { ...NO_GAP, dailyCap: 100 } } }, { admins: [] });
    try {
      const rooms = groups(shared, t.jia, t.yi);
      await t.app.tick();
      await t.yi.waitForReplies(rooms[2]!, 1, 5000);
      // 甲 serves these groups, but after one reminder (its cap) 乙 takes the others.
      expect(sentBy(t.databaseFile)).toEqual({ 甲: 1, 乙: 2 });
      expect(rooms.map((room) => t.jia.replies(room).length + t.yi.replies(room).length)).toEqual([1, 1, 1]);
    } finally {
      await t.app.stop();
    }
  });

  it('hands the rest of a round to the other account when the first logs out halfway', async () => {
    const shared = units('共享群', 4);
    const gap = { minGapMs: 60_000, jitterMs: 0, dailyCap: 100 };
    const t = await world(shared, { jia: { sendLimits: gap }, yi: { sendLimits: gap } }, { admins: [] });
    try {
      const rooms = groups(shared, t.jia, t.yi);
      // One reminder each: both accounts then wait out their gap.
      await t.app.tick();
      await t.yi.waitForReplies(rooms[1]!, 1, 5000);
      expect(sentBy(t.databaseFile)).toEqual({ 甲: 1, 乙: 1 });
      await t.jia.puppet.logout();
      t.setNow(new Date(STEP.getTime() + 61_000));
      await t.app.tick();
      t.setNow(new Date(STEP.getTime() + 122_000));
      await t.app.tick();
      await t.yi.waitForReplies(rooms[3]!, 1, 5000);
      expect(sentBy(t.databaseFile)).toEqual({ 甲: 1, 乙: 3 });
      expect(rooms.map((room) => t.jia.replies(room).length + t.yi.replies(room).length)).toEqual([1, 1, 1, 1]);
    } finally {
      await t.app.stop();
    }
  });

  it('tells the admins which groups only a full account is in', async () => {
    const jiaUnits = units('甲群', 12);
    const yiUnits = units('乙群', 3);
    // 9月24日 09:00, the daily digest: 甲 (4 a day, 2 kept) cannot carry its 12 groups before the step.
    const t = await world(
      [...jiaUnits, ...yiUnits],
      { jia: { sendLimits: { ...NO_GAP, dailyCap: 4 } }, yi: { sendLimits: { ...NO_GAP, dailyCap: 100 } } },
      { start: new Date('2021-09-24T01:00:30Z') },
    );
    try {
      groups(jiaUnits, t.jia);
      groups(yiUnits, t.yi);
      await t.app.tick();
      const [digest] = await t.jia.waitForReplies(t.jia.dm(ADMIN), 1, 5000);
      expect(digest).toSay('admin.digestShortfallOnly', { count: /\d+/, account: '甲', names: /甲群\d+号青年文明号.*/ });
      expect(digest).not.toMatch(/乙群\d号青年文明号/);
      expect(digest).toSay('admin.digestShortfall', { accounts: 1 });
    } finally {
      await t.app.stop();
    }
  });
});
