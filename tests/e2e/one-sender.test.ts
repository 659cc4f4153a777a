// One sender per database: while a bot runs, `npm start` in a second process on the same database refuses
// to start and says why, so no reminder or digest is ever sent twice; once the first bot stops, a bot
// starts on that database again.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../store/helpers.js';
import { runChild } from '../support/run-child.js';
import { campaign2021 } from '../support/says.js';
import { startTestApp } from '../support/test-app.js';

describe('a second bot process on the same database', () => {
  it('refuses to start while the first runs, and the first goes on', async () => {
    const t = await startTestApp();
    try {
      const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(DATABASE_URL|CAMPAIGN_DIR|ADMINS|WECHATY_|LOG_LEVEL)/.test(key)));
      const second = await runChild(join(projectRoot, 'node_modules/.bin/tsx'), [join(projectRoot, 'src/main.ts')], {
        cwd: projectRoot,
        env: { ...env, DATABASE_URL: `file:${t.databaseFile}`, WECHATY_PUPPET: 'wechaty-puppet-mock', LOG_LEVEL: 'silent' },
      });
      expect(second.code).toBe(1);
      expect(second.stderr).toContain('The bot could not start.');
      expect(second.stderr).toContain(`另一个机器人进程正在使用这个数据库（主机`);
      expect(second.stderr).toContain(`进程 ${process.pid}，`);
      const { room } = t.wechat.createRoom('测试群', ['李华']);
      expect(await t.ask('李华', room, '填报', { mentionBot: true })).toContain(campaign2021().registration.prompt);
    } finally {
      await t.app.stop();
    }
    // Released at the stop: the next start need not wait for the lease to run out.
    const again = await startTestApp({ dir: t.dir });
    await again.app.stop();
  }, 60_000); // a child process starting tsx, on a loaded 2-core machine
});
