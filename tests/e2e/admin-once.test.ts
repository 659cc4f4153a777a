// A private message delivered again (WeChat does, after a reconnect) has its effect once, as a group
// message does: an export is sent once, a roster file imported once, a form sent back once.
import Database from 'better-sqlite3';
import { FileBox } from 'file-box';
import { describe, expect, it, vi } from 'vitest';
import { fillServiceList, METRO_COMMITMENT, METRO_ITEMS } from '../support/fill-form.js';
import { mockContactId } from '../support/mock-wechat.js';
import { checkSays, sentenceOf } from '../support/says.js';
import { startTestApp, type SeedUnit, type TestApp } from '../support/test-app.js';

vi.setConfig({ testTimeout: 60_000 });

const METRO = '广州地铁运营一中心青年文明号';
const ROSTER: SeedUnit[] = [
  { name: METRO, city: '广州市', industry: '城市轨道交通', category: 'national20', roomId: 'metro@chatroom' },
  { name: '共青团广州市委员会', kind: 'cityOrg', city: '广州市' },
];
const ADMIN = '青发部小陈';

const EARLY = new Date('2021-09-27T08:30:00+08:00');

async function withApp(test: (t: TestApp) => Promise<void>): Promise<TestApp> {
  const t = await startTestApp({
    roster: ROSTER,
    admins: [mockContactId(ADMIN)],
    now: () => EARLY,
    // a notice goes through the outbox: no gap to wait
    app: { sendLimits: { minGapMs: 0, jitterMs: 0, dailyCap: 1000 } },
  });
  try {
    await test(t);
  } finally {
    await t.app.stop();
  }
  return t;
}

/** Delivers the message `times` more times, then makes sure the bot has dealt with them: a 帮助 after them is answered. */
async function redeliver(t: TestApp, messageId: string, times: number): Promise<string[]> {
  for (let i = 0; i < times; i += 1) t.wechat.redeliver(messageId);
  await t.wechat.sayPrivately(ADMIN, '帮助');
  return t.wechat.waitForReplies(t.wechat.dm(ADMIN), 1);
}

function count(databaseFile: string, sql: string): number {
  const db = new Database(databaseFile, { readonly: true });
  try {
    return (db.prepare(sql).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('a private message delivered again', () => {
  it('导出 附件2 delivered 11 times sends one file', async () => {
    await withApp(async (t) => {
      const chat = t.wechat.dm(ADMIN);
      const id = await t.wechat.sayPrivately(ADMIN, '导出 附件2 含未交');
      const [text, file] = await t.wechat.waitForReplies(chat, 2);
      expect(text).toSay('admin.exportDone', { file: /附件2_.*\.xlsx/ });
      expect(file).toMatch(/附件2_.*\.xlsx\]$/);
      const after = await redeliver(t, id, 10);
      expect(after).toHaveLength(1);
      expect(after[0]).toBe(sentenceOf('admin.help'));
      await t.wechat.assertNoNewReplies(chat, 150);
      // one text saying the file is made, one file
      expect(t.wechat.replies(chat).filter((reply) => checkSays(reply, 'admin.exportDone').pass)).toHaveLength(1);
      expect(t.wechat.replies(chat).filter((reply) => /^\[\w+:.*\.xlsx\]$/.test(reply))).toHaveLength(1);
    });
  });

  it('imports a roster file delivered twice once', async () => {
    const t = await withApp(async (t) => {
      const content = ['名称,类型,类别,地市,行业（系统）', '深圳新设青年文明号,青年文明号集体,,深圳市,政务服务'].join('\n');
      const id = await t.wechat.sendPrivateFile(ADMIN, FileBox.fromBase64(Buffer.from(content).toString('base64'), '名单.csv'));
      expect((await t.wechat.waitForReplies(t.wechat.dm(ADMIN), 1))[0]).toContain('名单已导入：新增1个');
      const after = await redeliver(t, id, 1);
      expect(after[0]).toBe(sentenceOf('admin.help'));
    });
    expect(count(t.databaseFile, "SELECT count(*) AS n FROM AuditLog WHERE action = 'roster.imported'")).toBe(1);
    // its id is kept with the group messages' ones, under the private chat
    expect(count(t.databaseFile, `SELECT count(*) AS n FROM ProcessedMessage WHERE roomId = 'private:${mockContactId(ADMIN)}'`)).toBe(2);
  });

  it('sends one notice for a 退回 delivered twice', async () => {
    await withApp(async (t) => {
      const { room } = t.wechat.createRoom(METRO, ['李华'], { id: 'metro@chatroom' });
      // the digest and reminders due this morning go out first, out of the way
      t.wechat.contact(ADMIN);
      await t.app.tick();
      t.wechat.skipReplies(room);
      t.wechat.skipReplies(t.wechat.dm(ADMIN));
      expect(await t.ask('李华', room, '填报 附件2')).toContain('附件2');
      expect(await fillServiceList(t, '李华', room, METRO_COMMITMENT, METRO_ITEMS)).toSay('submitted');
      const chat = t.wechat.dm(ADMIN);
      await t.wechat.sayPrivately(ADMIN, '审核');
      expect((await t.wechat.waitForReplies(chat, 1))[0]).toSay('admin.reviewLine', { n: 1, name: METRO });
      const id = await t.wechat.sayPrivately(ADMIN, '退回 1 第2项请写明服务时间');
      expect((await t.wechat.waitForReplies(chat, 1))[0]).toSay('admin.returnedDone', { name: METRO, form: '附件2' });
      expect((await redeliver(t, id, 1))[0]).toBe(sentenceOf('admin.help'));
      // the notice goes through the outbox
      await t.app.tick();
      const notices = await t.wechat.waitForReplies(room, 1);
      await t.wechat.assertNoNewReplies(room, 150);
      expect(notices).toHaveLength(1);
      expect(notices[0]).toSay('returned', { form: '附件2', reason: '第2项请写明服务时间' });
    });
  });

  it('answers someone who is not an admin once', async () => {
    await withApp(async (t) => {
      const chat = t.wechat.dm('王强');
      const id = await t.wechat.sayPrivately('王强', '你好');
      await t.wechat.waitForReplies(chat, 1);
      t.wechat.redeliver(id);
      t.wechat.redeliver(id);
      await t.wechat.assertNoNewReplies(chat, 200);
    });
  });
});
