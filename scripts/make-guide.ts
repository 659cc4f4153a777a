// Writes docs/填报指南.md, the 填报指南 a group gets with 指南, as Markdown, from the campaign in conversations/
// (or the folder given). Run again after changing the campaign file: a test checks that the committed file
// is what the campaign makes now.
//
//   npm run guide [-- CAMPAIGN_DIR [OUT_FILE]]
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { guideMarkdown } from '../src/campaign/guide.js';
import { loadCampaign } from '../src/files/campaign.js';

const { positionals } = parseArgs({ args: process.argv.slice(2), options: {}, allowPositionals: true });
if (positionals.length > 2) throw new Error(`npm run guide [-- CAMPAIGN_DIR [OUT_FILE]]: ${positionals.length} arguments`);
const dir = positionals[0] ?? fileURLToPath(new URL('../conversations', import.meta.url));
const out = positionals[1] ?? fileURLToPath(new URL('../docs/填报指南.md', import.meta.url));
writeFileSync(out, guideMarkdown(loadCampaign(dir)));
console.log(`wrote ${out}`);
