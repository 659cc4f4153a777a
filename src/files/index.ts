// The public face of src/files/: what the other folders use of it. Each file of the folder says what it holds.
export { findCampaignFile, loadCampaign, loadCampaignFile } from './campaign.js';
