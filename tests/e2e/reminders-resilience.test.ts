// Reminders that survive what happens to a bot that runs for a month: restarts, a crash in the middle of a
// send, a long outage across a step, sends that fail, the quiet hours and two ticks at once.
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import type { pino } from 'pino';
import { SCHEDULER_TEXTS } from '../../src/schedule/reminders.js';
import { operatorTexts, sayBoth } from '../../src/texts/index.js';
import { capturedLogger } from '../support/captured-log.js';
import { mockContactId, type RoomMock } from '../support/mock-wechat.js';
import { checkSays } from '../support/says.js';
import { fakeClock, runUntil, sh, type FakeClock } from '../support/clock.js';
import { startTestApp, type SeedUnit, type TestApp } from '../support/test-app.js';

// Days of campaign run in seconds here, but a slow machine may need more than the default 5 s per test.
vi.setConfig({ testTimeout: 60_000 });

/** Five 示范集体 (附件2 by 9月29日 17:00; the 简报 only in October), each with its group. */
const UNITS: SeedUnit[] = ['一', '二', '三', '四', '五'].map((n, i) => ({
  name: `广州市第${n}青年文明号服务窗口`,
  category: 'national20',
  city: '广州市',
  industry: '政务服务',
  roomId: `window-${i + 1}@chatroom`,
}));

interface World {
  t: TestApp;
  clock: FakeClock;
  rooms: RoomMock[];
}

async function start(
  clock: FakeClock,
  options: { dir?: string; minGapMs?: number; dailyCap?: number; quietHours?: string; admin?: string; log?: pino.Logger } = {},
): Promise<World> {
  const t = await startTestApp({
    ...(options.dir ? { dir: options.dir } : { roster: UNITS }),
    now: clock.now,
    ...(options.admin ? { admins: [mockContactId(options.admin)] } : {}),
    app: {
      sendLimits: { minGapMs: options.minGapMs ?? 0, jitterMs: 0, dailyCap: options.dailyCap ?? 1000 },
      ...(options.quietHours ? { quietHours: options.quietHours } : {}),
      ...(options.log ? { log: options.log } : {}),
    },
  });
  if (options.admin) t.wechat.contact(options.admin);
  const rooms = UNITS.map((unit) => t.wechat.createRoom(unit.name, ['李华'], { id: unit.roomId! }).room);
  return { t, clock, rooms };
}

const reminded = (w: World) => w.rooms.map((room) => w.t.wechat.replies(room).filter((text) => text.includes('⏰ 提醒')).length);

function outbox(file: string): { key: string; status: string; attempts: number; lastError: string | null }[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare("SELECT key, status, attempts, lastError FROM Outbox WHERE kind = 'reminder' ORDER BY id").all() as never;
  } finally {
    db.close();
  }
}

describe('reminders across restarts', () => {
  it('sends the rest of a round after a restart, each group once, within the gap', async () => {
    const clock = fakeClock(sh('2021-09-26 16:58'));
    const first = await start(clock, { minGapMs: 60_000 });
    await runUntil(first.t.app, clock, sh('2021-09-26 17:01'), 60_000);
    // 17:00 and 17:01: one a minute.
    expect(reminded(first)).toEqual([1, 1, 0, 0, 0]);
    await first.t.app.stop();

    // Restarted half a minute later on the same database: the gap since the last send is kept, nothing is repeated.
    clock.set(new Date(sh('2021-09-26 17:01').getTime() + 30_000));
    const second = await start(clock, { dir: first.t.dir, minGapMs: 60_000 });
    await second.t.app.tick();
    expect(reminded(second)).toEqual([0, 0, 0, 0, 0]);
    await runUntil(second.t.app, clock, sh('2021-09-26 17:10'), 60_000);
    expect(reminded(second)).toEqual([0, 0, 1, 1, 1]);
    expect(outbox(second.t.databaseFile).map((row) => row.status)).toEqual(['sent', 'sent', 'sent', 'sent', 'sent']);
    await second.t.app.stop();
  });

  it('sends once more a reminder that a crash left between sending and recording', async () => {
    const clock = fakeClock(sh('2021-09-26 17:00'));
    const first = await start(clock, { minGapMs: 60_000 });
    await first.t.app.tick();
    expect(reminded(first)).toEqual([1, 0, 0, 0, 0]);
    await first.t.app.stop();
    // The crash: the second reminder was claimed for sending and the process died before it was recorded.
    const db = new Database(first.t.databaseFile);
    db.prepare("UPDATE Outbox SET status = 'sending', attempts = 1 WHERE key LIKE 'reminder:modelCollective:2:%'").run();
    db.close();

    clock.set(sh('2021-09-26 17:05'));
    const second = await start(clock, { dir: first.t.dir, minGapMs: 0 });
    await second.t.app.tick();
    expect(reminded(second)).toEqual([0, 1, 1, 1, 1]);
    await runUntil(second.t.app, clock, sh('2021-09-26 21:00'), 60 * 60_000);
    expect(reminded(second)).toEqual([0, 1, 1, 1, 1]);
    await second.t.app.stop();
  });

  it('never doubles a reminder when two ticks run at once', async () => {
    const clock = fakeClock(sh('2021-09-26 17:00'));
    const w = await start(clock);
    await Promise.all([w.t.app.tick(), w.t.app.tick(), w.t.app.tick()]);
    expect(reminded(w)).toEqual([1, 1, 1, 1, 1]);
    await w.t.app.stop();
  });

  it('after a long outage skips the steps whose window passed and sends the one still useful, once', async () => {
    const clock = fakeClock(sh('2021-09-25 14:00'));
    const first = await start(clock);
    await first.t.app.tick();
    await first.t.app.stop();

    // Down from 9月25日 to 9月28日 18:00: the 3-day step (9月26日 17:00, until 9月28日 17:00) is over;
    // the 1-day step (9月28日 17:00) is still on.
    clock.set(sh('2021-09-28 18:00'));
    const { log, lines } = capturedLogger('info');
    const second = await start(clock, { dir: first.t.dir, log });
    await second.t.app.tick();
    // One line for the operator about what was not sent: 附件2's 3-day step, and 附件1's three (its deadline passed).
    expect(lines.filter((line) => line.level === 40 && line.msg.includes('reminder steps passed while the bot was not running'))).toEqual([
      expect.objectContaining({ msg: sayBoth(operatorTexts('scheduler', SCHEDULER_TEXTS).stepsSkipped, { count: 4 }) }),
    ]);
    const texts = second.rooms.map((room) => second.t.wechat.replies(room));
    expect(texts.map((list) => list.length)).toEqual([1, 1, 1, 1, 1]);
    expect(texts[0]![0]).toSay('reminderNotStarted', { timeLeft: '还剩23小时0分钟' });
    await runUntil(second.t.app, clock, sh('2021-09-29 13:00'));
    expect(reminded(second)).toEqual([1, 1, 1, 1, 1]);
    const db = new Database(second.t.databaseFile, { readonly: true });
    const rounds = db.prepare("SELECT step, status FROM ReminderRound WHERE formId = 'modelCollective' ORDER BY at").all();
    db.close();
    expect(rounds).toEqual([
      { step: '3d', status: 'skipped' },
      { step: '1d', status: 'planned' },
    ]);
    await second.t.app.stop();
  });
});

