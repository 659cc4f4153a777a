// A clock the tests move by hand, and Guangdong wall-clock times written as the campaign writes them.
import type { App } from '../../src/app/index.js';

/** "2021-09-27 12:00" in Guangdong (UTC+8). */
export function sh(local: string): Date {
  return new Date(`${local.replace(' ', 'T')}:00+08:00`);
}

export interface FakeClock {
  now: () => Date;
  set(at: Date): void;
}

export function fakeClock(start: Date): FakeClock {
  let t = start.getTime();
  return {
    now: () => new Date(t),
    set(at) {
      t = at.getTime();
    },
  };
}

/** Moves the clock forward by `stepMs` up to `until`, running the app's scheduled work at each stop. */
export async function runUntil(app: App, clock: FakeClock, until: Date, stepMs = 3_600_000): Promise<void> {
  while (clock.now().getTime() + stepMs <= until.getTime()) {
    clock.set(new Date(clock.now().getTime() + stepMs));
    await app.tick();
  }
  if (clock.now().getTime() < until.getTime()) {
    clock.set(until);
    await app.tick();
  }
}
