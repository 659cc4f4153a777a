import { describe, expect, it } from 'vitest';
import { parseCampaign } from '../../src/campaign/parse.js';
import type { Campaign } from '../../src/campaign/schema.js';
import { GroupConversations, type IncomingMessage } from '../../src/conversation/session.js';
import { groupMessage } from '../support/group-message.js';
import { MemoryStore } from '../support/memory-store.js';
import { sentenceOf, templateOf } from '../support/says.js';
import { campaign, COMMITMENT, ITEMS } from './harness.js';

const UNIT = '广州地铁运营一中心青年文明号';
const BEFORE = new Date('2021-09-20T02:30:00Z'); // 9月20日 10:30, ten days before the deadline
const LATE = new Date('2021-09-30T16:29:00Z'); // 10月1日 00:29, half an hour late

/** A store whose writes can be made to fail, as a database would (MemoryStore.failing). */
const FlakyStore = MemoryStore;

/** One WeChat group talking to the conversations, with a clock that stands still unless moved. */
class Group {
  now: Date;
  conv: GroupConversations;

  constructor(
    readonly store = new FlakyStore(),
    now = BEFORE,
    readonly camp: Campaign = campaign,
    readonly roomId = 'room-1',
  ) {
    this.now = now;
    this.conv = this.restart(camp);
  }

  /** A new GroupConversations over the same store, as after a process restart. */
  restart(camp: Campaign = this.camp): GroupConversations {
    this.conv = new GroupConversations({ campaign: camp, store: this.store, now: () => this.now });
    return this.conv;
  }

  message(text: string, who = 'u1', extra: Partial<IncomingMessage> = {}): IncomingMessage {
    return groupMessage({ roomId: this.roomId, topic: '地铁一中心青年文明号群' }, text, who, extra);
  }

  /** The replies to one message, joined; '' when the bot stays silent. */
  async say(text: string, who = 'u1', extra: Partial<IncomingMessage> = {}): Promise<string> {
    const replies = await this.conv.handle(this.message(text, who, extra));
    expect(replies.length).toBeLessThanOrEqual(1);
    return replies.join('\n');
  }

  async sayAll(texts: string[], who = 'u1'): Promise<string> {
    let last = '';
    for (const text of texts) last = await this.say(text, who);
    return last;
  }

  get unit() {
    return this.store.units[0];
  }
  /** The form open in the group, as its row says: which, whose, for which unit. */
  get session() {
    const row = this.store.rooms.get(this.roomId);
    return row?.formId ? { formId: row.formId, ownerId: row.ownerId, ownerName: row.ownerName, unitId: row.unitId } : undefined;
  }
  get saved() {
    return this.unit ? this.store.submissions.get(`${this.unit.id}:collectiveList`) : undefined;
  }
}

/** A group bound to its unit (as the roster would) that has answered up to the review. */
async function atReview(group = new Group()): Promise<Group> {
  if (!group.unit) group.store.addUnit(group.roomId, UNIT);
  await group.sayAll(['填报', COMMITMENT, ITEMS[0]!, '4', ITEMS[1]!, '1', ITEMS[2]!, '3', '完成']);
  expect(group.session).toBeDefined();
  return group;
}

// The questions of 承诺事项 (the form of a collective that is not a model one).
const Q_COMMITMENT = sentenceOf('form:collectiveList.commitment.prompt', { step: 1 });
/** The first item's question, with the hint said under it the first time. */
const Q_ITEM1 = [sentenceOf('form:collectiveList.items.content.prompt', { step: 2, n: 1 }), templateOf('form:collectiveList.items.content.firstHint')].join(
  '\n',
);
const Q_ITEM2 = sentenceOf('form:collectiveList.items.content.prompt', { step: 2, n: 2 });
const Q_TYPE2 = sentenceOf('form:collectiveList.items.type.prompt', { n: 2 });
const FORM = '承诺事项';
/** The first line of the group's 进度. */
const HEADER = sentenceOf('progressHeader', { unit: UNIT });
/** 修改 2: the item named, its answer shown, its question asked. */
const EDITING_2 = [
  sentenceOf('editing', { label: sentenceOf('form:collectiveList.items.itemLabel', { n: 2 }) }),
  sentenceOf('current', { value: ITEMS[1]! }),
  Q_ITEM2,
].join('\n');

