// The shape of a campaign file (conversations/campaign*.yaml). Parsed once at start; every other module
// trusts the types inferred here and does not re-check.
import { z } from 'zod';

const text = z.string().trim().min(1);
const id = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'must be a latin identifier');
const words = z.array(text).default([]);

const common = {
  id,
  label: text,
  prompt: text,
  editWords: words,
  /** what the bot says to a question about this step (这里写什么？) */
  help: text.optional(),
};

export const TextFieldSchema = z.strictObject({
  ...common,
  kind: z.literal('text'),
  minChars: z.number().int().min(1).default(1),
  maxChars: z.number().int().min(1),
  /** no two entries of the same list may hold the same text */
  unique: z.boolean().default(false),
  /** shown under the prompt the first time only */
  firstHint: text.optional(),
  /** a top-level field the roster can answer: the unit's industry, city or name is offered, 确认 takes it */
  prefill: z.enum(['industry', 'city', 'name']).optional(),
  saved: text.optional(),
  /** not needed on its own: a field of the form's completeWith, which says when it counts */
  optional: z.boolean().default(false),
  /** a text of paragraphs (a written 简报): its line breaks are kept, and numbered lines are its paragraphs, not several answers */
  paragraphs: z.boolean().default(false),
  /** how 进度 and the brief's "目前有" name the answer; {chars} is its length in 字 */
  counted: text.optional(),
});

export const ChoiceFieldSchema = z.strictObject({
  ...common,
  kind: z.literal('choice'),
  /** name of a set in choiceSets */
  choices: id,
  saved: text.optional(),
});

export const UrlFieldSchema = z.strictObject({
  ...common,
  kind: z.literal('url'),
  maxChars: z.number().int().min(10).default(500),
  saved: text.optional(),
});

export const MediaFieldSchema = z.strictObject({
  ...common,
  kind: z.literal('media'),
  /** accepted MIME types, such as image/jpeg or application/pdf; a trailing /* accepts a family */
  accept: z.array(z.string().regex(/^[a-z]+\/([a-z0-9.+-]+|\*)$/)).min(1),
  maxBytes: z.number().int().min(1),
  saved: text.optional(),
});

export const ScalarFieldSchema = z.discriminatedUnion('kind', [
  TextFieldSchema,
  ChoiceFieldSchema,
  UrlFieldSchema,
  MediaFieldSchema,
]);

export const ListFieldSchema = z.strictObject({
  id,
  kind: z.literal('list'),
  label: text,
  /** how one entry is named, {n} is its number */
  itemLabel: text,
  minItems: z.number().int().min(0),
  maxItems: z.number().int().min(1),
  fields: z.array(ScalarFieldSchema).min(1),
  editWords: words,
  /** said when an entry is complete; {n} and the sub-field ids are placeholders */
  saved: text,
  /** one line of the review; {n} and the sub-field ids are placeholders */
  summaryLine: text,
  /** what to say once minItems are in, instead of messages.continuePrompt; {count}, {next}, {min} */
  more: text.optional(),
  /** how 进度 and the brief's "目前有" name the entries, instead of messages.progressDoneItems; {count} */
  counted: text.optional(),
});

export const FieldSchema = z.discriminatedUnion('kind', [
  TextFieldSchema,
  ChoiceFieldSchema,
  UrlFieldSchema,
  MediaFieldSchema,
  ListFieldSchema,
]);

export const UnitKindSchema = z.enum(['collective', 'industryOrg', 'cityOrg']);
export const CategorySchema = z.enum(['national20', 'provincialModel', 'other']);

const deadline = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/, 'must read YYYY-MM-DD HH:mm (local time of the campaign)');

/** "3d", "12h", "30m" before the deadline, or a wall-clock time "YYYY-MM-DD HH:mm"; checked against the deadline at load */
const reminderStep = z.string().trim().min(2);
export const LatePolicySchema = z.enum(['accept', 'refuse']);

