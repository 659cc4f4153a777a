// Binding a group to its unit of the roster: the topic matching a roster name, "绑定 名称" with numbered
// candidates, choosing by number or 确认; and finding a group again when its room id changes.
import type { Campaign } from '../campaign/schema.js';
import { fill } from '../campaign/text.js';
import { exactMatches, overlap, rankByName } from './name-match.js';
import { numberReply, type CommandEvent, type TextEvent } from './commands.js';
import type { ConversationStore, RosterUnit } from './store.js';

/** What the binding step decided; the session carries it out (commit, reply, open the form). */
export type BindingDecision =
  | { kind: 'reply'; text: string; offer?: { unitIds: number[]; offeredBy: string } | null }
  | { kind: 'bound'; unit: RosterUnit; text: string }
  /** there is no roster yet: ask the group for its collective's name instead */
  | { kind: 'register' };

export interface BindingMessage {
  roomId: string;
  roomTopic: string | null;
  senderId: string;
  mentioned: boolean;
  roomMembers?: () => Promise<string[]>;
}

type Input = CommandEvent | TextEvent | { type: 'nonText' };

const MAX_CANDIDATES = 5;
/** Share of the members a group must still have to be taken for the same group under a new id. */
const SAME_GROUP = 0.5;

export class GroupBinding {
  constructor(
    private readonly campaign: Campaign,
    private readonly store: ConversationStore,
    private readonly now: () => Date,
  ) {}

  /** For a group without a unit: the decision, or undefined when the message is not about binding. */
  async decide(message: BindingMessage, input: Input): Promise<BindingDecision | undefined> {
    const m = this.campaign.messages;
    if (input.type === 'cmd.bind') return this.search(message, input.name);
    const offer = await this.store.bindingOffer(message.roomId);
    if (offer) {
      const choice = input.type === 'cmd.confirm' && offer.unitIds.length === 1 ? 1 : numberReply(input);
      if (choice !== undefined) {
        if (choice < 1 || choice > offer.unitIds.length) return { kind: 'reply', text: fill(m.bindChoose, { max: offer.unitIds.length }) };
        return this.bind(message, offer.unitIds[choice - 1]!);
      }
      if (input.type === 'cmd.cancel') return { kind: 'reply', text: m.bindCancelled, offer: null };
      if (input.type === 'cmd.start' || message.mentioned) return this.offerAgain(offer.unitIds);
      return undefined;
    }
    if (input.type !== 'cmd.start') return undefined;
    const roster = await this.store.rosterUnits();
    if (roster.length === 0) return { kind: 'register' };
    const matches = message.roomTopic ? exactMatches(message.roomTopic, roster) : [];
    if (matches.length === 1) {
      const unit = matches[0]!;
      return {
        kind: 'reply',
        text: fill(m.bindOfferTopic, { unit: unit.name, where: this.where(unit) }),
        offer: { unitIds: [unit.id], offeredBy: message.senderId },
      };
    }
    if (matches.length > 1) return this.offerList(message, message.roomTopic ?? '', matches);
    return { kind: 'reply', text: m.bindAsk };
  }

  /**
   * A group the bot does not know by this room id, whose topic and members match exactly one bound
   * group: the puppet gave it a new id, so the binding moves there. Returns a note for the admins when
   * several groups match and none can be chosen.
   */
  async refind(message: BindingMessage): Promise<{ moved: boolean; adminNote?: string }> {
    if (!message.roomTopic) return { moved: false };
    const others = (await this.store.boundRoomsWithTopic(message.roomTopic)).filter((room) => room.roomId !== message.roomId);
    if (others.length === 0) return { moved: false };
    const members = (await message.roomMembers?.()) ?? [];
    const same = others.filter((room) => overlap(room.members, members) >= SAME_GROUP);
    if (same.length === 1) {
      await this.store.moveRoom({ from: same[0]!.roomId, to: message.roomId, topic: message.roomTopic, members, actor: 'system', at: this.now() });
      return { moved: true };
    }
    if (same.length > 1) {
      return { moved: false, adminNote: fill(this.campaign.messages.rebindAmbiguous, { topic: message.roomTopic, count: same.length }) };
    }
    return { moved: false };
  }

  private async search(message: BindingMessage, query: string): Promise<BindingDecision> {
    const m = this.campaign.messages;
    if (query === '') return { kind: 'reply', text: m.bindWhat };
    const roster = await this.store.rosterUnits();
    if (roster.length === 0) return { kind: 'register' };
    const exact = exactMatches(query, roster);
    if (exact.length === 1) return this.bind(message, exact[0]!.id);
    const ranked = exact.length > 1 ? exact : rankByName(query, roster, MAX_CANDIDATES);
    if (ranked.length === 0) return { kind: 'reply', text: fill(m.bindNotFound, { query: excerpt(query) }) };
    return this.offerList(message, query, ranked);
  }

  private async bind(message: BindingMessage, unitId: number): Promise<BindingDecision> {
    const m = this.campaign.messages;
    const members = (await message.roomMembers?.()) ?? [];
    const result = await this.store.bindRoom({
      roomId: message.roomId,
      roomTopic: message.roomTopic,
      members,
      unitId,
      actor: message.senderId,
      at: this.now(),
    });
    if (result.ok) return { kind: 'bound', unit: result.unit, text: fill(m.bound, { unit: result.unit.name, where: this.where(result.unit) }) };
    const unit = (await this.store.rosterUnits()).find((u) => u.id === unitId);
    return { kind: 'reply', text: fill(m.bindTaken, { unit: unit?.name ?? '', topic: result.boundTopic ?? '' }) };
  }

  private offerList(message: BindingMessage, query: string, units: RosterUnit[]): BindingDecision {
    return {
      kind: 'reply',
      text: this.listText(query, units),
      offer: { unitIds: units.map((unit) => unit.id), offeredBy: message.senderId },
    };
  }

  private async offerAgain(unitIds: number[]): Promise<BindingDecision> {
    const roster = await this.store.rosterUnits();
    const units = unitIds.map((id) => roster.find((unit) => unit.id === id)).filter((unit): unit is RosterUnit => unit !== undefined);
    if (units.length === 1) {
      return { kind: 'reply', text: fill(this.campaign.messages.bindOfferTopic, { unit: units[0]!.name, where: this.where(units[0]!) }) };
    }
    return { kind: 'reply', text: this.listText('', units) };
  }

  private listText(query: string, units: RosterUnit[]): string {
    const m = this.campaign.messages;
    const list = units.map((unit, i) => fill(m.bindCandidateLine, { n: i + 1, name: unit.name, where: this.where(unit) })).join('\n');
    return fill(m.bindCandidates, { query: excerpt(query), list });
  }

  /** "广州市、城市轨道交通": where a unit belongs, to tell apart units with similar names. */
  private where(unit: RosterUnit): string {
    return [unit.city, unit.industry].filter((part): part is string => !!part).join(this.campaign.formats.listSeparator);
  }
}


function excerpt(text: string): string {
  const chars = [...text];
  return chars.length > 30 ? `${chars.slice(0, 30).join('')}…` : text;
}
