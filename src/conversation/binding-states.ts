// The unbound group: the unit named like the group offered, candidates listed when several match, 绑定 by
// name, a collective not on the roster registered by its name; binding restores the unit's saved forms and
// opens the one wanted.
import { and, not, raise, stateIn } from 'xstate';
import type { Campaign } from '../campaign/index.js';
import { excerpt } from '../campaign/index.js';
import { checkAnswer } from './answers.js';
import type { Action, AnyTransition, StateConfig } from './group-setup.js';
import type { Candidate, Effect, GroupContext } from './group-types.js';
import { ask, GUIDE, groupIds, message, named, opener, picked, REGISTRATION, roster, say, to, unitName, type Args } from './machine-parts.js';
import type { Say } from './say.js';

export function unboundState(
  campaign: Campaign,
  forms: { wantedForm: (context: GroupContext) => string; firstForm: (context: GroupContext) => string },
  mentionIdle: Action,
): StateConfig {
  const { wantedForm, firstForm } = forms;
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
  return unbound;
}
