// The admins invited by `npm run admin`: the bot reads them at each use (the admin directory), binds a
// contact that sends a code (the claims), and the command line invites, lists and removes them. Wrong codes
// are kept in the audit log, where 日志 shows them too and the guessing limit counts them.
import type { AdminDirectory } from '../report/index.js';
import { claimOutcome, scopeColumns, scopeOfColumns, type ClaimOutcome, type ClaimStore, type CodeHolder, type InvitedAdmin } from '../admin/index.js';
import type { Scope } from '../report/index.js';
import type { InvitedAdmin as Row, PrismaClient } from './generated/client.js';
import { audit } from './records.js';
import type { Serial } from './serial.js';

const WRONG_CODE = 'admin.codeRefused';

/** An invitation as the operator sees it: bound to a contact, waiting for its code, or both (a code renewed). */
export interface Invitation {
  name: string;
  scope: Scope;
  /** the contact id bound; null until a code is spent */
  contactId: string | null;
  boundAt: Date | null;
  /** the latest code's end, and whether it waits to be spent */
  codeExpiresAt: Date | null;
  codeWaiting: boolean;
}

export type InviteResult = { kind: 'invited'; renewed: boolean; invitation: Invitation } | { kind: 'codeTaken' };

export interface InviteRequest {
  name: string;
  /** the scope to give; none keeps a renewed invitation's, or makes a new one for the province */
  scope?: Scope;
  codeHash: string;
  expiresAt: Date;
  actor: string;
  at: Date;
}

export class PrismaInvitedAdmins implements AdminDirectory, ClaimStore {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly serial: Serial,
  ) {}

  list(): Promise<InvitedAdmin[]> {
    return this.serial.run(async () => {
      const rows = await this.prisma.invitedAdmin.findMany({ where: { contactId: { not: null } }, orderBy: { id: 'asc' } });
      return rows.map(adminOf).filter((admin): admin is InvitedAdmin => admin !== undefined);
    });
  }

  find(contactId: string): Promise<InvitedAdmin | undefined> {
    return this.serial.run(async () => {
      const row = await this.prisma.invitedAdmin.findUnique({ where: { contactId } });
      return row ? adminOf(row) : undefined;
    });
  }

  claim(codeHash: string, contactId: string, at: Date): Promise<ClaimOutcome> {
    return this.serial.run(() =>
      this.prisma.$transaction(async (tx): Promise<ClaimOutcome> => {
        const row = await tx.invitedAdmin.findUnique({ where: { codeHash } });
        const current = await tx.invitedAdmin.findUnique({ where: { contactId } });
        const outcome = claimOutcome(row ? holderOf(row) : undefined, current ? holderOf(current) : undefined, contactId, at);
        if (outcome.kind !== 'bound') return outcome;
        await tx.invitedAdmin.update({ where: { id: row!.id }, data: { contactId, boundAt: at, codeUsedAt: at } });
        await audit(tx, contactId, at, 'admin.bound', { name: outcome.admin.name, ...scopeColumns(outcome.admin.scope), previous: outcome.previous });
        return outcome;
      }),
    );
  }

  wrongCodes(contactId: string, since: Date): Promise<Date[]> {
    return this.serial.run(async () => {
      const rows = await this.prisma.auditLog.findMany({ where: { actor: contactId, action: WRONG_CODE, at: { gte: since } }, select: { at: true } });
      return rows.map((row) => row.at);
    });
  }

  wrongCode(contactId: string, at: Date, detail: { name: string; reason: string }): Promise<void> {
    return this.serial.run(() => audit(this.prisma, contactId, at, WRONG_CODE, detail));
  }

  /** Every invitation, bound or not, oldest first. */
  invitations(): Promise<Invitation[]> {
    return this.serial.run(async () => {
      const rows = await this.prisma.invitedAdmin.findMany({ orderBy: { id: 'asc' } });
      return rows.flatMap((row) => invitationOf(row) ?? []);
    });
  }

  /**
   * A new invitation, or a new code for the one of that name (its scope kept unless another is given, its
   * contact bound until the new code is spent). `codeTaken` when another invitation holds that code: make
   * another.
   */
  invite(request: InviteRequest): Promise<InviteResult> {
    return this.serial.run(() =>
      this.prisma.$transaction(async (tx): Promise<InviteResult> => {
        const holder = await tx.invitedAdmin.findUnique({ where: { codeHash: request.codeHash } });
        if (holder && holder.name !== request.name) return { kind: 'codeTaken' };
        const existing = await tx.invitedAdmin.findUnique({ where: { name: request.name } });
        const scope = request.scope ?? (existing ? scopeOfColumns(existing.scope, existing.scopeName) : undefined) ?? { kind: 'province' };
        const data = { ...scopeColumns(scope), codeHash: request.codeHash, codeExpiresAt: request.expiresAt, codeUsedAt: null };
        const row = existing
          ? await tx.invitedAdmin.update({ where: { id: existing.id }, data })
          : await tx.invitedAdmin.create({ data: { name: request.name, ...data } });
        await audit(tx, request.actor, request.at, 'admin.invited', { name: request.name, ...scopeColumns(scope), renewed: existing !== null });
        return { kind: 'invited', renewed: existing !== null, invitation: invitationOf(row)! };
      }),
    );
  }

  /** Removes the invitation of that name, bound or not; what it was, or null when there is none. */
  remove(name: string, actor: string, at: Date): Promise<Invitation | null> {
    return this.serial.run(() =>
      this.prisma.$transaction(async (tx) => {
        const row = await tx.invitedAdmin.findUnique({ where: { name } });
        if (!row) return null;
        await tx.invitedAdmin.delete({ where: { id: row.id } });
        await audit(tx, actor, at, 'admin.removed', { name, scope: row.scope, scopeName: row.scopeName, contactId: row.contactId });
        return invitationOf(row) ?? null;
      }),
    );
  }

  /** The cities and industries of the roster, to check an invitation's scope against. */
  places(): Promise<{ city: string | null; industry: string | null }[]> {
    return this.serial.run(() => this.prisma.unit.findMany({ select: { city: true, industry: true } }));
  }
}

function adminOf(row: Row): InvitedAdmin | undefined {
  const scope = scopeOfColumns(row.scope, row.scopeName);
  return scope && row.contactId ? { id: row.contactId, name: row.name, scope } : undefined;
}

/** A row as spending a code reads it; a row whose scope cannot be read holds no code that works. */
function holderOf(row: Row): CodeHolder | undefined {
  const scope = scopeOfColumns(row.scope, row.scopeName);
  return scope ? { name: row.name, scope, contactId: row.contactId, expiresAt: row.codeExpiresAt, usedAt: row.codeUsedAt } : undefined;
}

function invitationOf(row: Row): Invitation | undefined {
  const scope = scopeOfColumns(row.scope, row.scopeName);
  if (!scope) return undefined;
  return {
    name: row.name,
    scope,
    contactId: row.contactId,
    boundAt: row.boundAt,
    codeExpiresAt: row.codeExpiresAt,
    codeWaiting: row.codeHash !== null && row.codeUsedAt === null,
  };
}
