// After a form's deadline: late submissions are accepted and marked 逾期 (the default), or refused, as the
// campaign's lateSubmissions or the form's own `late` says.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { acceptsSubmission, findForm } from '../../src/campaign/forms.js';
import { parseCampaign } from '../../src/campaign/parse.js';
import type { Campaign, Form } from '../../src/campaign/schema.js';
import { GroupConversations } from '../../src/conversation/session.js';
import { groupMessage } from '../support/group-message.js';
import { MemoryStore } from '../support/memory-store.js';
import { sentenceOf } from '../support/says.js';
import { campaign as realCampaign, COMMITMENT, ITEMS } from './harness.js';

/** Guangdong wall-clock time, as the campaign writes it. */
const sh = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);

const UNIT = '广州地铁运营一中心青年文明号';
const BEFORE = sh('2021-09-20 10:30');
const DEADLINE = sh('2021-09-30 23:59');
const LATE = sh('2021-10-01 00:29');
const CLOSED = sentenceOf('greetingClosed', { form: '承诺事项', deadline: '9月30日（周四）23:59' });
const SUBMIT_CLOSED = sentenceOf('submitClosed', { form: '承诺事项', deadline: '9月30日（周四）23:59' });

/** The 2021 campaign file, changed by `edit` before it is checked. */
function campaignWith(edit: (raw: any) => void): Campaign {
  const raw = parseYaml(readFileSync('conversations/campaign-2021.yaml', 'utf8'));
  edit(raw);
  return parseCampaign(raw, 'late-policy');
}

const formRefuses = campaignWith((raw) => {
  raw.forms[1].late = 'refuse';
});
const campaignRefuses = campaignWith((raw) => {
  raw.lateSubmissions = 'refuse';
});

/** One group bound to an ordinary collective (which fills 本集体服务承诺与服务事项 only), with a clock the test moves. */
class Group {
  now = BEFORE;
  readonly store = new MemoryStore();
  readonly conv: GroupConversations;

  constructor(readonly campaign: Campaign) {
    this.store.addUnit('room-1', UNIT);
    this.conv = new GroupConversations({ campaign, store: this.store, now: () => this.now });
  }

  async say(text: string): Promise<string> {
    const replies = await this.conv.handle(groupMessage({ topic: '地铁一中心青年文明号群' }, text));
    expect(replies.length).toBeLessThanOrEqual(1);
    return replies.join('\n');
  }

  async sayAll(texts: string[]): Promise<string> {
    let last = '';
    for (const text of texts) last = await this.say(text);
    return last;
  }

  get saved() {
    return this.store.submissions.get(`${this.store.units[0]!.id}:collectiveList`);
  }
  /** The form open in the group, as its row says. */
  get session() {
    const row = this.store.rooms.get('room-1');
    return row?.formId ? { formId: row.formId } : undefined;
  }
}

const FILLED = {
  commitment: COMMITMENT,
  items: [
    { content: ITEMS[0], type: '提供暖心服务' },
    { content: ITEMS[1], type: '优化办事流程' },
    { content: ITEMS[2], type: '提高服务质量' },
  ],
};

/** Fills the whole form before the deadline and stops at the review, unconfirmed. */
async function filledBeforeDeadline(group: Group): Promise<Group> {
  group.now = BEFORE;
  const review = await group.sayAll(['填报', COMMITMENT, ITEMS[0]!, '4', ITEMS[1]!, '1', ITEMS[2]!, '3', '完成']);
  expect(review).toSay('reviewAtMin');
  expect(group.saved).toMatchObject({ status: 'draft', answers: FILLED });
  return group;
}

describe.each([
  ['the form says late: refuse', formRefuses],
  ['the campaign says lateSubmissions: refuse', campaignRefuses],
])('refused after the deadline (%s)', (_, campaign) => {
  it('reads the policy from the file', () => {
    const form = findForm(campaign, 'collectiveList')!;
    expect(form.late ?? campaign.lateSubmissions).toBe('refuse');
  });

  it('answers 填报 with the closed message and opens no conversation', async () => {
    const g = new Group(campaign);
    g.now = LATE;
    const reply = await g.say('填报');
    expect(reply).toBe(CLOSED);
    expect(reply).not.toSay('form:collectiveList.commitment.prompt');
    expect(g.session).toBeUndefined();
    // What follows is chatter, not the commitment.
    expect(await g.say(COMMITMENT)).toBe('');
    expect(g.saved).toBeUndefined();
    expect(g.store.writes.some((w) => w.drafts.length > 0 || w.formId !== null)).toBe(false);
  });

  it('keeps a draft resumed after the deadline closed too, with its answers', async () => {
    const g = new Group(campaign);
    await g.sayAll(['填报', COMMITMENT, '取消']);
    expect(g.saved).toMatchObject({ status: 'draft', answers: { commitment: COMMITMENT } });
    g.now = LATE;
    expect(await g.say('填报')).toBe(CLOSED);
    expect(g.session).toBeUndefined();
    expect(g.saved).toMatchObject({ status: 'draft', answers: { commitment: COMMITMENT } });
  });

  it('refuses a 确认 after the deadline, keeping the draft and its answers', async () => {
    const g = await filledBeforeDeadline(new Group(campaign));
    g.now = LATE;
    expect(await g.say('确认')).toBe(SUBMIT_CLOSED);
    expect(g.saved).toMatchObject({ status: 'draft', version: 0, submittedAt: null, late: false, answers: FILLED });
    expect(g.store.history).toHaveLength(0);
    expect(g.store.writes.some((w) => w.effects.some((e) => e.kind === 'submit'))).toBe(false);
    // A second try is refused the same way; nothing was handed in.
    expect(await g.say('确认')).toBe(SUBMIT_CLOSED);
    expect(g.saved!.status).toBe('draft');
    expect(g.store.history).toHaveLength(0);
  });

  it('still takes a 确认 at the deadline minute itself, on time', async () => {
    const g = await filledBeforeDeadline(new Group(campaign));
    g.now = DEADLINE;
    expect(await g.say('确认')).toSay('submitted', { time: '9月30日 23:59' });
    expect(g.saved).toMatchObject({ status: 'submitted', late: false, version: 1 });
  });

  it('keeps a form reopened before the deadline at its submitted version when confirmed after it', async () => {
    const g = await filledBeforeDeadline(new Group(campaign));
    expect(await g.say('确认')).toSay('submitted');
    expect(await g.say('修改')).toSay('reopened', { form: '承诺事项' });
    g.now = LATE;
    expect(await g.say('确认')).toBe(SUBMIT_CLOSED);
    expect(g.saved).toMatchObject({ status: 'reopened', version: 1, late: false });
    expect(g.store.history).toHaveLength(1);
  });
});

