// The demo's WeChat: wechaty-puppet-mock with the invented groups, their members, an admin and the bot
// account. Members speak through the mock's own ContactMock.say(); everything the bot sends is caught
// where the mock records it (a puppet 'message' event whose talker is the bot).
import { randomUUID } from 'node:crypto';
import { FileBox, type FileBoxInterface } from 'file-box';
import { types, type Wechaty } from 'wechaty';
import { PuppetMock, mock } from 'wechaty-puppet-mock';
import { DEMO_BOT_ID, type DemoGroup, type DemoMember } from './people.js';

/**
 * The mock stores every sent file as FileBox JSON, which buffer and stream boxes (how exports are
 * usually built) cannot become; send those as base64 instead so the demo can save any file the bot sends.
 */
export class DemoPuppet extends PuppetMock {
  override async messageSendFile(conversationId: string, file: FileBoxInterface): Promise<void> {
    let box = file;
    try {
      box.toJSON();
    } catch {
      box = FileBox.fromBase64(await file.toBase64(), file.name);
    }
    return super.messageSendFile(conversationId, box);
  }
}

export interface BotMessage {
  /** a group's room id, or the contact id of the person chatted with privately */
  conversationId: string;
  type: types.Message;
  text: string;
  /** the file of a non-text message, when the mock holds one */
  file?: FileBoxInterface;
}

export class MockWorld {
  readonly mocker = new mock.Mocker();
  readonly puppet = new DemoPuppet({ mocker: this.mocker });
  private readonly bot: mock.ContactMock;
  private readonly contacts = new Map<string, mock.ContactMock>();
  private readonly rooms = new Map<string, mock.RoomMock>();
  private readonly listeners = new Set<(message: BotMessage) => void>();

  constructor(
    readonly botName: string,
    groups: readonly DemoGroup[],
    admin: DemoMember,
  ) {
    this.bot = this.mocker.createContact({ id: DEMO_BOT_ID, name: botName });
    for (const person of [admin, ...groups.flatMap((group) => group.members)]) {
      this.contacts.set(person.id, this.mocker.createContact({ id: person.id, name: person.name }));
    }
    for (const group of groups) {
      const room = this.mocker.createRoom({
        id: group.id,
        topic: group.topic,
        adminIdList: [],
        memberIdList: [this.bot.id, ...group.members.map((member) => member.id)],
      });
      this.rooms.set(group.id, room);
    }
    // The mock records a send synchronously inside puppet.messageSend*, before the bot's say() resolves.
    this.puppet.on('message', ({ messageId }) => {
      const payload = this.mocker.cacheMessagePayload.get(messageId);
      if (!payload || payload.talkerId !== this.bot.id) return;
      const conversationId = payload.roomId ?? payload.listenerId;
      if (!conversationId) return;
      const json = this.mocker.cacheFileBoxPayload.get(messageId);
      const message: BotMessage = {
        conversationId,
        type: payload.type,
        text: payload.text ?? '',
        ...(json ? { file: FileBox.fromJSON(json) } : {}),
      };
      for (const listener of this.listeners) listener(message);
    });
  }

  onBotMessage(listener: (message: BotMessage) => void): void {
    this.listeners.add(listener);
  }

  /** Logs the bot account in; call after `await bot.start()` (Wechaty subscribes to the puppet on start). */
  async login(bot: Wechaty, timeoutMs = 5000): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the mock bot did not log in within ${timeoutMs} ms`)), timeoutMs);
      bot.once('login', () => {
        clearTimeout(timer);
        resolve();
      });
      this.mocker.login(this.bot);
    });
  }

  /** A member writes in a group; with `mention` the text starts with "@<bot name> " and the bot is in the mention list. */
  sayInGroup(groupId: string, memberId: string, text: string, mention: boolean): void {
    const room = this.rooms.get(groupId);
    if (!room) throw new Error(`no demo group ${groupId}`);
    const body = mention ? `@${this.botName} ${text}` : text;
    this.contact(memberId)
      .say(body, mention ? [this.bot] : [])
      .to(room);
  }

  /**
   * Someone sends a file (type Attachment) into a group (`groupId`) or to the bot privately (undefined).
   * ContactMock.say(file) types only .txt/.doc/.pdf as attachments, so the payload is made here, as the
   * mock does it, with the file kept as base64 (the only kind of FileBox the mock can store).
   */
  async sendFile(memberId: string, groupId: string | undefined, file: FileBoxInterface): Promise<void> {
    const box = FileBox.fromBase64(await file.toBase64(), file.name);
    const id = randomUUID();
    this.mocker.cacheFileBoxPayload.set(id, box.toJSON());
    this.mocker.MessageMock.create({
      id,
      talkerId: this.contact(memberId).id,
      timestamp: Date.now(),
      type: types.Message.Attachment,
      filename: box.name,
      ...(groupId ? { roomId: groupId, mentionIdList: [] } : { listenerId: this.bot.id }),
    });
    this.puppet.emit('message', { messageId: id });
  }

  /** Someone writes to the bot in a private chat. */
  sayPrivately(memberId: string, text: string): void {
    this.contact(memberId).say(text).to(this.bot);
  }

  private contact(id: string): mock.ContactMock {
    const contact = this.contacts.get(id);
    if (!contact) throw new Error(`no demo contact ${id}`);
    return contact;
  }
}
