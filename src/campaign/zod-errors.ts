// How a data file that fails its zod schema is reported: each problem as "file: path.inside: reason",
// the first ten of them.
import type { z } from 'zod';

const SHOWN = 10;

export function describeIssues(error: z.ZodError, source: string): string {
  const lines = error.issues.slice(0, SHOWN).map((issue) => {
    const path = issue.path.length > 0 ? issue.path.join('.') : '(top level)';
    return `${source}: ${path}: ${issue.message}`;
  });
  const more = error.issues.length > SHOWN ? `\n… and ${error.issues.length - SHOWN} more` : '';
  return `${lines.join('\n')}${more}`;
}
