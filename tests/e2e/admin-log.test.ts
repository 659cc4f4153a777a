// 日志 in the admin chat, through the real Wechaty: the latest changes within the admin's scope, newest first,
// with the time and who made them (by name where the bot knows it), for the whole scope or one unit.
import { FileBox } from 'file-box';
import { describe, expect, it, vi } from 'vitest';
import { fillServiceList, METRO_COMMITMENT, METRO_ITEMS } from '../support/fill-form.js';
import { mockContactId } from '../support/mock-wechat.js';
import { askPrivately, startTestApp, type SeedUnit, type TestApp } from '../support/test-app.js';

vi.setConfig({ testTimeout: 60_000 });

const METRO = '广州地铁运营一中心青年文明号';
const METRO2 = '广州地铁运营二中心青年文明号';
const FUTIAN = '深圳市福田区政务服务中心青年文明号';
const ROSTER: SeedUnit[] = [
  { name: METRO, city: '广州市', industry: '城市轨道交通', category: 'national20' },
  { name: METRO2, city: '广州市', industry: '城市轨道交通', category: 'provincialModel' },
  { name: FUTIAN, city: '深圳市', industry: '政务服务' },
  { name: '共青团广州市委员会', kind: 'cityOrg', city: '广州市' },
];
const PROVINCE = '青发部小陈';
const CITY = '广州团市委小林';
const TIME = '9月20日 10:30';

async function withApp(test: (t: TestApp) => Promise<void>): Promise<void> {
  const t = await startTestApp({ roster: ROSTER, admins: [mockContactId(PROVINCE), `${mockContactId(CITY)}=city:广州市`] });
  try {
    await test(t);
  } finally {
    await t.app.stop();
  }
}

/** The lines of a 日志 reply after its heading. */
const entries = (reply: string) => reply.split('\n').slice(1);

describe('日志 in the admin chat', () => {
  it('lists the latest changes of the admin’s scope, newest first, with the time and who, and one unit’s alone', async () => {
    await withApp(async (t) => {
      // A group binds and hands in 附件2; another binds in Shenzhen.
      const { room } = t.wechat.createRoom('一中心工作群', ['李华', '王强']);
      expect(await t.ask('李华', room, `绑定 ${METRO}`)).toContain(`✅ 已将本群绑定为：${METRO}`);
      expect(await fillServiceList(t, '李华', room, METRO_COMMITMENT, METRO_ITEMS)).toContain('🎉 已提交');
      const { room: futian } = t.wechat.createRoom('福田政务服务群', ['陈敏']);
      expect(await t.ask('陈敏', futian, `绑定 ${FUTIAN}`)).toContain(`✅ 已将本群绑定为：${FUTIAN}`);

      // The city sends it back; the province imports a roster, pauses reminders and frees the Shenzhen group;
      // someone who is no admin tries a command.
      expect(await askPrivately(t, CITY, '审核')).toContain(`1. ${METRO}`);
      expect(await askPrivately(t, CITY, '退回 1 第2项请写明服务时间')).toContain(`已退回${METRO}的附件2`);
      const content = ['名称,类型,类别,地市,行业（系统）', '广州新设青年文明号,青年文明号集体,,广州市,城市轨道交通'].join('\n');
      await t.wechat.sendPrivateFile(PROVINCE, FileBox.fromBase64(Buffer.from(content).toString('base64'), '补充名单.csv'));
      expect((await t.wechat.waitForReplies(t.wechat.dm(PROVINCE), 1))[0]).toContain('名单已导入：新增1个');
      expect(await askPrivately(t, PROVINCE, '暂停提醒')).toContain('已暂停自动提醒');
      expect(await askPrivately(t, '王强', '统计')).toBe('抱歉，这个指令只有管理员可以使用。');
      expect(await askPrivately(t, PROVINCE, `解绑 ${FUTIAN}`)).toContain(`已解绑：${FUTIAN}`);

      const all = await askPrivately(t, PROVINCE, '日志');
      expect(all.split('\n')[0]).toBe('全省最近9条记录（新的在前）：');
      expect(entries(all)).toEqual([
        `${TIME} ${PROVINCE}（管理员）：解除了${FUTIAN}与群的绑定`,
        `${TIME} 王强：不是管理员（微信号${mockContactId('王强')}），发来的管理员指令“统计”已拒绝`,
        `${TIME} ${PROVINCE}（管理员）：暂停了自动提醒`,
        `${TIME} ${PROVINCE}（管理员）：导入名单“补充名单.csv”：新增1个，更新0个，未变0个，有问题未导入0行`,
        `${TIME} ${CITY}（管理员）：重新打开了${METRO}的附件2`,
        `${TIME} ${CITY}（管理员）：退回了${METRO}的附件2第1版，原因：第2项请写明服务时间`,
        `${TIME} 陈敏：把群“福田政务服务群”绑定为${FUTIAN}`,
        `${TIME} 李华：提交了${METRO}的附件2第1版`,
        `${TIME} 李华：把群“一中心工作群”绑定为${METRO}`,
      ]);

      // The city sees its units' changes, the import that touched it and the switch everyone shares.
      const city = await askPrivately(t, CITY, '日志');
      expect(city.split('\n')[0]).toBe('广州市最近6条记录（新的在前）：');
      expect(city).not.toContain(FUTIAN);
      expect(city).not.toContain('不是管理员');
      expect(entries(city)).toContain(`${TIME} ${PROVINCE}（管理员）：导入名单“补充名单.csv”：新增1个，更新0个，未变0个，有问题未导入0行`);

      // One unit's: by name, or by its number in a list of close names.
      const one = await askPrivately(t, PROVINCE, '日志 福田');
      expect(entries(one)).toEqual([`${TIME} ${PROVINCE}（管理员）：解除了${FUTIAN}与群的绑定`, `${TIME} 陈敏：把群“福田政务服务群”绑定为${FUTIAN}`]);
      expect(await askPrivately(t, CITY, `日志 ${FUTIAN}`)).toBe(`在您的范围内没有找到“${FUTIAN}”。`);
      const many = await askPrivately(t, CITY, '日志 地铁');
      expect(many).toContain('找到多个相近的单位，请回复序号查看它的记录');
      const n = many
        .split('\n')
        .find((line) => line.includes(METRO))!
        .match(/^(\d+)\./)![1]!;
      const picked = await askPrivately(t, CITY, n);
      expect(picked.split('\n')[0]).toBe(`${METRO}最近4条记录（新的在前）：`);
      expect(entries(picked).at(-1)).toBe(`${TIME} 李华：把群“一中心工作群”绑定为${METRO}`);
      expect(await askPrivately(t, CITY, `日志 ${METRO2}`)).toBe(`${METRO2}还没有记录。`);
    });
  });

  it('shows the latest 20', async () => {
    await withApp(async (t) => {
      for (let i = 0; i < 12; i += 1) {
        await askPrivately(t, PROVINCE, '暂停提醒');
        await askPrivately(t, PROVINCE, '恢复提醒');
      }
      const reply = await askPrivately(t, PROVINCE, '日志');
      expect(reply.split('\n')[0]).toBe('全省最近20条记录（新的在前）：');
      expect(entries(reply)).toHaveLength(20);
      expect(entries(reply)[0]).toBe(`${TIME} ${PROVINCE}（管理员）：恢复了自动提醒`);
    });
  });
});
