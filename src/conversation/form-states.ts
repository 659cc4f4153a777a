// One form of the campaign as nested states of the group machine: a state per field, a compound state per
// list (one child per sub-field, then "more"), the one question of a form complete with any one of several
// fields (completeWith), the review and a pasted list waiting for 确认. Each state that
// asks names its question in `meta.ask`, so where the group stands is read off the snapshot.
import { and, not, stateIn } from 'xstate';
import type { Form, ListField, ScalarField } from '../campaign/index.js';
import { mainList } from './draft.js';
import { isMaterial, materialsOf } from './materials.js';
import type { Action, AnswerCheck, AnyTransition, FieldRef, StateConfig, TransitionFor } from './group-setup.js';
import type { At } from './say.js';
import { deleteTransitions, editTransitions } from './form-edits.js';
import { materialsState, tooShort } from './materials-state.js';
import { ask, current, formIds, groupIds, message, say, submitTransitions, to } from './machine-parts.js';

export function formStates(form: Form, check: AnswerCheck): StateConfig {
  const f = formIds(form.id);
  const list = mainList(form);
  const onForm = { form: form.id };
  const materials = materialsOf(form);
  /** 上一步 from a field of the form's one question (修改 简介, 修改 1): back to that question. */
  const toMaterials: AnyTransition[] = [{ target: to(f.materials), actions: ['stopEditing'] }];
  const listRef = (field: ListField) => ({ form: form.id, field: field.id });
  const setIndex = (field: string, where: 'open' | 'last' | 'previous' | 'new'): Action => ({
    type: 'moveIndex',
    params: { form: form.id, field, to: where },
  });
  /** Why the answer was refused: the guard `valid` failed just before, the same check gives the reason. */
  const refuse = (ref: FieldRef): Action =>
    say(({ context, event }) => {
      const checked = check(context, event.type === 'user.text' ? event.text : '', ref);
      return { kind: 'problem', at: atOf(ref), problem: checked.ok ? { key: 'errorEmpty', vars: {} } : checked.problem };
    });
  const saved = (field: string): Action =>
    say(({ context }) => ({ kind: 'saved', form: form.id, field, index: context.index, answers: context.forms[form.id]?.answers ?? {} }));
  const atOf = (ref: FieldRef): At =>
    ref.sub === undefined ? { kind: 'field', form: form.id, field: ref.field } : { kind: 'entry', form: form.id, field: ref.field, sub: ref.sub };

  /** 上一步 from the first question of top-level field k: the question before it. */
  function backBefore(k: number): TransitionFor<'cmd.back'>[] {
    const previous = form.fields[k - 1];
    if (!previous) return [{ actions: [message('atFirstStep'), ...ask] }];
    if (previous.kind !== 'list') return [{ target: to(f.field(previous.id)), actions: ['stopEditing', current] }];
    const lastSub = previous.fields[previous.fields.length - 1]!;
    return [
      {
        guard: { type: 'hasEntries', params: listRef(previous) },
        target: to(f.sub(previous.id, lastSub.id)),
        actions: ['stopEditing', setIndex(previous.id, 'last'), current],
      },
      { target: to(f.list(previous.id)), actions: ['stopEditing', setIndex(previous.id, 'open')] },
    ];
  }

  function scalarState(field: ScalarField, k: number): StateConfig {
    const ref = { form: form.id, field: field.id };
    const takeOffered: AnyTransition[] = [
      { guard: 'hasPending', actions: ['sendPending'] },
      { guard: { type: 'suggested', params: ref }, target: to(f.route), actions: [{ type: 'takeSuggestion', params: ref }, saved(field.id)] },
    ];
    return {
      id: f.field(field.id),
      meta: { ask: atOf(ref) },
      entry: ['dropPending', ...ask],
      on: {
        'user.text': [
          // The text of the form's one question, changed to one too short to count by itself: saved, and said so.
          ...(isMaterial(form, field.id)
            ? [
                {
                  guard: { type: 'shortText', params: ref },
                  target: to(f.route),
                  actions: [{ type: 'store', params: ref }, tooShort(form, materials, field.id)],
                } as const,
              ]
            : []),
          { guard: { type: 'valid', params: ref }, target: to(f.route), actions: [{ type: 'store', params: ref }, saved(field.id)] },
          { actions: [refuse(ref), 'unquiet'] },
        ],
        // 确认 (or 是, 好的) takes the answer the roster offers, where there is one; a sentence held back goes first.
        'cmd.confirm': takeOffered,
        'cmd.yes': takeOffered,
        // 不是 to the roster's offer: the question again, to be answered with another name.
        'cmd.no': { guard: { type: 'suggested', params: ref }, actions: [...ask] },
        'cmd.back': isMaterial(form, field.id) ? toMaterials : backBefore(k),
      },
    };
  }

  function listState(field: ListField, k: number): StateConfig {
    const subs = field.fields;
    const first = subs[0]!;
    const last = subs[subs.length - 1]!;
    const lf = listRef(field);
    const full = { type: 'full', params: lf } as const;
    const listFull = message('listFull', () => ({ max: field.maxItems }));
    const states: Record<string, StateConfig> = {
      pick: {
        always: [
          ...subs.map((sub): AnyTransition => ({ guard: { type: 'subMissing', params: { ...lf, sub: sub.id } }, target: to(f.sub(field.id, sub.id)) })),
          { target: to(f.entryDone(field.id)) },
        ],
      },
    };
    subs.forEach((sub, j) => {
      const ref = { ...lf, sub: sub.id };
      const next = subs[j + 1];
      const target = next ? to(f.sub(field.id, next.id)) : to(f.entryDone(field.id));
      const back: TransitionFor<'cmd.back'>[] =
        j > 0
          ? [{ target: to(f.sub(field.id, subs[j - 1]!.id)), actions: [current] }]
          : isMaterial(form, field.id)
            ? toMaterials
            : [
                { guard: 'laterEntry', target: to(f.sub(field.id, last.id)), actions: ['stopEditing', setIndex(field.id, 'previous'), current] },
                ...backBefore(k),
              ];
      states[`s_${sub.id}`] = {
        id: f.sub(field.id, sub.id),
        meta: { ask: atOf(ref) },
        entry: ['dropPending', ...ask],
        on: {
          'user.text': [
            { guard: { type: 'valid', params: ref }, target, actions: [{ type: 'store', params: ref }, ...(next ? [] : [saved(field.id)])] },
            { actions: [refuse(ref), 'unquiet'] },
          ],
          ...(sub.kind === 'media' ? { 'user.media': { target, actions: [{ type: 'storeMedia', params: ref }, ...(next ? [] : [saved(field.id)])] } } : {}),
          'cmd.back': back,
        },
      };
    });
    states.entryDone = {
      id: f.entryDone(field.id),
      always: [
        { guard: 'editing', target: to(f.route) },
        // An entry left half-done by 上一步 is asked for before anything else.
        { guard: { type: 'hasOpenEntry', params: lf }, target: to(f.route) },
        { guard: full, target: to(f.route) },
        { guard: { type: 'enough', params: lf }, target: to(f.more(field.id)) },
        { target: to(f.sub(field.id, first.id)), actions: [setIndex(field.id, 'new')] },
      ],
    };
    const freshRef = { ...lf, sub: first.id, fresh: true };
    const second = subs[1];
    const afterFresh = second ? to(f.sub(field.id, second.id)) : to(f.entryDone(field.id));
    states.more = {
      id: f.more(field.id),
      meta: { ask: { kind: 'more', form: form.id, field: field.id } },
      entry: ['dropPending', ...ask],
      on: {
        'cmd.continue': [
          { guard: full, actions: [listFull, ...ask] },
          { target: to(f.sub(field.id, first.id)), actions: [setIndex(field.id, 'new')] },
        ],
        // Sending the next entry straight away, without 继续, is read as that entry.
        ...(first.kind === 'media'
          ? {
              'user.media': [
                { guard: full, actions: [listFull, ...ask] },
                { target: afterFresh, actions: [{ type: 'storeMedia', params: freshRef }, ...(second ? [] : [saved(field.id)])] },
              ],
            }
          : {}),
        'user.text': [
          { guard: full, actions: [listFull, ...ask] },
          {
            guard: { type: 'valid', params: freshRef },
            target: afterFresh,
            actions: [{ type: 'store', params: freshRef }, ...(second ? [] : [saved(field.id)])],
          },
          { actions: [refuse(freshRef), ...ask] },
        ],
        'cmd.finish': { target: to(f.route) },
        'cmd.back': isMaterial(form, field.id) ? toMaterials : { target: to(f.sub(field.id, last.id)), actions: [setIndex(field.id, 'last'), current] },
      },
    };
    return { id: f.list(field.id), initial: 'pick', entry: [{ type: 'reachList', params: lf }], states };
  }

  const lastField = form.fields[form.fields.length - 1]!;
  const handIn: AnyTransition[] = [...submitTransitions(form.id), { actions: [say({ kind: 'closed', form: form.id, key: 'submitClosed' })] }];
  const states: Record<string, StateConfig> = {
    route: {
      id: f.route,
      entry: ['stopEditing'],
      always: [
        // The fields of the form's one question are asked there, not one by one.
        ...form.fields
          .filter((field) => !isMaterial(form, field.id))
          .map(
            (field): AnyTransition => ({
              guard: { type: 'toAsk', params: { form: form.id, field: field.id } },
              target: to(field.kind === 'list' ? f.list(field.id) : f.field(field.id)),
              actions: field.kind === 'list' ? [setIndex(field.id, 'open')] : [],
            }),
          ),
        // A form complete with any one of several fields stays at their one question until 完成 (or 确认) with one
        // of them in; opened again, it first shows what it holds.
        ...(materials
          ? [
              {
                guard: and(['opening', { type: 'holdsMaterial', params: onForm }]),
                target: to(f.materials),
                actions: [say({ kind: 'summary', form: form.id })],
              },
              { guard: not(and([{ type: 'ruleHolds', params: onForm }, 'handingIn'])), target: to(f.materials) },
              ...(form.review
                ? []
                : [...submitTransitions(form.id), { target: to(f.materials), actions: [say({ kind: 'closed', form: form.id, key: 'submitClosed' })] }]),
            ]
          : []),
        // A form without a review is handed in with its last answer; opened again complete, or reopened,
        // it shows the review instead; one that can no longer be handed in says why at 确认.
        { guard: { type: 'reviews', params: onForm }, target: to(f.review) },
        { guard: stateIn(to(groupIds.reopened(form.id))), target: to(f.review) },
        { guard: 'opening', target: to(f.review) },
        ...submitTransitions(form.id),
        { target: to(f.review) },
      ],
    },
    review: {
      id: f.review,
      meta: { ask: { kind: 'review', form: form.id } },
      entry: ['dropPending', ...ask],
      on: {
        'cmd.confirm': handIn,
        'cmd.yes': handIn,
        'cmd.no': { actions: [...ask] },
        'cmd.finish': { target: to(f.review), reenter: true },
        'cmd.continue': materials
          ? { target: to(f.materials) }
          : list
            ? [
                { guard: { type: 'full', params: listRef(list) }, actions: [message('listFull', () => ({ max: list.maxItems })), ...ask] },
                { target: to(f.sub(list.id, list.fields[0]!.id)), actions: [setIndex(list.id, 'new')] },
              ]
            : { actions: [message('notNowContinue'), ...ask] },
        'user.text': { actions: [...ask] },
        'cmd.back': materials
          ? { target: to(f.materials) }
          : lastField.kind === 'list'
            ? { target: to(f.more(lastField.id)), actions: [setIndex(lastField.id, 'last')] }
            : { target: to(f.field(lastField.id)), actions: [current] },
      },
    },
    pasted: {
      id: f.pasted,
      meta: { ask: { kind: 'pasted', form: form.id } },
      entry: [say(({ context }) => ({ kind: 'paste', form: form.id, pasted: context.pasted!, answers: context.forms[form.id]?.answers ?? {} }))],
      on: {
        'cmd.confirm': { target: to(f.route), actions: [{ type: 'applyPaste', params: onForm }, message('pasteApplied')] },
        'cmd.yes': { target: to(f.route), actions: [{ type: 'applyPaste', params: onForm }, message('pasteApplied')] },
        'cmd.cancel': { target: to(f.route), actions: ['dropPaste', message('pasteDropped')] },
        'cmd.no': { target: to(f.route), actions: ['dropPaste', message('pasteDropped')] },
        'cmd.back': { target: to(f.route), actions: ['dropPaste', message('pasteDropped')] },
        'user.text': { actions: [...ask] },
      },
    },
  };
  form.fields.forEach((field, k) => {
    states[field.kind === 'list' ? `l_${field.id}` : `f_${field.id}`] = field.kind === 'list' ? listState(field, k) : scalarState(field, k);
  });
  if (materials) states.materials = materialsState({ form, f, onForm, materials, listRef, refuse, saved, backBefore, check });

  return {
    id: f.root,
    tags: [`filling:${form.id}`],
    initial: 'route',
    on: {
      // 填报 for the form already open: the owner hears the question again, anyone else who is filling.
      'cmd.start': [
        { guard: and([{ type: 'namesOpenForm', params: onForm }, 'fromOwner']), actions: [...ask] },
        {
          guard: { type: 'namesOpenForm', params: onForm },
          actions: [message('alreadyRunning', ({ context }) => ({ owner: context.owner?.name ?? '', form: form.shortTitle })), ...ask],
        },
      ],
      'cmd.continue': { actions: [message('notNowContinue'), ...ask] },
      'cmd.finish': [
        { guard: { type: 'complete', params: onForm }, target: to(f.route) },
        { actions: [say(({ context }) => ({ kind: 'missing', form: form.id, key: 'notNowFinish', answers: context.forms[form.id]?.answers ?? {} })), ...ask] },
      ],
      'cmd.confirm': [
        { guard: 'hasPending', actions: ['sendPending'] },
        // Everything is there (a change half-way, say): the review, or the hand-in of a form without one.
        { guard: { type: 'complete', params: onForm }, target: to(f.route) },
        { actions: [say(({ context }) => ({ kind: 'missing', form: form.id, key: 'notNowConfirm', answers: context.forms[form.id]?.answers ?? {} })), ...ask] },
      ],
      // Yes or no to "要把这句保存为…吗？"; anywhere else a yes is an acknowledgement (the group's handler).
      'cmd.yes': { guard: 'hasPending', actions: ['sendPending'] },
      'cmd.no': { guard: 'hasPending', actions: ['dropPending', message('notSaved'), ...ask] },
      'cmd.back': { actions: [...ask] },
      // A picture, file or link sent before its step is kept in its list; the question here goes on.
      'user.early': [
        { guard: { type: 'earlyFits', params: onForm }, actions: [{ type: 'keepEarly', params: onForm }, say({ kind: 'kept', form: form.id }), ...ask] },
        { actions: [message('nonText'), ...ask] },
      ],
      // Someone else speaks to the bot: told once who is filling and how to take over.
      'user.bystander': [
        { guard: 'told' },
        { actions: ['tell', message('bystander', ({ context }) => ({ owner: context.owner?.name ?? '', form: form.shortTitle }))] },
      ],
      'cmd.edit': editTransitions(form),
      // A paste of several entries is shown back and waits for 确认; one with nothing to save is explained.
      'user.paste': [
        { guard: 'pasteHasValues', target: to(f.pasted), reenter: true, actions: ['keepPaste'] },
        { actions: [say(({ event }) => ({ kind: 'pasteRejected', form: form.id, pasted: event.type === 'user.paste' ? event.paste : emptyPaste })), ...ask] },
      ],
      'cmd.delete': deleteTransitions(form),
    },
    states,
  };
}

const emptyPaste = { entries: [], problems: [] };