/**
 * A form complete with any one of several of its fields (the brief: a 推文 link, a 简报 file, or a written 简报
 * of 100字). Those fields are asked in one question, which takes a link, a file or a text where it belongs,
 * and they come last in the form. Checked at load against the form's fields.
 */
export const CompleteWithSchema = z.strictObject({
  anyOf: z
    .array(
      z.strictObject({
        field: id,
        /** a text field: how long it must be to count (its own minChars is how long it must be to be kept) */
        minChars: z.number().int().min(1).optional(),
        /** a list: how many entries count (1 if absent) */
        minItems: z.number().int().min(1).optional(),
      }),
    )
    .min(2),
  /** the one question asking for any of them */
  prompt: text,
  /** the question once one of them is in: more, or 完成; {have} is what the form holds ("推文链接1个、文字56字") */
  more: text,
  /** what 完成, 进度 and the reminders say is still needed while none is in */
  missing: text,
  /** said when a text is kept that is too short to count by itself; {count}, {min} */
  tooShort: text,
  /** asked before a second text replaces the first; {old}, {new} are their lengths in 字 */
  replace: text,
  /** what the bot says to a question about the one question (这里发什么？) */
  help: text.optional(),
});

export const FormSchema = z.strictObject({
  id,
  title: text,
  shortTitle: text,
  /** who owes the form: a kind of unit, for collectives optionally only some categories */
  appliesTo: z
    .array(z.strictObject({ kind: UnitKindSchema, categories: z.array(CategorySchema).optional() }))
    .min(1),
  /** when the units that owe it must hand it in */
  deadline,
  /**
   * Who collects it: the province itself, or the unit's 地市团委 / 联创行业团组织, whose admins review each
   * submission (审核, 通过, 退回) before they send the whole on.
   */
  collectedBy: z.union([z.literal('province'), z.array(z.enum(['cityOrg', 'industryOrg'])).min(1)]).default('province'),
  /** a collector's own deadline to send the reviewed forms on (通知's date); after the units' deadline */
  sendBy: deadline.optional(),
  /** after the deadline: accept and mark late, or refuse; the campaign's lateSubmissions if absent */
  late: LatePolicySchema.optional(),
  /** this form's reminder steps, instead of the campaign's reminders.plan */
  reminders: z.array(reminderStep).min(1).optional(),
  requirements: text,
  /** when false the form ends as soon as its last field is answered, without review and 确认 */
  review: z.boolean().default(true),
  /**
   * This form's own 帮助 and the last lines of its review, where the campaign's (messages.helpForm, review,
   * reviewAtMin) name commands the form has no use for.
   */
  hints: z
    .strictObject({
      help: text.optional(),
      review: text.optional(),
      reviewAtMin: text.optional(),
      /** 进度 of the form handed in, instead of messages.progressSubmitted(Late); {have} is what it holds */
      progressSubmitted: text.optional(),
      progressSubmittedLate: text.optional(),
    })
    .optional(),
  /** complete with any one of several fields, instead of all of them */
  completeWith: CompleteWithSchema.optional(),
  /** a line of the notice said under the form's greeting and under each of its reminders */
  note: text.optional(),
  fields: z.array(FieldSchema).min(1),
});

export const ChoiceSchema = z.strictObject({ value: text, aliases: words });

export const FormatsSchema = z.strictObject({
  date: text,
  dateTime: text,
  weekdays: z.array(text).length(7),
  daysHours: text,
  hoursMinutes: text,
  minutes: text,
  timeLeft: text,
  overdue: text,
  listSeparator: z.string().min(1),
  choiceOption: text,
  choiceColumns: z.number().int().min(1).max(6),
  choiceColumnSeparator: z.string().min(1),
});

