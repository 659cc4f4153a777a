// What the group machine and its forms' states are built from: the state ids (global to the machine, so a
// form's carry its id), the actions that say things, handing a form in, and each form's status region.
import { raise } from 'xstate';
import type { Action, AnyTransition, StateConfig } from './group-setup.js';
import type { Campaign } from '../campaign/index.js';
import { formsFor } from '../campaign/index.js';
import { numberReply } from './commands.js';
import type { Candidate, Effect, GroupContext, GroupEvent, InternalEvent } from './group-types.js';
import type { At, Say } from './say.js';

/** State ids of one form; ids are global to the machine, so each carries the form's id. */
export function formIds(formId: string) {
  const p = `${formId}__`;
  return {
    root: `${p}form`,
    route: `${p}route`,
    review: `${p}review`,
    pasted: `${p}pasted`,
    materials: `${p}materials`,
    field: (field: string) => `${p}f_${field}`,
    list: (field: string) => `${p}l_${field}`,
    sub: (field: string, sub: string) => `${p}l_${field}_${sub}`,
    more: (field: string) => `${p}l_${field}_more`,
    entryDone: (field: string) => `${p}l_${field}_entryDone`,
  };
}

/** State ids of the group (outside any form) that the forms' transitions lead to. */
export const groupIds = {
  unbound: 'unbound',
  unboundIdle: 'unbound_idle',
  offered: 'unbound_offered',
  candidates: 'unbound_candidates',
  filling: 'focus_filling',
  bound: 'bound',
  idle: 'focus_idle',
  choosing: 'focus_choosing',
  status: (formId: string) => `status_${formId}`,
  notStarted: (formId: string) => `status_${formId}_notStarted`,
  draft: (formId: string) => `status_${formId}_draft`,
  submitted: (formId: string) => `status_${formId}_submitted`,
  onTime: (formId: string) => `status_${formId}_onTime`,
  late: (formId: string) => `status_${formId}_late`,
  reopened: (formId: string) => `status_${formId}_reopened`,
};

export const to = (id: string) => `#${id}`;
export type Args = { context: GroupContext; event: GroupEvent };

export const say = (params: Say | ((args: Args) => Say)): Action => ({ type: 'say', params });
/** The question where the group stands, asked (again); chatter after it may be answered again. */
export const ask: Action[] = [say({ kind: 'ask' }), 'unquiet'];
/** What the question the group goes back to (上一步, 修改) holds now, said before it is asked. */
export const current: Action = say({ kind: 'current' });
export const message = (key: Extract<Say, { kind: 'message' }>['key'], vars?: (args: Args) => Record<string, string | number>): Action =>
  say((args) => ({ kind: 'message', key, ...(vars ? { vars: vars(args) } : {}) }));

/**
 * Handing in a form, from its review (确认) or its last answer (forms without a review), if it still takes
 * submissions: a new version is kept, the form's status moves to submitted (late or on time), the form
 * closes and the group hears when it was handed in.
 */
export function submitTransitions(formId: string): AnyTransition[] {
  const late = ({ context }: Args) => context.forms[formId]?.late ?? false;
  const actions: Action[] = [
    { type: 'recordSubmission', params: { form: formId } },
    { type: 'effect', params: (args: Args): Effect => ({ kind: 'submit', formId, late: late(args) }) },
    say((args) => ({ kind: 'submitted', form: formId, late: late(args) })),
    raise((args: Args) => ({ type: 'status.submitted' as const, formId, late: late(args) })),
    'closeForm',
  ];
  return [{ guard: { type: 'accepts', params: { form: formId } }, target: to(groupIds.idle), actions }];
}

