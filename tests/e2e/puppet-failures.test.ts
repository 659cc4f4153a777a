// A puppet that fails: on start, on every send, or with an 'error' event. The bot must not lose what a group
// said, must log the failure, and must keep serving the other groups.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { pino } from 'pino';
import { describe, expect, it, vi } from 'vitest';
import { startApp, type App } from '../../src/app/index.js';
import { capturedLogger } from '../support/captured-log.js';
import { createMockWechat, type MockWechat } from '../support/mock-wechat.js';
import { campaign2021 } from '../support/says.js';

const SEPT_20 = new Date('2021-09-20T02:30:00Z');
const UNIT = '云山区政务服务中心青年文明号';
const COMMITMENT = '一次办好，暖心服务，让每一位群众办事少跑腿';

function tempDatabase() {
  const file = join(mkdtempSync(join(tmpdir(), 'puppet-failures-')), 'bot.db');
  return { file, url: `file:${file}` };
}

async function start(wechat: MockWechat, databaseUrl: string, log: pino.Logger): Promise<App> {
  const app = await startApp({ puppet: wechat.puppet, databaseUrl, campaignDir: 'conversations', admins: [], now: () => SEPT_20, log });
  await wechat.login(app.bot);
  return app;
}

function readDatabase(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    return {
      units: (db.prepare('SELECT name FROM Unit').all() as { name: string }[]).map((row) => row.name),
      conversations: (db.prepare('SELECT id FROM Room WHERE formId IS NOT NULL').all() as { id: string }[]).map((row) => row.id),
      processed: (db.prepare('SELECT roomId FROM ProcessedMessage').all() as { roomId: string }[]).map((row) => row.roomId),
      drafts: db.prepare('SELECT answers FROM Submission').all() as { answers: string }[],
    };
  } finally {
    db.close();
  }
}

describe('a puppet that cannot start', () => {
  // Wechaty 1.20.2 catches the puppet's start error (WechatyPuppetMixin.start → emitError) and resolves:
  // startApp must notice the puppet is not running, reject, and close the database.
  it('makes startApp reject, and the database is closed', async () => {
    const db = tempDatabase();
    const wechat = createMockWechat();
    wechat.puppet.start = () => Promise.reject(new Error('puppet service unreachable'));
    const { log } = capturedLogger();
    let app: App | undefined;
    let failure: unknown;
    try {
      app = await startApp({ puppet: wechat.puppet, databaseUrl: db.url, campaignDir: 'conversations', admins: [], log });
    } catch (error) {
      failure = error;
    }
    try {
      expect(String(failure)).toContain('puppet service unreachable');
      // SQLite removes the -wal file when the last connection to the database closes.
      expect(existsSync(`${db.file}-wal`)).toBe(false);
    } finally {
      await app?.stop();
    }
  });

  it('logs the failure, and a second start on the same database works', async () => {
    const db = tempDatabase();
    const broken = createMockWechat();
    broken.puppet.start = () => Promise.reject(new Error('puppet service unreachable'));
    const first = capturedLogger();
    const dead = await startApp({ puppet: broken.puppet, databaseUrl: db.url, campaignDir: 'conversations', admins: [], log: first.log }).catch(
      () => undefined,
    );
    await dead?.stop();
    expect(first.lines.some((line) => line.level >= 50 && line.msg.includes('puppet service unreachable'))).toBe(true);

    const wechat = createMockWechat();
    const app = await start(wechat, db.url, capturedLogger().log);
    try {
      const { room } = wechat.createRoom('测试群', ['李华']);
      await wechat.say('李华', room, '填报', { mentionBot: true });
      expect((await wechat.waitForReplies(room, 1))[0]).toContain(campaign2021().registration.prompt);
    } finally {
      await app.stop();
    }
  });
});

