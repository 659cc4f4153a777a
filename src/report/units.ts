// The units as reports see them, with their submissions and where each stands with its reviewers, and
// the audit log's rows: what the admins' replies, the digests and the exports count and list.
import type { Answers } from '../conversation/index.js';
import type { UnitProfile } from '../conversation/index.js';
import type { Scope } from './scope.js';

/** A unit's submission of one form, as the admins see it. */
export interface AdminSubmission {
  formId: string;
  status: 'draft' | 'submitted' | 'reopened';
  answers: Answers;
  /** how many times it has been submitted */
  version: number;
  submittedAt: Date | null;
  late: boolean;
  /** where the version handed in last stands with its reviewers; null before the first hand-in */
  review: Review | null;
}

export type ReviewStatus = 'pending' | 'approved' | 'returned';

export interface Review {
  status: ReviewStatus;
  /** the reason given with 退回 */
  note: string | null;
  at: Date | null;
  by: string | null;
}

export interface AdminUnit extends UnitProfile {
  roomTopic: string | null;
  submissions: AdminSubmission[];
}

export interface SubmittedVersion {
  formId: string;
  version: number;
  answers: Answers;
  submittedAt: Date;
  late: boolean;
  /** the contact id of the member who handed it in */
  submittedBy: string;
}

/** One row of the audit log: who did what, when; `detail` as written (unitId where a unit is concerned). */
export interface AuditEntry {
  id: number;
  at: Date;
  actor: string;
  action: string;
  detail: Record<string, unknown>;
}

/** What a report is about: the units, how the reply names them, and the scope that decides the grouping. */
export interface Seen {
  label: string;
  scope: Scope;
  units: readonly AdminUnit[];
}
