// Binding a group to its roster unit, through GroupConversations over the in-memory store.
import { describe, expect, it } from 'vitest';
import { GroupConversations, type IncomingMessage } from '../../src/conversation/session.js';
import { groupMessage } from '../support/group-message.js';
import { MemoryStore } from '../support/memory-store.js';
import type { GroupAlive } from '../../src/conversation/refind.js';
import { sentenceOf, templateOf } from '../support/says.js';
import { campaign, NOW } from './harness.js';

const METRO = '广州地铁运营一中心青年文明号';
/** Where the roster puts METRO, as the binding sentences name it. */
const METRO_WHERE = '广州市、城市轨道交通';
/** 附件2's first question, which a provincial model collective such as METRO is asked once bound. */
const FIRST_QUESTION = sentenceOf('form:modelCollective.commitment.prompt', { step: 1 });

function roster(): MemoryStore {
  const store = new MemoryStore();
  store.addRosterUnit(METRO, { city: '广州市', industry: '城市轨道交通', categories: ['provincialModel'] });
  store.addRosterUnit('广州地铁运营二中心青年文明号', { city: '广州市', industry: '城市轨道交通' });
  store.addRosterUnit('深圳市福田区政务服务中心青年文明号', { city: '深圳市', industry: '政务服务' });
  return store;
}

class Group {
  readonly notes: string[] = [];
  conv: GroupConversations;
  constructor(
    readonly store: MemoryStore,
    readonly roomId = 'room-1',
    readonly topic = '地铁一中心工作群',
    readonly members = ['李华', '王强'],
    /** which groups the bot is still in; by default the puppet cannot tell */
    readonly alive: GroupAlive = async () => undefined,
    readonly now = NOW,
  ) {
    this.conv = this.restart();
  }
  restart(): GroupConversations {
    this.conv = new GroupConversations({
      campaign,
      store: this.store,
      now: () => this.now,
      notifyAdmins: (text) => this.notes.push(text),
      groupAlive: this.alive,
    });
    return this.conv;
  }
  async say(text: string, who = 'u1', extra: Partial<IncomingMessage> = {}): Promise<string> {
    const replies = await this.conv.handle(
      groupMessage({ roomId: this.roomId, topic: this.topic }, text, who, { roomMembers: async () => this.members, ...extra }),
    );
    return replies.join('\n');
  }
}

