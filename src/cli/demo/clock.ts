// The demo clock: what the app's `now` returns. It runs with real time from its start, or stands still
// at a fixed time (--now), and /time moves it.
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import timezone from 'dayjs/plugin/timezone.js';
import { parseLocal } from '../../campaign/index.js';

dayjs.extend(utc);
dayjs.extend(timezone);

const UNIT_MS = { d: 86_400_000, h: 3_600_000, m: 60_000 } as const;

export class DemoClock {
  private offsetMs = 0;

  /** `fixed`: the clock stands at that time and moves only with /time; otherwise it runs from real time. */
  constructor(private readonly fixed?: Date) {}

  readonly now = (): Date => new Date((this.fixed?.getTime() ?? Date.now()) + this.offsetMs);

  moveBy(ms: number): void {
    this.offsetMs += ms;
  }

  set(at: Date): void {
    this.offsetMs += at.getTime() - this.now().getTime();
  }
}

export type ClockChange = { kind: 'by'; ms: number } | { kind: 'to'; at: Date };

/**
 * "+2d", "+3h", "-30m", "+1d2h" (days, hours, minutes), or a wall-clock time "2021-09-29 10:00"
 * (also "2021-09-29T10:00") in `zone`. Undefined when the text is neither.
 */
export function parseClockChange(text: string, zone: string): ClockChange | undefined {
  const trimmed = text.trim();
  const relative = /^([+-])((?:\d+[dhm])+)$/.exec(trimmed);
  if (relative) {
    let ms = 0;
    for (const [, amount, unit] of relative[2]!.matchAll(/(\d+)([dhm])/g)) ms += Number(amount) * UNIT_MS[unit as keyof typeof UNIT_MS];
    return { kind: 'by', ms: relative[1] === '-' ? -ms : ms };
  }
  const at = parseDemoTime(trimmed, zone);
  return at ? { kind: 'to', at } : undefined;
}

/** "2021-09-20T10:30" or "2021-09-20 10:30" in `zone`, or an ISO time with its own offset ("…Z", "…+08:00"). */
export function parseDemoTime(text: string, zone: string): Date | undefined {
  const local = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})$/.exec(text.trim());
  if (local) return parseLocal(`${local[1]} ${local[2]}`, zone);
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text.trim())) {
    const at = new Date(text.trim());
    return Number.isNaN(at.getTime()) ? undefined : at;
  }
  return undefined;
}

/** "2021-09-20 10:30（周一）" in `zone`. */
export function formatClock(at: Date, zone: string, weekdays: readonly string[]): string {
  const local = dayjs(at).tz(zone);
  return `${local.format('YYYY-MM-DD HH:mm')}（${weekdays[local.day()] ?? ''}）`;
}
