import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCampaign } from '../../src/campaign/parse.js';
import { loadCampaignFile } from '../../src/files/campaign.js';
import { findForm } from '../../src/campaign/forms.js';
import { failure as failWith, variant } from '../support/campaign-variants.js';
import { planOf, planProblems, reminderSteps, resolveStep } from '../../src/campaign/reminder-plan.js';

const ZONE = 'Asia/Shanghai';
const FILE = join(new URL('../../conversations', import.meta.url).pathname, 'campaign-2021.yaml');
/** 2021-09-30 12:00 in Shanghai */
const DEADLINE = new Date('2021-09-30T04:00:00.000Z');

const failure = (raw: unknown) => failWith(raw, 'x.yaml');

const iso = (step: string) => resolveStep(step, DEADLINE, ZONE)?.toISOString();

describe('resolveStep', () => {
  it.each([
    ['3d', '2021-09-27T04:00:00.000Z'],
    ['1d', '2021-09-29T04:00:00.000Z'],
    ['3h', '2021-09-30T01:00:00.000Z'],
    ['30m', '2021-09-30T03:30:00.000Z'],
    [' 12h ', '2021-09-29T16:00:00.000Z'],
  ])('%j before the deadline is %s', (step, expected) => {
    expect(iso(step)).toBe(expected);
  });

  it('reads a wall-clock step in the campaign zone', () => {
    expect(iso('2021-09-27 10:00')).toBe('2021-09-27T02:00:00.000Z');
  });

  it.each(['3 days', 'tomorrow', '3w', '2021-09-31 10:00', ''])('%j does not resolve', (step) => {
    expect(iso(step)).toBeUndefined();
  });
});

describe('planProblems', () => {
  it('finds nothing wrong with an ordered plan', () => {
    expect(planProblems(['3d', '2021-09-28 10:00', '1d', '3h', '30m'], DEADLINE, ZONE)).toEqual([]);
  });

  it('reports a step at or after the deadline', () => {
    const problems = planProblems(['1d', '0h', '2021-09-30 13:00'], DEADLINE, ZONE);
    expect(problems.map((p) => p.index)).toEqual([1, 2]);
    for (const p of problems) expect(p.message).toContain('falls at or after');
  });

  it('reports the same time twice as overlapping', () => {
    const problems = planProblems(['3d', '72h'], DEADLINE, ZONE);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ index: 1 });
    expect(problems[0]!.message).toContain('overlaps');
  });

  it('reports steps out of order as overlapping', () => {
    const problems = planProblems(['1d', '3d'], DEADLINE, ZONE);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.index).toBe(1);
    expect(problems[0]!.message).toContain('"3d" overlaps');
  });

  it('reports unparseable steps and names them', () => {
    const problems = planProblems(['3 days', '1d', 'tomorrow'], DEADLINE, ZONE);
    expect(problems.map((p) => p.index)).toEqual([0, 2]);
    expect(problems[0]!.message).toContain('"3 days" must read like');
    expect(problems[1]!.message).toContain('"tomorrow" must read like');
  });
});

describe('the real campaign plan', () => {
  const campaign = loadCampaignFile(FILE);

  it('resolves 附件1 (industryList, 2021-09-28 17:00) to 3d, 1d, 3h', () => {
    const form = findForm(campaign, 'industryList')!;
    expect(form.deadline).toBe('2021-09-28 17:00');
    const deadline = new Date('2021-09-28T09:00:00.000Z');
    expect(reminderSteps(campaign, form, deadline).map((s) => [s.id, s.at.toISOString()])).toEqual([
      ['3d', '2021-09-25T09:00:00.000Z'],
      ['1d', '2021-09-27T09:00:00.000Z'],
      ['3h', '2021-09-28T06:00:00.000Z'],
    ]);
  });

  it('accepts late submissions for 附件1', () => {
    const form = findForm(campaign, 'industryList')!;
    expect(form.late ?? campaign.lateSubmissions).toBe('accept');
  });

  it("uses a form's own plan instead of the campaign's", () => {
    const own = parseCampaign(
      variant((raw) => (raw.forms[0].reminders = ['2021-09-27 10:00', '1d'])),
      'x.yaml',
    );
    const form = own.forms[0]!;
    expect(planOf(own, form)).toEqual(['2021-09-27 10:00', '1d']);
    expect(planOf(own, own.forms[1]!)).toEqual(['3d', '1d', '3h']);
    expect(reminderSteps(own, form, DEADLINE).map((s) => s.at.toISOString())).toEqual(['2021-09-27T02:00:00.000Z', '2021-09-29T04:00:00.000Z']);
  });
});

describe('loading a campaign with a bad plan', () => {
  it('names reminders.plan and the form for an overlapping campaign plan', () => {
    const message = failure(variant((raw) => (raw.reminders.plan = ['1d', '3d'])));
    expect(message).toContain('x.yaml: reminders.plan');
    expect(message).toContain('modelCollective');
    expect(message).toContain('overlaps');
  });

  it('names reminders.plan for an unparseable campaign step', () => {
    const message = failure(variant((raw) => (raw.reminders.plan = ['tomorrow'])));
    expect(message).toContain('reminders.plan');
    expect(message).toContain('"tomorrow" must read like');
  });

  it("names forms.0.reminders.1 for a bad step in a form's own plan", () => {
    const message = failure(variant((raw) => (raw.forms[0].reminders = ['3d', '3 days'])));
    expect(message).toContain('x.yaml: forms.0.reminders.1: ');
    expect(message).toContain('"3 days" must read like');
  });

  it("names the form's step that falls after its deadline", () => {
    // 2021-09-29 10:00 is before 附件2's deadline but after 附件1's (2021-09-28 17:00)
    const message = failure(variant((raw) => (raw.forms[2].reminders = ['1d', '2021-09-29 10:00'])));
    expect(message).toContain('forms.2.reminders.1: ');
    expect(message).toContain('falls at or after');
  });

  it('rejects an unknown time zone', () => {
    const message = failure(variant((raw) => (raw.timezone = 'Mars/Olympus')));
    expect(message).toContain('timezone');
    expect(message).toContain('unknown time zone');
  });
});