/** Whether the reply opens with the sentence; a sentence of one line is the reply's first line. */
const firstLine = (reply: string | undefined) => reply?.split('\n')[0];

describe('an unbound group', () => {
  it('is asked for its collective’s name, then gets the greeting and the form', async () => {
    const g = new Group();
    expect(await g.say('填报')).toBe(campaign.registration.prompt);
    expect(g.store.rooms.get('room-1')?.state).toMatchObject({ value: { unbound: 'registering' } });
    expect(await g.say('广州')).toBe(sentenceOf('errorTooShort', { label: campaign.registration.label, min: 4, count: 2 }));
    expect(g.store.units).toHaveLength(0);

    const reply = await g.say(` ${UNIT} `);
    expect(reply).toBe(
      [
        sentenceOf('unitRegistered', { unit: UNIT }),
        sentenceOf('greeting', {
          campaign: campaign.title,
          form: templateOf('form:collectiveList.title'),
          unit: UNIT,
          requirements: templateOf('form:collectiveList.requirements'),
          deadline: '9月30日（周四）23:59',
          timeLeft: '还剩10天13小时',
        }),
        Q_COMMITMENT,
      ].join('\n'),
    );
    expect(g.store.units).toMatchObject([{ name: UNIT }]);
    expect(g.store.unitOf('room-1')).toBe(g.unit!.id);
    expect(g.session).toMatchObject({ formId: 'collectiveList', unitId: g.unit!.id, ownerId: 'u1' });
  });

  it('answers 进度 with “not registered yet”, before and during registration', async () => {
    const g = new Group();
    expect(await g.say('进度')).toBe(campaign.messages.progressUnbound);
    await g.say('填报');
    expect(await g.say('进度')).toBe(`${campaign.messages.progressUnbound}\n${campaign.registration.prompt}`);
    expect(await g.say('进度', 'u2')).toBe(`${campaign.messages.progressUnbound}\n${campaign.registration.prompt}`);
  });

  it('stays silent on chatter and answers when spoken to', async () => {
    const g = new Group();
    expect(await g.say('今天几点开会？')).toBe('');
    expect(await g.say('你好', 'u1', { mentioned: true })).toBe(sentenceOf('mentionIdle', { bot: campaign.botName }));
    expect(await g.say('帮助')).toBe(campaign.messages.helpIdle);
  });
});

