// 日志 in the admin chat, through the real Wechaty: the latest changes within the admin's scope, newest first,
// with the time and who made them (by name where the bot knows it), for the whole scope or one unit.
import { FileBox } from 'file-box';
import { describe, expect, it, vi } from 'vitest';
import { fillServiceList, METRO_COMMITMENT, METRO_ITEMS } from '../support/fill-form.js';
import { mockContactId } from '../support/mock-wechat.js';
import { sentenceOf } from '../support/says.js';
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
/** An entry of 日志 as the bot writes it: when, who, and what (a sentence of admin.messages.logActions). */
const logged = (who: string, what: string) => sentenceOf('admin.logLine', { time: TIME, who, what });
const header = (scope: string, count: number) => sentenceOf('admin.logHeader', { scope, count });
const IMPORTED = sentenceOf('admin.logActions.imported', { file: '补充名单.csv', created: 1, updated: 0, unchanged: 0, rejected: 0 });
const FUTIAN_UNBOUND = sentenceOf('admin.logActions.roomUnbound', { unit: FUTIAN });
const FUTIAN_BOUND = sentenceOf('admin.logActions.roomBound', { topic: '福田政务服务群', unit: FUTIAN });
const METRO_BOUND = sentenceOf('admin.logActions.roomBound', { topic: '一中心工作群', unit: METRO });

describe('日志 in the admin chat', () => {
  it('lists the latest changes of the admin’s scope, newest first, with the time and who, and one unit’s alone', async () => {
    await withApp(async (t) => {
      // A group binds and hands in 附件2; another binds in Shenzhen.
      const { room } = t.wechat.createRoom('一中心工作群', ['李华', '王强']);
      expect(await t.ask('李华', room, `绑定 ${METRO}`)).toSay('bound', { unit: METRO });
      expect(await fillServiceList(t, '李华', room, METRO_COMMITMENT, METRO_ITEMS)).toSay('submitted');
      const { room: futian } = t.wechat.createRoom('福田政务服务群', ['陈敏']);
      expect(await t.ask('陈敏', futian, `绑定 ${FUTIAN}`)).toSay('bound', { unit: FUTIAN });

      // The city sends it back; the province imports a roster, pauses reminders and frees the Shenzhen group;
      // someone who is no admin tries a command.
      expect(await askPrivately(t, CITY, '审核')).toSay('admin.reviewLine', { n: 1, name: METRO });
      expect(await askPrivately(t, CITY, '退回 1 第2项请写明服务时间')).toSay('admin.returnedDone', { name: METRO, form: '附件2' });
      const content = ['名称,类型,类别,地市,行业（系统）', '广州新设青年文明号,青年文明号集体,,广州市,城市轨道交通'].join('\n');
      await t.wechat.sendPrivateFile(PROVINCE, FileBox.fromBase64(Buffer.from(content).toString('base64'), '补充名单.csv'));
      expect((await t.wechat.waitForReplies(t.wechat.dm(PROVINCE), 1))[0]).toContain('名单已导入：新增1个');
      expect(await askPrivately(t, PROVINCE, '暂停提醒')).toBe(sentenceOf('admin.paused'));
      expect(await askPrivately(t, '王强', '统计')).toBe(sentenceOf('admin.refused'));
      expect(await askPrivately(t, PROVINCE, `解绑 ${FUTIAN}`)).toSay('admin.unbound', { unit: FUTIAN });

      const all = await askPrivately(t, PROVINCE, '日志');
      expect(all.split('\n')[0]).toBe(header('全省', 9));
      expect(entries(all)).toEqual([
        logged(`${PROVINCE}（管理员）`, FUTIAN_UNBOUND),
        logged('王强', sentenceOf('admin.logActions.refused', { id: mockContactId('王强'), text: '统计' })),
        logged(`${PROVINCE}（管理员）`, sentenceOf('admin.logActions.paused')),
        logged(`${PROVINCE}（管理员）`, IMPORTED),
        logged(`${CITY}（管理员）`, sentenceOf('admin.logActions.reopened', { unit: METRO, form: '附件2' })),
        logged(`${CITY}（管理员）`, sentenceOf('admin.logActions.returned', { unit: METRO, form: '附件2', version: 1, note: '第2项请写明服务时间' })),
        logged('陈敏', FUTIAN_BOUND),
        logged('李华', sentenceOf('admin.logActions.submitted', { unit: METRO, form: '附件2', version: 1, late: '' })),
        logged('李华', METRO_BOUND),
      ]);

      // The city sees its units' changes, the import that touched it and the switch everyone shares.
      const city = await askPrivately(t, CITY, '日志');
      expect(city.split('\n')[0]).toBe(header('广州市', 6));
      expect(city).not.toContain(FUTIAN);
      expect(city).not.toSay('admin.logActions.refused');
      expect(entries(city)).toContain(logged(`${PROVINCE}（管理员）`, IMPORTED));

      // One unit's: by name, or by its number in a list of close names.
      const one = await askPrivately(t, PROVINCE, '日志 福田');
      expect(entries(one)).toEqual([logged(`${PROVINCE}（管理员）`, FUTIAN_UNBOUND), logged('陈敏', FUTIAN_BOUND)]);
      expect(await askPrivately(t, CITY, `日志 ${FUTIAN}`)).toBe(sentenceOf('admin.lookupNone', { name: FUTIAN }));
      const many = await askPrivately(t, CITY, '日志 地铁');
      expect(many).toSay('admin.logMany');
      const n = many
        .split('\n')
        .find((line) => line.includes(METRO))!
        .match(/^(\d+)\./)![1]!;
      const picked = await askPrivately(t, CITY, n);
      expect(picked.split('\n')[0]).toBe(header(METRO, 4));
      expect(entries(picked).at(-1)).toBe(logged('李华', METRO_BOUND));
      expect(await askPrivately(t, CITY, `日志 ${METRO2}`)).toBe(sentenceOf('admin.logNone', { scope: METRO2 }));
    });
  });

  it('shows the latest 20', async () => {
    await withApp(async (t) => {
      for (let i = 0; i < 12; i += 1) {
        await askPrivately(t, PROVINCE, '暂停提醒');
        await askPrivately(t, PROVINCE, '恢复提醒');
      }
      const reply = await askPrivately(t, PROVINCE, '日志');
      expect(reply.split('\n')[0]).toBe(header('全省', 20));
      expect(entries(reply)).toHaveLength(20);
      expect(entries(reply)[0]).toBe(logged(`${PROVINCE}（管理员）`, sentenceOf('admin.logActions.resumed')));
    });
  });
});
