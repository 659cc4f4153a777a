// A group's conversation with the bot, one message at a time: dedupe → load → transition → commit → say.
// Each group has one machine (group-machine.ts) and one stored row; a message waits only for its own
// group's earlier messages. Knows nothing of WeChat or SQL: storage and the clock come in.
import type { Campaign } from '../campaign/index.js';
import { findForm } from '../campaign/index.js';
import { withoutInvisible } from '../campaign/index.js';
import { fill } from '../campaign/index.js';
import { parseInput } from './commands.js';
import { createEngine, openForm, questionAt, type GroupEngine, type GroupSnapshot, type Step } from './engine.js';
import { readText } from './form-events.js';
import type { Envelope, GroupEvent, SystemEvent, UnitProfile, UserEvent } from './group-types.js';
import { KeyedQueue } from './keyed-queue.js';
import { refindGroup, type GroupAlive } from './refind.js';
import { renderReplies } from './render.js';
import { rosterLookup } from './roster-lookup.js';
import type { GroupRecord, GroupStore } from './store.js';
import { seenGroup, type IncomingMessage, type SeenGroup, type SeenRoom } from './incoming.js';
import { stepWrite } from './step-write.js';
import { nonTextEvent, speakerOf } from './message-meaning.js';

export type { IncomingMessage, MessageKind } from './incoming.js';

export interface SessionOptions {
  campaign: Campaign;
  store: GroupStore;
  now: () => Date;
  /** tells the admins something they must act on (sent to them privately) */
  notifyAdmins?: (text: string) => void;
  /** whether the bot is still in a group (undefined: cannot tell): a binding never moves away from a live group */
  groupAlive?: GroupAlive;
  /** replies were counted toward an account's send limits (stored with the step): keeps its in-memory gap in step */
  counted?: (count: number, at: Date, account: string) => void;
}

/** A group told that its form was sent back, and the member to @ there. */
export interface ReturnedForm {
  roomId: string;
  text: string;
  mention: string | null;
}

/** A group as held in memory: its row's revision and its live snapshot. */
interface Loaded {
  revision: number;
  snapshot: GroupSnapshot;
  /** the stored state was made by another version of the machine: tell the group once */
  updated: boolean;
}

/** How many times a step is tried again when the group's row moved on underneath it. */
const MAX_ATTEMPTS = 4;
/** Groups kept in memory; the least recently loaded ones are dropped first. */
const CACHE_SIZE = 20_000;

export class GroupConversations {
  readonly engine: GroupEngine;
  private readonly campaign: Campaign;
  private readonly store: GroupStore;
  private readonly now: () => Date;
  private readonly notifyAdmins: (text: string) => void;
  private readonly groupAlive: GroupAlive | undefined;
  private readonly counted: (count: number, at: Date, account: string) => void;
  private readonly queue = new KeyedQueue();
  private readonly cache = new Map<string, Loaded>();
  /** the names 填报 may ask a form by: short titles and ids */
  private readonly formNames: string[];
  /** room ids already looked for among the bound groups since start */
  private readonly refindTried = new Set<string>();

  constructor(options: SessionOptions) {
    this.campaign = options.campaign;
    this.engine = createEngine(options.campaign);
    this.store = options.store;
    this.now = options.now;
    this.notifyAdmins = options.notifyAdmins ?? (() => {});
    this.groupAlive = options.groupAlive;
    this.counted = options.counted ?? (() => {});
    this.formNames = options.campaign.forms.flatMap((form) => [form.shortTitle, form.id]);
  }

  /** The sentence to send when handling a message failed unexpectedly. */
  get internalError(): string {
    return this.campaign.messages.internalError;
  }

  /** Handles one group message; returns the replies to send, in order (none when the bot stays silent). */
  handle(message: IncomingMessage): Promise<string[]> {
    return this.queue.run(message.roomId, () => this.handleNow(message));
  }

  /**
   * The bot was added to a group: a group without a unit is offered the roster unit named like it, or told
   * how to bind; a group already bound hears nothing.
   */
  async joined(room: SeenRoom): Promise<string | undefined> {
    const at = this.now().getTime();
    const group = seenGroup(room);
    const replies = await this.queue.run(room.roomId, () =>
      this.apply(
        room.roomId,
        `joined:${room.roomId}:${at}`,
        'system',
        (loaded) => this.withRoster({ type: 'group.joined', at, by: { id: 'system', name: '' }, mentioned: false }, loaded, group),
        group,
      ),
    );
    return replies?.[0];
  }

  /** An admin frees a unit's groups: each goes back to unbound through its machine. Returns the groups freed. */
  async unbindUnit(unitId: number, actor: string): Promise<string[]> {
    const rooms = await this.store.roomsOfUnit(unitId);
    const freed: string[] = [];
    for (const roomId of rooms) {
      await this.queue.run(roomId, async () => {
        const done = await this.apply(roomId, null, actor, () => ({ type: 'admin.unbind', at: this.now().getTime(), by: { id: actor, name: '' } }));
        if (done) freed.push(roomId);
      });
    }
    return freed;
  }

