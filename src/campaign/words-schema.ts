// The words of a campaign file that are not sentences of their own: how a choice, a date and a time left are
// written, the command words, the chatter that is not an answer, the words set aside when names are compared,
// and the admins' commands and labels.
import { z } from 'zod';
import { AdminMessagesSchema } from './catalogue-admin.js';
import { id, text, words, words1 } from './schema-basics.js';
import { sentence } from './sentence.js';

/** A word said as it is written: no placeholders. */
const word = sentence([]);

export const ChoiceSchema = z.strictObject({ value: text, aliases: words });

/** How dates, times left and choices are written; a placeholder with "!" must be used (sentence.ts). */
export const FormatsSchema = z.strictObject({
  /** dayjs's format tokens, and the day of the week */
  date: sentence(['weekday']),
  dateTime: sentence([]),
  weekdays: z.array(text).length(7),
  daysHours: sentence(['d!', 'h']),
  hoursMinutes: sentence(['h!', 'm']),
  minutes: sentence(['m!']),
  timeLeft: sentence(['duration!']),
  overdue: sentence(['duration!']),
  listSeparator: z.string().min(1),
  choiceOption: sentence(['n!', 'value!']),
  choiceColumns: z.number().int().min(1).max(6),
  choiceColumnSeparator: z.string().min(1),
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

/** How a name or a label people type is compared with the campaign's own. */
export const MatchingSchema = z.strictObject({
  /** words most unit names share (青年文明号, 团委…), set aside when a typed name is compared with the roster's */
  commonNameWords: z.array(text),
  /** words people drop from the start of a field's label when they write it out (服务承诺 → 承诺：…) */
  labelPrefixes: z.array(text),
});

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
    kinds: z.strictObject({ collective: word, industryOrg: word, cityOrg: word }),
    /** one per code of the campaign's categories */
    categories: z.record(id, word),
    scopes: z.strictObject({ province: word }),
    /** how a group is told who reviewed its form, when the roster has no 地市团委 or 行业团组织 to name */
    reviewers: z.strictObject({ province: word, city: sentence(['city']), industry: sentence(['industry']) }),
    byCity: word,
    byIndustry: word,
    noCity: word,
    noIndustry: word,
    statusSubmitted: word,
    statusSubmittedLate: word,
    statusDraft: word,
    statusNone: word,
    unbound: word,
    /** who made a change, in 日志: an admin, the bot itself, the command line */
    actors: z.strictObject({ admin: sentence(['name']), system: word, cli: sentence(['user']) }),
  }),
  messages: AdminMessagesSchema,
});

export type Choice = z.infer<typeof ChoiceSchema>;
export type CommandWords = z.infer<typeof CommandWordsSchema>;
export type ChatterRules = z.infer<typeof ChatterSchema>;
export type Matching = z.infer<typeof MatchingSchema>;
export type AdminTexts = z.infer<typeof AdminSchema>;
