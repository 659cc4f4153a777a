// Quiet hours: the part of each night the bot sends nothing of its own accord, in the campaign's time zone.
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import timezone from 'dayjs/plugin/timezone.js';

dayjs.extend(utc);
dayjs.extend(timezone);

/** minutes after local midnight: quiet from `from` until `to`, across midnight when from > to; none when equal */
export interface QuietHours {
  from: number;
  to: number;
}

const CLOCK = /^([01]?\d|2[0-3]):([0-5]\d)$/;

/** "22:00" → 1320; undefined if not a time of day. */
export function parseClock(text: string): number | undefined {
  const match = CLOCK.exec(text.trim());
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

/** "22:00-08:00" (or "22:00–08:00"); "off" for none. Undefined if it does not read so. */
export function parseQuietHours(text: string): QuietHours | undefined {
  if (/^(off|none|0)$/i.test(text.trim())) return { from: 0, to: 0 };
  const [from, to, extra] = text.split(/\s*[-–~]\s*/);
  if (extra !== undefined || from === undefined || to === undefined) return undefined;
  const start = parseClock(from);
  const end = parseClock(to);
  return start === undefined || end === undefined ? undefined : { from: start, to: end };
}

function minuteOfDay(at: Date, zone: string): number {
  const local = dayjs(at).tz(zone);
  return local.hour() * 60 + local.minute();
}

export function isQuiet(at: Date, quiet: QuietHours, zone: string): boolean {
  const m = minuteOfDay(at, zone);
  if (quiet.from === quiet.to) return false;
  return quiet.from < quiet.to ? m >= quiet.from && m < quiet.to : m >= quiet.from || m < quiet.to;
}

/** Results of atLocalTime: the send budget asks for the same few days hundreds of times in one plan. */
const localTimes = new Map<string, Date>();
const KEEP_LOCAL_TIMES = 10_000;

/** `day`'s local date at the wall-clock time `minutes` after midnight (1440 and more run into the next days). */
export function atLocalTime(day: Date, minutes: number, zone: string): Date {
  const key = `${day.getTime()}|${minutes}|${zone}`;
  const known = localTimes.get(key);
  if (known) return new Date(known);
  if (localTimes.size >= KEEP_LOCAL_TIMES) localTimes.clear();
  const result = computeLocalTime(day, minutes, zone);
  localTimes.set(key, result);
  return new Date(result);
}

function computeLocalTime(day: Date, minutes: number, zone: string): Date {
  const date = dayjs(day).tz(zone).format('YYYY-MM-DD');
  const days = Math.floor(minutes / 1440);
  const rest = minutes - days * 1440;
  const target = dayjs(date).add(days, 'day').format('YYYY-MM-DD');
  const clock = `${String(Math.floor(rest / 60)).padStart(2, '0')}:${String(rest % 60).padStart(2, '0')}`;
  // Built from the wall-clock text, so a day that changes its UTC offset still gets the time on its clocks.
  return dayjs.tz(`${target} ${clock}`, 'YYYY-MM-DD HH:mm', zone).toDate();
}
