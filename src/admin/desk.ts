// The admins' private chat with the bot: statistics, the missing units, one unit in detail, the roster,
// unbinding, roster files. Everyone else who writes privately is pointed to their group; admin commands
// from them are refused, logged and audited.
import type { Campaign } from '../campaign/schema.js';
import { fill } from '../campaign/text.js';
import { exactMatches, rankByName } from '../conversation/name-match.js';
import type { Logger } from '../log.js';
import type { AdminStore, AdminUnit } from '../store/admin-store.js';
import { parseAdminCommand, type AdminCommand } from './commands.js';
import { lookupText, missingText, rosterText, statsText } from './report.js';
import { inScope, type Admin } from './scope.js';

export interface PrivateMessage {
  senderId: string;
  senderName: string;
  text: string;
}

export interface AdminDeskOptions {
  campaign: Campaign;
  admins: readonly Admin[];
  store: AdminStore;
  now: () => Date;
  log: Logger;
}

const CANDIDATES = 5;

export class AdminDesk {
  private readonly admins: Map<string, Admin>;

  constructor(private readonly options: AdminDeskOptions) {
    this.admins = new Map(options.admins.map((admin) => [admin.id, admin]));
  }

  isAdmin(contactId: string): boolean {
    return this.admins.has(contactId);
  }

  get adminIds(): string[] {
    return [...this.admins.keys()];
  }

  /** The reply to a private text message. */
  async handle(message: PrivateMessage): Promise<string> {
    const { campaign, log } = this.options;
    const command = parseAdminCommand(message.text, campaign);
    const admin = this.admins.get(message.senderId);
    if (!admin) {
      if (command.type === 'unknown' || command.type === 'help') return fill(campaign.messages.privateChat, { bot: campaign.botName });
      log.warn({ contactId: message.senderId, name: message.senderName, command: command.type }, 'admin command refused');
      await this.options.store.audit(message.senderId, this.options.now(), 'admin.refused', { name: message.senderName, text: message.text.slice(0, 100) });
      return campaign.admin.messages.refused;
    }
    return this.run(admin, command);
  }

  private async run(admin: Admin, command: AdminCommand): Promise<string> {
    const { campaign, now } = this.options;
    const m = campaign.admin.messages;
    const forms = campaign.forms;
    const formNames = forms.map((form) => form.shortTitle).join(campaign.formats.listSeparator);
    switch (command.type) {
      case 'help':
        return m.help;
      case 'unknown':
        return fill(m.unknown, { input: command.text });
      case 'stats':
        if (command.badForm) return fill(m.noSuchForm, { input: command.badForm, forms: formNames });
        return statsText(campaign, admin.scope, await this.unitsOf(admin), command.form ? [command.form] : forms, now());
      case 'missing':
        if (command.badForm) return fill(m.noSuchForm, { input: command.badForm, forms: formNames });
        return missingText(campaign, admin.scope, await this.unitsOf(admin), command.form ?? forms[0]!, command.filter, command.page);
      case 'roster':
        return rosterText(campaign, admin.scope, await this.unitsOf(admin));
      case 'lookup': {
        if (command.name === '') return m.lookupWhat;
        const found = await this.find(admin, command.name);
        if (typeof found === 'string') return found;
        return lookupText(campaign, found, await this.options.store.versions(found.id), now());
      }
      case 'unbind': {
        if (command.name === '') return m.unbindWhat;
        const found = await this.find(admin, command.name);
        if (typeof found === 'string') return found;
        const topics = await this.options.store.unbind(found.id, admin.id, now());
        if (topics.length === 0) return fill(m.unbindNone, { unit: found.name });
        return fill(m.unbound, { unit: found.name, topic: topics.filter((t) => t !== null).join(campaign.formats.listSeparator) });
      }
    }
  }

  private async unitsOf(admin: Admin): Promise<AdminUnit[]> {
    return (await this.options.store.units()).filter((unit) => inScope(admin.scope, unit));
  }

  /** The one unit in the admin's scope that a name means, or the reply that says why there is none. */
  private async find(admin: Admin, name: string): Promise<AdminUnit | string> {
    const m = this.options.campaign.admin.messages;
    const units = await this.unitsOf(admin);
    const exact = exactMatches(name, units);
    if (exact.length === 1) return exact[0]!;
    const ranked = exact.length > 1 ? exact : rankByName(name, units, CANDIDATES);
    if (ranked.length === 1) return ranked[0]!;
    if (ranked.length === 0) return fill(m.lookupNone, { name });
    const { campaign } = this.options;
    const list = ranked
      .map((unit, i) => {
        const where = [unit.city, unit.industry].filter((p): p is string => !!p).join(campaign.formats.listSeparator);
        return fill(campaign.messages.bindCandidateLine, { n: i + 1, name: unit.name, where });
      })
      .join('\n');
    return fill(m.lookupMany, { list });
  }
}
