// What an admin's command is about: its whole scope, or the city or industry named after the command
// ("统计 广州市", "未交 附件2 广东电网"), within what the admin may see.
import type { Campaign } from '../campaign/schema.js';
import { fill } from '../campaign/text.js';
import type { AdminUnit } from '../store/admin-store.js';
import { scopeLabel } from './report.js';
import { inScope, scopeNamed, type Admin, type Scope } from './scope.js';

export interface View {
  /** how the reply names it: "全省", "广州市", "广州市 广东电网" */
  label: string;
  /** what the statistics are grouped by: the city or industry asked for, else the admin's scope */
  scope: Scope;
  /** the city or industry asked for */
  within?: Scope;
  units: AdminUnit[];
}

/**
 * The units `word` narrows the admin's scope to, or the reply that says why it cannot: no city or industry
 * of that name in the roster, or one the admin may not see.
 */
export function viewFor(campaign: Campaign, admin: Admin, word: string, all: readonly AdminUnit[]): View | { refusal: string } {
  const m = campaign.admin.messages;
  const mine = all.filter((unit) => inScope(admin.scope, unit));
  const own = scopeLabel(campaign, admin.scope);
  if (word === '') return { label: own, scope: admin.scope, units: mine };
  const within = scopeNamed(word, all);
  if (!within) return { refusal: fill(m.scopeNone, { word }) };
  const units = mine.filter((unit) => inScope(within, unit));
  const name = scopeLabel(campaign, within);
  if (units.length === 0) return { refusal: fill(m.scopeOutside, { scope: own, word: name }) };
  const label = admin.scope.kind === 'province' || name === own ? name : `${own} ${name}`;
  return { label, scope: within, within, units };
}
