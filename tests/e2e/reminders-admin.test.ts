// The admins and the reminders: 提醒 [表] now, 暂停提醒 / 恢复提醒, scopes, and the digest's warning
// when the send limits cannot reach every group in time.
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { mockContactId, type RoomMock } from '../support/mock-wechat.js';
import { checkSays, sentenceOf, valuesIn } from '../support/says.js';
import { fakeClock, runUntil, sh } from '../support/clock.js';
import { seedRoster, startTestApp, type SeedUnit, type TestApp } from '../support/test-app.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Days of campaign run in seconds here, but a slow machine may need more than the default 5 s per test.
vi.setConfig({ testTimeout: 60_000 });

const ADMIN = '青发部小陈';
const SZ_ADMIN = '深圳团市委小周';

/** Ordinary collectives (承诺事项, by 9月30日 23:59) unless a category is given. */
const unitsIn = (city: string, count: number, category: SeedUnit['category'] = 'other'): SeedUnit[] =>
  Array.from({ length: count }, (_, i) => ({
    name: `${city}第${1 + i}青年文明号`,
    category,
    city,
    industry: '政务服务',
    roomId: `${city === '广州市' ? 'gz' : 'sz'}-${1 + i}@chatroom`,
  }));

const reminded = (t: TestApp, rooms: RoomMock[]) => rooms.map((room) => t.wechat.replies(room).filter((text) => text.includes('⏰ 提醒')).length);

/** An admin's command and its answer; digests that came before it are passed over. */
async function askAdmin(t: TestApp, who: string, text: string): Promise<string> {
  t.wechat.skipReplies(t.wechat.dm(who));
  await t.wechat.sayPrivately(who, text);
  const [reply] = await t.wechat.waitForReplies(t.wechat.dm(who), 1);
  return reply!;
}

describe('admin reminder commands', () => {
  it('sends a round now for the admin’s scope, and pauses and resumes the reminders', async () => {
    const clock = fakeClock(sh('2021-09-24 10:00'));
    const roster = [...unitsIn('广州市', 3), ...unitsIn('深圳市', 2)];
    const t = await startTestApp({
      roster,
      now: clock.now,
      admins: [mockContactId(ADMIN), `${mockContactId(SZ_ADMIN)}=city:深圳市`],
      app: { sendLimits: { minGapMs: 20_000, jitterMs: 0, dailyCap: 1000 } },
    });
    t.wechat.contact(ADMIN);
    t.wechat.contact(SZ_ADMIN);
    const rooms = roster.map((unit) => t.wechat.createRoom(unit.name, ['李华'], { id: unit.roomId! }).room);
    try {
      // The day's digests go first.
      await runUntil(t.app, clock, sh('2021-09-24 10:01'), 20_000);
      for (const admin of [ADMIN, SZ_ADMIN]) expect(t.wechat.replies(t.wechat.dm(admin))).toHaveLength(1);
      expect(await askAdmin(t, SZ_ADMIN, '提醒 承诺事项')).toBe(sentenceOf('admin.remindQueued', { count: 2, form: '承诺事项', duration: '0分钟' }));
      await runUntil(t.app, clock, sh('2021-09-24 10:02'), 20_000);
      expect(reminded(t, rooms)).toEqual([0, 0, 0, 1, 1]);
      expect(t.wechat.replies(rooms[3]!)[0]).toSay('reminderNotStarted', { timeLeft: '还剩6天13小时' });

      expect(await askAdmin(t, ADMIN, '提醒 附件9')).toSay('admin.noSuchForm', { input: '附件9' });
      expect(await askAdmin(t, '路人甲', '暂停提醒')).toBe(sentenceOf('admin.refused'));
      expect(await askAdmin(t, ADMIN, '暂停提醒')).toBe(sentenceOf('admin.paused'));
      expect(await askAdmin(t, ADMIN, '暂停提醒')).toBe(sentenceOf('admin.alreadyPaused'));

      // Paused over the 3-day step (9月27日 23:59, in the quiet hours, so due at 08:00): nothing goes to the
      // groups; the admin's own round waits too.
      await runUntil(t.app, clock, sh('2021-09-28 08:30'), 30 * 60_000);
      expect(reminded(t, rooms)).toEqual([0, 0, 0, 1, 1]);
      expect(await askAdmin(t, ADMIN, '提醒')).toSay('admin.remindQueuedPaused');
      // Digests still go out, and say the reminders are paused.
      const digest = t.wechat
        .replies(t.wechat.dm(ADMIN))
        .find((text) => checkSays(text.split('\n')[0]!, 'admin.digestDaily').pass && checkSays(text, 'admin.statsHeader', { time: /9月27日.*/ }).pass);
      expect(digest).toSay('admin.digestPaused');

      expect(await askAdmin(t, ADMIN, '恢复提醒')).toBe(sentenceOf('admin.resumed'));
      expect(await askAdmin(t, ADMIN, '恢复提醒')).toBe(sentenceOf('admin.notPaused'));
      await runUntil(t.app, clock, sh('2021-09-28 09:00'), 20_000);
      // The admin's round took the place of the 3-day round held back by the pause: one more each.
      expect(reminded(t, rooms)).toEqual([1, 1, 1, 2, 2]);
    } finally {
      await t.app.stop();
    }
  });
});

