// Finding the roster unit a person means by a name typed in a chat: exact after normalising, otherwise
// ranked by similarity. Names share long common words (the campaign's matching.commonNameWords: 青年文明号,
// 团委…), which are set aside before comparing so that "地铁一中心" finds "广州地铁运营一中心青年文明号" and not
// every other 青年文明号.
const FULL_WIDTH = /[\uff01-\uff5e]/g;

/** Lower case, half-width, without spaces and punctuation: the form two names are compared in. */
export function normalizeName(name: string): string {
  return name
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\p{P}\p{S}]/gu, '')
    .toLowerCase();
}

function core(name: string, commonWords: readonly string[]): string {
  let text = normalizeName(name);
  for (const word of commonWords) text = text.split(normalizeName(word)).join('');
  return text;
}

function bigrams(text: string): Map<string, number> {
  const chars = [...text];
  const grams = new Map<string, number>();
  if (chars.length === 1) grams.set(chars[0]!, 1);
  for (let i = 0; i + 1 < chars.length; i += 1) {
    const gram = chars[i]! + chars[i + 1]!;
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}

/** 0…1: 1 for the same name; containment scores high; otherwise the Dice coefficient of character pairs. */
export function similarity(a: string, b: string, commonWords: readonly string[]): number {
  if (normalizeName(a) === normalizeName(b)) return 1;
  const x = core(a, commonWords);
  const y = core(b, commonWords);
  if (x === '' || y === '') return 0;
  if (x === y) return 0.95;
  if (x.includes(y) || y.includes(x)) {
    const [short, long] = x.length < y.length ? [x, y] : [y, x];
    return 0.6 + 0.3 * ([...short].length / [...long].length);
  }
  const gx = bigrams(x);
  const gy = bigrams(y);
  let shared = 0;
  for (const [gram, count] of gx) shared += Math.min(count, gy.get(gram) ?? 0);
  const total = [...gx.values()].reduce((s, n) => s + n, 0) + [...gy.values()].reduce((s, n) => s + n, 0);
  return total === 0 ? 0 : (2 * shared) / total;
}

/** The units whose name equals `query` after normalising. */
export function exactMatches<T extends { name: string }>(query: string, units: readonly T[]): T[] {
  const key = normalizeName(query);
  return units.filter((unit) => normalizeName(unit.name) === key);
}

/** Up to `limit` units most like `query`, best first, leaving out those below `threshold`; `commonWords` are set aside. */
export function rankByName<T extends { name: string }>(query: string, units: readonly T[], commonWords: readonly string[], limit = 5, threshold = 0.35): T[] {
  return units
    .map((unit) => ({ unit, score: similarity(query, unit.name, commonWords) }))
    .filter(({ score }) => score >= threshold)
    .sort((p, q) => q.score - p.score || p.unit.name.localeCompare(q.unit.name, 'zh'))
    .slice(0, limit)
    .map(({ unit }) => unit);
}

/** Share of `before` still present in `now` (0…1); an empty `before` shares nothing. */
export function overlap(before: readonly string[], now: readonly string[]): number {
  if (before.length === 0) return 0;
  const current = new Set(now);
  return before.filter((name) => current.has(name)).length / before.length;
}
