// `npm run admin -- invite 小周 [--city 广州市 | --industry 广东电网 | --province]`, `list`, `remove 小周`: the
// admins from the terminal. An invitation prints a one-time code; the admin sends `管理员 <code>` to the bot
// privately and their contact id is bound (src/admin/claim.ts). The running bot reads the admins from the
// database at each use, so what this command changes counts there at once. Exit codes: 0 done, 1 no such
// admin to remove, 2 a command written wrong, 4 anything else (configuration, database).
import { parseArgs } from 'node:util';
import { withSettingAdmins } from '../report/index.js';
import { adminName, CODE_VALID_DAYS, codeExpiry, hashCode, newCode, scopeColumns, validAdminName } from '../admin/index.js';
import { scopeLabel } from '../report/index.js';
import { parseAdmins, scopeNamed, type Admin, type Scope } from '../report/index.js';
import { loadCampaign } from '../files/index.js';
import type { Campaign } from '../campaign/index.js';
import { fill, type Vars } from '../campaign/index.js';
import { formatDateTime } from '../campaign/index.js';
import { readConfig } from '../app/index.js';
import { openDatabase } from '../store/index.js';
import { PrismaInvitedAdmins, type Invitation } from '../store/index.js';
import { Serial } from '../store/index.js';
import { adminTexts } from './admin/texts.js';
import { cliActor, runWhenMain, type CliIo } from './terminal.js';

export const EXIT = { ok: 0, notFound: 1, usage: 2, failed: 4 } as const;

/** A new code is drawn again when another invitation holds it; this many draws are more than enough. */
const CODE_DRAWS = 20;

type Command =
  | { name: 'help' }
  | { name: 'list' }
  | { name: 'remove'; admin: string }
  | { name: 'invite'; admin: string; scope?: { kind: 'province' } | { kind: 'city' | 'industry'; place: string } };

class UsageError extends Error {}

