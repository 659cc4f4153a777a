// What the roster says for a message of an unbound group, looked up before the machine steps (the machine
// itself never reads storage): the units named like the group for 填报, the units 绑定 finds, or the units
// offered before, as they stand now (bound elsewhere meanwhile?). A unit the message may bind brings its
// saved forms along.
import type { Campaign } from '../campaign/index.js';
import { numberReply } from './commands.js';
import type { Candidate, GroupContext, RosterLookup, UnitProfile, UserEvent } from './group-types.js';
import { normalizeName, rankByName } from './name-match.js';
import type { GroupStore } from './store.js';

const MAX_CANDIDATES = 5;

/** The roster by normalised name, kept for as long as the store hands back the same roster. */
const byName = new WeakMap<readonly UnitProfile[], Map<string, UnitProfile[]>>();

function exactly(roster: readonly UnitProfile[], name: string): UnitProfile[] {
  let index = byName.get(roster);
  if (!index) {
    index = new Map();
    for (const unit of roster) {
      const key = normalizeName(unit.name);
      index.set(key, [...(index.get(key) ?? []), unit]);
    }
    byName.set(roster, index);
  }
  return index.get(normalizeName(name)) ?? [];
}

/** The lookup the input needs in an unbound group, or undefined when it needs none (chatter, most commands). */
export async function rosterLookup(
  campaign: Campaign,
  store: GroupStore,
  input: UserEvent,
  context: GroupContext,
  group: { roomId: string; topic: string | null },
): Promise<RosterLookup | undefined> {
  const picks = context.candidates.length > 0 && (numberReply(input) !== undefined || input.type === 'cmd.confirm' || input.type === 'cmd.yes');
  const wanted = input.type === 'cmd.start' || input.type === 'group.joined' || (input.type === 'cmd.bind' && input.name !== '') || picks;
  if (!wanted) return undefined;
  const roster = await store.rosterUnits();
  if (roster.length === 0) return { empty: true, found: [], exact: false, query: '' };

  if (input.type === 'cmd.bind') {
    const exact = exactly(roster, input.name);
    if (exact.length === 1) return { empty: false, found: await candidates(campaign, store, exact, group.roomId, true), exact: true, query: input.name };
    const found = exact.length > 1 ? exact : rankByName(input.name, roster, campaign.matching.commonNameWords, MAX_CANDIDATES);
    return { empty: false, found: await candidates(campaign, store, found, group.roomId, false), exact: false, query: input.name };
  }
  if (picks) {
    const ids = new Set(context.candidates.map((c) => c.id));
    const offered = roster.filter((unit) => ids.has(unit.id));
    return { empty: false, found: await candidates(campaign, store, offered, group.roomId, true), exact: false, query: '' };
  }
  const named = group.topic ? exactly(roster, group.topic) : [];
  return { empty: false, found: await candidates(campaign, store, named, group.roomId, false), exact: false, query: group.topic ?? '' };
}

/** The units as candidates: where each belongs, the group each is bound to, and (if it may bind now) its forms. */
async function candidates(campaign: Campaign, store: GroupStore, units: readonly UnitProfile[], roomId: string, mayBind: boolean): Promise<Candidate[]> {
  const bindings = await store.bindings(units.map((unit) => unit.id));
  return Promise.all(
    units.map(async (unit) => {
      const bound = bindings.get(unit.id);
      return {
        unit,
        where: whereOf(campaign, unit),
        boundTopic: bound && bound.roomId !== roomId ? (bound.topic ?? '') : null,
        forms: mayBind ? await store.savedForms(unit.id) : {},
      };
    }),
  );
}

/** "广州市、城市轨道交通": where a unit belongs, to tell apart units with similar names. */
export function whereOf(campaign: Campaign, unit: { city: string | null; industry: string | null }): string {
  return [unit.city, unit.industry].filter((part): part is string => !!part).join(campaign.formats.listSeparator);
}
