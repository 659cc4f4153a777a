// When each form's reminders go out: the plan's steps ("3d", "1d", "3h" before the deadline, or a wall-clock
// time such as "2021-09-27 10:00"), resolved to instants, earliest first.
import type { Campaign, Form } from './schema.js';
import { parseLocal } from './time.js';

export interface ReminderStep {
  /** the step as written in the campaign file; with the form, the key of its reminders */
  id: string;
  at: Date;
}

const UNIT_MS = { d: 86_400_000, h: 3_600_000, m: 60_000 } as const;

/** "3d" → 3 days before `deadline`, "2021-09-27 10:00" → that time; undefined if the text is neither. */
export function resolveStep(step: string, deadline: Date, zone: string): Date | undefined {
  const offset = /^(\d{1,3})([dhm])$/.exec(step.trim());
  if (offset) return new Date(deadline.getTime() - Number(offset[1]) * UNIT_MS[offset[2] as keyof typeof UNIT_MS]);
  return parseLocal(step.trim(), zone);
}

/** The plan a form follows: its own, or the campaign's. */
export function planOf(campaign: Campaign, form: Form): string[] {
  return form.reminders ?? campaign.reminders.plan;
}

/** The form's steps as instants; the loader has checked that each resolves and that they are in order. */
export function reminderSteps(campaign: Campaign, form: Form, deadline: Date): ReminderStep[] {
  return planOf(campaign, form).map((id) => ({ id, at: resolveStep(id, deadline, campaign.timezone)! }));
}

/**
 * What is wrong with a plan, as messages indexed by step: a step that does not parse, one at or after the
 * deadline, or one not later than the step before it (steps overlap: each runs until the next begins).
 */
export function planProblems(plan: readonly string[], deadline: Date, zone: string): { index: number; message: string }[] {
  const problems: { index: number; message: string }[] = [];
  let previous: Date | undefined;
  plan.forEach((step, index) => {
    const at = resolveStep(step, deadline, zone);
    if (!at) {
      problems.push({ index, message: `reminder step "${step}" must read like 3d, 12h, 30m (before the deadline) or YYYY-MM-DD HH:mm` });
      return;
    }
    if (at.getTime() >= deadline.getTime()) {
      problems.push({ index, message: `reminder step "${step}" falls at or after the form's deadline` });
    } else if (previous && at.getTime() <= previous.getTime()) {
      problems.push({ index, message: `reminder step "${step}" overlaps the step before it: list the steps earliest first, each at a different time` });
    }
    previous = at;
  });
  return problems;
}
