// npm run backup -- FILE: a consistent copy of the bot's database, safe to take while the bot runs
// (SQLite's online backup, through better-sqlite3; WAL lets the bot keep writing meanwhile).
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { loadDotEnv, readConfig } from '../app/config.js';
import { databaseFile } from '../store/client.js';

async function main(argv: string[]): Promise<number> {
  loadDotEnv();
  const config = readConfig(process.env);
  const source = databaseFile(config.DATABASE_URL);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = resolve(process.env.INIT_CWD ?? process.cwd(), argv[0] ?? `data/backups/bot-${stamp}.db`);
  if (!existsSync(source)) {
    process.stderr.write(`No database at ${source} (DATABASE_URL).\n`);
    return 1;
  }
  if (existsSync(target)) {
    process.stderr.write(`${target} exists already: name a new file.\n`);
    return 1;
  }
  mkdirSync(dirname(target), { recursive: true });
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await db.backup(target);
  } finally {
    db.close();
  }
  process.stdout.write(`Backed up ${source} to ${target}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`Backup failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
