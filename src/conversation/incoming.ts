// A group message as the conversation receives it: who wrote, what kind of message, its text without the
// @-mention of the bot, and what is read only when needed (the members, the file); and the group as the
// bot sees it besides its messages.
/** link: a shared article card (its address and title); card: a 小程序 or 视频号 card, which has no web address */
export type MessageKind = 'text' | 'image' | 'sticker' | 'voice' | 'video' | 'file' | 'link' | 'card' | 'other';

export interface IncomingMessage {
  id: string;
  roomId: string;
  roomTopic: string | null;
  senderId: string;
  senderName: string;
  kind: MessageKind;
  /** the text without any @-mention of the bot */
  text: string;
  /** the message @-mentions the bot */
  mentioned: boolean;
  /** the message @-mentions a member other than the bot: words for that member */
  mentionsOthers?: boolean;
  /** the names of the group's members, asked only when binding needs them */
  roomMembers?: () => Promise<string[]>;
  /** their contact ids, likewise */
  roomMemberIds?: () => Promise<string[]>;
  /** the picture or file of a non-text message, read only when a form asks for one */
  file?: () => Promise<{ name: string; mime: string; data: Buffer }>;
  /** a shared article card: its web address and title */
  link?: { url: string; title: string };
  /** the bot's account that answers in the group, whose send limits the replies count toward */
  account?: string;
}

/** What the bot sees of a group besides its messages: its id, topic and, when binding needs them, its members. */
export interface SeenGroup {
  roomId: string;
  topic: string | null;
  members?: () => Promise<string[]>;
  memberIds?: () => Promise<string[]>;
  /** the bot's account that sees and answers the group; replies without one are not counted here */
  account?: string;
}

export type SeenRoom = Pick<IncomingMessage, 'roomId' | 'roomTopic' | 'roomMembers' | 'roomMemberIds' | 'account'>;

export function seenGroup(room: SeenRoom): SeenGroup {
  return {
    roomId: room.roomId,
    topic: room.roomTopic,
    ...(room.roomMembers ? { members: room.roomMembers } : {}),
    ...(room.roomMemberIds ? { memberIds: room.roomMemberIds } : {}),
    ...(room.account ? { account: room.account } : {}),
  };
}
