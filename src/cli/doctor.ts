// `npm run doctor [-- --now 2021-09-20T10:30]`: the start-up check, printed, with the command that fixes
// each finding; exits 1 when one is not met. The bot logs the same findings when it starts.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { findCampaignFile, loadCampaignFile } from '../files/index.js';
import { fill } from '../campaign/index.js';
import { accountSettings, readConfig } from '../app/index.js';
import { withSettingAdmins } from '../report/index.js';
import { parseAdmins } from '../report/index.js';
import { openDatabase } from '../store/index.js';
import { PrismaInvitedAdmins } from '../store/index.js';
import { Serial } from '../store/index.js';
import { checkSetUp, type Finding } from './doctor/checks.js';
import { doctorTexts } from './doctor/texts.js';
import { runWhenMain } from './terminal.js';

/** The findings for the settings in `env` at `now`, reading the roster from the database they name. */
export async function setUpFindings(env: Record<string, string | undefined>, now: Date): Promise<Finding[]> {
  const config = readConfig(env);
  const several = accountSettings(config, env);
  const file = findCampaignFile(config.CAMPAIGN_DIR);
  const campaign = loadCampaignFile(file);
  const database = await openDatabase(config.DATABASE_URL);
  try {
    const units = await database.prisma.unit.count();
    const invited = new PrismaInvitedAdmins(database.prisma, new Serial());
    const admins = await withSettingAdmins(parseAdmins(config.ADMINS), invited).list();
    const pending = (await invited.invitations()).filter((invitation) => invitation.contactId === null);
    return checkSetUp({
      campaign,
      campaignFile: path.relative(process.cwd(), file) || file,
      units,
      admins: admins.length,
      pendingInvitations: pending.length,
      accounts:
        several.length > 0
          ? several.map((account) => ({ name: account.name, puppet: account.puppet, token: account.token }))
          : [{ puppet: config.WECHATY_PUPPET, token: config.WECHATY_PUPPET_SERVICE_TOKEN }],
      now,
    });
  } finally {
    await database.close();
  }
}

export async function runDoctor(argv: readonly string[], io: { out(text: string): void; env: Record<string, string | undefined> }): Promise<number> {
  const { values } = parseArgs({ args: [...argv], options: { now: { type: 'string' } } });
  const now = values.now ? new Date(values.now) : new Date();
  const t = doctorTexts();
  try {
    if (Number.isNaN(now.getTime())) throw new Error(`--now ${values.now} is not a time (2021-09-20T10:30)`);
    const findings = await setUpFindings(io.env, now);
    for (const finding of findings) io.out(finding.line);
    const failed = findings.filter((finding) => !finding.ok).length;
    io.out(failed > 0 ? fill(t.failed, { count: failed }) : t.passed);
    return failed > 0 ? 1 : 0;
  } catch (error) {
    io.out(fill(t.cannotRun, { reason: error instanceof Error ? error.message : String(error) }));
    return 2;
  }
}

await runWhenMain(import.meta.url, runDoctor);
