// The group machine as the rest of the code uses it, without side effects: one pure step (XState's
// transition) returning the next snapshot, what to say and what to store; restoring a stored snapshot
// (checked with zod first); the machine's version; and where a group stands, read off the snapshot.
import { createHash } from 'node:crypto';
import { createActor, initialTransition, type ActorScope, type ExecutableActionObject, type SnapshotFrom } from 'xstate';
import { z } from 'zod';
import { CategorySchema, MESSAGE_KEYS, UnitKindSchema, type Campaign, type Field, type ScalarField } from '../campaign/index.js';
import { AnswersSchema } from './draft.js';
import { buildGroupMachine, type GroupMachine } from './group-machine.js';
import type { Effect, GroupContext, GroupEvent } from './group-types.js';
import type { At, Say } from './say.js';

/** Raise when the machine's behaviour changes in a way stored snapshots cannot follow. */
export const ENGINE_VERSION = 2;

export type GroupSnapshot = SnapshotFrom<GroupMachine>;

/** What is stored of a snapshot: where the group stands and what it holds. */
export interface PersistedGroup {
  value: unknown;
  context: GroupContext;
}

export interface Step {
  snapshot: GroupSnapshot;
  says: Say[];
  effects: Effect[];
  /** false when the event changed nothing: nothing needs to be stored */
  changed: boolean;
}

/** The status of one form of the group's unit, as its region of the machine stands. */
export type FormState = 'none' | 'draft' | 'submitted' | 'late' | 'reopened';

export interface GroupEngine {
  readonly campaign: Campaign;
  readonly machine: GroupMachine;
  /** changes only when the structure of the forms does, never for a sentence */
  readonly version: string;
  initial(): GroupSnapshot;
  step(snapshot: GroupSnapshot, event: GroupEvent): Step;
  persist(snapshot: GroupSnapshot): PersistedGroup;
  /** the stored snapshot as a live one, or undefined when it does not fit this machine */
  restore(stored: unknown): GroupSnapshot | undefined;
}

export function createEngine(campaign: Campaign): GroupEngine {
  const machine = buildGroupMachine(campaign);
  const initial = initialTransition(machine)[0];
  const { scope, collected } = inertScope(machine);
  return {
    campaign,
    machine,
    version: machineVersion(campaign),
    initial: () => initial,
    step(snapshot, event) {
      collected.length = 0;
      const next = machine.transition(snapshot, event, scope);
      const says: Say[] = [];
      const effects: Effect[] = [];
      for (const action of collected) {
        if (action.type === 'say') says.push(action.params as Say);
        else if (action.type === 'effect') effects.push(action.params as Effect);
      }
      const changed = next.value !== snapshot.value || next.context !== snapshot.context;
      return { snapshot: next, says, effects, changed };
    },
    persist: (snapshot) => ({ value: snapshot.value, context: snapshot.context }),
    restore(stored) {
      const parsed = PersistedSchema.safeParse(stored);
      if (!parsed.success) return undefined;
      try {
        const snapshot = machine.resolveState({ value: parsed.data.value as GroupSnapshot['value'], context: parsed.data.context });
        return snapshot.status === 'active' ? snapshot : undefined;
      } catch {
        return undefined;
      }
    },
  };
}

/**
 * The scope every step runs in, made once. XState's `transition()` builds a new actor per call (which
 * works out the machine's whole initial snapshot) only to hand `machine.transition` an inert scope that
 * collects the actions instead of running them; that was most of a step's time and garbage. This scope is
 * that inert scope, kept: the machine has no children, delays or emitted events, so nothing else in it is
 * used, and steps run one at a time.
 */
function inertScope(machine: GroupMachine): { scope: ActorScope<GroupSnapshot, GroupEvent>; collected: ExecutableActionObject[] } {
  const self = createActor(machine);
  const collected: ExecutableActionObject[] = [];
  const scope: ActorScope<GroupSnapshot, GroupEvent> = {
    self,
    id: '',
    sessionId: '',
    logger: () => {},
    defer: () => {},
    emit: () => {},
    system: self.system,
    stopChild: () => {},
    actionExecutor: (action) => {
      collected.push(action);
    },
  };
  return { scope, collected };
}

/** The question the group stands at, named by the asking state's meta; undefined when nothing is asked. */
export function questionAt(snapshot: GroupSnapshot): At | undefined {
  for (const meta of Object.values(snapshot.getMeta())) {
    if (meta?.ask) return meta.ask;
  }
  return undefined;
}

