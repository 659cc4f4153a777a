// How many messages the send limits let through in a stretch of time, and so when a reminder round has to
// start to reach every group before its window closes. Pure arithmetic on the worst case: every gap is
// the minimum plus the whole jitter.
import { localDay } from '../campaign/time.js';
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

export interface RoundPlan {
  /** when the round has to begin */
  start: Date;
  /** groups that cannot be reached even so */
  shortfall: number;
  /** messages the window holds from `start`, for one account */
  capacity: number;
}

const SEARCH_STEP_MS = 15 * 60_000;

/**
 * The latest start, no later than `at` and no earlier than `earliest`, from which `need` messages fit
 * before `end`. When even `earliest` is too late, the round starts there and the rest is the shortfall.
 */
export function planRound(need: number, at: Date, end: Date, earliest: Date, context: BudgetContext): RoundPlan {
  let start = at;
  let room = capacity(start, end, context);
  while (room < need && start.getTime() > earliest.getTime()) {
    start = new Date(Math.max(earliest.getTime(), start.getTime() - SEARCH_STEP_MS));
    room = capacity(start, end, context);
  }
  return { start, shortfall: Math.max(0, need - room), capacity: room };
}

/** Extra accounts that would carry `need` messages when one carries `capacity`. */
export function accountsNeeded(need: number, capacity: number): number {
  if (need <= capacity) return 0;
  return capacity === 0 ? 1 : Math.ceil(need / capacity) - 1;
}
