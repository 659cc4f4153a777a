// Roster binding, the admins' private chat, scopes and impersonation, through the real Wechaty.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { fillServiceList } from '../support/fill-form.js';
import { mockContactId } from '../support/mock-wechat.js';
import { askPrivately, startTestApp, type SeedUnit, type TestApp } from '../support/test-app.js';

const METRO = '广州地铁运营一中心青年文明号';
const FUTIAN = '深圳市福田区政务服务中心青年文明号';
const ROSTER: SeedUnit[] = [
  { name: METRO, city: '广州市', industry: '城市轨道交通', category: 'provincialModel' },
  { name: '广州地铁运营二中心青年文明号', city: '广州市', industry: '城市轨道交通', category: 'national20' },
  { name: FUTIAN, city: '深圳市', industry: '政务服务' },
  { name: '共青团广州市委员会', kind: 'cityOrg', city: '广州市' },
];
const PROVINCE_ADMIN = '青发部小陈';
const CITY_ADMIN = '广州团市委小林';

async function withApp(test: (t: TestApp) => Promise<void>, dir?: string): Promise<TestApp> {
  const t = await startTestApp({
    dir,
    roster: dir ? undefined : ROSTER,
    admins: [mockContactId(PROVINCE_ADMIN), `${mockContactId(CITY_ADMIN)}=city:广州市`],
  });
  try {
    await test(t);
  } finally {
    await t.app.stop();
  }
  return t;
}

const COMMITMENT = '热情周到，便民利民，让每一位乘客安心出行';
const ITEMS = ['在早晚高峰增设志愿引导岗，提供进出站全程陪同服务', '推出地铁失物招领线上查询服务', '组织青年员工走进沿线中小学开展安全宣传'];

async function submitAll(t: TestApp, room: { id: string }) {
  expect(await fillServiceList(t, '李华', room, COMMITMENT, ITEMS)).toContain('🎉 已提交');
}

describe('groups bound to the roster', () => {
  it('offers the unit named like the group, binds on 确认 and opens the form', async () => {
    await withApp(async (t) => {
      const { room } = t.wechat.createRoom(METRO, ['李华', '王强']);
      expect(await t.ask('李华', room, '填报')).toContain(`本群名称与名单中的“${METRO}”（广州市、城市轨道交通）一致`);
      const bound = await t.ask('李华', room, '确认');
      expect(bound).toContain(`✅ 已将本群绑定为：${METRO}`);
      expect(bound).toContain('第1步：请发送本集体的服务承诺');
    });
  });

  it('numbers candidates for a loose name and refuses a unit bound elsewhere', async () => {
    await withApp(async (t) => {
      const { room: a } = t.wechat.createRoom('一中心工作群', ['李华']);
      const { room: b } = t.wechat.createRoom('另一个群', ['王强']);
      const list = await t.ask('李华', a, '绑定 地铁一中心');
      expect(list).toContain(`1. ${METRO}（广州市、城市轨道交通）`);
      expect(await t.ask('李华', a, '1')).toContain(`✅ 已将本群绑定为：${METRO}`);
      expect(await t.ask('王强', b, `绑定 ${METRO}`)).toContain(`“${METRO}”已绑定到另一个群（一中心工作群）`);
      // One group cannot see another's data: 进度 in b knows no unit.
      expect(await t.ask('王强', b, '进度')).toContain('本群还没有登记对应的集体');
    });
  });

  it('keeps a binding when the group comes back under a new id after a restart', async () => {
    const first = await withApp(async (t) => {
      const { room } = t.wechat.createRoom('一中心工作群', ['李华', '王强'], { id: 'before@chatroom' });
      await t.ask('李华', room, `绑定 ${METRO}`);
      await t.ask('李华', room, COMMITMENT);
    });
    await withApp(async (t) => {
      const { room } = t.wechat.createRoom('一中心工作群', ['李华', '王强'], { id: 'after@chatroom' });
      const reply = await t.ask('李华', room, '进度');
      expect(reply).toContain(METRO);
      expect(reply).toContain('已填服务承诺');
    }, first.dir);
  });
});

