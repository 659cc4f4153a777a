// The texts of one form: a question, the review and its summary, a pasted list shown back, what is still
// missing, the lines of 进度. Pure: the clock comes in.
import type { Campaign, Form, ScalarField } from '../campaign/index.js';
import { choiceMenu, deadlineOf, fieldWithRole } from '../campaign/index.js';
import { fill, countChars, type Vars } from '../campaign/index.js';
import { formatDate, formatDateTime, formatTimeLeft } from '../campaign/index.js';
import { completeEntries, entriesOf, mainList, missingOf, ruleHolds, type Answers } from './draft.js';
import type { PastedData } from './paste.js';
import type { At } from './say.js';

/** The question of a form at `at`, for the list entry `index`, with the roster's suggestion where there is one. */
export function questionText(
  campaign: Campaign,
  form: Form,
  at: Exclude<At, { kind: 'registration' }>,
  index: number,
  answers: Answers,
  suggestion?: string,
): string {
  const m = campaign.messages;
  switch (at.kind) {
    case 'field': {
      const field = scalarAt(form, at)!;
      const text = withMenu(campaign, field, fill(field.prompt, { step: stepOf(form, at.field) }));
      return suggestion !== undefined ? `${text}\n${fill(m.prefillOffer, { label: field.label, value: suggestion })}` : text;
    }
    case 'entry': {
      const field = scalarAt(form, at)!;
      const text = fill(field.prompt, { step: stepOf(form, at.field), n: index + 1 });
      const hint = field.kind === 'text' && index === 0 && field.firstHint ? `\n${field.firstHint}` : '';
      return withMenu(campaign, field, text + hint);
    }
    case 'more': {
      const list = listAt(form, at.field);
      const count = completeEntries(answers, list).length;
      return fill(list.more ?? m.continuePrompt, { min: list.minItems, count, next: count + 1 });
    }
    case 'materials': {
      const rule = form.completeWith!;
      return ruleHolds(form, answers) ? fill(rule.more, { have: haveText(campaign, form, answers) }) : rule.prompt;
    }
    case 'review':
      return renderReview(campaign, form, answers);
    case 'pasted':
      return m.pasteHint;
  }
}

/** What was read from a paste: the commitment, the entries numbered after the draft's, the problems. */
export function pasteText(campaign: Campaign, form: Form, pasted: PastedData, answers: Answers): string {
  const m = campaign.messages;
  const lines = [m.pasteHeading];
  const commitmentField = fieldWithRole(form, 'commitment');
  if (pasted.commitment !== undefined && commitmentField) {
    lines.push(fill(m.summaryText, { label: commitmentField.label, value: pasted.commitment }));
  }
  const list = mainList(form);
  const before = list ? entriesOf(answers, list).length : 0;
  pasted.entries.forEach((entry, i) => {
    const vars = { n: before + i + 1, content: entry.content };
    lines.push(entry.type ? fill(m.pasteEntry, { ...vars, type: entry.type }) : fill(m.pasteEntryNoType, vars));
  });
  const problems = pasteProblemLines(campaign, pasted);
  if (problems.length > 0) lines.push(m.pasteProblemsHeading, ...problems);
  lines.push(m.pasteConfirm);
  return lines.join('\n');
}

export function pasteProblemLines(campaign: Campaign, pasted: PastedData): string[] {
  const m = campaign.messages;
  const lines: string[] = [];
  if (pasted.commitmentProblem) lines.push(fill(m[pasted.commitmentProblem.key], pasted.commitmentProblem.vars));
  for (const { line, problem } of pasted.problems) {
    lines.push(fill(m.pasteProblemLine, { line, problem: fill(m[problem.key], problem.vars) }));
  }
  if (pasted.overflow) lines.push(fill(m[pasted.overflow.key], pasted.overflow.vars));
  return lines;
}

/** "✅ 第1项已保存（提供暖心服务）。": an answer just saved. */
export function savedText(form: Form, fieldId: string, index: number, answers: Answers): string {
  const field = form.fields.find((f) => f.id === fieldId);
  if (!field) return '';
  if (field.kind === 'list') {
    const entry = entriesOf(answers, field)[index] ?? {};
    return fill(field.saved, { n: index + 1, ...entry });
  }
  const value = answers[field.id];
  if (!field.saved || typeof value !== 'string') return '';
  return fill(field.saved, { value, chars: countChars(value) });
}

/** The review: every answer, then what to reply. 删除 is offered only while a list is above its minimum. */
export function renderReview(campaign: Campaign, form: Form, answers: Answers): string {
  const m = campaign.messages;
  const list = mainList(form);
  const count = list ? completeEntries(answers, list).length : 0;
  const atMin = !list || count <= list.minItems;
  const template = atMin ? (form.hints?.reviewAtMin ?? m.reviewAtMin) : (form.hints?.review ?? m.review);
  return fill(template, { summary: summaryLines(campaign, form, answers).join('\n'), last: count });
}