const message = text;
/** Every sentence the bot composes; a missing one fails at load, not in a group. */
export const MessagesSchema = z.strictObject({
  greeting: message,
  greetingLate: message,
  greetingClosed: message,
  submitClosed: message,
  reminderNotStarted: message,
  reminderDraft: message,
  reminderUnconfirmed: message,
  reminderMissingField: message,
  reminderMissingItem: message,
  reminderMissingItems: message,
  resumed: message,
  resumedAfterUpdate: message,
  unitRegistered: message,
  continuePrompt: message,
  listFull: message,
  prefillOffer: message,
  pasteOverflow: message,
  pasteHeading: message,
  pasteEntry: message,
  pasteEntryNoType: message,
  pasteProblemsHeading: message,
  pasteProblemLine: message,
  pasteConfirm: message,
  pasteHint: message,
  pasteApplied: message,
  pasteDropped: message,
  pasteNothing: message,
  review: message,
  reviewAtMin: message,
  summaryText: message,
  summaryListHeading: message,
  submitted: message,
  submittedLate: message,
  alreadySubmitted: message,
  reopened: message,
  /** a reviewer (地市团委 or 行业团组织) sent a handed-in form back: {form}, {reviewer}, {reason} */
  returned: message,
  nothingToReopen: message,
  cancelled: message,
  takenOver: message,
  alreadyRunning: message,
  nothingRunning: message,
  noFormForUnit: message,
  chooseForm: message,
  chooseFormLine: message,
  /** 修改 when several forms were handed in: which one */
  chooseEdit: message,
  formNotForUnit: message,
  atFirstStep: message,
  nonText: message,
  unknownCommand: message,
  notNowContinue: message,
  notNowFinish: message,
  notNowConfirm: message,
  editWhat: message,
  editNoSuchItem: message,
  editing: message,
  deleteWhat: message,
  deleteNoSuchItem: message,
  deleteBelowMin: message,
  deleted: message,
  deletedDraftItem: message,
  errorEmpty: message,
  errorTooShort: message,
  errorTooLong: message,
  /** a link over its limit, which is in characters (to Word a link is one word) */
  errorUrlTooLong: message,
  errorNoWords: message,
  errorSeveral: message,
  errorDuplicate: message,
  errorChoice: message,
  errorUrl: message,
  errorMediaExpected: message,
  errorMediaType: message,
  errorMediaSize: message,
  /** a file whose content is none of the types known (a name that promises another type, or a damaged file) */
  errorMediaUnreadable: message,
  /** voice, stickers and 小程序/视频号 cards */
  /** said before the reply when a message carried invisible characters (direction overrides, zero-width, control) that were taken out */
  invisibleRemoved: message,
  nonTextVoice: message,
  nonTextSticker: message,
  nonTextCard: message,
  /** a picture, file or link sent before its step, kept */
  keptEarly: message,
  mediaName: message,
  missingField: message,
  missingItems: message,
  progressHeader: message,
  progressNotStarted: message,
  progressDraft: message,
  progressMissing: message,
  progressSubmitted: message,
  progressSubmittedLate: message,
  progressReopened: message,
  progressDoneText: message,
  progressDoneItems: message,
  progressNothing: message,
  progressUnbound: message,
  helpIdle: message,
  helpForm: message,
  mentionIdle: message,
  internalError: message,
  privateChat: message,
  bindAsk: message,
  bindOfferTopic: message,
  bindCandidates: message,
  bindCandidateLine: message,
  bindNotFound: message,
  bindWhat: message,
  bindChoose: message,
  bindTaken: message,
  /** the group a unit was moved away from by an admin's 确认换群 */
  movedAway: message,
  bound: message,
  alreadyBound: message,
  bindCancelled: message,
  rebindAmbiguous: message,
  /** a message that may be an answer, asked about before it is saved */
  confirmSave: message,
  notSaved: message,
  /** what a question the group goes back to holds now */
  current: message,
  /** to a member who speaks to the bot while someone else fills the form */
  bystander: message,
});

