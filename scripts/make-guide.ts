// Writes docs/填报指南.md, the 填报指南 a group gets with 指南, as Markdown, from the campaign in conversations/
// (or the folder given). Run again after changing the campaign file: a test checks that the committed file
// is what the campaign makes now.
//
//   npm run guide [-- CAMPAIGN_DIR [OUT_FILE]]
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { guideMarkdown } from '../src/campaign/guide.js';
import { loadCampaign } from '../src/campaign/load.js';

const dir = process.argv[2] ?? fileURLToPath(new URL('../conversations', import.meta.url));
const out = process.argv[3] ?? fileURLToPath(new URL('../docs/填报指南.md', import.meta.url));
writeFileSync(out, guideMarkdown(loadCampaign(dir)));
console.log(`wrote ${out}`);
