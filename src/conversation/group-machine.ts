// A group's whole conversation as one XState machine, built from the campaign: unbound (binding offered,
// candidates listed, registering), then bound, where two regions run side by side: the focus (idle,
// choosing a form, filling one of the forms, whose states form-states.ts builds) and the status of each form
// of the unit (not started, draft, submitted on time or late, reopened). Pure: the roster lookups the
// binding needs ride on the events, deadlines are compared with each event's time, nothing waits.
import { and, enqueueActions, not, or, raise, stateIn } from 'xstate';
import type { Campaign } from '../campaign/index.js';
import { numberReply } from './commands.js';
import { formStates } from './form-states.js';
import { ask, formIds, GUIDE, groupIds, message, opener, say, sender, statusRegion, time, to, unitFormsOf, unitName, type Args } from './machine-parts.js';
import { unboundState } from './binding-states.js';
import { answerCheck, groupSetup, type StateConfig, type TransitionFor } from './group-setup.js';
import type { GroupContext, GroupEvent } from './group-types.js';

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

export function buildGroupMachine(campaign: Campaign) {
  const machineSetup = groupSetup(campaign);
  const check = answerCheck(campaign);
  const forms = campaign.forms;
  const formsOfUnit = unitFormsOf(campaign);
  const { unitForms, firstForm } = formsOfUnit;
  const mentionIdle = message('mentionIdle', () => ({ bot: campaign.botName }));
  const noFormForUnit = message('noFormForUnit', (args) => ({ unit: unitName(args) }));

  const unbound = unboundState(campaign, formsOfUnit, mentionIdle);

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