describe('a whole submission', () => {
  it('saves every accepted answer at once and stores the confirmed form as submitted with history', async () => {
    const g = new Group();
    g.store.addUnit('room-1', UNIT);
    await g.say('填报');
    await g.say(COMMITMENT);
    expect(g.saved).toMatchObject({ status: 'draft', answers: { commitment: COMMITMENT } });
    await g.say(ITEMS[0]!);
    expect(g.saved!.answers.items).toEqual([{ content: ITEMS[0] }]);
    await g.say('暖心服务');
    expect(g.saved!.answers.items).toEqual([{ content: ITEMS[0], type: '提供暖心服务' }]);
    await g.sayAll([ITEMS[1]!, '1', ITEMS[2]!, '3']);
    expect(firstLine(await g.say('完成'))).toBe(firstLine(campaign.messages.reviewAtMin));
    expect(g.store.history).toHaveLength(0);

    expect(await g.say('确认')).toBe(sentenceOf('submitted', { time: '9月20日 10:30' }));
    const answers = {
      commitment: COMMITMENT,
      items: [
        { content: ITEMS[0], type: '提供暖心服务' },
        { content: ITEMS[1], type: '优化办事流程' },
        { content: ITEMS[2], type: '提高服务质量' },
      ],
    };
    expect(g.saved).toEqual({
      unitId: g.unit!.id,
      formId: 'collectiveList',
      status: 'submitted',
      answers,
      version: 1,
      submittedAt: BEFORE,
      late: false,
      // handed in, it waits for its city's or industry's review
      review: { status: 'pending', note: null, at: null, by: null },
    });
    expect(g.store.history).toEqual([{ unitId: g.unit!.id, formId: 'collectiveList', version: 1, answers, late: false }]);
    expect(g.session).toBeUndefined();

    expect(await g.say('进度')).toBe(`${HEADER}\n${sentenceOf('progressSubmitted', { form: FORM, count: 3, time: '9月20日 10:30' })}`);
    expect(await g.say('填报')).toBe(sentenceOf('alreadySubmitted', { unit: UNIT, form: FORM, time: '9月20日 10:30', version: 1 }));
  });

  it('after the deadline: the late greeting, the late sentence, and marked late', async () => {
    const g = new Group(new FlakyStore(), LATE);
    g.store.addUnit('room-1', UNIT);
    expect(await g.say('填报')).toSay('greetingLate', { deadline: '9月30日（周四）23:59', timeLeft: '已过截止时间30分钟' });
    await g.sayAll([COMMITMENT, ITEMS[0]!, '4', ITEMS[1]!, '1', ITEMS[2]!, '3', '完成']);
    expect(await g.say('确认')).toBe(sentenceOf('submittedLate', { time: '10月1日 00:29' }));
    expect(g.saved).toMatchObject({ status: 'submitted', late: true });
    expect(g.store.history[0]!.late).toBe(true);
    expect(await g.say('进度')).toBe(`${HEADER}\n${sentenceOf('progressSubmittedLate', { form: FORM, count: 3, time: '10月1日 00:29' })}`);
  });

  it('a draft confirmed one minute before the deadline is on time', async () => {
    const g = await atReview();
    g.now = new Date('2021-09-30T03:59:00Z');
    expect(await g.say('确认')).toBe(sentenceOf('submitted', { time: '9月30日 11:59' }));
    expect(g.saved!.late).toBe(false);
  });
});

describe('who may speak', () => {
  it('never takes another member as answering, @ or not; tells one who speaks to the bot once; 进度 and 帮助 are open to all', async () => {
    const g = new Group();
    g.store.addUnit('room-1', UNIT);
    await g.sayAll(['填报', COMMITMENT]);
    const writes = g.store.writes.length;

    expect(await g.say(ITEMS[0]!, 'u2')).toBe('');
    expect(await g.say('确认', 'u2')).toBe('');
    expect(await g.say('填报', 'u2')).toBe('');
    expect(g.store.writes).toHaveLength(writes);
    expect(g.saved!.answers).toEqual({ commitment: COMMITMENT });

    expect((await g.say('帮助', 'u2')).startsWith(campaign.messages.helpForm)).toBe(true);
    const progress = await g.say('进度', 'u2');
    expect(firstLine(progress)).toBe(HEADER);
    expect(progress).toSay('progressDraft', { form: FORM, done: sentenceOf('progressDoneText', { label: '服务承诺' }) });
    // Speaking to the bot, another member is told once who is filling; the answer is not taken.
    expect(await g.say(ITEMS[0]!, 'u2', { mentioned: true })).toBe(sentenceOf('bystander', { owner: '李华', form: FORM }));
    expect(await g.say(ITEMS[1]!, 'u2', { mentioned: true })).toBe('');
    expect(await g.say('填报', 'u2', { mentioned: true })).toBe('');
    expect(g.saved!.answers).toEqual({ commitment: COMMITMENT });
    expect(g.session!.ownerId).toBe('u1');
    // Two members answering the same question at once: the owner's answer counts.
    expect(firstLine(await g.say(ITEMS[2]!, 'u1'))).toBe(sentenceOf('form:collectiveList.items.type.prompt', { n: 1 }));
    expect(firstLine(await g.say('4'))).toBe(sentenceOf('form:collectiveList.items.saved', { n: 1, type: '提供暖心服务' }));
    expect(g.saved!.answers.items).toEqual([{ content: ITEMS[2], type: '提供暖心服务' }]);
  });

  it('接管 makes the speaker the owner', async () => {
    const g = new Group();
    g.store.addUnit('room-1', UNIT);
    await g.sayAll(['填报', COMMITMENT]);
    expect(await g.say('接管', 'u2')).toBe(`${sentenceOf('takenOver', { name: '王强' })}\n${Q_ITEM1}`);
    expect(g.session).toMatchObject({ ownerId: 'u2', ownerName: '王强' });
    expect(await g.say(ITEMS[0]!, 'u1')).toBe('');
    expect(firstLine(await g.say(ITEMS[0]!, 'u2'))).toBe(sentenceOf('form:collectiveList.items.type.prompt', { n: 1 }));
    expect(g.session!.ownerId).toBe('u2');
    expect(firstLine(await g.say('接管', 'u2'))).toBe(sentenceOf('form:collectiveList.items.type.prompt', { n: 1 })); // already the owner
  });
});

