// 汇总 through the real Wechaty: a city admin reviews the 附件2 its 示范集体 hand in, sends one back with a
// reason the group reads with its filler @-mentioned, and approves it once it is handed in again.
import { describe, expect, it, vi } from 'vitest';
import { fillServiceList } from '../support/fill-form.js';
import { mockContactId } from '../support/mock-wechat.js';
import { sentenceOf } from '../support/says.js';
import { askPrivately, startTestApp, type SeedUnit } from '../support/test-app.js';

vi.setConfig({ testTimeout: 60_000 });

const METRO = '广州地铁运营一中心青年文明号';
const ROSTER: SeedUnit[] = [
  { name: METRO, city: '广州市', industry: '城市轨道交通', category: 'national20', roomId: 'metro@chatroom' },
  { name: '共青团广州市委员会', kind: 'cityOrg', city: '广州市' },
];
const CITY_ADMIN = '广州团市委小林';
const EARLY = new Date('2021-09-27T08:30:00+08:00');

const COMMITMENT = '热情周到，便民利民，让每一位乘客安心出行';
const ITEMS = ['在早晚高峰增设志愿引导岗，提供进出站全程陪同服务', '推出地铁失物招领线上查询服务', '组织青年员工走进沿线中小学开展安全宣传'];

describe('审核, 退回 and 通过 through the bot', () => {
  it('sends a 附件2 back to its group with the reason and an @, and approves it once handed in again', async () => {
    const t = await startTestApp({
      roster: ROSTER,
      admins: [`${mockContactId(CITY_ADMIN)}=city:广州市`],
      now: () => EARLY,
      // the notice goes through the outbox: no gap to wait after the group's own replies
      app: { sendLimits: { minGapMs: 0, jitterMs: 0, dailyCap: 1000 } },
    });
    try {
      t.wechat.contact(CITY_ADMIN);
      // the digest due this morning goes out first, out of the way of the answers
      await t.app.tick();
      t.wechat.skipReplies(t.wechat.dm(CITY_ADMIN));
      const { room } = t.wechat.createRoom(METRO, ['李华', '王强'], { id: 'metro@chatroom' });
      expect(await t.ask('李华', room, '填报 附件2')).toContain('附件2 服务承诺与服务事项清单（示范集体）');
      expect(await fillServiceList(t, '李华', room, COMMITMENT, ITEMS)).toSay('submitted');

      const list = await askPrivately(t, CITY_ADMIN, '审核');
      expect(list).toSay('admin.reviewLine', { n: 1, name: METRO, where: '广州市、城市轨道交通', time: '9月27日 08:30', late: '' });
      expect(await askPrivately(t, CITY_ADMIN, '退回 1 第2项请写明服务对象和时间')).toBe(
        sentenceOf('admin.returnedDone', { name: METRO, form: '附件2', topic: METRO }),
      );

      const [notice] = await t.wechat.waitForReplies(room, 1);
      // the mock keeps no mention ids, but Wechaty writes the @ into the text
      expect(notice).toMatch(/^@李华\s/);
      expect(notice).toSay('returned', { reviewer: '共青团广州市委员会', form: '附件2', reason: '第2项请写明服务对象和时间' });

      expect(await t.ask('李华', room, '修改 2')).toSay('editing', { label: '第2项服务事项' });
      await t.ask('李华', room, '每天9:00至17:00为乘客提供地铁失物招领线上查询和登记服务');
      await t.ask('李华', room, '4');
      expect(await t.ask('李华', room, '确认')).toSay('submitted');

      expect(await askPrivately(t, CITY_ADMIN, '审核')).toSay('admin.reviewLine', { n: 1, name: METRO });
      expect(await askPrivately(t, CITY_ADMIN, '通过 1')).toBe(sentenceOf('admin.approved', { count: 1, names: METRO }));
      expect(await askPrivately(t, CITY_ADMIN, '统计 附件2')).toContain(
        [
          sentenceOf('admin.statsTotals', { total: 1, submitted: 1, late: 0, draft: 0, none: 0 }),
          sentenceOf('admin.statsReview', { pending: 0, approved: 1, returned: 0, sendBy: sentenceOf('admin.reviewSendBy', { time: '9月30日（周四）12:00' }) }),
        ].join('\n'),
      );
    } finally {
      await t.app.stop();
    }
  });
});
