// Questions the rest of the code asks of a campaign: which form, its deadline, its choices.
import type { Campaign, Choice, ChoiceField, Form, UnitKind, Category } from './schema.js';
import { parseLocal } from './time.js';

export function findForm(campaign: Campaign, formId: string): Form | undefined {
  return campaign.forms.find((form) => form.id === formId);
}

export function deadlineOf(campaign: Campaign, form: Form): Date {
  // The loader has checked every deadline, so this cannot fail past start-up.
  return parseLocal(form.deadline, campaign.timezone)!;
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
  category?: Category | null;
}

/** The forms a unit has to fill, in the order of the campaign file. */
export function formsFor(campaign: Campaign, unit: UnitProfile): Form[] {
  return campaign.forms.filter((form) =>
    form.appliesTo.some(
      (rule) =>
        rule.kind === unit.kind &&
        (rule.categories === undefined || (unit.category != null && rule.categories.includes(unit.category))),
    ),
  );
}
