// A Wechaty room message as the conversation sees it: who, where, what kind, the text without the @bot.
import { types, type Message } from 'wechaty';
import type { IncomingMessage, MessageKind } from '../conversation/index.js';
import { escapeRegExp } from '../shared/index.js';

const KINDS: Partial<Record<types.Message, MessageKind>> = {
  [types.Message.Text]: 'text',
  [types.Message.Image]: 'image',
  [types.Message.Emoticon]: 'sticker',
  [types.Message.Audio]: 'voice',
  [types.Message.Video]: 'video',
  [types.Message.Attachment]: 'file',
  [types.Message.Url]: 'link',
  // 小程序, 视频号 and 朋友圈-style posts: cards with no web address a form could keep.
  [types.Message.MiniProgram]: 'card',
  [types.Message.Post]: 'card',
};

const FILE_KINDS = new Set<MessageKind>(['image', 'file', 'video']);

/** The picture or file of a message, with the type its name says (FileBox reads it from the extension). */
async function readFile(message: Message): Promise<{ name: string; mime: string; data: Buffer }> {
  const box = await message.toFileBox();
  return { name: box.name, mime: box.mediaType, data: await box.toBuffer() };
}

/** The address and title of a shared article card; undefined when the puppet cannot read it. */
async function readLink(message: Message): Promise<{ url: string; title: string } | undefined> {
  try {
    const link = await message.toUrlLink();
    return { url: link.url(), title: link.title() };
  } catch {
    return undefined;
  }
}

/** Longest text the bot reads; anything longer is cut here (and then reported as too long by the form). */
export const MAX_TEXT = 20_000;

/** The room message in the conversation's terms, or undefined for messages the bot does not handle. */
/** `botIds`: every account of the bot, which are no members of the group; this bot's alone when not given. */
export async function toIncoming(message: Message, botName: string, botIds?: () => readonly string[]): Promise<IncomingMessage | undefined> {
  const room = message.room();
  const talker = message.talker();
  if (!room || message.self()) return undefined;
  const kind = KINDS[message.type()] ?? 'other';
  let text = '';
  let mentioned = false;
  let mentionsOthers = false;
  if (kind === 'text') {
    const mentions = await message.mentionList();
    const self = message.wechaty.currentUser.id;
    mentioned = mentions.some((contact) => contact.id === self);
    mentionsOthers = mentions.some((contact) => contact.id !== self);
    text = mentions.length > 0 ? await message.mentionText() : message.text();
    // Some puppets deliver "@服务月助手 填报" without a mention list: read the name in the text too.
    const prefix = new RegExp(`^@${escapeRegExp(botName)}[\\s\\u2005]*`);
    if (prefix.test(text)) {
      mentioned = true;
      text = text.replace(prefix, '');
    }
    text = text.slice(0, MAX_TEXT);
  }
  const bots = () => botIds?.() ?? [message.wechaty.currentUser.id];
  return {
    id: message.id,
    roomId: room.id,
    roomTopic: await room.topic().catch(() => null),
    senderId: talker.id,
    senderName: talker.name(),
    kind,
    text,
    mentioned,
    mentionsOthers,
    roomMembers: async () => (await humanMembers(room, bots())).map((member) => member.name()),
    roomMemberIds: async () => (await humanMembers(room, bots())).map((member) => member.id),
    ...(FILE_KINDS.has(kind) ? { file: () => readFile(message) } : {}),
    ...(kind === 'link' ? linkOf(await readLink(message)) : {}),
  };
}

function linkOf(link: { url: string; title: string } | undefined): { link?: { url: string; title: string } } {
  return link ? { link } : {};
}

/** A group's members but the bot's accounts: their names and ids are what re-find a group after a new login. */
export async function humanMembers<M extends { id: string; name(): string }>(room: { memberAll(): Promise<M[]> }, botIds: readonly string[]): Promise<M[]> {
  const bots = new Set(botIds);
  return (await room.memberAll()).filter((member) => !bots.has(member.id));
}
