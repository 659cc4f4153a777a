// What one step of a group writes, in one transaction: the handled message, the group's new state with what
// the row says besides it, the answers that changed, the effects, the group's topic and members when it
// binds, and the replies counted toward the sending account's limits.
import type { Campaign } from '../campaign/index.js';
import { localDay } from '../campaign/index.js';
import { openForm, type GroupEngine, type GroupSnapshot, type Step } from './engine.js';
import type { SeenGroup } from './incoming.js';
import type { GroupWrite } from './store.js';

export interface StepInput {
  roomId: string;
  messageId: string | null;
  actor: string;
  at: Date;
  /** the revision the step was computed from */
  revision: number;
  /** the group before the step */
  before: GroupSnapshot;
  step: Step;
  /** how many replies the step sends */
  replies: number;
  seen: SeenGroup | undefined;
}

export async function stepWrite(engine: GroupEngine, campaign: Campaign, input: StepInput): Promise<GroupWrite> {
  const { roomId, messageId, actor, at, revision, step, replies, seen } = input;
  const { context } = step.snapshot;
  const before = input.before.context;
  const owner = context.owner;
  // The topic and members are kept when a group binds, and when it asks for a unit bound elsewhere (the admins
  // are asked to move it there, by the group's name).
  const keepsSeen = step.effects.some((effect) => effect.kind === 'bind' || effect.kind === 'register' || effect.kind === 'moveRequested');
  // A group that has just bound its unit took the unit's saved answers over: nothing of them to write.
  const drafts =
    before.unit === null
      ? []
      : Object.entries(context.forms)
          .filter(([formId, record]) => record.answers !== before.forms[formId]?.answers)
          .map(([formId, record]) => ({ formId, answers: record.answers }));
  return {
    roomId,
    revision,
    messageId,
    at,
    actor,
    version: engine.version,
    state: engine.persist(step.snapshot),
    unitId: context.unit?.id ?? null,
    ownerId: owner?.id ?? null,
    ownerName: owner?.name ?? null,
    formId: openForm(step.snapshot, campaign),
    ...(keepsSeen && seen ? { seen: { topic: seen.topic, members: (await seen.members?.()) ?? [], memberIds: (await seen.memberIds?.()) ?? [] } } : {}),
    drafts: context.unit ? drafts : [],
    effects: step.effects,
    ...(replies > 0 && seen?.account ? { sends: { account: seen.account, day: localDay(at, campaign.timezone), count: replies } } : {}),
  };
}
