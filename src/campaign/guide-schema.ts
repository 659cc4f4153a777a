// The words of the 填报指南 in a campaign file (its `guide`): what the guide says around what it takes from
// the forms and the command words.
import { z } from 'zod';
import { joiner, text } from './schema-basics.js';
import { CommandKeySchema } from './words-schema.js';

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

export type Guide = z.infer<typeof GuideSchema>;
