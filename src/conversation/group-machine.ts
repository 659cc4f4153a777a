// A group's whole conversation as one XState machine, built from the campaign: unbound (binding offered,
// candidates listed, registering), then bound, where two regions run side by side: the focus (idle,
// choosing a form, filling one of the forms, whose states form-states.ts builds) and the status of each form
// of the unit (not started, draft, submitted on time or late, reopened). Pure: the roster lookups the
// binding needs ride on the events, deadlines are compared with each event's time, nothing waits.
import { and, enqueueActions, not, or, raise, stateIn } from 'xstate';
import { formsFor } from '../campaign/index.js';
import { excerpt } from '../campaign/index.js';
import type { Campaign } from '../campaign/index.js';
import { checkAnswer } from './answers.js';
import { numberReply } from './commands.js';
import { formStates } from './form-states.js';
import { ask, formIds, groupIds, message, say, statusRegion } from './machine-parts.js';
import { answerCheck, groupSetup, type Action, type AnyTransition, type StateConfig, type TransitionFor } from './group-setup.js';
import type { Candidate, Effect, GroupContext, GroupEvent, InternalEvent } from './group-types.js';
import type { At, Say } from './say.js';

type Args = { context: GroupContext; event: GroupEvent };
const to = (id: string) => `#${id}`;

export const EMPTY_CONTEXT: GroupContext = {
  unit: null,
  owner: null,
  forms: {},
  index: 0,
  editing: false,
  pasted: null,
  suggestions: {},
  candidates: [],
  choices: [],
  choosingFor: 'start',
  wanted: null,
  quiet: false,
  pending: null,
  told: [],
  early: [],
};

/** Commands anyone in the group may use while someone else fills in the form. */
export const OPEN_TO_ALL: ReadonlySet<string> = new Set(['cmd.takeover', 'cmd.progress', 'cmd.help', 'cmd.guide']);

const REGISTRATION: At = { kind: 'registration' };

/**
 * 指南 anywhere: the 填报指南, then the question where the group stands, if it stands at one. Nothing else
 * changes. Named in every state that has a wildcard, which would otherwise take it first.
 */
const GUIDE = { actions: [say({ kind: 'guide' }), ...ask] };

const roster = (event: GroupEvent) => ('roster' in event ? event.roster : undefined);
const sender = (event: GroupEvent) => ('by' in event ? event.by : undefined);
const time = (event: GroupEvent) => ('at' in event ? event.at : 0);
const unitName = ({ context }: Args) => context.unit?.name ?? '';

/** The form.open event that opens `formId` for the sender of `event`. */
function opener(formId: string, event: GroupEvent, how: 'start' | 'reopen' = 'start'): InternalEvent {
  // "修改 2" carries the edit on, to be applied once the form is open.
  // biome-ignore lint/suspicious/noThenProperty: `then` is an event's field, never awaited
  const then = how === 'reopen' && event.type === 'cmd.edit' && event.target.kind !== 'none' ? { then: event } : {};
  const by = sender(event);
  return { type: 'form.open', formId, how, at: time(event), ...(by ? { by } : {}), ...then };
}

/** The unit picked from the offer by number (or 确认 when one was offered), as looked up with this message. */
function picked({ context, event }: Args): Candidate | undefined {
  const n = (event.type === 'cmd.confirm' || event.type === 'cmd.yes') && context.candidates.length === 1 ? 1 : (numberReply(event) ?? 0);
  const id = context.candidates[n - 1]?.id;
  return roster(event)?.found.find((candidate) => candidate.unit.id === id);
}

/** The unit 绑定 named exactly. */
const named = ({ event }: Args): Candidate | undefined => roster(event)?.found[0];