/** The form being filled in the group, if one is open. */
export function openForm(snapshot: GroupSnapshot, campaign: Campaign): string | null {
  return campaign.forms.find((form) => snapshot.hasTag(`filling:${form.id}`))?.id ?? null;
}

/** The status of one form of the bound unit, as its region of the machine stands. */
export function formState(snapshot: GroupSnapshot, formId: string): FormState {
  if (snapshot.hasTag(`reopened:${formId}`)) return 'reopened';
  if (snapshot.hasTag(`late:${formId}`)) return 'late';
  if (snapshot.hasTag(`submitted:${formId}`)) return 'submitted';
  return snapshot.hasTag(`draft:${formId}`) ? 'draft' : 'none';
}

/** A short stable fingerprint of the forms' structure: fields, kinds, limits, choices and order, no sentences. */
export function machineVersion(campaign: Campaign): string {
  const scalar = (field: ScalarField) => {
    switch (field.kind) {
      case 'text':
        return {
          id: field.id,
          kind: field.kind,
          min: field.minChars,
          max: field.maxChars,
          unique: field.unique,
          prefill: field.prefill ?? null,
          optional: field.optional,
          paragraphs: field.paragraphs,
        };
      case 'choice':
        return { id: field.id, kind: field.kind, choices: (campaign.choiceSets[field.choices] ?? []).map((choice) => choice.value) };
      case 'url':
        return { id: field.id, kind: field.kind, max: field.maxChars };
      case 'media':
        return { id: field.id, kind: field.kind, accept: field.accept, max: field.maxBytes };
    }
  };
  const field = (f: Field) => (f.kind === 'list' ? { id: f.id, kind: f.kind, min: f.minItems, max: f.maxItems, fields: f.fields.map(scalar) } : scalar(f));
  const structure = {
    engine: ENGINE_VERSION,
    forms: campaign.forms.map((form) => ({ id: form.id, review: form.review, fields: form.fields.map(field), completeWith: form.completeWith?.anyOf ?? null })),
    registration: scalar(campaign.registration),
  };
  return `${ENGINE_VERSION}.${createHash('sha256').update(JSON.stringify(structure)).digest('hex').slice(0, 12)}`;
}

const ProblemSchema = z.object({ key: z.enum(MESSAGE_KEYS), vars: z.record(z.string(), z.union([z.string(), z.number()])) });
const PastedSchema = z.object({
  commitment: z.string().optional(),
  commitmentProblem: ProblemSchema.optional(),
  entries: z.array(z.object({ content: z.string(), type: z.string().optional() })),
  problems: z.array(z.object({ line: z.number(), problem: ProblemSchema })),
  overflow: ProblemSchema.optional(),
});
const PersonSchema = z.object({ id: z.string(), name: z.string() });
/** A snapshot written before units held several categories has `category`: read as a list of one. */
const withCategories = (unit: unknown) => {
  if (unit === null || typeof unit !== 'object' || 'categories' in unit || !('category' in unit)) return unit;
  const { category, ...rest } = unit as { category: unknown };
  return { ...rest, categories: category === null ? [] : [category] };
};
const UnitSchema = z.preprocess(
  withCategories,
  z.object({
    id: z.number().int(),
    name: z.string(),
    kind: UnitKindSchema,
    categories: z.array(CategorySchema),
    city: z.string().nullable(),
    industry: z.string().nullable(),
  }),
);
const FormRecordSchema = z.object({
  answers: AnswersSchema,
  version: z.number().int().min(0),
  submittedAt: z.number().nullable(),
  late: z.boolean(),
});

/** What a stored snapshot must look like to be trusted; anything else is rebuilt from the saved forms. */
const PersistedSchema = z.object({
  value: z.union([z.string(), z.record(z.string(), z.unknown())]),
  context: z.object({
    unit: UnitSchema.nullable(),
    owner: PersonSchema.nullable(),
    forms: z.record(z.string(), FormRecordSchema),
    index: z.number().int().min(0),
    editing: z.boolean(),
    pasted: PastedSchema.nullable(),
    suggestions: z.record(z.string(), z.string()),
    candidates: z.array(z.object({ id: z.number().int(), name: z.string(), where: z.string() })),
    choices: z.array(z.string()),
    // Kept by states stored before they existed: they default.
    choosingFor: z.enum(['start', 'reopen']).default('start'),
    wanted: z.string().nullable().default(null),
    quiet: z.boolean().default(false),
    pending: z.string().nullable().default(null),
    told: z.array(z.string()).default([]),
    early: z.array(z.string()).default([]),
  }),
});
