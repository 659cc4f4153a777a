import { describe, expect, it } from 'vitest';
import { localDay } from '../../src/campaign/time.js';
import { atLocalTime, isQuiet, parseClock, parseQuietHours } from '../../src/schedule/quiet-hours.js';

const ZONE = 'Asia/Shanghai';
/** a wall-clock time in Shanghai (UTC+8, no DST) */
const sh = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);
const NIGHT = parseQuietHours('22:00-08:00')!;

describe('parseClock', () => {
  it('reads a time of day as minutes after midnight', () => {
    expect(parseClock('22:00')).toBe(1320);
    expect(parseClock(' 8:05 ')).toBe(485);
    expect(parseClock('00:00')).toBe(0);
  });

  it.each(['24:00', '25:00', '12:60', '12', 'noon'])('%j is not a time of day', (text) => {
    expect(parseClock(text)).toBeUndefined();
  });
});

describe('parseQuietHours', () => {
  it('reads a range across midnight', () => {
    expect(NIGHT).toEqual({ from: 1320, to: 480 });
    expect(parseQuietHours('22:00 – 08:00')).toEqual({ from: 1320, to: 480 });
  });

  it('reads "off" as no quiet hours', () => {
    expect(parseQuietHours('off')).toEqual({ from: 0, to: 0 });
  });

  it.each(['25:00-08:00', '22:00', 'abc', '22:00-08:00-09:00', ''])('%j → undefined', (text) => {
    expect(parseQuietHours(text)).toBeUndefined();
  });
});

describe('isQuiet', () => {
  it.each([
    ['2021-09-27 21:59', false],
    ['2021-09-27 22:00', true],
    ['2021-09-28 00:00', true],
    ['2021-09-28 07:59', true],
    ['2021-09-28 08:00', false],
    ['2021-09-28 12:00', false],
  ])('22:00-08:00 at %s: %s', (local, quiet) => {
    expect(isQuiet(sh(local), NIGHT, ZONE)).toBe(quiet);
  });

  it('handles a same-day range 12:00-14:00', () => {
    const noon = parseQuietHours('12:00-14:00')!;
    expect(isQuiet(sh('2021-09-27 11:59'), noon, ZONE)).toBe(false);
    expect(isQuiet(sh('2021-09-27 12:00'), noon, ZONE)).toBe(true);
    expect(isQuiet(sh('2021-09-27 13:59'), noon, ZONE)).toBe(true);
    expect(isQuiet(sh('2021-09-27 14:00'), noon, ZONE)).toBe(false);
    expect(isQuiet(sh('2021-09-27 23:00'), noon, ZONE)).toBe(false);
  });

  it('is never quiet when off', () => {
    const off = parseQuietHours('off')!;
    expect(isQuiet(sh('2021-09-27 00:00'), off, ZONE)).toBe(false);
    expect(isQuiet(sh('2021-09-27 23:30'), off, ZONE)).toBe(false);
  });
});

describe('localDay and atLocalTime', () => {
  it('counts the day in the campaign zone, not UTC', () => {
    expect(localDay(new Date('2021-09-27T16:30:00Z'), ZONE)).toBe('2021-09-28');
    expect(localDay(new Date('2021-09-27T15:59:00Z'), ZONE)).toBe('2021-09-27');
  });

  it('puts a time of day on the local day of an instant', () => {
    expect(atLocalTime(new Date('2021-09-27T16:30:00Z'), 0, ZONE).toISOString()).toBe('2021-09-27T16:00:00.000Z');
    expect(atLocalTime(new Date('2021-09-27T16:30:00Z'), 480, ZONE).toISOString()).toBe('2021-09-28T00:00:00.000Z');
    expect(atLocalTime(new Date('2021-09-27T15:30:00Z'), 1320, ZONE).toISOString()).toBe('2021-09-27T14:00:00.000Z');
  });
});
