// Small pieces every store uses: the transaction client type, the audit row, and reading a JSON column.
import type { PrismaClient } from './generated/client.js';

/** The client Prisma hands to an interactive transaction. */
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/** Records who changed what, when: inside a transaction (tx) or on its own (the client). */
export async function audit(db: Pick<Tx, 'auditLog'>, actor: string, at: Date, action: string, detail: object): Promise<void> {
  await db.auditLog.create({ data: { actor, at, action, detail: JSON.stringify(detail) } });
}

/** A JSON column as stored; null when it cannot be read (the caller checks the shape with zod). */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
