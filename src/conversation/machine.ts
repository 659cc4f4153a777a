// A form definition becomes an XState machine: one state per field, a compound state per list (one child
// per sub-field, then "more"), a review and the final states. The context is plain JSON (answers, the entry
// being asked, where we stand), so a snapshot can be stored and restored as it is. No timers: deadlines
// live in the campaign data and the database.
import { createHash } from 'node:crypto';
import { assign, setup } from 'xstate';
import type { Campaign, Form, ListField, ScalarField } from '../campaign/schema.js';
import { checkAnswer, type Checked } from './answers.js';
import type { CommandEvent, TextEvent } from './commands.js';
import {
  completeEntries,
  entriesOf,
  isEntryComplete,
  isFieldMissing,
  isFormComplete,
  mainList,
  openEntryIndex,
  type Answers,
  type Entry,
} from './draft.js';
import { hasPastedValues, type PastedData } from './paste.js';
import type { At, Say } from './say.js';

/** Raise when the machine's behaviour changes in a way old snapshots cannot follow. */
export const ENGINE_VERSION = 1;

/** The field a paste's 服务承诺 line fills, when the form has it. */
const COMMITMENT = 'commitment';

export interface FormContext {
  answers: Answers;
  /** the entry of the list being asked about (0-based) */
  index: number;
  /** answering out of order after 修改: once answered, go back to the route instead of on to the next question */
  editing: boolean;
  at: At;
  /** a paste of several entries waiting for 确认 */
  pasted: PastedData | null;
  /** answers the roster offers for top-level fields (field id → value), taken with 确认 */
  suggestions: Record<string, string>;
}

export interface FormInput {
  answers: Answers;
  suggestions?: Record<string, string>;
}

export type FormEvent =
  | CommandEvent
  | TextEvent
  | { type: 'user.paste'; paste: PastedData }
  /** a picture or file, already checked and kept; `value` is how the answer names it */
  | { type: 'user.media'; value: string };

type FieldRef = { field: string; sub?: string; fresh?: boolean };
type IndexMove = { field: string; to: 'open' | 'last' | 'previous' | 'new' };

/** A short stable fingerprint of everything the machine is built from. */
export function machineVersion(campaign: Campaign, form: Form): string {
  const material = JSON.stringify({ engine: ENGINE_VERSION, form, choiceSets: campaign.choiceSets });
  return `${ENGINE_VERSION}.${createHash('sha256').update(material).digest('hex').slice(0, 12)}`;
}

const ids = {
  route: 'route',
  review: 'review',
  pasted: 'pasted',
  submitted: 'submitted',
  cancelled: 'cancelled',
  done: 'done',
  field: (field: string) => `f_${field}`,
  list: (field: string) => `l_${field}`,
  sub: (field: string, sub: string) => `l_${field}_${sub}`,
  more: (field: string) => `l_${field}_more`,
  entryDone: (field: string) => `l_${field}_entryDone`,
};
const to = (id: string) => `#${id}`;

