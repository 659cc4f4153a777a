// 指南 in a group, without WeChat: the 填报指南 as a message of its own wherever the group stands, then the
// question it stands at, with nothing of the form lost or changed.
import { describe, expect, it } from 'vitest';
import { guideMessages, guideText } from '../../src/campaign/guide.js';
import { parseInput } from '../../src/conversation/commands.js';
import { GroupConversations, type IncomingMessage } from '../../src/conversation/session.js';
import { messagesIn } from '../support/group-message.js';
import { MemoryStore } from '../support/memory-store.js';
import '../support/says.js';
import { campaign, COMMITMENT, form, ITEMS } from './harness.js';

const NOW = new Date('2021-09-20T02:30:00Z');
const GUIDE = guideText(campaign);

function group(store = new MemoryStore()) {
  const conv = new GroupConversations({ campaign, store, now: () => NOW });
  const message = messagesIn({ topic: '地铁一中心群' });
  const say = (text: string, who = 'u1', extra: Partial<IncomingMessage> = {}) => conv.handle(message(text, who, extra));
  return { store, say };
}

describe('指南 as a command word', () => {
  it.each(['指南', '填报指南', '填报 指南', '使用指南', '指南。', '/指南'])('%s is the guide', (text) => {
    expect(parseInput(text, campaign.commands, form, ['附件2', '附件1'])).toEqual({ type: 'cmd.guide' });
  });

  it('a sentence that mentions it is an answer', () => {
    expect(parseInput('按照填报指南推出便民服务', campaign.commands, form)).toMatchObject({ type: 'user.text' });
  });
});

describe('指南 in a group', () => {
  it('is the guide alone where nothing is asked, with or without an @', async () => {
    const { say } = group();
    expect(await say('指南')).toEqual([GUIDE]);
    expect(await say('填报指南', 'u1', { mentioned: true })).toEqual([GUIDE]);
    expect(guideMessages(campaign)).toEqual([GUIDE]);
  });

  it('in the middle of a form: the guide, then the same question; the form goes on where it was', async () => {
    const { store, say } = group();
    const unit = store.addUnit('room-1', '广州地铁运营一中心青年文明号', { categories: ['other'] });
    await say('填报');
    await say(COMMITMENT);
    const question = (await say(ITEMS[0]!)).join('\n');
    expect(question).toSay('form:collectiveList.items.type.prompt', { n: 1 });

    const replies = await say('指南');
    expect(replies).toEqual([GUIDE, question]);
    // The type is still what is asked: 4 answers it.
    expect((await say('4')).join('\n')).toSay('form:collectiveList.items.saved', { n: 1, type: '提供暖心服务' });
    expect(store.submissions.get(`${unit.id}:collectiveList`)?.answers).toEqual({
      commitment: COMMITMENT,
      items: [{ content: ITEMS[0], type: '提供暖心服务' }],
    });
  });

  it('another member may ask for it while one fills the form; the owner keeps the form', async () => {
    const { store, say } = group();
    store.addUnit('room-1', '广州地铁运营一中心青年文明号', { categories: ['other'] });
    const greeting = (await say('填报')).join('\n');
    const [guide, question] = await say('指南', 'u2', { mentioned: true });
    expect(guide).toBe(GUIDE);
    expect(greeting.endsWith(question!)).toBe(true);
    // 王强's next words are still not an answer; 李华's are.
    expect(await say(COMMITMENT, 'u2')).toEqual([]);
    expect((await say(COMMITMENT)).join('\n')).toSay('form:collectiveList.commitment.saved');
  });

  it('at the review, the guide, then the review again', async () => {
    const { store, say } = group();
    store.addUnit('room-1', '广州地铁运营一中心青年文明号', { categories: ['other'] });
    await say('填报');
    await say(
      `服务承诺：${COMMITMENT}\n${ITEMS.slice(0, 3)
        .map((item, i) => `${i + 1}. ${item}（其他）`)
        .join('\n')}`,
    );
    const review = (await say('确认')).join('\n');
    expect(review).toSay('reviewAtMin');
    const [guide, again] = await say('指南');
    expect(guide).toBe(GUIDE);
    expect(review.endsWith(again!)).toBe(true);
    expect((await say('确认')).join('\n')).toSay('submitted');
  });

  it('in a group asked for its collective’s name (no roster), and while choosing a form', async () => {
    const { say } = group();
    expect(await say('填报')).toEqual([campaign.registration.prompt]);
    expect(await say('指南')).toEqual([GUIDE, campaign.registration.prompt]);

    const other = group();
    other.store.addUnit('room-1', '广州地铁集团团委', { kind: 'industryOrg', industry: '广州地铁集团' });
    const list = (await other.say('填报')).join('\n');
    expect(list).toSay('chooseForm');
    expect(await other.say('指南')).toEqual([GUIDE]);
    expect((await other.say('1')).join('\n')).toContain('附件1');
  });
});
