// The public face of src/schedule/: what the other folders use of it. Each file of the folder says what it holds.
export type { SendLimits } from './budget.js';
export { outboxDelivery } from './delivery.js';
export type { Outbound } from './outbound.js';
export { parseClock, parseQuietHours } from './quiet-hours.js';
export { PAUSED, Scheduler } from './scheduler.js';
export type { GroupNotices, ReminderControl } from './scheduler.js';
export { SendGate } from './send-gate.js';
export { SendGates } from './send-gates.js';
export type { NewOutboxRow, OutboxKind, OutboxRow, OutboxStatus, RemindableUnit, ReminderRound, ScheduleStore } from './store.js';
