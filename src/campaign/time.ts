// Dates of the campaign: parsed and shown in the campaign's time zone, with dayjs.
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import timezone from 'dayjs/plugin/timezone.js';
import customParseFormat from 'dayjs/plugin/customParseFormat.js';
import type { Campaign } from './schema.js';
import { fill } from './text.js';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.extend(customParseFormat);

const LOCAL_FORMAT = 'YYYY-MM-DD HH:mm';

/** A wall-clock time such as "2021-09-30 12:00" in `zone`, as an instant; undefined if not a real date. */
export function parseLocal(text: string, zone: string): Date | undefined {
  if (!dayjs(text, LOCAL_FORMAT, true).isValid()) return undefined;
  return dayjs.tz(text, LOCAL_FORMAT, zone).toDate();
}

type Formats = Campaign['formats'];

const wallClocks = new Map<string, Intl.DateTimeFormat>();

/**
 * `at` as the clocks in `zone` show it, as a dayjs in UTC (so its format() and day() read the wall clock).
 * Intl reads the zone's rules; dayjs's time-zone plugin does the same many times slower, and 进度 and every
 * greeting format several dates.
 */
function inZone(at: Date, zone: string) {
  let format = wallClocks.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    wallClocks.set(zone, format);
  }
  const part: Record<string, number> = {};
  for (const { type, value } of format.formatToParts(at)) part[type] = Number(value);
  return dayjs.utc(Date.UTC(part.year!, part.month! - 1, part.day!, part.hour!, part.minute!, part.second!));
}

/** "9月30日（周四）12:00" */
export function formatDate(at: Date, zone: string, formats: Formats): string {
  const local = inZone(at, zone);
  const weekday = formats.weekdays[local.day()] ?? '';
  return local.format(formats.date.replace('{weekday}', `[${weekday}]`));
}

/** "9月20日 10:32" */
export function formatDateTime(at: Date, zone: string, formats: Formats): string {
  return inZone(at, zone).format(formats.dateTime);
}

/** "10天2小时", "3小时20分钟", "5分钟": the two largest units, rounded down. */
export function formatDuration(ms: number, formats: Formats): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  if (d > 0) return fill(formats.daysHours, { d, h });
  if (h > 0) return fill(formats.hoursMinutes, { h, m });
  return fill(formats.minutes, { m });
}

/** "还剩10天2小时" before the deadline, "已过截止时间2天3小时" after it. */
export function formatTimeLeft(deadline: Date, now: Date, formats: Formats): string {
  const ms = deadline.getTime() - now.getTime();
  return fill(ms >= 0 ? formats.timeLeft : formats.overdue, { duration: formatDuration(ms, formats) });
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The local calendar day of `at`, "YYYY-MM-DD": what the daily send cap counts by. Counted for every reply, so fast. */
export function localDay(at: Date, zone: string): string {
  let format = dayFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(zone, format);
  }
  return format.format(at);
}
