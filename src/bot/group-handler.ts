// Wires Wechaty's message events to the group conversations: one queue per group, replies sent in order,
// and failures reported instead of thrown out of the handler.
import type { Message, Room, Wechaty } from 'wechaty';
import type { GroupConversations } from '../conversation/index.js';
import type { Logger } from '../log/index.js';
import { humanMembers, toIncoming } from './incoming.js';
import type { KeyedQueue } from '../conversation/index.js';

export interface GroupHandlerOptions {
  bot: Wechaty;
  conversations: GroupConversations;
  queue: KeyedQueue;
  botName: string;
  /** the name of this bot's account: its replies count toward its own send limits */
  account: string;
  /** false once the app is stopping: later messages are left alone */
  accepting: () => boolean;
  /** whether this bot's account is the one that answers in the group (another account in it may be); always when absent */
  serves?: (roomId: string) => Promise<boolean>;
  /** the contact ids of all the bot's accounts, none of them a member of a group; this bot's alone when absent */
  botIds?: () => readonly string[];
  /** a message went out that no step counted (the apology when handling failed): counts toward the send limits */
  counted?: () => Promise<unknown>;
  log: Logger;
}

/** Pause before the second try of a reply that failed to send. */
const RETRY_DELAY_MS = 500;

async function sendWithRetry(send: () => Promise<unknown>): Promise<void> {
  try {
    await send();
  } catch {
    await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
    await send();
  }
}

export function attachGroupHandler(options: GroupHandlerOptions): (message: Message) => Promise<void> {
  const { bot, conversations, queue, botName, log } = options;
  const botIds = () => options.botIds?.() ?? [bot.currentUser.id];
  const counted = options.counted ?? (() => Promise.resolve());

  const onMessage = async (message: Message): Promise<void> => {
    const room = message.room();
    if (!room || message.self() || !options.accepting()) return;
    if (options.serves && !(await options.serves(room.id))) return;
    await queue.run(room.id, async () => {
      let replies: string[];
      try {
        const incoming = await toIncoming(message, botName, options.botIds);
        if (!incoming) return;
        replies = await conversations.handle({ ...incoming, account: options.account });
      } catch (error) {
        // Nothing was saved: the group is asked to send the message again.
        log.error({ err: error, roomId: room.id, messageId: message.id }, 'handling a group message failed');
        await room.say(conversations.internalError).then(counted, () => undefined);
        return;
      }
      // The answer is saved by now, and the reply counted with it. A reply that cannot be sent is tried
      // once more, then logged; it is never reported to the group as a lost answer, which sent again would
      // answer the next question.
      for (const reply of replies) {
        try {
          await sendWithRetry(() => room.say(reply));
        } catch (error) {
          log.error({ err: error, roomId: room.id, messageId: message.id }, 'sending a reply failed');
        }
      }
    });
  };

  // Added to a group: offer the unit named like it, unless another account serves the group. Queued like
  // its messages, so nothing overtakes it.
  const greet = (room: Room) =>
    queue.run(room.id, async () => {
      const text = await conversations.joined({
        roomId: room.id,
        roomTopic: await room.topic().catch(() => null),
        roomMembers: async () => (await humanMembers(room, botIds())).map((member) => member.name()),
        roomMemberIds: async () => (await humanMembers(room, botIds())).map((member) => member.id),
        account: options.account,
      });
      if (text) await room.say(text);
    });

  bot.on('room-join', (room, invitees) => {
    if (!options.accepting() || !invitees.some((contact) => contact.id === bot.currentUser.id)) return;
    void (options.serves?.(room.id) ?? Promise.resolve(true))
      .then((serves) => (serves ? greet(room) : undefined))
      .catch((error: unknown) => log.error({ err: error, roomId: room.id }, 'greeting a new group failed'));
  });

  bot.on('message', (message) => {
    void onMessage(message).catch((error: unknown) => log.error({ err: error }, 'message handler failed'));
  });
  return onMessage;
}