export const CommandWordsSchema = z.strictObject({
  start: z.array(text).min(1),
  /** yes and no as people say them, where the bot asks a yes-or-no question; elsewhere a yes is an acknowledgement */
  yes: z.array(text).min(1),
  no: z.array(text).min(1),
  back: z.array(text).min(1),
  edit: z.array(text).min(1),
  delete: z.array(text).min(1),
  continue: z.array(text).min(1),
  finish: z.array(text).min(1),
  confirm: z.array(text).min(1),
  cancel: z.array(text).min(1),
  help: z.array(text).min(1),
  progress: z.array(text).min(1),
  takeover: z.array(text).min(1),
  bind: z.array(text).min(1),
  /** the 填报指南 (and, in an admin's chat, 导出 指南) */
  guide: z.array(text).min(1),
});

export const CommandKeySchema = CommandWordsSchema.keyof();

/** A separator between words or parts: kept as written, spaces included. */
const joiner = z.string().min(1);

/**
 * The words of the one-page 填报指南 (guide.ts): what it says between what it takes from the forms (who owes
 * each, by when, who collects it, each field and its limit, the choices) and from the command words.
 */
export const GuideSchema = z.strictObject({
  /** {campaign} */
  title: text,
  /** what the campaign is, in a sentence or two; {campaign}, {bot} */
  intro: text,
  /** a section's heading: {n} from numerals, {title} */
  heading: text,
  numerals: z.array(text).min(5),
  headings: z.strictObject({ forms: text, fields: text, commands: text, tips: text }),
  /** one line per form: {form}, {who}, {deadline}, {collector} */
  form: text,
  /** how a form is named when its title does not start with its short title: {short}, {title} */
  formName: text,
  /** collectives of some categories only: {categories} */
  someCollectives: text,
  /** a category's name here, where it differs from admin.labels.categories */
  categories: z.strictObject({ national20: text.optional(), provincialModel: text.optional(), other: text.optional() }).default({}),
  /** who a form is handed to: the province ({province}), or the unit's city or industry ({orgs}) */
  collectedBy: z.strictObject({ province: text, orgs: text }),
  /** what happens after a deadline: one line when every form agrees, else said after each form */
  late: z.strictObject({ accept: text, refuse: text }),
  /** said under the forms */
  formsNote: text.optional(),
  /** the forms that ask the same fields, named once: {forms} */
  formHeading: text,
  /** before the fields of a form complete with any one of them */
  anyOf: text,
  /** a field and its limits: {label}, {min}, {max}, {mb} */
  fields: z.strictObject({
    text: text,
    /** a text of a form's completeWith, counted from {min} */
    textCounts: text,
    choice: text,
    url: text,
    media: text,
    /** a list that must have {min} entries; one that may have none */
    list: text,
    listOptional: text,
    /** what each entry of a list holds, after the list's limits */
    entryText: text,
    entryChoice: text,
    entryUrl: text.optional(),
    entryMedia: text,
  }),
  /** how 字 are counted, then an example counted by the bot itself: {text}, {count} */
  counting: text,
  countingExample: text,
  countingSample: text,
  /** above the menu of a choice set, whose section is headed by the field's label */
  choices: text,
  /** one command: {say} (the words to send), {does} */
  commandLine: text,
  /**
   * The commands shown, in order. `say`: what to send, each starting with a word of the command (checked at
   * load), "{example}" naming the first form; the command's first word if absent. {example}, {forms}, {bot}.
   */
  commands: z.array(z.strictObject({ command: CommandKeySchema, say: z.array(text).min(1).optional(), does: text })).min(1),
  /** {bot}, {example}, {forms} */
  tips: z.array(text).min(1),
  joiners: z.strictObject({ bullet: joiner, or: joiner, words: joiner, parts: joiner }),
  /** the file an admin gets with 导出 指南: {title} */
  fileName: text,
});

/**
 * What is not an answer at a step that takes free text: questions, holding phrases, acknowledgements. Matched
 * on whole phrases only, so that an ordinary answer (马上就办，办就办好) is never held up.
 */
