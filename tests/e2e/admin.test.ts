// Roster binding, the admins' private chat, scopes and impersonation, through the real Wechaty.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { fillServiceList } from '../support/fill-form.js';
import { mockContactId } from '../support/mock-wechat.js';
import { campaign2021, sentenceOf, valuesIn } from '../support/says.js';
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
/** A form's totals in 统计: owed, handed in (none late, none in progress), not started. */
const totals = (total: number, submitted: number, none: number) => sentenceOf('admin.statsTotals', { total, submitted, late: 0, draft: 0, none });

async function submitAll(t: TestApp, room: { id: string }) {
  expect(await fillServiceList(t, '李华', room, COMMITMENT, ITEMS)).toSay('submitted');
}

describe('groups bound to the roster', () => {
  it('offers the unit named like the group, binds on 确认 and opens the form', async () => {
    await withApp(async (t) => {
      const { room } = t.wechat.createRoom(METRO, ['李华', '王强']);
      expect(await t.ask('李华', room, '填报')).toSay('bindOfferTopic', { unit: METRO, where: '广州市、城市轨道交通' });
      const bound = await t.ask('李华', room, '确认');
      expect(bound).toSay('bound', { unit: METRO });
      expect(bound).toContain('第1步：请发送本集体的服务承诺');
    });
  });

  it('numbers candidates for a loose name and refuses a unit bound elsewhere', async () => {
    await withApp(async (t) => {
      const { room: a } = t.wechat.createRoom('一中心工作群', ['李华']);
      const { room: b } = t.wechat.createRoom('另一个群', ['王强']);
      const list = await t.ask('李华', a, '绑定 地铁一中心');
      expect(list).toSay('bindCandidateLine', { n: 1, name: METRO, where: '广州市、城市轨道交通' });
      expect(await t.ask('李华', a, '1')).toSay('bound', { unit: METRO });
      expect(await t.ask('王强', b, `绑定 ${METRO}`)).toSay('bindTaken', { unit: METRO, topic: '一中心工作群' });
      // One group cannot see another's data: 进度 in b knows no unit.
      expect(await t.ask('王强', b, '进度')).toBe(sentenceOf('progressUnbound'));
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
      expect(reply).toSay('progressDoneText', { label: '服务承诺' });
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
      expect(stats).toSay('admin.statsHeader', { scope: '全省' });
      // Each form counted against the units that owe it: 附件2 the two 示范集体, 承诺事项 the ordinary one,
      // 简报 the 示范集体 and the city.
      const sections = new Map<string, string>();
      let form = '';
      for (const line of stats.split('\n')) {
        form = valuesIn(line, 'admin.statsForm')?.form ?? form;
        if (form) sections.set(form, `${sections.get(form) ?? ''}${line}\n`);
      }
      expect([...sections.keys()]).toEqual(['附件2', '承诺事项', '简报']);
      expect(sections.get('附件2')).toSay('admin.statsForm', { deadline: '9月29日（周三）17:00' });
      expect(sections.get('附件2')).toContain(totals(2, 1, 1));
      expect(sections.get('附件2')).toSay('admin.statsLine', { group: '广州市', total: 2, submitted: 1, draft: 0, none: 1 });
      expect(sections.get('附件2')).not.toContain('深圳市');
      expect(sections.get('承诺事项')).toSay('admin.statsForm', { deadline: '9月30日（周四）23:59' });
      expect(sections.get('承诺事项')).toContain(totals(1, 0, 1));
      expect(sections.get('承诺事项')).toSay('admin.statsLine', { group: '深圳市', total: 1, submitted: 0, draft: 0, none: 1 });
      expect(sections.get('承诺事项')).not.toContain('广州市');
      expect(sections.get('简报')).toContain(totals(3, 0, 3));
      const missing = await askPrivately(t, PROVINCE_ADMIN, '未交');
      expect(missing).toSay('admin.missingHeader', { form: '附件2', scope: '', count: 1, page: 1, pages: 1 });
      expect(missing).toContain('广州地铁运营二中心青年文明号');
      expect(missing).not.toContain(METRO);
      expect(missing).not.toContain(FUTIAN);
      const ordinary = await askPrivately(t, PROVINCE_ADMIN, '未交 承诺事项');
      expect(ordinary).toSay('admin.missingHeader', { form: '承诺事项', scope: '', count: 1, page: 1, pages: 1 });
      expect(ordinary).toContain(FUTIAN);
      expect(ordinary).not.toContain('地铁');
      const detail = await askPrivately(t, PROVINCE_ADMIN, '查 地铁一中心');
      expect(detail).toSay('admin.lookupRoom', { topic: '一中心工作群' });
      expect(detail).toSay('admin.lookupVersions', { versions: sentenceOf('admin.lookupVersion', { version: 1, time: '9月20日 10:30', late: '' }) });
      expect(detail).toSay('summaryText', { label: '服务承诺', value: COMMITMENT });
      expect(await askPrivately(t, PROVINCE_ADMIN, '名单')).toSay('admin.rosterSummary', { scope: '全省', total: 4, bound: 1 });
      expect(await askPrivately(t, PROVINCE_ADMIN, '未交 附件9')).toSay('admin.noSuchForm', { input: '附件9' });
      expect(await askPrivately(t, PROVINCE_ADMIN, '你好')).toBe(sentenceOf('admin.unknown', { input: '你好' }));
      const unbound = await askPrivately(t, PROVINCE_ADMIN, `解绑 ${METRO}`);
      expect(unbound).toSay('admin.unbound', { unit: METRO, topic: '一中心工作群' });
      expect(await t.ask('李华', room, '进度')).toBe(sentenceOf('progressUnbound'));
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
      expect(stats).toSay('admin.statsHeader', { scope: '广州市' });
      expect(stats).toSay('admin.statsTotals', { total: 2 });
      expect(stats).toSay('admin.statsGroupHeading', { by: campaign2021().admin.labels.byIndustry });
      expect(stats).not.toContain('深圳');
      expect(await askPrivately(t, CITY_ADMIN, `查 ${FUTIAN}`)).toBe(sentenceOf('admin.lookupNone', { name: FUTIAN }));
      expect(await askPrivately(t, CITY_ADMIN, `解绑 ${FUTIAN}`)).toSay('admin.lookupNone');
      expect(await askPrivately(t, CITY_ADMIN, '未交 附件2 深圳市')).toBe(sentenceOf('admin.scopeOutside', { scope: '广州市', word: '深圳市' }));
      expect(await askPrivately(t, CITY_ADMIN, '未交 附件2 99999')).toBe(sentenceOf('admin.scopeNone', { word: '99999' }));
    });
  });

  it('answers a number with the unit of that number in the last list, across a restart', async () => {
    const first = await withApp(async (t) => {
      const many = await askPrivately(t, PROVINCE_ADMIN, '查 地铁');
      expect(many).toSay('admin.lookupMany');
      expect(many).toContain('1. 广州地铁运营');
    });
    await withApp(async (t) => {
      // The list was kept with the database: "2" still means the second one shown.
      expect((await askPrivately(t, PROVINCE_ADMIN, '2')).split('\n')[0]).toMatch(/^广州地铁运营[一二]中心青年文明号$/);
      const stats = await askPrivately(t, PROVINCE_ADMIN, '统计 深圳市');
      expect(stats).toSay('admin.statsHeader', { scope: '深圳市' });
      expect(stats).toSay('admin.statsTotals', { total: 1 });
      expect(stats).not.toContain('广州');
    }, first.dir);
  });

  it('refuses admin commands from anyone else, even one who took an admin’s nickname', async () => {
    const t = await withApp(async (t) => {
      // Same display name as the province admin, different contact: the name counts for nothing.
      const impostor = t.wechat.mocker.createContact({ name: PROVINCE_ADMIN, id: 'wxid_impostor' });
      await impostor.say('统计').to(t.wechat.bot);
      const [refused] = await t.wechat.waitForReplies({ id: 'private:wxid_impostor' }, 1);
      expect(refused).toBe(sentenceOf('admin.refused'));
      expect(await askPrivately(t, '王强', '查 地铁一中心')).toBe(sentenceOf('admin.refused'));
      expect(await askPrivately(t, '王强', '你好')).toBe(sentenceOf('privateChat', { bot: campaign2021().botName }));
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
      expect(offer).toSay('bindOfferTopic', { unit: FUTIAN, where: '深圳市、政务服务' });
      expect(await t.ask('李华', room, '确认')).toSay('bound', { unit: FUTIAN });
    });
  });

  it('says how to bind when the topic names no unit', async () => {
    await withApp(async (t) => {
      const { room } = t.wechat.createRoom('服务月工作群', ['李华']);
      t.wechat.puppet.emit('room-join', { roomId: room.id, inviteeIdList: [t.wechat.bot.id], inviterId: t.wechat.contact('李华').id, timestamp: Date.now() });
      expect((await t.wechat.waitForReplies(room, 1))[0]).toBe(sentenceOf('bindAsk'));
    });
  });
});
