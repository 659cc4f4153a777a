// The exports: section of a campaign file: the tables an admin exports (the notice's 附件1 and 附件2, the
// public list, the briefs' zip), each with its title, headers and 备注 lines, the form it is made from and
// which field fills which column; the words that name them; the labels of the 类别 column and the file names.
// checkExports (called by schema.ts) checks that the forms and fields named exist and are of the right kind.
import { z } from 'zod';
import { UnitKindSchema, type Form } from './form-schema.js';
import { id, joiner, text, words1 } from './schema-basics.js';
import { sentence } from './sentence.js';

/** A title, header or line of a table, written as it is: no placeholders. */
const cell = sentence([]);
const line = z.array(cell);

/** The heading of a table laid out as the notice lays it out: a label, two title lines, then 填报单位：… */
const heading = { sheetName: cell, label: cell, title: cell, subtitle: cell };

/**
 * The widths of a table's columns, in the spreadsheet's unit (about one Latin character; a Chinese one takes
 * two), one for each header: beside the headers, so that a reworded header can be given the room it needs.
 */
const widths = (count: number) => z.array(z.number().min(1).max(255)).length(count);

/** The list of service items a table shows, and its two columns. */
const itemColumns = { items: id, content: id, type: id };

export const ExportsSchema = z.strictObject({
  /** 附件1: one block per unit that filled `form`, its name merged down over its items */
  attachment1: z.strictObject({
    ...heading,
    form: id,
    /** the text field with the name of the block (else the roster's industry, else the unit's name) */
    columns: z.strictObject({ name: id, ...itemColumns }),
    headers: line.length(3),
    widths: widths(3),
    notes: line,
  }),
  /** 附件2: one section per category, in this order, each under its own header row */
  attachment2: z.strictObject({
    ...heading,
    form: id,
    columns: z.strictObject({ commitment: id, ...itemColumns }),
    sections: z.array(z.strictObject({ category: id, headers: line.length(5) })).min(1),
    /** the same for every section */
    widths: widths(5),
    /** the one row under the header of a section without a collective */
    none: cell,
    notes: line,
  }),
  /** the list to publish (附件1's items first, then 附件2's), and the office's detail sheet */
  list: z.strictObject({
    sheetName: cell,
    title: cell,
    /** name, commitment, item, type */
    publicHeaders: line.length(4),
    publicWidths: widths(4),
    detailSheetName: cell,
    /** unit, city, industry, category, commitment, item, type, submitted at, late */
    headers: line.length(9),
    detailWidths: widths(9),
    /** the late column of a late submission */
    late: cell,
  }),
  /** the zip of the activity briefs: a folder of files per unit, and a workbook listing them */
  briefs: z.strictObject({
    form: id,
    /** each may be left out: a brief without it leaves its column empty */
    columns: z.strictObject({
      summary: id.optional(),
      links: z.strictObject({ list: id, field: id }).optional(),
      files: z.strictObject({ list: id, field: id }).optional(),
    }),
    sheetName: cell,
    /** unit, city, industry, kind, summary, links, files, submitted at */
    headers: line.length(8),
    widths: widths(8),
    indexName: cell,
    fileName: sentence(['scope', 'date']),
    partFileName: sentence(['scope', 'date', 'n!', 'total!']),
    missingFile: sentence(['name!']),
    notSubmitted: cell,
    unnamedFile: cell,
    unnamedUnit: cell,
  }),
  /** the words that name each table in an admin's chat and on the command line */
  words: z.strictObject({ attachment1: words1, attachment2: words1, list: words1, briefs: words1 }),
  reporterLine: sentence(['reporter!']),
  reporter: z.strictObject({ province: cell, cityFallback: sentence(['city']), industryFallback: sentence(['industry']) }),
  /** how the 提交时间 columns write a time, as a dayjs format (in the campaign's time zone) */
  timeFormat: text,
  /** written after a name when the version exported came after the deadline */
  lateMark: cell,
  /** the 类别 column: a collective by its categories (none: `other`), any other unit by its kind */
  categories: z.record(id, cell),
  categorySeparator: joiner,
  fileName: sentence(['table', 'scope', 'date']),
  fileTables: z.strictObject({ attachment1: cell, attachment2: cell, list: cell }),
  scopeNames: z.strictObject({ province: cell }),
  fonts: z.strictObject({ body: text, title: text }),
});

export type Exports = z.infer<typeof ExportsSchema>;

/** Checks that each form and field the exports name exists, and holds what its column shows. */
export function checkExports(exports: Exports, forms: readonly Form[], categories: readonly string[], ctx: z.RefinementCtx): void {
  const at = (...path: (string | number)[]) => ['exports', ...path];
  const formOf = (formId: string, path: (string | number)[]) => {
    const form = forms.find((f) => f.id === formId);
    if (!form) ctx.addIssue({ code: 'custom', path: at(...path), message: `no form ${formId}` });
    return form;
  };
  const fieldOf = (form: Form | undefined, fieldId: string, kind: 'text' | 'list', path: (string | number)[]) => {
    if (!form) return undefined;
    const field = form.fields.find((f) => f.id === fieldId);
    if (!field || field.kind !== kind) ctx.addIssue({ code: 'custom', path: at(...path), message: `form ${form.id} has no ${kind} field ${fieldId}` });
    return field?.kind === 'list' ? field : undefined;
  };
  const subField = (list: ReturnType<typeof fieldOf>, fieldId: string, path: (string | number)[]) => {
    if (list && !list.fields.some((f) => f.id === fieldId))
      ctx.addIssue({ code: 'custom', path: at(...path), message: `list ${list.id} has no field ${fieldId}` });
  };
  const items = (table: 'attachment1' | 'attachment2', form: Form | undefined) => {
    const { columns } = exports[table];
    const list = fieldOf(form, columns.items, 'list', [table, 'columns', 'items']);
    subField(list, columns.content, [table, 'columns', 'content']);
    subField(list, columns.type, [table, 'columns', 'type']);
  };
  const a1 = formOf(exports.attachment1.form, ['attachment1', 'form']);
  fieldOf(a1, exports.attachment1.columns.name, 'text', ['attachment1', 'columns', 'name']);
  items('attachment1', a1);
  const a2 = formOf(exports.attachment2.form, ['attachment2', 'form']);
  fieldOf(a2, exports.attachment2.columns.commitment, 'text', ['attachment2', 'columns', 'commitment']);
  items('attachment2', a2);
  const briefs = formOf(exports.briefs.form, ['briefs', 'form']);
  const { summary, links, files } = exports.briefs.columns;
  if (summary !== undefined) fieldOf(briefs, summary, 'text', ['briefs', 'columns', 'summary']);
  for (const [key, pair] of [['links', links] as const, ['files', files] as const]) {
    if (pair) subField(fieldOf(briefs, pair.list, 'list', ['briefs', 'columns', key, 'list']), pair.field, ['briefs', 'columns', key, 'field']);
  }
  exports.attachment2.sections.forEach((section, i) => {
    if (!categories.includes(section.category)) {
      ctx.addIssue({ code: 'custom', path: at('attachment2', 'sections', i, 'category'), message: `${section.category} is not one of categories.codes` });
    }
  });
  for (const code of [...categories, ...UnitKindSchema.exclude(['collective']).options]) {
    if (!(code in exports.categories)) ctx.addIssue({ code: 'custom', path: at('categories', code), message: `missing: the category column names ${code}` });
  }
}