describe('messages delivered twice, non-text messages', () => {
  it('the same message id twice has one effect', async () => {
    const g = new Group();
    g.store.addUnit('room-1', UNIT);
    await g.sayAll(['填报', COMMITMENT, ITEMS[0]!, '4']);
    const message = g.message(ITEMS[1]!);
    expect(await g.conv.handle(message)).toHaveLength(1);
    const commits = g.store.writes.length;
    const session = structuredClone(g.session);
    expect(await g.conv.handle({ ...message })).toEqual([]);
    expect(g.store.writes).toHaveLength(commits);
    expect(g.session).toEqual(session);
    expect(g.saved!.answers.items).toHaveLength(2);

    const confirm = g.message('确认');
    await g.sayAll(['1', ITEMS[2]!, '3', '完成']);
    await g.conv.handle(confirm);
    await g.conv.handle(confirm);
    expect(g.store.history).toHaveLength(1);
  });

  it.each(['image', 'file'] as const)('a %s during the form gets the request for text and the question', async (kind) => {
    const g = new Group();
    g.store.addUnit('room-1', UNIT);
    await g.sayAll(['填报', COMMITMENT]);
    const before = structuredClone(g.saved);
    expect(await g.say('', 'u1', { kind })).toBe(`${campaign.messages.nonText}\n${Q_ITEM1}`);
    expect(g.saved).toEqual(before);
    expect(await g.say('', 'u2', { kind })).toBe(''); // not the owner
  });

  it.each([
    ['voice', campaign.messages.nonTextVoice],
    ['sticker', campaign.messages.nonTextSticker],
  ] as const)('a %s during the form gets one line and keeps the form where it was', async (kind, line) => {
    const g = new Group();
    g.store.addUnit('room-1', UNIT);
    await g.sayAll(['填报', COMMITMENT]);
    const before = structuredClone(g.saved);
    expect(await g.say('', 'u1', { kind })).toBe(line);
    expect(g.saved).toEqual(before);
    expect(await g.say('', 'u2', { kind })).toBe(''); // not the owner
    expect(await g.say(ITEMS[0]!)).toSay('form:collectiveList.items.type.prompt', { n: 1 });
  });

  it('a picture is ignored when no form is open', async () => {
    const g = new Group();
    expect(await g.say('', 'u1', { kind: 'image' })).toBe('');
    g.store.addUnit('room-1', UNIT);
    expect(await g.say('', 'u1', { kind: 'sticker' })).toBe('');
    expect(g.store.writes).toHaveLength(0);
  });
});

describe('取消 and coming back', () => {
  it('取消 keeps the draft; 填报 resumes at the same question', async () => {
    const g = new Group();
    g.store.addUnit('room-1', UNIT);
    await g.sayAll(['填报', COMMITMENT, ITEMS[0]!, '4', ITEMS[1]!]);
    expect(await g.say('取消')).toBe(campaign.messages.cancelled);
    expect(g.session).toBeUndefined();
    expect(await g.say('4')).toBe('');
    const reply = await g.say('填报');
    expect(reply).toSay('resumed', { unit: UNIT, form: FORM });
    expect(reply.endsWith(`${Q_TYPE2}\n1 优化办事流程　2 规范审批行为　3 提高服务质量\n4 提供暖心服务　5 解决民生困难　6 其他`)).toBe(true);
    expect(firstLine(await g.say('2'))).toBe(sentenceOf('form:collectiveList.items.saved', { n: 2, type: '规范审批行为' }));
  });
});