  /**
   * A reviewer sends a unit's handed-in form back (退回): each of its groups reopens the form through its
   * machine. Returns, per group that reopened it, what to tell the group and whom to @ (who holds its forms).
   */
  async returnForm(unitId: number, formId: string, reason: string, by: { id: string; name: string }): Promise<ReturnedForm[]> {
    const rooms = await this.store.roomsOfUnit(unitId);
    const told: ReturnedForm[] = [];
    for (const roomId of rooms) {
      await this.queue.run(roomId, async () => {
        const replies = await this.apply(roomId, null, by.id, () => ({ type: 'admin.return', at: this.now().getTime(), by, formId, reason }));
        if (!replies || replies.length === 0) return;
        const owner = (await this.load(roomId)).snapshot.context.owner;
        told.push({ roomId, text: replies.join('\n'), mention: owner?.id ?? null });
      });
    }
    return told;
  }

  /**
   * An admin's 确认换群: the unit's groups let it go through their machines, then the group that asked binds
   * it through its own, as if it had sent 绑定 with the unit's name. Returns the groups freed and what the
   * new group is told (nothing when it could not bind).
   */
  async moveUnit(unitId: number, toRoomId: string, by: { id: string; name: string }): Promise<{ freed: string[]; told: string | null }> {
    const unit = await this.store.unit(unitId);
    if (!unit) return { freed: [], told: null };
    const freed = await this.unbindUnit(unitId, by.id);
    let told: string | null = null;
    await this.queue.run(toRoomId, async () => {
      const event: UserEvent = { type: 'cmd.bind', name: unit.name, at: this.now().getTime(), by, mentioned: false };
      const replies = await this.apply(toRoomId, null, by.id, (loaded) => this.withRoster(event, loaded, { roomId: toRoomId, topic: null }));
      if (replies && replies.length > 0 && (await this.load(toRoomId)).snapshot.context.unit?.id === unitId) told = replies.join('\n');
    });
    return { freed, told };
  }

  private async handleNow(received: IncomingMessage): Promise<string[]> {
    if (await this.store.isProcessed(received.id)) return [];
    // Direction overrides, zero-width and control characters never reach an answer; the group is told.
    const clean = withoutInvisible(received.text);
    const message = clean.removed > 0 ? { ...received, text: clean.text } : received;
    const group = seenGroup(message);
    if (!this.cache.has(message.roomId) && !this.refindTried.has(message.roomId)) await this.refind(group);
    const replies = (await this.apply(message.roomId, message.id, message.senderId, (loaded) => this.eventFor(message, loaded, group), group)) ?? [];
    if (clean.removed === 0 || replies.length === 0) return replies;
    const note = fill(this.campaign.messages.invisibleRemoved, { count: clean.removed });
    return [`${note}\n${replies[0]}`, ...replies.slice(1)];
  }

  /**
   * One step for one group, written with compare-and-set on the group's revision. When the row moved on
   * underneath (another writer, a unit bound elsewhere first), the group is loaded again and the message
   * applied to what is there now. Returns the replies, or undefined when nothing happened.
   */
  private async apply(
    roomId: string,
    messageId: string | null,
    actor: string,
    eventFor: (loaded: Loaded) => Promise<GroupEvent | undefined> | GroupEvent | undefined,
    seen?: SeenGroup,
  ): Promise<string[] | undefined> {
    for (let attempt = 1; ; attempt += 1) {
      const loaded = await this.load(roomId);
      const event = await eventFor(loaded);
      if (!event) return undefined;
      const at = new Date('at' in event ? event.at : this.now().getTime());
      // The first message after the forms' structure changed is answered with the question it should answer
      // now, not saved against a question that may have changed.
      const step: Step =
        loaded.updated && 'by' in event
          ? { snapshot: loaded.snapshot, says: [{ kind: 'ask' }], effects: [], changed: true }
          : this.engine.step(loaded.snapshot, event);
      if (!step.changed && step.says.length === 0) return undefined;
      const replies = renderReplies(step.says, { campaign: this.campaign, now: at, snapshot: step.snapshot });
      if (loaded.updated && replies.length > 0) replies[0] = `${this.campaign.messages.resumedAfterUpdate}\n${replies[0]}`;
      if (replies.length === 0 && !step.changed) return undefined;
      const write = await stepWrite(this.engine, this.campaign, {
        roomId,
        messageId,
        actor,
        at,
        revision: loaded.revision,
        before: loaded.snapshot,
        step,
        replies: replies.length,
        seen,
      });
      const result = await this.store.write(write);
      if (result.ok) {
        const snapshot = result.unitId !== null ? this.withUnitId(step.snapshot, result.unitId) : step.snapshot;
        this.remember(roomId, { revision: result.revision, snapshot, updated: false });
        if (write.sends) this.counted(write.sends.count, at, write.sends.account);
        for (const effect of step.effects) {
          if (effect.kind !== 'moveRequested') continue;
          const vars = { topic: seen?.topic ?? roomId, unit: effect.unit, old: effect.boundTopic };
          this.notifyAdmins(fill(this.campaign.admin.messages.moveRequested, vars));
        }
        return replies;
      }
      this.cache.delete(roomId);
      if (result.reason === 'duplicate') return [];
      if (attempt >= MAX_ATTEMPTS) throw new Error(`group ${roomId} kept changing underneath (${result.reason}); the message was not applied`);
    }
  }

