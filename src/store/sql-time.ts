// Times as Prisma's SQLite adapter stores DateTime columns ("2021-09-20T02:30:00.123+00:00"), for the
// statements written by hand, so that Prisma reads back what they wrote and the other way round.
export function sqlTime(at: Date): string {
  return at.toISOString().replace(/Z$/, '+00:00');
}

export function fromSqlTime(text: string | null): Date | null {
  return text === null ? null : new Date(text);
}