export function buildGroupMachine(campaign: Campaign) {
  const machineSetup = groupSetup(campaign);
  const check = answerCheck(campaign);
  const forms = campaign.forms;
  const unitForms = (context: GroupContext) => (context.unit ? formsFor(campaign, context.unit) : []);
  const firstForm = (context: GroupContext) => unitForms(context)[0]?.id ?? '';
  /** After binding: the form the member named with 填报 if the unit fills it, else its first. */
  const wantedForm = (context: GroupContext) =>
    unitForms(context).find((form) => form.shortTitle === context.wanted || form.id === context.wanted)?.id ?? firstForm(context);
  const mentionIdle = message('mentionIdle', () => ({ bot: campaign.botName }));
  const noFormForUnit = message('noFormForUnit', (args) => ({ unit: unitName(args) }));

  /**
   * Binding: the unit joins the group with its saved forms (their statuses restored into the status
   * regions), and its first form opens. The sentence and the statuses read the offer before bindFound
   * clears it.
   */
  const bindActions = (which: (args: Args) => Candidate | undefined): Action[] => [
    message('bound', (args) => ({ unit: which(args)?.unit.name ?? '', where: which(args)?.where ?? '' })),
    raise((args: Args) => ({
      type: 'status.restore' as const,
      statuses: Object.fromEntries(Object.entries(which(args)?.forms ?? {}).map(([id, form]) => [id, { status: form.status, late: form.late }])),
    })),
    'bindFound',
    { type: 'effect', params: ({ context }: Args): Effect => ({ kind: 'bind', unitId: context.unit?.id ?? 0 }) },
    raise(({ context, event }: Args) => opener(wantedForm(context), event)),
  ];
  const bindTaken = (which: (args: Args) => Candidate | undefined): Action[] => [
    message('bindTaken', (args) => ({ unit: which(args)?.unit.name ?? '', topic: which(args)?.boundTopic ?? '' })),
    {
      type: 'effect',
      params: (args: Args): Effect => ({
        kind: 'moveRequested',
        unitId: which(args)?.unit.id ?? 0,
        unit: which(args)?.unit.name ?? '',
        boundTopic: which(args)?.boundTopic ?? '',
      }),
    },
  ];
  const candidates = say(({ event }) => ({ kind: 'candidates', query: roster(event)?.query ?? '' }));

  /** 填报 (or the bot joining) in an unbound group: the unit named like the group is offered. */
  const offerByTopic = (whenEmpty: Action[], emptyTarget?: string): AnyTransition[] => [
    { guard: 'rosterEmpty', actions: whenEmpty, ...(emptyTarget ? { target: emptyTarget } : {}) },
    { guard: 'foundOne', target: 'offered', actions: ['offerFound', say({ kind: 'offer' })] },
    { guard: 'foundSome', target: 'candidates', actions: ['offerFound', candidates] },
    { actions: [message('bindAsk')] },
  ];

  /** While units are offered: a number (or 确认 for one unit) binds, 取消 withdraws, 填报 or an @ shows them again. */
  const offerState = (again: Say): StateConfig => {
    const pick: AnyTransition[] = [
      { guard: and(['picksCandidate', not('pickInRange')]), actions: [message('bindChoose', ({ context }) => ({ max: context.candidates.length }))] },
      { guard: and(['picksCandidate', 'pickedFree']), target: to(groupIds.bound), actions: bindActions(picked) },
      { guard: 'picksCandidate', actions: bindTaken(picked) },
      { guard: 'mentioned', actions: [say(again)] },
    ];
    return {
      on: {
        'user.text': pick,
        'cmd.confirm': pick,
        'cmd.yes': pick,
        'cmd.cancel': { target: 'idle', actions: ['withdrawOffer', message('bindCancelled')] },
        'cmd.no': { target: 'idle', actions: ['withdrawOffer', message('bindCancelled')] },
        'cmd.start': { actions: [say(again)] },
      },
    };
  };

  const unbound: StateConfig = {
    id: groupIds.unbound,
    initial: 'idle',
    on: {
      'cmd.bind': [
        { guard: 'noQuery', actions: [message('bindWhat')] },
        { guard: 'rosterEmpty', target: '.registering' },
        { guard: and(['foundExact', 'foundFree']), target: to(groupIds.bound), actions: bindActions(named) },
        { guard: 'foundExact', actions: bindTaken(named) },
        { guard: 'foundSome', target: '.candidates', actions: ['offerFound', candidates] },
        { actions: [message('bindNotFound', ({ event }) => ({ query: excerpt(roster(event)?.query ?? '', 30) }))] },
      ],
      'cmd.progress': { actions: [message('progressUnbound')] },
      // 修改 in a group with no unit: there is nothing of its own to change yet
      'cmd.edit': { actions: [message('progressUnbound')] },
      'cmd.help': { actions: [message('helpIdle')] },
      'cmd.guide': GUIDE,
      // Anything else said to the bot: the units offered again, or how to start. (Here, where the commands
      // above are: a wildcard in a child state would win over them.)
      '*': [
        { guard: and(['mentioned', stateIn(to(groupIds.offered))]), actions: [say({ kind: 'offer' })] },
        { guard: and(['mentioned', stateIn(to(groupIds.candidates))]), actions: [say({ kind: 'candidates', query: '' })] },
        { guard: and(['mentioned', stateIn(to(groupIds.unboundIdle))]), actions: [mentionIdle] },
      ],
    },
    states: {
      idle: {
        id: groupIds.unboundIdle,
        on: {
          'cmd.start': offerByTopic([], 'registering'),
          // Added to a group with no roster at all, the bot only introduces itself.
          'group.joined': offerByTopic([mentionIdle]),
        },
      },
      offered: { id: groupIds.offered, ...offerState({ kind: 'offer' }) },
      candidates: { id: groupIds.candidates, ...offerState({ kind: 'candidates', query: '' }) },
      registering: {
        meta: { ask: REGISTRATION },
        entry: [...ask],
        on: {
          'user.text': [
            {
              guard: 'validName',
              target: to(groupIds.bound),
              actions: [
                'registerUnit',
                { type: 'effect', params: ({ context }: Args): Effect => ({ kind: 'register', name: context.unit?.name ?? '' }) },
                message('unitRegistered', (args) => ({ unit: unitName(args) })),
                raise(({ context, event }: Args) => opener(firstForm(context), event)),
              ],
            },
            {
              actions: [
                say(({ event }) => {
                  const checked = checkAnswer(campaign.registration, event.type === 'user.text' ? event.text : '', { campaign });
                  return { kind: 'problem', at: REGISTRATION, problem: checked.ok ? { key: 'errorEmpty', vars: {} } : checked.problem };
                }),
              ],
            },
          ],
          'cmd.cancel': { target: 'idle', actions: [message('cancelled')] },
          'cmd.progress': { actions: [message('progressUnbound'), ...ask] },
          'cmd.help': { actions: [say({ kind: 'help' }), ...ask] },
          'cmd.guide': GUIDE,
          'cmd.back': { actions: [message('atFirstStep'), ...ask] },
          'cmd.unknown': { actions: [message('unknownCommand', ({ event }) => ({ input: event.type === 'cmd.unknown' ? event.text : '' })), ...ask] },
          // Voice and stickers get one line; a 小程序 card is explained; any other picture or file, the question.
          'user.nonText': [
            { guard: { type: 'nonTextIs', params: { what: 'voice' } }, actions: [message('nonTextVoice')] },
            { guard: { type: 'nonTextIs', params: { what: 'sticker' } }, actions: [message('nonTextSticker')] },
            { guard: { type: 'nonTextIs', params: { what: 'card' } }, actions: [message('nonTextCard'), ...ask] },
            { actions: [message('nonText'), ...ask] },
          ],
          // Any other command (but 绑定, which searches the roster again) gets the question again.
          '*': { guard: ({ event }) => event.type.startsWith('cmd.') && event.type !== 'cmd.bind', actions: [...ask] },
        },
      },
    },
  };

  /**
   * form.open: a form restored as it was resumes silently; a form the unit does not fill is refused; what was
   * handed in is shown (or reopened with 修改); a closed form says so; else the form opens with its greeting.
   * "修改 2" rides on the event as `then` and is applied once the form is open.
   */
  const opening: TransitionFor<'form.open'>[] = [{ guard: and(['opensNone', 'resuming']) }, { guard: 'opensNone', actions: [noFormForUnit] }];
  for (const form of forms) {
    const root = to(formIds(form.id).root);
    const of = { form: form.id };
    opening.push(
      { guard: { type: 'opens', params: { ...of, how: 'resume' as const } }, target: root, actions: [{ type: 'openForm', params: of }] },
      {
        guard: and([
          { type: 'opens', params: { ...of, how: 'reopen' as const } },
          { type: 'noAnswers', params: of },
        ]),
        actions: [message('nothingToReopen', (args) => ({ form: form.shortTitle, unit: unitName(args) }))],
      },
      {
        guard: and([{ type: 'opens', params: { ...of, how: 'start' as const } }, stateIn(to(groupIds.submitted(form.id)))]),
        actions: [say({ kind: 'alreadySubmitted', form: form.id })],
      },
      {
        guard: and([
          { type: 'opens', params: of },
          { type: 'closed', params: of },
        ]),
        actions: [say({ kind: 'closed', form: form.id, key: 'greetingClosed' })],
      },
      {
        // 修改 again on a form reopened before (and put aside with 取消): it opens where it was, still reopened.
        guard: and([{ type: 'opens', params: { ...of, how: 'reopen' as const } }, stateIn(to(groupIds.reopened(form.id)))]),
        target: root,
        actions: [
          { type: 'openForm', params: of },
          message('reopened', (args) => ({ form: form.shortTitle, unit: unitName(args) })),
          enqueueActions(({ event, enqueue }) => {
            if (event.then) enqueue.raise(event.then);
          }),
        ],
      },
      {
        guard: and([{ type: 'opens', params: { ...of, how: 'reopen' as const } }, stateIn(to(groupIds.submitted(form.id)))]),
        target: root,
        actions: [
          raise({ type: 'status.reopened', formId: form.id }),
          { type: 'openForm', params: of },
          { type: 'effect', params: { kind: 'reopen', formId: form.id } },
          message('reopened', (args) => ({ form: form.shortTitle, unit: unitName(args) })),
          enqueueActions(({ event, enqueue }) => {
            if (event.then) enqueue.raise(event.then);
          }),
        ],
      },
      {
        guard: { type: 'opens', params: of },
        target: root,
        actions: [
          say(({ context }) => ({ kind: 'greeting', form: form.id, resumed: Object.keys(context.forms[form.id]?.answers ?? {}).length > 0 })),
          { type: 'openForm', params: of },
          enqueueActions(({ event, enqueue }) => {
            if (event.then) enqueue.raise(event.then);
          }),
        ],
      },
    );
  }

  /**
   * 修改 with no form open: when several forms were handed in, the group chooses one; else the form handed
   * in (or reopened) opens for changes ("修改 2" goes straight to item 2).
   */
  const reopenFirst: TransitionFor<'cmd.edit'>[] = [
    { guard: 'severalHandedIn', target: to(groupIds.choosing), actions: ['listHandedIn', say({ kind: 'formList' })] },
    ...forms.map(
      (form): TransitionFor<'cmd.edit'> => ({
        guard: or([stateIn(to(groupIds.submitted(form.id))), stateIn(to(groupIds.reopened(form.id)))]),
        actions: [raise(({ event }: Args) => opener(form.id, event, 'reopen'))],
      }),
    ),
    { actions: [raise(({ context, event }: Args) => opener(firstForm(context), event, 'reopen'))] },
  ];

  const namedForm = (context: GroupContext, event: GroupEvent) =>
    unitForms(context).find((form) => event.type === 'cmd.start' && (form.shortTitle === event.form || form.id === event.form))?.id ?? '';
  const namedTitle = (event: GroupEvent) =>
    event.type === 'cmd.start' ? (forms.find((form) => form.shortTitle === event.form || form.id === event.form)?.shortTitle ?? event.form ?? '') : '';

  /** 填报 (with or without a form's name) where no form is open, or naming a form other than the open one. */
  const start: TransitionFor<'cmd.start'>[] = [
    { guard: 'namesOwnForm', actions: [raise(({ context, event }: Args) => opener(namedForm(context, event), event))] },
    { guard: and(['namesForm', 'noForms']), actions: [noFormForUnit, ...ask] },
    {
      guard: 'namesForm',
      actions: [
        message('formNotForUnit', (args) => ({
          unit: unitName(args),
          form: namedTitle(args.event),
          forms: unitForms(args.context)
            .map((form) => form.shortTitle)
            .join(campaign.formats.listSeparator),
        })),
        ...ask,
      ],
    },
    { guard: 'noForms', actions: [noFormForUnit] },
    { guard: 'oneForm', actions: [raise(({ context, event }: Args) => opener(firstForm(context), event))] },
    { target: to(groupIds.choosing), actions: ['listForms', say({ kind: 'formList' })] },
  ];

  // Filling is only ever entered through a form's own state; the initial one is a formality of XState.
  const filling: StateConfig = {
    id: groupIds.filling,
    initial: forms[0]!.id,
    on: {
      'cmd.help': { actions: [say({ kind: 'help' }), ...ask] },
      'cmd.progress': { actions: [say({ kind: 'progress' }), ...ask] },
      'cmd.takeover': [
        { guard: 'fromOwner', actions: [...ask] },
        {
          actions: [
            'takeOver',
            message('takenOver', ({ event }) => ({ name: sender(event)?.name ?? '' })),
            { type: 'effect', params: { kind: 'takeover' } },
            ...ask,
          ],
        },
      ],
      'cmd.cancel': { target: to(groupIds.idle), actions: ['closeForm', message('cancelled')] },
      'cmd.unknown': { actions: [message('unknownCommand', ({ event }) => ({ input: event.type === 'cmd.unknown' ? event.text : '' })), ...ask] },
      'cmd.bind': { actions: [message('alreadyBound', (args) => ({ unit: unitName(args) })), ...ask] },
      // Voice and stickers get one line; a 小程序 card is explained; any other picture or file, the question.
      'user.nonText': [
        { guard: { type: 'nonTextIs', params: { what: 'voice' } }, actions: [message('nonTextVoice')] },
        { guard: { type: 'nonTextIs', params: { what: 'sticker' } }, actions: [message('nonTextSticker')] },
        { guard: { type: 'nonTextIs', params: { what: 'card' } }, actions: [message('nonTextCard'), ...ask] },
        { actions: [message('nonText'), ...ask] },
      ],
      // Chatter where free text is asked: a question gets the step's help; words for another member get
      // nothing; a holding phrase or thanks gets the question again, once in a row.
      'user.chatter': [
        { guard: { type: 'chatter', params: { is: 'mention' } } },
        { guard: { type: 'chatter', params: { is: 'question' } }, actions: [say({ kind: 'stepHelp' }), ...ask] },
        { guard: 'quiet' },
        { actions: [say({ kind: 'ask' }), 'hush'] },
      ],
      // Maybe an answer: asked about, saved on yes (the form's states take the yes or no).
      'user.unsure': { actions: ['keepPending', say({ kind: 'confirmSave' })] },
      // A yes or no where nothing was asked: an acknowledgement.
      'cmd.yes': [{ guard: 'quiet' }, { actions: [say({ kind: 'ask' }), 'hush'] }],
      'cmd.no': [{ guard: 'quiet' }, { actions: [say({ kind: 'ask' }), 'hush'] }],
      'user.mediaRefused': {
        actions: [
          say(({ event }) => ({ kind: 'problem', problem: event.type === 'user.mediaRefused' ? event.problem : { key: 'errorEmpty', vars: {} } })),
          ...ask,
        ],
      },
    },
    states: Object.fromEntries(forms.map((form) => [form.id, formStates(form, check)])),
  };

  const bound: StateConfig = {
    id: groupIds.bound,
    type: 'parallel',
    states: {
      status: { type: 'parallel', states: Object.fromEntries(forms.map((form) => [form.id, statusRegion(form.id)])) },
      focus: {
        initial: 'idle',
        on: {
          'form.open': opening,
          'cmd.start': start,
          'cmd.guide': GUIDE,
          // Anything else said to the bot with no form open: how to start. (Here, where 填报 is.)
          '*': { guard: and(['mentioned', not(stateIn(to(groupIds.filling)))]), actions: [mentionIdle] },
        },
        states: {
          idle: {
            id: groupIds.idle,
            on: {
              'cmd.edit': reopenFirst,
              'cmd.progress': { actions: [say({ kind: 'progress' })] },
              'cmd.help': { actions: [message('helpIdle')] },
              'cmd.bind': { actions: [message('alreadyBound', (args) => ({ unit: unitName(args) }))] },
            },
          },
          choosing: {
            id: groupIds.choosing,
            on: {
              'user.text': [
                {
                  guard: 'pickFormInRange',
                  actions: [raise(({ context, event }: Args) => opener(context.choices[(numberReply(event) ?? 1) - 1] ?? '', event, context.choosingFor))],
                },
                { guard: 'picksForm', actions: [say({ kind: 'formList' })] },
                { guard: 'mentioned', actions: [mentionIdle] },
              ],
              'cmd.cancel': { target: 'idle', actions: ['dropChoices', message('cancelled')] },
              'cmd.edit': reopenFirst,
              'cmd.progress': { actions: [say({ kind: 'progress' })] },
              'cmd.help': { actions: [message('helpIdle')] },
            },
          },
          filling,
        },
      },
    },
  };

  /** 退回: a form handed in is reopened, and the group hears why; one already reopened is left as it is. */
  const returning: TransitionFor<'admin.return'>[] = forms.map((form) => ({
    guard: and([({ event }: Args) => event.type === 'admin.return' && event.formId === form.id, stateIn(to(groupIds.submitted(form.id)))]),
    actions: [
      raise({ type: 'status.reopened' as const, formId: form.id }),
      { type: 'effect' as const, params: { kind: 'reopen' as const, formId: form.id } },
      message('returned', ({ event }: Args) => ({
        form: form.shortTitle,
        reviewer: event.type === 'admin.return' ? event.by.name : '',
        reason: event.type === 'admin.return' ? event.reason : '',
      })),
    ],
  }));

  return machineSetup.createMachine({
    id: 'group',
    context: EMPTY_CONTEXT,
    initial: 'unbound',
    on: {
      'admin.unbind': { guard: 'hasUnit', target: '.unbound', actions: ['unbindUnit', { type: 'effect', params: { kind: 'unbind' } }] },
      'admin.return': returning,
      'unit.updated': { actions: ['updateUnit'] },
      'group.restore': [
        {
          guard: 'restoresUnit',
          target: '.bound',
          actions: [
            'restoreGroup',
            raise(({ event }: Args) => ({
              type: 'status.restore' as const,
              statuses:
                event.type === 'group.restore'
                  ? Object.fromEntries(Object.entries(event.forms).map(([id, form]) => [id, { status: form.status, late: form.late }]))
                  : {},
            })),
            raise(({ event }: Args) => ({
              type: 'form.open' as const,
              formId: event.type === 'group.restore' ? (event.open ?? '') : '',
              how: 'resume' as const,
              at: time(event),
            })),
          ],
        },
        { target: '.unbound', actions: ['restoreGroup'] },
      ],
    },
    states: { unbound, bound },
  });
}

export type GroupMachine = ReturnType<typeof buildGroupMachine>;
