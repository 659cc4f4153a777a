// Wires Wechaty's message events to the group conversations: one queue per group, replies sent in order,
// and failures reported instead of thrown out of the handler.
import type { Message, Wechaty } from 'wechaty';
import type { GroupConversations } from '../conversation/session.js';
import type { Logger } from '../log.js';
import { toIncoming } from './incoming.js';
import type { KeyedQueue } from './keyed-queue.js';

export interface GroupHandlerOptions {
  bot: Wechaty;
  conversations: GroupConversations;
  queue: KeyedQueue;
  botName: string;
  /** false once the app is stopping: later messages are left alone */
  accepting: () => boolean;
  log: Logger;
}

export function attachGroupHandler(options: GroupHandlerOptions): (message: Message) => Promise<void> {
  const { bot, conversations, queue, botName, log } = options;

  const onMessage = async (message: Message): Promise<void> => {
    const room = message.room();
    if (!room || message.self() || !options.accepting()) return;
    await queue.run(room.id, async () => {
      try {
        const incoming = await toIncoming(message, botName);
        if (!incoming) return;
        const replies = await conversations.handle(incoming);
        for (const reply of replies) await room.say(reply);
      } catch (error) {
        log.error({ err: error, roomId: room.id, messageId: message.id }, 'handling a group message failed');
        await room.say(conversations.internalError).catch(() => undefined);
      }
    });
  };

  // Added to a group: offer the unit named like it. Queued like its messages, so nothing overtakes it.
  bot.on('room-join', (room, invitees) => {
    if (!options.accepting() || !invitees.some((contact) => contact.id === bot.currentUser.id)) return;
    void queue
      .run(room.id, async () => {
        const text = await conversations.joined({
          roomId: room.id,
          roomTopic: await room.topic().catch(() => null),
          roomMembers: async () => (await room.memberAll()).map((member) => member.name()),
        });
        if (text) await room.say(text);
      })
      .catch((error: unknown) => log.error({ err: error, roomId: room.id }, 'greeting a new group failed'));
  });

  bot.on('message', (message) => {
    void onMessage(message).catch((error: unknown) => log.error({ err: error }, 'message handler failed'));
  });
  return onMessage;
}
