// 管理员 and a code at the desk: the code of an invitation makes the sender that admin, once; a wrong, spent
// or expired code is said to, and five wrong ones in an hour stop the next from being read; a name is never
// taken for a code. The admins are read at each message, so an invitation removed takes the desk away at once.
import { describe, expect, it } from 'vitest';
import { parseAdminCommand } from '../../src/admin/commands.js';
import type { Admin } from '../../src/report/scope.js';
import { loadCampaign } from '../../src/files/campaign.js';
import { adminUnit, makeDesk } from '../support/admin-desk.js';
import { sentenceOf } from '../support/says.js';

const campaign = loadCampaign('conversations');
const NOW = new Date('2021-09-24T10:00:00+08:00');
const SETTING: Admin = { id: 'wxid_setting', scope: { kind: 'province' } };
const UNITS = [adminUnit(1, '广州地铁运营一中心青年文明号', '广州市', '广州地铁集团'), adminUnit(2, '深圳地铁福田枢纽站青年文明号', '深圳市', '深圳地铁集团')];
const GZ = { kind: 'city', city: '广州市' } as const;

const DONE = sentenceOf('admin.claimDone', { name: '小周', scope: '广州市' });
const WRONG = sentenceOf('admin.claimWrong');
const HOW = sentenceOf('admin.claimHow');
const REFUSED = sentenceOf('admin.refused');
const locked = (minutes: number) => sentenceOf('admin.claimLocked', { minutes });

function desk() {
  const d = makeDesk({ campaign, admins: [SETTING], now: NOW, units: UNITS });
  const say = async (who: string, text: string, name = '小周') => (await d.desk.handle({ senderId: who, senderName: name, text })).text;
  return { ...d, say };
}

describe('管理员 in a private message', () => {
  it('carries the code when one follows, and none when a name or nothing does', () => {
    const parse = (text: string) => parseAdminCommand(text, campaign);
    for (const text of ['管理员 123456', '管理员123456', '管理员：１２３４５６', '/管理员 123456', '管理员验证 123456']) {
      expect(parse(text), text).toEqual({ type: 'claim', code: '123456' });
    }
    expect(parse('管理员 小周')).toEqual({ type: 'claim' });
    expect(parse('管理员')).toEqual({ type: 'claim' });
  });
});

describe('管理员 and a code', () => {
  it('makes the sender the admin invited, with its scope, and spends the code', async () => {
    const d = desk();
    d.invitations.invite('小周', GZ, '123456', NOW);
    expect(await d.say('wxid_zhou', '统计')).toBe(REFUSED);
    expect(await d.say('wxid_zhou', '管理员 123456')).toBe(DONE);
    expect(await d.say('wxid_zhou', '统计')).toSay('admin.statsHeader', { scope: '广州市' });
    expect(await d.say('wxid_zhou', '统计')).not.toContain('深圳');
    // the same code again from the same contact, and from anyone else
    expect(await d.say('wxid_zhou', '管理员 123456')).toBe(sentenceOf('admin.claimAgain', { scope: '广州市', name: '小周' }));
    expect(await d.say('wxid_other', '管理员 123456')).toBe(sentenceOf('admin.claimUsed'));
    expect(await d.say('wxid_other', '统计')).toBe(REFUSED);
  });

  it('never takes a name for a code, and tells what to send instead', async () => {
    const d = desk();
    d.invitations.invite('小周', GZ, '123456', NOW);
    expect(await d.say('wxid_zhou', '管理员 小周')).toBe(HOW);
    expect(await d.say('wxid_zhou', '管理员')).toBe(HOW);
    expect(await d.say('wxid_zhou', '统计')).toBe(REFUSED);
    // not a guess either
    expect(d.invitations.wrong).toEqual([]);
  });

  it('says a code is wrong or expired, and reads none after five wrong ones within an hour', async () => {
    const d = desk();
    d.invitations.invite('小周', GZ, '123456', NOW);
    d.invitations.invite('小李', { kind: 'province' }, '222222', new Date(NOW.getTime() - 8 * 86_400_000));
    expect(await d.say('wxid_guess', '管理员 222222')).toBe(sentenceOf('admin.claimExpired', { days: 7 }));
    for (let i = 0; i < 3; i++) expect(await d.say('wxid_guess', `管理员 00000${i}`)).toBe(WRONG);
    expect(await d.say('wxid_guess', '管理员 000009')).toBe(locked(60));
    // the right code is not read either, until the first wrong one is an hour old
    expect(await d.say('wxid_guess', '管理员 123456')).toBe(locked(60));
    d.clock.now = new Date(NOW.getTime() + 45 * 60_000);
    expect(await d.say('wxid_guess', '管理员 123456')).toBe(locked(15));
    expect(d.invitations.wrong).toHaveLength(5);
    // another contact is not held up
    expect(await d.say('wxid_zhou', '管理员 123456')).toBe(DONE);
    d.clock.now = new Date(NOW.getTime() + 61 * 60_000);
    expect(await d.say('wxid_guess', '管理员 654321')).toBe(WRONG);
  });

  it('rebinds a renewed invitation to the contact that sends the new code, and drops the old contact', async () => {
    const d = desk();
    d.invitations.invite('小周', GZ, '123456', NOW);
    expect(await d.say('wxid_zhou', '管理员 123456')).toBe(DONE);
    // after a new login the same person has a new id, and the same nickname
    expect(await d.say('wxid_zhou_2', '管理员 小周')).toBe(HOW);
    d.invitations.invite('小周', GZ, '654321', NOW);
    expect(await d.say('wxid_zhou', '统计')).toSay('admin.statsHeader', { scope: '广州市' });
    expect(await d.say('wxid_zhou_2', '管理员 654321')).toBe(DONE);
    expect(await d.say('wxid_zhou_2', '统计')).toSay('admin.statsHeader', { scope: '广州市' });
    expect(await d.say('wxid_zhou', '统计')).toBe(REFUSED);
  });

  it('refuses a contact that is another invited admin already, and leaves the code for later', async () => {
    const d = desk();
    d.invitations.invite('小李', { kind: 'province' }, '111111', NOW);
    d.invitations.invite('小周', GZ, '123456', NOW);
    await d.say('wxid_li', '管理员 111111');
    expect(await d.say('wxid_li', '管理员 123456')).toBe(sentenceOf('admin.claimTaken', { other: '小李', scope: '全省', name: '小周' }));
    d.invitations.remove('小李');
    expect(await d.say('wxid_li', '管理员 123456')).toBe(DONE);
  });

  it('takes the desk away as soon as the invitation is removed', async () => {
    const d = desk();
    d.invitations.invite('小周', GZ, '123456', NOW);
    await d.say('wxid_zhou', '管理员 123456');
    d.invitations.remove('小周');
    expect(await d.say('wxid_zhou', '统计')).toBe(REFUSED);
    // the ADMINS setting's admin is there throughout
    expect(await d.say(SETTING.id, '统计')).toSay('admin.statsHeader', { scope: '全省' });
  });

  it('leaves what anyone else writes privately as it was', async () => {
    const d = desk();
    expect(await d.say('wxid_member', '你好')).toBe(sentenceOf('privateChat', { bot: campaign.botName }));
  });
});
