// The forms of a campaign file: who owes each, by when, and its fields one by one, with the checks a form's
// completeWith needs (the campaign-wide checks are in schema.ts).
import { z } from 'zod';
import { MESSAGES } from './catalogue.js';
import { id, text, words } from './schema-basics.js';
import { checkPlaceholders, sentence } from './sentence.js';

/** Said as written: no placeholders. */
const plain = sentence([]);
/** A field's answer just saved: the answer, and its length in 字. */
const savedAnswer = sentence(['value', 'chars']).optional();

const common = {
  id,
  label: text,
  /** the question: {step} is the field's place in the form, {n} an entry's number (a field on its own has none) */
  prompt: sentence(['step', 'n']),
  editWords: words,
  /** what the bot says to a question about this step (这里写什么？) */
  help: plain.optional(),
};

export const TextFieldSchema = z.strictObject({
  ...common,
  kind: z.literal('text'),
  minChars: z.number().int().min(1).default(1),
  maxChars: z.number().int().min(1),
  /** no two entries of the same list may hold the same text */
  unique: z.boolean().default(false),
  /** shown under the prompt the first time only */
  firstHint: plain.optional(),
  /**
   * what the field is to the code, whatever its id: the commitment (附件2's 服务承诺) is the one text a paste of
   * the whole form may carry besides its list. A field of the form itself, one per role.
   */
  role: z.enum(['commitment']).optional(),
  /** a top-level field the roster can answer: the unit's industry, city or name is offered, 确认 takes it */
  prefill: z.enum(['industry', 'city', 'name']).optional(),
  saved: savedAnswer,
  /** not needed on its own: a field of the form's completeWith, which says when it counts */
  optional: z.boolean().default(false),
  /** a text of paragraphs (a written 简报): its line breaks are kept, and numbered lines are its paragraphs, not several answers */
  paragraphs: z.boolean().default(false),
  /** how 进度 and the brief's "目前有" name the answer, instead of messages.progressDoneText */
  counted: sentence(MESSAGES.progressDoneText).optional(),
});

export const ChoiceFieldSchema = z.strictObject({
  ...common,
  kind: z.literal('choice'),
  /** name of a set in choiceSets */
  choices: id,
  saved: savedAnswer,
});

export const UrlFieldSchema = z.strictObject({
  ...common,
  kind: z.literal('url'),
  maxChars: z.number().int().min(10).default(500),
  saved: savedAnswer,
});

export const MediaFieldSchema = z.strictObject({
  ...common,
  kind: z.literal('media'),
  /** accepted MIME types, such as image/jpeg or application/pdf; a trailing /* accepts a family */
  accept: z.array(z.string().regex(/^[a-z]+\/([a-z0-9.+-]+|\*)$/)).min(1),
  maxBytes: z.number().int().min(1),
  saved: savedAnswer,
});

export const ScalarFieldSchema = z.discriminatedUnion('kind', [TextFieldSchema, ChoiceFieldSchema, UrlFieldSchema, MediaFieldSchema]);

export const ListFieldSchema = z.strictObject({
  id,
  kind: z.literal('list'),
  label: text,
  /** how one entry is named by its number */
  itemLabel: sentence(['n!']),
  minItems: z.number().int().min(0),
  maxItems: z.number().int().min(1),
  fields: z.array(ScalarFieldSchema).min(1),
  editWords: words,
  /** said when an entry is complete; {n} and the sub-field ids are placeholders (checked in schema.ts) */
  saved: text,
  /** one line of the review; {n} and the sub-field ids are placeholders (checked in schema.ts) */
  summaryLine: text,
  /** what to say once minItems are in, instead of messages.continuePrompt */
  more: sentence(MESSAGES.continuePrompt).optional(),
  /** how 进度 and the brief's "目前有" name the entries, instead of messages.progressDoneItems */
  counted: sentence(MESSAGES.progressDoneItems).optional(),
});

export const FieldSchema = z.discriminatedUnion('kind', [TextFieldSchema, ChoiceFieldSchema, UrlFieldSchema, MediaFieldSchema, ListFieldSchema]);

export const UnitKindSchema = z.enum(['collective', 'industryOrg', 'cityOrg']);
/** A category of collectives (the roster's 类别): one of the campaign's categories.codes, checked in schema.ts. */
export const CategorySchema = id;

const deadline = z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/, 'must read YYYY-MM-DD HH:mm (local time of the campaign)');