describe('the send budget', () => {
  it('starts a round early when the daily cap is tight, least advanced first, and tells the admins what it cannot reach', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'service-month-'));
    const roster = unitsIn('广州市', 30, 'national20');
    const databaseFile = join(dir, 'bot.db');
    await seedRoster(databaseFile, roster);
    // The first five have begun 附件2: they are reminded last.
    const db = new Database(databaseFile);
    const insert = db.prepare("INSERT INTO Submission (unitId, formId, status, answers, updatedAt) VALUES (?, 'modelCollective', 'draft', ?, ?)");
    for (let unitId = 1; unitId <= 5; unitId++) insert.run(unitId, JSON.stringify({ commitment: '热情周到，便民利民，让每一位市民安心办事' }), Date.now());
    db.close();

    const clock = fakeClock(sh('2021-09-24 08:00'));
    const t = await startTestApp({ dir, now: clock.now, admins: [mockContactId(ADMIN)], app: { sendLimits: { minGapMs: 0, jitterMs: 0, dailyCap: 6 } } });
    t.wechat.contact(ADMIN);
    const rooms = roster.map((unit) => t.wechat.createRoom(unit.name, ['李华'], { id: unit.roomId! }).room);
    try {
      await runUntil(t.app, clock, sh('2021-09-24 09:00'));
      const [digest] = t.wechat.replies(t.wechat.dm(ADMIN));
      // 6 messages a day, 2 of them kept for the admin's digests: 4 reminders a day cannot carry 30 in the
      // two days before the next step, nor in the two days before that.
      expect(digest).toSay('admin.digestShortfall', { time: '9月26日（周日）17:00', form: '附件2', count: 10, accounts: 1 });

      await runUntil(t.app, clock, sh('2021-09-26 16:00'));
      // The 3-day round (due 9月26日 17:00) began early, with the units that have not begun.
      const early = reminded(t, rooms);
      expect(early.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
      expect(early.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);

      await runUntil(t.app, clock, sh('2021-09-29 15:00'));
      const check = new Database(databaseFile, { readonly: true });
      const days = check.prepare('SELECT day, count FROM SendDay ORDER BY day').all() as { day: string; count: number }[];
      const threeDay = check.prepare("SELECT key, status FROM Outbox WHERE key LIKE 'reminder:modelCollective:%:3d' ORDER BY priority, id").all() as {
        key: string;
        status: string;
      }[];
      check.close();
      // The cap held every day, digests included.
      for (const day of days) expect(day.count).toBeLessThanOrEqual(6);
      // Least advanced first: the drafts come last in the round, and are the ones it never got to (they
      // expired, or the next round, started early, took them over).
      expect(threeDay.slice(-5).map((row) => row.key.split(':')[2])).toEqual(['1', '2', '3', '4', '5']);
      expect(
        threeDay
          .slice(-5)
          .map((row) => row.status)
          .filter((status) => status !== 'expired' && status !== 'skipped'),
      ).toEqual([]);
      expect(threeDay.filter((row) => row.status === 'sent').length).toBeGreaterThan(0);
      // What the last round could not send by the deadline is reported right after it.
      await runUntil(t.app, clock, sh('2021-09-29 18:00'));
      const afterDeadline = t.wechat.replies(t.wechat.dm(ADMIN)).find((text) => valuesIn(text.split('\n')[0]!, 'admin.digestDeadline')?.form === '附件2');
      expect(afterDeadline).toSay('admin.digestExpired', { count: /\d+/ });
    } finally {
      await t.app.stop();
    }
  });
});