export const ChatterSchema = z.strictObject({
  acknowledgements: z.array(text).min(1),
  holding: z.array(text).min(1),
  /** particles people add to a phrase (稍等一下哈, 好的呀) that do not change it */
  particles: z.array(text).default([]),
  /** a message ending in one of these (before its punctuation) reads as a question, if it is short */
  questionEnds: z.array(text).min(1),
  /** a message starting with one of these reads as a question, if it is short */
  questionStarts: z.array(text).min(1),
  /** how long (字) a message may be and still be taken for a question by its words alone */
  questionUpTo: z.number().int().min(1).default(24),
  /** an acknowledgement followed by more (好的，我写一下) up to this length (字) is asked about before it is saved */
  unsureUpTo: z.number().int().min(1).default(12),
});

const words1 = z.array(text).min(1);

export const AdminSchema = z.strictObject({
  commands: z.strictObject({
    stats: words1,
    missing: words1,
    lookup: words1,
    roster: words1,
    unbind: words1,
    confirmMove: words1,
    export: words1,
    importConfirm: words1,
    importCancel: words1,
    help: words1,
    includeMissing: words1,
    /** added to 导出 to keep only what its reviewers approved */
    approvedOnly: words1,
    remind: words1,
    pause: words1,
    resume: words1,
    /** 审核 and what follows it: approve a numbered entry (or 全部), send one back with a reason */
    review: words1,
    approve: words1,
    returnForm: words1,
    /** after 通过: every entry of the last 审核 list */
    all: words1,
    /** 日志 [单位]: the latest changes within the admin's scope */
    log: words1,
    /** 状态: whether the bot is logged in, what waits to be sent, the database and its last backup */
    health: words1,
    /** 管理员 123456: the one-time code of `npm run admin -- invite` makes the sender that admin */
    claim: words1,
  }),
  labels: z.strictObject({
    kinds: z.strictObject({ collective: text, industryOrg: text, cityOrg: text }),
    categories: z.strictObject({ national20: text, provincialModel: text, other: text }),
    scopes: z.strictObject({ province: text }),
    /** how a group is told who reviewed its form, when the roster has no 地市团委 or 行业团组织 to name */
    reviewers: z.strictObject({ province: text, city: text, industry: text }),
    byCity: text,
    byIndustry: text,
    noCity: text,
    noIndustry: text,
    statusSubmitted: text,
    statusSubmittedLate: text,
    statusDraft: text,
    statusNone: text,
    unbound: text,
    /** who made a change, in 日志: an admin ({name}), the bot itself, the command line ({user}) */
    actors: z.strictObject({ admin: text, system: text, cli: text }),
  }),
  messages: z.strictObject({
    help: text,
    refused: text,
    unknown: text,
    noSuchForm: text,
    statsHeader: text,
    statsForm: text,
    statsTotals: text,
    statsGroupHeading: text,
    statsLine: text,
    statsNothing: text,
    missingHeader: text,
    missingLine: text,
    missingMore: text,
    /** after the last page of 未交: a number looks a unit up */
    missingPick: text,
    missingNone: text,
    lookupHeader: text,
    lookupDetails: text,
    lookupRoom: text,
    lookupVersions: text,
    lookupVersion: text,
    lookupLateMark: text,
    lookupLatest: text,
    lookupMany: text,
    unbindMany: text,
    /** 解绑 of a name that only resembles one unit's: offered with its number, not unbound */
    unbindOne: text,
    lookupNone: text,
    /** a number with no numbered list before it */
    pickNothing: text,
    pickOutOfRange: text,
    /** a city or industry the roster does not have; one outside the admin's scope */
    scopeNone: text,
    scopeOutside: text,
    rosterSummary: text,
    rosterEmpty: text,
    unbound: text,
    unbindNone: text,
    unbindWhat: text,
    moveRequested: text,
    moveWhat: text,
    moveNone: text,
    moveDone: text,
    lookupWhat: text,
    exportWhat: text,
    exportNoScope: text,
    exportScopeRefused: text,
    exportDone: text,
    /** 导出 简报: one zip; the note on files not found; several zips; too large for the chat; nothing handed in */
    exportBriefsDone: text,
    exportBriefsMissing: text,
    exportBriefsParts: text,
    exportBriefsTooLarge: text,
    exportBriefsNone: text,
    importPending: text,
    importNothingPending: text,
    /** 确认, 好的 or 算了 with nothing waiting for an answer */
    nothingToConfirm: text,
    importCancelled: text,
    fileTooLarge: text,
    fileUnreadable: text,
    remindQueued: text,
    remindQueuedPaused: text,
    remindNone: text,
    remindWhich: text,
    remindClosed: text,
    paused: text,
    alreadyPaused: text,
    resumed: text,
    notPaused: text,
    reviewHeader: text,
    reviewLine: text,
    reviewHint: text,
    reviewNone: text,
    reviewNotCollected: text,
    reviewSendBy: text,
    statsReview: text,
    approveWhat: text,
    approved: text,
    approveStale: text,
    returnWhat: text,
    returnReason: text,
    returnedDone: text,
    returnStale: text,
    returnNoGroup: text,
    /** 日志: the heading, one change, nothing to show, several close names */
    logHeader: text,
    logLine: text,
    logNone: text,
    logMany: text,
    /** 日志: what each change of the audit log was */
    logActions: z.strictObject({
      roomBound: text,
      roomUnbound: text,
      roomMoved: text,
      unitRegistered: text,
      submitted: text,
      reopened: text,
      takenOver: text,
      approved: text,
      returned: text,
      imported: text,
      reconciled: text,
      paused: text,
      resumed: text,
      setting: text,
      refused: text,
      /** an admin invited (or given a new code), bound by its code, removed; a code that bound nothing */
      adminInvited: text,
      adminBound: text,
      adminRemoved: text,
      adminCodeRefused: text,
      /** a change this version does not know how to say */
      other: text,
    }),
    digestDaily: text,
    digestDeadline: text,
    digestGroups: text,
    digestGroup: text,
    digestGroupSeparator: z.string().min(1),
    digestMissing: text,
    digestMissingMore: text,
    digestBudget: text,
    digestPaused: text,
    digestFailed: text,
    digestExpired: text,
    digestShortfall: text,
    /** with several accounts: groups only one account is in, and it is out of room */
    digestShortfallOnly: text,
    digestShortfallShared: text,
    /** groups no logged-in account is in */
    digestShortfallNone: text,
    /** the bindings that changed or were asked for since the last digest */
    digestBindings: text,
    digestMoved: text,
    digestMoveRequested: text,
    /** 状态: {time} {accounts} {queue} {pending} {failed} {sent} {cap} {error} {database} {backup} */
    health: text,
    /** one account: {name}, and {retryAt} while waiting to reconnect */
    healthAccount: z.strictObject({ starting: text, scan: text, online: text, offline: text, waiting: text }),
    /** with several accounts: an account's sends today against its cap, after its state */
    healthAccountSends: text,
    healthNoError: text,
    healthError: text,
    healthBackup: text,
    healthNoBackup: text,
    /**
     * 管理员 and a code: no code given (a name, say); bound ({name}, {scope}); the same code again from the
     * admin it bound; the sender is another admin already ({other}, {scope}, {name}); a wrong, spent or
     * expired ({days}) code; too many wrong codes ({minutes} until the next is read)
     */
    claimHow: text,
    claimDone: text,
    claimAgain: text,
    claimTaken: text,
    claimWrong: text,
    claimUsed: text,
    claimExpired: text,
    claimLocked: text,
  }),
});

