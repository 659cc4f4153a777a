// The roster's storage over Prisma: importing checked rows into units, the pending import an admin has yet
// to confirm, and the roster's counts. Every query goes through the Serial queue (one SQLite connection);
// an import is one transaction, all or nothing, with its audit rows.
import { z } from 'zod';
import { CategorySchema, UnitKindSchema, type Category, type UnitKind } from '../campaign/schema.js';
import type { PrismaClient } from '../store/generated/client.js';
import { audit, parseJson } from '../store/records.js';
import { categoriesOf, categoryColumn } from '../store/unit-row.js';
import type { Serial } from '../store/serial.js';
import type { RosterParse, RosterRow, RowProblem } from './parse.js';
import { normalizeLabel, PROBLEM_KEYS } from './spec.js';


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

/** Stored pending rows are read back through these: a row written by an older version is not trusted. */
const RosterRowSchema = z.strictObject({
  row: z.number().int().min(1),
  name: z.string().min(1),
  kind: UnitKindSchema,
  categories: z.array(CategorySchema),
  city: z.string().nullable(),
  industry: z.string().nullable(),
  key: z.string().min(1),
});
const RowProblemSchema = z.strictObject({
  row: z.number().int().min(1),
  key: z.enum(PROBLEM_KEYS),
  vars: z.record(z.string(), z.union([z.string(), z.number()])),
});

/** Long enough for 20,000 rows on a slow disk; the bot's other queries wait in the Serial queue meanwhile. */
const IMPORT_TIMEOUT_MS = 300_000;
const CREATE_CHUNK = 500;

type UnitFields = ReturnType<typeof fields>;

export class PrismaRosterStore {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly serial: Serial,
  ) {}

  /**
   * Upserts the rows by rosterKey in one transaction. An identical row writes nothing; a changed row
   * updates its unit; a new row first looks for a unit created in a chat under the same name, which then
   * takes the row (unless that name is not unique, when it does not guess). Units are never deleted. With a
   * scope, the rows it refuses are left out, checked against the units as they are inside the transaction.
   */
  importRows(rows: readonly RosterRow[], options: ImportOptions): Promise<ImportResult> {
    const { actor, at, scope } = options;
    return this.serial.run(() =>
      this.prisma.$transaction(
        async (tx) => {
          const units = await tx.unit.findMany({ select: STORED_UNIT });
          const checked = scope ? scopeRows(rows, units, scope) : { rows: [...rows], refused: [] };
          const result: ImportResult = { created: 0, updated: 0, unchanged: 0, reconciled: 0 };
          const toCreate: Array<UnitFields & { rosterKey: string; createdAt: Date; updatedAt: Date }> = [];
          const matched = matchRows(checked.rows, units);
          for (const row of checked.rows) {
            const data = fields(row);
            const match = matched.get(row)!;
            if (match.kind === 'existing') {
              if (sameFields(match.unit, data)) {
                result.unchanged += 1;
              } else {
                await tx.unit.update({ where: { id: match.unit.id }, data: { ...data, updatedAt: at } });
                result.updated += 1;
              }
            } else if (match.kind === 'chat') {
              const unit = match.unit;
              await tx.unit.update({ where: { id: unit.id }, data: { ...data, rosterKey: row.key, updatedAt: at } });
              await audit(tx, actor, at, 'roster.reconciled', {
                unitId: unit.id,
                chatName: unit.name,
                rosterKey: row.key,
                row: row.row,
                fileName: options.fileName ?? null,
              });
              result.reconciled += 1;
            } else {
              toCreate.push({ ...data, rosterKey: row.key, createdAt: at, updatedAt: at });
            }
          }
          for (let i = 0; i < toCreate.length; i += CREATE_CHUNK) {
            await tx.unit.createMany({ data: toCreate.slice(i, i + CREATE_CHUNK) });
          }
          result.created = toCreate.length;
          await audit(tx, actor, at, 'roster.imported', {
            fileName: options.fileName ?? null,
            rows: checked.rows.length,
            rejectedRows: (options.rejectedRows ?? 0) + new Set(checked.refused.map((problem) => problem.row)).size,
            ...result,
            // where the rows lie: who may read of this import in 日志
            cities: distinct(checked.rows.map((row) => row.city)),
            industries: distinct(checked.rows.map((row) => row.industry)),
          });
          return scope ? { ...result, refused: checked.refused } : result;
        },
        { timeout: IMPORT_TIMEOUT_MS, maxWait: IMPORT_TIMEOUT_MS },
      ),
    );
  }

  /** The rows of a file a scope lets through and those it refuses, against the units as they are now; writes nothing. */
  checkScope(rows: readonly RosterRow[], scope: ImportScope): Promise<ScopeCheck> {
    return this.serial.run(async () => scopeRows(rows, await this.prisma.unit.findMany({ select: STORED_UNIT }), scope));
  }

  /** Keeps a checked file with problems until the admin confirms its valid part; replaces an earlier one. */
  savePending(adminId: string, fileName: string, parse: RosterParse, at: Date): Promise<void> {
    if (parse.fatal) return Promise.reject(new Error('a refused roster file cannot wait for confirmation'));
    const data = { fileName, rows: JSON.stringify(parse.rows), problems: JSON.stringify(parse.problems), createdAt: at };
    return this.serial.run(async () => {
      await this.prisma.pendingImport.upsert({ where: { adminId }, create: { adminId, ...data }, update: data });
    });
  }

  /** The admin's pending import, removed as it is read: a second call gets null. */
  takePending(adminId: string): Promise<Pending | null> {
    return this.serial.run(() =>
      this.prisma.$transaction(async (tx) => {
        const pending = await tx.pendingImport.findUnique({ where: { adminId } });
        if (!pending) return null;
        await tx.pendingImport.delete({ where: { adminId } });
        const rows = z.array(RosterRowSchema).safeParse(parseJson(pending.rows));
        const problems = z.array(RowProblemSchema).safeParse(parseJson(pending.problems));
        if (!rows.success || !problems.success) return null;
        return { adminId, fileName: pending.fileName, rows: rows.data, problems: problems.data, createdAt: pending.createdAt };
      }),
    );
  }

  summary(): Promise<RosterSummary> {
    return this.serial.run(async () => {
      const kinds = await this.prisma.unit.groupBy({ by: ['kind'], _count: { _all: true } });
      const categories = await this.prisma.unit.groupBy({ by: ['category'], where: { kind: 'collective' }, _count: { _all: true } });
      const cities = await this.prisma.unit.groupBy({ by: ['city'], _count: { _all: true } });
      const industries = await this.prisma.unit.groupBy({ by: ['industry'], _count: { _all: true } });
      const fromChat = await this.prisma.unit.count({ where: { source: 'chat', rosterKey: null } });

      const byKind: Record<UnitKind, number> = { collective: 0, industryOrg: 0, cityOrg: 0 };
      for (const group of kinds) if (group.kind in byKind) byKind[group.kind as UnitKind] += group._count._all;
      const byCategory: Record<Category | 'unset', number> = { national20: 0, provincialModel: 0, other: 0, unset: 0 };
      // A unit of several categories counts in each.
      for (const group of categories) {
        const codes = categoriesOf(group.category);
        for (const code of codes.length > 0 ? codes : (['unset'] as const)) byCategory[code] += group._count._all;
      }
      return {
        total: kinds.reduce((sum, group) => sum + group._count._all, 0),
        fromChat,
        byKind,
        byCategory,
        byCity: mostFirst(cities.map((group) => ({ value: group.city, count: group._count._all }))),
        byIndustry: mostFirst(industries.map((group) => ({ value: group.industry, count: group._count._all }))),
      };
    });
  }
}

