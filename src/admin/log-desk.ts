// 日志 in the admins' chat: the last changes to the units the admin may see, each with who made it, named as
// the log says it: an admin marked as one, the bot, the command line, a member by the name the groups know.
import type { Campaign } from '../campaign/index.js';
import { fill } from '../campaign/index.js';
import type { AdminDirectory } from '../report/index.js';
import type { AdminUnit, AuditEntry } from '../report/index.js';
import type { Access } from './access.js';
import { actorKind, describeEntry, logText } from './audit-text.js';
import { echoName } from './echo.js';
import type { AdminStore } from './store.js';

/** How many changes 日志 shows, and how many entries of the audit log are read at a time to find them. */
const LOG_ENTRIES = 20;
const LOG_PAGE = 200;

export interface LogDeskOptions {
  campaign: Campaign;
  store: Pick<AdminStore, 'auditLog' | 'knownNames'>;
  admins: Pick<AdminDirectory, 'find'>;
  /** a contact's name as WeChat knows it now; undefined when it does not */
  contactName?: (id: string) => Promise<string | undefined>;
}

export class LogDesk {
  constructor(private readonly options: LogDeskOptions) {}

  /** 日志: the last changes the admin may see, of one unit or of the whole scope. */
  async log(access: Access, unit?: AdminUnit): Promise<string> {
    const { campaign, store } = this.options;
    const seen: AuditEntry[] = [];
    let beforeId: number | undefined;
    for (;;) {
      const page = await store.auditLog({ ...(unit ? { unitId: unit.id } : {}), ...(beforeId !== undefined ? { beforeId } : {}), limit: LOG_PAGE });
      for (const entry of page) if (seen.length < LOG_ENTRIES && (await access.sees(entry))) seen.push(entry);
      if (seen.length >= LOG_ENTRIES || page.length < LOG_PAGE) break;
      beforeId = page.at(-1)!.id;
    }
    const units = new Map((await access.units()).map((u) => [u.id, u.name] as const));
    const who = await this.actorNames(seen);
    const lines = seen.map((entry) => ({ at: entry.at, who: who(entry), what: describeEntry(campaign, entry, (id) => units.get(id)) }));
    return logText(campaign, unit ? unit.name : access.label, lines);
  }

  /**
   * Who made each change, as the log says it: an admin by name and marked as one, the bot itself, the
   * command line, a member by the name the groups or WeChat know, else the contact id.
   */
  private async actorNames(entries: readonly AuditEntry[]): Promise<(entry: AuditEntry) => string> {
    const { campaign, store, contactName, admins } = this.options;
    const actors = campaign.admin.labels.actors;
    const ids = [...new Set(entries.map((entry) => entry.actor))];
    const stored = await store.knownNames(ids);
    const names = new Map<string, string>();
    const isAdmin = new Set<string>();
    for (const id of ids) {
      if (actorKind(id).kind !== 'contact') continue;
      const admin = await admins.find(id);
      if (admin) isAdmin.add(id);
      // an invited admin by the name the operator gave
      const name = admin?.name ?? stored.get(id) ?? (await contactName?.(id).catch(() => undefined));
      if (name) names.set(id, echoName(name));
    }
    return (entry) => {
      const kind = actorKind(entry.actor);
      if (kind.kind === 'system') return actors.system;
      if (kind.kind === 'cli') return fill(actors.cli, { user: echoName(kind.user) });
      const name = names.get(entry.actor);
      if (isAdmin.has(entry.actor)) return fill(actors.admin, { name: name ?? entry.actor });
      // one refused said who they claimed to be
      const claimed = entry.action === 'admin.refused' && typeof entry.detail.name === 'string' ? echoName(entry.detail.name) : undefined;
      return claimed || name || entry.actor;
    };
  }
}
