// Checks a campaign read from its file (src/files/campaign.ts reads it); a bad one stops the start with the
// file, the path inside it and the reason. The schema checks each sentence against the message catalogue
// (catalogue.ts, sentence.ts): its key, and the placeholders it uses; the dates and reminder plans are
// checked here.
import { CampaignSchema, type Campaign } from './schema.js';
import { planOf, planProblems } from './reminder-plan.js';
import { parseLocal } from './time.js';
import { describeIssues } from './zod-errors.js';

export class CampaignError extends Error {
  override name = 'CampaignError';
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
        throw new CampaignError(
          `${source}: forms.${f}.sendBy: ${form.sendBy} is before the units' deadline ${form.deadline}; the collectors need time to review`,
        );
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
