// What the admin desk reads and changes, declared here and kept by the database (store/admin-store.ts):
// every unit with its group and submissions, the submitted versions of one unit, the last numbered list
// each admin was shown, the reviewers' decisions, the groups asking for a unit, and the audit log.
import type { AdminUnit, AuditEntry, SubmittedVersion } from '../report/index.js';

/** An approval or a return of the version an admin was shown. */
export interface ReviewDecision {
  unitId: number;
  formId: string;
  version: number;
  status: 'approved' | 'returned';
  by: string;
  at: Date;
  note?: string;
}

/** A group that asked for a unit bound to another group (绑定 refused): what an admin's 确认换群 acts on. */
export interface MoveRequest {
  roomId: string;
  topic: string | null;
  at: string;
}

/** A numbered list of units an admin was shown, and what a number sent next does with the unit. */
export interface PickList {
  /** review: the 审核 list, whose numbers 通过 and 退回 take too; log: the unit's 日志 */
  action: 'lookup' | 'unbind' | 'review' | 'log';
  /** formId and version: the submission a 审核 entry stands for */
  entries: { n: number; unitId: number; formId?: string; version?: number }[];
}

export interface AdminStore {
  units(): Promise<AdminUnit[]>;
  versions(unitId: number): Promise<SubmittedVersion[]>;
  audit(actor: string, at: Date, action: string, detail: object): Promise<void>;
  /** the admin's last numbered list; kept across restarts, so that "2" still means what it meant */
  pickList(adminId: string): Promise<PickList | null>;
  savePickList(adminId: string, list: PickList | null): Promise<void>;
  /**
   * Records a reviewer's decision on the version shown, if that version is still the one handed in (not
   * reopened, not replaced); false otherwise, and nothing changes. Audited.
   */
  review(decision: ReviewDecision): Promise<boolean>;
  /** the group that last asked to take over a unit bound elsewhere, if one has, and since when */
  moveRequest(unitId: number): Promise<MoveRequest | null>;
  forgetMoveRequest(unitId: number): Promise<void>;
  /** audit entries, newest first, older than `beforeId` if given; with `unitId`, those about that unit only */
  auditLog(query: { unitId?: number; beforeId?: number; limit: number }): Promise<AuditEntry[]>;
  /** groups that came back under a new id, or asked for a unit bound elsewhere, since `since` (for the digests) */
  bindingChanges(since: Date): Promise<AuditEntry[]>;
  /** the names the groups know for these contact ids: who holds, or last held, a group's form */
  knownNames(ids: readonly string[]): Promise<Map<string, string>>;
}
