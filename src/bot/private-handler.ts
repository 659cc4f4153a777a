// Private chats with the bot: admins get their desk, everyone else a pointer to their group. One queue per
// person, so an admin's commands are answered in the order sent; each message once, however often WeChat
// delivers it.
import { FileBox } from 'file-box';
import type { Message, Wechaty } from 'wechaty';
import type { AdminDesk } from '../admin/index.js';
import type { AdminDirectory } from '../report/index.js';
import type { Logger } from '../log/index.js';
import type { KeyedQueue } from '../conversation/index.js';
import type { Outbound } from '../schedule/index.js';

/** The ids of the private messages handled: claimed before one is handled, given back if that fails. */
export interface MessageLedger {
  /** false when the message was handled already */
  claim(messageId: string, chatId: string): Promise<boolean>;
  release(messageId: string): Promise<void>;
}

export interface PrivateHandlerOptions {
  bot: Wechaty;
  desk: AdminDesk;
  queue: KeyedQueue;
  ledger: MessageLedger;
  accepting: () => boolean;
  /** what to say when handling failed */
  errorReply: string;
  /** a message went out: counts toward the send limits */
  counted?: () => Promise<unknown>;
  log: Logger;
}

export function attachPrivateHandler(options: PrivateHandlerOptions): void {
  const { bot, desk, queue, ledger, log } = options;
  const counted = options.counted ?? (() => Promise.resolve());

  const onMessage = async (message: Message): Promise<void> => {
    if (message.self() || message.room() || !options.accepting()) return;
    const type = message.type();
    const isFile = type === bot.Message.Type.Attachment;
    if (type !== bot.Message.Type.Text && !isFile) return;
    const talker = message.talker();
    const sender = { senderId: talker.id, senderName: talker.name() };
    const chat = `private:${talker.id}`;
    await queue.run(chat, async () => {
      if (!(await ledger.claim(message.id, chat))) return;
      try {
        let reply;
        try {
          reply = isFile ? await desk.handleFile(sender, await fileOf(message)) : await desk.handle({ ...sender, text: message.text() });
        } catch (error) {
          // not handled: the same message delivered again is tried again
          await ledger.release(message.id).catch(() => undefined);
          throw error;
        }
        for (const text of [reply.text, ...(reply.more ?? [])]) {
          await message.say(text);
          await counted();
        }
        // A buffer FileBox cannot be serialised by every puppet; base64 travels everywhere. Several files
        // go one after another, each made only when the one before has gone.
        for await (const file of reply.files ?? (reply.file ? [reply.file] : [])) {
          await message.say(FileBox.fromBase64(file.data.toString('base64'), file.name));
          await counted();
        }
      } catch (error) {
        log.error({ err: error, contactId: talker.id, messageId: message.id }, 'handling a private message failed');
        await message.say(options.errorReply).then(counted, () => undefined);
      }
    });
  };

  bot.on('message', (message) => {
    void onMessage(message).catch((error: unknown) => log.error({ err: error }, 'private message handler failed'));
  });
}

async function fileOf(message: Message): Promise<{ name: string; data: () => Promise<Buffer> }> {
  const box = await message.toFileBox();
  return { name: box.name, data: () => box.toBuffer() };
}

/**
 * Sends a note privately to every admin of the moment (counted toward the send limits); a failure is logged,
 * never thrown.
 */
export function adminNotifier(
  send: Pick<Outbound, 'toContact'>,
  admins: Pick<AdminDirectory, 'list'>,
  log: Logger,
  /** counts a note toward the limits of the account that sent it */
  counted?: (account: string) => Promise<unknown>,
): (text: string) => void {
  const notify = async (id: string, text: string) => {
    const account = await send.toContact(id, text);
    await counted?.(account);
  };
  return (text) => {
    void admins.list().then(
      (list) => {
        for (const { id } of list) void notify(id, text).catch((error: unknown) => log.warn({ err: error, adminId: id }, 'could not notify an admin'));
      },
      (error: unknown) => log.warn({ err: error }, 'could not read the admins to notify'),
    );
  };
}
