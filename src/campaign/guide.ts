// The one-page 填报指南 for group members, made from the campaign: who owes which form, by when and to
// whom (appliesTo, deadline, collectedBy), what each form asks field by field with its limits, how 字 are
// counted, the choices, the commands a group can send and a few tips. Only the words around those come
// from the campaign's `guide`. Pure; rendered as plain text for a WeChat message and as Markdown for
// docs/填报指南.md.
import { choiceMenu, choicesOf, deadlineOf } from './forms.js';
import type { Campaign, ChoiceField, Field, Form, ScalarField } from './schema.js';
import { countChars, fill, megabytes, type Vars } from './text.js';
import { formatDate, parseLocal } from './time.js';

/** One block of the guide; a section is a heading and its blocks. */
type Block =
  | { kind: 'paragraph'; text: string }
  | { kind: 'subheading'; text: string }
  | { kind: 'bullets'; items: string[] }
  | { kind: 'numbered'; items: string[] }
  | { kind: 'choices'; field: ChoiceField }
  | { kind: 'commands'; items: { say: string[]; does: string }[] };

interface Section {
  heading?: string;
  blocks: Block[];
}

interface GuideDocument {
  title: string;
  sections: Section[];
}

/**
 * How long one WeChat text may be here, in characters. WeChat's own interfaces cap a text at 2,048 bytes (公众号,
 * 企业微信) and bot interfaces of personal accounts have been seen to cut texts past about 2,000 characters;
 * the client itself takes much longer ones. A guide longer than this goes as several messages, cut between
 * sections.
 */
export const MESSAGE_CHARS = 1500;

/** The guide as plain text, as a group reads it. */
export function guideText(campaign: Campaign): string {
  return plainPieces(campaign).join('\n\n');
}

/** The guide as WeChat messages of at most `maxChars` characters each: cut between sections, else between lines. */
export function guideMessages(campaign: Campaign, maxChars = MESSAGE_CHARS): string[] {
  return pack(plainPieces(campaign), '\n\n', maxChars).flatMap((message) =>
    length(message) > maxChars ? pack(message.split('\n'), '\n', maxChars) : [message],
  );
}

/** The guide as Markdown (docs/填报指南.md). */
export function guideMarkdown(campaign: Campaign): string {
  const doc = guideDocument(campaign);
  const sections = doc.sections.map((section) =>
    [...(section.heading ? [`## ${section.heading}`] : []), ...section.blocks.map((block) => markdownBlock(campaign, block))].join('\n\n'),
  );
  return `${[`# ${doc.title}`, ...sections].join('\n\n')}\n`;
}

/** The name of the file an admin gets with 导出 指南. */
export function guideFileName(campaign: Campaign): string {
  return fill(campaign.guide.fileName, { title: guideDocument(campaign).title });
}

const plain = new WeakMap<Campaign, string[]>();

/** The title and each section as plain text, to be set apart by an empty line; made once per campaign. */
function plainPieces(campaign: Campaign): string[] {
  let pieces = plain.get(campaign);
  if (!pieces) {
    const doc = guideDocument(campaign);
    pieces = [doc.title, ...doc.sections.map((section) => plainSection(campaign, section))];
    plain.set(campaign, pieces);
  }
  return pieces;
}

function guideDocument(campaign: Campaign): GuideDocument {
  const { guide } = campaign;
  const vars: Vars = {
    campaign: campaign.title,
    bot: campaign.botName,
    example: campaign.forms[0]!.shortTitle,
    forms: campaign.forms.map((form) => form.shortTitle).join(campaign.formats.listSeparator),
  };
  const headed: Section[] = [
    { heading: guide.headings.forms, blocks: formsBlocks(campaign) },
    { heading: guide.headings.fields, blocks: fieldsBlocks(campaign) },
    ...choiceFields(campaign).map((field) => ({
      heading: field.label,
      blocks: [{ kind: 'paragraph', text: guide.choices } as const, { kind: 'choices', field } as const],
    })),
    {
      heading: guide.headings.commands,
      blocks: [
        {
          kind: 'commands',
          items: guide.commands.map((entry) => ({
            say: (entry.say ?? [campaign.commands[entry.command][0]!]).map((said) => fill(said, vars)),
            does: fill(entry.does, vars),
          })),
        },
      ],
    },
    { heading: guide.headings.tips, blocks: [{ kind: 'numbered', items: guide.tips.map((tip) => fill(tip, vars)) }] },
  ];
  return {
    title: fill(guide.title, vars),
    sections: [
      { blocks: [{ kind: 'paragraph', text: fill(guide.intro, vars) }] },
      ...headed.map((section, i) => ({ ...section, heading: fill(guide.heading, { n: guide.numerals[i] ?? i + 1, title: section.heading! }) })),
    ],
  };
}

