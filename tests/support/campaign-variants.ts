// The 2021 campaign file as raw data, changed copies of it, and the error a bad copy is refused with: for
// the tests of what the campaign schema accepts.
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { CampaignError, parseCampaign } from '../../src/campaign/parse.js';

export const CAMPAIGN_2021_FILE = new URL('../../conversations/campaign-2021.yaml', import.meta.url).pathname;
export const RAW_2021 = parseYaml(readFileSync(CAMPAIGN_2021_FILE, 'utf8')) as Record<string, any>;

/** A copy of the real campaign file's data, changed by `edit`. */
export function variant(edit: (raw: Record<string, any>) => void): Record<string, any> {
  const raw = structuredClone(RAW_2021);
  edit(raw);
  return raw;
}

/** The message of the CampaignError that parsing `raw` throws; `source` names it in the message. */
export function failure(raw: unknown, source = 'bad-campaign.yaml'): string {
  try {
    parseCampaign(raw, source);
  } catch (error) {
    expect(error).toBeInstanceOf(CampaignError);
    return (error as Error).message;
  }
  throw new Error('the campaign was accepted');
}
