// A unit as stored, read back into the types the rest uses. kind and category are free text columns in
// SQLite, so they are parsed here, once, for every store.
import { UnitKindSchema, type Category } from '../campaign/index.js';
import type { UnitProfile } from '../conversation/index.js';

/** Who a unit is: the same record the conversation reads. */
export type { UnitProfile };

type UnitRow = { id: number; name: string; kind: string; category: string | null; city: string | null; industry: string | null };

// A value the schema does not know (written by hand, say) falls back rather than breaking every read.
const Kind = UnitKindSchema.catch('collective');

/**
 * A collective may hold several categories (第20届全国 and 2021年标兵号): the column holds their codes joined
 * by commas, in the order the roster gave them (its file description's order); null for none.
 */
export function categoryColumn(categories: readonly Category[]): string | null {
  const codes = [...new Set(categories.map((code) => code.trim()).filter((code) => code !== '' && !code.includes(',')))];
  return codes.length === 0 ? null : codes.join(',');
}

/** The codes of the column; which of them the campaign knows is the campaign's to say (formsFor, the exports). */
export function categoriesOf(column: string | null): Category[] {
  if (column === null || column === '') return [];
  return [...new Set(column.split(',').map((code) => code.trim()))].filter((code) => code !== '');
}

export function toUnitProfile(row: UnitRow): UnitProfile {
  const kind = Kind.parse(row.kind);
  const categories = categoriesOf(row.category);
  return {
    id: row.id,
    name: row.name,
    kind,
    // A collective of no category (one a group registered in a chat) is of the campaign's default one, as an
    // empty 类别 is: categoriesOf in src/campaign/forms.ts says so where it matters.
    categories,
    city: row.city,
    industry: row.industry,
  };
}
