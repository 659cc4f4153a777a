// A unit as stored, read back into the types the rest uses. kind and category are free text columns in
// SQLite, so they are parsed here, once, for every store.
import { CategorySchema, UnitKindSchema } from '../campaign/schema.js';
import type { UnitProfile } from '../conversation/group-types.js';

/** Who a unit is: the same record the conversation reads. */
export type { UnitProfile };

type UnitRow = { id: number; name: string; kind: string; category: string | null; city: string | null; industry: string | null };

// A value the schema does not know (written by hand, say) falls back rather than breaking every read.
const Kind = UnitKindSchema.catch('collective');
const Category = CategorySchema.nullable().catch(null);

export function toUnitProfile(row: UnitRow): UnitProfile {
  return {
    id: row.id,
    name: row.name,
    kind: Kind.parse(row.kind),
    category: Category.parse(row.category),
    city: row.city,
    industry: row.industry,
  };
}
