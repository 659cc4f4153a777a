// npm run backup [-- FILE]: a consistent copy of the bot's database, safe to take while the bot runs
// (SQLite's online backup, store/backups.ts; WAL lets the bot keep writing meanwhile). Without FILE,
// data/backups/bot-<time>.db. Exit codes: 0 done, 1 no database or FILE exists already, 2 a command line
// written wrong.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadDotEnv, readConfig } from '../app/index.js';
import { backUpFile } from '../store/index.js';
import { databaseFile } from '../store/index.js';

const USAGE = 'Usage: npm run backup [-- FILE]';

async function main(argv: string[]): Promise<number> {
  let file: string | undefined;
  try {
    const { values, positionals } = parseArgs({ args: argv, options: { help: { type: 'boolean', short: 'h' } }, allowPositionals: true });
    if (values.help) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    if (positionals.length > 1) throw new Error(`One FILE at most, not ${positionals.length}.`);
    file = positionals[0];
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  loadDotEnv();
  const config = readConfig(process.env);
  const source = databaseFile(config.DATABASE_URL);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = resolve(process.env.INIT_CWD ?? process.cwd(), file ?? `data/backups/bot-${stamp}.db`);
  if (!existsSync(source)) {
    process.stderr.write(`No database at ${source} (DATABASE_URL).\n`);
    return 1;
  }
  if (existsSync(target)) {
    process.stderr.write(`${target} exists already: name a new file.\n`);
    return 1;
  }
  mkdirSync(dirname(target), { recursive: true });
  await backUpFile(source, target);
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
