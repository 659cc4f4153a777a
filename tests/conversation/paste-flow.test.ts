// Several items pasted in one message, through the group session: shown back, saved on 确认, the
// missing types asked one by one, the invalid entries explained and nothing already accepted lost.
import { describe, expect, it } from 'vitest';
import { GroupConversations } from '../../src/conversation/session.js';
import { messagesIn } from '../support/group-message.js';
import { MemoryStore } from '../support/memory-store.js';
import { patternOf, sentenceOf } from '../support/says.js';
import { campaign, COMMITMENT, NOW } from './harness.js';

function group() {
  const store = new MemoryStore();
  const unit = store.addUnit('room-1', '广州地铁运营一中心青年文明号');
  const conv = new GroupConversations({ campaign, store, now: () => NOW });
  const message = messagesIn({ topic: '一中心群' });
  const say = async (text: string) => (await conv.handle(message(text))).join('\n');
  const draft = () => store.submissions.get(`${unit.id}:collectiveList`)?.answers as { commitment?: string; items?: { content: string; type?: string }[] };
  return { say, draft };
}

const PASTE = [
  '服务承诺：热情周到，便民利民，让每一位乘客安心出行',
  '1. 在早晚高峰增设志愿引导岗，为老年乘客提供进出站全程陪同服务（提供暖心服务）',
  '2. 推出地铁失物招领线上查询服务，方便乘客快速找回遗失物品',
  '3. 组织青年员工走进沿线中小学开展安全乘车宣传课——提高服务质量',
].join('\n');

describe('pasting the form at once', () => {
  it('shows what it read, saves it on 确认, then asks only for the missing type', async () => {
    const g = group();
    await g.say('填报');
    const shown = await g.say(PASTE);
    expect(shown).toSay('pasteHeading');
    expect(shown).toSay('summaryText', { label: '服务承诺', value: COMMITMENT });
    expect(shown).toSay('pasteEntry', { n: 1, content: '在早晚高峰增设志愿引导岗，为老年乘客提供进出站全程陪同服务', type: '提供暖心服务' });
    expect(shown).toSay('pasteEntryNoType', { n: 2, content: '推出地铁失物招领线上查询服务，方便乘客快速找回遗失物品' });
    expect(shown).toSay('pasteConfirm');
    // Nothing is saved before 确认.
    expect(g.draft()?.items ?? []).toHaveLength(0);
    expect(await g.say('随便说一句')).toSay('pasteHint');
    const saved = await g.say('确认');
    expect(saved).toSay('pasteApplied');
    expect(saved).toSay('form:collectiveList.items.type.prompt', { n: 2 });
    expect(g.draft()?.commitment).toBe(COMMITMENT);
    expect(g.draft()?.items).toHaveLength(3);
    const review = await g.say('1');
    expect(review).toSay('form:collectiveList.items.saved', { n: 2, type: '优化办事流程' });
    expect(review).toSay('continuePrompt', { min: 3, count: 3 });
  });

  it('keeps the valid entries and explains the invalid ones by line', async () => {
    const g = group();
    await g.say('填报');
    await g.say(COMMITMENT);
    const shown = await g.say(
      [
        '1. 在车站设置便民服务箱，提供雨伞、充电宝等应急物品借用（暖心服务）',
        '2. 😀😀😀',
        `3. ${'长'.repeat(120)}`,
        '4. 开通乘车码一键退款功能，缩短退款办理时间；类型：第九类',
      ].join('\n'),
    );
    expect(shown).toSay('pasteProblemsHeading');
    expect(shown).toSay('pasteProblemLine', { line: 2, problem: sentenceOf('errorNoWords', { label: '服务事项' }) });
    expect(shown).toSay('pasteProblemLine', { line: 3, problem: sentenceOf('errorTooLong', { label: '服务事项', max: 100, count: 120, over: 20 }) });
    expect(shown).toSay('pasteProblemLine', { line: 4, problem: patternOf('errorChoice', { input: '第九类', label: '服务类型' }) });
    await g.say('确认');
    expect(g.draft()?.items?.map((item) => item.content)).toEqual([
      '在车站设置便民服务箱，提供雨伞、充电宝等应急物品借用',
      '开通乘车码一键退款功能，缩短退款办理时间',
    ]);
  });

  it('drops the paste on 取消 and keeps what was accepted before', async () => {
    const g = group();
    await g.say('填报');
    await g.say(COMMITMENT);
    await g.say(PASTE);
    const dropped = await g.say('取消');
    expect(dropped).toSay('pasteDropped');
    expect(dropped).toSay('form:collectiveList.items.content.prompt', { n: 1 });
    expect(g.draft()?.commitment).toBe(COMMITMENT);
    expect(g.draft()?.items ?? []).toHaveLength(0);
  });

  it('explains a paste with nothing to save and asks the same question again', async () => {
    const g = group();
    await g.say('填报');
    await g.say(COMMITMENT);
    const reply = await g.say(['1. 😀', '2. ！！！', '3. 👍👍'].join('\n'));
    expect(reply).toSay('pasteNothing');
    expect(reply).toSay('form:collectiveList.items.content.prompt', { n: 1 });
  });
});
