// The login QR code for a server without a screen: saved as a PNG beside the database, named in a line with
// its URL, and removed once logged in.
import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it, vi } from 'vitest';
import { ScanStatus } from 'wechaty';
import { QR_FILE_NAME, showLoginQr } from '../../src/bot/login-qr.js';

describe('the login QR code', () => {
  it('is saved as a PNG, named with its URL in one line, and removed at login', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'login-qr-'));
    const lines: string[] = [];
    const log = pino(
      { level: 'info' },
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(...chunk.toString('utf8').split('\n').filter((line) => line !== ''));
          done();
        },
      }),
    );
    const bot = new EventEmitter();
    showLoginQr(bot as never, { dataDir, log, terminal: false });
    const file = join(dataDir, QR_FILE_NAME);

    bot.emit('scan', 'https://login.weixin.qq.com/l/abc123', ScanStatus.Waiting);
    await vi.waitFor(() => expect(lines).toHaveLength(1));
    expect(readFileSync(file).subarray(1, 4).toString('latin1')).toBe('PNG');
    const line = JSON.parse(lines[0] ?? '{}') as { msg: string };
    expect(line.msg).toContain(`二维码也已存为 ${file}`);
    expect(line.msg).toContain('https://wechaty.js.org/qrcode/');

    bot.emit('scan', '', ScanStatus.Scanned);
    bot.emit('login', { name: () => '服务月助手' });
    await vi.waitFor(() => expect(existsSync(file)).toBe(false));
    expect(lines.at(-1)).toContain('已扫码，请在手机上确认登录');
  });
});
