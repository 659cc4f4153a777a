// The named guards and actions of the group machine, typed once with XState's setup(). The states that use
// them are generated from the campaign (group-machine.ts, form-states.ts) and reference them by name.
import { assign, enqueueActions, setup } from 'xstate';
import { acceptsSubmission, deadlineOf, fieldWithRole, formsFor } from '../campaign/index.js';
import type { Campaign, Form, ListField, ScalarField } from '../campaign/index.js';
import { countChars } from '../campaign/index.js';
import { checkAnswer, type Checked } from './answers.js';
import { numberReply } from './commands.js';
import {
  completeEntries,
  entriesOf,
  isEntryComplete,
  isFieldMissing,
  isFormComplete,
  mainList,
  openEntryIndex,
  ruleHolds,
  type Answers,
  type Entry,
} from './draft.js';
import type { Effect, FormRecord, GroupContext, GroupEvent, Person } from './group-types.js';
import { hasPastedValues } from './paste.js';
import { isLinkText, isMaterial, isShortText } from './materials.js';
import type { At, Say } from './say.js';

/**
 * Tags name where a group stands, for the code around the machine: `filling:<form>` while a form is open,
 * `<status>:<form>` for the status of each form of the bound unit.
 */
export type GroupTag = `filling:${string}` | `${'draft' | 'submitted' | 'late' | 'reopened'}:${string}`;

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
type IndexMove = ListRef & { to: 'open' | 'last' | 'previous' | 'new' };

export const EMPTY_RECORD: FormRecord = { answers: {}, version: 0, submittedAt: null, late: false };

export function answersIn(context: GroupContext, formId: string): Answers {
  return context.forms[formId]?.answers ?? {};
}

function withAnswers(context: GroupContext, formId: string, answers: Answers): Record<string, FormRecord> {
  return { ...context.forms, [formId]: { ...(context.forms[formId] ?? EMPTY_RECORD), answers } };
}

/** Every event but the status ones raised inside the machine carries the time it happened. */
function atOf(event: GroupEvent): number {
  return 'at' in event ? event.at : 0;
}

function senderOf(event: GroupEvent): Person | undefined {
  return 'by' in event ? event.by : undefined;
}

/** Checks a member's text against the field it answers, in the group's context (other entries of the list). */
export type AnswerCheck = (context: GroupContext, text: string, ref: FieldRef) => Checked;

