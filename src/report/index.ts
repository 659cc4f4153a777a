// The public face of src/report/: what the other folders use of it. Each file of the folder says what it holds.
export { withSettingAdmins } from './directory.js';
export type { AdminDirectory } from './directory.js';
export { reviewLine, reviewerName, waitingList, waitingText } from './review.js';
export type { Waiting } from './review.js';
export { collectorOf, inScope, parseAdmins, scopeNamed } from './scope.js';
export type { Admin, Scope } from './scope.js';
export { formHeading, formStats, lookupText, missingPage, missingText, missingUnits, rosterText, scopeLabel, statsText } from './stats.js';
export type { AdminUnit, AuditEntry, Review, SubmittedVersion } from './units.js';