export function buildFormMachine(campaign: Campaign, form: Form) {
  const fields = new Map(form.fields.map((field) => [field.id, field]));
  const listOf = (id: string) => fields.get(id) as ListField;
  const scalarOf = (ref: FieldRef): ScalarField =>
    ref.sub === undefined
      ? (fields.get(ref.field) as ScalarField)
      : listOf(ref.field).fields.find((sub) => sub.id === ref.sub)!;
  const entries = (context: FormContext, field: string) => entriesOf(context.answers, listOf(field));
  const list = mainList(form);

  function check(context: FormContext, text: string, ref: FieldRef): Checked {
    const field = scalarOf(ref);
    if (ref.sub === undefined) return checkAnswer(field, text, { campaign });
    const index = ref.fresh ? entries(context, ref.field).length : context.index;
    const others = new Map<number, string>();
    entries(context, ref.field).forEach((entry, i) => {
      const value = entry[ref.sub!];
      if (i !== index && value !== undefined) others.set(i + 1, value);
    });
    return checkAnswer(field, text, { campaign, others });
  }

  const textOf = (event: FormEvent) => (event.type === 'user.text' ? event.text : '');
  const editTarget = (event: FormEvent) => (event.type === 'cmd.edit' ? event.target : undefined);
  const deleteNumber = (event: FormEvent) => (event.type === 'cmd.delete' ? event.n : null);

  const question = ({ context }: { context: FormContext }): Say => questionOf(context);

  const machineSetup = setup({
    types: {
      context: {} as FormContext,
      events: {} as FormEvent,
      input: {} as FormInput,
    },
    guards: {
      missing: ({ context }, p: { field: string }) => isFieldMissing(context.answers, fields.get(p.field)!),
      valid: ({ context, event }, p: FieldRef) => event.type === 'user.text' && check(context, event.text, p).ok,
      editing: ({ context }) => context.editing,
      complete: ({ context }) => isFormComplete(form, context.answers),
      enough: ({ context }, p: { field: string }) =>
        completeEntries(context.answers, listOf(p.field)).length >= listOf(p.field).minItems,
      full: ({ context }, p: { field: string }) =>
        completeEntries(context.answers, listOf(p.field)).length >= listOf(p.field).maxItems,
      laterEntry: ({ context }) => context.index > 0,
      hasEntries: ({ context }, p: { field: string }) => entries(context, p.field).length > 0,
      hasOpenEntry: ({ context }, p: { field: string }) =>
        entries(context, p.field).some((entry) => !isEntryComplete(listOf(p.field), entry)),
      subMissing: ({ context }, p: { field: string; sub: string }) =>
        entries(context, p.field)[context.index]?.[p.sub] === undefined,
      editsField: ({ event }, p: { field: string }) => {
        const target = editTarget(event);
        return target?.kind === 'field' && target.field === p.field;
      },
      editsEntry: ({ context, event }, p: { field: string }) => {
        const target = editTarget(event);
        return target?.kind === 'entry' && target.n >= 1 && target.n <= entries(context, p.field).length;
      },
      editsMissingEntry: ({ event }) => editTarget(event)?.kind === 'entry',
      deleteUnclear: ({ event }) => deleteNumber(event) === null,
      deleteMissing: ({ context, event }, p: { field: string }) => {
        const n = deleteNumber(event) ?? 0;
        return n < 1 || n > entries(context, p.field).length;
      },
      deletesOpenEntry: ({ context, event }, p: { field: string }) =>
        !isEntryComplete(listOf(p.field), entries(context, p.field)[(deleteNumber(event) ?? 0) - 1]),
      deletesCurrentEntry: ({ context, event }) =>
        context.at.kind === 'entry' && (deleteNumber(event) ?? 0) - 1 === context.index,
      deleteBelowMin: ({ context }, p: { field: string }) =>
        completeEntries(context.answers, listOf(p.field)).length <= listOf(p.field).minItems,
      reviewed: () => form.review,
      // Snapshots stored before suggestions existed have none.
      suggested: ({ context }, p: { field: string }) => context.suggestions?.[p.field] !== undefined,
      pasteHasValues: ({ event }) => event.type === 'user.paste' && hasPastedValues(event.paste),
    },
    actions: {
      say: (_, _say: Say) => {},
      setAt: assign({ at: (_, at: At) => at }),
      store: assign({
        answers: ({ context, event }, ref: FieldRef) => {
          const checked = check(context, textOf(event), ref);
          if (!checked.ok) return context.answers;
          if (ref.sub === undefined) return { ...context.answers, [ref.field]: checked.value };
          const list = [...entries(context, ref.field)];
          const index = ref.fresh ? list.length : context.index;
          list[index] = { ...list[index], [ref.sub]: checked.value } as Entry;
          return { ...context.answers, [ref.field]: list };
        },
        index: ({ context, event }, ref: FieldRef) =>
          ref.fresh && event.type === 'user.text' ? entries(context, ref.field).length : context.index,
      }),
      moveIndex: assign({
        index: ({ context }, p: IndexMove) => {
          const count = entries(context, p.field).length;
          switch (p.to) {
            case 'open':
              return openEntryIndex(context.answers, listOf(p.field));
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
      storeMedia: assign({
        answers: ({ context, event }, ref: FieldRef) => {
          if (event.type !== 'user.media' || ref.sub === undefined) return context.answers;
          const list = [...entries(context, ref.field)];
          const index = ref.fresh ? list.length : context.index;
          list[index] = { ...list[index], [ref.sub]: event.value } as Entry;
          return { ...context.answers, [ref.field]: list };
        },
        index: ({ context }, ref: FieldRef) => (ref.fresh ? entries(context, ref.field).length : context.index),
      }),
      keepPaste: assign({ pasted: ({ context, event }) => (event.type === 'user.paste' ? event.paste : context.pasted) }),
      dropPaste: assign({ pasted: null }),
      /** The paste's commitment and entries join the answers; entries without a type are asked for next. */
      applyPaste: assign(({ context }) => {
        const pasted = context.pasted;
        if (!pasted) return {};
        const answers = { ...context.answers };
        if (pasted.commitment !== undefined && fields.get(COMMITMENT)?.kind === 'text') answers[COMMITMENT] = pasted.commitment;
        if (list) {
          const [contentField, typeField] = list.fields;
          const added = pasted.entries.map((entry): Entry => {
            const row: Entry = { [contentField!.id]: entry.content };
            if (entry.type !== undefined && typeField) row[typeField.id] = entry.type;
            return row;
          });
          answers[list.id] = [...entries(context, list.id), ...added];
        }
        return { answers, pasted: null, editing: false };
      }),
      takeSuggestion: assign({
        answers: ({ context }, p: { field: string }) => ({ ...context.answers, [p.field]: context.suggestions?.[p.field] ?? '' }),
      }),
      startEditing: assign({ editing: true }),
      stopEditing: assign({ editing: false }),
      removeEntry: assign(({ context, event }, p: { field: string }) => {
        const removed = (deleteNumber(event) ?? 0) - 1;
        const list = entries(context, p.field).filter((_, i) => i !== removed);
        return {
          answers: { ...context.answers, [p.field]: list },
          index: removed < context.index ? context.index - 1 : context.index,
        };
      }),
    },
  });

  const say = (params: Say | ((args: { context: FormContext; event: FormEvent }) => Say)) =>
    ({ type: 'say', params }) as const;
  const askAgain = say(question);
  const message = (key: Extract<Say, { kind: 'message' }>['key'], vars?: (a: { context: FormContext; event: FormEvent }) => Record<string, string | number>) =>
    say((args) => ({ kind: 'message', key, vars: vars?.(args) }));
  const problem = (ref: FieldRef) =>
    say(({ context, event }) => {
      const checked = check(context, textOf(event), ref);
      return { kind: 'problem', at: context.at, problem: checked.ok ? { key: 'errorEmpty', vars: {} } : checked.problem };
    });
  const setAt = (at: At) => ({ type: 'setAt', params: at }) as const;
  const moveIndex = (field: string, where: IndexMove['to']) => ({ type: 'moveIndex', params: { field, to: where } }) as const;
  const asking = (at: At) => [setAt(at), askAgain];

  /** The question before the first question of top-level field k. */
  function backBefore(k: number): unknown[] {
    const previous = form.fields[k - 1];
    if (!previous) return [{ actions: [message('atFirstStep'), askAgain] }];
    if (previous.kind !== 'list') return [{ target: to(ids.field(previous.id)), actions: ['stopEditing'] }];
    const lastSub = previous.fields[previous.fields.length - 1]!;
    return [
      { guard: { type: 'hasEntries', params: { field: previous.id } }, target: to(ids.sub(previous.id, lastSub.id)), actions: ['stopEditing', moveIndex(previous.id, 'last')] },
      { target: to(ids.list(previous.id)), actions: ['stopEditing', moveIndex(previous.id, 'open')] },
    ];
  }

  function scalarState(field: ScalarField, k: number) {
    const ref = { field: field.id };
    return {
      id: ids.field(field.id),
      entry: asking({ kind: 'field', field: field.id }),
      on: {
        'user.text': [
          { guard: { type: 'valid', params: ref }, target: to(ids.route), actions: [{ type: 'store', params: ref }, say(({ context }) => ({ kind: 'saved', field: field.id, index: 0, answers: context.answers }))] },
          { actions: [problem(ref)] },
        ],
        // 确认 takes the answer the roster offers, where there is one; otherwise it means what it means anywhere.
        'cmd.confirm': {
          guard: { type: 'suggested', params: ref },
          target: to(ids.route),
          actions: [{ type: 'takeSuggestion', params: ref }, say(({ context }) => ({ kind: 'saved', field: field.id, index: 0, answers: context.answers }))],
        },
        'cmd.back': backBefore(k),
      },
    };
  }

  const savedSay = (field: ListField) =>
    say(({ context }) => ({ kind: 'saved', field: field.id, index: context.index, answers: context.answers }));

  function listState(field: ListField, k: number) {
    const subs = field.fields;
    const first = subs[0]!;
    const last = subs[subs.length - 1]!;
    const f = { field: field.id };
    const states: Record<string, unknown> = {
      pick: {
        always: [
          ...subs.map((sub) => ({ guard: { type: 'subMissing', params: { field: field.id, sub: sub.id } }, target: to(ids.sub(field.id, sub.id)) })),
          { target: to(ids.entryDone(field.id)) },
        ],
      },
    };
    subs.forEach((sub, j) => {
      const ref = { field: field.id, sub: sub.id };
      const next = subs[j + 1];
      const accepted = next
        ? { guard: { type: 'valid', params: ref }, target: to(ids.sub(field.id, next.id)), actions: [{ type: 'store', params: ref }] }
        : {
            guard: { type: 'valid', params: ref },
            target: to(ids.entryDone(field.id)),
            actions: [{ type: 'store', params: ref }, say(({ context }) => ({ kind: 'saved', field: field.id, index: context.index, answers: context.answers }))],
          };
      const back =
        j > 0
          ? [{ target: to(ids.sub(field.id, subs[j - 1]!.id)) }]
          : [
              { guard: 'laterEntry', target: to(ids.sub(field.id, last.id)), actions: ['stopEditing', moveIndex(field.id, 'previous')] },
              ...backBefore(k),
            ];
      states[`s_${sub.id}`] = {
        id: ids.sub(field.id, sub.id),
        entry: asking({ kind: 'entry', field: field.id, sub: sub.id }),
        on: {
          'user.text': [accepted, { actions: [problem(ref)] }],
          ...(sub.kind === 'media'
            ? {
                'user.media': {
                  target: next ? to(ids.sub(field.id, next.id)) : to(ids.entryDone(field.id)),
                  actions: [{ type: 'storeMedia', params: ref }, ...(next ? [] : [savedSay(field)])],
                },
              }
            : {}),
          'cmd.back': back,
        },
      };
    });
    states.entryDone = {
      id: ids.entryDone(field.id),
      always: [
        { guard: 'editing', target: to(ids.route) },
        // An entry left half-done by 上一步 is asked for before anything else.
        { guard: { type: 'hasOpenEntry', params: f }, target: to(ids.route) },
        { guard: { type: 'full', params: f }, target: to(ids.route) },
        { guard: { type: 'enough', params: f }, target: to(ids.more(field.id)) },
        { target: to(ids.sub(field.id, first.id)), actions: [moveIndex(field.id, 'new')] },
      ],
    };
    const freshRef = { field: field.id, sub: first.id, fresh: true };
    const second = subs[1];
    states.more = {
      id: ids.more(field.id),
      entry: asking({ kind: 'more', field: field.id }),
      on: {
        'cmd.continue': [
          { guard: { type: 'full', params: f }, actions: [message('listFull', () => ({ max: field.maxItems })), askAgain] },
          { target: to(ids.sub(field.id, first.id)), actions: [moveIndex(field.id, 'new')] },
        ],
        // Sending the next entry straight away, without 继续, is read as that entry.
        ...(first.kind === 'media'
          ? {
              'user.media': [
                { guard: { type: 'full', params: f }, actions: [message('listFull', () => ({ max: field.maxItems })), askAgain] },
                {
                  target: second ? to(ids.sub(field.id, second.id)) : to(ids.entryDone(field.id)),
                  actions: [{ type: 'storeMedia', params: freshRef }, ...(second ? [] : [savedSay(field)])],
                },
              ],
            }
          : {}),
        'user.text': [
          { guard: { type: 'full', params: f }, actions: [message('listFull', () => ({ max: field.maxItems })), askAgain] },
          {
            guard: { type: 'valid', params: freshRef },
            target: second ? to(ids.sub(field.id, second.id)) : to(ids.entryDone(field.id)),
            actions: [{ type: 'store', params: freshRef }],
          },
          { actions: [problem(freshRef), askAgain] },
        ],
        'cmd.finish': { target: to(ids.route) },
        'cmd.back': { target: to(ids.sub(field.id, last.id)), actions: [moveIndex(field.id, 'last')] },
      },
    };
    return { id: ids.list(field.id), initial: 'pick', states };
  }

  const lastField = form.fields[form.fields.length - 1]!;
  const states: Record<string, unknown> = {
    [ids.route]: {
      id: ids.route,
      entry: ['stopEditing'],
      always: [
        ...form.fields.map((field) => ({
          guard: { type: 'missing', params: { field: field.id } },
          target: to(field.kind === 'list' ? ids.list(field.id) : ids.field(field.id)),
          actions: field.kind === 'list' ? [moveIndex(field.id, 'open')] : [],
        })),
        { guard: 'reviewed', target: to(ids.review) },
        { target: to(ids.done) },
      ],
    },
    [ids.review]: {
      id: ids.review,
      entry: asking({ kind: 'review' }),
      on: {
        'cmd.confirm': { target: to(ids.submitted) },
        'cmd.finish': { target: to(ids.review), reenter: true },
        'cmd.continue': list
          ? [
              { guard: { type: 'full', params: { field: list.id } }, actions: [message('listFull', () => ({ max: list.maxItems })), askAgain] },
              { target: to(ids.sub(list.id, list.fields[0]!.id)), actions: [moveIndex(list.id, 'new')] },
            ]
          : { actions: [message('notNowContinue'), askAgain] },
        'user.text': { actions: [askAgain] },
        'cmd.back':
          lastField.kind === 'list'
            ? { target: to(ids.more(lastField.id)), actions: [moveIndex(lastField.id, 'last')] }
            : { target: to(ids.field(lastField.id)) },
      },
    },
    [ids.pasted]: {
      id: ids.pasted,
      entry: [setAt({ kind: 'pasted' }), say(({ context }) => ({ kind: 'paste', pasted: context.pasted!, answers: context.answers }))],
      on: {
        'cmd.confirm': { target: to(ids.route), actions: ['applyPaste', message('pasteApplied')] },
        'cmd.cancel': { target: to(ids.route), actions: ['dropPaste', message('pasteDropped')] },
        'cmd.back': { target: to(ids.route), actions: ['dropPaste', message('pasteDropped')] },
        'user.text': { actions: [askAgain] },
      },
    },
    [ids.submitted]: { id: ids.submitted, type: 'final', entry: [setAt({ kind: 'end' })] },
    [ids.cancelled]: { id: ids.cancelled, type: 'final', entry: [setAt({ kind: 'end' })] },
    [ids.done]: { id: ids.done, type: 'final', entry: [setAt({ kind: 'end' })] },
  };
  form.fields.forEach((field, k) => {
    states[field.kind === 'list' ? ids.list(field.id) : ids.field(field.id)] =
      field.kind === 'list' ? listState(field, k) : scalarState(field, k);
  });

  const editTransitions: unknown[] = [];
  for (const field of form.fields) {
    if (field.kind === 'list') continue;
    editTransitions.push({ guard: { type: 'editsField', params: { field: field.id } }, target: to(ids.field(field.id)), actions: ['startEditing', message('editing', () => ({ label: field.label }))] });
  }
  if (list) {
    editTransitions.push({
      guard: { type: 'editsEntry', params: { field: list.id } },
      target: to(ids.sub(list.id, list.fields[0]!.id)),
      actions: ['pointAtEditedEntry', 'startEditing', message('editing', ({ event }) => ({ label: list.itemLabel.replace('{n}', String(editTarget(event)?.kind === 'entry' ? (editTarget(event) as { n: number }).n : '')) }))],
    });
    editTransitions.push({ guard: 'editsMissingEntry', actions: [message('editNoSuchItem', ({ context, event }) => ({ n: (editTarget(event) as { n: number }).n, count: entries(context, list.id).length })), askAgain] });
  }
  editTransitions.push({ actions: [message('editWhat'), askAgain] });

  const deleteTransitions: unknown[] = list
    ? [
        { guard: 'deleteUnclear', actions: [message('deleteWhat'), askAgain] },
        { guard: { type: 'deleteMissing', params: { field: list.id } }, actions: [message('deleteNoSuchItem', ({ context, event }) => ({ n: deleteNumber(event) ?? 0, count: entries(context, list.id).length })), askAgain] },
        { guard: { type: 'deletesOpenEntry', params: { field: list.id } }, target: to(ids.route), actions: [message('deletedDraftItem', ({ event }) => ({ n: deleteNumber(event) ?? 0 })), { type: 'removeEntry', params: { field: list.id } }] },
        { guard: { type: 'deleteBelowMin', params: { field: list.id } }, actions: [message('deleteBelowMin', ({ context, event }) => ({ min: list.minItems, count: completeEntries(context.answers, list).length, n: deleteNumber(event) ?? 0 })), askAgain] },
        { guard: 'deletesCurrentEntry', target: to(ids.route), actions: [{ type: 'removeEntry', params: { field: list.id } }, message('deleted', ({ context }) => ({ n: context.index + 1, count: entries(context, list.id).length }))] },
        { actions: [message('deleted', ({ context, event }) => ({ n: deleteNumber(event) ?? 0, count: entries(context, list.id).length - 1 })), { type: 'removeEntry', params: { field: list.id } }, askAgain] },
      ]
    : [{ actions: [message('deleteWhat'), askAgain] }];

  const config = {
    id: form.id,
    context: ({ input }: { input: FormInput }): FormContext => ({
      answers: input.answers,
      index: 0,
      editing: false,
      at: { kind: 'start' },
      pasted: null,
      suggestions: input.suggestions ?? {},
    }),
    initial: ids.route,
    on: {
      'cmd.help': { actions: [say({ kind: 'help' }), askAgain] },
      'cmd.progress': { actions: [say(({ context }) => ({ kind: 'progress', answers: context.answers })), askAgain] },
      'cmd.start': { actions: [askAgain] },
      'cmd.takeover': { actions: [askAgain] },
      'cmd.unknown': { actions: [message('unknownCommand', ({ event }) => ({ input: event.type === 'cmd.unknown' ? event.text : '' })), askAgain] },
      'cmd.cancel': { target: to(ids.cancelled), actions: [message('cancelled')] },
      'cmd.continue': { actions: [message('notNowContinue'), askAgain] },
      'cmd.finish': [
        { guard: 'complete', target: to(ids.route) },
        { actions: [say(({ context }) => ({ kind: 'missing', key: 'notNowFinish', answers: context.answers })), askAgain] },
      ],
      'cmd.confirm': { actions: [say(({ context }) => ({ kind: 'missing', key: 'notNowConfirm', answers: context.answers })), askAgain] },
      'cmd.back': { actions: [askAgain] },
      'cmd.edit': editTransitions,
      // A paste of several entries is shown back and waits for 确认; one with nothing to save is explained.
      'user.paste': [
        { guard: 'pasteHasValues', target: to(ids.pasted), reenter: true, actions: ['keepPaste'] },
        { actions: [say(({ event }) => ({ kind: 'pasteRejected', pasted: (event as { paste: PastedData }).paste })), askAgain] },
      ],
      'cmd.delete': deleteTransitions,
    },
    states,
  };
  // The states are generated from data, so their exact types cannot be spelled out statically; the
  // guards and actions they name are typed above and checked by the machine tests.
  return machineSetup.createMachine(config as unknown as Parameters<typeof machineSetup.createMachine>[0]);
}

export type FormMachine = ReturnType<typeof buildFormMachine>;

/** The question the context stands at, as the machine asks it. */
export function questionOf(context: FormContext): Say {
  const { at, index, answers } = context;
  const suggestion = at.kind === 'field' ? context.suggestions?.[at.field] : undefined;
  return { kind: 'question', at, index, answers, ...(suggestion !== undefined ? { suggestion } : {}) };
}