function fieldLookup(campaign: Campaign) {
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

export function groupSetup(campaign: Campaign) {
  const { formOf, fieldOf, listOf, entries } = fieldLookup(campaign);
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

  return setup({
    types: {
      context: {} as GroupContext,
      events: {} as GroupEvent,
      meta: {} as { ask?: At },
      tags: {} as GroupTag,
    },
    guards: {
      // ---- the form being filled ----
      missing: ({ context }, p: ListRef) => isFieldMissing(answersIn(context, p.form), fieldOf(p)),
      /** missing, or a list given something early that the form has not stopped at yet */
      toAsk: ({ context }, p: ListRef) => isFieldMissing(answersIn(context, p.form), fieldOf(p)) || context.early.includes(`${p.form}.${p.field}`),
      valid: ({ context, event }, p: FieldRef) => event.type === 'user.text' && check(context, event.text, p).ok,
      editing: ({ context }) => context.editing,
      complete: ({ context }, p: FormRef) => isFormComplete(formOf(p.form), answersIn(context, p.form)),
      enough: ({ context }, p: ListRef) => completeEntries(answersIn(context, p.form), listOf(p)).length >= listOf(p).minItems,
      full: ({ context }, p: ListRef) => completeEntries(answersIn(context, p.form), listOf(p)).length >= listOf(p).maxItems,
      laterEntry: ({ context }) => context.index > 0,
      hasEntries: ({ context }, p: ListRef) => entries(context, p).length > 0,
      hasOpenEntry: ({ context }, p: ListRef) => entries(context, p).some((entry) => !isEntryComplete(listOf(p), entry)),
      subMissing: ({ context }, p: ListRef & { sub: string }) => entries(context, p)[context.index]?.[p.sub] === undefined,
      editsField: ({ event }, p: ListRef) => {
        const target = editTarget(event);
        return target?.kind === 'field' && target.field === p.field;
      },
      editsEntry: ({ context, event }, p: ListRef) => {
        const target = editTarget(event);
        return target?.kind === 'entry' && target.n >= 1 && target.n <= entries(context, p).length;
      },
      editsMissingEntry: ({ event }) => editTarget(event)?.kind === 'entry',
      deleteUnclear: ({ event }) => deleteNumber(event) === null,
      deleteMissing: ({ context, event }, p: ListRef) => {
        const n = deleteNumber(event) ?? 0;
        return n < 1 || n > entries(context, p).length;
      },
      deletesOpenEntry: ({ context, event }, p: ListRef) => !isEntryComplete(listOf(p), entries(context, p)[(deleteNumber(event) ?? 0) - 1]),
      deletesCurrentEntry: ({ context, event }, p: ListRef) => (deleteNumber(event) ?? 0) - 1 === context.index && context.index < entries(context, p).length,
      deleteBelowMin: ({ context }, p: ListRef) => completeEntries(answersIn(context, p.form), listOf(p)).length <= listOf(p).minItems,
      reviews: (_, p: FormRef) => formOf(p.form).review,
      suggested: ({ context }, p: ListRef) => context.suggestions[p.field] !== undefined,
      pasteHasValues: ({ event }) => event.type === 'user.paste' && hasPastedValues(event.paste),
      /** the form still takes a submission at the time of the event */
      accepts: ({ event }, p: FormRef) => acceptsSubmission(campaign, formOf(p.form), new Date(atOf(event))),
      hasAnswers: ({ context }, p: FormRef) => Object.keys(answersIn(context, p.form)).length > 0,
      noAnswers: ({ context }, p: FormRef) => Object.keys(answersIn(context, p.form)).length === 0,
      /** the form no longer takes a submission at the time of the event (its deadline passed and it refuses late ones) */
      closed: ({ event }, p: FormRef) => !acceptsSubmission(campaign, formOf(p.form), new Date(atOf(event))),

      // ---- who speaks ----
      fromOwner: ({ context, event }) => senderOf(event)?.id === context.owner?.id,

      // ---- binding (the roster lookup rides on the event) ----
      rosterEmpty: ({ event }) => 'roster' in event && event.roster?.empty === true,
      foundOne: ({ event }) => 'roster' in event && event.roster?.found.length === 1,
      foundExact: ({ event }) => 'roster' in event && event.roster?.exact === true && event.roster.found.length === 1,
      foundSome: ({ event }) => 'roster' in event && (event.roster?.found.length ?? 0) > 0,
      noQuery: ({ event }) => event.type === 'cmd.bind' && event.name === '',
      /** a reply that picks a number from the units offered, in range or not */
      picksCandidate: ({ context, event }) => choiceOf(event, context.candidates.length) !== undefined,
      pickInRange: ({ context, event }) => {
        const n = choiceOf(event, context.candidates.length) ?? 0;
        return n >= 1 && n <= context.candidates.length;
      },
      /** the unit picked, as just looked up, is bound to no other group */
      pickedFree: ({ context, event }) => {
        const n = choiceOf(event, context.candidates.length) ?? 0;
        const id = context.candidates[n - 1]?.id;
        const found = 'roster' in event ? event.roster?.found.find((c) => c.unit.id === id) : undefined;
        return found !== undefined && found.boundTopic === null;
      },
      foundFree: ({ event }) => 'roster' in event && event.roster?.found[0]?.boundTopic === null,

      // ---- choosing a form ----
      /** 填报 名称 names a form this unit fills */
      namesOwnForm: ({ context, event }) =>
        event.type === 'cmd.start' && event.form !== undefined && unitForms(context).some((f) => f.shortTitle === event.form || f.id === event.form),
      namesForm: ({ event }) => event.type === 'cmd.start' && event.form !== undefined,
      noForms: ({ context }) => unitForms(context).length === 0,
      oneForm: ({ context }) => unitForms(context).length === 1,
      picksForm: ({ context, event }) => numberReply(event) !== undefined && context.choices.length > 0,
      /** more than one form was handed in at least once: 修改 asks which */
      severalHandedIn: ({ context }) => handedIn(context).length > 1,
      pickFormInRange: ({ context, event }) => {
        const n = numberReply(event) ?? 0;
        return n >= 1 && n <= context.choices.length;
      },
      /** the form 填报 names is the one open */
      namesOpenForm: ({ event }, p: FormRef) =>
        event.type === 'cmd.start' && (event.form === undefined || event.form === formOf(p.form).shortTitle || event.form === p.form),
      opens: ({ event }, p: FormRef & { how?: 'start' | 'reopen' | 'resume' }) =>
        event.type === 'form.open' && event.formId === p.form && (p.how === undefined || event.how === p.how),
      /** form.open for a form the unit does not fill (or none at all) */
      opensNone: ({ context, event }) => event.type === 'form.open' && !unitForms(context).some((form) => form.id === event.formId),
      /** a saved status restored into the form's region: submitted (on time or late), reopened, or anything else */
      restoresTo: ({ event }, p: FormRef & { status?: 'submitted' | 'reopened'; late?: boolean }) => {
        if (event.type !== 'status.restore') return false;
        const saved = event.statuses[p.form];
        if (p.status === undefined) return true;
        return saved?.status === p.status && (p.late === undefined || saved.late === p.late);
      },
      /** the status event is about this form (and, for a submission, as late or on time as asked) */
      statusOf: ({ event }, p: FormRef & { late?: boolean }) =>
        (event.type === 'status.submitted' && event.formId === p.form && (p.late === undefined || event.late === p.late)) ||
        (event.type === 'status.reopened' && event.formId === p.form),
      restoresUnit: ({ event }) => event.type === 'group.restore' && event.unit !== null,
      resuming: ({ event }) => event.type === 'form.open' && event.how === 'resume',
      /** the form is being opened (not answered) */
      opening: ({ event }) => event.type === 'form.open',
      mentioned: ({ event }) => 'mentioned' in event && event.mentioned === true,
      hasPending: ({ context }) => context.pending !== null,
      quiet: ({ context }) => context.quiet,
      told: ({ context, event }) => context.told.includes(senderOf(event)?.id ?? ''),
      chatter: ({ event }, p: { is: 'question' | 'mention' }) => event.type === 'user.chatter' && event.chatter === p.is,
      nonTextIs: ({ event }, p: { what: 'voice' | 'sticker' | 'card' }) => event.type === 'user.nonText' && event.what === p.what,
      /** the list a thing sent early belongs to has room for it */
      earlyFits: ({ context, event }, p: FormRef) => {
        if (event.type !== 'user.early') return false;
        const list = listOf({ form: p.form, field: event.field });
        return list.kind === 'list' && entries(context, { form: p.form, field: event.field }).length < list.maxItems;
      },
      validName: ({ event }) => registrationName(event) !== undefined,

      // ---- the one question of a form's completeWith ----
      /** one of the form's completeWith fields counts */
      ruleHolds: ({ context }, p: FormRef) => ruleHolds(formOf(p.form), answersIn(context, p.form)),
      /** 完成 or 确认: the group means to hand the form in */
      handingIn: ({ event }) => event.type === 'cmd.finish' || event.type === 'cmd.confirm',
      /** something of the completeWith fields is there (shown when the form opens at its one question) */
      holdsMaterial: ({ context }, p: FormRef) => {
        const answers = answersIn(context, p.form);
        return formOf(p.form).completeWith!.anyOf.some((entry) => {
          const value = answers[entry.field];
          return typeof value === 'string' || (Array.isArray(value) && value.length > 0);
        });
      },
      /** the text is a link (and little else) */
      linkText: ({ event }, p: FormRef) => event.type === 'user.text' && isLinkText(formOf(p.form), event.text),
      /** the text is valid and would replace another one, not yet said yes to */
      replacesText: ({ context, event }, p: FieldRef) => {
        if (event.type !== 'user.text' || event.confirmed) return false;
        const before = answersIn(context, p.form)[p.field];
        const checked = check(context, event.text, p);
        return checked.ok && typeof before === 'string' && checked.value !== before;
      },
      /** the text is valid but too short to make the form complete, and nothing else does */
      shortText: ({ context, event }, p: FieldRef) => {
        if (event.type !== 'user.text') return false;
        const checked = check(context, event.text, p);
        const form = formOf(p.form);
        return checked.ok && isShortText(form, countChars(checked.value)) && !ruleHolds(form, { ...answersIn(context, p.form), [p.field]: checked.value });
      },
      hasUnit: ({ context }) => context.unit !== null,
    },
    actions: {
      say: (_, _say: Say) => {},
      effect: (_, _effect: Effect) => {},

      // ---- answers ----
      store: assign(({ context, event }, ref: FieldRef) => {
        const checked = check(context, textOf(event), ref);
        if (!checked.ok) return {};
        const answers = answersIn(context, ref.form);
        if (ref.sub === undefined) return { forms: withAnswers(context, ref.form, { ...answers, [ref.field]: checked.value }) };
        const list = [...entries(context, ref)];
        const index = ref.fresh ? list.length : context.index;
        list[index] = { ...list[index], [ref.sub]: checked.value } as Entry;
        return { forms: withAnswers(context, ref.form, { ...answers, [ref.field]: list }), index };
      }),
      storeMedia: assign(({ context, event }, ref: FieldRef) => {
        if (event.type !== 'user.media' || ref.sub === undefined) return {};
        const list = [...entries(context, ref)];
        const index = ref.fresh ? list.length : context.index;
        list[index] = { ...list[index], [ref.sub]: event.value } as Entry;
        return { forms: withAnswers(context, ref.form, { ...answersIn(context, ref.form), [ref.field]: list }), index };
      }),
      moveIndex: assign({
        index: ({ context }, p: IndexMove) => {
          const count = entries(context, p).length;
          switch (p.to) {
            case 'open':
              return openEntryIndex(answersIn(context, p.form), listOf(p));
            case 'last':
              return Math.max(count - 1, 0);
            case 'previous':
              return Math.max(context.index - 1, 0);
            case 'new':
              return count;
          }
        },
      }),
      pointAtEditedEntry: assign({
        index: ({ context, event }) => {
          const target = editTarget(event);
          return target?.kind === 'entry' ? target.n - 1 : context.index;
        },
      }),
      /** A picture, file or link sent early becomes a new entry of its list. */
      keepEarly: assign(({ context, event }, p: FormRef) => {
        if (event.type !== 'user.early') return {};
        const ref = { form: p.form, field: event.field };
        const sub = listOf(ref).fields[0]!;
        const list = [...entries(context, ref), { [sub.id]: event.value }];
        const key = `${p.form}.${event.field}`;
        // A list of the form's one question (completeWith) is shown there anyway: nothing to stop at.
        const early = context.early.includes(key) || isMaterial(formOf(p.form), event.field) ? context.early : [...context.early, key];
        return { forms: withAnswers(context, p.form, { ...answersIn(context, p.form), [event.field]: list }), early };
      }),
      /** The form has reached the list: what came early is now in front of the filler. */
      reachList: assign({ early: ({ context }, p: ListRef) => context.early.filter((key) => key !== `${p.form}.${p.field}`) }),
      keepPaste: assign({ pasted: ({ context, event }) => (event.type === 'user.paste' ? event.paste : context.pasted) }),
      dropPaste: assign({ pasted: null }),
      /** The paste's commitment and entries join the answers; entries without a type are asked for next. */
      applyPaste: assign(({ context }, p: FormRef) => {
        const pasted = context.pasted;
        if (!pasted) return {};
        const form = formOf(p.form);
        const answers = { ...answersIn(context, p.form) };
        const commitment = fieldWithRole(form, 'commitment');
        if (pasted.commitment !== undefined && commitment) answers[commitment.id] = pasted.commitment;
        const list = mainList(form);
        if (list) {
          const [contentField, typeField] = list.fields;
          const added = pasted.entries.map((entry): Entry => {
            const row: Entry = { [contentField!.id]: entry.content };
            if (entry.type !== undefined && typeField) row[typeField.id] = entry.type;
            return row;
          });
          answers[list.id] = [...entriesOf(answers, list), ...added];
        }
        return { forms: withAnswers(context, p.form, answers), pasted: null, editing: false };
      }),
      takeSuggestion: assign(({ context }, p: ListRef) => ({
        forms: withAnswers(context, p.form, { ...answersIn(context, p.form), [p.field]: context.suggestions[p.field] ?? '' }),
      })),
      startEditing: assign({ editing: true }),
      stopEditing: assign({ editing: false }),
      removeEntry: assign(({ context, event }, p: ListRef) => {
        const removed = (deleteNumber(event) ?? 0) - 1;
        const list = entries(context, p).filter((_, i) => i !== removed);
        return {
          forms: withAnswers(context, p.form, { ...answersIn(context, p.form), [p.field]: list }),
          index: removed < context.index ? context.index - 1 : context.index,
        };
      }),

      // ---- the open form ----
      /** The form opens for the sender: the roster's suggestions, the first entry still open. */
      openForm: assign(({ context, event }, p: FormRef) => {
        const form = formOf(p.form);
        const suggestions: Record<string, string> = {};
        for (const field of form.fields) {
          const value = field.kind === 'text' && field.prefill && context.unit ? context.unit[field.prefill] : null;
          if (field.kind === 'text' && value) suggestions[field.id] = value;
        }
        const list = mainList(form);
        return {
          owner: senderOf(event) ?? context.owner,
          suggestions,
          editing: false,
          pasted: null,
          pending: null,
          quiet: false,
          told: [],
          choices: [],
          wanted: null,
          index: list ? openEntryIndex(answersIn(context, p.form), list) : 0,
          forms: context.forms[p.form] ? context.forms : { ...context.forms, [p.form]: EMPTY_RECORD },
        };
      }),
      takeOver: assign({ owner: ({ context, event }) => senderOf(event) ?? context.owner, told: [] }),
      closeForm: assign({ owner: null, editing: false, pasted: null, pending: null, quiet: false, told: [], suggestions: {}, index: 0 }),

      // ---- chatter ----
      /** The question was asked (again): chatter that follows may be answered again. */
      unquiet: assign({ quiet: false }),
      /** The question was asked again after chatter: more chatter in a row gets no reply. */
      hush: assign({ quiet: true }),
      /** A message the bot asks about before saving it: one that may be chatter, or a text that would replace another. */
      keepPending: assign({ pending: ({ context, event }) => (event.type === 'user.unsure' || event.type === 'user.text' ? event.text : context.pending) }),
      dropPending: assign({ pending: null }),
      /** Yes to "要把这句保存为…吗？": the sentence held back is answered as if sent now. */
      sendPending: enqueueActions(({ context, event, enqueue }) => {
        const text = context.pending;
        const by = senderOf(event);
        enqueue.assign({ pending: null });
        if (text !== null && by) enqueue.raise({ type: 'user.text', text, confirmed: true, at: atOf(event), by, mentioned: false });
      }),
      tell: assign({ told: ({ context, event }) => [...context.told, senderOf(event)?.id ?? ''] }),
      /** The receipt of a submission: a new version, when, and whether it was late. */
      recordSubmission: assign(({ context, event }, p: FormRef) => {
        const at = atOf(event);
        const record = context.forms[p.form] ?? EMPTY_RECORD;
        const late = at > deadlineOf(campaign, formOf(p.form)).getTime();
        return { forms: { ...context.forms, [p.form]: { ...record, version: record.version + 1, submittedAt: at, late } } };
      }),

      // ---- binding ----
      /** The units found become the numbered offer. */
      offerFound: assign({
        candidates: ({ event }) =>
          'roster' in event && event.roster ? event.roster.found.map((c) => ({ id: c.unit.id, name: c.unit.name, where: c.where })) : [],
        wanted: ({ event }) => (event.type === 'cmd.start' ? (event.form ?? null) : null),
      }),
      withdrawOffer: assign({ candidates: [], wanted: null }),
      /** Binds the unit picked from the offer (or the one 绑定 named exactly): its saved forms come with it. */
      bindFound: assign(({ context, event }) => {
        const found = 'roster' in event ? event.roster?.found : undefined;
        const n = event.type === 'cmd.bind' ? 1 : (choiceOf(event, context.candidates.length) ?? 1);
        const id = event.type === 'cmd.bind' ? found?.[0]?.unit.id : context.candidates[n - 1]?.id;
        const chosen = found?.find((c) => c.unit.id === id);
        if (!chosen) return {};
        const saved: Record<string, FormRecord> = {};
        for (const [formId, form] of Object.entries(chosen.forms)) {
          saved[formId] = { answers: form.answers, version: form.version, submittedAt: form.submittedAt, late: form.late };
        }
        // `wanted` stays until the form opens: the opener raised after this reads it
        return { unit: chosen.unit, forms: saved, candidates: [] };
      }),
      /** A unit created for the group from the name it sent; the store gives it its id. */
      registerUnit: assign({
        unit: ({ event }) => ({
          id: 0,
          name: registrationName(event) ?? '',
          kind: 'collective' as const,
          // as an empty 类别 in the roster: of the campaign's default category (categoriesOf)
          categories: [],
          city: null,
          industry: null,
        }),
        forms: {},
        candidates: [],
      }),
      unbindUnit: assign({
        unit: null,
        owner: null,
        forms: {},
        candidates: [],
        choices: [],
        editing: false,
        pasted: null,
        pending: null,
        quiet: false,
        told: [],
        suggestions: {},
        index: 0,
      }),
      updateUnit: assign({ unit: ({ context, event }) => (event.type === 'unit.updated' ? event.unit : context.unit) }),
      restoreGroup: assign(({ event }) => {
        if (event.type !== 'group.restore') return {};
        const forms: Record<string, FormRecord> = {};
        for (const [formId, form] of Object.entries(event.forms)) {
          forms[formId] = { answers: form.answers, version: form.version, submittedAt: form.submittedAt, late: form.late };
        }
        return { unit: event.unit, owner: event.owner, forms, candidates: [], choices: [] };
      }),

      // ---- choosing a form ----
      listForms: assign({ choices: ({ context }) => unitForms(context).map((form) => form.id), choosingFor: 'start' as const }),
      listHandedIn: assign({ choices: ({ context }) => handedIn(context), choosingFor: 'reopen' as const }),
      dropChoices: assign({ choices: [] }),
    },
  });
}

export type GroupSetup = ReturnType<typeof groupSetup>;
type MachineConfig = Parameters<GroupSetup['createMachine']>[0];
/** One state of the group machine, as setup() types it: guards and actions by name, events of the group. */
export type StateConfig = NonNullable<MachineConfig['states']>[string];
export type Transitions = NonNullable<StateConfig['on']>;

type Single<T> = T extends readonly (infer U)[] ? U : T;
/** A transition that reads any event of the group (eventless `always` transitions are typed so). */
export type AnyTransition = Exclude<Single<NonNullable<StateConfig['always']>>, string | undefined>;
/** The transitions a state takes for event K. */
export type TransitionFor<K extends keyof Transitions> = Exclude<Single<NonNullable<Transitions[K]>>, string | undefined>;
/** One action of a transition, for any event. */
export type Action = Single<NonNullable<AnyTransition['actions']>>;