describe('binding a group to its unit', () => {
  it('asks for 绑定 when the topic matches no roster name', async () => {
    const group = new Group(roster());
    expect(await group.say('填报')).toSay('bindAsk');
    expect(group.store.unitOf('room-1')).toBeNull();
  });

  it('offers the unit whose name is the topic, and binds on 确认, then opens the form', async () => {
    const group = new Group(roster(), 'room-1', METRO);
    const offer = await group.say('填报');
    expect(offer).toSay('bindOfferTopic', { unit: METRO, where: METRO_WHERE });
    const bound = await group.say('确认');
    expect(bound).toSay('bound', { unit: METRO, where: METRO_WHERE });
    expect(bound).toContain(FIRST_QUESTION);
    expect(group.store.unitOf('room-1')).toBe(1);
    expect(group.store.rooms.get('room-1')?.members).toEqual(['李华', '王强']);
  });

  it('opens the form named with 填报 once the offer is taken, after a restart too; 取消 forgets it', async () => {
    const group = new Group(roster(), 'room-1', METRO);
    expect(await group.say('填报 简报')).toSay('bindOfferTopic', { unit: METRO });
    group.restart();
    const bound = await group.say('确认');
    expect(bound).toSay('greeting', { form: templateOf('form:activityReport.title') });
    expect(bound).not.toContain('附件2');
    expect(group.store.rooms.get('room-1')?.state).toMatchObject({ context: { wanted: null } });

    const other = new Group(roster(), 'room-2', METRO);
    await other.say('填报 简报');
    await other.say('取消');
    await other.say('填报');
    expect(await other.say('确认')).toContain(FIRST_QUESTION);
  });

  it('binds at once on an exact 绑定 name, ignoring spaces and full-width characters', async () => {
    const group = new Group(roster());
    expect(await group.say('绑定 深圳市福田区政务服务中心 青年文明号')).toSay('bound', { unit: '深圳市福田区政务服务中心青年文明号' });
  });

  it('numbers the candidates of a loose name and binds the one chosen, even after a restart', async () => {
    const group = new Group(roster());
    const list = await group.say('绑定 地铁一中心');
    expect(list).toSay('bindCandidates', { query: '地铁一中心' });
    expect(list).toSay('bindCandidateLine', { n: 1, name: METRO, where: METRO_WHERE });
    group.restart();
    expect(await group.say('9')).toSay('bindChoose', { max: /\d+/ });
    expect(await group.say('今天开会吗', 'u2')).toBe('');
    expect(await group.say('1', 'u2')).toSay('bound', { unit: METRO });
  });

  it('says so when nothing is like the name', async () => {
    const group = new Group(roster());
    expect(await group.say('绑定 火星探测器')).toSay('bindNotFound', { query: '火星探测器' });
    expect(await group.say('绑定')).toSay('bindWhat');
  });

  it('refuses a unit already bound to another group, naming that group', async () => {
    const store = roster();
    const first = new Group(store, 'room-1', '一中心群');
    await first.say(`绑定 ${METRO}`);
    const second = new Group(store, 'room-2', '另一个群');
    expect(await second.say(`绑定 ${METRO}`)).toSay('bindTaken', { unit: METRO, topic: '一中心群' });
    expect(store.unitOf('room-2')).toBeNull();
  });

  it('answers 绑定 in a bound group with the unit it is bound to', async () => {
    const group = new Group(roster());
    await group.say(`绑定 ${METRO}`);
    expect(await group.say('绑定 深圳市福田区政务服务中心青年文明号')).toSay('alreadyBound', { unit: METRO });
  });

  it('withdraws an offer on 取消', async () => {
    const group = new Group(roster());
    await group.say('绑定 地铁');
    expect(await group.say('取消')).toSay('bindCancelled');
    expect(group.store.rooms.get('room-1')?.state).toMatchObject({ value: { unbound: 'idle' }, context: { candidates: [] } });
    expect(await group.say('1')).toBe('');
  });

  it('asks for the name when there is no roster at all', async () => {
    const group = new Group(new MemoryStore());
    expect(await group.say('填报')).toContain(campaign.registration.prompt);
  });
});

