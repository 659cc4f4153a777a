import { existsSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { databaseFile, openDatabase, readPragmas } from '../../src/store/client.js';
import { migrationsDir, tempDir } from './helpers.js';

describe('databaseFile', () => {
  it('reads file: URLs and bare paths, relative ones from the cwd', () => {
    expect(databaseFile('file:./data/bot.db')).toBe(path.resolve(process.cwd(), 'data/bot.db'));
    expect(databaseFile('file:/srv/bot.db?mode=rwc')).toBe('/srv/bot.db');
    expect(databaseFile('/srv/bot.db')).toBe('/srv/bot.db');
    expect(databaseFile('data/bot.db')).toBe(path.resolve(process.cwd(), 'data/bot.db'));
  });
});

describe('openDatabase', () => {
  it('migrates a new file and round-trips a Unit', async () => {
    const file = path.join(tempDir(), 'nested', 'bot.db');
    const db = await openDatabase(`file:${file}`, migrationsDir);
    try {
      expect(existsSync(file)).toBe(true);
      const created = await db.prisma.unit.create({ data: { name: '广州地铁青年文明号', kind: 'collective', city: '广州' } });
      const read = await db.prisma.unit.findUniqueOrThrow({ where: { id: created.id } });
      expect(read).toEqual(created);
      expect(read.source).toBe('chat');
      expect(read.createdAt).toBeInstanceOf(Date);
    } finally {
      await db.close();
    }
  });

  it('sets WAL, a 5 s busy timeout, synchronous NORMAL and foreign keys', async () => {
    const db = await openDatabase(path.join(tempDir(), 'bot.db'), migrationsDir);
    try {
      expect(await readPragmas(db.prisma)).toEqual({ journal_mode: 'wal', busy_timeout: 5000, synchronous: 1, foreign_keys: 1 });
    } finally {
      await db.close();
    }
  });

  it('does not start on a database with a failed migration', async () => {
    const file = path.join(tempDir(), 'bot.db');
    await (await openDatabase(file, migrationsDir)).close();
    const db = new Database(file);
    db.prepare(
      `INSERT INTO "_prisma_migrations" ("id", "checksum", "migration_name", "started_at", "applied_steps_count")
       VALUES ('f', 'x', '29990101000000_broken', ?, 0)`,
    ).run(Date.now());
    db.close();
    await expect(openDatabase(file, migrationsDir)).rejects.toThrow(/Migration 29990101000000_broken failed earlier/);
    // The failed start released the file: once resolved, the same process can open it.
    const fix = new Database(file);
    fix.prepare(`UPDATE "_prisma_migrations" SET "rolled_back_at" = ? WHERE "id" = 'f'`).run(Date.now());
    fix.close();
    await (await openDatabase(file, migrationsDir)).close();
  });

  it('keeps one connection per database in the process', async () => {
    const file = path.join(tempDir(), 'bot.db');
    const db = await openDatabase(file, migrationsDir);
    await expect(openDatabase(`file:${file}`, migrationsDir)).rejects.toThrow(/already open in this process/);
    await db.close();
    const again = await openDatabase(file, migrationsDir);
    expect(await again.prisma.unit.count()).toBe(0);
    await again.close();
  });
});
