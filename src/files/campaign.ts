// The campaign folder on disk: finds its one campaign file, reads it (YAML or JSON) and checks it.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CampaignError, parseCampaign } from '../campaign/index.js';
import type { Campaign } from '../campaign/index.js';
import { readYamlFile } from '../shared/index.js';

const CAMPAIGN_FILE = /^campaign.*\.(ya?ml|json)$/;

/** The one campaign file in `dir` (campaign*.yaml, .yml or .json). */
export function findCampaignFile(dir: string): string {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => CAMPAIGN_FILE.test(name));
  } catch (error) {
    throw new CampaignError(`campaign folder ${dir} cannot be read: ${(error as Error).message}`);
  }
  if (names.length !== 1) {
    const found = names.length === 0 ? 'none' : names.join(', ');
    throw new CampaignError(`campaign folder ${dir} must hold exactly one campaign*.yaml file (found: ${found})`);
  }
  return join(dir, names[0]!);
}

export function loadCampaign(dir: string): Campaign {
  return loadCampaignFile(findCampaignFile(dir));
}

export function loadCampaignFile(file: string): Campaign {
  return parseCampaign(
    readYamlFile(file, (message) => new CampaignError(message)),
    file,
  );
}
