// The README's quick start, followed literally by a new operator: each `npm run …` line of its block runs as
// typed (as child processes, on a fresh database), then the bot starts on the mock puppet in place of
// `npm start` and a scan, and the invited admins send the codes they were given. The operator ends with a
// bot that has the roster and two admins, one for the province and one for 广州市.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../store/helpers.js';
import { runChild, type ChildRun } from '../support/run-child.js';
import { sentenceOf } from '../support/says.js';
import { askPrivately, startTestApp } from '../support/test-app.js';

/** The commands of the README's quick start, without their comments. */
function quickStart(): string[] {
  const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
  const block = /<!-- quick-start:start -->\n```sh\n([\s\S]*?)```\n<!-- quick-start:end -->/.exec(readme)?.[1];
  if (block === undefined) throw new Error('README.md has no quick-start block');
  return block
    .split('\n')
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter((line) => line !== '');
}

describe('the README quick start', () => {
  it('gets a new operator to a bot with the roster and its admins', async () => {
    const commands = quickStart();
    expect(commands[0]).toBe('npm ci');
    expect(commands.at(-1)).toBe('npm start');
    const dir = mkdtempSync(join(tmpdir(), 'quick-start-'));
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: `file:${join(dir, 'bot.db')}`, ADMINS: '', LOG_LEVEL: 'silent' };
    const runs: { command: string; run: ChildRun }[] = [];
    // npm ci has run already (it is how this test runs at all); npm start is the bot below.
    for (const command of commands.slice(1, -1)) {
      const [npm, ...args] = command.split(/\s+/);
      expect(npm).toBe('npm');
      runs.push({ command, run: await runChild('npm', args, { cwd: projectRoot, env }) });
    }
    const printed = (pattern: RegExp) => runs.find(({ command }) => pattern.test(command))?.run.stdout ?? '';
    expect(printed(/roster -- import/)).toContain('名单已导入：新增341个');
    const code = (name: string) => new RegExp(`已邀请“${name}”[\\s\\S]*?^管理员 (\\d{6})$`, 'm').exec(printed(new RegExp(`invite ${name}`)))?.[1];
    expect(code('小周')).toMatch(/^\d{6}$/);
    expect(code('小林')).toMatch(/^\d{6}$/);
    // The check sees the roster, and the invitations not yet accepted.
    expect(printed(/doctor/)).toContain('✓ 名单：341个单位');
    expect(printed(/doctor/)).toContain('2个邀请未接受');

    const t = await startTestApp({ dir });
    try {
      expect(await askPrivately(t, '小周', `管理员 ${code('小周')}`)).toBe(sentenceOf('admin.claimDone', { name: '小周', scope: '全省' }));
      expect(await askPrivately(t, '小林', `管理员 ${code('小林')}`)).toBe(sentenceOf('admin.claimDone', { name: '小林', scope: '广州市' }));
      const province = await askPrivately(t, '小周', '统计');
      expect(province.split('\n')[0]).toSay('admin.statsHeader', { scope: '全省' });
      expect(province).toSay('admin.statsForm', { form: '附件2' });
      expect((await askPrivately(t, '小林', '统计')).split('\n')[0]).toSay('admin.statsHeader', { scope: '广州市' });
      expect(await askPrivately(t, '路人甲', '统计')).toBe(sentenceOf('admin.refused'));
    } finally {
      await t.app.stop();
    }
  }, 120_000); // five npm runs, each starting tsx, on a loaded 2-core machine
});