describe('修改 after submitting', () => {
  it('reopens, keeps version 1 in history, and confirming again gives version 2', async () => {
    const g = await atReview();
    await g.say('确认');
    const v1 = structuredClone(g.saved!.answers);

    const reopened = await g.say('修改');
    expect(reopened.startsWith(`${sentenceOf('reopened', { form: FORM })}\n${firstLine(campaign.messages.reviewAtMin)}\n`)).toBe(true);
    expect(g.saved!.status).toBe('reopened');
    expect(await g.say('进度', 'u2')).toSay('progressReopened', { form: FORM, version: 1 });

    expect(await g.say('修改 2')).toBe(EDITING_2);
    await g.sayAll([ITEMS[4]!, '5']);
    g.now = new Date('2021-09-21T01:00:00Z');
    expect(await g.say('确认')).toBe(sentenceOf('submitted', { time: '9月21日 09:00' }));

    expect(g.saved).toMatchObject({ status: 'submitted', version: 2, submittedAt: g.now });
    expect(g.store.history.map((h) => h.version)).toEqual([1, 2]);
    expect(g.store.history[0]!.answers).toEqual(v1);
    expect((g.store.history[1]!.answers as typeof v1).items).toEqual([v1.items![0], { content: ITEMS[4], type: '解决民生困难' }, v1.items![2]]);
  });

  it('“修改 2” straight after submitting goes to item 2', async () => {
    const g = await atReview();
    await g.say('确认');
    expect(await g.say('修改 2')).toBe(`${sentenceOf('reopened', { form: FORM })}\n${EDITING_2}`);
  });

  it('修改 with nothing submitted says so', async () => {
    const g = new Group();
    g.store.addUnit('room-1', UNIT);
    expect(await g.say('修改')).toBe(sentenceOf('nothingToReopen', { form: FORM }));
  });
});

describe('restarts and stored state', () => {
  it('a restart in the middle continues at the same question with every answer', async () => {
    const g = new Group();
    g.store.addUnit('room-1', UNIT);
    await g.sayAll(['填报', COMMITMENT, ITEMS[0]!, '4', ITEMS[1]!]);
    g.restart();
    expect(await g.say('进度')).toMatch(new RegExp(`${Q_TYPE2}\\n`));
    expect(await g.say('1')).toBe(
      `${sentenceOf('form:collectiveList.items.saved', { n: 2, type: '优化办事流程' })}\n${sentenceOf('form:collectiveList.items.content.prompt', { step: 2, n: 3 })}`,
    );
    g.restart();
    await g.sayAll([ITEMS[2]!, '3', '完成']);
    g.restart();
    await g.say('确认');
    expect(g.saved).toMatchObject({
      status: 'submitted',
      answers: { commitment: COMMITMENT, items: [{ type: '提供暖心服务' }, { type: '优化办事流程' }, { type: '提高服务质量' }] },
    });
  });

  it('a session stored by another machine version resumes from the draft with the update sentence', async () => {
    const g = new Group();
    g.store.addUnit('room-1', UNIT);
    await g.sayAll(['填报', COMMITMENT, ITEMS[0]!, '4', ITEMS[1]!]);
    const answers = structuredClone(g.saved!.answers);
    g.store.rooms.get('room-1')!.version = '0.000000000000';
    g.restart();

    const reply = await g.say('2');
    expect(firstLine(reply)).toBe(campaign.messages.resumedAfterUpdate);
    expect(reply).toContain(Q_TYPE2);
    expect(g.saved!.answers).toEqual(answers);
    expect(g.store.rooms.get('room-1')!.version).not.toBe('0.000000000000');
    expect(firstLine(await g.say('2'))).toBe(sentenceOf('form:collectiveList.items.saved', { n: 2, type: '规范审批行为' }));
  });

  it('a campaign file changed under a running conversation loses no answer', async () => {
    const g = new Group();
    g.store.addUnit('room-1', UNIT);
    await g.sayAll(['填报', COMMITMENT, ITEMS[0]!, '4']);
    const raw = structuredClone(campaign) as Record<string, any>;
    raw.forms[0].fields[0].maxChars = 60;
    g.restart(parseCampaign(raw, 'changed'));
    expect(await g.say(ITEMS[1]!)).toBe(`${campaign.messages.resumedAfterUpdate}\n${Q_ITEM2}`);
    expect(g.saved!.answers).toEqual({ commitment: COMMITMENT, items: [{ content: ITEMS[0], type: '提供暖心服务' }] });
    expect(firstLine(await g.say(ITEMS[1]!))).toBe(Q_TYPE2);
  });

  it('an unreadable snapshot is resumed from the draft too', async () => {
    const g = new Group();
    g.store.addUnit('room-1', UNIT);
    await g.sayAll(['填报', COMMITMENT]);
    g.store.rooms.get('room-1')!.state = { value: 'f_nowhere', context: 'garbage' };
    g.restart();
    expect(await g.say(ITEMS[0]!)).toBe(`${campaign.messages.resumedAfterUpdate}\n${Q_ITEM1}`);
    expect(g.saved!.answers).toEqual({ commitment: COMMITMENT });
  });
});

