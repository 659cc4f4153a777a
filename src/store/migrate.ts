// Applies prisma/migrations/*/migration.sql at start, without the Prisma CLI (which needs a schema
// engine that offline servers cannot download). Each migration is recorded in Prisma's own
// `_prisma_migrations` table, in the format Prisma writes, so `prisma migrate status` says
// "up to date" and `prisma migrate deploy` finds nothing left to do.

import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/** Prisma's DDL for the table, as its schema engine creates it on SQLite. */
const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: unknown;
  rolled_back_at: unknown;
  started_at: unknown;
  logs: string | null;
}

interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

/** The migration folders in name order (their names start with a timestamp), as the CLI orders them. */
export function readMigrations(migrationsDir: string): MigrationFile[] {
  if (!existsSync(migrationsDir)) {
    throw new MigrationError(`Migrations folder not found: ${migrationsDir}`);
  }
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(migrationsDir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((name) => {
      const bytes = readFileSync(path.join(migrationsDir, name, 'migration.sql'));
      // Prisma's checksum: lowercase hex sha256 of the file's bytes.
      return { name, sql: bytes.toString('utf8'), checksum: createHash('sha256').update(bytes).digest('hex') };
    });
}

/**
 * Applies the migrations of `migrationsDir` not yet recorded in `dbFile` (created, with its folder,
 * if missing) and returns their names. Throws a MigrationError, applying nothing more, when the
 * database holds a failed migration or an applied migration whose file has changed since.
 */
export function applyMigrations(dbFile: string, migrationsDir: string): { applied: string[] } {
  const migrations = readMigrations(migrationsDir);
  mkdirSync(path.dirname(path.resolve(dbFile)), { recursive: true });
  const db = new Database(dbFile, { timeout: 5000 });
  try {
    db.exec(MIGRATIONS_TABLE);
    checkHistory(db, migrations);
    const applied: string[] = [];
    for (const migration of migrations) {
      if (applyOne(db, migration)) applied.push(migration.name);
    }
    return { applied };
  } finally {
    db.close();
  }
}

/** Rows still in effect: those not rolled back (a row rolled back by `migrate resolve` is history only). */
function liveRows(db: Database.Database): MigrationRow[] {
  return db.prepare('SELECT * FROM "_prisma_migrations" WHERE "rolled_back_at" IS NULL ORDER BY "started_at"').all() as MigrationRow[];
}

function checkHistory(db: Database.Database, migrations: MigrationFile[]): void {
  const rows = liveRows(db);
  const failed = rows.find((row) => row.finished_at === null);
  if (failed) {
    throw new MigrationError(
      `Migration ${failed.migration_name} failed earlier (started ${formatTime(failed.started_at)}) and the ` +
        'database may be half-migrated; no migration will be applied until this is resolved. Inspect the ' +
        'database, then run `npx prisma migrate resolve --rolled-back ' +
        `${failed.migration_name}\` (after undoing its changes) or \`--applied\` (after completing them).` +
        (failed.logs ? `\nIts log: ${failed.logs}` : ''),
    );
  }
  for (const migration of migrations) {
    const row = rows.find((r) => r.migration_name === migration.name);
    if (row && row.checksum !== migration.checksum) {
      throw new MigrationError(
        `Migration ${migration.name} was modified after it was applied (checksum in the database ` +
          `${row.checksum}, file ${migration.checksum}). Applied migrations must not change: restore the ` +
          'file and put the change in a new migration.',
      );
    }
  }
}

/** Applies one migration unless already recorded; returns whether it applied it. */
function applyOne(db: Database.Database, migration: MigrationFile): boolean {
  // Foreign keys off, as Prisma's own SQLite migrations assume (they rebuild tables by copying them);
  // the pragma is a no-op inside a transaction, so it is set around it. Violations are checked below.
  db.pragma('foreign_keys = OFF');
  try {
    const run = db.transaction((): boolean => {
      // Checked again inside the write transaction: another process may have applied it meanwhile.
      const done = db
        .prepare('SELECT 1 FROM "_prisma_migrations" WHERE "migration_name" = ? AND "rolled_back_at" IS NULL AND "finished_at" IS NOT NULL')
        .get(migration.name);
      if (done) return false;
      const startedAt = Date.now();
      db.exec(migration.sql);
      const violations = db.pragma('foreign_key_check') as Array<Record<string, unknown>>;
      if (violations.length > 0) {
        throw new MigrationError(`Migration ${migration.name} leaves foreign key violations: ${JSON.stringify(violations.slice(0, 5))}`);
      }
      // Times as integer milliseconds, the format Prisma's engine uses on SQLite.
      db.prepare(
        `INSERT INTO "_prisma_migrations"
           ("id", "checksum", "finished_at", "migration_name", "logs", "rolled_back_at", "started_at", "applied_steps_count")
         VALUES (?, ?, ?, ?, NULL, NULL, ?, 1)`,
      ).run(randomUUID(), migration.checksum, Date.now(), migration.name, startedAt);
      return true;
    });
    try {
      // IMMEDIATE takes the write lock up front, so two starting processes queue instead of failing.
      return run.immediate();
    } catch (error) {
      // The transaction rolled back, so nothing of the migration remains and no "failed" row is
      // written: the next start retries it after a fix, with no manual `migrate resolve` needed.
      if (error instanceof MigrationError) throw error;
      throw new MigrationError(`Migration ${migration.name} failed, nothing of it was applied: ${(error as Error).message}`, {
        cause: error,
      });
    }
  } finally {
    db.pragma('foreign_keys = ON');
  }
}

function formatTime(value: unknown): string {
  const date = typeof value === 'number' || typeof value === 'bigint' ? new Date(Number(value)) : new Date(String(value));
  return Number.isNaN(date.getTime()) ? String(value) : date.toISOString();
}
