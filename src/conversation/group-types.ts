// The words of the group machine: who speaks, what the group holds, the events it takes, and the effects a
// step asks the store to carry out. Plain JSON throughout, so a snapshot is stored and restored as it is.
import type { Category, UnitKind } from '../campaign/index.js';
import type { Problem } from './answers.js';
import type { CommandEvent, TextEvent } from './commands.js';
import type { Answers } from './draft.js';
import type { PastedData } from './paste.js';

export interface Person {
  id: string;
  name: string;
}

/** A unit as the group sees it: enough to greet it, and to know which forms it fills. */
export interface UnitProfile {
  id: number;
  name: string;
  kind: UnitKind;
  /** a collective's categories, one or more (empty for the other kinds, and for a unit made in a chat) */
  categories: Category[];
  city: string | null;
  industry: string | null;
}

/** One form of the bound unit, as the group holds it: the answers, and the last version handed in. */
export interface FormRecord {
  answers: Answers;
  /** how many times it has been submitted */
  version: number;
  /** when it was last submitted (ms), null before the first time */
  submittedAt: number | null;
  late: boolean;
}

export type FormStatus = 'draft' | 'submitted' | 'reopened';

/** A form as the store keeps it for a unit, status included: what a group takes over when it binds. */
export interface SavedForm extends FormRecord {
  status: FormStatus;
}

/** A roster unit a group may bind to, as looked up just before the message is handled. */
export interface Candidate {
  unit: UnitProfile;
  /** "广州市、城市轨道交通": to tell apart units with similar names */
  where: string;
  /** the topic of the group the unit is bound to already; null when it is free */
  boundTopic: string | null;
  /** the unit's saved forms, which the group takes over when it binds */
  forms: Record<string, SavedForm>;
}

/** What the roster says for a message of an unbound group (looked up by the router, never by the machine). */
export interface RosterLookup {
  /** there is no roster at all: the group is asked for its collective's name instead */
  empty: boolean;
  /** the units the message is about: named like the group, found by 绑定, or the ones offered before */
  found: Candidate[];
  /** 绑定's query named exactly one unit */
  exact: boolean;
  /** the query of 绑定, as typed */
  query: string;
}

export interface GroupContext {
  unit: UnitProfile | null;
  /** who fills the open form */
  owner: Person | null;
  /** the bound unit's forms, by form id */
  forms: Record<string, FormRecord>;
  /** the entry of the open form's list being asked about (0-based) */
  index: number;
  /** answering out of order after 修改: once answered, go back to the route */
  editing: boolean;
  /** a paste of several entries waiting for 确认 */
  pasted: PastedData | null;
  /** answers the roster offers for the open form's top-level fields, taken with 确认 */
  suggestions: Record<string, string>;
  /** units offered to an unbound group, in the order they were numbered */
  candidates: { id: number; name: string; where: string }[];
  /** the question was asked again after chatter: more chatter in a row gets no reply */
  quiet: boolean;
  /** a message the bot asked about ("要把这句保存为…吗？"), saved on yes */
  pending: string | null;
  /** members told who is filling the open form, so that each is told once */
  told: string[];
  /** lists (form.field) given a link or file before the form reached them: the form still stops there */
  early: string[];
  /** forms listed to choose from, in the order they were numbered */
  choices: string[];
  /** what the chosen form is opened for: filling it (填报) or changing what was handed in (修改) */
  choosingFor: 'start' | 'reopen';
  /** the form named with 填报 in a group not yet bound ("填报 简报"): opened once the group is bound */
  wanted: string | null;
}

/** What every message of a member carries besides its meaning. */
export interface Envelope {
  /** when it arrived (ms) */
  at: number;
  by: Person;
  /** it @-mentions the bot */
  mentioned: boolean;
  /** looked up for an unbound group only */
  roster?: RosterLookup;
}

export type UserEvent = Envelope &
  (
    | CommandEvent
    | TextEvent
    | { type: 'user.paste'; paste: PastedData }
    /** a picture or file, already checked and kept; `value` is how the answer names it */
    | { type: 'user.media'; value: string }
    /** a picture or file the field refused (type or size) */
    | { type: 'user.mediaRefused'; problem: Problem }
    /** a picture, sticker, voice, file or card where none is asked for */
    | { type: 'user.nonText'; what?: 'voice' | 'sticker' | 'card' }
    /** a picture, file or link sent before its step: kept in that list, the question where the group stands goes on */
    | { type: 'user.early'; field: string; value: string }
    /** where free text is asked: not an answer (a question, a holding phrase, thanks, words for another member) */
    | { type: 'user.chatter'; chatter: 'question' | 'holding' | 'acknowledgement' | 'mention' }
    /** where free text is asked: maybe an answer (好的，我写一下); the bot asks before saving it */
    | { type: 'user.unsure'; text: string }
    /** a member who is not filling the open form speaks to the bot */
    | { type: 'user.bystander' }
    /** the bot was added to the group */
    | { type: 'group.joined' }
  );

export type SystemEvent =
  /** an admin frees the group from its unit */
  | { type: 'admin.unbind'; at: number; by: Person }
  /** the unit's 地市团委 or 行业团组织 sends a handed-in form back (退回) with a reason: it is reopened */
  | { type: 'admin.return'; at: number; by: Person; formId: string; reason: string }
  /** the roster changed the bound unit's name, kind or category */
  | { type: 'unit.updated'; at: number; unit: UnitProfile }
  /** a state stored by another version of the machine, carried into this one */
  | { type: 'group.restore'; at: number; unit: UnitProfile | null; owner: Person | null; forms: Record<string, SavedForm>; open: string | null };

/** Raised by the machine itself, never sent from outside. */
export type InternalEvent =
  /** open a form of the unit: to fill it, to change what was handed in, or where a restored state left it */
  | { type: 'form.open'; formId: string; how: 'start' | 'reopen' | 'resume'; at: number; by?: Person; then?: CommandEvent & Envelope }
  /** the saved status of each form of a unit the group has just taken over */
  | { type: 'status.restore'; statuses: Record<string, { status: FormStatus; late: boolean }> }
  /**
   * A form was handed in, or reopened. Raised, not targeted: a transition into two parallel regions at
   * once would leave and re-enter every region of the bound group, resetting the other forms' statuses.
   */
  | { type: 'status.submitted'; formId: string; late: boolean }
  | { type: 'status.reopened'; formId: string };

export type GroupEvent = UserEvent | SystemEvent | InternalEvent;

/** What a step asks the store to do besides keeping the new state and the changed answers. */
export type Effect =
  | { kind: 'bind'; unitId: number }
  /** creates the unit of the group (no roster), binds it, and puts its id into the state */
  | { kind: 'register'; name: string }
  | { kind: 'unbind' }
  | { kind: 'submit'; formId: string; late: boolean }
  | { kind: 'reopen'; formId: string }
  | { kind: 'takeover' }
  /** the group asked for a unit bound to another group: kept for an admin's 确认换群, and the admins are told */
  | { kind: 'moveRequested'; unitId: number; unit: string; boundTopic: string };
