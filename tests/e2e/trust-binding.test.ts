// A group named like a bound unit's group takes nothing from it, through the real Wechaty: the binding of a
// group the bot is still in never moves to a look-alike, which gets the binding offer like any new group.
import { describe, expect, it, vi } from 'vitest';
import { fillServiceList } from '../support/fill-form.js';
import { startTestApp, type SeedUnit } from '../support/test-app.js';

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
});
