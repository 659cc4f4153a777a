// The admins' private chat with the bot: statistics, the missing units, one unit in detail, the roster,
// unbinding, roster files, the audit log. Everyone else who writes privately is pointed to their group;
// admin commands from them are refused, logged and audited. An admin is known by contact id only (listed in
// ADMINS, or bound by the one-time code of `管理员 123456`, claim.ts), looked up at each message, and every
// command reads and changes units through the Access made for that admin (access.ts), which holds its scope.
import { withoutInvisible } from '../campaign/index.js';
import { acceptsSubmission, deadlineOf } from '../campaign/index.js';
import type { Campaign } from '../campaign/index.js';
import { formatDuration } from '../campaign/index.js';
import { fill } from '../campaign/index.js';
import { exactMatches, rankByName } from '../conversation/index.js';
import type { Logger } from '../log/index.js';
import type { AdminStore, PickList } from './store.js';
import type { AdminUnit } from '../report/index.js';
import { parseAdminCommand, type AdminCommand } from './commands.js';
import type { Exporter } from '../export/index.js';
import { renderImportResult } from '../roster/index.js';
import type { GroupNotices, ReminderControl } from '../schedule/index.js';
import { Access } from './access.js';
import { healthText, type HealthReport } from './health.js';
import { guideReply } from './guide-reply.js';
import { AdminClaims } from './claim.js';
import type { AdminDirectory } from '../report/index.js';
import type { ClaimStore } from './invites.js';
import { ECHO_LIMITS, echoCommand, echoFileName, echoName, echoQuery } from './echo.js';
import { lookupText, missingPage, missingText, rosterText, statsText } from '../report/index.js';
import { reviewerName } from '../report/index.js';
import type { DeskReply, FileLimit, PrivateMessage } from './reply.js';
import { ReviewDesk, type FormReturner } from './review-desk.js';
import { ExportDesk } from './export-desk.js';
import { RosterDesk, type RosterDeskOptions } from './roster-desk.js';
import { LogDesk } from './log-desk.js';

/** What the desk asks of the groups: 解绑 frees a unit's groups, 退回 reopens a form, through their own conversations. */
export interface GroupControl extends FormReturner {
  /** returns the room ids of the groups freed */
  unbindUnit(unitId: number, actor: string): Promise<string[]>;
  /** 确认换群: frees the unit's groups and binds it to `toRoomId`; what that group is told, null if it could not bind */
  moveUnit(unitId: number, toRoomId: string, by: { id: string; name: string }): Promise<{ freed: string[]; told: string | null }>;
}

export interface AdminDeskOptions {
  campaign: Campaign;
  /** who the admins are now */
  admins: AdminDirectory;
  /** the invitations that 管理员 and a code spend */
  claims: ClaimStore;
  store: AdminStore;
  groups: GroupControl;
  exporter: Exporter;
  /** the roster files admins send: read by the spec, and the part of the roster's store the desk uses */
  roster: RosterDeskOptions['roster'];
  reminders: ReminderControl;
  /** how a group hears what an admin did to it (a form sent back) */
  notices: GroupNotices;
  now: () => Date;
  log: Logger;
  /** what the files the desk sends must keep within; WECHAT_FILE_LIMIT when not given */
  fileLimit?: FileLimit;
  /** the bot's own health, for 状态 */
  health?: () => Promise<HealthReport>;
  /** a contact's name as WeChat knows it now, for 日志; undefined when it does not */
  contactName?: (id: string) => Promise<string | undefined>;
}

const CANDIDATES = 5;

export class AdminDesk {
  private readonly review: ReviewDesk;
  private readonly exports: ExportDesk;
  private readonly rosterFiles: RosterDesk;
  private readonly logs: LogDesk;

  private readonly claims: AdminClaims;

  constructor(private readonly options: AdminDeskOptions) {
    const { campaign, store, groups, notices, now, log, admins, claims } = options;
    this.review = new ReviewDesk({ campaign, store, groups, notices, now });
    this.exports = new ExportDesk({ campaign, exporter: options.exporter, ...(options.fileLimit ? { fileLimit: options.fileLimit } : {}) });
    this.rosterFiles = new RosterDesk({ campaign, roster: options.roster, now });
    this.logs = new LogDesk({ campaign, store, admins, ...(options.contactName ? { contactName: options.contactName } : {}) });
    this.claims = new AdminClaims({ campaign, store: claims, admins, now, log });
  }

