// Copies of the database for the month the bot runs: one a day in data/backups/daily-YYYY-MM-DD.db (the
// day in the campaign's time zone), the last 14 kept, taken with SQLite's online backup through the bot's
// own connection so it is consistent while the bot writes. `npm run backup` writes to the same folder.
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Sqlite, { type Database } from 'better-sqlite3';
import { localDay } from '../campaign/index.js';

export const BACKUP_DAYS_KEPT = 14;
const DAILY = /^daily-(\d{4}-\d{2}-\d{2})\.db$/;

export interface BackupFile {
  file: string;
  at: Date;
  bytes: number;
}

/** The newest backup in `dir`, daily or by hand, or undefined when there is none. */
export function latestBackup(dir: string): BackupFile | undefined {
  let latest: BackupFile | undefined;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return undefined;
  }
  for (const name of names.filter((candidate) => candidate.endsWith('.db'))) {
    const stat = statSync(join(dir, name));
    if (!latest || stat.mtime > latest.at) latest = { file: join(dir, name), at: stat.mtime, bytes: stat.size };
  }
  return latest;
}

export class DailyBackups {
  private running: Promise<string | undefined> | undefined;

  constructor(private readonly options: { sqlite: Database; dir: string; zone: string; keepDays?: number }) {}

  /** Takes today's backup unless it exists, then removes the daily ones past the days kept. Returns the new file. */
  runIfDue(now: Date): Promise<string | undefined> {
    this.running ??= this.run(now).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Waits for a backup under way, if any. */
  async idle(): Promise<void> {
    await this.running?.catch(() => undefined);
  }

  private async run(now: Date): Promise<string | undefined> {
    const { dir, sqlite, zone } = this.options;
    const today = localDay(now, zone);
    mkdirSync(dir, { recursive: true });
    const names = readdirSync(dir);
    let made: string | undefined;
    if (!names.includes(`daily-${today}.db`)) {
      made = join(dir, `daily-${today}.db`);
      const partial = `${made}.part`;
      await sqlite.backup(partial);
      // Renamed only once whole: a crash mid-copy leaves no file that looks like a backup.
      rmSync(made, { force: true });
      renameSync(partial, made);
    }
    const keep = this.options.keepDays ?? BACKUP_DAYS_KEPT;
    const days = readdirSync(dir)
      .map((name) => DAILY.exec(name)?.[1])
      .filter((day): day is string => day !== undefined)
      .sort()
      .reverse();
    for (const day of days.slice(keep)) rmSync(join(dir, `daily-${day}.db`), { force: true });
    return made;
  }
}

/** A consistent copy of the database file `source` into `target`, taken while the bot may be writing. */
export async function backUpFile(source: string, target: string): Promise<void> {
  const db = new Sqlite(source, { readonly: true, fileMustExist: true });
  try {
    await db.backup(target);
  } finally {
    db.close();
  }
}