export const CampaignSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/),
    title: text,
    timezone: text.refine(isTimeZone, 'unknown time zone'),
    botName: text,
    choiceSets: z.record(id, z.array(ChoiceSchema).min(2)),
    forms: z.array(FormSchema).min(1),
    lateSubmissions: LatePolicySchema.default('accept'),
    reminders: z.strictObject({
      /** reminder steps of every form that has none of its own, earliest first */
      plan: z.array(reminderStep).min(1),
      /** how many missing units a digest names before pointing to 未交 */
      digestNames: z.number().int().min(0).max(100).default(10),
    }),
    registration: TextFieldSchema,
    formats: FormatsSchema,
    messages: MessagesSchema,
    commands: CommandWordsSchema,
    chatter: ChatterSchema,
    admin: AdminSchema,
    guide: GuideSchema,
  })
  .superRefine((campaign, ctx) => {
    const formIds = new Set<string>();
    campaign.forms.forEach((form, f) => {
      form.appliesTo.forEach((rule, r) => {
        const path = ['forms', f, 'appliesTo', r, 'categories'];
        if (rule.categories?.length === 0) ctx.addIssue({ code: 'custom', path, message: 'no category listed: the rule is owed by nobody' });
        else if (rule.categories !== undefined && rule.kind !== 'collective') {
          ctx.addIssue({ code: 'custom', path, message: `only collectives have categories, so a ${rule.kind} with categories is nobody` });
        }
      });
      if (form.sendBy !== undefined && form.collectedBy === 'province') {
        ctx.addIssue({ code: 'custom', path: ['forms', f, 'sendBy'], message: 'sendBy is the collectors\' deadline: only a form collected by cityOrg or industryOrg has one' });
      }
      if (formIds.has(form.id)) ctx.addIssue({ code: 'custom', path: ['forms', f, 'id'], message: `duplicate form id ${form.id}` });
      formIds.add(form.id);
      const fieldIds = new Set<string>();
      form.fields.forEach((field, i) => {
        const path = ['forms', f, 'fields', i];
        if (fieldIds.has(field.id)) ctx.addIssue({ code: 'custom', path: [...path, 'id'], message: `duplicate field id ${field.id}` });
        fieldIds.add(field.id);
        const scalars = field.kind === 'list' ? field.fields : [field];
        const subIds = new Set<string>();
        scalars.forEach((scalar, j) => {
          const at = field.kind === 'list' ? [...path, 'fields', j] : path;
          if (field.kind === 'list') {
            if (subIds.has(scalar.id)) ctx.addIssue({ code: 'custom', path: [...at, 'id'], message: `duplicate field id ${scalar.id}` });
            subIds.add(scalar.id);
          }
          if (scalar.kind === 'choice' && !(scalar.choices in campaign.choiceSets)) {
            ctx.addIssue({ code: 'custom', path: [...at, 'choices'], message: `no choice set named ${scalar.choices}` });
          }
          if (scalar.kind === 'text' && scalar.minChars > scalar.maxChars) {
            ctx.addIssue({ code: 'custom', path: [...at, 'minChars'], message: 'minChars must not exceed maxChars' });
          }
        });
        if (field.kind === 'list' && field.maxItems < Math.max(field.minItems, 1)) {
          ctx.addIssue({ code: 'custom', path: [...path, 'maxItems'], message: 'maxItems must be at least minItems' });
        }
        const named = form.completeWith?.anyOf.some((entry) => entry.field === field.id) ?? false;
        if (field.kind === 'text' && field.optional && !named) {
          ctx.addIssue({ code: 'custom', path: [...path, 'optional'], message: `${field.id} is optional but not named in completeWith, so it would never be asked` });
        }
      });
      if (form.completeWith) checkCompleteWith(form, ['forms', f], ctx);
    });
    campaign.guide.commands.forEach((entry, i) => {
      entry.say?.forEach((said, j) => {
        const word = said.split(/\s+/)[0]!;
        if (!campaign.commands[entry.command].includes(word)) {
          ctx.addIssue({ code: 'custom', path: ['guide', 'commands', i, 'say', j], message: `${JSON.stringify(word)} is not a word of the command ${entry.command}, so the bot would not understand it` });
        }
      });
    });
    if (campaign.registration.minChars > campaign.registration.maxChars) {
      ctx.addIssue({ code: 'custom', path: ['registration', 'minChars'], message: 'minChars must not exceed maxChars' });
    }
  });

