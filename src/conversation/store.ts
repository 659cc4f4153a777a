// What the conversation needs from storage: one row per group (its state with a revision), the units and
// forms binding takes over, and one write per message. The bot's store implements it over SQLite; tests use
// an in-memory one.
import type { Answers } from './draft.js';
import type { PersistedGroup } from './engine.js';
import type { Effect, SavedForm, UnitProfile } from './group-types.js';

/** A group's row as stored. */
export interface GroupRecord {
  roomId: string;
  /** bumped by every write; 0 for a group never written */
  revision: number;
  /** the machine version the state was stored by; null when there is none */
  version: string | null;
  /** the persisted snapshot, as stored (checked before use) */
  state: unknown;
  /** what the row says besides the state: enough to rebuild it under another machine version */
  unitId: number | null;
  ownerId: string | null;
  ownerName: string | null;
  /** the form being filled */
  formId: string | null;
}

/** A group bound to a unit, as last seen: what re-finds it when its room id changes. */
export interface BoundRoom {
  roomId: string;
  unitId: number;
  topic: string | null;
  members: string[];
  /** the members' contact ids, where they were known */
  memberIds: string[];
  /** when the group last wrote (null: never since it was stored) */
  lastSeenAt: Date | null;
}

/** Everything one step changes, written in one transaction with compare-and-set on the revision. */
export interface GroupWrite {
  roomId: string;
  /** the revision the step was computed from: the write is refused if the row has moved on */
  revision: number;
  /** the message handled, recorded so that the same message delivered again has no effect */
  messageId: string | null;
  at: Date;
  /** who caused it: the member's contact id, an admin's, or "system" */
  actor: string;
  version: string;
  state: PersistedGroup;
  unitId: number | null;
  ownerId: string | null;
  ownerName: string | null;
  formId: string | null;
  /** the group's topic and members, kept when it binds (what re-finds it under a new id) */
  seen?: { topic: string | null; members: string[]; memberIds: string[] };
  /** the unit's forms whose answers changed */
  drafts: { formId: string; answers: Answers }[];
  effects: Effect[];
  /** replies this step sends through `account`, counted toward that account's limit for `day` */
  sends?: { account: string; day: string; count: number };
}

/** A group that came back under a new room id, with what it is seen as now. */
export interface RoomMove {
  from: string;
  to: string;
  topic: string | null;
  members: string[];
  memberIds: string[];
  actor: string;
  at: Date;
}

/** A picture or file a group sent for a form, to keep. */
export interface MediaToKeep {
  unitId: number;
  formId: string;
  roomId: string;
  name: string;
  mime: string;
  data: Buffer;
  actor: string;
  at: Date;
}

export type WriteResult =
  | { ok: true; revision: number /** the unit the write created (registration) */; unitId: number | null }
  /** the row moved on since it was read, the message was handled already, or the unit was bound elsewhere first */
  | { ok: false; reason: 'conflict' | 'duplicate' | 'taken' };

export interface GroupStore {
  /** true if a message with this id has already been handled */
  isProcessed(messageId: string): Promise<boolean>;
  load(roomId: string): Promise<GroupRecord | null>;
  write(write: GroupWrite): Promise<WriteResult>;
  /** a unit as the roster has it now */
  unit(unitId: number): Promise<UnitProfile | null>;
  /** a unit's saved forms, by form id */
  savedForms(unitId: number): Promise<Record<string, SavedForm>>;
  /**
   * Every unit of the roster (not those created in a chat). While the roster has not changed, the same
   * array comes back, so that what is derived from it can be kept.
   */
  rosterUnits(): Promise<readonly UnitProfile[]>;
  /** the group each of these units is bound to, for those bound */
  bindings(unitIds: readonly number[]): Promise<Map<number, { roomId: string; topic: string | null }>>;
  /** the groups bound to a unit */
  roomsOfUnit(unitId: number): Promise<string[]>;
  /** groups bound to a unit whose topic was `topic` when last seen */
  boundRoomsWithTopic(topic: string): Promise<BoundRoom[]>;
  /** a group came back under a new room id: its row moves there, state and all */
  moveRoom(input: RoomMove): Promise<void>;
  /** keeps a picture or file a group sent for a form; returns its id */
  saveMedia(input: MediaToKeep): Promise<{ id: number }>;
}
