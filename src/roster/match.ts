// Which unit each roster row writes to, and which rows a city or industry admin's scope lets write: decided
// on the rows and the units already stored, by the same rules whatever keeps them.
import type { RosterRow, RowProblem } from './types.js';
import { normalizeLabel } from './spec.js';
import type { ImportScope, Place, ScopeCheck } from './store.js';

/** A unit as stored, with what matching needs to know of it. */
export interface StoredUnit {
  id: number;
  name: string;
  kind: string;
  category: string | null;
  city: string | null;
  industry: string | null;
  /** roster or chat */
  source: string;
  rosterKey: string | null;
}

export type Match = { kind: 'existing'; unit: StoredUnit } | { kind: 'chat'; unit: StoredUnit } | { kind: 'new' };

/**
 * The unit each row writes to: the one of its key; else a unit created in a chat under the same name, when
 * exactly one roster unit (in these rows, or already imported and not in them) and exactly one chat unit
 * carry that name; else a new one.
 */
export function matchRows(rows: readonly RosterRow[], units: readonly StoredUnit[]): Map<RosterRow, Match> {
  const byKey = new Map(units.flatMap((unit) => (unit.rosterKey === null ? [] : [[unit.rosterKey, unit] as const])));
  const incoming = new Set(rows.map((row) => row.key));
  const rosterNames = new Map<string, number>();
  const bump = (name: string) => {
    const key = normalizeLabel(name);
    rosterNames.set(key, (rosterNames.get(key) ?? 0) + 1);
  };
  for (const row of rows) bump(row.name);
  for (const unit of units) if (unit.rosterKey !== null && !incoming.has(unit.rosterKey)) bump(unit.name);
  const chatUnits = new Map<string, StoredUnit[]>();
  for (const unit of units) {
    if (unit.source !== 'chat' || unit.rosterKey !== null) continue;
    const name = normalizeLabel(unit.name);
    chatUnits.set(name, [...(chatUnits.get(name) ?? []), unit]);
  }
  const matched = new Map<RosterRow, Match>();
  for (const row of rows) {
    const existing = byKey.get(row.key);
    if (existing) {
      matched.set(row, { kind: 'existing', unit: existing });
      continue;
    }
    const name = normalizeLabel(row.name);
    const chat = chatUnits.get(name);
    if (chat?.length === 1 && rosterNames.get(name) === 1) {
      chatUnits.delete(name);
      matched.set(row, { kind: 'chat', unit: chat[0]! });
    } else {
      matched.set(row, { kind: 'new' });
    }
  }
  return matched;
}

/**
 * The rows a scope lets write: each must lie inside it, and so must the unit it would change (one of
 * another city or industry under the same key, or a unit a group registered). Leaving a row out can change
 * which chat unit another row takes, so the rows are matched again until none more is refused.
 */
export function scopeRows(rows: readonly RosterRow[], units: readonly StoredUnit[], scope: ImportScope): ScopeCheck {
  const refused: RowProblem[] = [];
  const refuse = (row: RosterRow, key: RowProblem['key'], unit: Place & { name: string }) =>
    refused.push({ row: row.row, key, vars: { name: unit.name, place: scope.place(unit), scope: scope.label } });
  let kept: RosterRow[] = [];
  for (const row of rows) {
    const admitted = scope.admit(row);
    if (admitted) kept.push(admitted);
    else refuse(row, 'outsideScope', row);
  }
  for (;;) {
    const matched = matchRows(kept, units);
    const outside = kept.filter((row) => {
      const match = matched.get(row)!;
      if (match.kind === 'new' || scope.allows(match.unit)) return false;
      refuse(row, match.kind === 'chat' ? 'chatUnitOutsideScope' : 'existingOutsideScope', match.unit);
      return true;
    });
    if (outside.length === 0) break;
    kept = kept.filter((row) => !outside.includes(row));
  }
  return { rows: kept, refused: refused.sort((a, b) => a.row - b.row) };
}
