import { describe, expect, it } from 'vitest';
import type { BudgetContext } from '../../src/schedule/budget.js';
import { capacity } from '../../src/schedule/budget.js';
import { accountsMore, planSpread, spread } from '../../src/schedule/spread.js';
import { parseQuietHours } from '../../src/schedule/quiet-hours.js';

const sh = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);
const groups = (count: number, accounts: string[], prefix = 'g') => Array.from({ length: count }, (_, i) => ({ id: `${prefix}${i}`, accounts }));

function context(dailyCap: number): BudgetContext {
  return { limits: { minGapMs: 15_000, jitterMs: 10_000, dailyCap }, quiet: parseQuietHours('22:00-08:00')!, zone: 'Asia/Shanghai' };
}

describe('spread', () => {
  it('carries every group when each account has room for its own', () => {
    const result = spread(
      [...groups(3, ['甲'], 'a'), ...groups(2, ['乙'], 'b')],
      new Map([
        ['甲', 3],
        ['乙', 2],
      ]),
    );
    expect(result).toEqual({ carried: 5, short: 0, stranded: [] });
  });

  it('names the groups only one account is in when that account has no room left', () => {
    const result = spread(
      [...groups(4, ['甲'], 'a'), ...groups(2, ['乙'], 'b')],
      new Map([
        ['甲', 1],
        ['乙', 10],
      ]),
    );
    expect(result.short).toBe(3);
    expect(result.stranded).toEqual([{ accounts: ['甲'], groups: ['a1', 'a2', 'a3'] }]);
  });

  it('sends the shared groups through the account with room, after the groups only one account can reach', () => {
    // 甲 has room for 2: its own group first, then one shared; 乙 takes the other shared ones.
    const result = spread(
      [...groups(3, ['甲', '乙'], 's'), ...groups(1, ['甲'], 'a')],
      new Map([
        ['甲', 2],
        ['乙', 2],
      ]),
    );
    expect(result).toEqual({ carried: 4, short: 0, stranded: [] });
  });

  it('lists groups no logged-in account is in', () => {
    const result = spread([{ id: 'x', accounts: [] }, ...groups(1, ['甲'])], new Map([['甲', 5]]));
    expect(result.stranded).toEqual([{ accounts: [], groups: ['x'] }]);
    expect(result.short).toBe(1);
  });

  it('says when all the accounts of shared groups are out of room', () => {
    const result = spread(
      groups(5, ['甲', '乙'], 's'),
      new Map([
        ['甲', 1],
        ['乙', 2],
      ]),
    );
    expect(result.stranded).toEqual([{ accounts: ['甲', '乙'], groups: ['s3', 's4'] }]);
  });
});

describe('planSpread', () => {
  it('starts no earlier than needed when the accounts together carry the round', () => {
    // 100 a day each; 150 groups split between two accounts fit in one day from 08:00
    const all = [...groups(75, ['甲'], 'a'), ...groups(75, ['乙'], 'b')];
    const budgets = [
      { account: '甲', context: context(100) },
      { account: '乙', context: context(100) },
    ];
    const plan = planSpread(all, sh('2021-09-27 09:00'), sh('2021-09-28 08:00'), sh('2021-09-26 09:00'), budgets);
    expect(plan.start).toEqual(sh('2021-09-27 09:00'));
    expect(plan.spread.short).toBe(0);
  });

  it('starts early when one account alone holds more groups than its day allows', () => {
    const all = [...groups(150, ['甲'], 'a'), ...groups(10, ['乙'], 'b')];
    const budgets = [
      { account: '甲', context: context(100) },
      { account: '乙', context: context(100) },
    ];
    const plan = planSpread(all, sh('2021-09-27 09:00'), sh('2021-09-28 08:00'), sh('2021-09-25 09:00'), budgets);
    expect(plan.start.getTime()).toBeLessThan(sh('2021-09-27 09:00').getTime());
    expect(plan.spread.short).toBe(0);
    // Even from the earliest start, 甲 alone cannot carry 350 of its own groups in two days.
    const tight = planSpread([...groups(350, ['甲'], 'a')], sh('2021-09-27 09:00'), sh('2021-09-28 08:00'), sh('2021-09-26 09:00'), budgets);
    expect(tight.spread.short).toBe(150);
    expect(tight.spread.stranded[0]).toMatchObject({ accounts: ['甲'] });
    expect(tight.spread.stranded[0]!.groups).toHaveLength(150);
  });
});

describe('planSpread with one account', () => {
  const end = sh('2021-09-27 12:00');
  const earliest = sh('2021-09-27 08:00');
  const at = sh('2021-09-27 11:00');
  const one = [{ account: '微信', context: context(1000) }];
  const plan = (need: number) => planSpread(groups(need, ['微信']), at, end, earliest, one);

  it('starts at `at` when the window holds everyone', () => {
    const result = plan(100);
    expect(result.start).toBe(at);
    expect(result).toMatchObject({ capacity: 144, spread: { short: 0 } });
  });

  it('starts earlier, but not before `earliest`, when the window is too short: the latest such start', () => {
    const result = plan(300);
    expect(result.start.getTime()).toBeLessThan(at.getTime());
    expect(result.start.getTime()).toBeGreaterThanOrEqual(earliest.getTime());
    expect(result.spread.short).toBe(0);
    expect(result.capacity).toBeGreaterThanOrEqual(300);
    expect(capacity(new Date(result.start.getTime() + 15 * 60_000), end, context(1000))).toBeLessThan(300);
  });

  it('says what is short when even `earliest` is too late', () => {
    // 4 open hours: 14 400 000 / 25 000 = 576
    const result = plan(1000);
    expect(result.start.getTime()).toBe(earliest.getTime());
    expect(result).toMatchObject({ capacity: 576, spread: { short: 1000 - 576 } });
  });
});

describe('accountsMore', () => {
  it.each([
    [700, 300, 1, 3],
    [0, 300, 1, 0],
    [1, 300, 1, 1],
    [5, 0, 1, 1],
    [150, 400, 2, 1],
  ])('short %i, capacity %i over %i accounts → %i more', (short, cap, accounts, expected) => {
    expect(accountsMore(short, cap, accounts)).toBe(expected);
  });
});
