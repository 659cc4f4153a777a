// The shape of a campaign file (conversations/campaign*.yaml). Parsed once at start; every other module
// trusts the types inferred here and does not re-check. The parts are declared in form-schema.ts (forms and
// fields), catalogue.ts and catalogue-admin.ts (the sentences), words-schema.ts (formats, commands, chatter,
// the admins' words), guide-schema.ts (the 填报指南) and export-schema.ts (the exported tables); this file
// puts them together and checks them against each other.
import { z } from 'zod';
import { checkCompleteWith, checkFieldSentences, FormSchema, LatePolicySchema, ReminderStepSchema, TextFieldSchema } from './form-schema.js';
import { checkExports, ExportsSchema } from './export-schema.js';
import { GuideSchema } from './guide-schema.js';
import { MessagesSchema } from './catalogue.js';
import { id, text } from './schema-basics.js';
import { checkPlaceholders } from './sentence.js';
import { AdminSchema, ChatterSchema, ChoiceSchema, CommandWordsSchema, FormatsSchema, MatchingSchema } from './words-schema.js';

export * from './catalogue.js';
export * from './catalogue-admin.js';
export * from './export-schema.js';
export * from './form-schema.js';
export * from './guide-schema.js';
export * from './words-schema.js';

export const CampaignSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/),
    title: text,
    timezone: text.refine(isTimeZone, 'unknown time zone'),
    botName: text,
    choiceSets: z.record(id, z.array(ChoiceSchema).min(2)),
    /** the categories of collectives (the roster's 类别), in order; `default` is a collective's that has none */
    categories: z.strictObject({ codes: z.array(id).min(1), default: id }),
    forms: z.array(FormSchema).min(1),
    lateSubmissions: LatePolicySchema.default('accept'),
    reminders: z.strictObject({
      /** reminder steps of every form that has none of its own, earliest first */
      plan: z.array(ReminderStepSchema).min(1),
      /** how many missing units a digest names before pointing to 未交 */
      digestNames: z.number().int().min(0).max(100).default(10),
    }),
    registration: TextFieldSchema,
    formats: FormatsSchema,
    messages: MessagesSchema,
    commands: CommandWordsSchema,
    chatter: ChatterSchema,
    matching: MatchingSchema,
    admin: AdminSchema,
    guide: GuideSchema,
    exports: ExportsSchema,
  })
  .superRefine((campaign, ctx) => {
    const codes = campaign.categories.codes;
    const notACategory = (path: (string | number)[], code: string) =>
      ctx.addIssue({ code: 'custom', path, message: `${code} is not one of categories.codes (${codes.join(', ')})` });
    if (!codes.includes(campaign.categories.default)) notACategory(['categories', 'default'], campaign.categories.default);
    for (const code of codes) {
      if (!(code in campaign.admin.labels.categories)) {
        ctx.addIssue({ code: 'custom', path: ['admin', 'labels', 'categories', code], message: `missing: the admins read the category ${code}` });
      }
    }
    for (const code of Object.keys(campaign.admin.labels.categories)) if (!codes.includes(code)) notACategory(['admin', 'labels', 'categories', code], code);
    for (const code of Object.keys(campaign.guide.categories)) if (!codes.includes(code)) notACategory(['guide', 'categories', code], code);
    const formIds = new Set<string>();
    campaign.forms.forEach((form, f) => {
      form.appliesTo.forEach((rule, r) => {
        const path = ['forms', f, 'appliesTo', r, 'categories'];
        if (rule.categories?.length === 0) ctx.addIssue({ code: 'custom', path, message: 'no category listed: the rule is owed by nobody' });
        else if (rule.categories !== undefined && rule.kind === 'collective') {
          rule.categories.forEach((code, c) => {
            if (!codes.includes(code)) notACategory([...path, c], code);
          });
        } else if (rule.categories !== undefined && rule.kind !== 'collective') {
          ctx.addIssue({ code: 'custom', path, message: `only collectives have categories, so a ${rule.kind} with categories is nobody` });
        }
      });
      if (form.sendBy !== undefined && form.collectedBy === 'province') {
        ctx.addIssue({
          code: 'custom',
          path: ['forms', f, 'sendBy'],
          message: "sendBy is the collectors' deadline: only a form collected by cityOrg or industryOrg has one",
        });
      }
      if (formIds.has(form.id)) ctx.addIssue({ code: 'custom', path: ['forms', f, 'id'], message: `duplicate form id ${form.id}` });
      formIds.add(form.id);
      const fieldIds = new Set<string>();
      const roles = new Map<string, string>();
      form.fields.forEach((field, i) => {
        const path = ['forms', f, 'fields', i];
        if (field.kind === 'text' && field.role !== undefined) {
          const holder = roles.get(field.role);
          if (holder !== undefined) {
            ctx.addIssue({
              code: 'custom',
              path: [...path, 'role'],
              message: `${field.role} is the role of ${holder} already: a form has one field of each role`,
            });
          }
          roles.set(field.role, field.id);
        }
        if (fieldIds.has(field.id)) ctx.addIssue({ code: 'custom', path: [...path, 'id'], message: `duplicate field id ${field.id}` });
        fieldIds.add(field.id);
        checkFieldSentences(field, path, ctx);
        const scalars = field.kind === 'list' ? field.fields : [field];
        const subIds = new Set<string>();
        scalars.forEach((scalar, j) => {
          const at = field.kind === 'list' ? [...path, 'fields', j] : path;
          if (field.kind === 'list') {
            if (scalar.kind === 'text' && scalar.role !== undefined) {
              ctx.addIssue({ code: 'custom', path: [...at, 'role'], message: 'only a field of the form itself has a role, not one inside a list' });
            }
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
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'optional'],
            message: `${field.id} is optional but not named in completeWith, so it would never be asked`,
          });
        }
      });
      if (form.completeWith) checkCompleteWith(form, ['forms', f], ctx);
    });
    campaign.guide.commands.forEach((entry, i) => {
      entry.say?.forEach((said, j) => {
        const word = said.split(/\s+/)[0]!;
        if (!campaign.commands[entry.command].includes(word)) {
          ctx.addIssue({
            code: 'custom',
            path: ['guide', 'commands', i, 'say', j],
            message: `${JSON.stringify(word)} is not a word of the command ${entry.command}, so the bot would not understand it`,
          });
        }
      });
    });
    checkExports(campaign.exports, campaign.forms, codes, ctx);
    // The registration question is asked as written, outside any form.
    checkPlaceholders(ctx, ['registration', 'prompt'], campaign.registration.prompt, []);
    if (campaign.registration.minChars > campaign.registration.maxChars) {
      ctx.addIssue({ code: 'custom', path: ['registration', 'minChars'], message: 'minChars must not exceed maxChars' });
    }
  });

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export type Campaign = z.infer<typeof CampaignSchema>;
