/**
 * Test harness: drive a real Wechaty (1.20.2) through the official mock puppet
 * (wechaty-puppet-mock 1.19.4). No application code is imported here: the
 * caller builds its Wechaty (or the whole app) from `harness.puppet`.
 *
 *   const h = createMockWechat({ botName: '服务月助手' })
 *   const bot = WechatyBuilder.build({ puppet: h.puppet })   // or the app, given h.puppet
 *   await bot.start()
 *   await h.login(bot)                                          // AFTER start, see pitfalls
 *   const { room, members: [alice] } = h.createRoom('服务群', ['张三'])
 *   await h.say(alice, room, '填报', { mentionBot: true })
 *   expect(await h.waitForReplies(room, 1)).toEqual([...])
 *   await bot.stop()                                            // in finally
 *
 * FACTS LEARNED (read from node_modules sources and verified by mock-wechat.spike.test.ts)
 *
 * Ids
 * - Every mock contact/room/message id is a cuid v1 (25 chars, e.g. 'cmwwduh0a0004c77d0ss047sx');
 *   room ids are `<cuid>@chatroom`. Messages built by this harness' raw path (sendImage/sendFile/
 *   sendSticker/sendMessage) get `crypto.randomUUID()` ids instead. Ids are opaque strings.
 * - Room ids MUST contain '@': PuppetMock._messageSend routes a send to a room iff /@/ matches.
 * - Bot contact id: `harness.bot.id` === `puppet.currentUserId` === `wechaty.currentUser.id`
 *   (after login). `msg.self()` compares the talker id with puppet.currentUserId.
 *
 * Message types
 * - Enum is wechaty-puppet `MessageType`, re-exported by wechaty as `types.Message`:
 *   Unknown 0, Attachment 1, Audio 2, Contact 3, ChatHistory 4, Emoticon 5, Image 6, Text 7,
 *   Location 8, MiniProgram 9, GroupNote 10, Transfer 11, RedEnvelope 12, Recalled 13, Url 14,
 *   Video 15, Post 16. Name of a message's type: `types.Message[msg.type()]` (e.g. 'Image').
 * - Non-text messages have no text: `msg.text()` returns ''.
 * - ContactMock.say(fileBox) picks the type from mediaType / file extension ONLY for
 *   jpg/jpeg/png (Image), mp4 (Video), silk/sil (Audio), txt/doc/pdf (Attachment); anything
 *   else (.xlsx, .docx, .gif, ...) becomes Unknown, and there is no way to send an Emoticon.
 *   WORKAROUND (used by sendImage/sendFile/sendSticker/sendMessage): create the payload with
 *   an explicit type via `mocker.MessageMock.create()` + cache the FileBox JSON in
 *   `mocker.cacheFileBoxPayload`, then `puppet.emit('message', { messageId })`.
 * - FileBox.toJSON() throws for Buffer/File/Stream boxes, so `ContactMock.say(FileBox.fromBuffer())`
 *   throws, and so does the BOT's `room.say(FileBox.fromBuffer(...))` under the mock.
 *   WORKAROUND: the harness converts member files to base64 boxes; bots under test should send
 *   base64/url/qrcode FileBoxes (or the test must expect that rejection).
 * - `msg.toFileBox()` returns the file that was sent (same name); `msg.toImage()` is FAKE (the
 *   mock's messageImage always returns a QR-code box). messageUrl/Location/MiniProgram are fakes.
 *
 * Mentions
 * - Room messages from the mock ALWAYS carry `mentionIdList` (defaults to []), and wechaty's
 *   `mentionList()` trusts the list whenever it is an array. So the mention LIST is required:
 *   text '@服务月助手 填报' with an empty list => `mentionSelf()` false. Text-only parsing
 *   (the U+2005 split) only runs when the payload has no mentionIdList at all.
 * - `msg.mentionText()` strips '@<room alias or name>' followed by U+2005, a space or end of
 *   text, for every contact in the mention list, and trims: '@服务月助手 填报' -> '填报'
 *   (same with '@服务月助手\u2005填报'). The mock has no room aliases, so the contact name
 *   (botName) is what is stripped. It returns the full text when the mention list is empty.
 *
 * Self messages / replies
 * - The bot's own sends (room.say / msg.say) are emitted back as puppet 'message' events, so
 *   Wechaty fires 'message' for them with `msg.self() === true`: bots must skip msg.self().
 * - Recording happens synchronously inside puppet.messageSendText, i.e. before the bot's
 *   `await room.say()` resolves. The harness captures them by talkerId === bot.id.
 * - Under the mock `room.say()` resolves `undefined` (messageSendText returns no id), and the
 *   mention ids passed to room.say(text, contact) are dropped (the reply text still starts
 *   with '@name' + space; several mentions are joined by U+2005).
 *
 * Redelivery
 * - `puppet.emit('message', { messageId: sameId })` makes Wechaty load the (cached) payload and
 *   emit 'message' again with the same id. Neither the mock nor Wechaty deduplicates.
 *
 * Timing pitfalls
 * - Call login() only after `await wechaty.start()`: Wechaty subscribes to puppet events on
 *   start, so a login emitted before start never reaches Wechaty's 'login' event.
 * - Member sends are emitted synchronously, but Wechaty handles them asynchronously
 *   (Message.find + payload fetch, ~1 ms). Never assert right after say(): await
 *   waitForReplies() (no fixed sleeps). Only negative checks (assertNoNewReplies) wait a while.
 * - Wechaty does NOT await or serialize 'message' listeners: consecutive messages are handled
 *   concurrently, so replies can come out of send order (a plain text is answered before an
 *   earlier @-mention, which needs extra lookups). Await each reply, or compare sorted.
 * - A throw inside an async 'message' listener is an unhandled rejection (Wechaty does not catch
 *   it); vitest reports it as an error of the whole file. E.g. msg.toFileBox() throws
 *   'no filebox cache' for a message created without a file.
 * - The bot's own message reaches Wechaty's 'message' event asynchronously, after room.say()
 *   resolved (use vi.waitFor to observe it); the harness' reply record is synchronous.
 * - Mock contact payloads are faker-random except the fields we set (name, id). Do not call
 *   mocker.createRoom() without memberIdList: it then picks random contacts.
 * - puppet.contactAvatar() points to a non-existent file; roomAdd/roomDel/roomQuit/roomTopic(set)
 *   are no-ops; messageRecall() returns false.
 *
 * NOTE: `file-box` (1.5.5) is only a transitive dependency (of wechaty and the mock).
 */