/** Every answer of a form, one line each: 【服务承诺】…, 【服务事项】, 1. …（类型）. An optional field left empty is left out. */
export function summaryLines(campaign: Campaign, form: Form, answers: Answers): string[] {
  const m = campaign.messages;
  const lines: string[] = [];
  for (const field of form.fields) {
    if (field.kind !== 'list') {
      const value = answers[field.id];
      if (field.kind === 'text' && field.optional && typeof value !== 'string') continue;
      lines.push(fill(m.summaryText, { label: field.label, value: typeof value === 'string' ? value : '' }));
      continue;
    }
    if (field.minItems === 0 && completeEntries(answers, field).length === 0) continue;
    lines.push(fill(m.summaryListHeading, { label: field.label }));
    for (const [i, entry] of completeEntries(answers, field).entries()) lines.push(fill(field.summaryLine, { n: i + 1, ...entry }));
  }
  return lines;
}
/** What the form still lacks, in words; `listed` (进度's "还差：…") names each missing field without "还差" again. */
/** What the form still lacks, in words; `listed` (进度's "还差：…") names what completeWith needs without "还差" again. */
export function missingText(campaign: Campaign, form: Form, answers: Answers, listed = false): string {
  const m = campaign.messages;
  return missingOf(form, answers)
    .map((missing) => {
      if (missing.kind === 'items') return fill(m.missingItems, { label: missing.label, count: missing.count });
      return listed ? missing.label : fill(m.missingField, { label: missing.label });
    })
    .join(campaign.formats.listSeparator);
}

export type FormStatus =
  | { status: 'none' }
  | { status: 'draft'; answers: Answers }
  | { status: 'submitted' | 'reopened'; answers: Answers; submittedAt: Date; late: boolean; version: number };

/** What a stored submission amounts to for 进度: an empty draft counts as not started. */
export function formStatus(
  saved: { status: 'draft' | 'submitted' | 'reopened'; answers: Answers; submittedAt: Date | null; late: boolean; version: number } | null | undefined,
): FormStatus {
  if (!saved) return { status: 'none' };
  if (saved.status === 'draft') {
    return Object.keys(saved.answers).length > 0 ? { status: 'draft', answers: saved.answers } : { status: 'none' };
  }
  return { status: saved.status, answers: saved.answers, submittedAt: saved.submittedAt ?? new Date(0), late: saved.late, version: saved.version };
}

/** The lines of 进度 for one form of a unit. */
export function progressLines(campaign: Campaign, form: Form, state: FormStatus, now: Date): string[] {
  const m = campaign.messages;
  const zone = campaign.timezone;
  const deadline = deadlineOf(campaign, form);
  const vars: Vars = {
    form: form.shortTitle,
    deadline: formatDate(deadline, zone, campaign.formats),
    timeLeft: formatTimeLeft(deadline, now, campaign.formats),
  };
  switch (state.status) {
    case 'none':
      return [fill(m.progressNotStarted, vars)];
    case 'draft': {
      const done = haveText(campaign, form, state.answers);
      const lines = [fill(m.progressDraft, { ...vars, done })];
      const missing = missingText(campaign, form, state.answers, true);
      if (missing) lines.push(fill(m.progressMissing, { missing }));
      return lines;
    }
    case 'submitted': {
      const list = mainList(form);
      const count = list ? completeEntries(state.answers, list).length : 0;
      const time = formatDateTime(state.submittedAt, zone, campaign.formats);
      const template = state.late ? (form.hints?.progressSubmittedLate ?? m.progressSubmittedLate) : (form.hints?.progressSubmitted ?? m.progressSubmitted);
      return [fill(template, { ...vars, count, time, have: haveText(campaign, form, state.answers) })];
    }
    case 'reopened':
      return [fill(m.progressReopened, { ...vars, version: state.version })];
  }
}

/** What a form holds, for 进度 and the brief's "目前有": "已填服务承诺、已填2项服务事项", "推文链接1个、文字56字". */
export function haveText(campaign: Campaign, form: Form, answers: Answers): string {
  const m = campaign.messages;
  const parts: string[] = [];
  // The fields of completeWith in the order the form lists them in its rule (links, files, then the text).
  const order = form.completeWith ? form.completeWith.anyOf.map((entry) => entry.field) : [];
  const fields = [...form.fields].sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
  for (const field of fields) {
    if (field.kind === 'list') {
      const count = completeEntries(answers, field).length;
      if (count > 0) parts.push(fill(field.counted ?? m.progressDoneItems, { count, label: field.label }));
    } else {
      const value = answers[field.id];
      if (typeof value !== 'string') continue;
      const counted = field.kind === 'text' ? field.counted : undefined;
      parts.push(fill(counted ?? m.progressDoneText, { label: field.label, chars: countChars(value) }));
    }
  }
  return parts.length > 0 ? parts.join(campaign.formats.listSeparator) : m.progressNothing;
}

/** "1 优化办事流程　2 规范审批行为　3 提高服务质量" and so on, a few to a line. */
function withMenu(campaign: Campaign, field: ScalarField, text: string): string {
  return field.kind === 'choice' ? `${text}\n${choiceMenu(campaign, field)}` : text;
}

function stepOf(form: Form, fieldId: string): number {
  return form.fields.findIndex((field) => field.id === fieldId) + 1;
}

function listAt(form: Form, fieldId: string) {
  const field = form.fields.find((f) => f.id === fieldId);
  if (field?.kind !== 'list') throw new Error(`no list field ${fieldId} in form ${form.id}`);
  return field;
}

/** The field a question asks (for "more", the first field of the next entry). */
export function scalarAt(form: Form, at: At): ScalarField | undefined {
  if (at.kind === 'field') {
    const field = form.fields.find((f) => f.id === at.field);
    return field && field.kind !== 'list' ? field : undefined;
  }
  if (at.kind === 'entry') return listAt(form, at.field).fields.find((sub) => sub.id === at.sub);
  if (at.kind === 'more') return listAt(form, at.field).fields[0];
  return undefined;
}