describe('accepted after the deadline (the default)', () => {
  it('is what the campaign file says', () => {
    expect(realCampaign.lateSubmissions).toBe('accept');
    expect(findForm(realCampaign, 'collectiveList')!.late).toBeUndefined();
  });

  it('submits a late 确认 and marks it 逾期', async () => {
    const g = await filledBeforeDeadline(new Group(realCampaign));
    g.now = LATE;
    const reply = await g.say('确认');
    expect(reply).toBe(sentenceOf('submittedLate', { time: '10月1日 00:29' }));
    expect(g.saved).toMatchObject({ status: 'submitted', late: true, version: 1, answers: FILLED });
    expect(g.store.history).toEqual([{ unitId: g.saved!.unitId, formId: 'collectiveList', version: 1, answers: FILLED, late: true }]);
    expect(g.session).toBeUndefined();
  });

  it('opens the form after the deadline with the late greeting', async () => {
    const g = new Group(realCampaign);
    g.now = LATE;
    const reply = await g.say('填报');
    expect(reply).toSay('greetingLate', { deadline: '9月30日（周四）23:59' });
    expect(reply).not.toSay('greetingClosed');
    expect(g.session).toMatchObject({ formId: 'collectiveList' });
  });
});

describe('acceptsSubmission', () => {
  const form: Form = findForm(realCampaign, 'collectiveList')!;
  const withPolicy = (campaignPolicy: 'accept' | 'refuse', formPolicy?: 'accept' | 'refuse') => ({
    campaign: { ...realCampaign, lateSubmissions: campaignPolicy } as Campaign,
    form: formPolicy === undefined ? { ...form } : { ...form, late: formPolicy },
  });
  const JUST_AFTER = new Date(DEADLINE.getTime() + 60_000);

  it('takes everything up to and at the deadline, whatever the policy', () => {
    for (const policy of ['accept', 'refuse'] as const) {
      const { campaign, form: f } = withPolicy(policy);
      expect(acceptsSubmission(campaign, f, BEFORE)).toBe(true);
      expect(acceptsSubmission(campaign, f, DEADLINE)).toBe(true);
    }
  });

  it('after the deadline refuses only under refuse', () => {
    const accept = withPolicy('accept');
    const refuse = withPolicy('refuse');
    expect(acceptsSubmission(accept.campaign, accept.form, JUST_AFTER)).toBe(true);
    expect(acceptsSubmission(accept.campaign, accept.form, sh('2022-01-01 00:00'))).toBe(true);
    expect(acceptsSubmission(refuse.campaign, refuse.form, JUST_AFTER)).toBe(false);
    expect(acceptsSubmission(refuse.campaign, refuse.form, LATE)).toBe(false);
  });

  it("lets the form's own late override the campaign's", () => {
    const formAccepts = withPolicy('refuse', 'accept');
    expect(acceptsSubmission(formAccepts.campaign, formAccepts.form, LATE)).toBe(true);
    const formRefuses = withPolicy('accept', 'refuse');
    expect(acceptsSubmission(formRefuses.campaign, formRefuses.form, LATE)).toBe(false);
    expect(acceptsSubmission(formRefuses.campaign, formRefuses.form, BEFORE)).toBe(true);
  });

  it('applies a form’s refuse only to that form', () => {
    // 附件1 (deadline 9月28日 17:00) keeps the campaign's accept when the collectives' form refuses.
    const other = findForm(formRefuses, 'industryList')!;
    expect(other.late).toBeUndefined();
    expect(acceptsSubmission(formRefuses, other, LATE)).toBe(true);
    expect(acceptsSubmission(formRefuses, findForm(formRefuses, 'collectiveList')!, LATE)).toBe(false);
  });

  it('rejects an unknown policy in the file', () => {
    expect(() => campaignWith((raw) => (raw.forms[1].late = 'maybe'))).toThrow(/forms\.1\.late/);
  });
});