describe('sends that fail', () => {
  it('retries a failing group with back-off, records it as failed, never holds up the others, and tells the admins', async () => {
    const clock = fakeClock(sh('2021-09-26 17:00'));
    const w = await start(clock, { admin: '青发部小陈' });
    const puppet = w.t.wechat.puppet;
    const send = puppet.messageSendText.bind(puppet);
    let refused = 0;
    puppet.messageSendText = async (conversationId, ...rest) => {
      if (conversationId === 'window-2@chatroom') {
        refused += 1;
        throw new Error('WeChat refused the message');
      }
      return send(conversationId, ...rest);
    };
    // The bot was removed from the fourth group.
    w.rooms[3]!.remove(w.t.wechat.bot).by(w.t.wechat.contact('李华'));

    await w.t.app.tick();
    expect(reminded(w)).toEqual([1, 0, 1, 0, 1]);
    // Tried again after 1, 5 and 15 minutes; then given up.
    await runUntil(w.t.app, clock, sh('2021-09-26 18:00'), 60_000);
    expect(refused).toBe(4);
    const rows = outbox(w.t.databaseFile);
    expect(rows.map((row) => [row.status, row.attempts])).toEqual([
      ['sent', 1],
      ['failed', 4],
      ['sent', 1],
      ['failed', 4],
      ['sent', 1],
    ]);
    expect(rows[1]!.lastError).toContain('WeChat refused the message');
    expect(rows[3]!.lastError).toContain('no longer in group');
    expect(reminded(w)).toEqual([1, 0, 1, 0, 1]);
    // The next digest names them.
    await runUntil(w.t.app, clock, sh('2021-09-27 09:00'));
    const digest = w.t.wechat.replies(w.t.wechat.dm('青发部小陈')).find((text) => checkSays(text, 'admin.statsHeader', { time: '9月27日 09:00' }).pass);
    expect(digest).toSay('admin.digestFailed', { count: 2, targets: '广州市第二青年文明号服务窗口、广州市第四青年文明号服务窗口' });
    await w.t.app.stop();
  });
});

describe('quiet hours', () => {
  it('sends nothing between 22:00 and 08:00 and goes on at 08:00', async () => {
    const clock = fakeClock(sh('2021-09-26 21:58'));
    // The bot comes up at 21:58, inside the window of 附件2's 3-day step (due at 17:00): one reminder a
    // minute until the quiet hours begin.
    const w = await start(clock, { minGapMs: 60_000 });
    await w.t.app.tick();
    await runUntil(w.t.app, clock, sh('2021-09-26 21:59'), 60_000);
    expect(reminded(w)).toEqual([1, 1, 0, 0, 0]);
    await runUntil(w.t.app, clock, sh('2021-09-27 07:59'), 10 * 60_000);
    expect(reminded(w)).toEqual([1, 1, 0, 0, 0]);
    await runUntil(w.t.app, clock, sh('2021-09-27 08:02'), 60_000);
    expect(reminded(w)).toEqual([1, 1, 1, 1, 1]);
    await w.t.app.stop();
  });

  it('keeps to other quiet hours when told', async () => {
    const clock = fakeClock(sh('2021-09-26 17:00'));
    const w = await start(clock, { quietHours: '17:00-19:00' });
    await w.t.app.tick();
    expect(reminded(w)).toEqual([0, 0, 0, 0, 0]);
    await runUntil(w.t.app, clock, sh('2021-09-26 19:00'), 30 * 60_000);
    expect(reminded(w)).toEqual([1, 1, 1, 1, 1]);
    await w.t.app.stop();
  });
});
