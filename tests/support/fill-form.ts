// Fills 附件2 in a group the way a member would, from the commitment question to 确认.
import type { HasId } from './mock-wechat.js';
import type { TestApp } from './test-app.js';

/** Answers the commitment and each item (type 4, 提供暖心服务), then 完成 and 确认; returns the last reply. */
export async function fillServiceList(t: TestApp, member: string, room: HasId, commitment: string, items: readonly string[]): Promise<string> {
  await t.ask(member, room, commitment);
  for (const item of items) {
    await t.ask(member, room, item);
    await t.ask(member, room, '4');
  }
  await t.ask(member, room, '完成');
  return t.ask(member, room, '确认');
}

/** A metro collective's 附件2, as several tests hand it in. */
export const METRO_COMMITMENT = '热情周到，便民利民，让每一位乘客安心出行';
export const METRO_ITEMS = ['在早晚高峰增设志愿引导岗，提供进出站全程陪同服务', '推出地铁失物招领线上查询服务', '组织青年员工走进沿线中小学开展安全宣传'];
