// The public face of src/admin/: what the other folders use of it. Each file of the folder says what it holds.
export { AdminDesk } from './desk.js';
export { CODE_VALID_DAYS, adminName, claimOutcome, codeExpiry, hashCode, newCode, scopeColumns, scopeOfColumns, validAdminName } from './invites.js';
export type { ClaimOutcome, ClaimStore, CodeHolder, InvitedAdmin } from './invites.js';
export type { FileLimit } from './reply.js';
export type { AdminStore, MoveRequest, PickList, ReviewDecision } from './store.js';