/** completeWith names fields of its form that one question can take apart: a text, a list of links, a list of files. */
function checkCompleteWith(form: z.infer<typeof FormSchema>, at: (string | number)[], ctx: z.RefinementCtx): void {
  const rule = form.completeWith!;
  const kinds = new Set<string>();
  rule.anyOf.forEach((entry, e) => {
    const path = [...at, 'completeWith', 'anyOf', e];
    const issue = (key: string, message: string) => ctx.addIssue({ code: 'custom', path: [...path, key], message });
    const field = form.fields.find((f) => f.id === entry.field);
    if (!field) return issue('field', `no field ${entry.field} in form ${form.id}`);
    const kind = materialKind(field);
    if (!kind) {
      const what = field.kind === 'list' ? 'a list of several fields' : `a ${field.kind} field`;
      return issue('field', `${field.id} is ${what}: completeWith takes a text field, or a list of links or of files`);
    }
    if (kinds.has(kind)) return issue('field', `a second ${kind === 'text' ? 'text field' : `list of ${kind}`}: one question could not tell which a message belongs to`);
    kinds.add(kind);
    if (field.kind === 'list' && field.minItems > 0) return issue('field', `${field.id} is needed on its own (minItems ${field.minItems}): a field of completeWith needs minItems: 0`);
    if (field.kind === 'text' && !field.optional) return issue('field', `${field.id} is needed on its own: a text field of completeWith needs optional: true`);
    if (entry.minChars !== undefined && field.kind !== 'text') return issue('minChars', 'only a text field has minChars');
    if (entry.minItems !== undefined && field.kind !== 'list') return issue('minItems', 'only a list has minItems');
    if (entry.minChars !== undefined && field.kind === 'text' && entry.minChars > field.maxChars) {
      return issue('minChars', `${entry.minChars} is more than ${field.id} takes (maxChars ${field.maxChars})`);
    }
    if (entry.minItems !== undefined && field.kind === 'list' && entry.minItems > field.maxItems) {
      return issue('minItems', `${entry.minItems} is more than ${field.id} takes (maxItems ${field.maxItems})`);
    }
  });
  // The one question comes after every field asked on its own: a field after it would be asked again and again.
  const first = form.fields.findIndex((field) => rule.anyOf.some((entry) => entry.field === field.id));
  form.fields.forEach((field, i) => {
    if (first >= 0 && i > first && !rule.anyOf.some((entry) => entry.field === field.id)) {
      ctx.addIssue({ code: 'custom', path: [...at, 'fields', i], message: `${field.id} is asked on its own after the fields of completeWith: put the fields of completeWith last` });
    }
  });
}

