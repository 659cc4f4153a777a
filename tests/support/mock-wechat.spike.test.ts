/**
 * Spike: a minimal real Wechaty echo bot driven by wechaty-puppet-mock through the harness.
 * Proves the harness capabilities that app tests rely on (see facts in mock-wechat.ts).
 */
import { FileBox } from 'file-box';
import { describe, expect, it, vi } from 'vitest';
import { types, WechatyBuilder, type Message, type Wechaty } from 'wechaty';

import { createMockWechat, type MockWechat } from './mock-wechat.js';

const BOT_NAME = '服务月助手';

interface Received {
  id: string;
  roomId: string | undefined;
  roomTopic: string | undefined;
  talkerId: string;
  talkerName: string;
  text: string;
  type: string;
  mentionSelf: boolean;
  mentionText: string;
  fileName?: string | undefined;
}

interface Ctx {
  h: MockWechat;
  bot: Wechaty;
  /** Non-self messages the echo bot received, in arrival order. */
  received: Received[];
  /** Ids of the bot's own messages that came back through Wechaty's 'message' event. */
  selfIds: string[];
  logins: string[];
  errors: unknown[];
}

function buildEchoBot(h: MockWechat, ctx: Omit<Ctx, 'h' | 'bot'>): Wechaty {
  const bot = WechatyBuilder.build({ puppet: h.puppet });
  bot.on('login', (user) => {
    ctx.logins.push(user.id);
  });
  bot.on('error', (e) => {
    ctx.errors.push(e);
  });
  bot.on('message', async (msg: Message) => {
    if (msg.self()) {
      ctx.selfIds.push(msg.id);
      return;
    }
    const room = msg.room();
    if (!room) return;
    const typeName = types.Message[msg.type()] ?? String(msg.type());
    const isText = msg.type() === types.Message.Text;
    const rec: Received = {
      id: msg.id,
      mentionSelf: await msg.mentionSelf(),
      mentionText: isText ? await msg.mentionText() : '',
      roomId: room.id,
      roomTopic: await room.topic(),
      talkerId: msg.talker().id,
      talkerName: msg.talker().name(),
      text: msg.text(),
      type: typeName,
    };
    // A throw in an async 'message' listener is an unhandled rejection (Wechaty does not catch it).
    if (!isText)
      rec.fileName = await msg.toFileBox().then(
        (f) => f.name,
        () => undefined,
      );
    ctx.received.push(rec);
    await room.say(isText ? `echo:${rec.mentionText}` : `nontext:${typeName}`);
  });
  return bot;
}

/** Fresh harness + started, logged-in echo bot; always stopped in finally. */
async function withEchoBot(fn: (ctx: Ctx) => Promise<void>): Promise<void> {
  const h = createMockWechat({ botName: BOT_NAME });
  const state = { errors: [], logins: [], received: [], selfIds: [] };
  const bot = buildEchoBot(h, state);
  try {
    await bot.start();
    await h.login(bot);
    await fn({ ...state, bot, h });
    expect(state.errors).toEqual([]);
  } finally {
    await bot.stop();
    h.dispose();
  }
}

