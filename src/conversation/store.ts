// What the conversation needs from storage. The bot's Prisma store implements it; tests use an in-memory one.
import type { Category, UnitKind } from '../campaign/schema.js';
import type { Answers } from './draft.js';

export interface UnitRecord {
  id: number;
  name: string;
  kind: UnitKind;
  category: Category | null;
  city: string | null;
  industry: string | null;
}

/** A roster unit as binding shows it, with the group it is bound to, if any. */
export interface RosterUnit extends UnitRecord {
  boundRoomId: string | null;
  boundRoomTopic: string | null;
}

/** A group bound to a unit, as last seen: what re-finds it when its room id changes. */
export interface BoundRoom {
  roomId: string;
  unitId: number;
  topic: string | null;
  members: string[];
}

export type BindResult = { ok: true; unit: RosterUnit } | { ok: false; boundTopic: string | null };

/** The open conversation of a group. */
export interface SessionRecord {
  roomId: string;
  unitId: number | null;
  formId: string;
  ownerId: string;
  /** the owner's display name when the session was taken, for "张三正在填报" */
  ownerName: string;
  machineVersion: string;
  /** the machine's persisted snapshot, as stored (checked before use) */
  snapshot: unknown;
}

export interface SubmissionRecord {
  unitId: number;
  formId: string;
  status: 'draft' | 'submitted' | 'reopened';
  answers: Answers;
  /** how many times it has been submitted */
  version: number;
  submittedAt: Date | null;
  late: boolean;
}

/** Everything one message changes, written in one transaction. */
export interface Commit {
  messageId: string;
  roomId: string;
  /** contact id of the member whose message caused it */
  actor: string;
  at: Date;
  /** the conversation after the message: a record to store, null to end it, undefined to leave it */
  session?: SessionRecord | null;
  /** the answers of the unit's form as they now stand */
  draft?: { unitId: number; formId: string; answers: Answers };
  /** the form was confirmed: store a new submitted version */
  submit?: { unitId: number; formId: string; answers: Answers; late: boolean };
  /** a submitted form was opened again for changes */
  reopen?: { unitId: number; formId: string };
  /** units offered to the (unbound) group to choose from; null withdraws the offer */
  offer?: { unitIds: number[]; offeredBy: string } | null;
  /** forms offered to the group to choose from by number; null withdraws the offer */
  formOffer?: { formIds: string[]; offeredBy: string } | null;
}

export interface ConversationStore {
  /** true if a message with this id has already been handled */
  isProcessed(messageId: string): Promise<boolean>;
  unitOfRoom(roomId: string): Promise<UnitRecord | null>;
  /** creates a unit for a group that had none and binds the group to it; returns the group's unit if it already has one */
  registerUnit(input: { roomId: string; roomTopic: string | null; members: string[]; name: string; actor: string; at: Date }): Promise<UnitRecord>;
  session(roomId: string): Promise<SessionRecord | null>;
  submission(unitId: number, formId: string): Promise<SubmissionRecord | null>;
  commit(commit: Commit): Promise<void>;

  /** keeps a picture or file a group sent for a form; returns its id */
  saveMedia(input: { unitId: number; formId: string; roomId: string; name: string; mime: string; data: Buffer; actor: string; at: Date }): Promise<{ id: number }>;

  /** every unit of the roster (not those created in a chat) */
  rosterUnits(): Promise<RosterUnit[]>;
  bindingOffer(roomId: string): Promise<{ unitIds: number[]; offeredBy: string } | null>;
  formOffer(roomId: string): Promise<{ formIds: string[]; offeredBy: string } | null>;
  /** binds the group to the unit unless the unit is bound to another group; withdraws any offer */
  bindRoom(input: { roomId: string; roomTopic: string | null; members: string[]; unitId: number; actor: string; at: Date }): Promise<BindResult>;
  /** groups bound to a unit whose topic was `topic` when last seen */
  boundRoomsWithTopic(topic: string): Promise<BoundRoom[]>;
  /** a group came back under a new room id: move its binding and open conversation there */
  moveRoom(input: { from: string; to: string; topic: string | null; members: string[]; actor: string; at: Date }): Promise<void>;
}