describe('a store that fails', () => {
  /** Everything the memory store holds, as JSON. */
  const contents = (store: MemoryStore) =>
    JSON.stringify({
      units: store.units,
      rooms: [...store.rooms],
      submissions: [...store.submissions],
      history: store.history,
      processed: [...store.processed],
    });

  it('makes handle reject and changes nothing; the same message later succeeds', async () => {
    const g = new Group();
    g.store.addUnit('room-1', UNIT);
    await g.sayAll(['填报', COMMITMENT]);
    const before = contents(g.store);
    g.store.failing = true;
    const message = g.message(ITEMS[0]!);
    await expect(g.conv.handle(message)).rejects.toThrow('database is locked');
    expect(contents(g.store)).toBe(before);
    expect(g.conv.internalError).toBe(campaign.messages.internalError);

    g.store.failing = false;
    expect(await g.conv.handle(message)).toEqual([expect.toSay('form:collectiveList.items.type.prompt', { n: 1 })]);
    expect(g.saved!.answers.items).toEqual([{ content: ITEMS[0] }]);
  });

  it('a failed 确认 leaves the form unsubmitted and the session open', async () => {
    const g = await atReview();
    const before = contents(g.store);
    g.store.failing = true;
    await expect(g.conv.handle(g.message('确认'))).rejects.toThrow();
    expect(contents(g.store)).toBe(before);
    expect(g.store.history).toHaveLength(0);
    expect(g.saved!.status).toBe('draft');
    g.store.failing = false;
    expect(await g.say('确认')).toSay('submitted');
  });

  it('a failed registration can be sent again and binds the group once', async () => {
    const g = new Group();
    await g.say('填报');
    g.store.failing = true;
    const message = g.message(UNIT);
    await expect(g.conv.handle(message)).rejects.toThrow();
    g.store.failing = false;
    const [reply] = await g.conv.handle(message);
    expect(firstLine(reply)).toBe(sentenceOf('unitRegistered', { unit: UNIT }));
    expect(reply!.endsWith(Q_COMMITMENT)).toBe(true);
    expect(g.store.units).toHaveLength(1);
    expect(g.session?.formId).toBe('collectiveList');
  });
});

describe('groups are separate', () => {
  it('two groups fill their forms independently over one store', async () => {
    const store = new FlakyStore();
    const a = new Group(store, BEFORE, campaign, 'room-a');
    const b = new Group(store, BEFORE, campaign, 'room-b');
    store.addUnit('room-a', 'A青年文明号');
    store.addUnit('room-b', 'B青年文明号');
    await a.say('填报');
    await b.say('填报');
    await a.say(COMMITMENT);
    expect(firstLine(await b.say('热情服务，真诚奉献'))).toBe(sentenceOf('form:collectiveList.commitment.saved', { chars: 9 }));
    expect(store.submissions.get('1:collectiveList')!.answers).toEqual({ commitment: COMMITMENT });
    expect(store.submissions.get('2:collectiveList')!.answers).toEqual({ commitment: '热情服务，真诚奉献' });
  });
});
