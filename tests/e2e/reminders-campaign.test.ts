// A whole campaign on a fake clock, through the real Wechaty and the mock puppet: every reminder and
// digest that reaches each group and admin, counted, from the first reminder to after the last deadline.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { fillServiceList } from '../support/fill-form.js';
import { mockContactId } from '../support/mock-wechat.js';
import { checkSays, sentenceOf, valuesIn } from '../support/says.js';
import { fakeClock, runUntil, sh } from '../support/clock.js';
import { startTestApp, type SeedUnit } from '../support/test-app.js';

const METRO = '广州地铁运营一中心青年文明号';
const TOWER = '广州塔青年文明号';
const FUTIAN = '深圳市福田区政务服务中心青年文明号';
const GRID = '广东电网公司团委';
const GZ = '共青团广州市委员会';
const SHAOGUAN = '韶关市政务服务中心青年文明号';
const ROSTER: SeedUnit[] = [
  { name: METRO, city: '广州市', industry: '城市轨道交通', category: 'national20', roomId: 'metro@chatroom' },
  // ordinary collectives: 承诺事项 (by 9月30日 23:59), no 附件2, no 简报
  { name: TOWER, city: '广州市', industry: '文化旅游', roomId: 'tower@chatroom' },
  { name: FUTIAN, city: '深圳市', industry: '政务服务', roomId: 'futian@chatroom' },
  { name: GRID, kind: 'industryOrg', industry: '广东电网', roomId: 'grid@chatroom' },
  { name: GZ, kind: 'cityOrg', city: '广州市', roomId: 'gz@chatroom' },
  // no group: never reminded, but named in the digests
  { name: SHAOGUAN, city: '韶关市', industry: '政务服务' },
];
const ADMIN = '青发部小陈';
const CITY_ADMIN = '广州团市委小林';

const COMMITMENT = '热情周到，便民利民，让每一位市民安心办事';
const ITEMS = ['推行政务服务“帮办代办”，为老年人提供全程陪同', '开设周末延时服务窗口，方便上班族办事', '组织青年志愿者进社区开展政策宣讲'];

const firstLine = (text: string) => text.split('\n')[0]!;
/** The digest sent when `form` closed, among an admin's messages. */
const afterDeadline = (texts: string[], form: string) => texts.find((text) => valuesIn(firstLine(text), 'admin.digestDeadline')?.form === form);

