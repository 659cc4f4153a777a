// Messages the bot starts itself (reminders, digests), through one account's Wechaty: to a group by id,
// with @-mentions, or to a contact by id. A group that is gone or that no longer has the bot is an error,
// as is a send that does not finish in time, so the outbox can retry it later instead of waiting on it.
import type { Wechaty } from 'wechaty';
import { withTimeout } from '../shared/index.js';

/** Sends through one account. */
export interface AccountSender {
  toRoom(roomId: string, text: string, mentionIds: readonly string[]): Promise<void>;
  toContact(contactId: string, text: string): Promise<void>;
}

const SEND_TIMEOUT_MS = 30_000;
const tooSlow = (what: string) => () => {
  throw new Error(`${what} did not finish in ${SEND_TIMEOUT_MS / 1000} s`);
};

export function wechatyOutbound(bot: Wechaty): AccountSender {
  return {
    async toRoom(roomId, text, mentionIds) {
      await withTimeout(
        (async () => {
          const room = await bot.Room.find({ id: roomId });
          if (!room) throw new Error(`group ${roomId} not found`);
          if (!(await room.has(bot.currentUser))) throw new Error(`the bot is no longer in group ${roomId}`);
          const mentions = [];
          for (const id of mentionIds) {
            const contact = await bot.Contact.find({ id });
            if (contact && (await room.has(contact))) mentions.push(contact);
          }
          await room.say(text, ...mentions);
        })(),
        SEND_TIMEOUT_MS,
        tooSlow('sending to a group'),
      );
    },
    async toContact(contactId, text) {
      await withTimeout(
        (async () => {
          const contact = await bot.Contact.find({ id: contactId });
          if (!contact) throw new Error(`contact ${contactId} not found`);
          await contact.say(text);
        })(),
        SEND_TIMEOUT_MS,
        tooSlow('sending to a contact'),
      );
    },
  };
}
