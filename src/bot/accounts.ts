// Several WeChat accounts in one bot. Each group is served by one account that is in it: the first, in the
// order the accounts were given, that is logged in and a member. So when two accounts share a group only
// one answers, the choice stays put, and it passes on when that account leaves the group or logs out.
// The outbox may send through any logged-in account in the group (or with the admin as a contact), and
// picks the first whose limits allow (inGroup, withContact); without a choice, sends follow the rule
// above, an admin's through the first that has the contact. With one account nothing is looked up.
import type { Wechaty } from 'wechaty';
import { wechatyOutbound, type AccountSender } from './outbound.js';
import type { Outbound } from '../schedule/index.js';

export interface Account {
  name: string;
  bot: Wechaty;
}

async function inRoom(bot: Wechaty, roomId: string): Promise<boolean | undefined> {
  try {
    const room = await bot.Room.find({ id: roomId });
    if (!room) return false;
    return await room.has(bot.currentUser);
  } catch {
    return undefined;
  }
}

export class Accounts {
  private readonly senders: Map<string, AccountSender>;

  constructor(readonly list: readonly Account[]) {
    if (list.length === 0) throw new Error('at least one WeChat account is needed');
    this.senders = new Map(list.map((account) => [account.name, wechatyOutbound(account.bot)]));
  }

  /** The contact ids of the accounts logged in: the bot's own, never members of a group. */
  selfIds(): string[] {
    return this.list.filter((account) => account.bot.isLoggedIn).map((account) => account.bot.currentUser.id);
  }

  /** Whether any account is logged in. */
  get online(): boolean {
    return this.list.some((account) => account.bot.isLoggedIn);
  }

  /** The account that answers and sends in the group, or undefined when none of them can. */
  async forRoom(roomId: string): Promise<Account | undefined> {
    for (const account of this.list) {
      if (account.bot.isLoggedIn && (await inRoom(account.bot, roomId))) return account;
    }
    return undefined;
  }

  /** Whether `account` is the one that answers in the group. Always, with a single account. */
  async serves(account: Account, roomId: string): Promise<boolean> {
    if (this.list.length === 1) return true;
    return (await this.forRoom(roomId)) === account;
  }

  /** Whether any account is still in the group: undefined when no account could tell. */
  async groupAlive(roomId: string): Promise<boolean | undefined> {
    const answers = await Promise.all(this.list.map((account) => inRoom(account.bot, roomId)));
    if (answers.includes(true)) return true;
    return answers.every((answer) => answer === false) ? false : undefined;
  }

  /** A contact's name as the first account that knows it says. */
  async contactName(contactId: string): Promise<string | undefined> {
    for (const account of this.list) {
      const contact = await account.bot.Contact.find({ id: contactId }).catch(() => undefined);
      if (contact?.name()) return contact.name();
    }
    return undefined;
  }

  /** The logged-in accounts in the group, in order: the first serves it. A single account, without looking. */
  async inGroup(roomId: string): Promise<string[]> {
    if (this.list.length === 1) return [this.list[0]!.name];
    const names: string[] = [];
    for (const account of this.list) if (account.bot.isLoggedIn && (await inRoom(account.bot, roomId))) names.push(account.name);
    return names;
  }

  /** The logged-in accounts that have the contact, in order. A single account, without looking. */
  async withContact(contactId: string): Promise<string[]> {
    if (this.list.length === 1) return [this.list[0]!.name];
    const names: string[] = [];
    for (const account of this.list) {
      if (account.bot.isLoggedIn && (await account.bot.Contact.find({ id: contactId }).catch(() => undefined))) names.push(account.name);
    }
    return names;
  }

  /** Sends through `via`, or else the account a group or a contact is served by; resolves to the account's name. */
  outbound(): Outbound {
    const sender = (name: string) => {
      const found = this.senders.get(name);
      if (!found) throw new Error(`no account named ${name}`);
      return found;
    };
    return {
      toRoom: async (roomId, text, mentionIds, via) => {
        const name = via ?? (this.list.length === 1 ? this.list[0]!.name : (await this.forRoom(roomId))?.name);
        if (!name) throw new Error(`no logged-in account is in group ${roomId}`);
        await sender(name).toRoom(roomId, text, mentionIds);
        return name;
      },
      toContact: async (contactId, text, via) => {
        const name = via ?? (await this.withContact(contactId))[0];
        if (!name) throw new Error(`no logged-in account has contact ${contactId}`);
        await sender(name).toContact(contactId, text);
        return name;
      },
    };
  }
}
