// 汇总: the forms a 地市团委 or 行业团组织 collects (附件2, the collectives' own list) wait for its review
// before they go on. What waits, numbered for 通过 and 退回, how each stands, and who the reviewer is.
// Pure functions of the units in the admin's scope and the clock.
import { formsFor } from '../campaign/index.js';
import type { Campaign, Form } from '../campaign/index.js';
import { fill } from '../campaign/index.js';
import { formatDate, formatDateTime, parseLocal } from '../campaign/index.js';
import type { AdminSubmission, AdminUnit } from './units.js';
import type { Seen } from './units.js';
import { collectorOf, type Scope } from './scope.js';

/** Whether the unit's city or industry reviews the form before it goes on; the province's own (附件1) is not reviewed. */
export function isReviewed(form: Form): boolean {
  return form.collectedBy !== 'province';
}

/** The version handed in last, if it waits for review: submitted (not reopened since) and neither approved nor returned. */
function waiting(unit: AdminUnit, form: Form): AdminSubmission | undefined {
  const saved = unit.submissions.find((s) => s.formId === form.id);
  return saved && saved.status === 'submitted' && saved.review?.status === 'pending' ? saved : undefined;
}

export interface Waiting {
  n: number;
  unit: AdminUnit;
  form: Form;
  submission: AdminSubmission;
}

/** Everything that waits for review in the view, oldest hand-in first, numbered from 1. */
export function waitingList(campaign: Campaign, units: readonly AdminUnit[], forms: readonly Form[]): Waiting[] {
  const found: Omit<Waiting, 'n'>[] = [];
  for (const form of forms.filter(isReviewed)) {
    for (const unit of units) {
      if (!formsFor(campaign, unit).some((f) => f.id === form.id)) continue;
      const submission = waiting(unit, form);
      if (submission) found.push({ unit, form, submission });
    }
  }
  found.sort((a, b) => (a.submission.submittedAt?.getTime() ?? 0) - (b.submission.submittedAt?.getTime() ?? 0));
  return found.map((entry, i) => ({ ...entry, n: i + 1 }));
}

/** The reply to 审核: what waits, by form, numbered, with what to send next. */
export function waitingText(campaign: Campaign, seen: Seen, forms: readonly Form[], list: readonly Waiting[]): string {
  const { messages: m } = campaign.admin;
  const reviewed = forms.filter(isReviewed);
  if (reviewed.length === 0) return fill(m.reviewNotCollected, { form: forms.map((f) => f.shortTitle).join(campaign.formats.listSeparator) });
  if (list.length === 0) return fill(m.reviewNone, { scope: seen.label });
  const lines: string[] = [];
  for (const form of reviewed) {
    const mine = list.filter((w) => w.form.id === form.id);
    if (mine.length === 0) continue;
    lines.push(fill(m.reviewHeader, { form: form.shortTitle, scope: seen.label, count: mine.length, sendBy: sendByText(campaign, form) }));
    for (const w of mine) {
      lines.push(
        fill(m.reviewLine, {
          n: w.n,
          name: w.unit.name,
          where: [w.unit.city, w.unit.industry].filter((p): p is string => !!p).join(campaign.formats.listSeparator),
          time: w.submission.submittedAt ? formatDateTime(w.submission.submittedAt, campaign.timezone, campaign.formats) : '',
          late: w.submission.late ? campaign.admin.messages.lookupLateMark : '',
        }),
      );
    }
  }
  lines.push(m.reviewHint);
  return lines.join('\n');
}

/** "，9月30日（周四）12:00前报送团省委" for a form with a sendBy, else nothing. */
function sendByText(campaign: Campaign, form: Form): string {
  if (!form.sendBy) return '';
  const at = parseLocal(form.sendBy, campaign.timezone);
  return at ? fill(campaign.admin.messages.reviewSendBy, { time: formatDate(at, campaign.timezone, campaign.formats) }) : '';
}

export interface ReviewCounts {
  pending: number;
  approved: number;
  returned: number;
}

/** How the units' latest hand-ins of a reviewed form stand; a form reopened by its group counts as returned to it. */
export function reviewCounts(units: readonly AdminUnit[], form: Form): ReviewCounts {
  const counts: ReviewCounts = { pending: 0, approved: 0, returned: 0 };
  for (const unit of units) {
    const saved = unit.submissions.find((s) => s.formId === form.id);
    if (!saved?.review || saved.status === 'draft') continue;
    if (saved.review.status === 'returned') counts.returned += 1;
    else if (saved.status === 'submitted') counts[saved.review.status] += 1;
  }
  return counts;
}

/** The line 统计 and the digests add under a reviewed form. */
export function reviewLine(campaign: Campaign, units: readonly AdminUnit[], form: Form): string | undefined {
  if (!isReviewed(form)) return undefined;
  return fill(campaign.admin.messages.statsReview, { ...reviewCounts(units, form), sendBy: sendByText(campaign, form) });
}

/** How the group is told who sent its form back: the 地市团委 or 行业团组织 of the roster, else a name made from the scope. */
export function reviewerName(campaign: Campaign, scope: Scope, units: readonly AdminUnit[]): string {
  return collectorOf(scope, units, campaign.admin.labels.reviewers);
}
