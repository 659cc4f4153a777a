// The one-time codes that make a contact an admin: `npm run admin -- invite 小周` makes one, the admin sends
// `管理员 123456` privately and their contact id is bound. Six digits, because an admin types them on a phone
// whose Chinese keyboard has a digit pad; a code lasts a week and is spent once. Only its hash is stored: the
// code is printed once, so the database, a backup of it or `npm run admin -- list` never shows one that
// still works (a million codes are no secret to whoever holds the file, but that reader holds everything).
// Guessing is limited per contact: after five wrong codes within an hour the next are not even looked at.
// What spending a code means is decided here (claimOutcome), for the database and the tests' memory alike.
import { createHash, randomInt } from 'node:crypto';
import type { Admin, Scope } from '../report/index.js';

export const CODE_DIGITS = 6;
export const CODE_VALID_DAYS = 7;
const DAY_MS = 86_400_000;

/** Wrong codes a contact may send within WRONG_CODE_WINDOW_MS before its codes are refused unread. */
export const MAX_WRONG_CODES = 5;
export const WRONG_CODE_WINDOW_MS = 3_600_000;

/** A fresh code: six digits, leading zeros kept. `random(max)` is 0 ≤ n < max (a test's, or the system's). */
export function newCode(random: (max: number) => number = (max) => randomInt(max)): string {
  return String(random(10 ** CODE_DIGITS)).padStart(CODE_DIGITS, '0');
}

export function hashCode(code: string): string {
  return createHash('sha256').update(`admin-code:${code}`).digest('hex');
}

export function codeExpiry(now: Date): Date {
  return new Date(now.getTime() + CODE_VALID_DAYS * DAY_MS);
}

/**
 * The code in what follows 管理员: "123456", "１２３ ４５６", "：123-456"; undefined for anything else (a name,
 * a word, too few digits), which is no attempt at a code. Full-width separators are how Chinese is typed.
 */
export function codeIn(text: string): string | undefined {
  const digits = text.normalize('NFKC').replace(/[\s\-_:：,，.。、]+/gu, '');
  return new RegExp(`^\\d{${CODE_DIGITS}}$`).test(digits) ? digits : undefined;
}

/**
 * Until when a contact's codes are refused, given the times of its wrong codes: the moment the oldest of the
 * last MAX_WRONG_CODES leaves the window; undefined when it may try now.
 */
export function lockedUntil(wrong: readonly Date[], now: Date): Date | undefined {
  const recent = wrong.filter((at) => at.getTime() > now.getTime() - WRONG_CODE_WINDOW_MS).sort((a, b) => a.getTime() - b.getTime());
  if (recent.length < MAX_WRONG_CODES) return undefined;
  return new Date(recent[recent.length - MAX_WRONG_CODES]!.getTime() + WRONG_CODE_WINDOW_MS);
}

/** An admin's name as the operator types it, written one way: full-width forms folded, spaces dropped. */
export function adminName(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

/** A name for the command line and the chat: one to twenty characters, none of them a comma or '='. */
export function validAdminName(name: string): boolean {
  const length = [...name].length;
  return length >= 1 && length <= 20 && !/[,，=]/.test(name);
}

/** How a scope is kept in a row: its kind, and the city or industry (null for the province). */
export function scopeColumns(scope: Scope): { scope: Scope['kind']; scopeName: string | null } {
  switch (scope.kind) {
    case 'province':
      return { scope: 'province', scopeName: null };
    case 'city':
      return { scope: 'city', scopeName: scope.city };
    case 'industry':
      return { scope: 'industry', scopeName: scope.industry };
  }
}

/** The scope a row keeps; a row whose kind is not known, or that lacks its city or industry, has none. */
export function scopeOfColumns(kind: string, name: string | null): Scope | undefined {
  if (kind === 'province') return { kind: 'province' };
  if (kind === 'city' && name) return { kind: 'city', city: name };
  if (kind === 'industry' && name) return { kind: 'industry', industry: name };
  return undefined;
}

/** An admin the operator invited, by the name given. */
export type InvitedAdmin = Admin & { name: string };

export type ClaimOutcome =
  /** the contact is now this admin; `previous` the contact id it replaced, if any */
  | { kind: 'bound'; admin: InvitedAdmin; previous: string | null }
  /** the code was spent by this very contact already */
  | { kind: 'already'; admin: InvitedAdmin }
  /** the contact is another admin of the list already; the code is left unspent */
  | { kind: 'taken'; name: string; other: InvitedAdmin }
  | { kind: 'wrong' }
  | { kind: 'used' }
  | { kind: 'expired'; name: string };

/** The invitation that holds a code, as spending it needs to know it. */
export interface CodeHolder {
  name: string;
  scope: Scope;
  contactId: string | null;
  expiresAt: Date | null;
  usedAt: Date | null;
}

/**
 * What spending a code means for `contactId` at `at`: `holder` is the invitation whose code it is (none for a
 * wrong code), `current` the invitation the contact is bound to already, if any. Only `bound` changes anything.
 */
export function claimOutcome(holder: CodeHolder | undefined, current: CodeHolder | undefined, contactId: string, at: Date): ClaimOutcome {
  if (!holder) return { kind: 'wrong' };
  const admin = { id: contactId, name: holder.name, scope: holder.scope };
  if (holder.usedAt) return holder.contactId === contactId ? { kind: 'already', admin } : { kind: 'used' };
  if (!holder.expiresAt || holder.expiresAt <= at) return { kind: 'expired', name: holder.name };
  if (current && current.name !== holder.name) return { kind: 'taken', name: holder.name, other: { id: contactId, name: current.name, scope: current.scope } };
  return { kind: 'bound', admin, previous: holder.contactId !== null && holder.contactId !== contactId ? holder.contactId : null };
}

/** What 管理员 and a code reads and writes (claim.ts); the database's in src/store/invited-admins.ts. */
export interface ClaimStore {
  /** spends the code of that hash for the contact, unless it is unknown, spent, expired at `at`, or the contact is another admin */
  claim(codeHash: string, contactId: string, at: Date): Promise<ClaimOutcome>;
  /** when the contact sent codes that bound nothing, since `since` */
  wrongCodes(contactId: string, since: Date): Promise<Date[]>;
  /** records a code that bound nothing, and why (wrong, used, expired) */
  wrongCode(contactId: string, at: Date, detail: { name: string; reason: string }): Promise<void>;
}
