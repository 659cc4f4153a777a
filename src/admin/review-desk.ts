// 审核, 通过 and 退回 in an admin's private chat: a 地市团委 or 行业团组织 reviews the forms its units hand
// in before it sends them on. 退回 reopens the form through the group's own conversation and tells the
// group why, @-mentioning who fills it; every decision is kept and audited.
import type { Campaign } from '../campaign/index.js';
import { fill } from '../campaign/index.js';
import type { GroupNotices } from '../schedule/index.js';
import type { AdminStore, PickList } from './store.js';
import type { Access, View } from './access.js';
import type { AdminCommand } from './commands.js';
import { echoReason } from './echo.js';
import { reviewerName, waitingList, waitingText, type Waiting } from '../report/index.js';

/** A group told that its form was sent back, and the member to @ there. */
export interface ReturnedTo {
  roomId: string;
  text: string;
  mention: string | null;
}

/** What 退回 asks of the groups: reopen the form in each group of the unit, with the reason. */
export interface FormReturner {
  returnForm(unitId: number, formId: string, reason: string, by: { id: string; name: string }): Promise<ReturnedTo[]>;
}

export interface ReviewDeskOptions {
  campaign: Campaign;
  store: AdminStore;
  groups: FormReturner;
  notices: GroupNotices;
  now: () => Date;
}

type Entry = PickList['entries'][number];

export class ReviewDesk {
  constructor(private readonly options: ReviewDeskOptions) {}

  /** 审核 [表]: what waits in the view, numbered; the numbers are kept for 通过, 退回 and a number alone. */
  async list(access: Access, view: View, command: Extract<AdminCommand, { type: 'review' }>): Promise<string> {
    const { campaign, store } = this.options;
    const forms = command.form ? [command.form] : campaign.forms;
    const list = waitingList(campaign, view.units, forms);
    await store.savePickList(access.admin.id, list.length > 0 ? reviewPicks(list) : null);
    return waitingText(campaign, view, forms, list);
  }

  /** 通过 1 3 / 通过 全部: approves the versions the list showed, where they are still the ones handed in. */
  async approve(access: Access, picks: number[] | 'all'): Promise<string> {
    const { campaign, store, now } = this.options;
    const m = campaign.admin.messages;
    const admin = access.admin;
    const list = await this.reviewList(access);
    if (!list) return m.approveWhat;
    const chosen = picks === 'all' ? list.entries : picks.map((n) => list.entries.find((e) => e.n === n));
    if (chosen.length === 0) return m.approveWhat;
    const missing = picks === 'all' ? undefined : picks.find((_, i) => chosen[i] === undefined);
    if (missing !== undefined) return this.outOfRange(list, missing);
    const done: string[] = [];
    const stale: string[] = [];
    for (const entry of chosen as Entry[]) {
      const unit = await access.unit(entry.unitId);
      if (!unit || !entry.formId || entry.version === undefined) continue;
      const ok = await store.review({ unitId: unit.id, formId: entry.formId, version: entry.version, status: 'approved', by: admin.id, at: now() });
      (ok ? done : stale).push(unit.name);
    }
    const sep = campaign.formats.listSeparator;
    const lines = [];
    if (done.length > 0) lines.push(fill(m.approved, { count: done.length, names: done.join(sep) }));
    if (stale.length > 0) lines.push(fill(m.approveStale, { names: stale.join(sep) }));
    await store.savePickList(admin.id, withoutEntries(list, chosen as Entry[]));
    return lines.join('\n');
  }

  /** 退回 N 原因: reopens the form in the unit's group, which is told the reason with its filler @-mentioned. */
  async sendBack(access: Access, n: number | undefined, typed: string): Promise<string> {
    const { campaign, store, now } = this.options;
    const m = campaign.admin.messages;
    const admin = access.admin;
    const list = await this.reviewList(access);
    if (!list || n === undefined) return m.returnWhat;
    const entry = list.entries.find((e) => e.n === n);
    if (!entry) return this.outOfRange(list, n);
    // what the group reads and the record keeps: a reason, not whatever was pasted after it
    const reason = echoReason(typed);
    if (reason === '') return fill(m.returnReason, { n });
    const unit = await access.unit(entry.unitId);
    const form = campaign.forms.find((f) => f.id === entry.formId);
    if (!unit || !form || entry.version === undefined) return m.returnWhat;
    const vars = { name: unit.name, form: form.shortTitle };
    if (!unit.roomTopic) return fill(m.returnNoGroup, vars);
    const saved = unit.submissions.find((s) => s.formId === form.id);
    if (saved?.status !== 'submitted' || saved.version !== entry.version) return fill(m.returnStale, vars);
    // Recorded first, on the version shown: the group's reopening below moves the submission on.
    const decision = { unitId: unit.id, formId: form.id, version: entry.version, status: 'returned' as const, by: admin.id, at: now(), note: reason };
    if (!(await store.review(decision))) return fill(m.returnStale, vars);
    const by = { id: admin.id, name: reviewerName(campaign, admin.scope, await access.units()) };
    const told = await this.options.groups.returnForm(unit.id, form.id, reason, by);
    // @ who handed this version in; else whoever holds the group's forms now
    const filler = (await store.versions(unit.id)).find((v) => v.formId === form.id && v.version === entry.version)?.submittedBy;
    for (const group of told) {
      const key = `return:${unit.id}:${form.id}:${entry.version}:${group.roomId}`;
      const mention = filler ?? group.mention;
      await this.options.notices.toGroup(key, group.roomId, group.text, mention ? [mention] : []);
    }
    await store.savePickList(admin.id, withoutEntries(list, [entry]));
    return fill(m.returnedDone, { ...vars, topic: unit.roomTopic });
  }

  private async reviewList(access: Access): Promise<PickList | null> {
    const list = await this.options.store.pickList(access.admin.id);
    return list?.action === 'review' && list.entries.length > 0 ? list : null;
  }

  private outOfRange(list: PickList, n: number): string {
    const numbers = list.entries.map((e) => e.n);
    return fill(this.options.campaign.admin.messages.pickOutOfRange, { n, first: Math.min(...numbers), last: Math.max(...numbers) });
  }
}

/** The list without the entries dealt with, its numbers kept as shown; none left, no list. */
function withoutEntries(list: PickList, gone: readonly Entry[]): PickList | null {
  const entries = list.entries.filter((e) => !gone.includes(e));
  return entries.length > 0 ? { ...list, entries } : null;
}

/** The 审核 list as a pick list: a number sent next shows the unit, 通过 N and 退回 N act on its version. */
function reviewPicks(list: readonly Waiting[]): PickList {
  return { action: 'review', entries: list.map((w) => ({ n: w.n, unitId: w.unit.id, formId: w.form.id, version: w.submission.version })) };
}
