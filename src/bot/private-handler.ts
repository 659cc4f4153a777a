// Private chats with the bot: admins get their desk, everyone else a pointer to their group. One queue per
// person, so an admin's commands are answered in the order sent.
import type { Message, Wechaty } from 'wechaty';
import type { AdminDesk } from '../admin/desk.js';
import type { Logger } from '../log.js';
import type { KeyedQueue } from './keyed-queue.js';

export interface PrivateHandlerOptions {
  bot: Wechaty;
  desk: AdminDesk;
  queue: KeyedQueue;
  accepting: () => boolean;
  /** what to say when handling failed */
  errorReply: string;
  log: Logger;
}

export function attachPrivateHandler(options: PrivateHandlerOptions): void {
  const { bot, desk, queue, log } = options;

  const onMessage = async (message: Message): Promise<void> => {
    if (message.self() || message.room() || !options.accepting()) return;
    if (message.type() !== bot.Message.Type.Text) return;
    const talker = message.talker();
    await queue.run(`private:${talker.id}`, async () => {
      try {
        const reply = await desk.handle({ senderId: talker.id, senderName: talker.name(), text: message.text() });
        await message.say(reply);
      } catch (error) {
        log.error({ err: error, contactId: talker.id, messageId: message.id }, 'handling a private message failed');
        await message.say(options.errorReply).catch(() => undefined);
      }
    });
  };

  bot.on('message', (message) => {
    void onMessage(message).catch((error: unknown) => log.error({ err: error }, 'private message handler failed'));
  });
}

/** Sends a note to every admin privately; a failure is logged, never thrown. */
export function adminNotifier(bot: Wechaty, adminIds: readonly string[], log: Logger): (text: string) => void {
  return (text) => {
    for (const id of adminIds) {
      void (async () => {
        const contact = await bot.Contact.find({ id });
        if (!contact) throw new Error(`admin contact ${id} not found`);
        await contact.say(text);
      })().catch((error: unknown) => log.warn({ err: error, adminId: id }, 'could not notify an admin'));
    }
  };
}
