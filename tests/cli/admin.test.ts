// `npm run admin`: invite prints a one-time code and the sentence to send, list shows who is an admin and
// what waits, remove takes an admin or an invitation away; the scope is checked against the roster.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { hashCode } from '../../src/admin/invites.js';
import { EXIT, runAdminCli } from '../../src/cli/admin.js';
import { openDatabase } from '../../src/store/client.js';
import { PrismaInvitedAdmins } from '../../src/store/invited-admins.js';
import { Serial } from '../../src/store/serial.js';
import { migrationsDir, projectRoot, tempDir } from '../store/helpers.js';
import { seedRoster } from '../support/test-app.js';

const NOW = new Date('2021-09-20T10:30:00+08:00');
const SENTENCE = /^管理员 (\d{6})$/;

function setUp() {
  const file = path.join(tempDir(), 'bot.db');
  const env: Record<string, string> = { DATABASE_URL: `file:${file}`, CAMPAIGN_DIR: 'conversations' };
  const run = async (args: string[], extra: Record<string, string> = {}, now = NOW) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runAdminCli(args, { out: (text) => out.push(text), err: (text) => err.push(text), env: { ...env, ...extra }, now: () => now });
    const sent = out.map((line) => SENTENCE.exec(line)?.[1]).find((c) => c !== undefined);
    return { code, out, err, sent };
  };
  /** the contact spends the code in the bot, as `管理员 <code>` does */
  const claim = async (code: string, contactId: string) => {
    const db = await openDatabase(env.DATABASE_URL!, migrationsDir);
    try {
      return await new PrismaInvitedAdmins(db.prisma, new Serial()).claim(hashCode(code), contactId, NOW);
    } finally {
      await db.close();
    }
  };
  return { file, env, run, claim };
}