/** "3d", "12h", "30m" before the deadline, or a wall-clock time "YYYY-MM-DD HH:mm"; checked against the deadline at load */
export const ReminderStepSchema = z.string().trim().min(2);
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
  prompt: plain,
  /** the question once one of them is in: more, or 完成; {have} is what the form holds ("推文链接1个、文字56字") */
  more: sentence(['have']),
  /** what 完成, 进度 and the reminders say is still needed while none is in */
  missing: plain,
  /** said when a text is kept that is too short to count by itself; {count} 字 of {min} */
  tooShort: sentence(['count', 'min']),
  /** asked before a second text replaces the first; {old}, {new} are their lengths in 字 */
  replace: sentence(['old', 'new']),
  /** what the bot says to a question about the one question (这里发什么？) */
  help: plain.optional(),
});

export const FormSchema = z.strictObject({
  id,
  title: text,
  shortTitle: text,
  /** who owes the form: a kind of unit, for collectives optionally only some categories */
  appliesTo: z.array(z.strictObject({ kind: UnitKindSchema, categories: z.array(CategorySchema).optional() })).min(1),
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
  reminders: z.array(ReminderStepSchema).min(1).optional(),
  requirements: text,
  /** when false the form ends as soon as its last field is answered, without review and 确认 */
  review: z.boolean().default(true),
  /**
   * This form's own 帮助 and the last lines of its review, where the campaign's (messages.helpForm, review,
   * reviewAtMin) name commands the form has no use for.
   */
  hints: z
    .strictObject({
      help: plain.optional(),
      review: sentence(MESSAGES.review).optional(),
      reviewAtMin: sentence(MESSAGES.reviewAtMin).optional(),
      /** 进度 of the form handed in, instead of messages.progressSubmitted(Late); {have} is what it holds */
      progressSubmitted: sentence(MESSAGES.progressSubmitted).optional(),
      progressSubmittedLate: sentence(MESSAGES.progressSubmittedLate).optional(),
    })
    .optional(),
  /** complete with any one of several fields, instead of all of them */
  completeWith: CompleteWithSchema.optional(),
  /** a line of the notice said under the form's greeting and under each of its reminders */
  note: plain.optional(),
  fields: z.array(FieldSchema).min(1),
});

/**
 * The sentences of a field whose placeholders depend on where it stands: a field on its own is asked with
 * its {step} but has no entry number; an entry's saved line and review line name {n} and the list's fields.
 */
export function checkFieldSentences(field: Field, at: (string | number)[], ctx: z.RefinementCtx): void {
  if (field.kind !== 'list') {
    checkPlaceholders(ctx, [...at, 'prompt'], field.prompt, ['step']);
    return;
  }
  const entry = ['n', ...field.fields.map((sub) => sub.id)];
  checkPlaceholders(ctx, [...at, 'saved'], field.saved, entry);
  checkPlaceholders(ctx, [...at, 'summaryLine'], field.summaryLine, entry);
}

/** completeWith names fields of its form that one question can take apart: a text, a list of links, a list of files. */
export function checkCompleteWith(form: Form, at: (string | number)[], ctx: z.RefinementCtx): void {
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
    if (kinds.has(kind))
      return issue('field', `a second ${kind === 'text' ? 'text field' : `list of ${kind}`}: one question could not tell which a message belongs to`);
    kinds.add(kind);
    if (field.kind === 'list' && field.minItems > 0)
      return issue('field', `${field.id} is needed on its own (minItems ${field.minItems}): a field of completeWith needs minItems: 0`);
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
      ctx.addIssue({
        code: 'custom',
        path: [...at, 'fields', i],
        message: `${field.id} is asked on its own after the fields of completeWith: put the fields of completeWith last`,
      });
    }
  });
}

/** What one question can take for a field: a text, or a list of one url (links) or one media field (files). */
function materialKind(field: Field): 'text' | 'url' | 'media' | undefined {
  if (field.kind === 'text') return 'text';
  if (field.kind !== 'list' || field.fields.length !== 1) return undefined;
  const only = field.fields[0]!.kind;
  return only === 'url' || only === 'media' ? only : undefined;
}

export type Form = z.infer<typeof FormSchema>;
export type Field = z.infer<typeof FieldSchema>;
export type ScalarField = z.infer<typeof ScalarFieldSchema>;
export type TextField = z.infer<typeof TextFieldSchema>;
export type ChoiceField = z.infer<typeof ChoiceFieldSchema>;
export type MediaField = z.infer<typeof MediaFieldSchema>;
export type ListField = z.infer<typeof ListFieldSchema>;
export type CompleteWith = z.infer<typeof CompleteWithSchema>;
export type UnitKind = z.infer<typeof UnitKindSchema>;
export type Category = z.infer<typeof CategorySchema>;
