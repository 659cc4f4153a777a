// How a form starts for a unit: what the roster offers as answers, the saved answers of a snapshot that no
// longer fits, and the one-question form that asks an unbound group for its name.
import type { Campaign, Form } from '../campaign/schema.js';
import { AnswersSchema, type Answers } from './draft.js';
import type { UnitRecord } from './store.js';

/** The id of the pseudo-form that asks an unbound group for its collective's name. */
export const REGISTRATION_FORM_ID = '_registration';

/** What the roster can answer for the form's top-level text fields that say so (附件1's 行业（系统）名称). */
export function suggestionsFor(form: Form, unit: UnitRecord): Record<string, string> {
  const suggestions: Record<string, string> = {};
  for (const field of form.fields) {
    if (field.kind !== 'text' || !field.prefill) continue;
    const value = unit[field.prefill];
    if (value) suggestions[field.id] = value;
  }
  return suggestions;
}

/** The answers inside a stored snapshot that no longer fits the machine, if they can still be read. */
export function answersOf(snapshot: unknown): Answers {
  const answers = (snapshot as { context?: { answers?: unknown } } | null)?.context?.answers;
  const parsed = AnswersSchema.safeParse(answers);
  return parsed.success ? parsed.data : {};
}

/** The one-question form that asks an unbound group for its collective's name. */
export function registrationForm(campaign: Campaign): Form {
  const first = campaign.forms[0]!;
  return {
    ...first,
    id: REGISTRATION_FORM_ID,
    review: false,
    fields: [campaign.registration],
  };
}
