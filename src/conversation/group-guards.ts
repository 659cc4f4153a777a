// The named guards of the group machine: where the form stands, who speaks, binding, choosing a form,
// hand-in rules. Pure functions of the context, the event and the campaign; group-setup.ts gives them to
// XState's setup().
import { acceptsSubmission, countChars } from '../campaign/index.js';
import type { Campaign } from '../campaign/index.js';
import { numberReply } from './commands.js';
import { completeEntries, isEntryComplete, isFieldMissing, isFormComplete, ruleHolds } from './draft.js';
import type { GroupContext, GroupEvent } from './group-types.js';
import { isLinkText, isShortText } from './materials.js';
import { answersIn, atOf, senderOf, type GroupHelpers, type FieldRef, type FormRef, type ListRef } from './machine-lookup.js';
import { hasPastedValues } from './paste.js';

type Args = { context: GroupContext; event: GroupEvent };

/** The guards over `helpers`, the same the actions use: the answer the guard `valid` checked is the one `store` keeps. */
export function groupGuards(campaign: Campaign, helpers: GroupHelpers) {
  const { formOf, fieldOf, listOf, entries, check, editTarget, deleteNumber, unitForms, handedIn, choiceOf, registrationName } = helpers;
  return {
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
  } satisfies Record<string, (args: Args, params: never) => boolean>;
}
