// A group the bot does not know by its room id may be a bound group that came back under a new id (web
// puppets hand out new room and contact ids at each login). The binding moves there with the group's state
// only when that is safe: the old group is gone (the bot is no longer in it, or, when that cannot be asked,
// it has said nothing for days), and most of its members, never counting the bot, are in the new one.
// Anything else (a look-alike group with the same name and one member of the same name) is left unbound,
// and gets the binding offer like any new group. Several equal matches are reported to the admins.
import type { Campaign } from '../campaign/index.js';
import { fill } from '../campaign/index.js';
import { overlap } from './name-match.js';
import type { GroupStore } from './store.js';

/** More than this share of the old group's members must be in the new one. */
const MOST = 0.5;
/** Without a way to ask whether the bot is still in the old group: it counts as alive if it spoke this recently. */
export const ALIVE_DAYS = 3;
const DAY_MS = 86_400_000;

/** Whether the bot is still in a group: true or false, or undefined when the puppet cannot tell. */
export type GroupAlive = (roomId: string) => Promise<boolean | undefined>;

export async function refindGroup(
  campaign: Campaign,
  store: GroupStore,
  group: { roomId: string; topic: string | null; members?: () => Promise<string[]>; memberIds?: () => Promise<string[]> },
  at: Date,
  alive: GroupAlive = async () => undefined,
): Promise<{ moved: boolean; adminNote?: string }> {
  if (!group.topic) return { moved: false };
  const others = (await store.boundRoomsWithTopic(group.topic)).filter((room) => room.roomId !== group.roomId);
  if (others.length === 0) return { moved: false };
  const members = humans(campaign, (await group.members?.()) ?? []);
  const ids = (await group.memberIds?.()) ?? [];
  // Where the puppet keeps contact ids (some old id is still there), the ids decide; else the names do.
  const keepsIds = (room: { memberIds: string[] }) => room.memberIds.some((id) => ids.includes(id));
  const same = others.filter((room) => (keepsIds(room) ? mostStay(room.memberIds, ids) : mostStay(humans(campaign, room.members), members)));
  const gone: typeof same = [];
  for (const room of same) {
    const inIt = await alive(room.roomId);
    const spokeLately = room.lastSeenAt !== null && at.getTime() - room.lastSeenAt.getTime() < ALIVE_DAYS * DAY_MS;
    if (inIt === false || (inIt === undefined && !spokeLately)) gone.push(room);
  }
  if (gone.length === 1) {
    await store.moveRoom({ from: gone[0]!.roomId, to: group.roomId, topic: group.topic, members, memberIds: ids, actor: 'system', at });
    return { moved: true };
  }
  if (gone.length > 1) return { moved: false, adminNote: fill(campaign.messages.rebindAmbiguous, { topic: group.topic, count: gone.length }) };
  return { moved: false };
}

/** The members' names but the bot's own. */
function humans(campaign: Campaign, names: readonly string[]): string[] {
  return names.filter((name) => name !== campaign.botName);
}

/** Most of the old group's members (by name, each counted once) are in the new one. */
function mostStay(before: readonly string[], now: readonly string[]): boolean {
  return overlap([...new Set(before)], now) > MOST;
}
