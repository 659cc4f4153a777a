// The demo's copy of the campaign: the same file with every date moved by whole days, so the first
// deadline lies LEAD_DAYS ahead of the demo clock and the gaps between deadlines stay as they were.
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat.js';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';
import { isScalar, parseDocument, visit } from 'yaml';
import { findCampaignFile, loadCampaign } from '../../files/index.js';
import { parseLocal } from '../../campaign/index.js';
import type { Campaign } from '../../campaign/index.js';

/** How far ahead of the demo clock the first deadline (附件1 in 2021) is put, at most one day more: as in the notice, 9月20日 lies 8 days before it. */
export const LEAD_DAYS = 8;

dayjs.extend(customParseFormat);
dayjs.extend(utc);
dayjs.extend(timezone);

const DATE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/**
 * When the demo starts without --now: 10:30 on the day LEAD_DAYS before the earliest deadline, the campaign's
 * own date (2021-09-20 10:30 for 2021), so titles that say 2021年 and the dates of /time agree.
 */
export function campaignStart(campaign: Campaign): Date {
  const earliest = Math.min(...campaign.forms.map((form) => parseLocal(form.deadline, campaign.timezone)!.getTime()));
  const day = dayjs(earliest - LEAD_DAYS * DAY_MS)
    .tz(campaign.timezone)
    .format('YYYY-MM-DD');
  return parseLocal(`${day} 10:30`, campaign.timezone)!;
}

/** Whole days to add to every date so the earliest deadline is LEAD_DAYS to LEAD_DAYS + 1 days after `now`. */
export function shiftDaysFor(campaign: Campaign, now: Date): number {
  const earliest = Math.min(...campaign.forms.map((form) => parseLocal(form.deadline, campaign.timezone)!.getTime()));
  return Math.ceil((now.getTime() + LEAD_DAYS * DAY_MS - earliest) / DAY_MS) || 0; // never -0
}

/**
 * The campaign text with every date value ("YYYY-MM-DD HH:mm" or "YYYY-MM-DD", wherever it sits: form
 * deadlines, and reminder steps written as dates) moved by `days`. Comments and layout are kept. Wall-clock dates
 * are moved as wall-clock dates: the campaign's zone (Asia/Shanghai) has no daylight saving.
 */
export function shiftCampaignText(text: string, days: number): string {
  const document = parseDocument(text);
  visit(document, {
    Scalar(_key, node) {
      if (!isScalar(node) || typeof node.value !== 'string') return;
      const value = node.value;
      if (DATE_TIME.test(value)) node.value = dayjs(value, 'YYYY-MM-DD HH:mm').add(days, 'day').format('YYYY-MM-DD HH:mm');
      else if (DATE.test(value)) node.value = dayjs(value, 'YYYY-MM-DD').add(days, 'day').format('YYYY-MM-DD');
    },
  });
  return document.toString();
}

export interface CampaignCopy {
  dir: string;
  file: string;
  campaign: Campaign;
  shiftDays: number;
}

/**
 * Writes the moved copy of the campaign in `sourceDir` into `targetDir` and checks it by loading it. The
 * folder's other data files (the roster's columns and sentences) are copied as they are.
 */
export function copyCampaignAhead(sourceDir: string, targetDir: string, now: Date): CampaignCopy {
  const source = findCampaignFile(sourceDir);
  const original = loadCampaign(sourceDir);
  const shiftDays = shiftDaysFor(original, now);
  mkdirSync(targetDir, { recursive: true });
  for (const name of readdirSync(sourceDir)) {
    if (name !== basename(source) && name.endsWith('.yaml')) copyFileSync(join(sourceDir, name), join(targetDir, name));
  }
  const file = join(targetDir, basename(source));
  writeFileSync(file, shiftCampaignText(readFileSync(source, 'utf8'), shiftDays));
  return { dir: targetDir, file, campaign: loadCampaign(targetDir), shiftDays };
}
