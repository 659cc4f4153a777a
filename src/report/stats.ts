// The admins' texts: statistics, the units still missing, one unit in detail, the roster in numbers.
// Pure functions of the units in the admin's scope and the clock.
import { categoriesOf, deadlineOf, formsFor } from '../campaign/index.js';
import type { Campaign, Form } from '../campaign/index.js';
import { fill } from '../campaign/index.js';
import { formatDate, formatDateTime, formatTimeLeft } from '../campaign/index.js';
import { formStatus, progressLines, summaryLines } from '../conversation/index.js';
import type { AdminUnit, Seen, SubmittedVersion } from './units.js';
import { reviewLine } from './review.js';
import type { Scope } from './scope.js';

export const PAGE_SIZE = 20;

type State = 'submitted' | 'late' | 'draft' | 'none';

function stateOf(unit: AdminUnit, form: Form): State {
  const saved = unit.submissions.find((s) => s.formId === form.id);
  if (!saved) return 'none';
  if (saved.status !== 'draft') return saved.late ? 'late' : 'submitted';
  return Object.keys(saved.answers).length > 0 ? 'draft' : 'none';
}

export function scopeLabel(campaign: Campaign, scope: Scope): string {
  switch (scope.kind) {
    case 'province':
      return campaign.admin.labels.scopes.province;
    case 'city':
      return scope.city;
    case 'industry':
      return scope.industry;
  }
}

function applicable(campaign: Campaign, units: readonly AdminUnit[], form: Form): AdminUnit[] {
  return units.filter((unit) => formsFor(campaign, unit).some((f) => f.id === form.id));
}

export interface Counts {
  total: number;
  submitted: number;
  late: number;
  draft: number;
  none: number;
}

function count(units: readonly AdminUnit[], form: Form): Counts {
  const counts: Counts = { total: units.length, submitted: 0, late: 0, draft: 0, none: 0 };
  for (const unit of units) {
    const state = stateOf(unit, form);
    if (state === 'late') {
      counts.late += 1;
      counts.submitted += 1;
    } else counts[state] += 1;
  }
  return counts;
}

/** One form's counts in a scope, whole and per city (or per industry). */
export interface FormStats {
  form: Form;
  counts: Counts;
  byIndustry: boolean;
  groups: [string, Counts][];
}

/** The forms' counts in a scope; forms no unit in it fills are left out. */
export function formStats(campaign: Campaign, scope: Scope, units: readonly AdminUnit[], forms: readonly Form[]): FormStats[] {
  const { labels } = campaign.admin;
  const result: FormStats[] = [];
  for (const form of forms) {
    const due = applicable(campaign, units, form);
    if (due.length === 0) continue;
    // A city admin reads its units by industry, and so does everyone for a form only industry bodies
    // fill (附件1, whose bodies often have no city); otherwise by city.
    const byIndustry = scope.kind === 'city' || due.every((unit) => unit.kind === 'industryOrg');
    const groups = new Map<string, AdminUnit[]>();
    for (const unit of due) {
      const key = (byIndustry ? unit.industry : unit.city) ?? (byIndustry ? labels.noIndustry : labels.noCity);
      groups.set(key, [...(groups.get(key) ?? []), unit]);
    }
    result.push({
      form,
      counts: count(due, form),
      byIndustry,
      groups: [...groups].sort(([a], [b]) => a.localeCompare(b, 'zh')).map(([group, members]) => [group, count(members, form)]),
    });
  }
  return result;
}

/** "【附件2】截止9月30日（周四）12:00，还剩3天" */
export function formHeading(campaign: Campaign, form: Form, now: Date): string {
  const deadline = deadlineOf(campaign, form);
  return fill(campaign.admin.messages.statsForm, {
    form: form.shortTitle,
    deadline: formatDate(deadline, campaign.timezone, campaign.formats),
    timeLeft: formatTimeLeft(deadline, now, campaign.formats),
  });
}

export function statsText(campaign: Campaign, seen: Seen, forms: readonly Form[], now: Date): string {
  const { messages: m, labels } = campaign.admin;
  const lines = [fill(m.statsHeader, { scope: seen.label, time: formatDateTime(now, campaign.timezone, campaign.formats) })];
  const stats = formStats(campaign, seen.scope, seen.units, forms);
  for (const { form, counts, byIndustry, groups } of stats) {
    const review = reviewLine(campaign, seen.units, form);
    lines.push(
      formHeading(campaign, form, now),
      fill(m.statsTotals, { ...counts }),
      ...(review ? [review] : []),
      fill(m.statsGroupHeading, { by: byIndustry ? labels.byIndustry : labels.byCity }),
      ...groups.map(([group, c]) => fill(m.statsLine, { group, ...c })),
    );
  }
  if (stats.length === 0) lines.push(m.statsNothing);
  return lines.join('\n');
}

/** The units that owe `form` and have not handed it in, by city, then name. */
export function missingUnits(campaign: Campaign, units: readonly AdminUnit[], form: Form): AdminUnit[] {
  return applicable(campaign, units, form)
    .filter((unit) => ['draft', 'none'].includes(stateOf(unit, form)))
    .sort((a, b) => (a.city ?? '').localeCompare(b.city ?? '', 'zh') || a.name.localeCompare(b.name, 'zh'));
}