describe('a puppet whose sends fail', () => {
  it('still saves every answer of the group, logs the failure, and the other groups go on', async () => {
    const db = tempDatabase();
    const wechat = createMockWechat();
    const { log, lines } = capturedLogger();
    const app = await start(wechat, db.url, log);
    const broken = wechat.createRoom('发不出消息的群', ['李华']).room;
    const working = wechat.createRoom('正常的群', ['陈敏']).room;
    const send = wechat.puppet.messageSendText.bind(wechat.puppet);
    wechat.puppet.messageSendText = (conversationId: string, text: string) =>
      conversationId === broken.id ? Promise.reject(new Error('send rejected by WeChat')) : send(conversationId, text);
    const failuresIn = (roomId: string) =>
      lines.filter((line) => line.level >= 50 && line.roomId === roomId && line.err?.message === 'send rejected by WeChat');
    try {
      for (const [n, text] of ['填报', UNIT, COMMITMENT].entries()) {
        await wechat.say('李华', broken, text, { mentionBot: n === 0 });
        await vi.waitFor(() => expect(failuresIn(broken.id)).toHaveLength(n + 1));
      }
      await wechat.say('陈敏', working, '填报', { mentionBot: true });
      expect((await wechat.waitForReplies(working, 1))[0]).toContain(campaign2021().registration.prompt);
      expect(wechat.replies(broken)).toEqual([]);
    } finally {
      await app.stop();
    }
    const saved = readDatabase(db.file);
    expect(saved.units).toEqual([UNIT]);
    expect(saved.processed.filter((roomId) => roomId === broken.id)).toHaveLength(3);
    expect(saved.conversations).toContain(broken.id);
    expect(saved.drafts.map((draft) => JSON.parse(draft.answers) as { commitment?: string })).toEqual([expect.objectContaining({ commitment: COMMITMENT })]);
  });

  // Once an answer is saved, a failed reply must not tell the group to send it again (sent again, the
  // commitment would be filed as service item 1): the reply is retried, never reported as lost.
  it('does not tell the group to send a saved answer again when only the reply failed', async () => {
    const db = tempDatabase();
    const wechat = createMockWechat();
    const app = await start(wechat, db.url, capturedLogger().log);
    try {
      const { room } = wechat.createRoom('测试群', ['李华']);
      await wechat.say('李华', room, '填报', { mentionBot: true });
      await wechat.waitForReplies(room, 1);
      await wechat.say('李华', room, UNIT);
      await wechat.waitForReplies(room, 1);
      const send = wechat.puppet.messageSendText.bind(wechat.puppet);
      let failures = 1;
      wechat.puppet.messageSendText = (conversationId: string, text: string) =>
        failures-- > 0 ? Promise.reject(new Error('send timed out')) : send(conversationId, text);
      await wechat.say('李华', room, COMMITMENT);
      const [reply] = await wechat.waitForReplies(room, 1);
      expect(reply).not.toSay('internalError');
    } finally {
      await app.stop();
    }
  });
});

describe('a puppet that reports an error', () => {
  it('is logged, and the bot keeps answering', async () => {
    const db = tempDatabase();
    const wechat = createMockWechat();
    const { log, lines } = capturedLogger();
    const app = await start(wechat, db.url, log);
    try {
      const { room } = wechat.createRoom('测试群', ['李华']);
      wechat.puppet.emit('error', { data: 'websocket closed unexpectedly' });
      // One line at error level for the operator; the error itself at debug.
      await vi.waitFor(() => expect(lines.some((line) => line.level >= 50 && line.msg.includes('websocket closed unexpectedly'))).toBe(true));
      expect(lines.some((line) => line.level === 20 && line.err?.message?.includes('websocket closed unexpectedly'))).toBe(true);
      await wechat.say('李华', room, '填报', { mentionBot: true });
      expect((await wechat.waitForReplies(room, 1))[0]).toContain(campaign2021().registration.prompt);
      expect(app.bot.isLoggedIn).toBe(true);
    } finally {
      await app.stop();
    }
  });
});

describe('a puppet that cannot reach WeChat', () => {
  it('is stopped with one line, started again after the wait, and the group it knew goes on', async () => {
    const db = tempDatabase();
    const wechat = createMockWechat();
    const { log, lines } = capturedLogger();
    const waits: (() => void)[] = [];
    const app = await startApp({
      puppet: wechat.puppet,
      databaseUrl: db.url,
      campaignDir: 'conversations',
      admins: [],
      now: () => SEPT_20,
      log,
      retryTimers: { set: (run) => waits.push(run), clear: () => undefined },
    });
    await wechat.login(app.bot);
    try {
      const { room } = wechat.createRoom('测试群', ['李华']);
      await wechat.say('李华', room, '填报', { mentionBot: true });
      await wechat.waitForReplies(room, 1);
      for (let i = 0; i < 5; i += 1) wechat.puppet.emit('error', { data: 'getaddrinfo ENOTFOUND login.wx.qq.com' });
      await vi.waitFor(() => expect(app.connection.status().state).toBe('waiting'));
      await vi.waitFor(() => expect(app.bot.isLoggedIn).toBe(false));
      expect(lines.filter((line) => line.level >= 40).map((line) => line.msg)).toEqual([
        expect.stringMatching(/^无法连接微信（login\.wx\.qq\.com：DNS 失败），30秒后重试/),
      ]);

      waits.shift()?.();
      await vi.waitFor(() => expect(app.bot.state.active()).toBe(true));
      await wechat.login(app.bot);
      expect(app.connection.status().state).toBe('online');
      await wechat.say('李华', room, UNIT);
      expect((await wechat.waitForReplies(room, 1))[0]).toSay('unitRegistered', { unit: UNIT });
    } finally {
      await app.stop();
    }
  });
});
