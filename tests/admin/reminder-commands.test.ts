// The admins' reminder commands: how 提醒 [表], 暂停提醒 and 恢复提醒 are read, and what the desk answers,
// with a fake scheduler in place of the real one (the whole path runs in tests/e2e/reminders-admin.test.ts).
import { describe, expect, it } from 'vitest';
import { findForm } from '../../src/campaign/forms.js';
import { loadCampaign } from '../../src/files/campaign.js';
import { parseAdminCommand } from '../../src/admin/commands.js';
import type { Admin } from '../../src/report/scope.js';
import { makeDesk } from '../support/admin-desk.js';
import { sentenceOf } from '../support/says.js';

const campaign = loadCampaign('conversations');
const m = campaign.admin.messages;
const modelCollective = findForm(campaign, 'modelCollective')!;

/** Guangdong wall-clock time. */
const sh = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);

describe('parsing the reminder commands', () => {
  const parse = (text: string) => parseAdminCommand(text, campaign);

  it('reads 提醒 alone as a round with no form named', () => {
    const command = parse('提醒');
    expect(command).toEqual({ type: 'remind', within: '' });
    expect('form' in command).toBe(false);
    expect('badForm' in command).toBe(false);
  });

  it('reads 提醒 附件2 as a round of that form, by short title or id', () => {
    expect(parse('提醒 附件2')).toEqual({ type: 'remind', form: modelCollective, within: '' });
    expect(parse('提醒 modelCollective')).toEqual({ type: 'remind', form: modelCollective, within: '' });
    expect(parse('发提醒 简报')).toEqual({ type: 'remind', form: findForm(campaign, 'activityReport'), within: '' });
    expect(parse('提醒附件1')).toEqual({ type: 'remind', form: findForm(campaign, 'industryList'), within: '' });
  });

  it('reads the city or industry after the form', () => {
    expect(parse('提醒 附件2 广州市')).toEqual({ type: 'remind', form: modelCollective, within: '广州市' });
    expect(parse('提醒 深圳市')).toEqual({ type: 'remind', within: '深圳市' });
  });

  it('reports 提醒 附件9 as no such form', () => {
    expect(parse('提醒 附件9')).toEqual({ type: 'remind', badForm: '附件9', within: '' });
  });

  it('reads 暂停提醒 and 恢复提醒, with a slash or a full stop around them', () => {
    expect(parse('暂停提醒')).toEqual({ type: 'pause' });
    expect(parse('恢复提醒')).toEqual({ type: 'resume' });
    expect(parse('/暂停提醒。')).toEqual({ type: 'pause' });
    expect(parse('／恢复提醒！')).toEqual({ type: 'resume' });
    expect(parse('  暂停提醒  ')).toEqual({ type: 'pause' });
  });

  it('does not take 暂停提醒 or 恢复提醒 for a 提醒 round', () => {
    expect(parse('暂停提醒').type).not.toBe('remind');
    expect(parse('恢复提醒').type).not.toBe('remind');
    // words after 暂停提醒 make it something else, never a pause
    expect(parse('暂停提醒 附件2').type).not.toBe('pause');
  });
});

// ---- the desk ----

const PROVINCE: Admin = { id: 'wxid_province', scope: { kind: 'province' } };
const CITY: Admin = { id: 'wxid_gz', scope: { kind: 'city', city: '广州市' } };

function desk(now = sh('2021-09-24 10:00'), withCampaign = campaign) {
  return makeDesk({ campaign: withCampaign, admins: [PROVINCE, CITY], now });
}

describe('the desk: pausing and resuming', () => {
  it('pauses, then says it already is paused', async () => {
    const d = desk();
    const first = await d.ask('暂停提醒');
    expect(first).toBe(m.paused);
    expect(d.reminders.paused).toBe(true);
    const second = await d.ask('暂停提醒');
    expect(second).toBe(m.alreadyPaused);
    expect(d.reminders.pauses).toEqual([
      { paused: true, actor: PROVINCE.id },
      { paused: true, actor: PROVINCE.id },
    ]);
  });

  it('says resuming what is not paused changes nothing, and resumes what is', async () => {
    const d = desk();
    expect(await d.ask('恢复提醒')).toBe(m.notPaused);
    expect(d.reminders.paused).toBe(false);
    await d.ask('/暂停提醒。');
    expect(d.reminders.paused).toBe(true);
    expect(await d.ask('恢复提醒')).toBe(m.resumed);
    expect(d.reminders.paused).toBe(false);
    expect(d.reminders.pauses.at(-1)).toEqual({ paused: false, actor: PROVINCE.id });
  });

  // The switch stops or starts the reminders of every group in the province: a city's admin would
  // silence, or wake, the other twenty cities' groups.
  it("leaves the switch to the province's admins", async () => {
    const d = desk();
    expect(await d.ask('暂停提醒', CITY)).toBe(m.pauseProvinceOnly);
    expect(d.reminders.paused).toBe(false);
    await d.ask('暂停提醒');
    expect(await d.ask('恢复提醒', CITY)).toBe(m.pauseProvinceOnly);
    expect(d.reminders.paused).toBe(true);
    expect(d.reminders.pauses).toEqual([{ paused: true, actor: PROVINCE.id }]);
  });

  it('refuses someone who is not an admin, and audits it', async () => {
    const d = desk();
    expect(await d.ask('暂停提醒', 'wxid_stranger')).toBe(m.refused);
    expect(d.reminders.pauses).toHaveLength(0);
    expect(d.store.audits).toEqual([{ actor: 'wxid_stranger', action: 'admin.refused' }]);
  });
});