/** What one question can take for a field: a text, or a list of one url (links) or one media field (files). */
function materialKind(field: z.infer<typeof FieldSchema>): 'text' | 'url' | 'media' | undefined {
  if (field.kind === 'text') return 'text';
  if (field.kind !== 'list' || field.fields.length !== 1) return undefined;
  const only = field.fields[0]!.kind;
  return only === 'url' || only === 'media' ? only : undefined;
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export type Campaign = z.infer<typeof CampaignSchema>;
export type Form = z.infer<typeof FormSchema>;
export type Field = z.infer<typeof FieldSchema>;
export type ScalarField = z.infer<typeof ScalarFieldSchema>;
export type TextField = z.infer<typeof TextFieldSchema>;
export type ChoiceField = z.infer<typeof ChoiceFieldSchema>;
export type MediaField = z.infer<typeof MediaFieldSchema>;
export type ListField = z.infer<typeof ListFieldSchema>;
export type CompleteWith = z.infer<typeof CompleteWithSchema>;
export type Choice = z.infer<typeof ChoiceSchema>;
export type Messages = z.infer<typeof MessagesSchema>;
export type MessageKey = keyof Messages;
export type CommandWords = z.infer<typeof CommandWordsSchema>;
export type Guide = z.infer<typeof GuideSchema>;
export type ChatterRules = z.infer<typeof ChatterSchema>;
export type UnitKind = z.infer<typeof UnitKindSchema>;
export type AdminTexts = z.infer<typeof AdminSchema>;
export type Category = z.infer<typeof CategorySchema>;
