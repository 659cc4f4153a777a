// The one place an admin's scope is checked. Every admin command gets an Access from the desk, which makes
// it only for a contact id listed as an admin (never for a name), and reads and changes units only through
// it: the units, cities and industries the admin may see, the one unit a number or a name picks, the roster
// rows a file may write, the table an export may make, and the entries of the audit log it may read.
import type { Campaign } from '../campaign/index.js';
import { fill, withoutCityMark } from '../campaign/index.js';
import type { RosterRow } from '../roster/index.js';
import type { ImportScope, Place } from '../roster/index.js';
import type { AdminUnit, AuditEntry } from '../report/index.js';
import { echoName } from './echo.js';
import { scopeLabel } from '../report/index.js';
import { inScope, scopeNamed, type Admin, type Scope } from '../report/index.js';

export interface View {
  /** how the reply names it: "全省", "广州市", "广州市 广东电网" */
  label: string;
  /** what the statistics are grouped by: the city or industry asked for, else the admin's scope */
  scope: Scope;
  /** the city or industry asked for */
  within?: Scope;
  units: AdminUnit[];
}

/** Changes that concern every admin alike: the reminders switched off or on. */
const SHARED_ACTIONS = new Set(['setting.changed']);

export class Access {
  private everything: Promise<AdminUnit[]> | undefined;

  /** `load` reads every unit; it is read once, when first needed, for the one command this Access serves. */
  constructor(
    private readonly campaign: Campaign,
    readonly admin: Admin,
    private readonly load: () => Promise<AdminUnit[]>,
  ) {}

  /** "全省", "广州市", "广东电网" */
  get label(): string {
    return scopeLabel(this.campaign, this.admin.scope);
  }

  /** Whether a unit or a roster row lies inside the admin's scope. */
  allows(place: Place): boolean {
    return inScope(this.admin.scope, place);
  }

  /** The units the admin may see, as they are now. */
  async units(): Promise<AdminUnit[]> {
    return (await this.all()).filter((unit) => this.allows(unit));
  }

  /** The unit of that id, if the admin may see it. */
  async unit(id: number): Promise<AdminUnit | undefined> {
    const unit = (await this.all()).find((candidate) => candidate.id === id);
    return unit && this.allows(unit) ? unit : undefined;
  }

  /**
   * The units `word` narrows the admin's scope to, or the reply that says why it cannot: no city or industry
   * of that name in the roster, or one the admin may not see.
   */
  async view(word: string): Promise<View | { refusal: string }> {
    const m = this.campaign.admin.messages;
    const all = await this.all();
    const mine = all.filter((unit) => this.allows(unit));
    const own = this.label;
    if (word === '') return { label: own, scope: this.admin.scope, units: mine };
    const within = scopeNamed(word, all);
    if (!within) return { refusal: fill(m.scopeNone, { word: echoName(word) }) };
    const units = mine.filter((unit) => inScope(within, unit));
    const name = scopeLabel(this.campaign, within);
    if (units.length === 0) return { refusal: fill(m.scopeOutside, { scope: own, word: echoName(name) }) };
    const label = this.admin.scope.kind === 'province' || name === own ? name : `${own} ${name}`;
    return { label, scope: within, within, units };
  }

  /**
   * The city or industry an export is made for: none named, the admin's own; a province admin may name
   * any, a city or industry admin only its own (a table is made for a whole city or industry).
   */
  async exportScope(word: string): Promise<{ within?: Scope } | { refusal: string }> {
    const m = this.campaign.admin.messages;
    if (word.trim() === '') return {};
    const within = scopeNamed(word.trim(), await this.all());
    if (!within) return { refusal: fill(m.exportNoScope, { word: echoName(word) }) };
    if (this.admin.scope.kind === 'province' || sameScope(within, this.admin.scope)) return { within };
    return { refusal: fill(m.exportScopeRefused, { scope: this.label, requested: echoName(word) }) };
  }

  /** What a roster file of this admin may write; none for a province admin, who may import anything. */
  importScope(): ImportScope | undefined {
    const scope = this.admin.scope;
    if (scope.kind === 'province') return undefined;
    const { campaign } = this;
    return {
      label: this.label,
      admit: (row: RosterRow) => {
        // "广州" in a Guangzhou admin's file is 广州市, written as the scope spells it so the unit stays in it
        if (scope.kind === 'city') return row.city !== null && sameCity(row.city, scope.city) ? { ...row, city: scope.city } : undefined;
        return row.industry !== null && sameName(row.industry, scope.industry) ? { ...row, industry: scope.industry } : undefined;
      },
      allows: (unit: Place) => this.allows(unit),
      place: (unit: Place) =>
        [unit.city, unit.industry].filter((part): part is string => !!part).join(campaign.formats.listSeparator) || campaign.admin.labels.noCity,
    };
  }

  /**
   * Whether an entry of the audit log is the admin's to read: a change of a unit it sees; an import of rows
   * of its city or industry, or its own; the switches every admin shares. The province reads everything.
   */
  async sees(entry: AuditEntry): Promise<boolean> {
    if (this.admin.scope.kind === 'province') return true;
    const unitId = entry.detail.unitId;
    if (typeof unitId === 'number') return (await this.unit(unitId)) !== undefined;
    if (SHARED_ACTIONS.has(entry.action)) return true;
    if (entry.action === 'roster.imported') {
      if (entry.actor === this.admin.id) return true;
      const scope = this.admin.scope;
      const places = scope.kind === 'city' ? entry.detail.cities : entry.detail.industries;
      return Array.isArray(places) && places.includes(scope.kind === 'city' ? scope.city : scope.industry);
    }
    return false;
  }

  private all(): Promise<AdminUnit[]> {
    this.everything ??= this.load();
    return this.everything;
  }
}

function sameScope(a: Scope, b: Scope): boolean {
  if (a.kind === 'city' && b.kind === 'city') return a.city === b.city;
  if (a.kind === 'industry' && b.kind === 'industry') return a.industry === b.industry;
  return a.kind === b.kind;
}

/** Two names written a little differently (spaces, full-width forms) are the same. */
function sameName(a: string, b: string): boolean {
  const plain = (text: string) => text.normalize('NFKC').replace(/\s+/g, '');
  return plain(a) === plain(b);
}

/** "广州" and "广州市" are one city. */
function sameCity(a: string, b: string): boolean {
  const plain = (text: string) => withoutCityMark(text.normalize('NFKC').replace(/\s+/g, ''));
  return plain(a) === plain(b);
}