describe('the desk: 提醒', () => {
  it('queues a round of the form named and says how long sending takes', async () => {
    const d = desk();
    const reply = await d.ask('提醒 附件2');
    expect(reply).toBe(fillQueued(3, '附件2', '1分钟'));
    expect(d.reminders.asked).toEqual([{ formId: 'modelCollective', adminId: PROVINCE.id }]);
  });

  it('says there is no group to remind when the round reaches none', async () => {
    const d = desk();
    d.reminders.round = () => ({ count: 0, paused: false, etaMs: 0 });
    expect(await d.ask('提醒 附件2')).toBe(sentenceOf('admin.remindNone', { scope: '全省', form: '附件2' }));
    // a city admin hears of the city
    expect(await d.ask('提醒 附件2', CITY)).toBe(sentenceOf('admin.remindNone', { scope: '广州市', form: '附件2' }));
    expect(d.reminders.asked.map((a) => a.adminId)).toEqual([PROVINCE.id, CITY.id]);
  });

  it('says a round queued while paused waits for 恢复提醒', async () => {
    const d = desk();
    d.reminders.round = () => ({ count: 2, paused: true, etaMs: 40_000 });
    const reply = await d.ask('提醒 附件2');
    expect(reply).toBe(sentenceOf('admin.remindQueuedPaused', { count: 2, form: '附件2' }));
    expect(reply).not.toContain('分钟');
  });

  it('answers 提醒 附件9 with the forms there are, asking nothing of the scheduler', async () => {
    const d = desk();
    expect(await d.ask('提醒 附件9')).toBe(sentenceOf('admin.noSuchForm', { input: '附件9', forms: '附件2、承诺事项、附件1、简报' }));
    expect(d.reminders.asked).toHaveLength(0);
  });

  it('reminds for every form still open when none is named', async () => {
    const d = desk(sh('2021-09-29 10:00'));
    d.reminders.round = (form) => ({ count: form.id === 'industryList' ? 0 : 5, paused: false, etaMs: 5 * 20_000 });
    const reply = await d.ask('提醒');
    // 附件1 closed on 9月28日 17:00; 附件2, 承诺事项 and 简报 are still open
    expect(d.reminders.asked.map((a) => a.formId)).toEqual(['modelCollective', 'collectiveList', 'activityReport']);
    expect(reply.split('\n')).toEqual([fillQueued(5, '附件2', '1分钟'), fillQueued(5, '承诺事项', '1分钟'), fillQueued(5, '简报', '1分钟')]);

    // 附件2 closed on 9月29日 17:00; 承诺事项 is open until 9月30日 23:59
    d.reminders.asked = [];
    d.clock.now = sh('2021-09-30 10:00');
    await d.ask('提醒');
    expect(d.reminders.asked.map((a) => a.formId)).toEqual(['collectiveList', 'activityReport']);

    d.reminders.asked = [];
    d.clock.now = sh('2021-10-10 10:00');
    await d.ask('提醒');
    expect(d.reminders.asked.map((a) => a.formId)).toEqual(['activityReport']);
  });

  it('asks which form when every deadline has passed', async () => {
    const d = desk(sh('2021-10-30 09:00'));
    const reply = await d.ask('提醒');
    expect(reply).toBe(sentenceOf('admin.remindWhich', { example: '附件2', forms: '附件2、承诺事项、附件1、简报' }));
    expect(d.reminders.asked).toHaveLength(0);
    // named, a closed form is still reminded of
    expect(await d.ask('提醒 附件2')).toBe(fillQueued(3, '附件2', '1分钟'));
    expect(d.reminders.asked).toEqual([{ formId: 'modelCollective', adminId: PROVINCE.id }]);
  });
});

describe('the desk: a form that refuses late submissions', () => {
  it('sends no reminder for it once its deadline has passed', async () => {
    const refusing = { ...campaign, forms: campaign.forms.map((form) => (form.id === 'modelCollective' ? { ...form, late: 'refuse' as const } : form)) };
    const d = desk(sh('2021-10-01 09:00'), refusing);
    expect(await d.ask('提醒 附件2')).toBe(sentenceOf('admin.remindClosed', { form: '附件2' }));
    expect(d.reminders.asked).toHaveLength(0);
    // before its deadline it is reminded of as usual
    d.clock.now = sh('2021-09-29 09:00');
    expect(await d.ask('提醒 附件2')).toBe(fillQueued(3, '附件2', '1分钟'));
  });
});

function fillQueued(count: number, form: string, duration: string): string {
  return sentenceOf('admin.remindQueued', { count, form, duration });
}
