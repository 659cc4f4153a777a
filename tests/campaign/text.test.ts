import { describe, expect, it } from 'vitest';
import { loadCampaign } from '../../src/files/campaign.js';
import { countChars, fill, strictFill } from '../../src/campaign/text.js';
import { formatDate, formatDateTime, formatDuration, formatTimeLeft, parseLocal } from '../../src/campaign/time.js';

const campaign = loadCampaign(new URL('../../conversations', import.meta.url).pathname);
const { formats, timezone } = campaign;
// 附件2's sendBy, the date the notice gives: 9月30日 12:00 in Guangdong
const deadline = new Date('2021-09-30T04:00:00Z');

/** An item as people write them: dates, an app, phone numbers and times among the Chinese (117 characters). */
const ITEM =
  '为方便老年乘客出行，自2021年10月1日起在全线各站设置“爱心预约”服务，乘客可通过APP或拨打12345、020-83289033提前1天预约，' +
  '工作人员将在约定时间于进站口等候，全程陪同进出站，服务时间为每日7:00-22:00。';

describe('countChars counts 字 as Word and WPS count 字数', () => {
  it.each([
    ['热情周到', 4],
    ['，。！？“”', 6], // full-width punctuation: one each
    ['APP', 1], // a run of letters is one word
    ['abc', 1],
    ['2021', 1], // a run of digits too
    ['12345', 1],
    ['2021年', 2],
    ['2021年10月1日', 6],
    ['3.5', 1], // a run of non-space, non-Asian characters, '.' included
    ['3.5小时', 3],
    ['7:00-22:00', 1],
    ['电话：020-83289033', 4],
    ['服务1项，OK!', 6], // ASCII punctuation belongs to its run
    ['(24小时)', 4], // "(24", 小, 时, ")"
    ['a - b', 3], // a lone hyphen between spaces is a run of its own
    ['Hello world', 2],
    ['https://mp.weixin.qq.com/s/abc', 1],
    ['为老年乘客提供APP预约服务，电话12345', 16],
    ['ＡＰＰ１２３', 6], // full-width letters and digits: one each
    ['𠀀𪚥', 2], // CJK extension B
    ['\ufa11\uf900', 2], // CJK compatibility ideographs
    ['阿卜杜·热合曼', 7], // the middle dot Chinese input methods type
    ['😀', 1],
    ['👍🏽', 1], // skin tone modifier
    ['👨‍👩‍👧‍👦', 1], // ZWJ family: seven code points
    ['🇨🇳🇭🇰', 2], // two flags
    ['OK👍', 2], // an emoji does not join a run of letters
    ['好的😀😀', 4],
    ['e\u0301', 1], // e + combining acute accent: one run
    ['café au lait', 3],
    ['  热情 周到 \n', 4], // spaces count none, inside or around
    ['热情\t周到\r\n服务', 6],
    ['热情\u3000周到', 4], // the ideographic space is a space
    ['', 0],
    ['   \n\t ', 0],
  ])('%j → %i', (text, expected) => {
    expect(countChars(text)).toBe(expected);
  });

  it('counts an item with dates, an app and phone numbers as Word does: 87, not its 117 characters', () => {
    expect([...ITEM].length).toBe(117);
    expect(countChars(ITEM)).toBe(87);
  });

  it('counts 10,000 characters quickly and exactly', () => {
    const started = Date.now();
    expect(countChars('我'.repeat(10_000))).toBe(10_000);
    expect(countChars('服务APP 12345，'.repeat(2_000))).toBe(2_000 * 5);
    expect(countChars('服务😀'.repeat(2_000))).toBe(2_000 * 3);
    expect(Date.now() - started).toBeLessThan(500);
  });
});

describe('fill', () => {
  it('fills placeholders, each as often as it appears', () => {
    expect(fill('{label}最多{max}字，{label}', { label: '服务承诺', max: 50, unused: 1 })).toBe('服务承诺最多50字，服务承诺');
  });

  it('throws in the tests on a placeholder without a value, naming it, the sentence and what was given', () => {
    expect(process.env.FILL_STRICT).toBe('1');
    expect(() => fill('{label}最多{max}字，{missing}', { label: '服务承诺', max: 50 })).toThrow(
      'no value for {missing} in "{label}最多{max}字，{missing}" (given: label, max)',
    );
  });

  it('leaves a placeholder without a value visible in a bot in use, which never crashes on a sentence', () => {
    const was = strictFill(false);
    try {
      expect(fill('{label}最多{max}字，{missing}', { label: '服务承诺', max: 50 })).toBe('服务承诺最多50字，{missing}');
    } finally {
      strictFill(was);
    }
    expect(() => fill('{missing}', {})).toThrow('no value for {missing}');
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
