// The lines of the start-up check, for the operator who runs the bot (in Chinese, each with its fix): their
// keys and placeholders here, the sentences in texts/operator.yaml (doctor).
import type { Catalogue } from '../../campaign/index.js';
import { operatorTexts } from '../../texts/index.js';

export const DOCTOR_TEXTS = {
  rosterOk: ['count!'],
  rosterEmpty: [],
  adminsOk: ['count!', 'pending'],
  adminsOkPending: ['count!', 'pending!'],
  adminsNone: [],
  adminsPending: ['pending!'],
  campaignOk: ['file!', 'last'],
  campaignOver: ['file!', 'title', 'last'],
  puppetOk: ['puppet!'],
  puppetToken: ['puppet!'],
  accountPuppetOk: ['name!', 'puppet!'],
  /** {n}: the account's place in ACCOUNTS, which names its setting */
  accountPuppetToken: ['name!', 'puppet!', 'n!'],
  failed: ['count'],
  passed: [],
  cannotRun: ['reason!'],
} as const satisfies Catalogue;

export function doctorTexts() {
  return operatorTexts('doctor', DOCTOR_TEXTS);
}
