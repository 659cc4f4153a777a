// Reminder rounds: for each form and each step of its plan, the groups whose unit has not handed the form
// in, queued in the outbox once (keyed by form, unit and step), least advanced first. A round starts at
// its step, or earlier when the send limits could not reach every group before the next step; a step
// whose window passed while the bot was down is skipped and logged, never sent late.
import { z } from 'zod';
import { deadlineOf, formsFor } from '../campaign/forms.js';
import { reminderSteps } from '../campaign/reminder-plan.js';
import type { Campaign, Form } from '../campaign/schema.js';
import type { Logger } from '../log.js';
import { accountsNeeded, capacity, planRound, type BudgetContext } from './budget.js';
import { openAnswers, progressOf } from './reminder-text.js';
import type { NewOutboxRow, RemindableUnit, ScheduleStore } from './store.js';

export const ReminderPayloadSchema = z.object({
  formId: z.string(),
  unitId: z.number().int(),
  step: z.string(),
  unitName: z.string(),
});
export type ReminderPayload = z.infer<typeof ReminderPayloadSchema>;

/** One step of a form's plan and the stretch it has: until the next step, or the deadline. */
export interface StepWindow {
  key: string;
  form: Form;
  step: string;
  at: Date;
  end: Date;
  /** the earliest the round may start when the limits are tight: the step before, or one window length earlier */
  earliest: Date;
}

export function stepWindows(campaign: Campaign): StepWindow[] {
  return campaign.forms.flatMap((form) => {
    const deadline = deadlineOf(campaign, form);
    const steps = reminderSteps(campaign, form, deadline);
    return steps.map((step, i) => {
      const end = steps[i + 1]?.at ?? deadline;
      const earliest = steps[i - 1]?.at ?? new Date(step.at.getTime() - (end.getTime() - step.at.getTime()));
      return { key: `${form.id}:${step.id}`, form, step: step.id, at: step.at, end, earliest };
    });
  });
}

/** Units with a bound group that still owe `form`, least advanced first. */
export function owing(campaign: Campaign, form: Form, units: readonly RemindableUnit[]): { unit: RemindableUnit; progress: number }[] {
  const due: { unit: RemindableUnit; progress: number }[] = [];
  for (const unit of units) {
    if (!unit.roomId || !formsFor(campaign, unit).some((f) => f.id === form.id)) continue;
    const answers = openAnswers(unit, form);
    if (answers) due.push({ unit, progress: progressOf(form, answers) });
  }
  return due.sort((a, b) => a.progress - b.progress || a.unit.id - b.unit.id);
}

function rows(form: Form, step: string, due: ReturnType<typeof owing>, now: Date, expiresAt: Date): NewOutboxRow[] {
  return due.map(({ unit, progress }) => ({
    key: `reminder:${form.id}:${unit.id}:${step}`,
    kind: 'reminder',
    target: unit.roomId!,
    payload: { formId: form.id, unitId: unit.id, step, unitName: unit.name } satisfies ReminderPayload,
    // Digests (0) go before reminders; among reminders, the least advanced units first.
    priority: 1 + progress,
    notBefore: now,
    expiresAt,
  }));
}

export interface Shortfall {
  form: Form;
  step: string;
  /** when the step is due */
  at: Date;
  count: number;
  accounts: number;
}

export interface ReminderPlannerOptions {
  campaign: Campaign;
  store: ScheduleStore;
  /** the send limits as they stand at `now` */
  budget: (now: Date) => Promise<BudgetContext>;
  log: Logger;
}

export class ReminderPlanner {
  private readonly windows: StepWindow[];

  constructor(private readonly options: ReminderPlannerOptions) {
    this.windows = stepWindows(options.campaign);
  }

  /** The earliest moment any round may begin: when digests start too. */
  get firstWindow(): Date | undefined {
    const times = this.windows.map((w) => w.earliest.getTime());
    return times.length > 0 ? new Date(Math.min(...times)) : undefined;
  }

  /** Queues every round due at `now`, once. */
  async plan(now: Date): Promise<void> {
    const { campaign, store, log } = this.options;
    let units: RemindableUnit[] | undefined;
    const skipped: string[] = [];
    for (const window of this.windows) {
      if (now < window.earliest || (await store.round(window.key))) continue;
      if (now >= window.end) {
        await store.saveRound({ key: window.key, formId: window.form.id, step: window.step, status: 'skipped', recipients: 0, shortfall: 0, at: now });
        skipped.push(`${window.form.id}/${window.step}`);
        continue;
      }
      units ??= await store.units();
      const due = owing(campaign, window.form, units);
      // The round competes with other forms' reminders still waiting; this form's are superseded by it.
      const need = due.length + (await store.pendingCount('reminder', window.form.id));
      const context = await this.options.budget(now);
      const round = planRound(need, window.at, window.end, window.earliest, context);
      if (now < round.start) continue;
      // A group still waiting for the step before hears from this one instead: one reminder, not two.
      await store.supersede(window.form.id, window.step, now);
      const added = await store.enqueue(rows(window.form, window.step, due, now, window.end));
      const shortfall = Math.max(0, need - capacity(now, window.end, context));
      await store.saveRound({ key: window.key, formId: window.form.id, step: window.step, status: 'planned', recipients: added, shortfall, at: now });
      log.info({ form: window.form.id, step: window.step, groups: added, shortfall, early: round.start < window.at }, 'reminder round queued');
    }
    // One line for all of them: a bot started after the campaign would otherwise open with a dozen.
    if (skipped.length > 0) {
      log.debug({ steps: skipped }, 'reminder steps skipped');
      log.warn(`${skipped.length}个提醒时点在机器人未运行时已过，不再补发 / ${skipped.length} reminder steps passed while the bot was not running; skipped`);
    }
  }

  /** An admin's round now, for the units `include` lets through; returns how many groups it reaches. */
  async remindNow(form: Form, now: Date, include: (unit: RemindableUnit) => boolean): Promise<number> {
    const due = owing(this.options.campaign, form, (await this.options.store.units()).filter(include));
    const deadline = deadlineOf(this.options.campaign, form);
    // Before the deadline a round is worth sending until then; after it (chasing late units), for a day.
    const expiresAt = deadline > now ? deadline : new Date(now.getTime() + 86_400_000);
    const step = `manual-${now.toISOString()}`;
    await this.options.store.supersede(form.id, step, now);
    return this.options.store.enqueue(rows(form, step, due, now, expiresAt));
  }

  /** Rounds ahead (or under way) that the limits cannot carry to every group in time. */
  async shortfalls(now: Date): Promise<Shortfall[]> {
    const { campaign, store } = this.options;
    const result: Shortfall[] = [];
    const context = await this.options.budget(now);
    const planned = new Map((await store.roundsShort()).map((round) => [round.key, round]));
    let units: RemindableUnit[] | undefined;
    for (const window of this.windows) {
      if (now >= window.end) continue;
      const round = planned.get(window.key);
      if (round) {
        result.push({ form: window.form, step: window.step, at: window.at, count: round.shortfall, accounts: accountsNeeded(round.recipients, Math.max(0, round.recipients - round.shortfall)) });
        continue;
      }
      if (await store.round(window.key)) continue;
      units ??= await store.units();
      const need = owing(campaign, window.form, units).length;
      const plan = planRound(need, window.at, window.end, now > window.earliest ? now : window.earliest, context);
      if (plan.shortfall > 0) result.push({ form: window.form, step: window.step, at: window.at, count: plan.shortfall, accounts: accountsNeeded(need, plan.capacity) });
    }
    return result;
  }
}
