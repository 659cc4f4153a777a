// The demo's database starts with the sample roster, so its groups bind to units by their names, and the
// admin's statistics have a province to count.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCampaign } from '../../files/index.js';
import { parseRoster } from '../../roster/index.js';
import { loadRosterSpec } from '../../roster/index.js';
import { openDatabase } from '../../store/index.js';
import { PrismaRosterStore } from '../../store/index.js';
import { Serial } from '../../store/index.js';

export const SAMPLE_ROSTER = 'sample-roster.csv';

/** Imports the sample roster of `campaignDir` unless the database already holds units; returns how many were added. */
export async function importSampleRoster(databaseFile: string, campaignDir: string, sourceDir: string, now: Date): Promise<number> {
  const database = await openDatabase(`file:${databaseFile}`);
  try {
    if ((await database.prisma.unit.count()) > 0) return 0;
    const parse = await parseRoster(
      { name: SAMPLE_ROSTER, data: readFileSync(join(sourceDir, SAMPLE_ROSTER)) },
      loadRosterSpec(campaignDir, loadCampaign(campaignDir).categories),
    );
    if (parse.fatal || parse.problems.length > 0) throw new Error(`${SAMPLE_ROSTER} has problems`);
    const result = await new PrismaRosterStore(database.prisma, new Serial()).importRows(parse.rows, { actor: 'demo', at: now, fileName: SAMPLE_ROSTER });
    return result.created;
  } finally {
    await database.close();
  }
}
