// Several items pasted in one message, through the group session: shown back, saved on 确认, the
// missing types asked one by one, the invalid entries explained and nothing already accepted lost.
import { describe, expect, it } from 'vitest';
import { GroupConversations } from '../../src/conversation/session.js';
import { messagesIn } from '../support/group-message.js';
import { MemoryStore } from '../support/memory-store.js';
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
    expect(shown).toContain('我从您发送的内容中读到：');
    expect(shown).toContain(`【服务承诺】${COMMITMENT}`);
    expect(shown).toContain('1. 在早晚高峰增设志愿引导岗，为老年乘客提供进出站全程陪同服务（提供暖心服务）');
    expect(shown).toContain('2. 推出地铁失物招领线上查询服务，方便乘客快速找回遗失物品（服务类型待选）');
    expect(shown).toContain('回复“确认”保存以上内容');
    // Nothing is saved before 确认.
    expect(g.draft()?.items ?? []).toHaveLength(0);
    expect(await g.say('随便说一句')).toContain('请回复“确认”保存以上内容，或回复“取消”放弃');
    const saved = await g.say('确认');
    expect(saved).toContain('✅ 已保存您粘贴的内容');
    expect(saved).toContain('请选择第2项的服务类型');
    expect(g.draft()?.commitment).toBe(COMMITMENT);
    expect(g.draft()?.items).toHaveLength(3);
    const review = await g.say('1');
    expect(review).toContain('✅ 第2项已保存（优化办事流程）');
    expect(review).toContain('已满足至少3项的要求');
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
    expect(shown).toContain('以下内容没有保存：');
    expect(shown).toContain('第2行：服务事项需要用文字写明');
    expect(shown).toContain('第3行：服务事项最多100字（按Word字数统计），您输入了120字');
    expect(shown).toContain('第4行：“第九类”不是可选的服务类型');
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
    expect(dropped).toContain('已放弃粘贴的内容');
    expect(dropped).toContain('请发送第1项服务事项');
    expect(g.draft()?.commitment).toBe(COMMITMENT);
    expect(g.draft()?.items ?? []).toHaveLength(0);
  });

  it('explains a paste with nothing to save and asks the same question again', async () => {
    const g = group();
    await g.say('填报');
    await g.say(COMMITMENT);
    const reply = await g.say(['1. 😀', '2. ！！！', '3. 👍👍'].join('\n'));
    expect(reply).toContain('您发送的内容中没有可以保存的服务事项');
    expect(reply).toContain('请发送第1项服务事项');
  });
});
