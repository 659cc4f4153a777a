// The daily copy of the database: one a day, consistent, the last 14 kept, hand-made copies left alone.
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DailyBackups, latestBackup } from '../../src/store/backups.js';

const ZONE = 'Asia/Shanghai';

function setUp() {
  const root = mkdtempSync(join(tmpdir(), 'backups-'));
  const sqlite = new Database(join(root, 'bot.db'));
  sqlite.exec("CREATE TABLE Unit (name TEXT); INSERT INTO Unit VALUES ('云山区政务服务中心青年文明号');");
  const dir = join(root, 'backups');
  return { sqlite, dir, backups: new DailyBackups({ sqlite, dir, zone: ZONE }) };
}

describe('daily backups', () => {
  it('makes one copy a day, named by the local day, that opens with the data in it', async () => {
    const { dir, backups } = setUp();
    // 2021-09-20 23:30 in Guangzhou is still the 20th there, though the 20th 15:30 in UTC.
    const made = await backups.runIfDue(new Date('2021-09-20T15:30:00Z'));
    expect(made).toBe(join(dir, 'daily-2021-09-20.db'));
    expect(await backups.runIfDue(new Date('2021-09-20T15:50:00Z'))).toBeUndefined();
    expect(await backups.runIfDue(new Date('2021-09-20T16:10:00Z'))).toBe(join(dir, 'daily-2021-09-21.db'));
    const copy = new Database(join(dir, 'daily-2021-09-20.db'), { readonly: true });
    expect(copy.prepare('SELECT name FROM Unit').all()).toEqual([{ name: '云山区政务服务中心青年文明号' }]);
    copy.close();
    expect(readdirSync(dir).some((name) => name.endsWith('.part'))).toBe(false);
  });

  it('keeps the last 14 daily copies and leaves copies made by hand', async () => {
    const { dir, backups } = setUp();
    await backups.runIfDue(new Date('2021-09-01T04:00:00Z'));
    writeFileSync(join(dir, 'bot-2021-09-01T05-00-00-000Z.db'), '');
    for (let day = 2; day <= 20; day += 1) await backups.runIfDue(new Date(`2021-09-${String(day).padStart(2, '0')}T04:00:00Z`));
    const daily = readdirSync(dir)
      .filter((name) => name.startsWith('daily-'))
      .sort();
    expect(daily).toHaveLength(14);
    expect(daily[0]).toBe('daily-2021-09-07.db');
    expect(existsSync(join(dir, 'bot-2021-09-01T05-00-00-000Z.db'))).toBe(true);
  });

  it('names the newest copy, or none', async () => {
    const { dir, backups } = setUp();
    expect(latestBackup(dir)).toBeUndefined();
    await backups.runIfDue(new Date('2021-09-20T04:00:00Z'));
    expect(latestBackup(dir)).toMatchObject({ file: join(dir, 'daily-2021-09-20.db'), bytes: expect.any(Number) });
  });
});
