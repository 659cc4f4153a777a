// The roster's storage over Prisma (the RosterStore of src/roster/store.ts): importing checked rows into
// units, the pending import an admin has yet to confirm, and the roster's counts. Every query goes through
// the Serial queue (one SQLite connection); an import is one transaction, all or nothing, with its audit rows.
import { z } from 'zod';
import { CategorySchema, UnitKindSchema, type Category, type UnitKind } from '../campaign/index.js';
import { matchRows, scopeRows } from '../roster/index.js';
import type { RosterParse, RosterRow } from '../roster/index.js';
import { PROBLEM_KEYS } from '../roster/index.js';
import type { Count, ImportOptions, ImportResult, ImportScope, Pending, RosterStore, RosterSummary, ScopeCheck } from '../roster/index.js';
import type { PrismaClient } from './generated/client.js';
import { audit, parseJson } from './records.js';
import type { Serial } from './serial.js';
import { categoriesOf, categoryColumn } from './unit-row.js';

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

export class PrismaRosterStore implements RosterStore {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly serial: Serial,
  ) {}

  /** One transaction: the units are read, matched and written inside it, with the audit rows. */
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

  checkScope(rows: readonly RosterRow[], scope: ImportScope): Promise<ScopeCheck> {
    return this.serial.run(async () => scopeRows(rows, await this.prisma.unit.findMany({ select: STORED_UNIT }), scope));
  }

  savePending(adminId: string, fileName: string, parse: RosterParse, at: Date): Promise<void> {
    if (parse.fatal) return Promise.reject(new Error('a refused roster file cannot wait for confirmation'));
    const data = { fileName, rows: JSON.stringify(parse.rows), problems: JSON.stringify(parse.problems), createdAt: at };
    return this.serial.run(async () => {
      await this.prisma.pendingImport.upsert({ where: { adminId }, create: { adminId, ...data }, update: data });
    });
  }

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

  summary(known: readonly Category[]): Promise<RosterSummary> {
    return this.serial.run(async () => {
      const kinds = await this.prisma.unit.groupBy({ by: ['kind'], _count: { _all: true } });
      const categories = await this.prisma.unit.groupBy({ by: ['category'], where: { kind: 'collective' }, _count: { _all: true } });
      const cities = await this.prisma.unit.groupBy({ by: ['city'], _count: { _all: true } });
      const industries = await this.prisma.unit.groupBy({ by: ['industry'], _count: { _all: true } });
      const fromChat = await this.prisma.unit.count({ where: { source: 'chat', rosterKey: null } });

      const byKind: Record<UnitKind, number> = { collective: 0, industryOrg: 0, cityOrg: 0 };
      for (const group of kinds) if (group.kind in byKind) byKind[group.kind as UnitKind] += group._count._all;
      const byCategory: Record<Category | 'unset', number> = Object.fromEntries([...known, 'unset'].map((code) => [code, 0]));
      // A unit of several categories counts in each.
      for (const group of categories) {
        const codes = categoriesOf(group.category);
        for (const code of codes.length > 0 ? codes : ['unset']) byCategory[code] = (byCategory[code] ?? 0) + group._count._all;
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
