// What the admins' statistics count (src/report/stats.ts): only the units that owe a form, each in one
// state (handed in, late, a draft, nothing), grouped by city, or by industry for a city's admin and for a
// form only industry bodies fill; and the units still missing a form, in the order 未交 lists them.
import { describe, expect, it } from 'vitest';
import { findForm } from '../../src/campaign/forms.js';
import { loadCampaign } from '../../src/files/campaign.js';
import { formStats, missingUnits } from '../../src/report/stats.js';
import type { AdminSubmission, AdminUnit } from '../../src/report/units.js';
import { adminUnit } from '../support/admin-desk.js';

const campaign = loadCampaign('conversations');
const model = findForm(campaign, 'modelCollective')!;
const industryList = findForm(campaign, 'industryList')!;
const AT = new Date('2021-09-25T02:00:00Z');

function handedIn(formId: string, late = false): AdminSubmission {
  return { formId, status: 'submitted', answers: { commitment: '热情周到' }, version: 1, submittedAt: AT, late, review: null };
}

function draft(formId: string, answers: AdminSubmission['answers']): AdminSubmission {
  return { formId, status: 'draft', answers, version: 0, submittedAt: null, late: false, review: null };
}

function unit(id: number, name: string, city: string | null, industry: string | null, submissions: AdminSubmission[] = []): AdminUnit {
  return { ...adminUnit(id, name, city, industry), submissions };
}

const UNITS: AdminUnit[] = [
  unit(1, '广州甲集体', '广州市', '广州地铁', [handedIn('modelCollective')]),
  unit(2, '广州乙集体', '广州市', '广东电网', [handedIn('modelCollective', true)]),
  unit(3, '深圳甲集体', '深圳市', '广东电网', [draft('modelCollective', { commitment: '便民利民' })]),
  // a draft opened and left empty counts as nothing handed in
  unit(4, '深圳乙集体', '深圳市', null, [draft('modelCollective', {})]),
  // an ordinary collective does not owe 附件2 and is not counted for it
  { ...unit(5, '广州普通集体', '广州市', null), categories: ['other'] },
  { ...unit(6, '广东电网团委', null, '广东电网'), kind: 'industryOrg', categories: [] },
];

describe('formStats', () => {
  it('counts the units that owe the form, each once, and by city for the province', () => {
    const [stats] = formStats(campaign, { kind: 'province' }, UNITS, [model]);
    expect(stats!.counts).toEqual({ total: 4, submitted: 2, late: 1, draft: 1, none: 1 });
    expect(stats!.byIndustry).toBe(false);
    expect(stats!.groups.map(([city, counts]) => [city, counts.total, counts.submitted])).toEqual([
      ['广州市', 2, 2],
      ['深圳市', 2, 0],
    ]);
  });

  it("groups by industry for a city's admin, with the units without one under their own label", () => {
    const shenzhen = UNITS.filter((u) => u.city === '深圳市');
    const [stats] = formStats(campaign, { kind: 'city', city: '深圳市' }, shenzhen, [model]);
    expect(stats!.byIndustry).toBe(true);
    expect(stats!.groups.map(([industry]) => industry).sort()).toEqual(['广东电网', campaign.admin.labels.noIndustry].sort());
  });

  it('groups by industry a form only industry bodies owe, and leaves out a form no unit in scope owes', () => {
    const stats = formStats(campaign, { kind: 'province' }, UNITS, [industryList, model]);
    expect(stats.map((s) => s.form.id)).toEqual(['industryList', 'modelCollective']);
    expect(stats[0]!.byIndustry).toBe(true);
    expect(stats[0]!.counts).toEqual({ total: 1, submitted: 0, late: 0, draft: 0, none: 1 });
    expect(formStats(campaign, { kind: 'province' }, UNITS.slice(0, 4), [industryList])).toEqual([]);
  });
});

describe('missingUnits', () => {
  it('lists the units that owe the form and have not handed it in, by city, then name (甲 before 乙, as pinyin orders them)', () => {
    expect(missingUnits(campaign, UNITS, model).map((u) => u.id)).toEqual([3, 4]);
    expect(missingUnits(campaign, UNITS, industryList).map((u) => u.id)).toEqual([6]);
  });
});
