// A member's message in a group, as the bot's router hands it to GroupConversations. Every message gets an id
// not used before in the test file, so that groups made again over the same store (a restart, a second
// group) never send one the store takes for a delivery twice.
import type { IncomingMessage } from '../../src/conversation/index.js';

/** The group a message is sent in, and the names its members go by. */
export interface GroupOf {
  roomId?: string;
  topic?: string | null;
  /** sender id → name; a sender not named goes by their id */
  names?: Readonly<Record<string, string>>;
}

const NAMES: Readonly<Record<string, string>> = { u1: '李华', u2: '王强', u3: '张敏' };

let sent = 0;

/** The text `text` from member `who` of the group, with `extra` (a file, a link, an @-mention) over it. */
export function groupMessage(group: GroupOf, text: string, who = 'u1', extra: Partial<IncomingMessage> = {}): IncomingMessage {
  const roomId = group.roomId ?? 'room-1';
  sent += 1;
  return {
    id: `${roomId}-${sent}`,
    roomId,
    roomTopic: group.topic ?? null,
    senderId: who,
    senderName: (group.names ?? NAMES)[who] ?? who,
    kind: 'text',
    text,
    mentioned: false,
    ...extra,
  };
}

/** groupMessage for one group. */
export function messagesIn(group: GroupOf = {}) {
  return (text: string, who = 'u1', extra: Partial<IncomingMessage> = {}) => groupMessage(group, text, who, extra);
}
