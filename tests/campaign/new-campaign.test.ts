// A new year's campaign is a new data file: an invented 2022 campaign with another form, other fields,
// another choice set and another deadline loads and runs through the same engine, with no code changed.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCampaign } from '../../src/files/campaign.js';
import { GroupConversations } from '../../src/conversation/session.js';
import { MemoryStore } from '../support/memory-store.js';

const campaign = loadCampaign(fileURLToPath(new URL('../fixtures/campaign-2022', import.meta.url)));

describe('an invented 2022 campaign', () => {
  it('runs its own form from 填报 to 确认', async () => {
    const store = new MemoryStore();
    const unit = store.addUnit('room-1', '深圳市福田区政务服务中心青年文明号');
    const conv = new GroupConversations({ campaign, store, now: () => new Date('2022-03-01T02:00:00Z') });
    let n = 0;
    const say = async (text: string) =>
      (await conv.handle({ id: `m${++n}`, roomId: 'room-1', roomTopic: null, senderId: 'u1', senderName: '李华', kind: 'text', text, mentioned: false })).join(
        '\n',
      );

    const greeting = await say('填报');
    expect(greeting).toContain('2022年广东青年志愿服务月（虚构）填报（志愿服务项目登记表（虚构））');
    expect(greeting).toContain('截止时间：3月31日（周四）18:00');
    expect(greeting).toContain('第1步：请发送志愿服务项目的名称（20字以内）');
    expect(await say('长者智能手机课堂与数字生活陪伴及健康码使用指导计划')).toContain('项目名称最多20字（按Word字数统计），您输入了25字');
    expect(await say('长者智能手机课堂')).toContain('第2步：请发送项目负责人的姓名');
    expect(await say('陈小明')).toContain('第3步：请发送第1个活动的内容（60字以内）');
    expect(await say('每周六在社区教老人使用健康码和网上挂号')).toContain('1 老年人　2 青少年　3 残障人士');
    expect(await say('长者')).toContain('✅ 第1个活动已保存（老年人）');
    await say('暑假为社区学生开设防诈骗讲座');
    expect(await say('2')).toContain('已满足至少2项的要求');
    const review = await say('完成');
    expect(review).toContain('【项目名称】长者智能手机课堂');
    expect(review).toContain('2. 暑假为社区学生开设防诈骗讲座（青少年）');
    expect(await say('确认')).toContain('🎉 已提交（3月1日 10:00）');
    expect(store.submissions.get(`${unit.id}:volunteerProject`)).toMatchObject({ status: 'submitted', version: 1 });
  });
});
