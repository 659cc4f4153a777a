// The demo's pieces that need no bot: the clock and its /time syntax, the campaign copy whose dates are
// moved ahead of the demo clock, and typed lines joined into messages of several lines.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { campaignStart, copyCampaignAhead, LEAD_DAYS, shiftCampaignText } from '../../src/cli/demo/campaign-copy.js';
import { loadCampaign } from '../../src/files/campaign.js';
import { DemoClock, formatClock, parseClockChange, parseDemoTime } from '../../src/cli/demo/clock.js';
import { LineJoiner } from '../../src/cli/demo/lines.js';
import { stripMention } from '../../src/cli/demo/session.js';
import { columns, said } from '../../src/cli/demo/texts.js';
import { deadlineOf } from '../../src/campaign/forms.js';

const ZONE = 'Asia/Shanghai';
const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

describe('the demo clock', () => {
  it('reads /time changes: relative steps and wall-clock times in the campaign zone', () => {
    expect(parseClockChange('+2d', ZONE)).toEqual({ kind: 'by', ms: 2 * 86_400_000 });
    expect(parseClockChange('+3h', ZONE)).toEqual({ kind: 'by', ms: 3 * 3_600_000 });
    expect(parseClockChange('-30m', ZONE)).toEqual({ kind: 'by', ms: -30 * 60_000 });
    expect(parseClockChange('+1d2h', ZONE)).toEqual({ kind: 'by', ms: 86_400_000 + 2 * 3_600_000 });
    expect(parseClockChange('2021-09-29 10:00', ZONE)).toEqual({ kind: 'to', at: new Date('2021-09-29T02:00:00Z') });
    expect(parseClockChange('2021-09-29T10:00', ZONE)).toEqual({ kind: 'to', at: new Date('2021-09-29T02:00:00Z') });
    for (const bad of ['', '2d', '+2w', '+', 'tomorrow', '2021-02-30 10:00', '2021-09-29']) {
      expect(parseClockChange(bad, ZONE), bad).toBeUndefined();
    }
  });

  it('reads --now as local time, or with its own offset', () => {
    expect(parseDemoTime('2021-09-20T10:30', ZONE)).toEqual(new Date('2021-09-20T02:30:00Z'));
    expect(parseDemoTime('2021-09-20T02:30:00Z', ZONE)).toEqual(new Date('2021-09-20T02:30:00Z'));
    expect(parseDemoTime('2021-09-20T10:30:00+08:00', ZONE)).toEqual(new Date('2021-09-20T02:30:00Z'));
    expect(parseDemoTime('20.9.2021', ZONE)).toBeUndefined();
  });

  it('stands still when fixed, and moves by steps or to a time', () => {
    const clock = new DemoClock(new Date('2021-09-20T02:30:00Z'));
    expect(clock.now()).toEqual(new Date('2021-09-20T02:30:00Z'));
    clock.moveBy(2 * 86_400_000);
    expect(formatClock(clock.now(), ZONE, WEEKDAYS)).toBe('2021-09-22 10:30（周三）');
    clock.set(new Date('2021-09-29T02:00:00Z'));
    expect(clock.now()).toEqual(new Date('2021-09-29T02:00:00Z'));
    clock.moveBy(3_600_000);
    expect(clock.now()).toEqual(new Date('2021-09-29T03:00:00Z'));
  });

  it('runs with real time when not fixed', () => {
    const clock = new DemoClock();
    clock.moveBy(86_400_000);
    expect(Math.abs(clock.now().getTime() - (Date.now() + 86_400_000))).toBeLessThan(1000);
  });
});

