// 状态 in the admin chat, through the real Wechaty: whether the bot is logged in, what waits to be sent and
// what failed, the last problem, the database and its newest backup.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { mockContactId } from '../support/mock-wechat.js';
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
      const lines = reply.split('\n');
      expect(lines[0]).toBe('运行状态（9月20日 10:30）');
      expect(lines[1]).toMatch(/^微信号：已登录（.+）$/);
      // The asking chat itself is not counted.
      expect(lines[2]).toBe('其他正在处理的对话（群或私聊）：0个');
      expect(reply).toContain('待发送：0条；发送失败：0条；今日已发');
      expect(reply).toContain('最近问题：9月20日 10:30 微信协议出错：websocket closed unexpectedly');
      expect(reply).not.toContain('WeChat puppet error');
      expect(reply).toMatch(/数据库：\d+\.\dMB；最近备份：\d+月\d+日 \d\d:\d\d（.*daily-2021-09-20\.db）/);
    } finally {
      await started.app.stop();
    }
  });

  it('is an admin command only', async () => {
    const t = await startTestApp({ admins: [mockContactId(ADMIN)] });
    try {
      expect(await askPrivately(t, '路人甲', '状态')).not.toContain('运行状态');
      expect(await askPrivately(t, ADMIN, '状态')).toContain('最近备份：还没有');
    } finally {
      await t.app.stop();
    }
  });
});
