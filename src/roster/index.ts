// The public face of src/roster/: what the other folders use of it. Each file of the folder says what it holds.
export { matchRows, scopeRows } from './match.js';
export { parseRoster } from './parse.js';
export type { RosterParse, RosterRow } from './parse.js';
export { badRowCount, renderImportResult, renderParseReport, renderSummary } from './render.js';
export { PROBLEM_KEYS, loadRosterSpec } from './spec.js';
export type { RosterSpec } from './spec.js';
export type { Count, ImportOptions, ImportResult, ImportScope, Pending, Place, RosterStore, RosterSummary, ScopeCheck } from './store.js';
