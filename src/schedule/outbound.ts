// How the scheduled messages reach WeChat: declared here, where they are sent from, and kept by the bot's
// accounts (bot/accounts.ts).

/** Sends through the bot's accounts: through `via` when given, else the one that serves the group or has the contact. */
export interface Outbound {
  /** resolves to the name of the account that sent it */
  toRoom(roomId: string, text: string, mentionIds: readonly string[], via?: string): Promise<string>;
  toContact(contactId: string, text: string, via?: string): Promise<string>;
}
