// A roster import as Chinese text, every sentence from conversations/roster.yaml, so the CLI and the admin's
// private chat with the bot say the same thing.
import { fill, type Vars } from '../campaign/index.js';
import type { Problem, RosterParse, RowProblem } from './types.js';
import type { RosterSpec } from './spec.js';
import type { Count, ImportResult, RosterSummary } from './store.js';

/** Values every sentence may use: the accepted 类型 and 类别, the headers. */
function common(spec: RosterSpec): Vars {
  const list = (entries: Array<{ label: string }>) => entries.map((entry) => entry.label).join(spec.messages.report.listSeparator);
  return {
    kinds: list(Object.values(spec.kinds)),
    categories: list(Object.values(spec.categories)),
    headers: list(Object.values(spec.columns).map((column) => ({ label: column.header }))),
  };
}

export function renderFatal(spec: RosterSpec, problem: Problem): string {
  return fill(spec.messages.fatal[problem.key], { ...common(spec), ...problem.vars });
}

/** One line per rejected row: `第12行：reason；reason`, in row order. */
export function renderProblemLines(spec: RosterSpec, problems: RowProblem[]): string[] {
  const byRow = new Map<number, RowProblem[]>();
  for (const problem of problems) byRow.set(problem.row, [...(byRow.get(problem.row) ?? []), problem]);
  const vars = common(spec);
  return [...byRow.entries()]
    .sort(([a], [b]) => a - b)
    .map(([row, list]) => {
      const reasons = list.map((problem) => fill(spec.messages.problems[problem.key], { ...vars, ...problem.vars }));
      return fill(spec.messages.report.rowLine, { row, reasons: reasons.join(spec.messages.report.reasonSeparator) });
    });
}

/** How many distinct rows were rejected. */
export function badRowCount(parse: RosterParse): number {
  return new Set(parse.problems.map((problem) => problem.row)).size;
}

/**
 * The check of a file: refused whole, all valid, or the counts and the first `reportLines` rejected rows,
 * then how many more there are.
 */
export function renderParseReport(spec: RosterSpec, fileName: string, parse: RosterParse): string {
  if (parse.fatal) return renderFatal(spec, parse.fatal);
  const valid = parse.rows.length;
  const bad = badRowCount(parse);
  if (bad === 0) return fill(spec.messages.report.allValid, { file: fileName, valid });
  const lines = renderProblemLines(spec, parse.problems);
  const limit = spec.limits.reportLines;
  const shown = lines.slice(0, limit);
  if (lines.length > limit) shown.push(fill(spec.messages.report.more, { count: lines.length - limit }));
  return [fill(spec.messages.report.withProblems, { file: fileName, total: valid + bad, valid, bad }), ...shown].join('\n');
}

/** The counts of an import, then the rows a scope refused (`第3行：…`). */
export function renderImportResult(spec: RosterSpec, result: ImportResult): string {
  const { created, updated, unchanged, reconciled } = result;
  return [fill(spec.messages.import.result, { created, updated, unchanged, reconciled }), ...renderProblemLines(spec, result.refused ?? [])].join('\n');
}

export function renderSummary(spec: RosterSpec, summary: RosterSummary): string {
  const m = spec.messages.summary;
  const items = (counts: Array<{ label: string; count: number }>) => {
    const shown = counts.filter((item) => item.count > 0);
    return shown.length === 0 ? m.none : shown.map((item) => fill(m.item, item)).join(m.itemSeparator);
  };
  const named = (counts: Count[]) => counts.map((item) => ({ label: item.value ?? m.unset, count: item.count }));
  const kinds = Object.entries(spec.kinds).map(([code, kind]) => ({ label: kind.label, count: summary.byKind[code as keyof typeof spec.kinds] }));
  const categories = [
    ...Object.entries(spec.categories).map(([code, category]) => ({
      label: category.label,
      count: summary.byCategory[code] ?? 0,
    })),
    { label: m.unset, count: summary.byCategory.unset ?? 0 },
  ];
  return [
    fill(m.heading, { total: summary.total, fromChat: summary.fromChat }),
    fill(m.byKind, { items: items(kinds) }),
    fill(m.byCategory, { items: items(categories) }),
    fill(m.byCity, { items: items(named(summary.byCity)) }),
    fill(m.byIndustry, { items: items(named(summary.byIndustry)) }),
  ].join('\n');
}
