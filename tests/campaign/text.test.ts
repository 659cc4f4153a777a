import { describe, expect, it } from 'vitest';
import { loadCampaign } from '../../src/campaign/load.js';
import { deadlineOf, findForm } from '../../src/campaign/forms.js';
import { countChars, fill } from '../../src/campaign/text.js';
import { formatDate, formatDateTime, formatDuration, formatTimeLeft, parseLocal } from '../../src/campaign/time.js';

const campaign = loadCampaign(new URL('../../conversations', import.meta.url).pathname);
const { formats, timezone } = campaign;
const deadline = deadlineOf(campaign, findForm(campaign, 'modelCollective')!);

describe('countChars counts 字 as a person does', () => {
  it.each([
    ['热情周到', 4],
    ['abc', 3],
    ['2021', 4],
    ['，。！？“”', 6],
    ['服务1项，OK!', 8],
    ['😀', 1],
    ['👍🏽', 1], // skin tone modifier
    ['👨‍👩‍👧‍👦', 1], // ZWJ family: seven code points
    ['🇨🇳🇭🇰', 2], // two flags
    ['e\u0301', 1], // e + combining acute accent
    ['  热情 周到 \n', 5], // trimmed at both ends, the inner space counts
    ['', 0],
    ['   \n\t ', 0],
  ])('%j → %i', (text, expected) => {
    expect(countChars(text)).toBe(expected);
  });

  it('counts 10,000 characters quickly and exactly', () => {
    const started = Date.now();
    expect(countChars('我'.repeat(10_000))).toBe(10_000);
    expect(Date.now() - started).toBeLessThan(500);
  });
});

describe('fill', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(fill('{label}最多{max}字，{missing}', { label: '服务承诺', max: 50 })).toBe('服务承诺最多50字，{missing}');
  });
});

describe('time in Asia/Shanghai', () => {
  it('parses a wall-clock deadline in the campaign zone', () => {
    expect(parseLocal('2021-09-30 12:00', timezone)!.toISOString()).toBe('2021-09-30T04:00:00.000Z');
    expect(parseLocal('2021-02-30 12:00', timezone)).toBeUndefined();
    expect(parseLocal('2021-09-30 24:30', timezone)).toBeUndefined();
  });

  it('formats the deadline with the weekday: 9月30日（周四）12:00', () => {
    expect(formatDate(deadline, timezone, formats)).toBe('9月30日（周四）12:00');
    // 2021-09-27 is a Monday in Shanghai but still Sunday in UTC at 07:00 local time
    expect(formatDate(new Date('2021-09-26T23:00:00Z'), timezone, formats)).toBe('9月27日（周一）07:00');
  });

  it('formats a moment as 9月20日 10:32', () => {
    expect(formatDateTime(new Date('2021-09-20T02:32:00Z'), timezone, formats)).toBe('9月20日 10:32');
  });

  it('says the time left: 还剩10天2小时', () => {
    const now = new Date('2021-09-20T01:40:00Z'); // 9:40 local: 10 days 2 hours 20 minutes before
    expect(formatTimeLeft(deadline, now, formats)).toBe('还剩10天2小时');
  });

  it('says hours and minutes, then minutes, near the deadline', () => {
    expect(formatTimeLeft(deadline, new Date('2021-09-30T00:40:00Z'), formats)).toBe('还剩3小时20分钟');
    expect(formatTimeLeft(deadline, new Date('2021-09-30T03:55:30Z'), formats)).toBe('还剩4分钟');
    expect(formatTimeLeft(deadline, deadline, formats)).toBe('还剩0分钟');
  });

  it('says how long overdue after the deadline', () => {
    expect(formatTimeLeft(deadline, new Date('2021-10-02T07:00:00Z'), formats)).toBe('已过截止时间2天3小时');
    expect(formatTimeLeft(deadline, new Date('2021-09-30T04:30:00Z'), formats)).toBe('已过截止时间30分钟');
  });

  it('rounds durations down to the two largest units', () => {
    expect(formatDuration(((24 + 1) * 60 + 59) * 60_000, formats)).toBe('1天1小时');
    expect(formatDuration(59_999, formats)).toBe('0分钟');
  });
});
