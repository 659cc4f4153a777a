// No dead ends in another campaign, or when late submissions are refused: the 2022 fixture's form walked
// 10,000 steps, and 附件2 under 'refuse' (an extra walk beyond the forms, shorter). See walk.ts.
import { describe, it } from 'vitest';
import { campaign2022, refusing, STEPS, walkThrough } from './walk.js';

describe('a random walk through the 2022 fixture’s 项目表', () => {
  it(`reaches many states in ${STEPS} steps and meets no dead end`, () => walkThrough(campaign2022, 'volunteerProject', 'collective', 5), 300_000);
});

describe('a random walk through 附件2 when late submissions are refused', () => {
  const steps = Math.min(STEPS, 4_000);
  it(`reaches many states in ${steps} steps and meets no dead end`, () => walkThrough(refusing, 'modelCollective', 'collective', 4, steps), 300_000);
});