  /**
   * What the contact may read and change: undefined for anyone not an admin by contact id, whatever the
   * name. The one way into every admin command.
   */
  private async accessFor(contactId: string): Promise<Access | undefined> {
    const admin = await this.options.admins.find(contactId);
    return admin ? new Access(this.options.campaign, admin, () => this.options.store.units()) : undefined;
  }

  /** The reply to a private text message. */
  async handle(message: PrivateMessage): Promise<DeskReply> {
    const { campaign } = this.options;
    // An admin's words reach units, reasons sent to groups and the audit without invisible characters.
    const command = parseAdminCommand(withoutInvisible(message.text).text, campaign);
    // 管理员 and a code: from anyone, admin or not; it is how one becomes an admin.
    if (command.type === 'claim') return { text: await this.claims.claim(message, command.code) };
    const access = await this.accessFor(message.senderId);
    // The guide is for everyone; an admin gets it as a file too.
    if (command.type === 'guide') return guideReply(campaign, access !== undefined);
    if (!access) {
      if (command.type === 'unknown' || command.type === 'help') return { text: fill(campaign.messages.privateChat, { bot: campaign.botName }) };
      await this.refuse(message, command.type);
      return { text: campaign.admin.messages.refused };
    }
    if (command.type === 'export') return this.exports.export(access, command);
    return { text: await this.run(access, command) };
  }

  /**
   * A file sent privately: from an admin, a roster to check and import (or to hold for 确认 when some
   * rows are rejected); from anyone else, refused like an admin command.
   */
  async handleFile(message: Omit<PrivateMessage, 'text'>, file: { name: string; data: () => Promise<Buffer> }): Promise<DeskReply> {
    // The name as the replies and the audit log show it.
    const name = echoFileName(file.name);
    const access = await this.accessFor(message.senderId);
    if (!access) {
      await this.refuse({ ...message, text: name }, 'rosterFile');
      return { text: this.options.campaign.admin.messages.refused };
    }
    return this.rosterFiles.handleFile(access, name, file);
  }

  private async refuse(message: PrivateMessage, what: string): Promise<void> {
    this.options.log.warn({ contactId: message.senderId, name: message.senderName, command: what }, 'admin command refused');
    await this.options.store.audit(message.senderId, this.options.now(), 'admin.refused', {
      name: message.senderName.slice(0, ECHO_LIMITS.name),
      text: message.text.slice(0, ECHO_LIMITS.query),
    });
  }