/** Who owes each form, by when and to whom; what happens after the deadline. */
function formsBlocks(campaign: Campaign): Block[] {
  const { guide, formats } = campaign;
  const policy = (form: Form) => form.late ?? campaign.lateSubmissions;
  const policies = new Set(campaign.forms.map(policy));
  const lines = campaign.forms.map((form) => {
    const line = fill(guide.form, {
      form: form.title.startsWith(form.shortTitle) ? form.title : fill(guide.formName, { short: form.shortTitle, title: form.title }),
      who: whoOwes(campaign, form),
      deadline: formatDate(deadlineOf(campaign, form), campaign.timezone, formats),
      collector: collector(campaign, form),
    });
    return policies.size > 1 ? line + guide.late[policy(form)] : line;
  });
  const after: Block[] = policies.size === 1 ? [{ kind: 'paragraph', text: guide.late[[...policies][0]!] }] : [];
  return [{ kind: 'bullets', items: lines }, ...after, ...(guide.formsNote ? [{ kind: 'paragraph', text: guide.formsNote } as const] : [])];
}

/** "第20届全国青年文明号、2021年广东青年文明号标兵号集体", "联创行业团组织": the units a form applies to. */
function whoOwes(campaign: Campaign, form: Form): string {
  const { guide, formats } = campaign;
  const labels = campaign.admin.labels;
  return form.appliesTo
    .map((rule) =>
      rule.categories === undefined
        ? labels.kinds[rule.kind]
        : fill(guide.someCollectives, {
            categories: rule.categories.map((category) => guide.categories[category] ?? labels.categories[category]).join(formats.listSeparator),
          }),
    )
    .join(formats.listSeparator);
}

function collector(campaign: Campaign, form: Form): string {
  const { guide } = campaign;
  const labels = campaign.admin.labels;
  const province = labels.reviewers.province;
  if (form.collectedBy === 'province') return fill(guide.collectedBy.province, { province });
  const orgs = form.collectedBy.map((kind) => labels.kinds[kind]).join(guide.joiners.or);
  // The loader has checked sendBy, so it reads as a time here.
  const sendBy = form.sendBy === undefined ? undefined : parseLocal(form.sendBy, campaign.timezone);
  if (!sendBy) return fill(guide.collectedBy.orgs, { orgs });
  return fill(guide.collectedBy.orgsSendBy, { orgs, province, sendBy: formatDate(sendBy, campaign.timezone, campaign.formats) });
}

/** Each form's fields and limits; forms that ask the same fields are named together; then how 字 are counted. */
function fieldsBlocks(campaign: Campaign): Block[] {
  const { guide } = campaign;
  const groups = new Map<string, Form[]>();
  for (const form of campaign.forms) {
    const key = JSON.stringify([form.fields, form.completeWith?.anyOf ?? null]);
    groups.set(key, [...(groups.get(key) ?? []), form]);
  }
  const blocks: Block[] = [];
  for (const forms of groups.values()) {
    const form = forms[0]!;
    blocks.push({ kind: 'subheading', text: fill(guide.formHeading, { forms: forms.map((f) => f.shortTitle).join(campaign.formats.listSeparator) }) });
    const anyOf = form.completeWith?.anyOf ?? [];
    const own = form.fields.filter((field) => !anyOf.some((entry) => entry.field === field.id));
    if (own.length > 0) blocks.push({ kind: 'numbered', items: own.map((field) => fieldText(campaign, field)) });
    if (anyOf.length > 0) {
      blocks.push({ kind: 'paragraph', text: guide.anyOf });
      blocks.push({
        kind: 'bullets',
        items: anyOf.map((entry) => {
          const field = form.fields.find((f) => f.id === entry.field)!;
          return field.kind === 'text'
            ? fill(guide.fields.textCounts, { label: field.label, min: entry.minChars ?? field.minChars, max: field.maxChars })
            : fieldText(campaign, field);
        }),
      });
    }
    for (const note of new Set(forms.map((f) => f.note).filter((n): n is string => n !== undefined))) blocks.push({ kind: 'paragraph', text: note });
  }
  const sample = guide.countingSample;
  blocks.push({ kind: 'paragraph', text: `${guide.counting}${fill(guide.countingExample, { text: sample, count: countChars(sample) })}` });
  return blocks;
}

