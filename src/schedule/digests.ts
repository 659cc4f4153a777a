// When the admins' digests go out: each day of the campaign at the configured time, and right after each
// deadline. Each is queued once per admin (the key names the day or the form), with its text as it stands
// when queued; one missed while the bot was down still goes out within a day. The admins are the ones of the
// moment the digest is queued.
import type { AdminDirectory } from '../report/index.js';
import { deadlineOf } from '../campaign/index.js';
import type { Campaign, Form } from '../campaign/index.js';
import { fill } from '../campaign/index.js';
import type { Logger } from '../log/index.js';
import type { AdminUnit, AuditEntry } from '../report/index.js';
import { digestText, type BudgetState } from './digest-text.js';
import { localDay } from '../campaign/index.js';
import { atLocalTime } from './quiet-hours.js';
import type { ScheduleStore } from './store.js';

const DAY_MS = 86_400_000;

export interface DigestPlannerOptions {
  campaign: Campaign;
  admins: Pick<AdminDirectory, 'list'>;
  units: () => Promise<AdminUnit[]>;
  store: ScheduleStore;
  /** minutes after local midnight */
  digestAt: number;
  /** the first day with digests; the last is the day of the last deadline */
  firstDay: Date;
  budget: (now: Date) => Promise<BudgetState>;
  /** the binding changes since a time, reported in the next digest */
  bindingChanges: (since: Date) => Promise<AuditEntry[]>;
  log: Logger;
}

interface Job {
  key: string;
  heading: string;
  forms: Form[];
}

export class DigestPlanner {
  constructor(private readonly options: DigestPlannerOptions) {}

  private jobs(now: Date): Job[] {
    const { campaign, digestAt, firstDay } = this.options;
    const m = campaign.admin.messages;
    const zone = campaign.timezone;
    const deadlines = campaign.forms.map((form) => deadlineOf(campaign, form));
    const first = localDay(firstDay, zone);
    const last = localDay(new Date(Math.max(...deadlines.map((d) => d.getTime()))), zone);
    const jobs: Job[] = [];
    for (const at of [atLocalTime(now, digestAt, zone), atLocalTime(new Date(now.getTime() - DAY_MS), digestAt, zone)]) {
      const day = localDay(at, zone);
      if (at > now || now.getTime() >= at.getTime() + DAY_MS || day < first || day > last) continue;
      // Forms whose deadline passed more than a day ago have had their own digest: leave them out.
      const forms = campaign.forms.filter((_, i) => deadlines[i]!.getTime() + DAY_MS > at.getTime());
      if (forms.length > 0) jobs.push({ key: `digest:daily:${day}`, heading: fill(m.digestDaily, { campaign: campaign.title }), forms });
    }
    campaign.forms.forEach((form, i) => {
      const deadline = deadlines[i]!;
      // After the deadline, not at it: a form handed in at the deadline's very minute is still on time.
      if (deadline < now && now.getTime() < deadline.getTime() + DAY_MS) {
        jobs.push({ key: `digest:deadline:${form.id}`, heading: fill(m.digestDeadline, { form: form.shortTitle, campaign: campaign.title }), forms: [form] });
      }
    });
    return jobs;
  }

  /** Queues the digests due at `now`, once each. */
  async plan(now: Date): Promise<void> {
    const { campaign, store, log } = this.options;
    const jobs = this.jobs(now);
    if (jobs.length === 0) return;
    const admins = await this.options.admins.list();
    if (admins.length === 0) return;
    for (const job of jobs) {
      if (await store.round(job.key)) continue;
      const [units, budget, changes] = await Promise.all([
        this.options.units(),
        this.options.budget(now),
        this.options.bindingChanges(new Date(now.getTime() - DAY_MS)),
      ]);
      const added = await store.enqueue(
        admins.map((admin) => ({
          key: `${job.key}:${admin.id}`,
          kind: 'digest' as const,
          target: admin.id,
          payload: { text: digestText(campaign, admin, units, job.forms, job.heading, now, budget, changes) },
          priority: 0,
          notBefore: now,
          expiresAt: new Date(now.getTime() + DAY_MS),
        })),
      );
      await store.saveRound({
        key: job.key,
        formId: job.forms.map((f) => f.id).join(','),
        step: 'digest',
        status: 'planned',
        recipients: added,
        shortfall: 0,
        at: now,
      });
      log.info({ digest: job.key, admins: added }, 'digest queued');
    }
  }
}