import { randomUUID } from 'node:crypto';

import { createHash } from 'node:crypto';
import { FileBox, type FileBoxInterface } from 'file-box';
import { types, type payloads, type Wechaty } from 'wechaty';
import { PuppetMock, mock } from 'wechaty-puppet-mock';

export type ContactMock = mock.ContactMock;
export type RoomMock = mock.RoomMock;
export type MessagePayload = payloads.Message;

/** Anything with an id: a RoomMock, a wechaty Room, or `{ id }`. */
export interface HasId {
  readonly id: string;
}

export interface MockWechatOptions {
  /** Display name of the logged-in bot account. Default '服务月助手'. */
  botName?: string;
  /** Contact id of the bot. Default: a mock cuid. Must not contain '@'. */
  botId?: string;
}

export interface SayOptions {
  /** Prefix `@<botName><separator>` and put the bot in the mention list. */
  mentionBot?: boolean;
  /** Other contacts to @-mention (prefixed after the bot, added to the mention list). */
  mentions?: ContactMock[];
  /** Separator after each '@name'. Default ' ' (real WeChat clients send '\u2005'). */
  separator?: string;
}

export interface RawMessageInput {
  type: types.Message;
  text?: string;
  fileBox?: FileBoxInterface;
  /**
   * Default [] (like the mock). `null` leaves the field out, mimicking a puppet without
   * mention lists: wechaty then parses '@name' out of the text itself.
   */
  mentionIdList?: string[] | null;
}