/** "服务承诺：50字以内", "服务事项：至少3项，最多20项，每项100字以内，并选一个服务类型". */
function fieldText(campaign: Campaign, field: Field): string {
  const t = campaign.guide.fields;
  if (field.kind !== 'list') return scalarText(t, field);
  const head =
    field.minItems > 0
      ? fill(t.list, { label: field.label, min: field.minItems, max: field.maxItems })
      : fill(t.listOptional, { label: field.label, max: field.maxItems });
  const entries = field.fields.map((sub) => entryText(t, sub)).filter((part): part is string => part !== undefined);
  return [head, ...entries].join(campaign.guide.joiners.parts);
}

type FieldTexts = Campaign['guide']['fields'];

/** A field on its own: "服务承诺：50字以内". */
function scalarText(t: FieldTexts, field: ScalarField): string {
  return fill(t[field.kind], fieldVars(field));
}

/** What each entry of a list holds: "每项100字以内", "并选一个服务类型". */
function entryText(t: FieldTexts, field: ScalarField): string | undefined {
  const template = { text: t.entryText, choice: t.entryChoice, url: t.entryUrl, media: t.entryMedia }[field.kind];
  return template === undefined ? undefined : fill(template, fieldVars(field));
}

/** A field's label and limits: {label}, and {min} and {max} (字, or characters for a link), or {mb}. */
function fieldVars(field: ScalarField): Vars {
  switch (field.kind) {
    case 'text':
      return { label: field.label, min: field.minChars, max: field.maxChars };
    case 'url':
      return { label: field.label, max: field.maxChars };
    case 'media':
      return { label: field.label, mb: megabytes(field.maxBytes) };
    case 'choice':
      return { label: field.label };
  }
}

/** The choice fields of the forms, one per choice set, in the order the forms ask them. */
function choiceFields(campaign: Campaign): ChoiceField[] {
  const seen = new Map<string, ChoiceField>();
  for (const form of campaign.forms) {
    for (const field of form.fields.flatMap((f) => (f.kind === 'list' ? f.fields : [f]))) {
      if (field.kind === 'choice' && !seen.has(field.choices)) seen.set(field.choices, field);
    }
  }
  return [...seen.values()];
}

function plainSection(campaign: Campaign, section: Section): string {
  const { joiners } = campaign.guide;
  const lines = section.blocks.flatMap((block): string[] => {
    switch (block.kind) {
      case 'paragraph':
      case 'subheading':
        return [block.text];
      case 'bullets':
        return block.items.map((item) => `${joiners.bullet}${item}`);
      case 'numbered':
        return block.items.map((item, i) => `${i + 1}. ${item}`);
      case 'choices':
        return [choiceMenu(campaign, block.field)];
      case 'commands':
        return block.items.map((item) => fill(campaign.guide.commandLine, { say: item.say.join(joiners.words), does: item.does }));
    }
  });
  return [...(section.heading ? [section.heading] : []), ...lines].join('\n');
}

function markdownBlock(campaign: Campaign, block: Block): string {
  const { joiners } = campaign.guide;
  switch (block.kind) {
    case 'paragraph':
      return block.text;
    case 'subheading':
      return `**${block.text}**`;
    case 'bullets':
      return block.items.map((item) => `- ${item}`).join('\n');
    case 'numbered':
      return block.items.map((item, i) => `${i + 1}. ${item}`).join('\n');
    case 'choices':
      return choicesOf(campaign, block.field)
        .map((choice, i) => `${i + 1}. ${choice.value}`)
        .join('\n');
    case 'commands':
      return block.items
        .map((item) => `- ${fill(campaign.guide.commandLine, { say: item.say.map((said) => `\`${said}\``).join(joiners.words), does: item.does })}`)
        .join('\n');
  }
}

/** Pieces joined by `separator` into as few texts as fit in `maxChars`, in order; a piece too long stays alone. */
function pack(pieces: readonly string[], separator: string, maxChars: number): string[] {
  const texts: string[] = [];
  for (const piece of pieces) {
    const last = texts.at(-1);
    if (last !== undefined && length(last) + length(separator) + length(piece) <= maxChars) texts[texts.length - 1] = `${last}${separator}${piece}`;
    else texts.push(piece);
  }
  return texts;
}

function length(text: string): number {
  return [...text].length;
}
