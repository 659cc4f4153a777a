// Opens the bot's SQLite database: applies pending migrations, then connects Prisma Client through
// the better-sqlite3 driver adapter (no native engine at run time).

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import type { SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { Database } from 'better-sqlite3';
import { PrismaClient } from './generated/client.js';
import { applyMigrations } from './migrate.js';

export interface OpenedDatabase {
  prisma: PrismaClient;
  /**
   * The better-sqlite3 connection Prisma itself uses, for the few statements on the hot path that Prisma
   * would make 7–10 times slower (the group writes). One connection, so nothing can be busy against it.
   */
  sqlite: Database;
  /** Disconnects Prisma, which closes the database file. */
  close(): Promise<void>;
}

const BUSY_TIMEOUT_MS = 5000;

/**
 * `file:./data/bot.db`, `file:/abs/bot.db` or a bare path → absolute path. Relative paths are
 * relative to process.cwd() (the project root), as for the Prisma CLI through prisma.config.ts.
 */
export function databaseFile(databaseUrl: string): string {
  const withoutScheme = databaseUrl.startsWith('file:') ? databaseUrl.slice('file:'.length) : databaseUrl;
  const file = decodeURIComponent(withoutScheme.replace(/^\/\/(?=\/)/, '').split('?')[0] ?? '');
  if (file === '') throw new Error(`No database file in URL "${databaseUrl}"`);
  return path.resolve(process.cwd(), file);
}

// One connection per database file in the process: a second better-sqlite3 connection in the same
// process is what turns into SQLITE_BUSY at COMMIT, which the adapter can mishandle and lose
// acknowledged writes (prisma/orm #29933).
const open = new Set<string>();

/** The project's migrations, applied by openDatabase. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));

export async function openDatabase(databaseUrl: string, migrationsDir = MIGRATIONS_DIR): Promise<OpenedDatabase> {
  const file = databaseFile(databaseUrl);
  if (open.has(file)) {
    throw new Error(`Database ${file} is already open in this process: share the first handle instead of opening it twice.`);
  }
  open.add(file);
  try {
    applyMigrations(file, migrationsDir);
    // `timeout` is better-sqlite3's busy timeout: wait for another process's lock instead of failing.
    const adapter = sharedConnection(new PrismaBetterSqlite3({ url: `file:${file}`, timeout: BUSY_TIMEOUT_MS }));
    const prisma = new PrismaClient({ adapter: adapter.factory });
    let sqlite: Database;
    try {
      await prisma.$connect();
      await configureConnection(prisma);
      sqlite = adapter.connection();
    } catch (error) {
      await prisma.$disconnect();
      throw error;
    }
    let closed = false;
    return {
      prisma,
      sqlite,
      async close() {
        if (closed) return;
        closed = true;
        await prisma.$disconnect();
        open.delete(file);
      },
    };
  } catch (error) {
    open.delete(file);
    throw error;
  }
}

/**
 * The adapter factory Prisma connects through, keeping hold of the better-sqlite3 connection it opens. The
 * adapter keeps it as its `client`; the pinned adapter version and tests/store/client.test.ts keep that so.
 */
function sharedConnection(inner: PrismaBetterSqlite3): { factory: SqlDriverAdapterFactory; connection: () => Database } {
  let connection: Database | undefined;
  const factory: SqlDriverAdapterFactory = {
    provider: inner.provider,
    adapterName: inner.adapterName,
    async connect() {
      const adapter = await inner.connect();
      connection = (adapter as unknown as { client: Database }).client;
      return adapter;
    },
  };
  return {
    factory,
    connection: () => {
      if (!connection) throw new Error('Prisma has not opened its SQLite connection');
      return connection;
    },
  };
}

/**
 * WAL lets the bot's readers run beside its writer. synchronous=NORMAL: in WAL mode a committed write
 * survives a crash of the process, not necessarily a power cut or OS crash (the last commits may be
 * lost, the file stays consistent). FULL would fsync every commit, several times slower per write;
 * the bot's writes are form answers it can ask for again, so NORMAL is the trade-off chosen.
 */
async function configureConnection(prisma: PrismaClient): Promise<void> {
  // PRAGMAs that answer with a row must go through a query: better-sqlite3 refuses run() on them.
  await prisma.$queryRawUnsafe('PRAGMA journal_mode = WAL');
  await prisma.$executeRawUnsafe('PRAGMA synchronous = NORMAL');
  await prisma.$executeRawUnsafe(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
  const pragmas = await readPragmas(prisma);
  const expected = { journal_mode: 'wal', synchronous: 1, busy_timeout: BUSY_TIMEOUT_MS, foreign_keys: 1 };
  for (const [name, value] of Object.entries(expected)) {
    const actual = pragmas[name as keyof typeof pragmas];
    if (actual !== value) throw new Error(`PRAGMA ${name} is ${String(actual)}, expected ${String(value)}`);
  }
}

/** The connection settings in effect, read back from SQLite (also used by the tests). */
export async function readPragmas(prisma: PrismaClient): Promise<{ journal_mode: string; synchronous: number; busy_timeout: number; foreign_keys: number }> {
  const read = async (name: string): Promise<unknown> => {
    const rows = await prisma.$queryRawUnsafe<Array<Record<string, unknown>>>(`PRAGMA ${name}`);
    const row = rows[0] ?? {};
    // The column is named after the pragma, except busy_timeout's, which is called "timeout".
    return Object.values(row)[0];
  };
  return {
    journal_mode: String(await read('journal_mode')).toLowerCase(),
    synchronous: Number(await read('synchronous')),
    busy_timeout: Number(await read('busy_timeout')),
    foreign_keys: Number(await read('foreign_keys')),
  };
}
