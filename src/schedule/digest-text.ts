// The admins' digest: the statistics of their scope, the first names still missing per form, and how the
// reminders are doing against the send limits.
import { inScope, type Admin } from '../report/index.js';
import { formHeading, formStats, missingUnits, scopeLabel } from '../report/index.js';
import { reviewLine } from '../report/index.js';
import type { Campaign, Form } from '../campaign/index.js';
import { fill } from '../campaign/index.js';
import { formatDate, formatDateTime } from '../campaign/index.js';
import type { AdminUnit, AuditEntry } from '../report/index.js';
import type { Shortfall } from './reminders.js';

export interface BudgetState {
  sentToday: number;
  dailyCap: number;
  pendingReminders: number;
  paused: boolean;
  /** who the messages that failed for good in the last day were for */
  failed: string[];
  /** reminders that expired unsent in the last day */
  expired: number;
  shortfalls: Shortfall[];
}

/** names shown of the messages that failed, or of the groups left over */
const FAILED_NAMES = 5;

export function budgetLines(campaign: Campaign, budget: BudgetState): string[] {
  const m = campaign.admin.messages;
  const sep = campaign.formats.listSeparator;
  const lines = [fill(m.digestBudget, { sent: budget.sentToday, cap: budget.dailyCap, pending: budget.pendingReminders })];
  if (budget.paused) lines.push(m.digestPaused);
  if (budget.failed.length > 0) {
    const more = budget.failed.length > FAILED_NAMES ? `${sep}…` : '';
    lines.push(fill(m.digestFailed, { count: budget.failed.length, targets: budget.failed.slice(0, FAILED_NAMES).join(sep) + more }));
  }
  if (budget.expired > 0) lines.push(fill(m.digestExpired, { count: budget.expired }));
  for (const short of budget.shortfalls) {
    const time = formatDate(short.at, campaign.timezone, campaign.formats);
    lines.push(fill(m.digestShortfall, { form: short.form.shortTitle, time, count: short.count, accounts: short.accounts }));
    for (const left of short.stranded) lines.push(strandedLine(campaign, left.accounts, left.names));
  }
  return lines;
}

/** Groups no account can reach in time, by the accounts in them. */
function strandedLine(campaign: Campaign, accounts: readonly string[], names: readonly string[]): string {
  const m = campaign.admin.messages;
  const sep = campaign.formats.listSeparator;
  const more = names.length > FAILED_NAMES ? `${sep}…` : '';
  const vars = { count: names.length, names: names.slice(0, FAILED_NAMES).join(sep) + more };
  if (accounts.length === 0) return fill(m.digestShortfallNone, vars);
  if (accounts.length === 1) return fill(m.digestShortfallOnly, { ...vars, account: accounts[0]! });
  return fill(m.digestShortfallShared, { ...vars, accounts: accounts.map((account) => `“${account}”`).join(sep) });
}

/**
 * The digest: per form, the totals, one line of submitted/due per city (or industry), and the first names
 * still missing; then the send budget. Shorter than 统计, which has a line per city.
 */
export function digestText(
  campaign: Campaign,
  admin: Admin,
  allUnits: readonly AdminUnit[],
  forms: readonly Form[],
  heading: string,
  now: Date,
  budget: BudgetState,
  /** groups re-found under a new id and groups asking for a bound unit, since the last digest */
  bindingChanges: readonly AuditEntry[] = [],
): string {
  const { messages: m, labels } = campaign.admin;
  const sep = campaign.formats.listSeparator;
  const units = allUnits.filter((unit) => inScope(admin.scope, unit));
  const lines = [heading, fill(m.statsHeader, { scope: scopeLabel(campaign, admin.scope), time: formatDateTime(now, campaign.timezone, campaign.formats) })];
  const stats = formStats(campaign, admin.scope, units, forms);
  const shown = campaign.reminders.digestNames;
  for (const { form, counts, byIndustry, groups } of stats) {
    const review = reviewLine(campaign, units, form);
    lines.push(formHeading(campaign, form, now), fill(m.statsTotals, { ...counts }), ...(review ? [review] : []));
    const list = groups.map(([group, c]) => fill(m.digestGroup, { group, ...c })).join(m.digestGroupSeparator);
    lines.push(fill(m.digestGroups, { by: byIndustry ? labels.byIndustry : labels.byCity, groups: list }));
    const missing = missingUnits(campaign, units, form);
    if (missing.length === 0 || shown === 0) continue;
    const names = missing
      .slice(0, shown)
      .map((unit) => unit.name)
      .join(sep);
    lines.push(fill(m.digestMissing, { form: form.shortTitle, count: missing.length, names }));
    if (missing.length > shown) lines.push(fill(m.digestMissingMore, { count: missing.length, form: form.shortTitle }));
  }
  if (stats.length === 0) lines.push(m.statsNothing);
  lines.push(...bindingLines(campaign, units, bindingChanges));
  lines.push(...budgetLines(campaign, budget));
  return lines.join('\n');
}

/** The binding changes of the admin's units, each a line under a heading; none, no lines. */
function bindingLines(campaign: Campaign, units: readonly AdminUnit[], changes: readonly AuditEntry[]): string[] {
  const m = campaign.admin.messages;
  const lines: string[] = [];
  for (const change of changes) {
    const unit = units.find((u) => u.id === change.detail.unitId);
    if (!unit) continue;
    const topic = String(change.detail.topic ?? change.detail.to ?? '');
    if (change.action === 'room.moved') lines.push(fill(m.digestMoved, { topic, unit: unit.name }));
    else lines.push(fill(m.digestMoveRequested, { topic, unit: unit.name, old: String(change.detail.boundTopic ?? '') }));
  }
  return lines.length > 0 ? [m.digestBindings, ...lines] : [];
}