export interface MockWechat {
  readonly puppet: PuppetMock;
  readonly mocker: mock.Mocker;
  /** The logged-in account's mock contact. */
  readonly bot: ContactMock;
  readonly botName: string;
  /** Log the bot in. Pass the started Wechaty to also await its 'login' event. */
  login(wechaty?: Wechaty, timeoutMs?: number): Promise<void>;
  /** Get-or-create a member contact by display name (names are unique per harness). */
  contact(name: string): ContactMock;
  /** Create a room with the bot plus the named members (reused across rooms by name). */
  createRoom(topic: string, memberNames: string[], options?: { id?: string }): { room: RoomMock; members: ContactMock[] };
  /** The private chat between a member and the bot, usable wherever a room is (replies, waitForReplies). */
  dm(member: ContactMock | string): HasId;
  /** A member writes to the bot privately. Resolves the new message id. */
  sayPrivately(member: ContactMock | string, text: string): Promise<string>;
  /** A member sends a file to the bot privately (type Attachment). */
  sendPrivateFile(member: ContactMock | string, fileBox: FileBoxInterface): Promise<string>;
  /** A member sends a room text. Resolves the new message id. */
  say(member: ContactMock | string, room: HasId, text: string, options?: SayOptions): Promise<string>;
  /** A member sends an image (type Image). Default: a tiny PNG named 'photo.png'. */
  sendImage(member: ContactMock | string, room: HasId, fileBox?: FileBoxInterface): Promise<string>;
  /** A member sends a file (type Attachment, any extension). */
  sendFile(member: ContactMock | string, room: HasId, fileBox: FileBoxInterface): Promise<string>;
  /** A member sends a sticker (type Emoticon; toFileBox() gives a tiny 'sticker.gif' by default). */
  sendSticker(member: ContactMock | string, room: HasId, fileBox?: FileBoxInterface): Promise<string>;
  /** A member sends any message type into the room (raw payload path). */
  sendMessage(member: ContactMock | string, room: HasId, input: RawMessageInput): Promise<string>;
  /** The puppet emits the same message (same id) to Wechaty again. */
  redeliver(messageId: string): void;
  /** Stored payload of any message (member's or bot's). */
  message(messageId: string): MessagePayload;
  /** Texts the bot said in the room so far; non-text replies appear as '[<Type>:<file name>]'. */
  replies(room: HasId): string[];
  /** Payloads of the bot's messages in the room so far. */
  replyMessages(room: HasId): MessagePayload[];
  /** Every message (members' and bot's) seen in the room, oldest first. */
  transcript(room: HasId): MessagePayload[];
  /**
   * Resolve the next `count` bot replies in the room not yet consumed by a previous
   * waitForReplies() on that room (so replies that arrived before the call count too).
   * Rejects after timeoutMs with a message listing what was received.
   */
  waitForReplies(room: HasId, count?: number, timeoutMs?: number): Promise<string[]>;
  /** Marks every bot message in the room so far as read: the next waitForReplies() waits for new ones. */
  skipReplies(room: HasId): void;
  /** Negative check: rejects if the bot says anything new (unconsumed) in the room within ms. */
  assertNoNewReplies(room: HasId, withinMs?: number): Promise<void>;
  /** Detach the harness' puppet listener. */
  dispose(): void;
}

interface RoomLog {
  all: MessagePayload[];
  bot: MessagePayload[];
  cursor: number;
  waiting: boolean;
  notify: Set<() => void>;
}

const TINY_PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

const TINY_GIF_BASE64 = 'R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';

/** The contact id the harness gives the member called `name` (stable, so tests can name admins up front). */
export function mockContactId(name: string): string {
  return `wxid_${createHash('sha1').update(name).digest('hex').slice(0, 12)}`;
}

