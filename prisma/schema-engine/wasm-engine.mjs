// Loads Prisma's schema engine compiled to WebAssembly (@prisma/schema-engine-wasm) and drives it
// with the better-sqlite3 driver adapter, covering the gaps between the two (see PRISMA-OFFLINE.md).
// Used only by ./schema-engine.mjs, which the Prisma CLI spawns instead of the native binary.

import { existsSync, mkdirSync, readFileSync, unlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import * as bindings from '@prisma/schema-engine-wasm/schema_engine_bg';

const require = createRequire(import.meta.url);

// The package's entry does `import * as wasm from "./x.wasm"`, which Node 20 cannot load without
// --experimental-wasm-modules; instantiate the module by hand and hand it to the JS glue instead.
let loaded = false;
/** The engine reports a Rust panic's message here before trapping with "RuntimeError: unreachable". */
export const panics = { last: undefined };
function loadWasm() {
  if (loaded) return bindings;
  globalThis.PRISMA_WASM_PANIC_REGISTRY = { set_message: (message) => (panics.last = message) };
  const glue = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
  const module = new WebAssembly.Module(readFileSync(glue.replace(/\.js$/, '.wasm')));
  const instance = new WebAssembly.Instance(module, { './schema_engine_bg.js': bindings });
  bindings.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  loaded = true;
  return bindings;
}

/** The engine's version, i.e. the git hash of prisma-engines it was built from. */
export function engineVersion() {
  return loadWasm().version();
}

/** `file:./x.db?opt=1` → absolute path; relative paths are relative to the cwd, as the native engine does (the CLI sets cwd to the project root). */
export function sqlitePath(url) {
  if (!url) throw new Error('The datasource has no url: set datasource.url in prisma.config.ts.');
  if (!url.startsWith('file:')) throw new Error(`Only SQLite file: URLs are supported by this schema engine, got ${url.split(':')[0]}:`);
  const file = decodeURIComponent(url.slice('file:'.length).replace(/^\/\/(?=\/)/, '').split('?')[0]);
  return file === ':memory:' ? file : path.resolve(process.cwd(), file);
}

const MIGRATIONS_TABLE_DDL = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

const userTablesSql = `SELECT type, name FROM sqlite_master
  WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' ORDER BY type DESC, name`;

/**
 * Wraps a better-sqlite3 adapter so that:
 * - it opens only when first used: the wasm engine connects when it is created, even for commands
 *   such as `migrate diff` that never touch the database, and the file (or its folder) may not exist;
 * - `executeRaw` without arguments goes to `executeScript`: the engine may replay whole migration
 *   scripts through it, and better-sqlite3's prepare() accepts one statement only.
 */
function lazyAdapter(open) {
  let pending;
  const get = () => (pending ??= open());
  return {
    provider: 'sqlite',
    adapterName: '@prisma/adapter-better-sqlite3',
    queryRaw: async (query) => (await get()).queryRaw(query),
    executeRaw: async (query) => {
      const adapter = await get();
      if (query.args.length > 0) return adapter.executeRaw(query);
      await adapter.executeScript(query.sql);
      return 0;
    },
    executeScript: async (script) => (await get()).executeScript(script),
    startTransaction: async (isolationLevel) => (await get()).startTransaction(isolationLevel),
    dispose: async () => {
      if (pending) await (await pending).dispose();
    },
  };
}

/**
 * Creates the wasm engine for the given schema files and datasource ({ url, shadowDatabaseUrl }).
 * Returns the engine, the error registry (the text behind "External error id#N") and helpers for
 * what the wasm engine lacks.
 */
export async function createEngine({ datamodels, datasource, log }) {
  const { SchemaEngine } = loadWasm();
  const mainFile = datasource?.url ? sqlitePath(datasource.url) : ':memory:';
  const shadowFile = datasource?.shadowDatabaseUrl ? sqlitePath(datasource.shadowDatabaseUrl) : undefined;
  const sqlite = new PrismaBetterSqlite3({ url: mainFile }, { shadowDatabaseUrl: shadowFile });
  let main;
  const adapters = [];
  const factory = bindMigrationAwareSqlAdapterFactory({
    provider: 'sqlite',
    adapterName: sqlite.adapterName,
    connect: async () => {
      main = lazyAdapter(() => sqlite.connect());
      adapters.push(main);
      return main;
    },
    connectToShadowDb: async () => {
      const shadow = lazyAdapter(() => sqlite.connectToShadowDb());
      adapters.push(shadow);
      return shadow;
    },
  });
  // An empty list (the CLI sends no --datamodels for `migrate diff`) makes the engine panic: omit it.
  const engine = await SchemaEngine.new({ datamodels: datamodels.length > 0 ? datamodels : undefined }, log, factory);
  const query = async (sql) => (await main.queryRaw({ sql, args: [], argTypes: [] })).rows;
  return {
    engine,
    errorRegistry: factory.errorRegistry,
    /**
     * Runs `fn` with `_prisma_migrations` present. The wasm engine answers P1014 where the native one
     * reads a missing table as "no migration applied yet" (diagnoseMigrationHistory, devDiagnostic).
     * Unless `keep`, a table created here is dropped afterwards, so that reading a database never
     * turns it into one that looks managed by Prisma Migrate (deploy must still refuse a database
     * made by `db push` with P3005). Returns [result, whether the table existed before].
     */
    async withMigrationsTable(fn, { keep = false } = {}) {
      const existed = (await query(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'`)).length > 0;
      if (existed) return [await fn(), true];
      await main.executeScript(MIGRATIONS_TABLE_DDL);
      try {
        return [await fn(), false];
      } finally {
        if (!keep) await main.executeScript('DROP TABLE IF EXISTS "_prisma_migrations"');
      }
    },
    /**
     * The wasm engine's reset only deletes rows; the CLI expects an empty database. SQLite keeps
     * `sqlite_sequence` once created, which the engine counts as "schema not empty" (P3005) when
     * `migrate reset` then applies the migrations: leave an empty `_prisma_migrations` so that the
     * database reads as an empty, managed one.
     */
    async reset(filter) {
      const external = new Set(filter?.externalTables ?? []);
      const rows = await query(userTablesSql);
      const drops = rows
        .filter(([, name]) => !external.has(name))
        .map(([type, name]) => `DROP ${type === 'view' ? 'VIEW' : 'TABLE'} IF EXISTS "${String(name).replaceAll('"', '""')}";`);
      await main.executeScript(['PRAGMA foreign_keys = OFF;', ...drops, 'PRAGMA foreign_keys = ON;', `${MIGRATIONS_TABLE_DDL};`].join('\n'));
    },
    async dispose() {
      for (const adapter of adapters) await adapter.dispose().catch(() => {});
    },
  };
}

/** The one-shot `cli create-database`: the folder and an empty file, as the native engine does. */
export function createDatabaseFile(file) {
  mkdirSync(path.dirname(file), { recursive: true });
  const Database = require('better-sqlite3');
  new Database(file).close();
}

/** The one-shot `cli drop-database`: the file and its companions. */
export function dropDatabaseFile(file) {
  for (const suffix of ['', '-wal', '-shm', '-journal']) {
    if (existsSync(file + suffix)) unlinkSync(file + suffix);
  }
}