/** Runs one command; resolves to the exit code. */
export async function runAdminCli(argv: readonly string[], io: CliIo): Promise<number> {
  const t = adminTexts();
  let command: Command;
  try {
    command = parseCommand(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(fill(t.usage, { reason: error.message }));
    return EXIT.usage;
  }
  if (command.name === 'help') {
    io.out(fill(t.help, { days: CODE_VALID_DAYS }));
    return EXIT.ok;
  }
  try {
    const config = readConfig(io.env);
    const campaign = loadCampaign(config.CAMPAIGN_DIR);
    const setting = parseAdmins(config.ADMINS);
    const database = await openDatabase(config.DATABASE_URL);
    try {
      const store = new PrismaInvitedAdmins(database.prisma, new Serial());
      const context = { io, campaign, store, setting, now: io.now() };
      if (command.name === 'list') return await list(context);
      if (command.name === 'remove') return await remove(context, command.admin);
      return await invite(context, command);
    } finally {
      await database.close();
    }
  } catch (error) {
    io.err(fill(t.failed, { reason: error instanceof Error ? error.message : String(error) }));
    return EXIT.failed;
  }
}

function parseCommand(argv: readonly string[]): Command {
  const t = adminTexts();
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { city: { type: 'string' }, industry: { type: 'string' }, province: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    throw new UsageError(fill(t.badOption, { reason: (error as Error).message }));
  }
  const { values, positionals } = parsed;
  const [name, admin, extra] = positionals;
  if (values.help || name === 'help') return { name: 'help' };
  if (name === undefined) throw new UsageError(t.missingCommand);
  if (name !== 'invite' && name !== 'list' && name !== 'remove') throw new UsageError(fill(t.unknownCommand, { command: name }));
  const scopes = (['city', 'industry', 'province'] as const).filter((kind) => values[kind] !== undefined);
  if (scopes.length > 0 && name !== 'invite') throw new UsageError(t.scopeOnlyForInvite);
  if (name === 'list') {
    if (admin !== undefined) throw new UsageError(fill(t.extraArgument, { argument: admin }));
    return { name };
  }
  if (admin === undefined) throw new UsageError(fill(t.missingName, { command: name }));
  if (extra !== undefined) throw new UsageError(fill(t.extraArgument, { argument: extra }));
  const person = adminName(admin);
  // remove takes an ADMINS id too, to say where that one is removed
  if (name === 'remove') return { name, admin: person };
  if (!validAdminName(person)) throw new UsageError(fill(t.badName, { name: admin }));
  if (scopes.length > 1) throw new UsageError(t.oneScope);
  const kind = scopes[0];
  if (kind === undefined) return { name, admin: person };
  if (kind === 'province') return { name, admin: person, scope: { kind } };
  const place = String(values[kind]).trim();
  if (place === '') throw new UsageError(fill(t.emptyScope, { option: `--${kind}`, example: t.examples[kind] }));
  return { name, admin: person, scope: { kind, place } };
}

interface Context {
  io: CliIo;
  campaign: Campaign;
  store: PrismaInvitedAdmins;
  /** the ADMINS setting */
  setting: Admin[];
  now: Date;
}

async function invite(context: Context, command: Extract<Command, { name: 'invite' }>): Promise<number> {
  const t = adminTexts();
  const { io, campaign, store, now } = context;
  let scope: Scope | undefined;
  if (command.scope?.kind === 'province') scope = { kind: 'province' };
  else if (command.scope) {
    const checked = await checkPlace(context, command.admin, command.scope.kind, command.scope.place);
    if (!checked) return EXIT.usage;
    scope = checked;
  }
  for (let draw = 0; draw < CODE_DRAWS; draw++) {
    const code = newCode();
    const expiresAt = codeExpiry(now);
    const result = await store.invite({ name: command.admin, ...(scope ? { scope } : {}), codeHash: hashCode(code), expiresAt, actor: cliActor(), at: now });
    if (result.kind === 'codeTaken') continue;
    const { invitation } = result;
    const vars = { name: invitation.name, scope: scopeLabel(campaign, invitation.scope), code, expires: when(campaign, expiresAt) };
    io.out(fill(result.renewed ? t.renewed : t.invited, vars));
    if (result.renewed && invitation.contactId) io.out(fill(t.renewedBound, vars));
    io.out(fill(t.send, vars));
    io.out(`${campaign.admin.commands.claim[0]} ${code}`);
    return EXIT.ok;
  }
  throw new Error('no free code could be drawn');
}

/**
 * The city or industry the option names, as the roster writes it ("广州" for 广州市). One the roster does not
 * have is taken with a warning (the roster may come later, or from that admin); one the roster has as the
 * other kind is refused with the command that means it. Undefined when refused.
 */
async function checkPlace(context: Context, admin: string, kind: 'city' | 'industry', place: string): Promise<Scope | undefined> {
  const t = adminTexts();
  const { io, store } = context;
  const units = await store.places();
  const vars: Vars = { kind: t.kinds[kind], place, name: admin, option: `--${kind}` };
  if (units.length === 0) {
    io.err(fill(t.rosterEmpty, vars));
    return kind === 'city' ? { kind, city: place } : { kind, industry: place };
  }
  const named = scopeNamed(place, units);
  if (named?.kind === kind) return named;
  if (named) {
    // the roster has it as the other kind
    const other = kind === 'city' ? 'industry' : 'city';
    io.err(fill(t.placeOtherKind, { ...vars, place: scopeColumns(named).scopeName ?? place, other: t.kinds[other], otherOption: `--${other}` }));
    return undefined;
  }
  const known = [...new Set(units.map((unit) => unit[kind]).filter((name): name is string => !!name))];
  const shown = known.slice(0, 10).join(t.knownSeparator) + (known.length > 10 ? fill(t.knownMore, { count: known.length }) : '');
  io.err(fill(t.placeUnknown, { ...vars, known: shown }));
  return kind === 'city' ? { kind, city: place } : { kind, industry: place };
}

async function list(context: Context): Promise<number> {
  const t = adminTexts();
  const { io, campaign, store, setting, now } = context;
  const invitations = await store.invitations();
  const admins = await withSettingAdmins(setting, store).list();
  if (admins.length === 0 && invitations.length === 0) {
    io.out(t.listNone);
    return EXIT.ok;
  }
  const settingIds = new Set(setting.map((admin) => admin.id));
  const pending = invitations.filter((invitation) => invitation.contactId === null).length;
  io.out(fill(t.listHeader, { admins: admins.length, pending }));
  for (const invitation of invitations) io.out(invitationLine(campaign, invitation, settingIds, now));
  for (const admin of setting) io.out(fill(t.listSetting, { contact: admin.id, scope: scopeLabel(campaign, admin.scope) }));
  return EXIT.ok;
}

function invitationLine(campaign: Campaign, invitation: Invitation, settingIds: ReadonlySet<string>, now: Date): string {
  const t = adminTexts();
  const vars = {
    name: invitation.name,
    scope: scopeLabel(campaign, invitation.scope),
    contact: invitation.contactId ?? '',
    at: invitation.boundAt ? when(campaign, invitation.boundAt) : '',
    expires: invitation.codeExpiresAt ? when(campaign, invitation.codeExpiresAt) : '',
  };
  const live = invitation.codeWaiting && invitation.codeExpiresAt !== null && invitation.codeExpiresAt > now;
  if (invitation.contactId === null) return fill(live ? t.listWaiting : t.listExpired, vars);
  return [fill(t.listBound, vars), live ? fill(t.listRenewed, vars) : '', settingIds.has(invitation.contactId) ? t.listShadowed : ''].join('');
}

async function remove(context: Context, name: string): Promise<number> {
  const t = adminTexts();
  const { io, campaign, store, setting, now } = context;
  const removed = await store.remove(name, cliActor(), now);
  if (!removed) {
    io.err(fill(setting.some((admin) => admin.id === name) ? t.removeSetting : t.removeNone, { name }));
    return EXIT.notFound;
  }
  const vars = { name: removed.name, scope: scopeLabel(campaign, removed.scope), contact: removed.contactId ?? '' };
  io.out(fill(removed.contactId ? t.removed : t.removedInvitation, vars));
  return EXIT.ok;
}

function when(campaign: Campaign, at: Date): string {
  return formatDateTime(at, campaign.timezone, campaign.formats);
}

await runWhenMain(import.meta.url, runAdminCli);