describe('a whole campaign of reminders and digests', () => {
  it('reminds each group at each step until it submits, and sends each admin one digest a day and one per deadline', async () => {
    const clock = fakeClock(sh('2021-09-20 09:00'));
    const t = await startTestApp({
      roster: ROSTER,
      now: clock.now,
      admins: [mockContactId(ADMIN), `${mockContactId(CITY_ADMIN)}=city:广州市`],
      app: { sendLimits: { minGapMs: 0, jitterMs: 0, dailyCap: 1000 }, log: (await import('../../src/log/index.js')).createLogger('warn') },
    });
    // The admins are the bot's contacts (friends), as in WeChat.
    t.wechat.contact(ADMIN);
    t.wechat.contact(CITY_ADMIN);
    const members = ['李华', '王强'];
    const rooms = Object.fromEntries(
      ROSTER.filter((unit) => unit.roomId).map((unit) => [unit.roomId!, t.wechat.createRoom(unit.name, members, { id: unit.roomId! }).room]),
    );
    const reminders = (id: string) => t.wechat.replies(rooms[id]!).filter((text) => text.includes('⏰ 提醒'));
    try {
      // 广州塔 starts 承诺事项 and gives its commitment only: 李华 owns the draft.
      await runUntil(t.app, clock, sh('2021-09-26 10:00'));
      await t.ask('李华', rooms['tower@chatroom']!, '填报');
      await t.ask('李华', rooms['tower@chatroom']!, COMMITMENT);

      // 承诺事项's 3-day step (9月27日 23:59) falls in the quiet hours: it waits for 08:00.
      await runUntil(t.app, clock, sh('2021-09-28 07:00'));
      expect(reminders('tower@chatroom')).toHaveLength(0);
      await runUntil(t.app, clock, sh('2021-09-28 08:00'));
      const tower = reminders('tower@chatroom');
      expect(tower).toHaveLength(1);
      expect(tower[0]).toMatch(/^@李华 /);
      expect(tower[0]).toSay('reminderDraft', { unit: '广州塔青年文明号', form: '承诺事项', deadline: '9月30日（周四）23:59', timeLeft: '还剩2天15小时' });
      expect(tower[0]).toContain('还差：第1–3项服务事项');
      expect(reminders('futian@chatroom')[0]).toContain('还差：服务承诺、第1–3项服务事项');
      expect(reminders('futian@chatroom')[0]).not.toContain('@');

      // 福田 hands 承诺事项 in the same morning: no reminder after that.
      await runUntil(t.app, clock, sh('2021-09-28 10:00'));
      const futian = rooms['futian@chatroom']!;
      // The reminder already in the group is read before the conversation starts.
      await t.wechat.waitForReplies(futian, reminders('futian@chatroom').length);
      await t.ask('王强', futian, '填报');
      expect(await fillServiceList(t, '王强', futian, COMMITMENT, ITEMS)).toSay('submitted');

      await runUntil(t.app, clock, sh('2021-10-31 12:00'));

      // 附件2 (示范集体): 3 steps; 承诺事项 (the other collectives): 3 steps; 简报 (示范集体, 行业, 地市): 3 steps;
      // 附件1 (行业): 3 steps.
      expect(reminders('metro@chatroom')).toHaveLength(6);
      expect(reminders('tower@chatroom')).toHaveLength(3);
      expect(reminders('futian@chatroom')).toHaveLength(1);
      expect(reminders('grid@chatroom')).toHaveLength(6);
      expect(reminders('gz@chatroom')).toHaveLength(3);
      // Groups without a conversation heard nothing but reminders.
      for (const id of ['metro@chatroom', 'grid@chatroom', 'gz@chatroom']) expect(t.wechat.replies(rooms[id]!)).toEqual(reminders(id));
      for (const admin of [ADMIN, CITY_ADMIN]) {
        const digests = t.wechat.replies(t.wechat.dm(admin));
        // 9月23日 (two days before the first step's window) to 10月29日: 37 days; then 4 deadlines.
        expect(digests.filter((text) => checkSays(firstLine(text), 'admin.digestDaily').pass)).toHaveLength(37);
        expect(digests.map((text) => valuesIn(firstLine(text), 'admin.digestDeadline')?.form).filter(Boolean)).toEqual(['附件1', '附件2', '承诺事项', '简报']);
        expect(digests).toHaveLength(41);
      }
      const province = t.wechat.replies(t.wechat.dm(ADMIN));
      // Each form's deadline digest counts the units that owe it: 附件2 the one 示范集体, 承诺事项 the three others.
      const afterForm2 = afterDeadline(province, '附件2')!;
      expect(afterForm2).toContain(sentenceOf('admin.statsTotals', { total: 1, submitted: 0, late: 0, draft: 0, none: 1 }));
      expect(afterForm2).toSay('admin.digestMissing', { count: 1, names: METRO });
      expect(afterForm2).toSay('admin.digestBudget', { sent: /\d+/, cap: 1000, pending: 0 });
      const afterList = afterDeadline(province, '承诺事项')!;
      expect(afterList).toContain(sentenceOf('admin.statsTotals', { total: 3, submitted: 1, late: 0, draft: 1, none: 1 }));
      expect(afterList).toSay('admin.digestMissing', { count: 2, names: `${TOWER}、${SHAOGUAN}` });
      // The city admin's digests speak of 广州市 only.
      const city = t.wechat.replies(t.wechat.dm(CITY_ADMIN));
      expect(city.join('\n')).not.toContain(FUTIAN);
      expect(afterDeadline(city, '附件2')).toSay('admin.statsTotals', { total: 1 });
      expect(afterDeadline(city, '承诺事项')).toSay('admin.statsTotals', { total: 1 });

      // Every message the bot sent, replies included, was counted toward the daily cap.
      const sentByBot =
        Object.values(rooms).reduce((sum, room) => sum + t.wechat.replyMessages(room).length, 0) +
        [ADMIN, CITY_ADMIN].reduce((sum, admin) => sum + t.wechat.replyMessages(t.wechat.dm(admin)).length, 0);
      const db = new Database(t.databaseFile, { readonly: true });
      const counted = (db.prepare('SELECT SUM(count) AS n FROM SendDay').get() as { n: number }).n;
      const outbox = db.prepare('SELECT status, kind, COUNT(*) AS n FROM Outbox GROUP BY status, kind ORDER BY kind').all();
      const briefSent = (step: string) =>
        (
          db
            .prepare("SELECT o.doneAt AS at FROM Outbox o JOIN Unit u ON o.key = 'reminder:activityReport:' || u.id || ':' || ? WHERE u.name = ?")
            .get(step, GZ) as { at: number }
        ).at;
      expect(counted).toBe(sentByBot);
      // 19 reminders and 2 × 41 digests, each sent once; nothing failed, expired or was skipped.
      expect(outbox).toEqual([
        { status: 'sent', kind: 'digest', n: 82 },
        { status: 'sent', kind: 'reminder', n: 19 },
      ]);
      // The brief's steps 3 days and 1 day before 10月29日 23:59 fall in the quiet hours: they wait for 08:00.
      expect(new Date(briefSent('3d'))).toEqual(sh('2021-10-27 08:00'));
      expect(new Date(briefSent('1d'))).toEqual(sh('2021-10-29 08:00'));
      expect(new Date(briefSent('3h'))).toEqual(sh('2021-10-29 21:00'));
      db.close();
    } finally {
      await t.app.stop();
    }
  }, 120_000);
});