describe('a group that comes back under a new room id', () => {
  /** The puppet's answer after a re-login: the old id is gone, the new one is there. */
  const relogged: GroupAlive = async (roomId) => roomId !== 'old-id';

  it('keeps its binding and its open form when the old id is gone and most members match', async () => {
    const store = roster();
    const before = new Group(store, 'old-id', '一中心群', ['李华', '王强', '张敏']);
    await before.say(`绑定 ${METRO}`);
    await before.say('热情周到，便民利民，让每一位乘客安心出行');
    const after = new Group(store, 'new-id', '一中心群', ['李华', '王强', '张敏', '新同事'], relogged);
    expect(await after.say('进度')).toSay('progressDoneText', { label: '服务承诺' });
    expect(store.unitOf('new-id')).toBe(1);
    expect(store.rooms.has('old-id')).toBe(false);
    expect(store.rooms.get('new-id')?.formId).toBe('modelCollective');
  });

  it('never moves away from a group the bot is still in: a look-alike gets the binding offer, and the unit is taken', async () => {
    const store = roster();
    const b = new Group(store, 'group-b', METRO, ['服务月助手', '陈敏', '王强']);
    await b.say(`绑定 ${METRO}`);
    await b.say('热情周到，便民利民，让每一位乘客安心出行');
    // Same topic, every member of the old group: but the bot is still in group B.
    const lookAlike = new Group(store, 'group-x', METRO, ['服务月助手', '陈敏', '王强'], async () => true);
    expect(await lookAlike.say('进度')).toBe(campaign.messages.progressUnbound);
    expect(await lookAlike.say('填报')).toSay('bindOfferTopic', { unit: METRO });
    expect(await lookAlike.say('确认')).toSay('bindTaken', { unit: METRO, topic: METRO });
    expect(store.unitOf('group-b')).toBe(1);
    expect(store.unitOf('group-x')).toBeNull();
    expect(await b.say('进度')).toSay('progressDoneText', { label: '服务承诺' });
  });

  it('never counts the bot among the members, and needs most of the people', async () => {
    const store = roster();
    await new Group(store, 'old-id', '一中心群', ['服务月助手', '陈敏', '王强']).say(`绑定 ${METRO}`);
    // One of the two people, with the bot: half, not most.
    await new Group(store, 'new-id', '一中心群', ['服务月助手', '陈敏'], relogged).say('进度');
    expect(store.unitOf('old-id')).toBe(1);
    expect(store.unitOf('new-id')).toBeNull();
  });

  it('where the puppet keeps contact ids, goes by the ids, not the names', async () => {
    const store = roster();
    const ids = (list: string[]) => ({ roomMemberIds: async () => list });
    await new Group(store, 'old-id', '一中心群', ['李华', '王强', '张敏']).say(`绑定 ${METRO}`, 'u1', ids(['a', 'b', 'c']));
    // The same three names, but only one of the three people: not the same group.
    await new Group(store, 'new-id', '一中心群', ['李华', '王强', '张敏'], relogged).say('进度', 'u1', ids(['a', 'x', 'y']));
    expect(store.unitOf('new-id')).toBeNull();
    // Two of the three people, whatever their names now.
    await new Group(store, 'newer-id', '一中心群', ['李华', '小王'], async (roomId) => roomId !== 'old-id').say('进度', 'u1', ids(['a', 'b']));
    expect(store.unitOf('newer-id')).toBe(1);
    expect(store.rooms.get('newer-id')?.memberIds).toEqual(['a', 'b']);
  });

  it('without a way to ask the puppet, takes a group that spoke in the last days for alive', async () => {
    const store = roster();
    await new Group(store, 'old-id', '一中心群', ['李华', '王强']).say(`绑定 ${METRO}`);
    await new Group(store, 'new-id', '一中心群', ['李华', '王强'], undefined, new Date(NOW.getTime() + 2 * 86_400_000)).say('进度');
    expect(store.unitOf('old-id')).toBe(1);
    await new Group(store, 'newer-id', '一中心群', ['李华', '王强'], undefined, new Date(NOW.getTime() + 4 * 86_400_000)).say('进度');
    expect(store.unitOf('newer-id')).toBe(1);
  });

  it('does not move when the members are different people', async () => {
    const store = roster();
    await new Group(store, 'old-id', '一中心群', ['李华', '王强']).say(`绑定 ${METRO}`);
    const stranger = new Group(store, 'new-id', '一中心群', ['赵六', '钱七'], relogged);
    expect(await stranger.say('填报')).toSay('bindAsk');
    expect(store.unitOf('old-id')).toBe(1);
  });

  it('tells the admins when two bound groups fit equally well', async () => {
    const store = roster();
    // Two groups bound earlier that look alike: same topic, same members.
    for (const [roomId, unitId] of [
      ['a', 1],
      ['b', 2],
    ] as const)
      store.bind(roomId, unitId, '服务群', ['李华', '王强']);
    const again = new Group(store, 'c', '服务群', ['李华', '王强'], async (roomId) => roomId === 'c');
    await again.say('进度');
    expect(again.notes.join()).toSay('rebindAmbiguous', { topic: '服务群', count: 2 });
    expect(store.unitOf('c')).toBeNull();
  });
});
