// The named guards and actions of the group machine, typed once with XState's setup(). The states that use
// them are generated from the campaign (group-machine.ts, form-states.ts) and reference them by name.
import { assign, enqueueActions, setup } from 'xstate';
import { deadlineOf, fieldWithRole } from '../campaign/index.js';
import type { Campaign } from '../campaign/index.js';
import { entriesOf, mainList, openEntryIndex, type Entry } from './draft.js';
import type { Effect, FormRecord, GroupContext, GroupEvent } from './group-types.js';
import { isMaterial } from './materials.js';
import type { At, Say } from './say.js';
import { groupGuards } from './group-guards.js';
import {
  answersIn,
  atOf,
  EMPTY_RECORD,
  groupHelpers,
  senderOf,
  withAnswers,
  type FieldRef,
  type FormRef,
  type IndexMove,
  type ListRef,
} from './machine-lookup.js';

export { answerCheck, answersIn, EMPTY_RECORD, type AnswerCheck, type FieldRef, type FormRef, type ListRef } from './machine-lookup.js';

/**
 * Tags name where a group stands, for the code around the machine: `filling:<form>` while a form is open,
 * `<status>:<form>` for the status of each form of the bound unit.
 */
export type GroupTag = `filling:${string}` | `${'draft' | 'submitted' | 'late' | 'reopened'}:${string}`;

export function groupSetup(campaign: Campaign) {
  const helpers = groupHelpers(campaign);
  const { formOf, listOf, entries, check, textOf, editTarget, deleteNumber, unitForms, handedIn, choiceOf, registrationName } = helpers;

  return setup({
    types: {
      context: {} as GroupContext,
      events: {} as GroupEvent,
      meta: {} as { ask?: At },
      tags: {} as GroupTag,
    },
    guards: groupGuards(campaign, helpers),
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