export function createMockWechat(options: MockWechatOptions = {}): MockWechat {
  const botName = options.botName ?? '服务月助手';
  const mocker = new mock.Mocker();
  const puppet = new PuppetMock({ mocker });
  const bot = mocker.createContact({
    name: botName,
    ...(options.botId ? { id: options.botId } : {}),
  });

  const contacts = new Map<string, ContactMock>();
  const rooms = new Map<string, RoomLog>();
  const seen = new Set<string>();

  const roomLog = (roomId: string): RoomLog => {
    let log = rooms.get(roomId);
    if (!log) {
      log = { all: [], bot: [], cursor: 0, notify: new Set(), waiting: false };
      rooms.set(roomId, log);
    }
    return log;
  };

  // Every message (member's or bot's) goes through puppet 'message' synchronously.
  const onPuppetMessage = ({ messageId }: payloads.EventMessage): void => {
    if (seen.has(messageId)) return; // a redelivery: already recorded
    const payload = mocker.cacheMessagePayload.get(messageId);
    if (!payload) return;
    // A private chat is logged under "private:<the member's id>", the id that dm(member) returns.
    const member = payload.talkerId === bot.id ? payload.listenerId : payload.talkerId;
    const key = payload.roomId ?? (member ? `private:${member}` : undefined);
    if (!key) return;
    seen.add(messageId);
    const log = roomLog(key);
    log.all.push(payload);
    if (payload.talkerId === bot.id) {
      log.bot.push(payload);
      for (const fn of [...log.notify]) fn();
    }
  };
  puppet.on('message', onPuppetMessage);

  const resolveMember = (member: ContactMock | string): ContactMock => (typeof member === 'string' ? contact(member) : member);

  const resolveRoom = (room: HasId): RoomMock => mocker.RoomMock.load(room.id);

  function contact(name: string): ContactMock {
    if (name === botName) throw new Error(`"${name}" is the bot's name: use harness.bot`);
    let c = contacts.get(name);
    if (!c) {
      // Ids derived from the name, so the same member is the same contact across restarts of a test.
      c = mocker.createContact({ name, id: mockContactId(name) });
      contacts.set(name, c);
    }
    return c;
  }

  const describe = (p: MessagePayload): string =>
    p.type === types.Message.Text ? (p.text ?? '') : `[${types.Message[p.type]}:${mocker.cacheFileBoxPayload.get(p.id)?.name ?? ''}]`;

  const roomLabel = (roomId: string): string => {
    const topic = mocker.cacheRoomPayload.get(roomId)?.topic;
    return `room "${topic ?? '?'}" (${roomId})`;
  };

  /** Emit through the official ContactMock.say() path; returns the emitted message id. */
  const emitVia = (send: () => void): string => {
    let id: string | undefined;
    const grab = ({ messageId }: payloads.EventMessage): void => {
      id ??= messageId;
    };
    puppet.on('message', grab);
    try {
      send();
    } finally {
      puppet.off('message', grab);
    }
    if (!id) throw new Error('mock did not emit a message');
    return id;
  };

  const toSerializable = async (fileBox: FileBoxInterface): Promise<FileBoxInterface> => {
    try {
      fileBox.toJSON();
      return fileBox;
    } catch {
      // Buffer / File / Stream boxes cannot be serialized by FileBox.toJSON(): go base64.
      return FileBox.fromBase64(await fileBox.toBase64(), fileBox.name);
    }
  };

  /** Builds a message payload with an explicit type (room message, or private when `target` is undefined). */
  async function sendRaw(talker: ContactMock, target: RoomMock | undefined, input: RawMessageInput): Promise<string> {
    const id = randomUUID();
    const box = input.fileBox ? await toSerializable(input.fileBox) : undefined;
    if (box) mocker.cacheFileBoxPayload.set(id, box.toJSON());
    const payload: MessagePayload = {
      id,
      ...(target ? { roomId: target.id } : { listenerId: bot.id }),
      talkerId: talker.id,
      timestamp: Date.now(),
      type: input.type,
      ...(input.text !== undefined ? { text: input.text } : {}),
      ...(box ? { filename: box.name } : {}),
      ...(input.mentionIdList === null ? {} : { mentionIdList: input.mentionIdList ?? [] }),
    };
    // create() stores the payload (and emits on the mock room/contact); then tell Wechaty.
    mocker.MessageMock.create(payload);
    puppet.emit('message', { messageId: id });
    return id;
  }

  const harness: MockWechat = {
    assertNoNewReplies(room, withinMs = 100) {
      const log = roomLog(room.id);
      return new Promise((resolve, reject) => {
        setTimeout(() => {
          const fresh = log.bot.slice(log.cursor).map(describe);
          if (fresh.length === 0) resolve();
          else reject(new Error(`expected no new bot replies in ${roomLabel(room.id)}, got ${JSON.stringify(fresh)}`));
        }, withinMs);
      });
    },

    bot,
    botName,
    contact,

    createRoom(topic, memberNames, roomOptions = {}) {
      const members = memberNames.map(contact);
      const room = mocker.createRoom({
        // A fixed id lets a test restart the app on the same database and find the same group.
        ...(roomOptions.id ? { id: roomOptions.id } : {}),
        adminIdList: [],
        memberIdList: [bot.id, ...members.map((m) => m.id)],
        topic,
      });
      roomLog(room.id);
      return { members, room };
    },

    dispose() {
      puppet.off('message', onPuppetMessage);
    },

    async login(wechaty, timeoutMs = 2000) {
      if (puppet.isLoggedIn) return;
      if (!wechaty) {
        mocker.login(bot);
        return;
      }
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          wechaty.off('login', onLogin);
          reject(new Error(`Wechaty emitted no 'login' within ${timeoutMs}ms: call login() after \`await wechaty.start()\``));
        }, timeoutMs);
        function onLogin(): void {
          clearTimeout(timer);
          resolve();
        }
        wechaty.once('login', onLogin);
        mocker.login(bot);
      });
    },

    message(messageId) {
      const payload = mocker.cacheMessagePayload.get(messageId);
      if (!payload) throw new Error(`no mock message ${messageId}`);
      return payload;
    },

    mocker,
    puppet,

    redeliver(messageId) {
      if (!mocker.cacheMessagePayload.has(messageId)) {
        throw new Error(`redeliver(): unknown message id ${messageId}`);
      }
      puppet.emit('message', { messageId });
    },

    replies: (room) => roomLog(room.id).bot.map(describe),

    skipReplies(room) {
      const log = roomLog(room.id);
      log.cursor = log.bot.length;
    },

    replyMessages: (room) => [...roomLog(room.id).bot],

    dm(member) {
      const id = `private:${resolveMember(member).id}`;
      roomLog(id);
      return { id };
    },

    async sayPrivately(member, text) {
      const talker = resolveMember(member);
      return emitVia(() => talker.say(text).to(bot));
    },

    async say(member, room, text, sayOptions = {}) {
      const talker = resolveMember(member);
      const target = resolveRoom(room);
      const sep = sayOptions.separator ?? ' ';
      const mentioned = [...(sayOptions.mentionBot ? [bot] : []), ...(sayOptions.mentions ?? [])];
      const prefix = mentioned.map((c) => `@${c.payload.name}${sep}`).join('');
      return emitVia(() => talker.say(prefix + text, mentioned).to(target));
    },

    async sendFile(member, room, fileBox) {
      return harness.sendMessage(member, room, { fileBox, type: types.Message.Attachment });
    },

    async sendImage(member, room, fileBox) {
      return harness.sendMessage(member, room, {
        fileBox: fileBox ?? FileBox.fromBase64(TINY_PNG_BASE64, 'photo.png'),
        type: types.Message.Image,
      });
    },

    async sendPrivateFile(member, fileBox) {
      return sendRaw(resolveMember(member), undefined, { fileBox, type: types.Message.Attachment });
    },

    async sendMessage(member, room, input) {
      return sendRaw(resolveMember(member), resolveRoom(room), input);
    },

    async sendSticker(member, room, fileBox) {
      return harness.sendMessage(member, room, {
        fileBox: fileBox ?? FileBox.fromBase64(TINY_GIF_BASE64, 'sticker.gif'),
        type: types.Message.Emoticon,
      });
    },

    transcript: (room) => [...roomLog(room.id).all],

    waitForReplies(room, count = 1, timeoutMs = 2000) {
      const log = roomLog(room.id);
      if (log.waiting) {
        return Promise.reject(new Error(`waitForReplies(): already waiting on ${roomLabel(room.id)}`));
      }
      log.waiting = true;
      return new Promise<string[]>((resolve, reject) => {
        const finish = (): void => {
          clearTimeout(timer);
          log.notify.delete(check);
          log.waiting = false;
        };
        const timer = setTimeout(() => {
          finish();
          const fresh = log.bot.slice(log.cursor).map(describe);
          const members = log.all
            .filter((p) => p.talkerId !== bot.id)
            .map((p) => `${mocker.cacheContactPayload.get(p.talkerId)?.name ?? p.talkerId}: ${describe(p)}`);
          reject(
            new Error(
              `waitForReplies(): expected ${count} new bot repl${count === 1 ? 'y' : 'ies'} in ${roomLabel(room.id)}` +
                ` within ${timeoutMs}ms, got ${fresh.length}: ${JSON.stringify(fresh)}.` +
                ` All bot replies in this room: ${JSON.stringify(log.bot.map(describe))}.` +
                ` Member messages: ${JSON.stringify(members)}`,
            ),
          );
        }, timeoutMs);
        function check(): void {
          if (log.bot.length - log.cursor < count) return;
          finish();
          const got = log.bot.slice(log.cursor, log.cursor + count).map(describe);
          log.cursor += count;
          resolve(got);
        }
        log.notify.add(check);
        check();
      });
    },
  };
  return harness;
}
