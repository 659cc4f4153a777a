// The settings: defaults, every variable read, wrong values named; and `npm start` refusing to start on a
// bad setting or a bad campaign folder, with the reason on standard error.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { accountSettings, ConfigError, readConfig } from '../../src/app/config.js';
import { runChild, type ChildRun } from '../support/run-child.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('readConfig', () => {
  it('has a default for everything', () => {
    expect(readConfig({})).toEqual({
      DATABASE_URL: 'file:./data/bot.db',
      CAMPAIGN_DIR: 'conversations',
      ADMINS: [],
      ACCOUNTS: [],
      WECHATY_PUPPET: 'wechaty-puppet-wechat4u',
      BOT_MEMORY_NAME: 'service-month-bot',
      LOG_LEVEL: 'info',
      SEND_MIN_GAP_MS: 15000,
      SEND_JITTER_MS: 10000,
      SEND_DAILY_CAP: 500,
      QUIET_HOURS: '22:00-08:00',
      DIGEST_AT: '09:00',
    });
  });

  it('reads every variable', () => {
    expect(
      readConfig({
        DATABASE_URL: ' file:/var/lib/bot/month.db ',
        CAMPAIGN_DIR: '/etc/bot/conversations',
        ADMINS: 'wxid_a,wxid_b',
        ACCOUNTS: '甲,乙',
        WECHATY_PUPPET: 'wechaty-puppet-service',
        WECHATY_PUPPET_SERVICE_TOKEN: 'puppet_padlocal_0123',
        BOT_MEMORY_NAME: 'bot-2021.prod',
        LOG_LEVEL: 'debug',
        SEND_MIN_GAP_MS: '20000',
        SEND_JITTER_MS: '15000',
        SEND_DAILY_CAP: '300',
        QUIET_HOURS: '21:30-07:30',
        DIGEST_AT: '08:45',
        UNRELATED: 'ignored',
      }),
    ).toEqual({
      DATABASE_URL: 'file:/var/lib/bot/month.db',
      CAMPAIGN_DIR: '/etc/bot/conversations',
      ADMINS: ['wxid_a', 'wxid_b'],
      ACCOUNTS: ['甲', '乙'],
      WECHATY_PUPPET: 'wechaty-puppet-service',
      WECHATY_PUPPET_SERVICE_TOKEN: 'puppet_padlocal_0123',
      BOT_MEMORY_NAME: 'bot-2021.prod',
      LOG_LEVEL: 'debug',
      SEND_MIN_GAP_MS: 20000,
      SEND_JITTER_MS: 15000,
      SEND_DAILY_CAP: 300,
      QUIET_HOURS: '21:30-07:30',
      DIGEST_AT: '08:45',
    });
    for (const level of ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) {
      expect(readConfig({ LOG_LEVEL: level }).LOG_LEVEL).toBe(level);
    }
  });

  it('splits ADMINS on commas, full-width commas and spaces', () => {
    expect(readConfig({ ADMINS: 'wxid_a, wxid_b，wxid_c  wxid_d\twxid_e,,' }).ADMINS).toEqual(['wxid_a', 'wxid_b', 'wxid_c', 'wxid_d', 'wxid_e']);
    expect(readConfig({ ADMINS: ' ， , ' }).ADMINS).toEqual([]);
    expect(readConfig({ ADMINS: 'wxid_only' }).ADMINS).toEqual(['wxid_only']);
  });

  it.each([
    ['LOG_LEVEL', 'loud'],
    ['BOT_MEMORY_NAME', '../session/bot'],
    ['BOT_MEMORY_NAME', 'a/b'],
    ['DATABASE_URL', ''],
    ['DATABASE_URL', '   '],
    ['CAMPAIGN_DIR', ''],
    ['WECHATY_PUPPET', ''],
    ['SEND_MIN_GAP_MS', 'fast'],
    ['SEND_MIN_GAP_MS', '-1'],
    ['SEND_DAILY_CAP', '0'],
    ['QUIET_HOURS', '22-8'],
    ['DIGEST_AT', '9点'],
  ])('names %s when it is %j', (name, value) => {
    let error: unknown;
    try {
      readConfig({ [name]: value });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(new RegExp(`^invalid configuration:\\n${name}: `));
  });

  it('names every wrong variable at once', () => {
    expect(() => readConfig({ LOG_LEVEL: 'loud', DATABASE_URL: '' })).toThrow(/LOG_LEVEL: .*\n.*DATABASE_URL: |DATABASE_URL: .*\n.*LOG_LEVEL: /s);
  });
});