describe('the campaign copy', () => {
  it('moves every date by whole days and keeps comments, text and gaps', () => {
    const text = [
      '# the deadline of 2021',
      'title: 2021年广东青年文明号集中服务月',
      'forms:',
      '  - deadline: 2021-09-28 17:00 # 附件1',
      '  - deadline: "2021-09-30 12:00"',
      'reminders:',
      '  - at: 2021-09-27',
      '    quiet: "22:00"',
    ].join('\n');
    const moved = shiftCampaignText(text, 3);
    expect(moved).toContain('# the deadline of 2021');
    expect(moved).toContain('title: 2021年广东青年文明号集中服务月');
    expect(moved).toContain('deadline: 2021-10-01 17:00 # 附件1');
    expect(moved).toContain('deadline: "2021-10-03 12:00"');
    expect(moved).toContain('at: 2021-09-30');
    expect(moved).toContain('quiet: "22:00"');
  });

  it('puts the first deadline LEAD_DAYS to LEAD_DAYS + 1 days after the demo clock and checks the copy by loading it', () => {
    for (const now of [new Date('2021-09-20T02:30:00Z'), new Date('2025-03-04T15:59:00Z'), new Date('2020-01-01T00:00:00Z')]) {
      const copy = copyCampaignAhead('conversations', mkdtempSync(join(tmpdir(), 'demo-campaign-')), now);
      const earliest = Math.min(...copy.campaign.forms.map((form) => deadlineOf(copy.campaign, form).getTime()));
      const ahead = earliest - now.getTime();
      expect(ahead).toBeGreaterThanOrEqual(LEAD_DAYS * 86_400_000);
      expect(ahead).toBeLessThan((LEAD_DAYS + 1) * 86_400_000);
      expect(readFileSync(copy.file, 'utf8')).toContain('# 2021年广东青年文明号集中服务月');
    }
  });

  it('starts without --now at the campaign’s own date: 10:30, LEAD_DAYS before the first deadline', () => {
    expect(campaignStart(loadCampaign('conversations'))).toEqual(new Date('2021-09-20T02:30:00Z'));
    const copy = copyCampaignAhead('conversations', mkdtempSync(join(tmpdir(), 'demo-campaign-')), campaignStart(loadCampaign('conversations')));
    expect(copy.shiftDays).toBe(0);
  });

  it('leaves the 2021 dates alone for the clock of 2021-09-20', () => {
    const copy = copyCampaignAhead('conversations', mkdtempSync(join(tmpdir(), 'demo-campaign-')), new Date('2021-09-20T02:30:00Z'));
    expect(copy.shiftDays).toBe(0);
    expect(copy.campaign.forms[0]!.deadline).toBe('2021-09-29 17:00');
    expect(copy.campaign.forms[0]!.sendBy).toBe('2021-09-30 12:00');
  });
});

describe('@ lines', () => {
  it('drop the @ and the bot name', () => {
    expect(stripMention('@服务月助手 填报', '服务月助手')).toBe('填报');
    expect(stripMention('@ 填报', '服务月助手')).toBe('填报');
    expect(stripMention('@填报', '服务月助手')).toBe('填报');
  });
});

describe('lines joined into one message', () => {
  const feedAll = (joiner: LineJoiner, lines: string[]) => lines.map((line) => joiner.feed(line));

  it('passes a single line on as it is', () => {
    expect(new LineJoiner().feed('填报')).toEqual({ kind: 'message', text: '填报' });
  });

  it('goes on after a line ending in \\, keeping the line breaks', () => {
    const joiner = new LineJoiner();
    const fed = feedAll(joiner, ['1. 为老年乘客提供陪同服务\\', '2. 推出失物招领线上查询 \\', '3. 延长问询服务时间']);
    expect(fed.slice(0, 2)).toEqual([{ kind: 'more' }, { kind: 'more' }]);
    expect(joiner.open).toBe(false);
    expect(fed[2]).toEqual({ kind: 'message', text: '1. 为老年乘客提供陪同服务\n2. 推出失物招领线上查询 \n3. 延长问询服务时间' });
  });

  it('sends the lines between /paste and /end as one, blank lines and slashes included', () => {
    const joiner = new LineJoiner();
    expect(joiner.feed('/paste')).toEqual({ kind: 'pasting' });
    expect(joiner.open).toBe(true);
    const fed = feedAll(joiner, ['服务承诺：热情周到', '', '/help 不是指令', '/end']);
    expect(fed.at(-1)).toEqual({ kind: 'message', text: '服务承诺：热情周到\n\n/help 不是指令' });
    expect(joiner.open).toBe(false);
  });

  it('drops a paste on /cancel, and an empty one on /end', () => {
    const joiner = new LineJoiner();
    expect(feedAll(joiner, ['/paste', '一行', '/cancel'])).toEqual([{ kind: 'pasting' }, { kind: 'more' }, { kind: 'dropped' }]);
    expect(feedAll(joiner, ['/PASTE', '  ', '/END'])).toEqual([{ kind: 'pasting' }, { kind: 'more' }, { kind: 'dropped' }]);
    expect(joiner.feed('进度')).toEqual({ kind: 'message', text: '进度' });
  });

  it('shows the lines of one message under each other', () => {
    expect(columns('李华：')).toBe(6);
    expect(columns('Amy：')).toBe(5);
    expect(said('李华', '第一行\n第二行')).toBe('李华：第一行\n      第二行');
  });
});
