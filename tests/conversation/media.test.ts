// Pictures and files for the activity brief, through the group session: checked before they are kept.
import { describe, expect, it } from 'vitest';
import { GroupConversations, type IncomingMessage } from '../../src/conversation/session.js';
import { MemoryStore } from '../support/memory-store.js';
import { campaign, NOW } from './harness.js';
import { fileBytes } from '../support/file-bytes.js';
import { messagesIn } from '../support/group-message.js';

const message = messagesIn({ names: { u1: '林晓' } });

function cityGroup() {
  const store = new MemoryStore();
  store.addUnit('room-1', '共青团广州市委员会', { kind: 'cityOrg', city: '广州市' });
  const conv = new GroupConversations({ campaign, store, now: () => NOW });
  const send = async (extra: Partial<IncomingMessage>) => (await conv.handle(message('', 'u1', extra))).join('\n');
  const file = (name: string, mime: string, size: number) =>
    send({ kind: mime.startsWith('image/') ? 'image' : 'file', file: async () => ({ name, mime, data: fileBytes(mime, size) }) });
  const link = (url: string, title: string) => send({ kind: 'link', link: { url, title } });
  return { store, send, say: (text: string) => send({ text }), file, link };
}

/** The brief open at its one question, which takes a link, a file or a text. */
async function atFiles(g: ReturnType<typeof cityGroup>) {
  return g.say('填报');
}

describe('files for the activity brief', () => {
  it('refuses a file over the limit, naming its size, and keeps nothing', async () => {
    const g = cityGroup();
    expect(await atFiles(g)).toContain('简报文件：Word、PDF或图片');
    const reply = await g.file('全程录像.mp4', 'video/mp4', 21 * 1024 * 1024);
    expect(reply).toContain('“全程录像.mp4”有21MB，简报文件或图片每个不能超过20MB');
    expect(reply).toContain('请发送10月集中服务月的活动简报或推文');
    expect(g.store.media).toEqual([]);
  });

  it('keeps an accepted file and names it in the answer', async () => {
    const g = cityGroup();
    await atFiles(g);
    expect(await g.file('现场.jpg', 'image/jpeg', 2048)).toContain('✅ 第1个文件已保存：现场.jpg（#1）');
    expect(g.store.media).toEqual([{ id: 1, unitId: 1, formId: 'activityReport', name: '现场.jpg', mime: 'image/jpeg', size: 2048 }]);
  });

  it('keeps a picture sent first, and the text and link sent after it join the same brief', async () => {
    const g = cityGroup();
    await g.say('填报');
    const reply = await g.file('现场.jpg', 'image/jpeg', 2048);
    expect(reply).toContain('✅ 第1个文件已保存：现场.jpg（#1）');
    expect(reply).toContain('简报已可提交，目前有：简报文件1个。');
    expect(g.store.media).toEqual([{ id: 1, unitId: 1, formId: 'activityReport', name: '现场.jpg', mime: 'image/jpeg', size: 2048 }]);
    await g.say('10月全市青年文明号集体开展开放日、岗位体验和志愿服务活动共120场。');
    expect(await g.say('https://mp.weixin.qq.com/s/abc')).toContain('目前有：推文链接1个、简报文件1个、文字');
  });

  it('keeps a picture sent while the text is being changed, and goes on with the question asked', async () => {
    const g = cityGroup();
    await g.say('填报');
    await g.say('https://mp.weixin.qq.com/s/abc');
    await g.say('修改 简介');
    const reply = await g.file('现场.jpg', 'image/jpeg', 2048);
    expect(reply).toContain('✅ 已收到，先保存为第1个文件：现场.jpg（#1）');
    expect(reply).toContain('请发送文字');
    expect(await g.say('10月全市青年文明号集体开展开放日、岗位体验和志愿服务活动共120场。')).toContain('目前有：推文链接1个、简报文件1个、文字');
  });

  it('reads the type from the content: a text file named x.png is refused with the reason', async () => {
    const g = cityGroup();
    await atFiles(g);
    // FileBox names the type from the extension: image/png. The content is a line of text.
    const text = Buffer.from('活动照片稍后补发，这是一段文字。');
    const reply = await g.send({ kind: 'image', file: async () => ({ name: 'x.png', mime: 'image/png', data: text }) });
    expect(reply).toContain('“x.png”的内容看不出是图片、PDF、Word或MP4视频');
    expect(reply).toContain('请发送10月集中服务月的活动简报或推文');
    expect(g.store.media).toEqual([]);
  });

  it('keeps a picture named .dat with the type its content shows', async () => {
    const g = cityGroup();
    await atFiles(g);
    expect(await g.file('IMG_0001.dat', 'image/png', 512)).toContain('✅ 第1个文件已保存：IMG_0001.dat（#1）');
    expect(g.store.media[0]?.mime).toBe('image/png');
  });

  it('takes a shared article card as a link', async () => {
    const g = cityGroup();
    await g.say('填报');
    await g.say('10月全市青年文明号集体开展开放日、岗位体验和志愿服务活动共120场。');
    const reply = await g.link('https://mp.weixin.qq.com/s/Card1', '青年文明号开放日');
    expect(reply).toContain('✅ 第1个推文链接已保存：https://mp.weixin.qq.com/s/Card1');
  });

  it('numbers article cards and typed links together', async () => {
    const g = cityGroup();
    await g.say('填报');
    expect(await g.link('https://mp.weixin.qq.com/s/Card1', '青年文明号开放日')).toContain('✅ 第1个推文链接已保存：https://mp.weixin.qq.com/s/Card1');
    expect(await g.say('https://mp.weixin.qq.com/s/second')).toContain('✅ 第2个推文链接已保存');
  });

  it('answers a voice, a sticker and a 小程序 card with one line each, and keeps nothing', async () => {
    const g = cityGroup();
    await g.say('填报');
    expect(await g.send({ kind: 'voice' })).toBe('语音无法保存，请打字发送。');
    expect(await g.send({ kind: 'sticker' })).toBe('表情无法保存，请发送文字。');
    expect(await g.send({ kind: 'card' })).toContain('小程序和视频号卡片没有网址');
    expect(g.store.media).toEqual([]);
  });
});
