// The admins' part of the message catalogue (the campaign file's `admin.messages`): what the bot says to the
// admins in their own chat and in the digests, each key once with the placeholders its callers fill.
import { catalogueSchema, SEPARATOR, type Catalogue } from './sentence.js';

/** What the bot says to the admins, in their own chat and in the digests. */
export const ADMIN_MESSAGES = {
  help: [],
  refused: [],
  unknown: ['input'],
  noSuchForm: ['input', 'forms'],
  statsHeader: ['scope', 'time'],
  statsForm: ['form', 'deadline', 'timeLeft'],
  statsTotals: ['total', 'submitted', 'late', 'draft', 'none'],
  statsGroupHeading: ['by'],
  statsLine: ['group!', 'total', 'submitted', 'draft', 'none', 'late'],
  statsNothing: [],
  missingHeader: ['form', 'scope', 'count', 'page', 'pages'],
  missingLine: ['n!', 'name!', 'where', 'state'],
  missingMore: ['form', 'filter', 'next'],
  /** after the last page of 未交: a number looks a unit up */
  missingPick: [],
  missingNone: ['form', 'scope'],
  lookupHeader: ['name'],
  lookupDetails: ['kind', 'category', 'where', 'room'],
  /** {category} of lookupDetails: a collective's categories, joined by formats.listSeparator */
  lookupCategory: ['categories!'],
  lookupRoom: ['topic'],
  lookupVersions: ['versions!'],
  lookupVersion: ['version', 'time', 'late'],
  lookupLateMark: [],
  lookupLatest: ['version'],
  lookupMany: ['list!'],
  unbindMany: ['list!'],
  /** 解绑 of a name that only resembles one unit's: offered with its number, not unbound */
  unbindOne: ['list!'],
  lookupNone: ['name'],
  /** a number with no numbered list before it */
  pickNothing: [],
  pickOutOfRange: ['n', 'first', 'last'],
  /** a city or industry the roster does not have; one outside the admin's scope */
  scopeNone: ['word'],
  scopeOutside: ['scope', 'word'],
  /** {categories}: the collectives by category, each a rosterCategory, joined by formats.listSeparator */
  rosterSummary: ['scope', 'total', 'bound', 'collective', 'categories!', 'industryOrg', 'cityOrg'],
  rosterCategory: ['label', 'count!'],
  rosterEmpty: [],
  unbound: ['unit', 'topic'],
  unbindNone: ['unit'],
  unbindWhat: [],
  moveRequested: ['topic', 'unit', 'old'],
  moveWhat: [],
  moveNone: ['unit'],
  moveDone: ['unit', 'old', 'topic'],
  lookupWhat: [],
  exportWhat: [],
  exportNoScope: ['word'],
  exportScopeRefused: ['scope', 'requested'],
  exportDone: ['file', 'rows'],
  /** 导出 简报: one zip; the note on files not found; several zips; too large for the chat; nothing handed in */
  exportBriefsDone: ['file', 'rows', 'files', 'missing'],
  exportBriefsMissing: ['count'],
  exportBriefsParts: ['max', 'parts', 'rows', 'files', 'missing'],
  exportBriefsTooLarge: ['size', 'max', 'options'],
  exportBriefsNone: ['scope'],
  importPending: ['valid'],
  importNothingPending: [],
  /** 确认, 好的 or 算了 with nothing waiting for an answer */
  nothingToConfirm: [],
  importCancelled: [],
  fileTooLarge: ['file', 'max'],
  fileUnreadable: ['file'],
  remindQueued: ['count', 'form', 'duration'],
  remindQueuedPaused: ['count', 'form'],
  remindNone: ['scope', 'form'],
  remindWhich: ['example', 'forms'],
  remindClosed: ['form'],
  paused: [],
  alreadyPaused: [],
  resumed: [],
  notPaused: [],
  /** 暂停提醒 or 恢复提醒 from a city's or an industry's admin: the switch is the whole province's */
  pauseProvinceOnly: [],
  reviewHeader: ['form', 'scope', 'count', 'sendBy'],
  reviewLine: ['n!', 'name!', 'where', 'time', 'late'],
  reviewHint: [],
  reviewNone: ['scope'],
  reviewNotCollected: ['form'],
  reviewSendBy: ['time'],
  statsReview: ['pending', 'approved', 'returned', 'sendBy'],
  approveWhat: [],
  approved: ['count', 'names'],
  approveStale: ['names!'],
  returnWhat: [],
  returnReason: ['n'],
  returnedDone: ['name', 'form', 'topic'],
  returnStale: ['name', 'form'],
  returnNoGroup: ['name', 'form'],
  /** 日志: the heading, one change, nothing to show, several close names */
  logHeader: ['scope', 'count'],
  logLine: ['time', 'who', 'what!'],
  logNone: ['scope'],
  logMany: ['list!'],
  /** 日志: what each change of the audit log was */
  logActions: {
    roomBound: ['topic', 'unit', 'form', 'version'],
    roomUnbound: ['unit', 'form', 'version'],
    roomMoved: ['topic', 'unit', 'form', 'version'],
    unitRegistered: ['unit', 'form', 'version'],
    submitted: ['unit', 'form', 'version', 'late'],
    reopened: ['unit', 'form', 'version'],
    takenOver: ['unit', 'form', 'version'],
    approved: ['unit', 'form', 'version'],
    returned: ['unit', 'form', 'version', 'note'],
    imported: ['file', 'created', 'updated', 'unchanged', 'rejected'],
    reconciled: ['chatName', 'unit', 'form', 'version'],
    paused: [],
    resumed: [],
    setting: ['key'],
    refused: ['id', 'text'],
    /** an admin invited (or given a new code), bound by its code, removed; a code that bound nothing */
    adminInvited: ['name', 'scope'],
    adminBound: ['scope', 'name'],
    adminRemoved: ['name', 'scope'],
    adminCodeRefused: ['id'],
    /** a change this version does not know how to say */
    other: ['action'],
  },
  digestDaily: ['campaign'],
  digestDeadline: ['form', 'campaign'],
  digestGroups: ['by', 'groups!'],
  digestGroup: ['group!', 'submitted', 'total', 'draft', 'late', 'none'],
  digestGroupSeparator: SEPARATOR,
  digestMissing: ['count', 'names!', 'form'],
  digestMissingMore: ['count', 'form'],
  digestBudget: ['sent', 'cap', 'pending'],
  digestPaused: [],
  digestFailed: ['count', 'targets'],
  digestExpired: ['count'],
  digestShortfall: ['time', 'form', 'count', 'accounts'],
  /** with several accounts: groups only one account is in, and it is out of room */
  digestShortfallOnly: ['count', 'account', 'names!'],
  digestShortfallShared: ['count', 'accounts', 'names!'],
  /** groups no logged-in account is in */
  digestShortfallNone: ['count', 'names!'],
  /** the bindings that changed or were asked for since the last digest */
  digestBindings: [],
  digestMoved: ['topic', 'unit'],
  digestMoveRequested: ['topic', 'unit', 'old'],
  /** 状态 */
  health: ['time', 'accounts', 'queue', 'pending', 'failed', 'sent', 'cap', 'error', 'database', 'backup'],
  /** before each account's line, when the bot runs several */
  healthAccountLabel: ['label!'],
  /** one account, by its state; {retryAt} is empty but while waiting to reconnect */
  healthAccount: {
    starting: ['name', 'retryAt'],
    scan: ['name', 'retryAt'],
    online: ['name', 'retryAt'],
    offline: ['name', 'retryAt'],
    waiting: ['retryAt', 'name'],
  },
  /** with several accounts: an account's sends today against its cap, after its state */
  healthAccountSends: ['sent', 'cap'],
  healthNoError: [],
  healthError: ['time', 'line'],
  healthBackup: ['time', 'file'],
  healthNoBackup: [],
  /**
   * 管理员 and a code: no code given (a name, say); bound; the same code again from the admin it bound; the
   * sender is another admin already ({other}); a wrong, spent or expired code; too many wrong codes
   * ({minutes} until the next is read)
   */
  claimHow: [],
  claimDone: ['name', 'scope'],
  claimAgain: ['scope', 'name'],
  claimTaken: ['other', 'scope', 'name'],
  claimWrong: [],
  claimUsed: [],
  claimExpired: ['days'],
  claimLocked: ['minutes'],
} as const satisfies Catalogue;

export const AdminMessagesSchema = catalogueSchema(ADMIN_MESSAGES);
