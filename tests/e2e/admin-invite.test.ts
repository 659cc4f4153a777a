// Admins by invitation, through the real Wechaty and the command line in another process: the operator runs
// `npm run admin -- invite 小周 --city 广州市`, 小周 sends `管理员 <code>` privately and gets the desk and the
// digests of 广州市; a wrong code is refused; after a new login (a new contact id, the same nickname) the name
// alone binds nothing, and a renewed code moves the admin to the new id; `npm run admin -- remove 小周` takes
// it all away from the running bot at once.
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import { runAdminCli } from '../../src/cli/admin.js';
import { projectRoot } from '../store/helpers.js';
import { fakeClock, runUntil, sh } from '../support/clock.js';
import { mockContactId, type ContactMock } from '../support/mock-wechat.js';
import { checkSays, sentenceOf } from '../support/says.js';
import { seedRoster, startTestApp, type SeedUnit, type TestApp } from '../support/test-app.js';

vi.setConfig({ testTimeout: 120_000 });

const ROSTER: SeedUnit[] = [
  { name: '广州地铁运营一中心青年文明号', city: '广州市', industry: '城市轨道交通', category: 'provincialModel' },
  { name: '深圳市福田区政务服务中心青年文明号', city: '深圳市', industry: '政务服务' },
];
const PROVINCE = '青发部小陈';
const REFUSED = sentenceOf('admin.refused');
const DONE = sentenceOf('admin.claimDone', { name: '小周', scope: '广州市' });

/** `npm run admin -- …` in a process of its own, beside the running bot; the code it printed, if any. */
async function adminCommand(databaseFile: string, args: string[]): Promise<{ stdout: string; code?: string }> {
  const env = { ...process.env, DATABASE_URL: `file:${databaseFile}`, CAMPAIGN_DIR: 'conversations' };
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/admin.ts', ...args], { cwd: projectRoot, env });
  const code = /\n管理员 (\d{6})\n$/.exec(stdout)?.[1];
  return { stdout, ...(code ? { code } : {}) };
}

/** A contact writes privately and reads the one reply; digests that came before are passed over. */
async function ask(t: TestApp, who: ContactMock | string, text: string): Promise<string> {
  const chat = t.wechat.dm(who);
  t.wechat.skipReplies(chat);
  await t.wechat.sayPrivately(who, text);
  const [reply] = await t.wechat.waitForReplies(chat, 1, 5_000);
  return reply!;
}

const digests = (t: TestApp, who: ContactMock | string) =>
  t.wechat.replies(t.wechat.dm(who)).filter((text) => checkSays(text.split('\n')[0]!, 'admin.digestDaily').pass);

describe('admins by invitation', () => {
  it('binds by code only, gets desk and digests, rebinds after a new login, and loses both when removed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'admin-invite-'));
    const databaseFile = join(dir, 'bot.db');
    await seedRoster(databaseFile, ROSTER);
    // invited before the bot starts, in this process
    const out: string[] = [];
    const env = { DATABASE_URL: `file:${databaseFile}`, CAMPAIGN_DIR: 'conversations' };
    expect(
      await runAdminCli(['invite', '小周', '--city', '广州'], { out: (text) => out.push(text), err: () => {}, env, now: () => sh('2021-09-24 10:00') }),
    ).toBe(0);
    const code = /^管理员 (\d{6})$/.exec(out.at(-1)!)![1]!;

    const clock = fakeClock(sh('2021-09-24 10:30'));
    const t = await startTestApp({
      dir,
      now: clock.now,
      admins: [mockContactId(PROVINCE)],
      app: { sendLimits: { minGapMs: 0, jitterMs: 0, dailyCap: 1000 } },
    });
    // the admin of ADMINS is a contact of the bot, so that its digests can go out
    t.wechat.contact(PROVINCE);
    try {
      expect(await ask(t, '小周', '统计')).toBe(REFUSED);
      const wrong = code === '000000' ? '000001' : '000000';
      expect(await ask(t, '小周', `管理员 ${wrong}`)).toBe(sentenceOf('admin.claimWrong'));
      expect(await ask(t, '小周', `管理员 ${code}`)).toBe(DONE);
      const stats = await ask(t, '小周', '统计');
      expect(stats).toSay('admin.statsHeader', { scope: '广州市' });
      expect(stats).not.toContain('深圳');

      // The day's digest goes to the admins of the moment: the one of ADMINS and the one just bound.
      await runUntil(t.app, clock, sh('2021-09-24 10:32'), 60_000);
      expect(digests(t, '小周')).toHaveLength(1);
      expect(digests(t, PROVINCE)).toHaveLength(1);

      // A new login: the same person, a new contact id, the same nickname. The name binds nothing.
      const relogged = t.wechat.mocker.createContact({ name: '小周', id: 'wxid_zhou_relogin' });
      expect(await ask(t, relogged, '管理员 小周')).toBe(sentenceOf('admin.claimHow'));
      expect(await ask(t, relogged, '统计')).toBe(REFUSED);

      // The operator renews the code in another process; the new contact spends it and the old id is dropped.
      const renewed = await adminCommand(databaseFile, ['invite', '小周']);
      expect(renewed.stdout).toContain('已为“小周”（广州市管理员）换了新的验证码');
      expect(await ask(t, relogged, `管理员 ${code}`)).toBe(sentenceOf('admin.claimWrong'));
      expect(await ask(t, relogged, `管理员 ${renewed.code}`)).toBe(DONE);
      expect(await ask(t, relogged, '统计')).toSay('admin.statsHeader', { scope: '广州市' });
      expect(await ask(t, '小周', '统计')).toBe(REFUSED);

      // The province admin reads who became an admin, and how, in 日志.
      const log = await ask(t, PROVINCE, '日志');
      expect(log).toSay('admin.logLine', { who: '小周（管理员）', what: sentenceOf('admin.logActions.adminBound', { scope: '广州市', name: '小周' }) });
      expect(log).toSay('admin.logLine', {
        who: /服务器命令行（[^）]+）/,
        what: sentenceOf('admin.logActions.adminInvited', { name: '小周', scope: '广州市' }),
      });
      expect(log).toSay('admin.logActions.adminCodeRefused', { id: mockContactId('小周') });

      // Removed in another process: no desk, no digest, from the next message and the next tick on.
      expect((await adminCommand(databaseFile, ['remove', '小周'])).stdout).toBe(
        '已移除管理员“小周”（广州市）：微信 wxid_zhou_relogin 即刻不能再用管理员指令，也不再收到汇总。\n',
      );
      expect(await ask(t, relogged, '统计')).toBe(REFUSED);
      await runUntil(t.app, clock, sh('2021-09-25 09:05'), 3_600_000);
      expect(digests(t, relogged)).toHaveLength(0);
      expect(digests(t, PROVINCE)).toHaveLength(2);
      expect(await ask(t, PROVINCE, '统计')).toSay('admin.statsHeader', { scope: '全省' });
    } finally {
      await t.app.stop();
    }
  });
});
