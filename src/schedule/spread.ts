// How a reminder round spreads over the bot's accounts. A group can be reached only through an account that
// is in it, and each account has its own room (its daily cap, gap and quiet hours): the groups only one
// account is in go to it first, then the groups several share go to whichever of theirs has the most room
// left. What no account can carry is named, by the accounts that are in those groups.
import { capacity, type BudgetContext } from './budget.js';

export interface Reachable {
  /** the group (its room id) */
  id: string;
  /** the logged-in accounts in the group, best first; none when no account is */
  accounts: readonly string[];
}

export interface Stranded {
  /** the accounts in these groups, all out of room; none for groups no account is in */
  accounts: string[];
  groups: string[];
}

export interface Spread {
  carried: number;
  short: number;
  stranded: Stranded[];
}

/** Of `accounts`, the one with the most room left; none when none has any. */
function mostRoom(accounts: readonly string[], left: ReadonlyMap<string, number>): string | undefined {
  let best: string | undefined;
  for (const account of accounts) if ((left.get(account) ?? 0) > (best === undefined ? 0 : left.get(best)!)) best = account;
  return best;
}

/** Spreads the groups over the accounts' room (messages each can still send); pure arithmetic. */
export function spread(groups: readonly Reachable[], room: ReadonlyMap<string, number>): Spread {
  const left = new Map(room);
  const buckets = new Map<string, Reachable[]>();
  for (const group of groups) {
    const key = group.accounts.join('\u0000');
    const bucket = buckets.get(key);
    if (bucket) bucket.push(group);
    else buckets.set(key, [group]);
  }
  // The fewer accounts a group has, the fewer ways to reach it: those first.
  const ordered = [...buckets.values()].sort((a, b) => a[0]!.accounts.length - b[0]!.accounts.length);
  let carried = 0;
  const stranded: Stranded[] = [];
  for (const bucket of ordered) {
    const accounts = bucket[0]!.accounts;
    let taken = 0;
    while (taken < bucket.length) {
      const best = mostRoom(accounts, left);
      if (!best) break;
      const share = Math.min(left.get(best)!, bucket.length - taken);
      left.set(best, left.get(best)! - share);
      taken += share;
    }
    carried += taken;
    if (taken < bucket.length) stranded.push({ accounts: [...accounts], groups: bucket.slice(taken).map((group) => group.id) });
  }
  return { carried, short: groups.length - carried, stranded };
}

export interface AccountBudget {
  account: string;
  context: BudgetContext;
}

const SEARCH_STEP_MS = 15 * 60_000;

/**
 * The latest start, no later than `at` and no earlier than `earliest`, from which the accounts carry every
 * group before `end`; when even `earliest` is too late, the round starts there and the spread says what is
 * left. `capacity` is all accounts' room from `start` together.
 */
export function planSpread(
  groups: readonly Reachable[],
  at: Date,
  end: Date,
  earliest: Date,
  budgets: readonly AccountBudget[],
): { start: Date; spread: Spread; capacity: number } {
  const roomFrom = (start: Date) => new Map(budgets.map((budget) => [budget.account, capacity(start, end, budget.context)]));
  let start = at;
  let room = roomFrom(start);
  let result = spread(groups, room);
  while (result.short > 0 && start.getTime() > earliest.getTime()) {
    start = new Date(Math.max(earliest.getTime(), start.getTime() - SEARCH_STEP_MS));
    room = roomFrom(start);
    result = spread(groups, room);
  }
  return { start, spread: result, capacity: [...room.values()].reduce((sum, n) => sum + n, 0) };
}

/** Accounts more, each with the room an account of these has on average, that would carry what is short. */
export function accountsMore(short: number, capacity: number, accounts: number): number {
  if (short === 0) return 0;
  const each = capacity / Math.max(1, accounts);
  return each <= 0 ? 1 : Math.ceil(short / each);
}
