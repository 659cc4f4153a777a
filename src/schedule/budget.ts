// How many messages one account's send limits let through in a stretch of time. Pure arithmetic on the
// worst case: every gap is the minimum plus the whole jitter. spread.ts plans a round over the accounts.
import { localDay } from '../campaign/index.js';
import { atLocalTime, type QuietHours } from './quiet-hours.js';

export interface SendLimits {
  /** least time between two messages the bot sends */
  minGapMs: number;
  /** up to this much is added to each gap at random */
  jitterMs: number;
  /** most messages a day (replies included) */
  dailyCap: number;
}

export interface BudgetContext {
  limits: SendLimits;
  quiet: QuietHours;
  zone: string;
  /** messages already sent on a local day (only today's is known) */
  sentOn?: (day: string) => number;
}

/** Minutes of a local day outside the quiet hours, as [from, to) pairs. */
function openStretches(quiet: QuietHours): [number, number][] {
  if (quiet.from === quiet.to) return [[0, 1440]];
  if (quiet.from > quiet.to) return [[quiet.to, quiet.from]];
  return [
    [0, quiet.from],
    [quiet.to, 1440],
  ];
}

/** Messages that can go out in [from, to): outside quiet hours, one per worst-case gap, at most the daily cap a day. */
export function capacity(from: Date, to: Date, context: BudgetContext): number {
  const { limits, quiet, zone } = context;
  const slotMs = limits.minGapMs + limits.jitterMs;
  let total = 0;
  for (let day = atLocalTime(from, 0, zone); day.getTime() < to.getTime(); day = atLocalTime(new Date(day.getTime() + 36 * 3_600_000), 0, zone)) {
    let openMs = 0;
    for (const [a, b] of openStretches(quiet)) {
      const start = Math.max(from.getTime(), atLocalTime(day, a, zone).getTime());
      const end = Math.min(to.getTime(), atLocalTime(day, b, zone).getTime());
      if (end > start) openMs += end - start;
    }
    if (openMs === 0) continue;
    const left = Math.max(0, limits.dailyCap - (context.sentOn?.(localDay(day, zone)) ?? 0));
    total += slotMs === 0 ? left : Math.min(left, Math.ceil(openMs / slotMs));
  }
  return total;
}
