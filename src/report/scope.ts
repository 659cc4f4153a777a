// Who the admins are and what each may see: the whole province, one city, or one industry system.
// Admins are known by their WeChat contact id, from the configuration or bound by a one-time code
// (invites.ts), never by a nickname.
import { fill, withoutCityMark } from '../campaign/index.js';

export type Scope = { kind: 'province' } | { kind: 'city'; city: string } | { kind: 'industry'; industry: string };

export interface Admin {
  /** the WeChat contact id */
  id: string;
  scope: Scope;
  /** the name an invited admin was given by the operator; none for the ADMINS setting's */
  name?: string;
}

export class AdminConfigError extends Error {
  override name = 'AdminConfigError';
}

/**
 * Each entry is a contact id, optionally with a scope: "wxid_a" (province), "wxid_b=city:广州市",
 * "wxid_c=industry:广东电网".
 */
export function parseAdmins(entries: readonly string[]): Admin[] {
  const admins = new Map<string, Admin>();
  for (const entry of entries) {
    const [id = '', scopeText] = entry.split('=', 2).map((part) => part.trim());
    if (id === '') throw new AdminConfigError(`admin entry "${entry}" has no contact id`);
    if (admins.has(id)) throw new AdminConfigError(`admin ${id} is listed twice`);
    admins.set(id, { id, scope: parseScope(scopeText, entry) });
  }
  return [...admins.values()];
}

function parseScope(text: string | undefined, entry: string): Scope {
  if (text === undefined || text === '' || text === 'province') return { kind: 'province' };
  const [kind, value = ''] = text.split(':', 2).map((part) => part.trim());
  if (value !== '' && kind === 'city') return { kind: 'city', city: value };
  if (value !== '' && kind === 'industry') return { kind: 'industry', industry: value };
  throw new AdminConfigError(`admin entry "${entry}": the scope must be province, city:<city> or industry:<industry>`);
}

export function inScope(scope: Scope, unit: { city: string | null; industry: string | null }): boolean {
  switch (scope.kind) {
    case 'province':
      return true;
    case 'city':
      return unit.city === scope.city;
    case 'industry':
      return unit.industry === scope.industry;
  }
}

/** The city or industry a word names in the roster: "广州市", "广州" (its 市 left off) or "广东电网"; the roster's own spelling. */
export function scopeNamed(word: string, units: readonly { city: string | null; industry: string | null }[]): Scope | undefined {
  if (units.some((unit) => unit.city === word)) return { kind: 'city', city: word };
  if (units.some((unit) => unit.industry === word)) return { kind: 'industry', industry: word };
  const city = units.find((unit) => unit.city !== null && withoutCityMark(unit.city) === withoutCityMark(word))?.city;
  return city ? { kind: 'city', city } : undefined;
}

/**
 * Who speaks for a scope: the roster's 地市团委 of the city or 联创行业团组织 of the industry, else a name
 * made from the scope with `names` ({city}, {industry}); `names.province` for the whole province.
 */
export function collectorOf(
  scope: Scope,
  units: readonly { name: string; kind: string; city: string | null; industry: string | null }[],
  names: { province: string; city: string; industry: string },
): string {
  switch (scope.kind) {
    case 'province':
      return names.province;
    case 'city':
      return units.find((u) => u.kind === 'cityOrg' && u.city === scope.city)?.name ?? fill(names.city, { city: scope.city });
    case 'industry':
      return units.find((u) => u.kind === 'industryOrg' && u.industry === scope.industry)?.name ?? fill(names.industry, { industry: scope.industry });
  }
}
