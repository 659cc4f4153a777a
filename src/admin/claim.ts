// `管理员 123456` in a private chat: the code `npm run admin -- invite` printed makes the contact that sends
// it the admin invited, and is spent. Anything else after 管理员 (a name, a nickname) binds nothing: the reply
// asks for the code. Wrong codes are counted per contact (invites.ts) and, past the limit, not even looked at.
import type { Campaign } from '../campaign/index.js';
import { fill } from '../campaign/index.js';
import type { Logger } from '../log/index.js';
import type { AdminDirectory } from '../report/index.js';
import { CODE_VALID_DAYS, hashCode, lockedUntil, WRONG_CODE_WINDOW_MS, type ClaimStore, type InvitedAdmin } from './invites.js';
import { scopeLabel } from '../report/index.js';

export interface AdminClaimsOptions {
  campaign: Campaign;
  store: ClaimStore;
  /** who the admins are now, the ADMINS setting included: a contact listed there keeps that scope */
  admins: AdminDirectory;
  now: () => Date;
  log: Logger;
}

export class AdminClaims {
  constructor(private readonly options: AdminClaimsOptions) {}

  /** The reply to 管理员 followed by `code` (undefined: no code at all, such as a name). */
  async claim(sender: { senderId: string; senderName: string }, code: string | undefined): Promise<string> {
    const { campaign, store, now, log } = this.options;
    const m = campaign.admin.messages;
    if (code === undefined) return m.claimHow;
    const at = now();
    const wrong = await store.wrongCodes(sender.senderId, new Date(at.getTime() - WRONG_CODE_WINDOW_MS));
    const locked = lockedUntil(wrong, at);
    if (locked) return fill(m.claimLocked, { minutes: minutesUntil(locked, at) });
    const outcome = await store.claim(hashCode(code), sender.senderId, at);
    switch (outcome.kind) {
      case 'bound':
        log.info({ contactId: sender.senderId, admin: outcome.admin.name, previous: outcome.previous }, 'admin bound by code');
        return fill(m.claimDone, await this.who(outcome.admin));
      case 'already':
        return fill(m.claimAgain, await this.who(outcome.admin));
      case 'taken':
        return fill(m.claimTaken, { name: outcome.name, other: outcome.other.name, scope: scopeLabel(campaign, outcome.other.scope) });
      case 'wrong':
      case 'used':
      case 'expired': {
        log.warn({ contactId: sender.senderId, name: sender.senderName, reason: outcome.kind }, 'admin code refused');
        await store.wrongCode(sender.senderId, at, { name: sender.senderName, reason: outcome.kind });
        const nowLocked = lockedUntil([...wrong, at], at);
        if (nowLocked) return fill(m.claimLocked, { minutes: minutesUntil(nowLocked, at) });
        if (outcome.kind === 'used') return m.claimUsed;
        if (outcome.kind === 'expired') return fill(m.claimExpired, { days: CODE_VALID_DAYS });
        return m.claimWrong;
      }
    }
  }

  /** The admin's name and the scope it has now: the ADMINS setting's, when it lists the contact too. */
  private async who(admin: InvitedAdmin): Promise<{ name: string; scope: string }> {
    const scope = (await this.options.admins.find(admin.id))?.scope ?? admin.scope;
    return { name: admin.name, scope: scopeLabel(this.options.campaign, scope) };
  }
}

function minutesUntil(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
}
