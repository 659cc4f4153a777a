// The start-up check: what a new operator has not set up, each a line with the command that fixes it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashCode } from '../../src/admin/invites.js';
import { loadCampaign } from '../../src/files/campaign.js';
import { runAdminCli } from '../../src/cli/admin.js';
import { checkSetUp } from '../../src/cli/doctor/checks.js';
import { runDoctor } from '../../src/cli/doctor.js';
import { openDatabase } from '../../src/store/client.js';
import { PrismaInvitedAdmins } from '../../src/store/invited-admins.js';
import { Serial } from '../../src/store/serial.js';
import { seedRoster } from '../support/test-app.js';

const campaign = loadCampaign('conversations');
const BEFORE = new Date('2021-09-20T10:30:00+08:00');
const READY = {
  campaign,
  campaignFile: 'conversations/campaign-2021.yaml',
  units: 341,
  admins: 2,
  pendingInvitations: 0,
  accounts: [{ puppet: 'wechaty-puppet-wechat4u', token: undefined }],
  now: BEFORE,
};

describe('checkSetUp', () => {
  it('passes a set-up with a roster, admins, a campaign still running and a puppet that needs no token', () => {
    expect(checkSetUp(READY)).toEqual([
      { ok: true, line: '✓ 名单：341个单位' },
      { ok: true, line: '✓ 管理员：2位' },
      { ok: true, line: '✓ 活动文件：conversations/campaign-2021.yaml，最晚截止10月29日 23:59' },
      { ok: true, line: '✓ 微信协议：wechaty-puppet-wechat4u' },
    ]);
  });

  it('names each thing missing with the command that fixes it', () => {
    const lines = checkSetUp({
      ...READY,
      units: 0,
      admins: 0,
      accounts: [{ puppet: 'wechaty-puppet-service', token: undefined }],
      now: new Date('2026-11-30T10:00:00+08:00'),
    })
      .filter((finding) => !finding.ok)
      .map((finding) => finding.line);
    expect(lines).toEqual([
      '✗ 名单是空的：运行 npm run roster -- import 名单.xlsx 导入（或由管理员把名单文件私聊发给机器人）',
      '✗ 没有管理员：运行 npm run admin -- invite 名字 邀请（它打印一个验证码，对方用自己的微信私聊机器人发送“管理员 验证码”），或在 .env 里写 ADMINS=管理员的微信联系人ID（多个用逗号隔开）；否则没有人收到汇总，也不能发名单和导出表格',
      '✗ 活动文件 conversations/campaign-2021.yaml（2021年广东青年文明号集中服务月）的截止时间都已过去（最晚10月29日 23:59）：在 .env 里用 CAMPAIGN_DIR= 指向本期的活动文件夹',
      '✗ 微信协议 wechaty-puppet-service 需要令牌：在 .env 里写 WECHATY_PUPPET_SERVICE_TOKEN=…',
    ]);
    expect(checkSetUp({ ...READY, accounts: [{ puppet: 'wechaty-puppet-padlocal', token: 'puppet_padlocal_x' }] }).every((finding) => finding.ok)).toBe(true);
  });

  it('checks each account of several for its token, naming the setting of that account', () => {
    const accounts = [
      { name: '甲', puppet: 'wechaty-puppet-wechat4u', token: undefined },
      { name: '乙', puppet: 'wechaty-puppet-service', token: undefined },
      { name: '丙', puppet: 'wechaty-puppet-service', token: 'puppet_service_x' },
    ];
    expect(checkSetUp({ ...READY, accounts }).slice(3)).toEqual([
      { ok: true, line: '✓ 微信号“甲”：wechaty-puppet-wechat4u' },
      {
        ok: false,
        line: '✗ 微信号“乙”的协议 wechaty-puppet-service 需要令牌：在 .env 里写 ACCOUNT_2_TOKEN=…（或用 WECHATY_PUPPET_SERVICE_TOKEN=… 给所有微信号同一个令牌）',
      },
      { ok: true, line: '✓ 微信号“丙”：wechaty-puppet-service' },
    ]);
  });

  it('counts invitations not yet accepted beside the admins, and says how one is accepted', () => {
    const admins = (admins: number, pendingInvitations: number) => checkSetUp({ ...READY, admins, pendingInvitations })[1];
    expect(admins(0, 1)).toEqual({
      ok: false,
      line: '✗ 还没有管理员：1个邀请未接受（对方用自己的微信私聊机器人发送“管理员 验证码”；验证码过期或丢了，再运行 npm run admin -- invite 名字），查看：npm run admin -- list',
    });
    expect(admins(2, 1)).toEqual({ ok: true, line: '✓ 管理员：2位（另有1个邀请未接受，查看：npm run admin -- list）' });
  });
});

describe('npm run doctor', () => {
  async function run(env: Record<string, string>, argv: string[]) {
    const out: string[] = [];
    const code = await runDoctor(argv, { out: (text) => out.push(text), env });
    return { code, out };
  }

  it('exits 1 on a fresh database, and 0 once the roster and the admins are there', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'doctor-'));
    const file = path.join(dir, 'bot.db');
    const env = { DATABASE_URL: `file:${file}`, CAMPAIGN_DIR: 'conversations' };
    const fresh = await run(env, ['--now', '2021-09-20T10:30:00+08:00']);
    expect(fresh.code).toBe(1);
    expect(fresh.out.at(-1)).toBe('有2项需要处理，处理后再运行 npm run doctor。');

    await seedRoster(file, [{ name: '广州南站青年文明号', city: '广州市' }]);
    const ready = await run({ ...env, ADMINS: 'wxid_a' }, ['--now', '2021-09-20T10:30:00+08:00']);
    expect(ready).toEqual({
      code: 0,
      out: [
        '✓ 名单：1个单位',
        '✓ 管理员：1位',
        '✓ 活动文件：conversations/campaign-2021.yaml，最晚截止10月29日 23:59',
        '✓ 微信协议：wechaty-puppet-wechat4u',
        '一切就绪，可以运行 npm start。',
      ],
    });

    // Without ADMINS: an invitation waiting is not an admin yet; once its code is spent, it is.
    const printed: string[] = [];
    await runAdminCli(['invite', '小周'], { out: (text) => printed.push(text), err: () => {}, env, now: () => BEFORE });
    const waiting = await run(env, ['--now', '2021-09-20T10:30:00+08:00']);
    expect(waiting.code).toBe(1);
    expect(waiting.out[1]).toMatch(/^✗ 还没有管理员：1个邀请未接受/);
    const db = await openDatabase(env.DATABASE_URL);
    try {
      await new PrismaInvitedAdmins(db.prisma, new Serial()).claim(hashCode(printed.at(-1)!.slice('管理员 '.length)), 'wxid_zhou', BEFORE);
    } finally {
      await db.close();
    }
    expect((await run(env, ['--now', '2021-09-20T10:30:00+08:00'])).out[1]).toBe('✓ 管理员：1位');
  }, 60_000); // child processes starting tsx: seconds on a loaded 2-core machine

  it('says why it could not run at all', async () => {
    const result = await run({ CAMPAIGN_DIR: 'no/such/folder' }, []);
    expect(result.code).toBe(2);
    expect(result.out[0]).toMatch(/^npm run doctor 没有完成：campaign folder no\/such\/folder cannot be read/);
    expect((await run({}, ['--now', 'tomorrow'])).out[0]).toContain('--now tomorrow is not a time');
  });
});
