// What the roster says for a message of an unbound group, looked up before the machine steps (the machine
// itself never reads storage): the units named like the group for 填报, the units 绑定 finds, or the units
// offered before, as they stand now (bound elsewhere meanwhile?), each with the forms it would bring along.
import type { Campaign } from '../campaign/schema.js';
import { numberReply, type CommandEvent, type TextEvent } from './commands.js';
import type { Candidate, GroupContext, RosterLookup } from './group-types.js';
import { exactMatches, rankByName } from './name-match.js';
import type { GroupStore, RosterUnit } from './store.js';

const MAX_CANDIDATES = 5;

type Input = CommandEvent | TextEvent | { type: 'group.joined' };

/** The lookup the input needs in an unbound group, or undefined when it needs none (chatter, most commands). */
export async function rosterLookup(
  campaign: Campaign,
  store: GroupStore,
  input: Input,
  context: GroupContext,
  group: { roomId: string; topic: string | null },
): Promise<RosterLookup | undefined> {
  const picks = context.candidates.length > 0 && (numberReply(input) !== undefined || input.type === 'cmd.confirm');
  const wanted = input.type === 'cmd.start' || input.type === 'group.joined' || (input.type === 'cmd.bind' && input.name !== '') || picks;
  if (!wanted) return undefined;
  const roster = await store.rosterUnits();
  if (roster.length === 0) return { empty: true, found: [], exact: false, query: '' };
  const candidate = (unit: RosterUnit) => toCandidate(campaign, store, unit, group.roomId);

  if (input.type === 'cmd.bind') {
    const exact = exactMatches(input.name, roster);
    const found = exact.length > 1 ? exact : exact.length === 1 ? exact : rankByName(input.name, roster, MAX_CANDIDATES);
    return { empty: false, found: await Promise.all(found.map(candidate)), exact: exact.length === 1, query: input.name };
  }
  if (picks) {
    const offered = context.candidates.map((c) => roster.find((unit) => unit.id === c.id)).filter((unit): unit is RosterUnit => unit !== undefined);
    return { empty: false, found: await Promise.all(offered.map(candidate)), exact: false, query: '' };
  }
  const named = group.topic ? exactMatches(group.topic, roster) : [];
  return { empty: false, found: await Promise.all(named.map(candidate)), exact: false, query: group.topic ?? '' };
}

async function toCandidate(campaign: Campaign, store: GroupStore, unit: RosterUnit, roomId: string): Promise<Candidate> {
  const { boundRoomId, boundRoomTopic, ...profile } = unit;
  return {
    unit: profile,
    where: whereOf(campaign, unit),
    boundTopic: boundRoomId !== null && boundRoomId !== roomId ? (boundRoomTopic ?? '') : null,
    forms: await store.savedForms(unit.id),
  };
}

/** "广州市、城市轨道交通": where a unit belongs, to tell apart units with similar names. */
export function whereOf(campaign: Campaign, unit: { city: string | null; industry: string | null }): string {
  return [unit.city, unit.industry].filter((part): part is string => !!part).join(campaign.formats.listSeparator);
}