/** One page of the units still missing `form`, numbered as 未交 shows them. */
export function missingPage(campaign: Campaign, seen: Seen, form: Form, page: number): { n: number; unit: AdminUnit }[] {
  const missing = missingUnits(campaign, seen.units, form);
  const current = Math.min(page, Math.max(1, Math.ceil(missing.length / PAGE_SIZE)));
  return missing.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE).map((unit, i) => ({ n: (current - 1) * PAGE_SIZE + i + 1, unit }));
}

/** `within`: the city or industry word the admin typed, repeated in the command for the next page. */
export function missingText(campaign: Campaign, seen: Seen, form: Form, within: string, page: number): string {
  const { messages: m, labels } = campaign.admin;
  const missing = missingUnits(campaign, seen.units, form);
  const where = seen.label === labels.scopes.province ? '' : seen.label;
  if (missing.length === 0) return fill(m.missingNone, { form: form.shortTitle, scope: where });
  const pages = Math.ceil(missing.length / PAGE_SIZE);
  const current = Math.min(page, pages);
  const lines = [fill(m.missingHeader, { form: form.shortTitle, scope: where, count: missing.length, page: current, pages })];
  missing.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE).forEach((unit, i) => {
    const state = stateOf(unit, form) === 'draft' ? labels.statusDraft : labels.statusNone;
    const place = [unit.city, unit.industry].filter((p): p is string => !!p).join(campaign.formats.listSeparator);
    lines.push(
      fill(m.missingLine, {
        n: (current - 1) * PAGE_SIZE + i + 1,
        name: unit.name,
        where: place === '' ? '' : place + campaign.formats.listSeparator,
        state,
      }),
    );
  });
  lines.push(current < pages ? fill(m.missingMore, { form: form.shortTitle, filter: within === '' ? '' : ` ${within}`, next: current + 1 }) : m.missingPick);
  return lines.join('\n');
}

export function lookupText(campaign: Campaign, unit: AdminUnit, versions: readonly SubmittedVersion[], now: Date): string {
  const { messages: m, labels } = campaign.admin;
  const zone = campaign.timezone;
  const named = unit.kind === 'collective' ? categoriesOf(campaign, unit).map((c) => labels.categories[c] ?? c) : [];
  const category = named.length > 0 ? fill(m.lookupCategory, { categories: named.join(campaign.formats.listSeparator) }) : '';
  const place = [unit.city, unit.industry].filter((p): p is string => !!p).join(campaign.formats.listSeparator);
  const lines = [
    fill(m.lookupHeader, { name: unit.name }),
    fill(m.lookupDetails, {
      kind: labels.kinds[unit.kind],
      category,
      where: place,
      room: unit.roomTopic ? fill(m.lookupRoom, { topic: unit.roomTopic }) : labels.unbound,
    }),
  ];
  for (const form of formsFor(campaign, unit)) {
    const saved = unit.submissions.find((s) => s.formId === form.id);
    lines.push(...progressLines(campaign, form, formStatus(saved), now));
    const formVersions = versions.filter((v) => v.formId === form.id);
    if (formVersions.length === 0) continue;
    const list = formVersions.map((v) =>
      fill(m.lookupVersion, {
        version: v.version,
        time: formatDateTime(v.submittedAt, zone, campaign.formats),
        late: v.late ? m.lookupLateMark : '',
      }),
    );
    lines.push(fill(m.lookupVersions, { versions: list.join(campaign.formats.listSeparator) }));
    const latest = formVersions[formVersions.length - 1]!;
    lines.push(fill(m.lookupLatest, { version: latest.version }), ...summaryLines(campaign, form, latest.answers));
  }
  return lines.join('\n');
}

export function rosterText(campaign: Campaign, seen: Seen): string {
  const { messages: m } = campaign.admin;
  const units = seen.units;
  if (units.length === 0) return m.rosterEmpty;
  const of = (test: (unit: AdminUnit) => boolean) => units.filter(test).length;
  return fill(m.rosterSummary, {
    scope: seen.label,
    total: units.length,
    bound: of((u) => u.roomTopic !== null),
    collective: of((u) => u.kind === 'collective'),
    // A unit of several categories counts in each; the default one counts those of no other.
    categories: campaign.categories.codes
      .map((code) => {
        const count = of((u) => u.kind === 'collective' && isOf(campaign, u, code));
        return fill(m.rosterCategory, { label: campaign.admin.labels.categories[code] ?? code, count });
      })
      .join(campaign.formats.listSeparator),
    industryOrg: of((u) => u.kind === 'industryOrg'),
    cityOrg: of((u) => u.kind === 'cityOrg'),
  });
}

/** Whether a collective counts under `code`: it holds it, or `code` is the default and it holds no other. */
function isOf(campaign: Campaign, unit: AdminUnit, code: string): boolean {
  const held = categoriesOf(campaign, unit);
  if (code !== campaign.categories.default) return held.includes(code);
  return !held.some((other) => other !== code && campaign.categories.codes.includes(other));
}
