// The public face of src/conversation/: what the other folders use of it. Each file of the folder says what it holds.
export { completeEntries, isFieldMissing, isFormComplete, parseAnswers, ruleHolds, unfinishedEntry } from './draft.js';
export type { Answers } from './draft.js';
export { formStatus, progressLines, summaryLines } from './form-text.js';
export type { SavedForm, UnitProfile } from './group-types.js';
export { KeyedQueue } from './keyed-queue.js';
export { exactMatches, rankByName } from './name-match.js';
export { GroupConversations } from './session.js';
export type { IncomingMessage, MessageKind } from './session.js';
export type { BoundRoom, GroupRecord, GroupStore, GroupWrite, MediaToKeep, RoomMove, WriteResult } from './store.js';