  private async run(access: Access, command: Exclude<AdminCommand, { type: 'export' | 'guide' | 'claim' }>): Promise<string> {
    const { campaign, now } = this.options;
    const m = campaign.admin.messages;
    const admin = access.admin;
    const forms = campaign.forms;
    const formNames = forms.map((form) => form.shortTitle).join(campaign.formats.listSeparator);
    const noSuchForm = (input: string) => fill(m.noSuchForm, { input: echoName(input), forms: formNames });
    switch (command.type) {
      case 'help':
        return m.help;
      case 'unknown':
        return fill(m.unknown, { input: echoCommand(command.text) });
      case 'stats': {
        if (command.badForm) return noSuchForm(command.badForm);
        const view = await access.view(command.within);
        if ('refusal' in view) return view.refusal;
        return statsText(campaign, view, command.form ? [command.form] : forms, now());
      }
      case 'missing': {
        if (command.badForm) return noSuchForm(command.badForm);
        const view = await access.view(command.within);
        if ('refusal' in view) return view.refusal;
        const form = command.form ?? forms[0]!;
        const page = missingPage(campaign, view, form, command.page);
        await this.options.store.savePickList(
          admin.id,
          page.length > 0 ? { action: 'lookup', entries: page.map(({ n, unit }) => ({ n, unitId: unit.id })) } : null,
        );
        return missingText(campaign, view, form, echoName(command.within), command.page);
      }
      case 'roster': {
        const view = await access.view(command.within);
        return 'refusal' in view ? view.refusal : rosterText(campaign, view);
      }
      case 'lookup':
      case 'unbind':
      case 'log': {
        if (command.type === 'log' && command.name === '') return this.logs.log(access);
        if (command.name === '') return command.type === 'lookup' ? m.lookupWhat : m.unbindWhat;
        // "日志 3": the unit of that number in the last list
        if (command.type === 'log' && command.n !== undefined) return this.pick(access, command.n, 'log');
        const found = await this.find(access, command.name, command.type);
        if (typeof found === 'string') return found;
        // A name that found one unit ends the list before it: a number sent next no longer means anything.
        await this.options.store.savePickList(admin.id, null);
        return this.act(access, command.type, found);
      }
      case 'move': {
        if (command.name === '') return m.moveWhat;
        // A change of binding names its unit exactly.
        const exact = exactMatches(command.name, await access.units());
        if (exact.length !== 1) return fill(m.lookupNone, { name: echoName(command.name) });
        return this.move(access, exact[0]!);
      }
      case 'pick':
        return this.pick(access, command.n);
      case 'importConfirm': {
        const pending = await this.options.roster.store.takePending(admin.id);
        if (!pending) return command.casual ? m.nothingToConfirm : m.importNothingPending;
        const { spec, store } = this.options.roster;
        const scope = access.importScope();
        const result = await store.importRows(pending.rows, {
          actor: admin.id,
          at: now(),
          fileName: pending.fileName,
          rejectedRows: new Set(pending.problems.map((problem) => problem.row)).size,
          ...(scope ? { scope } : {}),
        });
        return renderImportResult(spec, result);
      }
      case 'importCancel':
        if (await this.options.roster.store.takePending(admin.id)) return m.importCancelled;
        return command.casual ? m.nothingToConfirm : m.importNothingPending;
      case 'health':
        if (!this.options.health) return fill(m.unknown, { input: campaign.admin.commands.health[0] ?? '' });
        return healthText(campaign, await this.options.health(), now());
      // The switch is the whole province's: a city's admin would silence, or wake, every other city's groups.
      case 'pause':
        if (admin.scope.kind !== 'province') return m.pauseProvinceOnly;
        return (await this.options.reminders.setPaused(true, admin.id)) ? m.paused : m.alreadyPaused;
      case 'resume':
        if (admin.scope.kind !== 'province') return m.pauseProvinceOnly;
        return (await this.options.reminders.setPaused(false, admin.id)) ? m.resumed : m.notPaused;
      case 'remind':
        return this.remind(access, command);
      case 'review': {
        if (command.badForm) return noSuchForm(command.badForm);
        const view = await access.view(command.within);
        if ('refusal' in view) return view.refusal;
        return this.review.list(access, view, command);
      }
      case 'approve':
        return this.review.approve(access, command.picks);
      case 'returnForm':
        return this.review.sendBack(access, command.n, command.reason);
    }
  }

  /** 查, 解绑 or 日志 of the one unit meant. */
  private async act(access: Access, action: PickList['action'], unit: AdminUnit): Promise<string> {
    const { campaign, now, store } = this.options;
    const m = campaign.admin.messages;
    if (action === 'lookup') return lookupText(campaign, unit, await store.versions(unit.id), now());
    if (action === 'review') return [lookupText(campaign, unit, await store.versions(unit.id), now()), m.reviewHint].join('\n');
    if (action === 'log') return this.logs.log(access, unit);
    const freed = await this.options.groups.unbindUnit(unit.id, access.admin.id);
    if (freed.length === 0) return fill(m.unbindNone, { unit: unit.name });
    return fill(m.unbound, { unit: unit.name, topic: unit.roomTopic ?? '' });
  }

  /** 确认换群: the unit leaves its group for the one that asked; both groups hear it through the outbox. */
  private async move(access: Access, unit: AdminUnit): Promise<string> {
    const { campaign, store, groups, notices } = this.options;
    const m = campaign.admin.messages;
    const request = await store.moveRequest(unit.id);
    if (!request) return fill(m.moveNone, { unit: unit.name });
    const by = { id: access.admin.id, name: reviewerName(campaign, access.admin.scope, await access.units()) };
    const moved = await groups.moveUnit(unit.id, request.roomId, by);
    await store.forgetMoveRequest(unit.id);
    if (moved.told === null) return fill(m.moveNone, { unit: unit.name });
    const topic = request.topic ?? request.roomId;
    const away = fill(campaign.messages.movedAway, { unit: unit.name, topic });
    for (const roomId of moved.freed) await notices.toGroup(`move:${unit.id}:${request.at}:${roomId}`, roomId, away, []);
    await notices.toGroup(`move:${unit.id}:${request.at}:${request.roomId}`, request.roomId, moved.told, []);
    return fill(m.moveDone, { unit: unit.name, old: unit.roomTopic ?? '', topic });
  }