  /** The event a member's message means where the group stands, with what the roster says when it is unbound. */
  private async eventFor(message: IncomingMessage, loaded: Loaded, group: SeenGroup): Promise<UserEvent | undefined> {
    const { snapshot } = loaded;
    const envelope: Envelope = { at: this.now().getTime(), by: { id: message.senderId, name: message.senderName }, mentioned: message.mentioned };
    const at = questionAt(snapshot);
    const formId = openForm(snapshot, this.campaign);
    const form = formId ? findForm(this.campaign, formId) : undefined;
    const speaker = speakerOf(this.campaign, this.formNames, snapshot, message);
    if (speaker === 'bystander') return undefined;
    if (speaker === 'told') return { type: 'user.bystander', ...envelope };
    if (message.kind !== 'text')
      return { ...(await nonTextEvent({ campaign: this.campaign, store: this.store, now: this.now() }, message, snapshot, form, at)), ...envelope };
    const input = parseInput(message.text, this.campaign.commands, form, this.formNames);
    const answers = form ? (snapshot.context.forms[form.id]?.answers ?? {}) : {};
    const event = readText(this.campaign, input, at, form, answers, message.mentionsOthers === true);
    return this.withRoster({ ...event, ...envelope }, loaded, group);
  }

  /** An unbound group's 填报, 绑定 or pick carries what the roster says now. */
  private async withRoster(event: UserEvent, loaded: Loaded, group: SeenGroup): Promise<UserEvent> {
    if (loaded.snapshot.context.unit) return event;
    const roster = await rosterLookup(this.campaign, this.store, event, loaded.snapshot.context, group);
    return roster ? { ...event, roster } : event;
  }

  /** The group from memory, or from its row: restored, rebuilt under this machine version, or new. */
  private async load(roomId: string): Promise<Loaded> {
    const cached = this.cache.get(roomId);
    if (cached) return this.fresh(roomId, cached);
    const record = await this.store.load(roomId);
    const loaded = await this.fromRecord(record);
    this.remember(roomId, loaded);
    return this.fresh(roomId, loaded);
  }

  private async fromRecord(record: GroupRecord | null): Promise<Loaded> {
    const revision = record?.revision ?? 0;
    if (record?.state != null && record.version === this.engine.version) {
      const snapshot = this.engine.restore(record.state);
      if (snapshot) return { revision, snapshot, updated: false };
    }
    // No state, a state of another machine version, or one that cannot be read: rebuilt from what the row
    // and the unit's saved forms say, resuming the open form at its first unanswered question.
    const unit = record?.unitId != null ? await this.store.unit(record.unitId) : null;
    const initial = this.engine.initial();
    if (!unit) return { revision, snapshot: initial, updated: false };
    const owner = record?.ownerId ? { id: record.ownerId, name: record.ownerName ?? '' } : null;
    const forms = await this.store.savedForms(unit.id);
    const restored = this.engine.step(initial, { type: 'group.restore', at: this.now().getTime(), unit, owner, forms, open: record?.formId ?? null });
    return { revision, snapshot: restored.snapshot, updated: record?.state != null && record.formId !== null };
  }

  /** The roster may have changed the bound unit (name, kind, category) since the group was loaded. */
  private async fresh(roomId: string, loaded: Loaded): Promise<Loaded> {
    const unit = loaded.snapshot.context.unit;
    if (!unit || unit.id === 0) return loaded;
    const now = await this.store.unit(unit.id);
    if (!now || sameUnit(now, unit)) return loaded;
    const event: SystemEvent = { type: 'unit.updated', at: this.now().getTime(), unit: now };
    const updated = { ...loaded, snapshot: this.engine.step(loaded.snapshot, event).snapshot };
    this.remember(roomId, updated);
    return updated;
  }

  private remember(roomId: string, loaded: Loaded): void {
    this.cache.delete(roomId);
    this.cache.set(roomId, loaded);
    if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
  }

  /** A unit created for the group (registration) gets the id the store gave it. */
  private withUnitId(snapshot: GroupSnapshot, unitId: number): GroupSnapshot {
    const unit = snapshot.context.unit;
    if (!unit || unit.id === unitId) return snapshot;
    return this.engine.restore({ value: snapshot.value, context: { ...snapshot.context, unit: { ...unit, id: unitId } } }) ?? snapshot;
  }

  private async refind(group: SeenGroup): Promise<void> {
    this.refindTried.add(group.roomId);
    const record = await this.store.load(group.roomId);
    if (record?.unitId != null) return;
    const found = await refindGroup(this.campaign, this.store, group, this.now(), this.groupAlive);
    if (found.adminNote) this.notifyAdmins(found.adminNote);
  }
}

function sameUnit(a: UnitProfile, b: UnitProfile): boolean {
  return a.name === b.name && a.kind === b.kind && a.categories.join() === b.categories.join() && a.city === b.city && a.industry === b.industry;
}