describe('npm run admin (in process)', () => {
  it('invites with a code and the sentence to send, and renews the code of a name already invited', async () => {
    const { run, claim } = setUp();
    const first = await run(['invite', '小周', '--province']);
    expect(first.code).toBe(EXIT.ok);
    expect(first.err).toEqual([]);
    expect(first.out).toEqual([
      `已邀请“小周”为全省管理员。验证码 ${first.sent}，9月27日 10:30前有效，只能用一次。`,
      '请小周用自己的微信私聊机器人，发送下面这句话（可以直接复制）：',
      `管理员 ${first.sent}`,
    ]);
    expect(await claim(first.sent!, 'wxid_zhou')).toMatchObject({ kind: 'bound' });

    const again = await run(['invite', '小周']);
    expect(again.out).toEqual([
      `已为“小周”（全省管理员）换了新的验证码 ${again.sent}，9月27日 10:30前有效，只能用一次；之前的验证码作废。`,
      '新验证码用掉之前，小周原来绑定的微信仍是管理员；用掉后换成发验证码的那个微信。',
      '请小周用自己的微信私聊机器人，发送下面这句话（可以直接复制）：',
      `管理员 ${again.sent}`,
    ]);
    expect(await claim(first.sent!, 'wxid_zhou_2')).toEqual({ kind: 'wrong' });
    expect(await claim(again.sent!, 'wxid_zhou_2')).toMatchObject({ kind: 'bound', previous: 'wxid_zhou' });
  }, 30_000);

  it('checks a city or industry against the roster: warns of one it lacks, refuses one it has as the other kind', async () => {
    const { file, run } = setUp();
    const early = await run(['invite', '小林', '--city', '广州市']);
    expect(early.code).toBe(EXIT.ok);
    expect(early.err).toEqual(['注意：名单还没有导入，没法核对地市“广州市”有没有写错。']);

    await seedRoster(file, [
      { name: '广州南站青年文明号', city: '广州市', industry: '广东电网' },
      { name: '深圳北站青年文明号', city: '深圳市', industry: '铁路' },
    ]);
    const short = await run(['invite', '小周', '--city', '广州']);
    expect(short.err).toEqual([]);
    expect(short.out[0]).toMatch(/^已邀请“小周”为广州市管理员。/);

    const unknown = await run(['invite', '小王', '--city', '珠海市']);
    expect(unknown.code).toBe(EXIT.ok);
    expect(unknown.err).toEqual([
      '注意：名单里没有地市“珠海市”（名单里的地市有：广州市、深圳市）。如果写错了，请改正后重新运行：npm run admin -- invite 小王 --city 正确名称',
    ]);

    const wrongKind = await run(['invite', '小李', '--city', '广东电网']);
    expect(wrongKind).toMatchObject({
      code: EXIT.usage,
      out: [],
      err: ['“广东电网”在名单里是行业，不是地市：请运行 npm run admin -- invite 小李 --industry 广东电网'],
    });
    expect((await run(['list'])).out.some((line) => line.includes('小李'))).toBe(false);
  }, 30_000);

  it('lists the admins bound, the invitations waiting or expired, and the ADMINS setting', async () => {
    const { run, claim } = setUp();
    expect((await run(['list'])).out).toEqual(['还没有管理员。邀请：npm run admin -- invite 名字 [--city 地市 | --industry 行业]']);
    const zhou = await run(['invite', '小周', '--city', '广州市']);
    await claim(zhou.sent!, 'wxid_zhou');
    await run(['invite', '小周']);
    await run(['invite', '小李', '--industry', '广东电网']);
    await run(['invite', '小王'], {}, new Date('2021-09-01T10:00:00+08:00'));
    const listed = await run(['list'], { ADMINS: 'wxid_chen,wxid_zhou=industry:铁路' });
    expect(listed.out).toEqual([
      '管理员2位，未绑定的邀请2个：',
      '· 小周：广州市，已绑定微信 wxid_zhou（9月20日 10:30起），来自邀请；新验证码9月27日 10:30前有效，待接受（这个微信也在 ADMINS 里，以 ADMINS 的范围为准）',
      '· 小李：广东电网，未绑定，待接受：验证码9月27日 10:30前有效，来自邀请',
      '· 小王：全省，未绑定：验证码已于9月8日 10:00过期，重新邀请：npm run admin -- invite 小王',
      '· wxid_chen：全省，来自 .env 的 ADMINS',
      '· wxid_zhou：铁路，来自 .env 的 ADMINS',
    ]);
  }, 30_000);

  it('removes an admin or an invitation, and says where an ADMINS entry is removed', async () => {
    const { run, claim } = setUp();
    const zhou = await run(['invite', '小周', '--city', '广州市']);
    await claim(zhou.sent!, 'wxid_zhou');
    await run(['invite', '小李']);
    expect(await run(['remove', '小周'])).toMatchObject({
      code: EXIT.ok,
      out: ['已移除管理员“小周”（广州市）：微信 wxid_zhou 即刻不能再用管理员指令，也不再收到汇总。'],
    });
    expect((await run(['remove', '小李'])).out).toEqual(['已撤销对“小李”（全省）的邀请，验证码作废。']);
    expect(await run(['remove', '小李'])).toMatchObject({ code: EXIT.notFound, err: ['没有叫“小李”的管理员或邀请。查看全部：npm run admin -- list'] });
    expect(await run(['remove', 'wxid_chen'], { ADMINS: 'wxid_chen' })).toMatchObject({
      code: EXIT.notFound,
      err: ['“wxid_chen”是 .env 里 ADMINS 设置的管理员：请从 ADMINS 里删掉，再重启机器人。'],
    });
    expect(await claim(zhou.sent!, 'wxid_zhou')).toEqual({ kind: 'wrong' });
  }, 30_000);

  it('says what is wrong with a command written wrong, and prints its help', async () => {
    const { run } = setUp();
    const usage = async (args: string[]) => {
      const result = await run(args);
      expect(result.code, args.join(' ')).toBe(EXIT.usage);
      expect(result.err[0]!.endsWith('\n查看用法：npm run admin -- --help'), args.join(' ')).toBe(true);
      return result.err[0]!.split('\n')[0];
    };
    expect(await usage([])).toBe('请写要做什么：invite、list 或 remove。');
    expect(await usage(['add', '小周'])).toBe('没有“add”这个命令：可用 invite、list、remove。');
    expect(await usage(['invite'])).toBe('请写管理员的名字，例如：npm run admin -- invite 小周');
    expect(await usage(['invite', '小', '周'])).toBe('多了“周”：名字里不能有空格。');
    expect(await usage(['invite', '小周', '--city', '广州市', '--industry', '广东电网'])).toBe('--city、--industry 和 --province 只能写一个。');
    expect(await usage(['invite', '小周', '--city', ' '])).toBe('--city 后面要写名称，例如 --city 广州市');
    expect(await usage(['list', '--city', '广州市'])).toBe('只有 invite 可以写范围。');
    expect(await usage(['invite', '小,周'])).toBe('名字“小,周”不能用：1到20个字，不含逗号和等号。');
    expect(await usage(['invite', '小周', '--town', 'x'])).toContain("Unknown option '--town'");
    const help = await run(['--help']);
    expect(help.code).toBe(EXIT.ok);
    expect(help.out[0]).toContain('npm run admin -- invite 名字 [--city 地市 | --industry 行业 | --province]');
    expect(await run(['list'], { ADMINS: 'wxid_a,wxid_a' })).toMatchObject({
      code: EXIT.failed,
      err: ['npm run admin 没有完成：admin wxid_a is listed twice'],
    });
  }, 30_000);
});

describe('npm run admin (child process)', () => {
  /** `npm run admin -- …` as npm runs it: tsx, in the project folder. */
  async function admin(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
    try {
      const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/admin.ts', ...args], {
        cwd: projectRoot,
        env: { ...process.env, ...env },
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }

  it('invites, lists and removes', async () => {
    const { env } = setUp();
    const invited = await admin(['invite', '小周', '--industry', '广东电网'], env);
    expect(invited.code).toBe(0);
    expect(invited.stderr).toBe('注意：名单还没有导入，没法核对行业“广东电网”有没有写错。\n');
    expect(invited.stdout).toMatch(/\n管理员 \d{6}\n$/);
    const listed = await admin(['list'], env);
    expect(listed.stdout).toMatch(/^管理员0位，未绑定的邀请1个：\n· 小周：广东电网，未绑定，待接受：验证码.+前有效，来自邀请\n$/);
    expect(await admin(['remove', '小周'], env)).toEqual({ code: 0, stdout: '已撤销对“小周”（广东电网）的邀请，验证码作废。\n', stderr: '' });
    expect((await admin(['remove', '小周'], env)).code).toBe(1);
  }, 90_000); // four child processes, each starting tsx: seconds apiece on a loaded 2-core machine
});
