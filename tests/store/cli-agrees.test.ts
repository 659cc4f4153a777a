// The Prisma CLI, run offline through prisma/schema-engine, must agree with what applyMigrations
// recorded: same table, same row format.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { applyMigrations } from '../../src/store/migrate.js';
import { migrationsDir, projectRoot, tempDir } from './helpers.js';

const prisma = path.join(projectRoot, 'node_modules/.bin/prisma');

async function cli(args: string[], databaseUrl: string): Promise<string> {
  const { stdout } = await promisify(execFile)(prisma, args, {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' },
  });
  return stdout;
}

describe('the Prisma CLI on a database migrated at start', () => {
  it('finds it up to date, with nothing to deploy', async () => {
    const file = path.join(tempDir(), 'bot.db');
    applyMigrations(file, migrationsDir);
    expect(await cli(['migrate', 'status'], `file:${file}`)).toContain('Database schema is up to date!');
    expect(await cli(['migrate', 'deploy'], `file:${file}`)).toContain('No pending migrations to apply.');
  }, 60_000); // the Prisma CLI, a child process: seconds on a loaded 2-core machine
});