const STORED_UNIT = { id: true, name: true, kind: true, category: true, city: true, industry: true, source: true, rosterKey: true } as const;

type StoredUnit = { id: number; name: string; kind: string; category: string | null; city: string | null; industry: string | null; source: string; rosterKey: string | null };

type Match = { kind: 'existing'; unit: StoredUnit } | { kind: 'chat'; unit: StoredUnit } | { kind: 'new' };

/**
 * The unit each row writes to: the one of its key; else a unit created in a chat under the same name, when
 * exactly one roster unit (in these rows, or already imported and not in them) and exactly one chat unit
 * carry that name; else a new one.
 */
function matchRows(rows: readonly RosterRow[], units: readonly StoredUnit[]): Map<RosterRow, Match> {
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
function scopeRows(rows: readonly RosterRow[], units: readonly StoredUnit[], scope: ImportScope): ScopeCheck {
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

function distinct(values: readonly (string | null)[]): string[] {
  return [...new Set(values.filter((value): value is string => value !== null))].sort((a, b) => a.localeCompare(b, 'zh'));
}

function fields(row: RosterRow) {
  return { name: row.name, kind: row.kind as string, category: categoryColumn(row.categories), city: row.city, industry: row.industry, source: 'roster' };
}

function sameFields(unit: UnitFields, data: UnitFields): boolean {
  return (Object.keys(data) as Array<keyof UnitFields>).every((key) => unit[key] === data[key]);
}

/** Largest count first; among equal counts by name, the unfilled value last. */
function mostFirst(counts: Count[]): Count[] {
  return counts.sort((a, b) => b.count - a.count || (a.value ?? '\uffff').localeCompare(b.value ?? '\uffff', 'zh'));
}
