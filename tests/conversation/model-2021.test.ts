// No dead ends in the 2021 campaign: a seeded random walk of 10,000 steps through each of its forms (see
// walk.ts for what every step sends and what is checked in every state reached).
import { describe, it } from 'vitest';
import { campaign2021, STEPS, walkThrough } from './walk.js';

describe.each([
  ['附件2, by a 示范集体', 'modelCollective', 'collective', 1],
  ['附件1, by an industry league body', 'industryList', 'industryOrg', 2],
  ['the brief, by a city league committee', 'activityReport', 'cityOrg', 3],
] as const)('a random walk through %s', (_, formId, kind, seed) => {
  it(`reaches many states in ${STEPS} steps and meets no dead end`, () => walkThrough(campaign2021, formId, kind, seed), 300_000);
});
