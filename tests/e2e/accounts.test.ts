// Several WeChat accounts in one bot, each on its own mock puppet: a group that holds two accounts gets one
// reply, from the first account given; a group only the second is in is served by the second; when the
// first logs out its groups pass to the second, where the conversation goes on; an admin talks to
// whichever account they have as a contact.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { startApp, type AccountOptions, type App } from '../../src/app/index.js';
import { silentLogger } from '../../src/log/index.js';
import { createMockWechat, mockContactId, type MockWechat } from '../support/mock-wechat.js';
import { campaign2021, sentenceOf } from '../support/says.js';
import { seedRoster, type SeedUnit } from '../support/test-app.js';

const REGISTRATION = campaign2021().registration.prompt;

const SEPT_20 = new Date('2021-09-20T02:30:00Z');
const ADMIN = '青发部小陈';
const UNIT = '云山区政务服务中心青年文明号';

async function twoAccounts(
  options: { clock?: () => Date; roster?: SeedUnit[]; jia?: Partial<AccountOptions>; yi?: Partial<AccountOptions> } = {},
): Promise<{ app: App; jia: MockWechat; yi: MockWechat; databaseFile: string }> {
  const jia = createMockWechat({ botId: mockContactId('甲号') });
  const yi = createMockWechat({ botId: mockContactId('乙号') });
  const databaseFile = join(mkdtempSync(join(tmpdir(), 'accounts-')), 'bot.db');
  if (options.roster) await seedRoster(databaseFile, options.roster);
  const app = await startApp({
    accounts: [
      { name: '甲', puppet: jia.puppet, ...options.jia },
      { name: '乙', puppet: yi.puppet, ...options.yi },
    ],
    databaseUrl: `file:${databaseFile}`,
    campaignDir: 'conversations',
    admins: [mockContactId(ADMIN)],
    now: options.clock ?? (() => SEPT_20),
    log: silentLogger(),
    tickMs: 0,
    sendLimits: { minGapMs: 0, jitterMs: 0, dailyCap: 1000 },
  });
  await jia.login(app.accounts[0]!.bot);
  await yi.login(app.accounts[1]!.bot);
  return { app, jia, yi, databaseFile };
}

/** The same group as each account's puppet sees it: both accounts and the members, under one id. */
function sharedGroup(jia: MockWechat, yi: MockWechat, members: string[]) {
  const id = 'shared-group@chatroom';
  jia.createRoom('共享群', [...members, '乙号'], { id });
  yi.createRoom('共享群', [...members, '甲号'], { id });
  return { id };
}

/** A member writes in the shared group: each account's WeChat delivers it to that account. */
async function sayInBoth(jia: MockWechat, yi: MockWechat, member: string, room: { id: string }, text: string, mentionBot = false) {
  await jia.say(member, room, text, { mentionBot });
  await yi.say(member, room, text, { mentionBot });
}

describe('several WeChat accounts', () => {
  it('answers a group that holds two accounts once, through the first; a group of the second through it', async () => {
    const { app, jia, yi } = await twoAccounts();
    try {
      const room = sharedGroup(jia, yi, ['李华']);
      await sayInBoth(jia, yi, '李华', room, '填报', true);
      expect((await jia.waitForReplies(room, 1))[0]).toContain(REGISTRATION);
      await yi.assertNoNewReplies(room, 500);

      const { room: own } = yi.createRoom('乙号的群', ['王强']);
      await yi.say('王强', own, '填报', { mentionBot: true });
      expect((await yi.waitForReplies(own, 1))[0]).toContain(REGISTRATION);
    } finally {
      await app.stop();
    }
  });

  it('passes a group to the second account when the first logs out, and the form goes on there', async () => {
    const { app, jia, yi } = await twoAccounts();
    try {
      const room = sharedGroup(jia, yi, ['李华']);
      await sayInBoth(jia, yi, '李华', room, '填报', true);
      await jia.waitForReplies(room, 1);
      await jia.puppet.logout();
      await sayInBoth(jia, yi, '李华', room, UNIT);
      expect((await yi.waitForReplies(room, 1))[0]).toSay('unitRegistered', { unit: UNIT });
      await jia.assertNoNewReplies(room, 300);
    } finally {
      await app.stop();
    }
  });

  it('sends a reminder through the account that serves the group, the second once the first logged out', async () => {
    let now = SEPT_20;
    const { app, jia, yi, databaseFile } = await twoAccounts({
      clock: () => now,
      roster: [{ name: UNIT, city: '广州市', category: 'national20', roomId: 'shared-group@chatroom' }],
    });
    try {
      const room = sharedGroup(jia, yi, ['李华']);
      await jia.puppet.logout();
      // 附件2's first reminder: 3 days before its deadline, 9月26日 17:00.
      now = new Date('2021-09-26T09:00:30Z');
      await app.tick();
      const [reminder] = await yi.waitForReplies(room, 1, 5000);
      expect(reminder).toSay('reminderNotStarted', { unit: UNIT, form: '附件2' });
      await jia.assertNoNewReplies(room, 300);
      // The outbox says which account sent it.
      const db = new Database(databaseFile, { readonly: true });
      try {
        expect(db.prepare("SELECT status, sentBy FROM Outbox WHERE kind = 'reminder'").all()).toEqual([{ status: 'sent', sentBy: '乙' }]);
      } finally {
        db.close();
      }
    } finally {
      await app.stop();
    }
  });

  it('lets an admin talk to whichever account they have, and 状态 names every account', async () => {
    const { app, yi } = await twoAccounts();
    try {
      await yi.sayPrivately(ADMIN, '状态');
      const [reply] = await yi.waitForReplies(yi.dm(ADMIN), 1);
      // each account by its name, its state and its sends today
      const account = (label: string) =>
        sentenceOf('admin.healthAccountLabel', { label }) +
        sentenceOf('admin.healthAccount.online', { name: '服务月助手', retryAt: '' }) +
        sentenceOf('admin.healthAccountSends', { sent: 0, cap: 1000 });
      expect(reply).toSay('admin.health', { accounts: [account('甲'), account('乙')].join(campaign2021().formats.listSeparator) });
    } finally {
      await app.stop();
    }
  });

  it('refuses accounts without distinct names, and puppet and accounts together', async () => {
    const jia = createMockWechat();
    const base = {
      databaseUrl: `file:${join(mkdtempSync(join(tmpdir(), 'accounts-')), 'bot.db')}`,
      campaignDir: 'conversations',
      admins: [],
      log: silentLogger(),
    };
    await expect(
      startApp({
        ...base,
        accounts: [
          { name: '甲', puppet: jia.puppet },
          { name: '甲', puppet: createMockWechat().puppet },
        ],
      }),
    ).rejects.toThrow(/distinct names/);
    await expect(startApp({ ...base, puppet: jia.puppet, accounts: [{ name: '甲', puppet: jia.puppet }] })).rejects.toThrow(/either puppet or accounts/);
    // An account's wrong quiet hours stop the start before it holds the database: the next start goes ahead.
    await expect(startApp({ ...base, accounts: [{ name: '甲', puppet: jia.puppet, quietHours: '晚上' }] })).rejects.toThrow(
      /quiet hours must read like 22:00-08:00/,
    );
    const app = await startApp({ ...base, accounts: [{ name: '甲', puppet: createMockWechat().puppet }], tickMs: 0 });
    await app.stop();
  });
});
