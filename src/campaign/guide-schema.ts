// The words of the 填报指南 in a campaign file (its `guide`): what the guide says around what it takes from
// the forms and the command words, each with the placeholders guide.ts fills.
import { z } from 'zod';
import { id, joiner, text } from './schema-basics.js';
import { sentence } from './sentence.js';
import { CommandKeySchema } from './words-schema.js';

/**
 * The words of the one-page 填报指南 (guide.ts): what it says between what it takes from the forms (who owes
 * each, by when, who collects it, each field and its limit, the choices) and from the command words.
 */
/** What every paragraph of the guide may name: the campaign, the bot, the first form, all the forms. */
const paragraph = sentence(['campaign', 'bot', 'example', 'forms']);
/** Said as written. */
const plain = sentence([]);

export const GuideSchema = z.strictObject({
  title: paragraph,
  /** what the campaign is, in a sentence or two */
  intro: paragraph,
  /** a section's heading: {n} from numerals */
  heading: sentence(['n', 'title!']),
  numerals: z.array(text).min(5),
  headings: z.strictObject({ forms: plain, fields: plain, commands: plain, tips: plain }),
  /** one line per form */
  form: sentence(['form!', 'who', 'deadline', 'collector']),
  /** how a form is named when its title does not start with its short title */
  formName: sentence(['short', 'title']),
  /** collectives of some categories only */
  someCollectives: sentence(['categories']),
  /** a category's name here, where it differs from admin.labels.categories */
  categories: z.record(id, plain).default({}),
  /** who a form is handed to: the province, or the unit's city or industry */
  collectedBy: z.strictObject({
    province: sentence(['province']),
    orgs: sentence(['orgs']),
    /** a form whose collectors send it on by a date of their own (sendBy) */
    orgsSendBy: sentence(['orgs', 'sendBy!', 'province']),
  }),
  /** what happens after a deadline: one line when every form agrees, else said after each form */
  late: z.strictObject({ accept: plain, refuse: plain }),
  /** said under the forms */
  formsNote: plain.optional(),
  /** the forms that ask the same fields, named once */
  formHeading: sentence(['forms!']),
  /** before the fields of a form complete with any one of them */
  anyOf: plain,
  /** a field and its limits: {min} and {max} in 字 (in characters for a link), {mb} for a file */
  fields: z.strictObject({
    text: sentence(['label', 'min', 'max']),
    /** a text of a form's completeWith, counted from {min} */
    textCounts: sentence(['label', 'min', 'max']),
    choice: sentence(['label']),
    url: sentence(['label', 'max']),
    media: sentence(['label', 'mb']),
    /** a list that must have {min} entries; one that may have none */
    list: sentence(['label', 'min', 'max']),
    listOptional: sentence(['label', 'max']),
    /** what each entry of a list holds, after the list's limits */
    entryText: sentence(['label', 'min', 'max']),
    entryChoice: sentence(['label']),
    entryUrl: sentence(['label', 'max']).optional(),
    entryMedia: sentence(['label', 'mb']),
  }),
  /** how 字 are counted, then an example counted by the bot itself */
  counting: plain,
  countingExample: sentence(['text', 'count']),
  countingSample: text,
  /** above the menu of a choice set, whose section is headed by the field's label */
  choices: plain,
  /** one command: {say} (the words to send), {does} */
  commandLine: sentence(['say!', 'does!']),
  /**
   * The commands shown, in order. `say`: what to send, each starting with a word of the command (checked at
   * load), "{example}" naming the first form; the command's first word if absent.
   */
  commands: z.array(z.strictObject({ command: CommandKeySchema, say: z.array(paragraph).min(1).optional(), does: paragraph })).min(1),
  tips: z.array(paragraph).min(1),
  joiners: z.strictObject({ bullet: joiner, or: joiner, words: joiner, parts: joiner }),
  /** the file an admin gets with 导出 指南, named after the guide's title */
  fileName: sentence(['title']),
});

export type Guide = z.infer<typeof GuideSchema>;
