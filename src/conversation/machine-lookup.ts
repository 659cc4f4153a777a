// What the group machine's guards and actions share: the form and field they are about, the answers of a
// form, the sender and time of an event, and the checks and look-ups made from the campaign.
import { formsFor } from '../campaign/index.js';
import type { Campaign, Form, ListField, ScalarField } from '../campaign/index.js';
import { checkAnswer, type Checked } from './answers.js';
import { numberReply } from './commands.js';
import { entriesOf, type Answers } from './draft.js';
import type { FormRecord, GroupContext, GroupEvent, Person } from './group-types.js';

/** The form and field a guard or action is about; `sub` for a field of a list entry, `fresh` for a new entry. */
export interface FieldRef {
  form: string;
  field: string;
  sub?: string;
  fresh?: boolean;
}
export interface FormRef {
  form: string;
}
export interface ListRef {
  form: string;
  field: string;
}
export type IndexMove = ListRef & { to: 'open' | 'last' | 'previous' | 'new' };

export const EMPTY_RECORD: FormRecord = { answers: {}, version: 0, submittedAt: null, late: false };

export function answersIn(context: GroupContext, formId: string): Answers {
  return context.forms[formId]?.answers ?? {};
}

export function withAnswers(context: GroupContext, formId: string, answers: Answers): Record<string, FormRecord> {
  return { ...context.forms, [formId]: { ...(context.forms[formId] ?? EMPTY_RECORD), answers } };
}

/** Every event but the status ones raised inside the machine carries the time it happened. */
export function atOf(event: GroupEvent): number {
  return 'at' in event ? event.at : 0;
}

export function senderOf(event: GroupEvent): Person | undefined {
  return 'by' in event ? event.by : undefined;
}

/** Checks a member's text against the field it answers, in the group's context (other entries of the list). */
export type AnswerCheck = (context: GroupContext, text: string, ref: FieldRef) => Checked;

export function fieldLookup(campaign: Campaign) {
  const forms = new Map(campaign.forms.map((form) => [form.id, form]));
  const formOf = (id: string): Form => forms.get(id)!;
  const fieldOf = (ref: { form: string; field: string }) => formOf(ref.form).fields.find((f) => f.id === ref.field)!;
  const listOf = (ref: ListRef) => fieldOf(ref) as ListField;
  const scalarOf = (ref: FieldRef): ScalarField =>
    ref.sub === undefined ? (fieldOf(ref) as ScalarField) : listOf(ref).fields.find((sub) => sub.id === ref.sub)!;
  const entries = (context: GroupContext, ref: ListRef) => entriesOf(answersIn(context, ref.form), listOf(ref));
  return { formOf, fieldOf, listOf, scalarOf, entries };
}

export function answerCheck(campaign: Campaign): AnswerCheck {
  const { scalarOf, entries } = fieldLookup(campaign);
  // The guard that lets an answer through and the action that stores it check the same text against the
  // same context in one step: the second check is the first one's result.
  let last: { context: GroupContext; text: string; ref: FieldRef; checked: Checked } | undefined;
  return (context, text, ref) => {
    if (last && last.context === context && last.text === text && sameRef(last.ref, ref)) return last.checked;
    const checked = checkNow(context, text, ref);
    last = { context, text, ref, checked };
    return checked;
  };
  function checkNow(context: GroupContext, text: string, ref: FieldRef): Checked {
    const field = scalarOf(ref);
    if (ref.sub === undefined) return checkAnswer(field, text, { campaign });
    const index = ref.fresh ? entries(context, ref).length : context.index;
    const others = new Map<number, string>();
    entries(context, ref).forEach((entry, i) => {
      const value = entry[ref.sub!];
      if (i !== index && value !== undefined) others.set(i + 1, value);
    });
    return checkAnswer(field, text, { campaign, others });
  }
}

function sameRef(a: FieldRef, b: FieldRef): boolean {
  return a.form === b.form && a.field === b.field && a.sub === b.sub && a.fresh === b.fresh;
}

/** What the guards and actions read off the campaign, the context and the event. */
export function groupHelpers(campaign: Campaign) {
  const lookup = fieldLookup(campaign);
  const check = answerCheck(campaign);

  const textOf = (event: GroupEvent) => (event.type === 'user.text' ? event.text : '');
  const editTarget = (event: GroupEvent) => (event.type === 'cmd.edit' ? event.target : undefined);
  const deleteNumber = (event: GroupEvent) => (event.type === 'cmd.delete' ? event.n : null);
  const unitForms = (context: GroupContext) => (context.unit ? formsFor(campaign, context.unit) : []);
  /** The unit's forms handed in at least once (submitted, or reopened since): a version was kept. */
  const handedIn = (context: GroupContext) =>
    unitForms(context)
      .filter((form) => (context.forms[form.id]?.version ?? 0) > 0)
      .map((form) => form.id);
  /** The number a member replied with to a numbered list, or 1 for 确认 when the list has one line. */
  const choiceOf = (event: GroupEvent, count: number): number | undefined =>
    (event.type === 'cmd.confirm' || event.type === 'cmd.yes') && count === 1 ? 1 : numberReply(event);
  /** The collective's name an unbound group without a roster sent, as it will be saved; undefined if not valid. */
  const registrationName = (event: GroupEvent): string | undefined => {
    if (event.type !== 'user.text') return undefined;
    const checked = checkAnswer(campaign.registration, event.text, { campaign });
    return checked.ok ? checked.value : undefined;
  };
  return { ...lookup, check, textOf, editTarget, deleteNumber, unitForms, handedIn, choiceOf, registrationName };
}

export type GroupHelpers = ReturnType<typeof groupHelpers>;
