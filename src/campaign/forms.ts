// Questions the rest of the code asks of a campaign: which form, its deadline, its choices and their menu.
import type { Campaign, Choice, ChoiceField, Form, UnitKind, Category, TextField } from './schema.js';
import { fill } from './text.js';
import { parseLocal } from './time.js';

/** The form's field of this role (form-schema.ts), if it has one. */
export function fieldWithRole(form: Form, role: NonNullable<TextField['role']>): TextField | undefined {
  return form.fields.find((field): field is TextField => field.kind === 'text' && field.role === role);
}

export function findForm(campaign: Campaign, formId: string): Form | undefined {
  return campaign.forms.find((form) => form.id === formId);
}

/** Deadlines as instants, by form and zone: parsing a local time is slow and guards ask for it at every step. */
const deadlines = new WeakMap<Form, Map<string, Date>>();

export function deadlineOf(campaign: Campaign, form: Form): Date {
  let byZone = deadlines.get(form);
  if (!byZone) {
    byZone = new Map();
    deadlines.set(form, byZone);
  }
  let deadline = byZone.get(campaign.timezone);
  if (!deadline) {
    // The loader has checked every deadline, so this cannot fail past start-up.
    deadline = parseLocal(form.deadline, campaign.timezone)!;
    byZone.set(campaign.timezone, deadline);
  }
  return new Date(deadline.getTime());
}

/** Whether the form still takes a submission at `at`: always before its deadline, after it only if it accepts late ones. */
export function acceptsSubmission(campaign: Campaign, form: Form, at: Date): boolean {
  return at.getTime() <= deadlineOf(campaign, form).getTime() || (form.late ?? campaign.lateSubmissions) === 'accept';
}

export function choicesOf(campaign: Campaign, field: ChoiceField): Choice[] {
  return campaign.choiceSets[field.choices] ?? [];
}

/** The numbered choices of a field in rows ("1 优化办事流程　2 规范审批行为　3 提高服务质量"), as a question shows them. */
export function choiceMenu(campaign: Campaign, field: ChoiceField): string {
  const { formats } = campaign;
  const options = choicesOf(campaign, field).map((choice, i) => fill(formats.choiceOption, { n: i + 1, value: choice.value }));
  const rows: string[] = [];
  for (let i = 0; i < options.length; i += formats.choiceColumns) {
    rows.push(options.slice(i, i + formats.choiceColumns).join(formats.choiceColumnSeparator));
  }
  return rows.join('\n');
}

export interface UnitProfile {
  kind: UnitKind;
  /** a collective's categories (one or more); none for the other kinds */
  categories?: readonly Category[];
}

/** A unit's categories: a collective without any (an empty 类别, one made in a chat) is of the campaign's default. */
export function categoriesOf(campaign: Campaign, unit: UnitProfile): readonly Category[] {
  const categories = unit.categories ?? [];
  return unit.kind === 'collective' && categories.length === 0 ? [campaign.categories.default] : categories;
}

/** The forms a unit has to fill, in the order of the campaign file. */
export function formsFor(campaign: Campaign, unit: UnitProfile): Form[] {
  const categories = categoriesOf(campaign, unit);
  return campaign.forms.filter((form) =>
    form.appliesTo.some(
      (rule) => rule.kind === unit.kind && (rule.categories === undefined || categories.some((category) => rule.categories!.includes(category))),
    ),
  );
}
