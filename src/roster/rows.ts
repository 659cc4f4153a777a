// The checks of one data row against conversations/roster.yaml (name, kind, categories, city, industry) and
// against the rows before it (the same unit twice), and the key that names a unit across re-imports.
import { countChars, type Vars, withoutCityMark } from '../campaign/index.js';
import type { Category, UnitKind } from '../campaign/index.js';
import type { RosterParse, RosterRow, RowProblem } from './types.js';
import { normalizeLabel, vocabulary, type ColumnId, type ProblemKey, type RosterSpec } from './spec.js';

/** Between the categories of one cell: 、 ， , ； ; / and line breaks (how Chinese lists, in any roster). */
const CATEGORY_SEPARATORS = /[、，,；;/\n]+/;

/** kind|city|name, each compared as a person would: width, spaces and a trailing 市 of the city do not count. */
export function rosterKey(kind: UnitKind, city: string | null, name: string): string {
  return `${kind}|${normalizeCity(city)}|${normalizeLabel(name)}`;
}

/** A city with its 市 left off is the same city. */
function normalizeCity(city: string | null): string {
  return withoutCityMark(normalizeLabel(city ?? ''));
}

/** Checks data rows one by one, and each against the rows before it for duplicates. */
export class RowChecker {
  private readonly rows: RosterRow[] = [];
  private readonly problems: RowProblem[] = [];
  private readonly byKey = new Map<string, number>();
  private readonly byCityName = new Map<string, number>();
  private readonly vocabulary;

  constructor(private readonly spec: RosterSpec) {
    this.vocabulary = vocabulary(spec);
  }

  check(row: number, cells: Record<ColumnId, string>): void {
    const { spec } = this;
    const problems: RowProblem[] = [];
    const problem = (key: ProblemKey, vars: Vars = {}) => problems.push({ row, key, vars });

    const name = cells.name;
    if (name === '') problem('nameMissing');
    else {
      const count = countChars(name);
      if (count > spec.limits.maxNameChars) problem('nameTooLong', { max: spec.limits.maxNameChars, count });
    }

    let kind: UnitKind | undefined;
    if (cells.kind === '') problem('kindMissing');
    else {
      kind = this.vocabulary.kinds.get(normalizeLabel(cells.kind));
      if (kind === undefined) problem('kindUnknown', { value: cells.kind });
    }

    const categories: Category[] = [];
    if (kind === 'collective') {
      const empty = spec.emptyCategory;
      if (cells.category === '') categories.push(empty);
      for (const part of cells.category.split(CATEGORY_SEPARATORS)) {
        if (part.trim() === '') continue;
        const found = this.vocabulary.categories.get(normalizeLabel(part));
        if (found === undefined) problem('categoryUnknown', { value: part.trim() });
        else if (!categories.includes(found)) categories.push(found);
      }
      // 其他 beside a 示范 category adds nothing.
      if (categories.length > 1 && categories.includes(empty)) categories.splice(categories.indexOf(empty), 1);
    } else if (kind !== undefined && cells.category !== '') {
      problem('categoryNotForKind', { kind: spec.kinds[kind].label, value: cells.category });
    }

    const city = cells.city === '' ? null : cells.city;
    const industry = cells.industry === '' ? null : cells.industry;
    if (kind !== undefined && kind !== 'industryOrg' && city === null) problem('cityMissing', { kind: spec.kinds[kind].label });
    if (kind === 'industryOrg' && industry === null) problem('industryMissing', { kind: spec.kinds[kind].label });

    if (problems.length === 0 && kind !== undefined) {
      const key = rosterKey(kind, city, name);
      const cityName = `${normalizeCity(city)}|${normalizeLabel(name)}`;
      const vars = { name, city: city ?? spec.messages.report.noCity, kind: spec.kinds[kind].label };
      const sameKey = this.byKey.get(key);
      const sameName = this.byCityName.get(cityName);
      if (sameKey !== undefined) problem('duplicateKey', { first: sameKey, ...vars });
      else if (sameName !== undefined) problem('duplicateName', { first: sameName, ...vars });
      else {
        this.byKey.set(key, row);
        this.byCityName.set(cityName, row);
        this.rows.push({ row, name, kind, categories, city, industry, key });
      }
    }
    this.problems.push(...problems);
  }

  result(): RosterParse {
    return { rows: this.rows, problems: this.problems };
  }
}
