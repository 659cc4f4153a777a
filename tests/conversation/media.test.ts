// Pictures and files for the activity brief, through the group session: checked before they are kept.
import { describe, expect, it } from 'vitest';
import { GroupConversations, type IncomingMessage } from '../../src/conversation/session.js';
import { MemoryStore } from '../support/memory-store.js';
import { campaign, NOW } from './harness.js';
import { fileBytes } from '../support/file-bytes.js';
import { messagesIn } from '../support/group-message.js';
import { patternOf, sentenceOf } from '../support/says.js';

const message = messagesIn({ names: { u1: '林晓' } });

const QUESTION = 'form:activityReport.completeWith.prompt';
const FILES_LABEL = '简报文件或图片';
/** A file as the bot names it once kept: its name and its number among the kept files. */
const kept = (name: string, id: number) => sentenceOf('mediaName', { name, id });
/** "目前有" once a link, a file and some text are in, in the order the form asks for them. */
const HAS_ALL_THREE = new RegExp(
  [
    patternOf('form:activityReport.links.counted', { count: 1 }),
    patternOf('form:activityReport.files.counted', { count: 1 }),
    patternOf('form:activityReport.summary.counted', { chars: /\d+/ }),
  ]
    .map((part) => part.source)
    .join(campaign.formats.listSeparator),
);

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
    expect(await atFiles(g)).toSay(QUESTION);
    const reply = await g.file('全程录像.mp4', 'video/mp4', 21 * 1024 * 1024);
    expect(reply).toSay('errorMediaSize', { file: '全程录像.mp4', size: 21, label: FILES_LABEL, max: 20 });
    expect(reply).toSay(QUESTION);
    expect(g.store.media).toEqual([]);
  });

  it('keeps an accepted file and names it in the answer', async () => {
    const g = cityGroup();
    await atFiles(g);
    expect(await g.file('现场.jpg', 'image/jpeg', 2048)).toSay('form:activityReport.files.saved', { n: 1, file: kept('现场.jpg', 1) });
    expect(g.store.media).toEqual([{ id: 1, unitId: 1, formId: 'activityReport', name: '现场.jpg', mime: 'image/jpeg', size: 2048 }]);
  });

  it('keeps a picture sent first, and the text and link sent after it join the same brief', async () => {
    const g = cityGroup();
    await g.say('填报');
    const reply = await g.file('现场.jpg', 'image/jpeg', 2048);
    expect(reply).toSay('form:activityReport.files.saved', { n: 1, file: kept('现场.jpg', 1) });
    expect(reply).toSay('form:activityReport.completeWith.more', { have: sentenceOf('form:activityReport.files.counted', { count: 1 }) });
    expect(g.store.media).toEqual([{ id: 1, unitId: 1, formId: 'activityReport', name: '现场.jpg', mime: 'image/jpeg', size: 2048 }]);
    await g.say('10月全市青年文明号集体开展开放日、岗位体验和志愿服务活动共120场。');
    expect(await g.say('https://mp.weixin.qq.com/s/abc')).toSay('form:activityReport.completeWith.more', { have: HAS_ALL_THREE });
  });

  it('keeps a picture sent while the text is being changed, and goes on with the question asked', async () => {
    const g = cityGroup();
    await g.say('填报');
    await g.say('https://mp.weixin.qq.com/s/abc');
    await g.say('修改 简介');
    const reply = await g.file('现场.jpg', 'image/jpeg', 2048);
    expect(reply).toSay('keptEarly', { label: sentenceOf('form:activityReport.files.itemLabel', { n: 1 }), value: kept('现场.jpg', 1) });
    expect(reply).toSay('form:activityReport.summary.prompt');
    expect(await g.say('10月全市青年文明号集体开展开放日、岗位体验和志愿服务活动共120场。')).toSay('form:activityReport.completeWith.more', {
      have: HAS_ALL_THREE,
    });
  });

  it('reads the type from the content: a text file named x.png is refused with the reason', async () => {
    const g = cityGroup();
    await atFiles(g);
    // FileBox names the type from the extension: image/png. The content is a line of text.
    const text = Buffer.from('活动照片稍后补发，这是一段文字。');
    const reply = await g.send({ kind: 'image', file: async () => ({ name: 'x.png', mime: 'image/png', data: text }) });
    expect(reply).toSay('errorMediaUnreadable', { file: 'x.png' });
    expect(reply).toSay(QUESTION);
    expect(g.store.media).toEqual([]);
  });

  it('keeps a picture named .dat with the type its content shows', async () => {
    const g = cityGroup();
    await atFiles(g);
    expect(await g.file('IMG_0001.dat', 'image/png', 512)).toSay('form:activityReport.files.saved', { n: 1, file: kept('IMG_0001.dat', 1) });
    expect(g.store.media[0]?.mime).toBe('image/png');
  });

  it('takes a shared article card as a link', async () => {
    const g = cityGroup();
    await g.say('填报');
    await g.say('10月全市青年文明号集体开展开放日、岗位体验和志愿服务活动共120场。');
    const reply = await g.link('https://mp.weixin.qq.com/s/Card1', '青年文明号开放日');
    expect(reply).toSay('form:activityReport.links.saved', { n: 1, url: 'https://mp.weixin.qq.com/s/Card1' });
  });

  it('numbers article cards and typed links together', async () => {
    const g = cityGroup();
    await g.say('填报');
    expect(await g.link('https://mp.weixin.qq.com/s/Card1', '青年文明号开放日')).toSay('form:activityReport.links.saved', {
      n: 1,
      url: 'https://mp.weixin.qq.com/s/Card1',
    });
    expect(await g.say('https://mp.weixin.qq.com/s/second')).toSay('form:activityReport.links.saved', { n: 2, url: 'https://mp.weixin.qq.com/s/second' });
  });

  it('answers a voice, a sticker and a 小程序 card with one line each, and keeps nothing', async () => {
    const g = cityGroup();
    await g.say('填报');
    expect(await g.send({ kind: 'voice' })).toBe(campaign.messages.nonTextVoice);
    expect(await g.send({ kind: 'sticker' })).toBe(campaign.messages.nonTextSticker);
    expect(await g.send({ kind: 'card' })).toSay('nonTextCard');
    expect(g.store.media).toEqual([]);
  });
});
