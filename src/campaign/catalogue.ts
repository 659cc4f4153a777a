// The message catalogue: every sentence the bot says in the groups (the campaign file's `messages`), each key
// once with the placeholders its callers fill. The schema of `messages` and the MessageKey type are made from
// it; the admins' sentences are in catalogue-admin.ts, how a catalogue is checked in sentence.ts.
import { catalogueSchema, type Catalogue, type Texts } from './sentence.js';

/**
 * Every sentence the bot composes in a group; a missing one fails at load, not in a group.
 *
 * Each key lists the placeholders its callers fill, and a sentence may use no other. A name ending in "!"
 * the sentence must use; it may leave out the rest (Placeholders in sentence.ts says why).
 */
export const MESSAGES = {
  greeting: ['campaign', 'form', 'unit', 'requirements', 'deadline', 'timeLeft'],
  greetingLate: ['campaign', 'form', 'unit', 'requirements', 'deadline', 'timeLeft'],
  greetingClosed: ['form', 'deadline'],
  submitClosed: ['form', 'deadline'],
  reminderNotStarted: ['unit', 'form', 'deadline', 'timeLeft', 'missing'],
  reminderDraft: ['unit', 'form', 'deadline', 'timeLeft', 'missing'],
  reminderUnconfirmed: ['unit', 'form', 'deadline', 'timeLeft'],
  reminderMissingField: ['label!'],
  reminderMissingItem: ['n', 'label!'],
  reminderMissingItems: ['from', 'to', 'label!'],
  resumed: ['unit', 'form'],
  resumedAfterUpdate: [],
  unitRegistered: ['unit'],
  continuePrompt: ['min', 'count', 'next'],
  listFull: ['max'],
  prefillOffer: ['label', 'value!'],
  pasteOverflow: ['max', 'line', 'count'],
  pasteHeading: [],
  pasteEntry: ['n!', 'content!', 'type'],
  pasteEntryNoType: ['n!', 'content!'],
  pasteProblemsHeading: [],
  pasteProblemLine: ['line', 'problem!'],
  pasteConfirm: [],
  pasteHint: [],
  pasteApplied: [],
  pasteDropped: [],
  pasteNothing: [],
  review: ['summary!', 'last'],
  reviewAtMin: ['summary!', 'last'],
  summaryText: ['label', 'value!'],
  summaryListHeading: ['label'],
  submitted: ['time'],
  submittedLate: ['time'],
  alreadySubmitted: ['unit', 'form', 'time', 'version'],
  reopened: ['form', 'unit'],
  /** a reviewer (地市团委 or 行业团组织) sent a handed-in form back */
  returned: ['reviewer', 'form', 'reason'],
  nothingToReopen: ['form', 'unit'],
  cancelled: [],
  takenOver: ['name'],
  alreadyRunning: ['owner', 'form'],
  nothingRunning: [],
  noFormForUnit: ['unit'],
  chooseForm: ['list!', 'example'],
  chooseFormLine: ['n!', 'status'],
  /** 修改 when several forms were handed in: which one */
  chooseEdit: ['list!', 'example'],
  formNotForUnit: ['unit', 'form', 'forms'],
  atFirstStep: [],
  nonText: [],
  unknownCommand: ['input'],
  notNowContinue: [],
  notNowFinish: ['missing'],
  notNowConfirm: ['missing'],
  editWhat: [],
  editNoSuchItem: ['n', 'count'],
  editing: ['label'],
  deleteWhat: [],
  deleteNoSuchItem: ['n', 'count'],
  deleteBelowMin: ['min', 'count', 'n'],
  deleted: ['n', 'count'],
  deletedDraftItem: ['n'],
  errorEmpty: ['label'],
  errorTooShort: ['label', 'min', 'count'],
  errorTooLong: ['label', 'max', 'count', 'over'],
  /** a link over its limit, which is in characters (to Word a link is one word) */
  errorUrlTooLong: ['label', 'max', 'count'],
  errorNoWords: ['label'],
  errorSeveral: ['label'],
  errorDuplicate: ['other'],
  errorChoice: ['input', 'label', 'max'],
  errorUrl: ['label'],
  errorMediaExpected: ['label'],
  errorMediaType: ['label', 'file'],
  errorMediaSize: ['file', 'size', 'label', 'max'],
  /** a file whose content is none of the types known (a name that promises another type, or a damaged file) */
  errorMediaUnreadable: ['file', 'label'],
  /** said before the reply when a message carried invisible characters (direction overrides, zero-width, control) that were taken out */
  invisibleRemoved: ['count'],
  /** voice, stickers and 小程序/视频号 cards */
  nonTextVoice: [],
  nonTextSticker: [],
  nonTextCard: [],
  /** a picture, file or link sent before its step, kept */
  keptEarly: ['label', 'value'],
  /** how an answer names a kept file; the export reads the file's {id} back from it */
  mediaName: ['name!', 'id!'],
  missingField: ['label!'],
  missingItems: ['label!', 'count'],
  progressHeader: ['unit'],
  progressNotStarted: ['form', 'deadline', 'timeLeft'],
  progressDraft: ['form', 'done', 'deadline', 'timeLeft'],
  progressMissing: ['missing!'],
  progressSubmitted: ['form', 'count', 'time', 'deadline', 'have', 'timeLeft'],
  progressSubmittedLate: ['form', 'count', 'time', 'deadline', 'have', 'timeLeft'],
  progressReopened: ['form', 'version', 'deadline', 'timeLeft'],
  progressDoneText: ['label', 'chars'],
  progressDoneItems: ['count', 'label'],
  progressNothing: [],
  progressUnbound: [],
  helpIdle: [],
  helpForm: [],
  mentionIdle: ['bot'],
  internalError: [],
  privateChat: ['bot'],
  bindAsk: [],
  bindOfferTopic: ['unit', 'where'],
  bindCandidates: ['query', 'list!'],
  bindCandidateLine: ['n!', 'name!', 'where'],
  bindNotFound: ['query'],
  bindWhat: [],
  bindChoose: ['max'],
  bindTaken: ['unit', 'topic'],
  /** the group a unit was moved away from by an admin's 确认换群 */
  movedAway: ['unit', 'topic'],
  bound: ['unit', 'where'],
  alreadyBound: ['unit'],
  bindCancelled: [],
  rebindAmbiguous: ['topic', 'count'],
  /** a message that may be an answer, asked about before it is saved */
  confirmSave: ['text', 'label'],
  notSaved: [],
  /** what a question the group goes back to holds now */
  current: ['value!'],
  /** to a member who speaks to the bot while someone else fills the form */
  bystander: ['owner', 'form'],
} as const satisfies Catalogue;

export const MessagesSchema = catalogueSchema(MESSAGES);

export type Messages = Texts<typeof MESSAGES>;
export type MessageKey = keyof typeof MESSAGES;
export const MESSAGE_KEYS = Object.keys(MESSAGES) as [MessageKey, ...MessageKey[]];
