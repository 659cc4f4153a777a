// Questions the rest of the code asks of a campaign: which form, its deadline, its choices.
import type { Campaign, Choice, ChoiceField, Form, UnitKind, Category } from './schema.js';
import { parseLocal } from './time.js';

export function findForm(campaign: Campaign, formId: string): Form | undefined {
  return campaign.forms.find((form) => form.id === formId);
}

/** Deadlines as instants, by form and zone: parsing a local time is slow and guards ask for it at every step. */
const deadlines = new WeakMap<Form, Map<string, Date>>();

export function deadlineOf(campaign: Campaign, form: Form): Date {
  let byZone = deadlines.get(form);
  if (!byZone) deadlines.set(form, (byZone = new Map()));
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

export interface UnitProfile {
  kind: UnitKind;
  /** a collective's categories (one or more); none for the other kinds */
  categories?: readonly Category[];
}

/** The forms a unit has to fill, in the order of the campaign file. */
export function formsFor(campaign: Campaign, unit: UnitProfile): Form[] {
  return campaign.forms.filter((form) =>
    form.appliesTo.some(
      (rule) =>
        rule.kind === unit.kind &&
        (rule.categories === undefined || (unit.categories ?? []).some((category) => rule.categories!.includes(category))),
    ),
  );
}
