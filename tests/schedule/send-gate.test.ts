import { describe, expect, it } from 'vitest';
import { parseQuietHours } from '../../src/schedule/quiet-hours.js';
import { SendGate } from '../../src/schedule/send-gate.js';
import { SendGates } from '../../src/schedule/send-gates.js';

/** Send counts in memory, by account and day. */
function memorySends() {
  const rows = new Map<string, { count: number; lastAt: Date | null }>();
  return {
    async sends(account: string, day: string) {
      return rows.get(`${account}|${day}`) ?? { count: 0, lastAt: null };
    },
    async recordSend(account: string, day: string, at: Date) {
      const row = rows.get(`${account}|${day}`) ?? { count: 0, lastAt: null };
      rows.set(`${account}|${day}`, { count: row.count + 1, lastAt: at });
    },
  };
}

const ZONE = 'Asia/Shanghai';
const at = (local: string) => new Date(`${local}+08:00`);

describe('SendGate', () => {
  it('keeps its own quiet hours, gap and cap, apart from the other accounts', async () => {
    const store = memorySends();
    const limits = { minGapMs: 60_000, jitterMs: 0, dailyCap: 2 };
    const jia = new SendGate({ account: '甲', limits, quiet: parseQuietHours('22:00-08:00')!, zone: ZONE, store });
    const yi = new SendGate({ account: '乙', limits, quiet: parseQuietHours('off')!, zone: ZONE, store });
    expect(await jia.check(at('2021-09-26T23:00:00'))).toEqual({ open: false, reason: 'quiet' });
    expect(await yi.check(at('2021-09-26T23:00:00'))).toEqual({ open: true });

    await yi.record(at('2021-09-26T23:00:00'));
    expect(await yi.check(at('2021-09-26T23:00:30'))).toEqual({ open: false, reason: 'gap' });
    await yi.record(at('2021-09-26T23:01:00'));
    expect(await yi.check(at('2021-09-26T23:05:00'))).toEqual({ open: false, reason: 'cap' });
    // 乙's sends are not 甲's.
    expect(await jia.check(at('2021-09-27T09:00:00'))).toEqual({ open: true });
    expect(await jia.sentOn(at('2021-09-26T23:05:00'))).toBe(0);

    const gates = new SendGates([jia, yi]);
    expect(await gates.sentOn(at('2021-09-26T23:05:00'))).toBe(2);
    expect(gates.dailyCap).toBe(4);
    expect(() => gates.of('丙')).toThrow(/丙/);
  });
});
