// One step of a form conversation, without side effects: restore the stored snapshot, apply the event with
// XState's pure transition, and return the next snapshot (ready to store) and what to say.
import { createActor, initialTransition, transition, type SnapshotFrom } from 'xstate';
import { z } from 'zod';
import { MessagesSchema, type Campaign, type Form } from '../campaign/schema.js';
import { AnswersSchema, type Answers } from './draft.js';
import { buildFormMachine, machineVersion, questionOf, type FormEvent, type FormMachine } from './machine.js';
import type { At, Say } from './say.js';

export interface FormRuntime {
  form: Form;
  machine: FormMachine;
  version: string;
}

export type FormSnapshot = SnapshotFrom<FormMachine>;

/** How a step left the form: still asking, or ended one of three ways. */
export type Outcome = 'active' | 'submitted' | 'cancelled' | 'done';

export interface Step {
  snapshot: FormSnapshot;
  /** JSON-ready persisted snapshot */
  persisted: unknown;
  answers: Answers;
  says: Say[];
  outcome: Outcome;
}

export function createRuntime(campaign: Campaign, form: Form): FormRuntime {
  return { form, machine: buildFormMachine(campaign, form), version: machineVersion(campaign, form) };
}

/** Starts a form from saved answers: the machine routes to the first question still open (or the review). */
export function startForm(runtime: FormRuntime, answers: Answers, suggestions: Record<string, string> = {}): Step {
  const [snapshot, actions] = initialTransition(runtime.machine, { answers, suggestions });
  return toStep(runtime, snapshot, actions);
}

export function stepForm(runtime: FormRuntime, snapshot: FormSnapshot, event: FormEvent): Step {
  const [next, actions] = transition(runtime.machine, snapshot, event);
  return toStep(runtime, next, actions);
}

const AtSchema: z.ZodType<At> = z.union([
  z.object({ kind: z.enum(['start', 'review', 'pasted', 'end']) }),
  z.object({ kind: z.enum(['field', 'more']), field: z.string() }),
  z.object({ kind: z.literal('entry'), field: z.string(), sub: z.string() }),
]);

const ProblemSchema = z.object({ key: MessagesSchema.keyof(), vars: z.record(z.string(), z.union([z.string(), z.number()])) });
const PastedSchema = z.object({
  commitment: z.string().optional(),
  commitmentProblem: ProblemSchema.optional(),
  entries: z.array(z.object({ content: z.string(), type: z.string().optional() })),
  problems: z.array(z.object({ line: z.number(), problem: ProblemSchema })),
  overflow: ProblemSchema.optional(),
});

/** What a stored snapshot must look like to be trusted; anything else is resumed from the saved draft. */
const PersistedSchema = z.looseObject({
  status: z.literal('active'),
  value: z.unknown(),
  context: z.object({
    answers: AnswersSchema,
    index: z.number().int().min(0),
    editing: z.boolean(),
    at: AtSchema,
    pasted: PastedSchema.nullable().optional(),
    suggestions: z.record(z.string(), z.string()).optional(),
  }),
});

/** The stored snapshot as a live one, or undefined if it does not fit this machine. */
export function restoreSnapshot(runtime: FormRuntime, stored: unknown): FormSnapshot | undefined {
  if (!PersistedSchema.safeParse(stored).success) return undefined;
  try {
    const actor = createActor(runtime.machine, { snapshot: stored as FormSnapshot, input: { answers: {} } });
    const snapshot = actor.getSnapshot();
    return snapshot.status === 'active' ? snapshot : undefined;
  } catch {
    return undefined;
  }
}

/** The current question again, as the machine would ask it. */
export function currentQuestion(snapshot: FormSnapshot): Say {
  return questionOf(snapshot.context);
}

function toStep(runtime: FormRuntime, snapshot: FormSnapshot, actions: readonly { type: string; params?: unknown }[]): Step {
  const says = actions.filter((action) => action.type === 'say').map((action) => action.params as Say);
  return {
    snapshot,
    persisted: runtime.machine.getPersistedSnapshot(snapshot),
    answers: snapshot.context.answers,
    says,
    outcome: outcomeOf(snapshot),
  };
}

function outcomeOf(snapshot: FormSnapshot): Outcome {
  if (snapshot.status !== 'done') return 'active';
  // Final states are top-level, so the value is their name.
  const value = snapshot.value as unknown;
  return value === 'submitted' || value === 'cancelled' ? value : 'done';
}