  /**
   * A number: the unit of that number in the last list the admin was shown, looked up, unbound or its 日志
   * (`as`, for "日志 3", whatever the list was for).
   */
  private async pick(access: Access, n: number, as?: PickList['action']): Promise<string> {
    const m = this.options.campaign.admin.messages;
    const list = await this.options.store.pickList(access.admin.id);
    if (!list) return m.pickNothing;
    const entry = list.entries.find((e) => e.n === n);
    if (!entry) {
      const numbers = list.entries.map((e) => e.n);
      return fill(m.pickOutOfRange, { n, first: Math.min(...numbers), last: Math.max(...numbers) });
    }
    // The unit as it is now, and still in the admin's scope.
    const unit = await access.unit(entry.unitId);
    if (!unit) return m.pickNothing;
    const action = as ?? list.action;
    // A lookup leaves the list in place, so that the next number can be looked up too; an unbinding ends it.
    if (action === 'unbind') await this.options.store.savePickList(access.admin.id, null);
    return this.act(access, action, unit);
  }

  /** 日志 [单位]: the latest changes the admin may read, newest first, of its scope or of one unit. */
  /** 提醒 [表]: a round now for the form named, or for every form still open when none is. */
  private async remind(access: Access, command: Extract<AdminCommand, { type: 'remind' }>): Promise<string> {
    const { campaign, now, reminders } = this.options;
    const m = campaign.admin.messages;
    const sep = campaign.formats.listSeparator;
    const formNames = campaign.forms.map((form) => form.shortTitle).join(sep);
    if (command.badForm) return fill(m.noSuchForm, { input: echoName(command.badForm), forms: formNames });
    const view = await access.view(command.within);
    if ('refusal' in view) return view.refusal;
    const forms = command.form ? [command.form] : campaign.forms.filter((form) => deadlineOf(campaign, form) > now());
    if (forms.length === 0) return fill(m.remindWhich, { example: campaign.forms[0]!.shortTitle, forms: formNames });
    const lines: string[] = [];
    for (const form of forms) {
      // A form that no longer takes submissions is not worth a reminder.
      if (!acceptsSubmission(campaign, form, now())) {
        lines.push(fill(m.remindClosed, { form: form.shortTitle }));
        continue;
      }
      const round = await reminders.remindNow(form, access.admin.id, new Set(view.units.map((unit) => unit.id)));
      if (round.count === 0) lines.push(fill(m.remindNone, { scope: view.label, form: form.shortTitle }));
      else if (round.paused) lines.push(fill(m.remindQueuedPaused, { count: round.count, form: form.shortTitle }));
      else lines.push(fill(m.remindQueued, { count: round.count, form: form.shortTitle, duration: formatDuration(round.etaMs, campaign.formats) }));
    }
    return lines.join('\n');
  }

  /**
   * The one unit in the admin's scope that a name means, or the reply that says why there is none. Several
   * close names are listed with numbers, and kept so that a number sent next picks one for `action`.
   */
  private async find(access: Access, name: string, action: PickList['action']): Promise<AdminUnit | string> {
    const m = this.options.campaign.admin.messages;
    const none = () => fill(m.lookupNone, { name: action === 'lookup' ? echoQuery(name) : echoName(name) });
    // No unit's name is that long: nothing to compare.
    if ([...name].length > ECHO_LIMITS.query) return none();
    const units = await access.units();
    const exact = exactMatches(name, units);
    if (exact.length === 1) return exact[0]!;
    const ranked = exact.length > 1 ? exact : rankByName(name, units, this.options.campaign.matching.commonNameWords, CANDIDATES);
    // One name that is close is the unit meant, to read; to unbind, the admin says so with its number.
    if (ranked.length === 1 && action !== 'unbind') return ranked[0]!;
    if (ranked.length === 0) return none();
    const { campaign } = this.options;
    const list = ranked
      .map((unit, i) => {
        const where = [unit.city, unit.industry].filter((p): p is string => !!p).join(campaign.formats.listSeparator);
        return fill(campaign.messages.bindCandidateLine, { n: i + 1, name: unit.name, where });
      })
      .join('\n');
    await this.options.store.savePickList(access.admin.id, { action, entries: ranked.map((unit, i) => ({ n: i + 1, unitId: unit.id })) });
    if (action === 'unbind') return fill(ranked.length === 1 ? m.unbindOne : m.unbindMany, { list });
    return fill(action === 'log' ? m.logMany : m.lookupMany, { list });
  }
}
