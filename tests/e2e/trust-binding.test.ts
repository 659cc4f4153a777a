// A group named like a bound unit's group takes nothing from it, through the real Wechaty: the binding of a
// group the bot is still in never moves to a look-alike, which gets the binding offer like any new group.
import { describe, expect, it, vi } from 'vitest';
import { fillServiceList } from '../support/fill-form.js';
import { mockContactId } from '../support/mock-wechat.js';
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
      expect(await fillServiceList(t, '陈敏', b, COMMITMENT, ITEMS)).toContain('🎉 已提交');

      // The same name, a member of the same name: group B is alive (the bot is in it), so nothing moves.
      const { room: x } = t.wechat.createRoom(UNIT, ['陈敏'], { id: 'look-alike@chatroom' });
      expect(await t.ask('陈敏', x, '进度')).toBe('本群还没有登记对应的集体。回复“填报”开始登记并填报。');
      expect(await t.ask('陈敏', x, '修改')).toBe('本群还没有登记对应的集体。回复“填报”开始登记并填报。');
      expect(await t.ask('陈敏', x, '填报')).toContain(`本群名称与名单中的“${UNIT}”`);
      expect(await t.ask('陈敏', x, '确认')).toContain(`“${UNIT}”已绑定到另一个群（${UNIT}）`);

      expect(await t.ask('王强', b, '进度')).toContain('附件2：已提交（3项');
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
      expect(await fillServiceList(t, '陈敏', b, COMMITMENT, ITEMS)).toContain('🎉 已提交');

      const { room: x } = t.wechat.createRoom('南站新工作群', ['陈敏', '刘洋'], { id: 'new-group@chatroom' });
      expect(await t.ask('刘洋', x, `绑定 ${UNIT}`)).toContain('已请管理员确认是否换到本群');
      const [request] = await t.wechat.waitForReplies(t.wechat.dm(admin), 1);
      expect(request).toBe(`群“南站新工作群”想绑定“${UNIT}”，但该单位现在绑定的是群“${UNIT}”。如确需换到新群，请回复“确认换群 ${UNIT}”；不处理则保持不变。`);

      expect(await askPrivately(t, admin, '确认换群 南站')).toBe('在您的范围内没有找到“南站”。');
      expect(await askPrivately(t, admin, `确认换群 ${UNIT}`)).toBe(`已将“${UNIT}”从群“${UNIT}”换到群“南站新工作群”，两个群都会收到通知。`);
      const [away] = await t.wechat.waitForReplies(b, 1);
      expect(away).toBe(`管理员已将“${UNIT}”换到群“南站新工作群”填报，本群不再对应该单位，已填写的内容都随单位保留。`);
      const [bound] = await t.wechat.waitForReplies(x, 1);
      expect(bound).toContain(`✅ 已将本群绑定为：${UNIT}`);
      expect(await t.ask('刘洋', x, '进度')).toContain('附件2：已提交（3项');
      expect(await t.ask('王强', b, '进度')).toBe('本群还没有登记对应的集体。回复“填报”开始登记并填报。');
      expect(await askPrivately(t, admin, `确认换群 ${UNIT}`)).toBe(`“${UNIT}”没有待确认的换群申请。`);
    } finally {
      await t.app.stop();
    }
  });
});
