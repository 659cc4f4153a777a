import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { applyMigrations } from '../../src/store/migrate.js';
import { migrationsDir, tempDir } from './helpers.js';

const migrationNames = readdirSync(migrationsDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

function rows(dbFile: string): Array<Record<string, unknown>> {
  const db = new Database(dbFile, { readonly: true });
  try {
    return db.prepare('SELECT * FROM "_prisma_migrations" ORDER BY "migration_name"').all() as Array<Record<string, unknown>>;
  } finally {
    db.close();
  }
}

function tables(dbFile: string): string[] {
  const db = new Database(dbFile, { readonly: true });
  try {
    return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>).map((r) => r.name);
  } finally {
    db.close();
  }
}

describe('applyMigrations', () => {
  it('applies every migration to a fresh file, creating its folder', () => {
    const dbFile = path.join(tempDir(), 'not', 'yet', 'bot.db');
    expect(applyMigrations(dbFile, migrationsDir)).toEqual({ applied: migrationNames });
    expect(tables(dbFile)).toEqual(expect.arrayContaining(['Unit', 'Room', 'Submission', 'AuditLog', '_prisma_migrations']));
  });

  it('applies nothing when run again', () => {
    const dbFile = path.join(tempDir(), 'bot.db');
    applyMigrations(dbFile, migrationsDir);
    expect(applyMigrations(dbFile, migrationsDir)).toEqual({ applied: [] });
    expect(rows(dbFile)).toHaveLength(migrationNames.length);
  });

  it("records each migration the way Prisma's engine does", () => {
    const dbFile = path.join(tempDir(), 'bot.db');
    const before = Date.now();
    applyMigrations(dbFile, migrationsDir);
    const recorded = rows(dbFile);
    expect(recorded.map((row) => row.migration_name)).toEqual(migrationNames);
    for (const row of recorded) {
      const sql = readFileSync(path.join(migrationsDir, String(row.migration_name), 'migration.sql'));
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(row.checksum).toBe(createHash('sha256').update(sql).digest('hex'));
      expect(row.applied_steps_count).toBe(1);
      expect(row.logs).toBeNull();
      expect(row.rolled_back_at).toBeNull();
      // Integer milliseconds, as Prisma writes them on SQLite.
      expect(Number.isInteger(row.started_at)).toBe(true);
      expect(Number.isInteger(row.finished_at)).toBe(true);
      expect(row.started_at as number).toBeGreaterThanOrEqual(before);
      expect(row.finished_at as number).toBeGreaterThanOrEqual(row.started_at as number);
    }
  });

  it('stops at a failed migration row with a message that says what to do', () => {
    const dbFile = path.join(tempDir(), 'bot.db');
    applyMigrations(dbFile, migrationsDir);
    const db = new Database(dbFile);
    db.prepare(
      `INSERT INTO "_prisma_migrations" ("id", "checksum", "migration_name", "logs", "started_at", "applied_steps_count")
       VALUES ('f', 'x', '29990101000000_broken', 'near "CREAT": syntax error', ?, 0)`,
    ).run(Date.now());
    db.close();
    expect(() => applyMigrations(dbFile, migrationsDir)).toThrow(
      /Migration 29990101000000_broken failed earlier[\s\S]*prisma migrate resolve --rolled-back 29990101000000_broken[\s\S]*syntax error/,
    );
  });

  it('ignores a failed row once it is marked rolled back', () => {
    const dbFile = path.join(tempDir(), 'bot.db');
    applyMigrations(dbFile, migrationsDir);
    const db = new Database(dbFile);
    db.prepare(
      `INSERT INTO "_prisma_migrations" ("id", "checksum", "migration_name", "started_at", "rolled_back_at", "applied_steps_count")
       VALUES ('f', 'x', '29990101000000_broken', ?, ?, 0)`,
    ).run(Date.now(), Date.now());
    db.close();
    expect(applyMigrations(dbFile, migrationsDir)).toEqual({ applied: [] });
  });

  it('reports an applied migration whose file changed since', () => {
    const dir = tempDir();
    const migrations = path.join(dir, 'migrations');
    cpSync(migrationsDir, migrations, { recursive: true });
    const dbFile = path.join(dir, 'bot.db');
    applyMigrations(dbFile, migrations);
    const first = path.join(migrations, migrationNames[0] ?? '', 'migration.sql');
    writeFileSync(first, `${readFileSync(first, 'utf8')}\n-- edited\n`);
    expect(() => applyMigrations(dbFile, migrations)).toThrow(/was modified after it was applied/);
  });

  it('rolls a failing migration back entirely and records nothing for it', () => {
    const dir = tempDir();
    const migrations = path.join(dir, 'migrations');
    cpSync(migrationsDir, migrations, { recursive: true });
    mkdirSync(path.join(migrations, '29990101000000_bad'));
    writeFileSync(path.join(migrations, '29990101000000_bad', 'migration.sql'), 'CREATE TABLE "Half" ("id" INTEGER);\nCREATE TABLE "Unit" ("id" INTEGER);\n');
    const dbFile = path.join(dir, 'bot.db');
    expect(() => applyMigrations(dbFile, migrations)).toThrow(/Migration 29990101000000_bad failed, nothing of it was applied: .*already exists/);
    expect(tables(dbFile)).not.toContain('Half');
    expect(rows(dbFile).map((row) => row.migration_name)).toEqual(migrationNames);
  });

  it('refuses a migration that leaves foreign keys dangling', () => {
    const dir = tempDir();
    const migrations = path.join(dir, 'migrations');
    cpSync(migrationsDir, migrations, { recursive: true });
    mkdirSync(path.join(migrations, '29990101000000_dangling'));
    writeFileSync(path.join(migrations, '29990101000000_dangling', 'migration.sql'), `INSERT INTO "Room" ("id", "unitId") VALUES ('r1', 42);\n`);
    const dbFile = path.join(dir, 'bot.db');
    expect(() => applyMigrations(dbFile, migrations)).toThrow(/foreign key violations/);
    expect(rows(dbFile).map((row) => row.migration_name)).toEqual(migrationNames);
  });
});
