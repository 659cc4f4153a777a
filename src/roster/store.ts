// What the roster needs from storage: importing checked rows into units (within an admin's scope or not), the
// pending import an admin has yet to confirm, and the roster's counts. src/store/roster-store.ts keeps them
// in SQLite; which unit a row writes to is decided in match.ts, the same for any store.
import type { Category, UnitKind } from '../campaign/index.js';
import type { RosterParse, RosterRow, RowProblem } from './types.js';

export interface ImportResult {
  /** new units */
  created: number;
  /** units whose fields changed */
  updated: number;
  /** rows identical to their unit: nothing written */
  unchanged: number;
  /** units created in a chat that took a roster row (same name), keeping their id, group and submissions */
  reconciled: number;
  /** with a scope: the rows left out because they, or the unit they would change, lie outside it */
  refused?: RowProblem[];
}

/** A place as the roster has it: a unit's or a row's city and industry. */
export interface Place {
  city: string | null;
  industry: string | null;
}

/**
 * What a city or industry admin's file may write: the rows inside the admin's scope, and of the units already
 * there only those inside it too. The province's files and the command line's have none.
 */
export interface ImportScope {
  /** how a refusal names the scope: "广州市" */
  label: string;
  /** the row as the scope writes it (its city or industry spelled as the scope spells it), or undefined when it lies outside */
  admit(row: RosterRow): RosterRow | undefined;
  /** whether a unit already in the roster may be changed */
  allows(unit: Place): boolean;
  /** a unit's or a row's city and industry as a refusal says them */
  place(unit: Place): string;
}

/** The rows a scope lets a file write, and those it refuses with the reason. */
export interface ScopeCheck {
  rows: RosterRow[];
  refused: RowProblem[];
}

export interface ImportOptions {
  /** who imports: `cli:<user>` or the admin's contact id */
  actor: string;
  at: Date;
  /** for the audit log */
  fileName?: string;
  /** rows of the file left out because of problems, for the audit log */
  rejectedRows?: number;
  /** a city or industry admin's import: rows and units outside it are refused, not written */
  scope?: ImportScope;
}

export interface Pending {
  adminId: string;
  fileName: string;
  rows: RosterRow[];
  problems: RowProblem[];
  createdAt: Date;
}

export interface Count {
  /** null: not filled in */
  value: string | null;
  count: number;
}

export interface RosterSummary {
  total: number;
  /** units created in a chat and not (yet) matched to a roster row */
  fromChat: number;
  byKind: Record<UnitKind, number>;
  /** collectives only; `unset` for those without a category (created in a chat) */
  byCategory: Record<Category | 'unset', number>;
  /** most first */
  byCity: Count[];
  byIndustry: Count[];
}

export interface RosterStore {
  /**
   * Upserts the rows by rosterKey, all or nothing. An identical row writes nothing; a changed row
   * updates its unit; a new row first looks for a unit created in a chat under the same name, which then
   * takes the row (unless that name is not unique, when it does not guess: matchRows). Units are never
   * deleted. With a scope, the rows it refuses are left out, checked against the units as they are when
   * the rows are written.
   */
  importRows(rows: readonly RosterRow[], options: ImportOptions): Promise<ImportResult>;
  /** The rows of a file a scope lets through and those it refuses, against the units as they are now; writes nothing. */
  checkScope(rows: readonly RosterRow[], scope: ImportScope): Promise<ScopeCheck>;
  /** Keeps a checked file with problems until the admin confirms its valid part; replaces an earlier one. */
  savePending(adminId: string, fileName: string, parse: RosterParse, at: Date): Promise<void>;
  /** The admin's pending import, removed as it is read: a second call gets null. */
  takePending(adminId: string): Promise<Pending | null>;
  /** `categories`: the codes of the roster's description, each counted even when no unit holds it */
  summary(categories: readonly Category[]): Promise<RosterSummary>;
}
