// A group the bot does not know by its room id may be a bound group that came back under a new id (web
// puppets hand out new ids at each login): when its topic and members match exactly one bound group, the
// binding moves there with the group's state. Several matches are left alone and reported to the admins.
import type { Campaign } from '../campaign/schema.js';
import { fill } from '../campaign/text.js';
import { overlap } from './name-match.js';
import type { GroupStore } from './store.js';

/** Share of the members a group must still have to be taken for the same group under a new id. */
const SAME_GROUP = 0.5;

export async function refindGroup(
  campaign: Campaign,
  store: GroupStore,
  group: { roomId: string; topic: string | null; members?: () => Promise<string[]> },
  at: Date,
): Promise<{ moved: boolean; adminNote?: string }> {
  if (!group.topic) return { moved: false };
  const others = (await store.boundRoomsWithTopic(group.topic)).filter((room) => room.roomId !== group.roomId);
  if (others.length === 0) return { moved: false };
  const members = (await group.members?.()) ?? [];
  const same = others.filter((room) => overlap(room.members, members) >= SAME_GROUP);
  if (same.length === 1) {
    await store.moveRoom({ from: same[0]!.roomId, to: group.roomId, topic: group.topic, members, actor: 'system', at });
    return { moved: true };
  }
  if (same.length > 1) return { moved: false, adminNote: fill(campaign.messages.rebindAmbiguous, { topic: group.topic, count: same.length }) };
  return { moved: false };
}
