// npm run backup copies the database while the bot runs, with every answer already saved.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { startTestApp } from '../support/test-app.js';

const run = promisify(execFile);

describe('npm run backup', () => {
  it('copies a running bot’s database, answers included, and refuses to overwrite or a wrong command line', async () => {
    const t = await startTestApp();
    const target = join(t.dir, 'backup.db');
    try {
      const { room } = t.wechat.createRoom('测试群', ['李华']);
      await t.ask('李华', room, '填报');
      await t.ask('李华', room, '广州地铁运营一中心青年文明号');
      await t.ask('李华', room, '热情周到，便民利民，让每一位乘客安心出行');
      const env = { ...process.env, DATABASE_URL: `file:${t.databaseFile}` };
      const { stdout } = await run('npx', ['tsx', 'src/cli/backup.ts', target], { env });
      expect(stdout).toContain(`Backed up ${t.databaseFile} to ${target}`);
      await expect(run('npx', ['tsx', 'src/cli/backup.ts', target], { env })).rejects.toMatchObject({ code: 1 });
      // an option it does not know is no file name
      await expect(run('npx', ['tsx', 'src/cli/backup.ts', '--to', join(t.dir, 'other.db')], { env })).rejects.toMatchObject({
        code: 2,
        stderr: expect.stringContaining('Usage: npm run backup [-- FILE]'),
      });
    } finally {
      await t.app.stop();
    }
    const copy = new Database(target, { readonly: true });
    const answers = copy.prepare('SELECT answers FROM Submission').all() as { answers: string }[];
    copy.close();
    expect(JSON.parse(answers[0]!.answers).commitment).toBe('热情周到，便民利民，让每一位乘客安心出行');
  }, 60_000); // a child process starting tsx: seconds on a loaded 2-core machine
});
