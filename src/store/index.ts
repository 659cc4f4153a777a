// The public face of src/store/: what the other folders use of it. Each file of the folder says what it holds.
export { PrismaAdminStore } from './admin-store.js';
export { DailyBackups, backUpFile, latestBackup } from './backups.js';
export { databaseFile, openDatabase } from './client.js';
export { PrismaExportStore } from './export-store.js';
export { SqliteGroupStore } from './group-store.js';
export { PrismaInvitedAdmins } from './invited-admins.js';
export type { Invitation } from './invited-admins.js';
export { PrismaMessageLedger } from './message-ledger.js';
export { PrismaRosterStore } from './roster-store.js';
export { PrismaScheduleStore } from './schedule-store.js';
export { LEASE_RENEW_MS, PrismaSenderLease } from './sender-lease.js';
export { Serial } from './serial.js';
