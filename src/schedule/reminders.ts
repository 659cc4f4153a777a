// Reminder rounds: for each form and each step of its plan, the groups whose unit has not handed the form
// in, queued in the outbox once (keyed by form, unit and step), least advanced first. A round starts at
// its step, or earlier when the send limits could not reach every group before the next step; a step
// whose window passed while the bot was down is skipped and logged, never sent late.
import { z } from 'zod';
import { deadlineOf, formsFor } from '../campaign/index.js';
import { reminderSteps } from '../campaign/index.js';
import type { Campaign, Catalogue, Form } from '../campaign/index.js';
import type { Logger } from '../log/index.js';
import { openAnswers, progressOf } from './reminder-text.js';
import type { Routes } from './sender.js';
import { accountsMore, planSpread, type AccountBudget, type Reachable } from './spread.js';
import type { NewOutboxRow, RemindableUnit, ScheduleStore } from './store.js';
import { both, operatorTexts, sayBoth } from '../texts/index.js';

/** The reminders' line for the operator, in texts/operator.yaml (scheduler). */
export const SCHEDULER_TEXTS = { stepsSkipped: both(['count!']) } as const satisfies Catalogue;

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
  /** accounts more that would carry it */
  accounts: number;
  /** with several accounts: the groups left over, by the accounts in them (their unit's names) */
  stranded: { accounts: string[]; names: string[] }[];
}

export interface ReminderPlannerOptions {
  campaign: Campaign;
  store: ScheduleStore;
  /** each account's send limits as they stand at `now` */
  budgets: (now: Date) => Promise<AccountBudget[]>;
  /** which accounts can reach a group */
  routes: Routes;
  log: Logger;
}

/** What a round must reach: the group of each unit, by an id of its own (a unit, or a pending reminder's key). */
interface Target {
  id: string;
  roomId: string;
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
      const others = (await store.pendingTargets('reminder')).filter((row) => !row.key.startsWith(`reminder:${window.form.id}:`));
      const groups = await this.reachable([...others.map((row) => ({ id: row.key, roomId: row.target })), ...unitTargets(due)]);
      const budgets = await this.options.budgets(now);
      const round = planSpread(groups, window.at, window.end, window.earliest, budgets);
      if (now < round.start) continue;
      // A group still waiting for the step before hears from this one instead: one reminder, not two.
      await store.supersede(window.form.id, window.step, now);
      const added = await store.enqueue(rows(window.form, window.step, due, now, window.end));
      const shortfall = planSpread(groups, now, window.end, now, budgets).spread.short;
      await store.saveRound({ key: window.key, formId: window.form.id, step: window.step, status: 'planned', recipients: added, shortfall, at: now });
      log.info({ form: window.form.id, step: window.step, groups: added, shortfall, early: round.start < window.at }, 'reminder round queued');
    }
    // One line for all of them: a bot started after the campaign would otherwise open with a dozen.
    if (skipped.length > 0) {
      log.debug({ steps: skipped }, 'reminder steps skipped');
      log.warn(sayBoth(operatorTexts('scheduler', SCHEDULER_TEXTS).stepsSkipped, { count: skipped.length }));
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

  /**
   * Rounds ahead (or under way) that the accounts cannot carry to every group in time: for a round under
   * way, what it still has to send behind the other reminders waiting; for one ahead, every unit that owes
   * the form, from the round's earliest start.
   */
  async shortfalls(now: Date): Promise<Shortfall[]> {
    const { campaign, store } = this.options;
    const result: Shortfall[] = [];
    const budgets = await this.options.budgets(now);
    const pending = await store.pendingTargets('reminder');
    let units: RemindableUnit[] | undefined;
    const names = async () => {
      units ??= await store.units();
      return new Map(units.flatMap((unit) => (unit.roomId ? [[unit.roomId, unit.name] as const] : [])));
    };
    for (const window of this.windows) {
      if (now >= window.end) continue;
      const round = await store.round(window.key);
      if (round?.status === 'skipped') continue;
      let targets: Target[];
      let from: Date;
      let own: (id: string) => boolean;
      if (round) {
        const prefix = `reminder:${window.form.id}:`;
        // This round's groups last among those waiting: what cannot be carried is counted against it.
        const sorted = [...pending.filter((row) => !row.key.startsWith(prefix)), ...pending.filter((row) => row.key.startsWith(prefix))];
        targets = sorted.map((row) => ({ id: row.key, roomId: row.target }));
        from = now;
        own = (id) => id.startsWith(prefix);
      } else {
        units ??= await store.units();
        targets = unitTargets(owing(campaign, window.form, units));
        from = now > window.earliest ? now : window.earliest;
        own = () => true;
      }
      if (!targets.some((target) => own(target.id))) continue;
      const groups = await this.reachable(targets);
      const plan = planSpread(groups, round ? now : window.at, window.end, from, budgets);
      const stranded = plan.spread.stranded.map((left) => ({ accounts: left.accounts, ids: left.groups.filter(own) })).filter((left) => left.ids.length > 0);
      const count = stranded.reduce((sum, left) => sum + left.ids.length, 0);
      if (count === 0) continue;
      const roomOf = new Map(targets.map((target) => [target.id, target.roomId]));
      const named = await names();
      result.push({
        form: window.form,
        step: window.step,
        at: window.at,
        count,
        accounts: accountsMore(plan.spread.short, plan.capacity, budgets.length),
        stranded:
          budgets.length > 1
            ? stranded.map((left) => ({ accounts: left.accounts, names: left.ids.map((id) => named.get(roomOf.get(id) ?? '') ?? roomOf.get(id) ?? id) }))
            : [],
      });
    }
    return result;
  }

  /** Each target with the accounts that can reach its group; a group is looked up once. */
  private async reachable(targets: readonly Target[]): Promise<Reachable[]> {
    const known = new Map<string, string[]>();
    const result: Reachable[] = [];
    for (const target of targets) {
      let accounts = known.get(target.roomId);
      if (!accounts) {
        accounts = await this.options.routes({ kind: 'reminder', target: target.roomId });
        known.set(target.roomId, accounts);
      }
      result.push({ id: target.id, accounts });
    }
    return result;
  }
}

function unitTargets(due: ReturnType<typeof owing>): Target[] {
  return due.map(({ unit }) => ({ id: `unit:${unit.id}`, roomId: unit.roomId! }));
}
