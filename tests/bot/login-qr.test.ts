// The login QR code for a server without a screen: saved as a PNG beside the database, named in a line with
// its URL, and removed once logged in.
import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ScanStatus } from 'wechaty';
import { QR_FILE_NAME, showLoginQr } from '../../src/bot/login-qr.js';
import { capturedLogger } from '../support/captured-log.js';

describe('the login QR code', () => {
  it('is saved as a PNG, named with its URL in one line, and removed at login', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'login-qr-'));
    const { log, lines } = capturedLogger('info');
    const bot = new EventEmitter();
    showLoginQr(bot as never, { dataDir, log, terminal: false });
    const file = join(dataDir, QR_FILE_NAME);

    bot.emit('scan', 'https://login.weixin.qq.com/l/abc123', ScanStatus.Waiting);
    await vi.waitFor(() => expect(lines).toHaveLength(1));
    expect(readFileSync(file).subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(lines[0]?.msg).toContain(`二维码也已存为 ${file}`);
    expect(lines[0]?.msg).toContain('https://wechaty.js.org/qrcode/');

    bot.emit('scan', '', ScanStatus.Scanned);
    bot.emit('login', { name: () => '服务月助手' });
    await vi.waitFor(() => expect(existsSync(file)).toBe(false));
    expect(lines.at(-1)?.msg).toContain('已扫码，请在手机上确认登录');
  });
});
