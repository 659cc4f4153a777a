// A group named like a bound unit's group takes nothing from it, through the real Wechaty: the binding of a
// group the bot is still in never moves to a look-alike, which gets the binding offer like any new group.
import { describe, expect, it, vi } from 'vitest';
import { fillServiceList } from '../support/fill-form.js';
import { mockContactId } from '../support/mock-wechat.js';
import { sentenceOf } from '../support/says.js';
import { askPrivately, startTestApp, type SeedUnit } from '../support/test-app.js';

vi.setConfig({ testTimeout: 60_000 });

const UNIT = '广州南站青年文明号';
const ROSTER: SeedUnit[] = [{ name: UNIT, city: '广州市', industry: '广州铁路', category: 'national20', roomId: 'group-b@chatroom' }];
const COMMITMENT = '热情周到，便民利民，让每一位旅客安心出行';
const ITEMS = ['在候车室设置爱心服务台，为老年旅客提供全程引导', '推出遗失物品线上查询服务', '组织青年志愿者开展春运进站引导'];

describe('a look-alike group', () => {
  it('sees nothing of the unit, cannot resubmit under it, and leaves the real group bound', async () => {
    const t = await startTestApp({ roster: ROSTER });
    try {
      const { room: b } = t.wechat.createRoom(UNIT, ['陈敏', '王强'], { id: 'group-b@chatroom' });
      expect(await t.ask('陈敏', b, '填报 附件2')).toContain('附件2 服务承诺与服务事项清单（示范集体）');
      expect(await fillServiceList(t, '陈敏', b, COMMITMENT, ITEMS)).toSay('submitted');

      // The same name, a member of the same name: group B is alive (the bot is in it), so nothing moves.
      const { room: x } = t.wechat.createRoom(UNIT, ['陈敏'], { id: 'look-alike@chatroom' });
      expect(await t.ask('陈敏', x, '进度')).toBe(sentenceOf('progressUnbound'));
      expect(await t.ask('陈敏', x, '修改')).toBe(sentenceOf('progressUnbound'));
      expect(await t.ask('陈敏', x, '填报')).toSay('bindOfferTopic', { unit: UNIT });
      expect(await t.ask('陈敏', x, '确认')).toSay('bindTaken', { unit: UNIT, topic: UNIT });

      expect(await t.ask('王强', b, '进度')).toSay('progressSubmitted', { form: '附件2', count: 3 });
    } finally {
      await t.app.stop();
    }
  });

  it('moves only on an admin’s 确认换群: the admins hear the request, both groups hear the move, the answers go with the unit', async () => {
    const admin = '青发部小周';
    const t = await startTestApp({ roster: ROSTER, admins: [mockContactId(admin)], app: { sendLimits: { minGapMs: 0, jitterMs: 0, dailyCap: 1000 } } });
    try {
      t.wechat.contact(admin);
      await t.app.tick();
      t.wechat.skipReplies(t.wechat.dm(admin));
      const { room: b } = t.wechat.createRoom(UNIT, ['陈敏', '王强'], { id: 'group-b@chatroom' });
      expect(await t.ask('陈敏', b, '填报 附件2')).toContain('附件2');
      expect(await fillServiceList(t, '陈敏', b, COMMITMENT, ITEMS)).toSay('submitted');

      const { room: x } = t.wechat.createRoom('南站新工作群', ['陈敏', '刘洋'], { id: 'new-group@chatroom' });
      expect(await t.ask('刘洋', x, `绑定 ${UNIT}`)).toSay('bindTaken', { unit: UNIT });
      const [request] = await t.wechat.waitForReplies(t.wechat.dm(admin), 1);
      expect(request).toBe(sentenceOf('admin.moveRequested', { topic: '南站新工作群', unit: UNIT, old: UNIT }));

      expect(await askPrivately(t, admin, '确认换群 南站')).toBe(sentenceOf('admin.lookupNone', { name: '南站' }));
      expect(await askPrivately(t, admin, `确认换群 ${UNIT}`)).toBe(sentenceOf('admin.moveDone', { unit: UNIT, old: UNIT, topic: '南站新工作群' }));
      const [away] = await t.wechat.waitForReplies(b, 1);
      expect(away).toBe(sentenceOf('movedAway', { unit: UNIT, topic: '南站新工作群' }));
      const [bound] = await t.wechat.waitForReplies(x, 1);
      expect(bound).toSay('bound', { unit: UNIT });
      expect(await t.ask('刘洋', x, '进度')).toSay('progressSubmitted', { form: '附件2', count: 3 });
      expect(await t.ask('王强', b, '进度')).toBe(sentenceOf('progressUnbound'));
      expect(await askPrivately(t, admin, `确认换群 ${UNIT}`)).toBe(sentenceOf('admin.moveNone', { unit: UNIT }));
    } finally {
      await t.app.stop();
    }
  });
});