/** Runs `npm start` (tsx src/main.ts) in `cwd` with `env` added, and waits for it to end. */
function npmStart(cwd: string, env: Record<string, string>): Promise<ChildRun> {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(DATABASE_URL|CAMPAIGN_DIR|ADMINS|WECHATY_|BOT_MEMORY_NAME|LOG_LEVEL)/.test(key)),
  );
  return runChild(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'src/main.ts')], { cwd, env: { ...clean, ...env } });
}

describe.concurrent('npm start with a bad setting', { timeout: 60_000 }, () => {
  // Each run starts in an empty folder, so no .env of the project is read and nothing is written to data/.
  const emptyFolder = () => mkdtempSync(join(tmpdir(), 'npm-start-'));

  it('stops on a bad environment variable and names it', async () => {
    const run = await npmStart(emptyFolder(), { LOG_LEVEL: 'loud' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^The bot could not start\.\ninvalid configuration:\nLOG_LEVEL: /);
  });

  it('reads .env and stops on a bad value there', async () => {
    const cwd = emptyFolder();
    writeFileSync(join(cwd, '.env'), 'BOT_MEMORY_NAME=sessions/bot\n');
    const run = await npmStart(cwd, {});
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^The bot could not start\.\ninvalid configuration:\nBOT_MEMORY_NAME: /);
  });

  it('stops on a campaign folder that does not exist', async () => {
    const cwd = emptyFolder();
    const run = await npmStart(cwd, { CAMPAIGN_DIR: join(cwd, 'no-such-folder'), DATABASE_URL: `file:${join(cwd, 'bot.db')}` });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('The bot could not start.\n');
    expect(run.stderr).toContain(`campaign folder ${join(cwd, 'no-such-folder')} cannot be read`);
  });

  it('stops on a campaign file with a mistake and says where', async () => {
    const cwd = emptyFolder();
    const campaignDir = join(cwd, 'conversations');
    mkdirSync(campaignDir);
    const text = readFileSync(join(ROOT, 'conversations/campaign-2021.yaml'), 'utf8').replace('maxChars: 50', 'maxChars: fifty');
    writeFileSync(join(campaignDir, 'campaign-2021.yaml'), text);
    const run = await npmStart(cwd, { CAMPAIGN_DIR: campaignDir, DATABASE_URL: `file:${join(cwd, 'bot.db')}` });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('The bot could not start.\ncampaign file is not valid:\n');
    expect(run.stderr).toMatch(/campaign-2021\.yaml: forms\.0\.fields\.0\.maxChars: /);
  });
});

describe('ACCOUNTS', () => {
  it('names several accounts, each with its own puppet and token by position, else the common ones', () => {
    const env = {
      ACCOUNTS: '甲，乙 丙',
      ACCOUNT_2_PUPPET: 'wechaty-puppet-service',
      ACCOUNT_2_TOKEN: 'puppet_padlocal_x',
      WECHATY_PUPPET_SERVICE_TOKEN: 'common',
    };
    expect(accountSettings(readConfig(env), env)).toEqual([
      { name: '甲', puppet: 'wechaty-puppet-wechat4u', token: 'common' },
      { name: '乙', puppet: 'wechaty-puppet-service', token: 'puppet_padlocal_x' },
      { name: '丙', puppet: 'wechaty-puppet-wechat4u', token: 'common' },
    ]);
    expect(accountSettings(readConfig({}), {})).toEqual([]);
  });

  it('gives an account its own daily cap and quiet hours, and names a wrong one', () => {
    const env = { ACCOUNTS: '甲,乙', ACCOUNT_2_DAILY_CAP: '300', ACCOUNT_2_QUIET_HOURS: '23:00-07:30' };
    expect(accountSettings(readConfig(env), env)).toEqual([
      { name: '甲', puppet: 'wechaty-puppet-wechat4u' },
      { name: '乙', puppet: 'wechaty-puppet-wechat4u', dailyCap: 300, quietHours: '23:00-07:30' },
    ]);
    const wrong = { ACCOUNTS: '甲,乙', ACCOUNT_1_DAILY_CAP: '很多', ACCOUNT_2_QUIET_HOURS: '晚上' };
    expect(() => accountSettings(readConfig(wrong), wrong)).toThrow(/ACCOUNT_1_DAILY_CAP: .*\n.*ACCOUNT_2_QUIET_HOURS: must read like 22:00-08:00/);
  });

  it('refuses a name twice, or one that cannot name a file', () => {
    expect(() => readConfig({ ACCOUNTS: '甲,甲' })).toThrow(/ACCOUNTS: each account is named once/);
    expect(() => readConfig({ ACCOUNTS: '甲,../乙' })).toThrow(/ACCOUNTS: account names are/);
  });
});
