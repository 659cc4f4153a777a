// What a reminder says to a group: the form, its deadline and time left, and what the unit still lacks
// ("还差：服务承诺、第3项服务事项"). Also how far along a unit is, so the least advanced go first.
import { deadlineOf } from '../campaign/index.js';
import type { Campaign, Form } from '../campaign/index.js';
import { fill } from '../campaign/index.js';
import { formatDate, formatTimeLeft } from '../campaign/index.js';
import { completeEntries, isFieldMissing, isFormComplete, ruleHolds, unfinishedEntry, type Answers } from '../conversation/index.js';
import type { RemindableUnit } from './store.js';

/** The unit's answers to the form, or undefined when it has handed the form in. */
export function openAnswers(unit: RemindableUnit, form: Form): Answers | undefined {
  const saved = unit.submissions.find((s) => s.formId === form.id);
  if (saved && saved.status !== 'draft') return undefined;
  return saved?.answers ?? {};
}

/**
 * 0 (nothing) to 1000 (complete, not yet confirmed): each text field counts one, a list its minimum, and a
 * form's completeWith one (its fields are not needed on their own, so they count nothing).
 */
export function progressOf(form: Form, answers: Answers): number {
  let total = form.completeWith ? 1 : 0;
  let done = form.completeWith && ruleHolds(form, answers) ? 1 : 0;
  for (const field of form.fields) {
    if (form.completeWith?.anyOf.some((entry) => entry.field === field.id)) continue;
    if (field.kind === 'list') {
      total += field.minItems;
      done += Math.min(field.minItems, completeEntries(answers, field).length);
    } else {
      total += 1;
      if (!isFieldMissing(answers, field)) done += 1;
    }
  }
  return total === 0 ? 1000 : Math.floor((1000 * done) / total);
}

function missingList(campaign: Campaign, form: Form, answers: Answers): string {
  const m = campaign.messages;
  const parts: string[] = [];
  for (const field of form.fields) {
    if (field.kind !== 'list') {
      if (isFieldMissing(answers, field)) parts.push(fill(m.reminderMissingField, { label: field.label }));
      continue;
    }
    const from = completeEntries(answers, field).length + 1;
    const to = field.minItems;
    // A list that needs one entry is named like a field: "推文链接", not "第1项推文链接".
    if (to === 1 && from === 1) parts.push(fill(m.reminderMissingField, { label: field.label }));
    else if (from === to) parts.push(fill(m.reminderMissingItem, { n: from, label: field.label }));
    else if (from < to) parts.push(fill(m.reminderMissingItems, { from, to, label: field.label }));
    else for (const label of unfinishedEntry(answers, field)) parts.push(fill(m.reminderMissingField, { label }));
  }
  // A form complete with any one of several fields (the brief): what would make it so.
  if (form.completeWith && !ruleHolds(form, answers)) parts.push(fill(m.reminderMissingField, { label: form.completeWith.missing }));
  return parts.join(campaign.formats.listSeparator);
}

/** The reminder for a unit that has not handed the form in. */
export function reminderText(campaign: Campaign, form: Form, unitName: string, answers: Answers, now: Date): string {
  const m = campaign.messages;
  const deadline = deadlineOf(campaign, form);
  const vars = {
    unit: unitName,
    form: form.shortTitle,
    deadline: formatDate(deadline, campaign.timezone, campaign.formats),
    timeLeft: formatTimeLeft(deadline, now, campaign.formats),
  };
  const missing = missingList(campaign, form, answers);
  // The form's own line of the notice (the brief: the H5 upload) goes under every reminder.
  const noted = (text: string) => (form.note ? `${text}\n${form.note}` : text);
  if (isFormComplete(form, answers) || missing === '') return noted(fill(m.reminderUnconfirmed, vars));
  const started = Object.keys(answers).length > 0;
  return noted(fill(started ? m.reminderDraft : m.reminderNotStarted, { ...vars, missing }));
}