describe('mock-wechat harness (real Wechaty + wechaty-puppet-mock)', () => {
  it('logs the bot in as the configured account', async () => {
    await withEchoBot(async ({ h, bot, logins }) => {
      expect(bot.isLoggedIn).toBe(true);
      expect(logins).toEqual([h.bot.id]);
      expect(bot.currentUser.id).toBe(h.bot.id);
      expect(bot.currentUser.name()).toBe(BOT_NAME);
      expect(h.puppet.currentUserId).toBe(h.bot.id);
    });
  });

  it('delivers a member room text with the right room, talker and text; captures the reply', async () => {
    await withEchoBot(async ({ h, received, selfIds }) => {
      const {
        room,
        members: [alice],
      } = h.createRoom('青年文明号服务群', ['张三']);
      const id = await h.say(alice!, room, '大家好');
      expect(await h.waitForReplies(room, 1)).toEqual(['echo:大家好']);
      expect(received).toHaveLength(1);
      expect(received[0]).toMatchObject({
        id,
        mentionSelf: false,
        roomId: room.id,
        roomTopic: '青年文明号服务群',
        talkerId: alice!.id,
        talkerName: '张三',
        text: '大家好',
        type: 'Text',
      });
      expect(id).toMatch(/^c[a-z0-9]{24}$/); // mock ids are cuid v1
      // the bot's own reply is in the mock store and came back to Wechaty as a self message
      const [reply] = h.replyMessages(room);
      expect(reply).toMatchObject({ roomId: room.id, talkerId: h.bot.id, text: 'echo:大家好' });
      // ...which reaches Wechaty asynchronously, after room.say() resolved
      await vi.waitFor(() => expect(selfIds).toContain(reply!.id), { interval: 1, timeout: 1000 });
      expect(h.replies(room)).toEqual(['echo:大家好']);
    });
  });

  it('detects and strips a mention of the bot (mention list + "@name " prefix)', async () => {
    await withEchoBot(async ({ h, received }) => {
      const {
        room,
        members: [alice],
      } = h.createRoom('服务月', ['张三']);
      const id = await h.say(alice!, room, '填报', { mentionBot: true });
      expect(h.message(id)).toMatchObject({ mentionIdList: [h.bot.id], text: `@${BOT_NAME} 填报` });
      expect(await h.waitForReplies(room, 1)).toEqual(['echo:填报']);
      expect(received[0]).toMatchObject({ mentionSelf: true, mentionText: '填报', text: `@${BOT_NAME} 填报` });

      // real WeChat uses U+2005 after the name: stripped as well
      await h.say(alice!, room, '查询 进度', { mentionBot: true, separator: '\u2005' });
      expect(await h.waitForReplies(room, 1)).toEqual(['echo:查询 进度']);
      expect(received[1]?.mentionSelf).toBe(true);
    });
  });

  it('needs the mention list: the "@name" text alone is not a mention under the mock', async () => {
    await withEchoBot(async ({ h, received }) => {
      const {
        room,
        members: [alice],
      } = h.createRoom('服务月', ['张三']);
      await h.say(alice!, room, `@${BOT_NAME} 填报`); // no mentionBot => empty mention list
      expect(await h.waitForReplies(room, 1)).toEqual([`echo:@${BOT_NAME} 填报`]);
      expect(received[0]).toMatchObject({ mentionSelf: false, mentionText: `@${BOT_NAME} 填报` });
    });
  });

  it('parses "@name" from the text only when the payload has no mention list', async () => {
    await withEchoBot(async ({ h, received }) => {
      const {
        room,
        members: [alice],
      } = h.createRoom('服务月', ['张三']);
      await h.sendMessage(alice!, room, { mentionIdList: null, text: `@${BOT_NAME}\u2005填报`, type: types.Message.Text });
      expect(await h.waitForReplies(room, 1)).toEqual(['echo:填报']);
      expect(received[0]).toMatchObject({ mentionSelf: true, mentionText: '填报' });
    });
  });

  it('delivers images, files and stickers as non-text with their type', async () => {
    await withEchoBot(async ({ h, received }) => {
      const {
        room,
        members: [alice],
      } = h.createRoom('服务月', ['张三']);
      const imageId = await h.sendImage(alice!, room, FileBox.fromBuffer(Buffer.from('jpeg-bytes'), '承诺书.jpg'));
      expect(await h.waitForReplies(room, 1)).toEqual(['nontext:Image']);
      expect(received[0]).toMatchObject({ fileName: '承诺书.jpg', id: imageId, talkerId: alice!.id, text: '', type: 'Image' });

      await h.sendFile(alice!, room, FileBox.fromBuffer(Buffer.from('xlsx'), '服务项目.xlsx'));
      await h.sendSticker(alice!, room);
      expect(await h.waitForReplies(room, 2)).toEqual(['nontext:Attachment', 'nontext:Emoticon']);
      expect(received.map((r) => r.type)).toEqual(['Image', 'Attachment', 'Emoticon']);
      expect(received.map((r) => r.fileName)).toEqual(['承诺书.jpg', '服务项目.xlsx', 'sticker.gif']);
    });
  });

  it('redelivers a message with the same id', async () => {
    await withEchoBot(async ({ h, received }) => {
      const {
        room,
        members: [alice],
      } = h.createRoom('服务月', ['张三']);
      const id = await h.say(alice!, room, '填报', { mentionBot: true });
      await h.waitForReplies(room, 1);
      h.redeliver(id);
      expect(await h.waitForReplies(room, 1)).toEqual(['echo:填报']);
      expect(received.map((r) => r.id)).toEqual([id, id]);
      expect(h.transcript(room).filter((p) => p.id === id)).toHaveLength(1); // recorded once
    });
  });

  it('keeps two rooms independent (same member in both)', async () => {
    await withEchoBot(async ({ h, received }) => {
      const a = h.createRoom('一组', ['张三', '李四']);
      const b = h.createRoom('二组', ['张三']);
      expect(b.members[0]).toBe(a.members[0]); // contacts are reused by name
      await h.say('张三', a.room, 'A1', { mentionBot: true });
      await h.say('张三', b.room, 'B1', { mentionBot: true });
      await h.say('李四', a.room, 'A2');
      expect(await h.waitForReplies(b.room, 1)).toEqual(['echo:B1']);
      // Wechaty runs listeners concurrently: A2 (no mention lookups) may be answered before A1
      expect((await h.waitForReplies(a.room, 2)).sort()).toEqual(['echo:A1', 'echo:A2']);
      expect(h.replies(a.room).sort()).toEqual(['echo:A1', 'echo:A2']);
      expect(h.replies(b.room)).toEqual(['echo:B1']);
      expect(received.filter((r) => r.roomId === b.room.id).map((r) => r.text)).toEqual([`@${BOT_NAME} B1`]);
      await h.assertNoNewReplies(a.room, 30);
    });
  });

  it('waitForReplies rejects with what was received; assertNoNewReplies catches stray replies', async () => {
    await withEchoBot(async ({ h }) => {
      const {
        room,
        members: [alice],
      } = h.createRoom('超时群', ['张三']);
      await h.say(alice!, room, 'x');
      await expect(h.waitForReplies(room, 2, 100)).rejects.toThrow(/expected 2 new bot replies in room "超时群".*got 1: \["echo:x"\].*张三: x/);
      await expect(h.assertNoNewReplies(room, 10)).rejects.toThrow(/echo:x/);
    });
  });
});
