// Reads the campaign file of a folder and checks it; a bad file stops the start with the file, the path
// inside it and the reason. The schema checks each sentence against the message catalogue (catalogue.ts,
// sentence.ts): its key, and the placeholders it uses; the dates and reminder plans are checked here.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { CampaignSchema, type Campaign } from './schema.js';
import { planOf, planProblems } from './reminder-plan.js';
import { parseLocal } from './time.js';
import { describeIssues } from './zod-errors.js';

export class CampaignError extends Error {
  override name = 'CampaignError';
}

const CAMPAIGN_FILE = /^campaign.*\.(ya?ml|json)$/;

/** The one campaign file in `dir` (campaign*.yaml, .yml or .json). */
export function findCampaignFile(dir: string): string {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => CAMPAIGN_FILE.test(name));
  } catch (error) {
    throw new CampaignError(`campaign folder ${dir} cannot be read: ${(error as Error).message}`);
  }
  if (names.length !== 1) {
    const found = names.length === 0 ? 'none' : names.join(', ');
    throw new CampaignError(`campaign folder ${dir} must hold exactly one campaign*.yaml file (found: ${found})`);
  }
  return join(dir, names[0]!);
}

export function loadCampaign(dir: string): Campaign {
  return loadCampaignFile(findCampaignFile(dir));
}

export function loadCampaignFile(file: string): Campaign {
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    const where = error instanceof YAMLParseError && error.linePos ? ` line ${error.linePos[0].line}` : '';
    throw new CampaignError(`${file}${where}: ${(error as Error).message}`);
  }
  return parseCampaign(raw, file);
}

/** Checks an already-parsed campaign object; `source` names it in errors. */
export function parseCampaign(raw: unknown, source: string): Campaign {
  const result = CampaignSchema.safeParse(raw);
  if (!result.success) throw new CampaignError(`campaign file is not valid:\n${describeIssues(result.error, source)}`);
  const campaign = result.data;
  campaign.forms.forEach((form, f) => {
    const deadline = parseLocal(form.deadline, campaign.timezone);
    if (!deadline) throw new CampaignError(`${source}: forms.${f}.deadline: ${form.deadline} is not a real date`);
    if (form.sendBy !== undefined) {
      const sendBy = parseLocal(form.sendBy, campaign.timezone);
      if (!sendBy) throw new CampaignError(`${source}: forms.${f}.sendBy: ${form.sendBy} is not a real date`);
      if (sendBy.getTime() < deadline.getTime()) {
        throw new CampaignError(`${source}: forms.${f}.sendBy: ${form.sendBy} is before the units' deadline ${form.deadline}; the collectors need time to review`);
      }
    }
    // A form's own plan is reported where it is written; the campaign's plan, against the form it fails for.
    const where = (index: number) => (form.reminders ? `forms.${f}.reminders.${index}` : `reminders.plan.${index} (for form ${form.id})`);
    const problems = planProblems(planOf(campaign, form), deadline, campaign.timezone);
    if (problems.length > 0) {
      throw new CampaignError(problems.map((p) => `${source}: ${where(p.index)}: ${p.message}`).join('\n'));
    }
  });
  return campaign;
}