describe('the admins in a private chat', () => {
  it('gives the province admin statistics, the missing units, one unit in detail and the roster', async () => {
    const t = await withApp(async (t) => {
      const { room } = t.wechat.createRoom('一中心工作群', ['李华']);
      await t.ask('李华', room, `绑定 ${METRO}`);
      await submitAll(t, room);
      const stats = await askPrivately(t, PROVINCE_ADMIN, '统计');
      expect(stats).toContain('全省填报统计');
      // Each form counted against the units that owe it: 附件2 the two 示范集体, 承诺事项 the ordinary one,
      // 简报 the 示范集体 and the city.
      const sections = new Map(
        stats
          .split('\n【')
          .slice(1)
          .map((text) => [text.slice(0, text.indexOf('】')), text] as const),
      );
      expect([...sections.keys()]).toEqual(['附件2', '承诺事项', '简报']);
      expect(sections.get('附件2')).toContain('截止9月29日（周三）17:00');
      expect(sections.get('附件2')).toContain('\n应交2：已提交1（其中逾期0）、填报中0、未开始1\n');
      expect(sections.get('附件2')).toContain('\n· 广州市 应交2：已交1、填报中0、未开始1');
      expect(sections.get('附件2')).not.toContain('深圳市');
      expect(sections.get('承诺事项')).toContain('截止9月30日（周四）23:59');
      expect(sections.get('承诺事项')).toContain('\n应交1：已提交0（其中逾期0）、填报中0、未开始1\n');
      expect(sections.get('承诺事项')).toContain('\n· 深圳市 应交1：已交0、填报中0、未开始1');
      expect(sections.get('承诺事项')).not.toContain('广州市');
      expect(sections.get('简报')).toContain('\n应交3：已提交0（其中逾期0）、填报中0、未开始3\n');
      const missing = await askPrivately(t, PROVINCE_ADMIN, '未交');
      expect(missing).toContain('【附件2】未提交1个（第1/1页）');
      expect(missing).toContain('广州地铁运营二中心青年文明号');
      expect(missing).not.toContain(METRO);
      expect(missing).not.toContain(FUTIAN);
      const ordinary = await askPrivately(t, PROVINCE_ADMIN, '未交 承诺事项');
      expect(ordinary).toContain('【承诺事项】未提交1个（第1/1页）');
      expect(ordinary).toContain(FUTIAN);
      expect(ordinary).not.toContain('地铁');
      const detail = await askPrivately(t, PROVINCE_ADMIN, '查 地铁一中心');
      expect(detail).toContain('绑定群：一中心工作群');
      expect(detail).toContain('历史版本：第1版 9月20日 10:30');
      expect(detail).toContain(`【服务承诺】${COMMITMENT}`);
      expect(await askPrivately(t, PROVINCE_ADMIN, '名单')).toContain('全省名单共4个单位，已绑定群1个');
      expect(await askPrivately(t, PROVINCE_ADMIN, '未交 附件9')).toContain('没有“附件9”这张表');
      expect(await askPrivately(t, PROVINCE_ADMIN, '你好')).toContain('没有“你好”这个管理员指令');
      const unbound = await askPrivately(t, PROVINCE_ADMIN, `解绑 ${METRO}`);
      expect(unbound).toContain(`已解绑：${METRO}（原群：一中心工作群）`);
      expect(await t.ask('李华', room, '进度')).toContain('本群还没有登记对应的集体');
    });
    const db = new Database(t.databaseFile, { readonly: true });
    const actions = db
      .prepare('SELECT action FROM AuditLog ORDER BY id')
      .all()
      .map((row) => (row as { action: string }).action);
    db.close();
    expect(actions).toEqual(['room.bound', 'submission.submitted', 'room.unbound']);
  });

  it('limits a city admin to its city', async () => {
    await withApp(async (t) => {
      const stats = await askPrivately(t, CITY_ADMIN, '统计');
      expect(stats).toContain('广州市填报统计');
      expect(stats).toContain('应交2：');
      expect(stats).toContain('按行业');
      expect(stats).not.toContain('深圳');
      expect(await askPrivately(t, CITY_ADMIN, `查 ${FUTIAN}`)).toContain(`在您的范围内没有找到“${FUTIAN}”`);
      expect(await askPrivately(t, CITY_ADMIN, `解绑 ${FUTIAN}`)).toContain('在您的范围内没有找到');
      expect(await askPrivately(t, CITY_ADMIN, '未交 附件2 深圳市')).toBe('您的范围是广州市，不能查看深圳市的情况。');
      expect(await askPrivately(t, CITY_ADMIN, '未交 附件2 99999')).toBe('没有找到“99999”：名单中没有这个地市或行业（系统）。');
    });
  });

  it('answers a number with the unit of that number in the last list, across a restart', async () => {
    const first = await withApp(async (t) => {
      const many = await askPrivately(t, PROVINCE_ADMIN, '查 地铁');
      expect(many).toContain('找到多个相近的单位，请回复序号查看');
      expect(many).toContain('1. 广州地铁运营');
    });
    await withApp(async (t) => {
      // The list was kept with the database: "2" still means the second one shown.
      expect((await askPrivately(t, PROVINCE_ADMIN, '2')).split('\n')[0]).toMatch(/^广州地铁运营[一二]中心青年文明号$/);
      const stats = await askPrivately(t, PROVINCE_ADMIN, '统计 深圳市');
      expect(stats).toContain('深圳市填报统计');
      expect(stats).toContain('应交1：');
      expect(stats).not.toContain('广州');
    }, first.dir);
  });

  it('refuses admin commands from anyone else, even one who took an admin’s nickname', async () => {
    const t = await withApp(async (t) => {
      // Same display name as the province admin, different contact: the name counts for nothing.
      const impostor = t.wechat.mocker.createContact({ name: PROVINCE_ADMIN, id: 'wxid_impostor' });
      await impostor.say('统计').to(t.wechat.bot);
      const [refused] = await t.wechat.waitForReplies({ id: 'private:wxid_impostor' }, 1);
      expect(refused).toBe('抱歉，这个指令只有管理员可以使用。');
      expect(await askPrivately(t, '王强', '查 地铁一中心')).toBe('抱歉，这个指令只有管理员可以使用。');
      expect(await askPrivately(t, '王强', '你好')).toContain('请在本集体的微信群里回复“填报”');
      // Admin commands typed in a group are not admin commands there.
      const { room } = t.wechat.createRoom('一中心工作群', ['李华']);
      await t.wechat.say('李华', room, '统计');
      await t.wechat.assertNoNewReplies(room, 150);
    });
    const db = new Database(t.databaseFile, { readonly: true });
    const refused = db.prepare("SELECT actor FROM AuditLog WHERE action = 'admin.refused'").all();
    db.close();
    expect(refused).toEqual([{ actor: 'wxid_impostor' }, { actor: mockContactId('王强') }]);
  });
});

describe('the bot added to a group', () => {
  it('offers the roster unit whose name is the group topic, and binds on 确认', async () => {
    await withApp(async (t) => {
      const { room } = t.wechat.createRoom(FUTIAN, ['李华']);
      t.wechat.puppet.emit('room-join', {
        roomId: room.id,
        inviteeIdList: [t.wechat.bot.id],
        inviterId: t.wechat.contact('李华').id,
        timestamp: Date.now(),
      });
      const [offer] = await t.wechat.waitForReplies(room, 1);
      expect(offer).toContain(`本群名称与名单中的“${FUTIAN}”（深圳市、政务服务）一致`);
      expect(await t.ask('李华', room, '确认')).toContain(`✅ 已将本群绑定为：${FUTIAN}`);
    });
  });

  it('says how to bind when the topic names no unit', async () => {
    await withApp(async (t) => {
      const { room } = t.wechat.createRoom('服务月工作群', ['李华']);
      t.wechat.puppet.emit('room-join', { roomId: room.id, inviteeIdList: [t.wechat.bot.id], inviterId: t.wechat.contact('李华').id, timestamp: Date.now() });
      expect((await t.wechat.waitForReplies(room, 1))[0]).toContain('请回复“绑定 单位全称”');
    });
  });
});