/** A form's status, a region of its own beside the focus: not started, draft, submitted (on time or late), reopened. */
export function statusRegion(formId: string): StateConfig {
  const of = { form: formId };
  return {
    id: groupIds.status(formId),
    initial: 'notStarted',
    on: {
      'status.restore': [
        { guard: { type: 'restoresTo', params: { ...of, status: 'submitted', late: true } }, target: '.submitted.late' },
        { guard: { type: 'restoresTo', params: { ...of, status: 'submitted' } }, target: '.submitted.onTime' },
        { guard: { type: 'restoresTo', params: { ...of, status: 'reopened' } }, target: '.reopened' },
        { target: '.notStarted' },
      ],
      'status.submitted': [
        { guard: { type: 'statusOf', params: { ...of, late: true } }, target: '.submitted.late' },
        { guard: { type: 'statusOf', params: of }, target: '.submitted.onTime' },
      ],
      'status.reopened': { guard: { type: 'statusOf', params: of }, target: '.reopened' },
    },
    states: {
      notStarted: { id: groupIds.notStarted(formId), always: { guard: { type: 'hasAnswers', params: of }, target: 'draft' } },
      draft: { id: groupIds.draft(formId), tags: [`draft:${formId}`] },
      submitted: {
        id: groupIds.submitted(formId),
        tags: [`submitted:${formId}`],
        initial: 'onTime',
        states: { onTime: { id: groupIds.onTime(formId) }, late: { id: groupIds.late(formId), tags: [`late:${formId}`] } },
      },
      reopened: { id: groupIds.reopened(formId), tags: [`reopened:${formId}`] },
    },
  };
}

export const REGISTRATION: At = { kind: 'registration' };

/**
 * 指南 anywhere: the 填报指南, then the question where the group stands, if it stands at one. Nothing else
 * changes. Named in every state that has a wildcard, which would otherwise take it first.
 */
export const GUIDE = { actions: [say({ kind: 'guide' }), ...ask] };

export const roster = (event: GroupEvent) => ('roster' in event ? event.roster : undefined);
export const sender = (event: GroupEvent) => ('by' in event ? event.by : undefined);
export const time = (event: GroupEvent) => ('at' in event ? event.at : 0);
export const unitName = ({ context }: Args) => context.unit?.name ?? '';

/** The form.open event that opens `formId` for the sender of `event`. */
export function opener(formId: string, event: GroupEvent, how: 'start' | 'reopen' = 'start'): InternalEvent {
  // "修改 2" carries the edit on, to be applied once the form is open.
  // biome-ignore lint/suspicious/noThenProperty: `then` is an event's field, never awaited
  const then = how === 'reopen' && event.type === 'cmd.edit' && event.target.kind !== 'none' ? { then: event } : {};
  const by = sender(event);
  return { type: 'form.open', formId, how, at: time(event), ...(by ? { by } : {}), ...then };
}

/** The unit picked from the offer by number (or 确认 when one was offered), as looked up with this message. */
export function picked({ context, event }: Args): Candidate | undefined {
  const n = (event.type === 'cmd.confirm' || event.type === 'cmd.yes') && context.candidates.length === 1 ? 1 : (numberReply(event) ?? 0);
  const id = context.candidates[n - 1]?.id;
  return roster(event)?.found.find((candidate) => candidate.unit.id === id);
}

/** The unit 绑定 named exactly. */
export const named = ({ event }: Args): Candidate | undefined => roster(event)?.found[0];

/** The forms a unit fills, and the one to open after binding: the one named with 填报 if the unit fills it, else its first. */
export function unitFormsOf(campaign: Campaign) {
  const unitForms = (context: GroupContext) => (context.unit ? formsFor(campaign, context.unit) : []);
  const firstForm = (context: GroupContext) => unitForms(context)[0]?.id ?? '';
  /** After binding: the form the member named with 填报 if the unit fills it, else its first. */
  const wantedForm = (context: GroupContext) =>
    unitForms(context).find((form) => form.shortTitle === context.wanted || form.id === context.wanted)?.id ?? firstForm(context);
  return { unitForms, firstForm, wantedForm };
}
