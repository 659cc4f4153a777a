// The link to WeChat as the operator reads it: one line per network failure, retries that back off to five
// minutes, and plain lines on login, logout and re-login.
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { RETRY_DELAYS_MS, watchConnection, type Timers } from '../../src/bot/connection.js';
import { networkProblem } from '../../src/bot/connection-text.js';
import { capturedLogger } from '../support/captured-log.js';

function setUp() {
  const { log, lines } = capturedLogger('info');
  const bot = Object.assign(new EventEmitter(), { start: vi.fn(async () => undefined), stop: vi.fn(async () => undefined) });
  const waits: { run: () => void; ms: number }[] = [];
  const timers: Timers = { set: (run, ms) => waits.push({ run, ms }), clear: vi.fn() };
  const connection = watchConnection({ bot: bot as never, log, timers });
  const settle = () => new Promise((resolve) => setImmediate(resolve));
  const user = (name: string) => ({ name: () => name });
  return { lines, bot, waits, connection, settle, user };
}

const DNS = { message: 'getaddrinfo ENOTFOUND login.wx.qq.com' };

describe('when WeChat cannot be reached', () => {
  it('says so in one line in Chinese and English, stops the puppet and tries again in 30 s', async () => {
    const { lines, bot, waits, connection, settle } = setUp();
    for (let i = 0; i < 13; i += 1) bot.emit('error', DNS);
    await settle();
    expect(lines.map((line) => line.msg)).toEqual([
      "无法连接微信（login.wx.qq.com：DNS 失败），30秒后重试；请检查这台机器的网络 / cannot reach WeChat (login.wx.qq.com: DNS lookup failed), retrying in 30 s; check this machine's network",
    ]);
    expect(bot.stop).toHaveBeenCalledTimes(1);
    expect(waits.map((wait) => wait.ms)).toEqual([30_000]);
    expect(connection.status()).toMatchObject({ state: 'waiting', lastError: { line: lines[0]?.msg } });
  });

  it('backs off to five minutes, one line per try, and starts the puppet at each', async () => {
    const { lines, bot, waits, settle } = setUp();
    for (let attempt = 0; attempt < 7; attempt += 1) {
      bot.emit('error', DNS);
      await settle();
      waits.at(-1)?.run();
    }
    expect(waits.map((wait) => wait.ms)).toEqual([...RETRY_DELAYS_MS, 300_000, 300_000]);
    expect(bot.start).toHaveBeenCalledTimes(7);
    expect(lines).toHaveLength(7);
    expect(lines[1]?.msg).toMatch(/^第2次无法连接微信（login\.wx\.qq\.com：DNS 失败），1分钟后重试/);
    expect(lines[6]?.msg).toContain('5分钟后重试');
  });

  it('starts counting from 30 s again once WeChat answered', async () => {
    const { bot, waits, settle, lines, user } = setUp();
    bot.emit('error', DNS);
    await settle();
    waits.at(-1)?.run();
    bot.emit('login', user('服务月助手'));
    bot.emit('error', { message: 'connect ECONNREFUSED 203.205.239.133:443' });
    await settle();
    expect(waits.map((wait) => wait.ms)).toEqual([30_000, 30_000]);
    expect(lines.at(-1)?.msg).toMatch(/^无法连接微信（203\.205\.239\.133：连接被拒绝），30秒后重试/);
  });

  it('waits no more once the bot is stopping', async () => {
    const { bot, waits, connection, settle } = setUp();
    bot.emit('error', DNS);
    await settle();
    connection.stop();
    waits.at(-1)?.run();
    expect(bot.start).not.toHaveBeenCalled();
  });
});

describe('other events', () => {
  it('says login, re-login and logout plainly', () => {
    const { lines, bot, connection, user } = setUp();
    bot.emit('login', user('服务月助手'));
    bot.emit('logout', user('服务月助手'), 'kicked');
    expect(connection.status()).toMatchObject({ state: 'offline', account: '服务月助手' });
    bot.emit('login', user('服务月助手'));
    expect(lines.map((line) => line.msg)).toEqual([
      '已登录微信：服务月助手，机器人开始工作 / logged in to WeChat as 服务月助手; the bot is at work',
      '微信已退出登录：服务月助手（kicked），提醒暂停，请重新扫码登录 / logged out of WeChat (服务月助手): kicked; reminders wait until you scan the QR code again',
      '已重新登录微信：服务月助手，提醒和回复继续 / logged in to WeChat again as 服务月助手; replies and reminders go on',
    ]);
  });

  it('gives any other puppet error one line at error level, and does not stop the puppet', async () => {
    const { lines, bot, settle } = setUp();
    bot.emit('error', new Error('websocket closed unexpectedly\n    at somewhere (x.js:1:1)'));
    await settle();
    expect(lines).toEqual([expect.objectContaining({ level: 50, msg: expect.stringContaining('微信协议出错：websocket closed unexpectedly（') })]);
    expect(lines[0]?.msg).not.toContain('x.js');
    expect(bot.stop).not.toHaveBeenCalled();
  });
});

describe('networkProblem', () => {
  it('reads the kind and the host from the words of the error', () => {
    expect(networkProblem(new Error('getaddrinfo EAI_AGAIN webpush.wx.qq.com'))).toEqual({ host: 'webpush.wx.qq.com', kind: 'dns' });
    expect(networkProblem({ message: 'timeout of 30000ms exceeded' })).toEqual({ kind: 'timeout' });
    expect(networkProblem({ message: 'socket hang up' })).toEqual({ kind: 'reset' });
    expect(networkProblem({ message: 'connect EHOSTUNREACH 10.0.0.1' })).toEqual({ host: '10.0.0.1', kind: 'noNetwork' });
    expect(networkProblem({ message: '重启时网络错误，60s后进行最后一次重启' })).toEqual({ kind: 'networkError' });
    expect(networkProblem(new Error('Cannot read properties of undefined'))).toBeUndefined();
  });
});
