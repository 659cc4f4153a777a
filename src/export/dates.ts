// Dates of the exports, in the campaign's time zone (dayjs, as the rest of the bot).
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';

dayjs.extend(utc);
dayjs.extend(timezone);

// dayjs's tz() asks Intl for every date (about 0.1 ms each: a second for the public list of 10,000 units).
// A zone's offset only changes on a quarter hour, so it is looked up once per quarter hour and zone.
const QUARTER_HOUR = 15 * 60_000;
const offsets = new Map<string, number>();

function offsetAt(at: Date, zone: string): number {
  const key = `${zone}|${Math.floor(at.getTime() / QUARTER_HOUR)}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    if (offsets.size > 50_000) offsets.clear();
    offset = dayjs(at).tz(zone).utcOffset();
    offsets.set(key, offset);
  }
  return offset;
}

/** `at` in `zone`, formatted with a dayjs format such as YYYY-MM-DD HH:mm. */
export function formatInZone(at: Date, zone: string, format: string): string {
  return dayjs(at).utcOffset(offsetAt(at, zone)).format(format);
}
