import { describe, expect, it } from 'vitest';
import { capacity, type BudgetContext } from '../../src/schedule/budget.js';
import { parseQuietHours } from '../../src/schedule/quiet-hours.js';

const ZONE = 'Asia/Shanghai';
const sh = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);

function context(limits: Partial<BudgetContext['limits']> = {}, sentOn?: BudgetContext['sentOn']): BudgetContext {
  return {
    limits: { minGapMs: 15_000, jitterMs: 10_000, dailyCap: 1000, ...limits },
    quiet: parseQuietHours('22:00-08:00')!,
    zone: ZONE,
    sentOn,
  };
}

describe('capacity', () => {
  it('fits one message per worst-case gap in an open hour', () => {
    // slot 25 s: sends at 0, 25 s, … up to 3575 s: 3 600 000 / 25 000
    expect(capacity(sh('2021-09-27 10:00'), sh('2021-09-27 11:00'), context())).toBe(144);
  });

  it('is capped by the daily cap', () => {
    expect(capacity(sh('2021-09-27 10:00'), sh('2021-09-27 11:00'), context({ dailyCap: 100 }))).toBe(100);
  });

  it('gets nothing from the quiet hours', () => {
    expect(capacity(sh('2021-09-27 22:00'), sh('2021-09-28 08:00'), context())).toBe(0);
    expect(capacity(sh('2021-09-27 23:00'), sh('2021-09-28 07:00'), context())).toBe(0);
  });

  it('counts only the open part of a window that runs into the quiet hours', () => {
    // 21:00–23:00: one open hour
    expect(capacity(sh('2021-09-27 21:00'), sh('2021-09-27 23:00'), context())).toBe(144);
  });

  it("counts each day's cap separately", () => {
    const ctx = context({ dailyCap: 10 });
    expect(capacity(sh('2021-09-27 20:00'), sh('2021-09-27 21:00'), ctx)).toBe(10);
    expect(capacity(sh('2021-09-27 20:00'), sh('2021-09-28 10:00'), ctx)).toBe(20);
    expect(capacity(sh('2021-09-27 20:00'), sh('2021-09-29 10:00'), ctx)).toBe(30);
  });

  it("takes what was sent today off today's room only", () => {
    const sentOn = (day: string) => (day === '2021-09-27' ? 7 : 0);
    const ctx = context({ dailyCap: 10 }, sentOn);
    expect(capacity(sh('2021-09-27 20:00'), sh('2021-09-27 21:00'), ctx)).toBe(3);
    expect(capacity(sh('2021-09-27 20:00'), sh('2021-09-28 10:00'), ctx)).toBe(13);
    expect(
      capacity(
        sh('2021-09-27 20:00'),
        sh('2021-09-27 21:00'),
        context({ dailyCap: 10 }, () => 50),
      ),
    ).toBe(0);
  });

  it('gives the daily cap when there is no gap', () => {
    expect(capacity(sh('2021-09-27 10:00'), sh('2021-09-27 10:01'), context({ minGapMs: 0, jitterMs: 0, dailyCap: 500 }))).toBe(500);
  });

  it('is zero for an empty window', () => {
    expect(capacity(sh('2021-09-27 10:00'), sh('2021-09-27 10:00'), context())).toBe(0);
  });
});
