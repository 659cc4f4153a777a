// What a new operator has not set up yet, each as one line with the command that fixes it: an empty
// roster, no admins, a campaign whose deadlines have all passed, a puppet that needs a token and has none.
// The bot logs them when it starts; `npm run doctor` prints them and fails when one is not met.
import { deadlineOf } from '../../campaign/index.js';
import type { Campaign } from '../../campaign/index.js';
import { formatDateTime } from '../../campaign/index.js';
import { fill } from '../../campaign/index.js';
import { doctorTexts } from './texts.js';

/** Puppets that cannot log in without a token (a paid or self-hosted protocol). */
export const TOKEN_PUPPETS = ['wechaty-puppet-service', 'wechaty-puppet-padlocal'] as const;

export interface SetUp {
  campaign: Campaign;
  /** the campaign file in use, as the operator would name it */
  campaignFile: string;
  /** units in the roster */
  units: number;
  /** the admins: ADMINS and the invited ones bound, each contact once */
  admins: number;
  /** invitations not yet accepted */
  pendingInvitations: number;
  /** the WeChat accounts: one unnamed (WECHATY_PUPPET), or those of ACCOUNTS, the nth from 1 */
  accounts: { name?: string; puppet: string; token: string | undefined }[];
  now: Date;
}

export interface Finding {
  ok: boolean;
  line: string;
}

function adminsFinding(count: number, pending: number): Finding {
  const t = doctorTexts();
  if (count > 0) return { ok: true, line: fill(pending > 0 ? t.adminsOkPending : t.adminsOk, { count, pending }) };
  return { ok: false, line: pending > 0 ? fill(t.adminsPending, { pending }) : t.adminsNone };
}

export function checkSetUp(setUp: SetUp): Finding[] {
  const { campaign } = setUp;
  const t = doctorTexts();
  const last = Math.max(...campaign.forms.map((form) => deadlineOf(campaign, form).getTime()));
  const lastText = formatDateTime(new Date(last), campaign.timezone, campaign.formats);
  return [
    setUp.units > 0 ? { ok: true, line: fill(t.rosterOk, { count: setUp.units }) } : { ok: false, line: t.rosterEmpty },
    adminsFinding(setUp.admins, setUp.pendingInvitations),
    last > setUp.now.getTime()
      ? { ok: true, line: fill(t.campaignOk, { file: setUp.campaignFile, last: lastText }) }
      : { ok: false, line: fill(t.campaignOver, { file: setUp.campaignFile, title: campaign.title, last: lastText }) },
    ...setUp.accounts.map(puppetFinding),
  ];
}

function puppetFinding(account: SetUp['accounts'][number], index: number): Finding {
  const { name, puppet } = account;
  const t = doctorTexts();
  const needsToken = (TOKEN_PUPPETS as readonly string[]).includes(puppet);
  if (!needsToken || account.token) return { ok: true, line: name === undefined ? fill(t.puppetOk, { puppet }) : fill(t.accountPuppetOk, { name, puppet }) };
  return { ok: false, line: name === undefined ? fill(t.puppetToken, { puppet }) : fill(t.accountPuppetToken, { name, puppet, n: index + 1 }) };
}
