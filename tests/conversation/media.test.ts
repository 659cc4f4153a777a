// Pictures and files for the activity brief, through the group session: checked before they are kept.
import { describe, expect, it } from 'vitest';
import { GroupConversations, type IncomingMessage } from '../../src/conversation/session.js';
import { MemoryStore } from '../support/memory-store.js';
import { campaign, NOW } from './harness.js';

function cityGroup() {
  const store = new MemoryStore();
  store.addUnit('room-1', '共青团广州市委员会', { kind: 'cityOrg', city: '广州市' });
  const conv = new GroupConversations({ campaign, store, now: () => NOW });
  let n = 0;
  const send = async (extra: Partial<IncomingMessage>) =>
    (
      await conv.handle({ id: `m${++n}`, roomId: 'room-1', roomTopic: null, senderId: 'u1', senderName: '林晓', kind: 'text', text: '', mentioned: false, ...extra })
    ).join('\n');
  const file = (name: string, mime: string, size: number) =>
    send({ kind: mime.startsWith('image/') ? 'image' : 'file', file: async () => ({ name, mime, data: Buffer.alloc(size) }) });
  return { store, say: (text: string) => send({ text }), file };
}

async function atFiles(g: ReturnType<typeof cityGroup>) {
  await g.say('填报');
  await g.say('10月全市青年文明号集体开展开放日、岗位体验和志愿服务活动共120场。');
  await g.say('https://mp.weixin.qq.com/s/abc');
  return g.say('完成');
}

describe('files for the activity brief', () => {
  it('refuses a file over the limit, naming its size, and keeps nothing', async () => {
    const g = cityGroup();
    expect(await atFiles(g)).toContain('请直接在群里发送第1张活动图片或简报文件');
    const reply = await g.file('全程录像.mp4', 'video/mp4', 21 * 1024 * 1024);
    expect(reply).toContain('“全程录像.mp4”有21MB，活动图片或简报文件每个不能超过20MB');
    expect(reply).toContain('请直接在群里发送第1张活动图片或简报文件');
    expect(g.store.media).toEqual([]);
  });

  it('keeps an accepted file and names it in the answer', async () => {
    const g = cityGroup();
    await atFiles(g);
    expect(await g.file('现场.jpg', 'image/jpeg', 2048)).toContain('✅ 第1个文件已保存：现场.jpg（#1）');
    expect(g.store.media).toEqual([{ id: 1, unitId: 1, formId: 'activityReport', name: '现场.jpg', mime: 'image/jpeg', size: 2048 }]);
  });

  it('answers a picture sent where text is asked with the request for text', async () => {
    const g = cityGroup();
    await g.say('填报');
    expect(await g.file('现场.jpg', 'image/jpeg', 2048)).toContain('这里需要文字回复');
    expect(g.store.media).toEqual([]);
  });
});
