// 状态 in the admin chat, through the real Wechaty: whether the bot is logged in, what waits to be sent and
// what failed, the last problem, the database and its newest backup.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { mockContactId } from '../support/mock-wechat.js';
import { sentenceOf } from '../support/says.js';
import { askPrivately, startTestApp } from '../support/test-app.js';

vi.setConfig({ testTimeout: 60_000 });

const ADMIN = '青发部小陈';

describe('状态 in the admin chat', () => {
  it('says the account is logged in, the messages waiting, the last problem and the last backup', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'admin-health-'));
    const started = await startTestApp({ dir, admins: [mockContactId(ADMIN)], app: { backupDir: join(dir, 'backups') } });
    try {
      // The daily copy is taken right after the start; the file's time is the machine's.
      await vi.waitFor(async () => expect(await askPrivately(started, ADMIN, '状态')).toContain('daily-2021-09-20.db'));
      started.wechat.puppet.emit('error', { data: 'websocket closed unexpectedly' });
      const reply = await askPrivately(started, ADMIN, '状态');
      expect(reply).toSay('admin.health', {
        time: '9月20日 10:30',
        // The asking chat itself is not counted.
        queue: 0,
        pending: 0,
        failed: 0,
        database: /\d+\.\dMB/,
      });
      expect(reply).toSay('admin.healthError', { time: '9月20日 10:30', line: /微信协议出错：websocket closed unexpectedly.*/ });
      expect(reply).toSay('admin.healthAccount.online', { name: /.+/ });
      expect(reply).toSay('admin.healthBackup', { time: /\d+月\d+日 \d\d:\d\d/, file: /.*daily-2021-09-20\.db/ });
      expect(reply).not.toContain('WeChat puppet error');
    } finally {
      await started.app.stop();
    }
  });

  it('is an admin command only', async () => {
    const t = await startTestApp({ admins: [mockContactId(ADMIN)] });
    try {
      expect(await askPrivately(t, '路人甲', '状态')).not.toSay('admin.health');
      expect(await askPrivately(t, ADMIN, '状态')).toSay('admin.health', { backup: sentenceOf('admin.healthNoBackup') });
    } finally {
      await t.app.stop();
    }
  });
});
