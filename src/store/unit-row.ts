// A unit as stored, read back into the types the rest uses. kind and category are free text columns in
// SQLite, so they are parsed here, once, for every store.
import { CategorySchema, UnitKindSchema, type Category } from '../campaign/schema.js';
import type { UnitProfile } from '../conversation/group-types.js';

/** Who a unit is: the same record the conversation reads. */
export type { UnitProfile };

type UnitRow = { id: number; name: string; kind: string; category: string | null; city: string | null; industry: string | null };

// A value the schema does not know (written by hand, say) falls back rather than breaking every read.
const Kind = UnitKindSchema.catch('collective');
const KnownCategory = CategorySchema.optional().catch(undefined);

/**
 * A collective may hold several categories (第20届全国 and 2021年标兵号): the column holds their codes joined
 * by commas, in the campaign's order; null for none.
 */
export function categoryColumn(categories: readonly Category[]): string | null {
  const known = CategorySchema.options.filter((code) => categories.includes(code));
  return known.length === 0 ? null : known.join(',');
}

export function categoriesOf(column: string | null): Category[] {
  if (column === null || column === '') return [];
  const codes = column.split(',').map((code) => KnownCategory.parse(code.trim()));
  return CategorySchema.options.filter((code) => codes.includes(code));
}

export function toUnitProfile(row: UnitRow): UnitProfile {
  const kind = Kind.parse(row.kind);
  const categories = categoriesOf(row.category);
  return {
    id: row.id,
    name: row.name,
    kind,
    // A collective of no category (one a group registered in a chat) is an ordinary one, as an empty 类别 is.
    categories: kind === 'collective' && categories.length === 0 ? ['other'] : categories,
    city: row.city,
    industry: row.industry,
  };
}
