#!/usr/bin/env node
// Stand-in for Prisma's native `schema-engine` binary, which the CLI downloads from Prisma's servers
// and so cannot get on offline machines. prisma.config.ts points PRISMA_SCHEMA_ENGINE_BINARY here.
// It speaks the binary's (undocumented) interface, as seen from prisma 7.10.0's CLI:
//   schema-engine --version
//   schema-engine --datasource <json> cli can-connect-to-database|create-database|drop-database
//   schema-engine [--datamodels <file>]... [--datasource <json>] [...]  → JSON-RPC 2.0, one object a line
// and does the work with @prisma/schema-engine-wasm. Versions are pinned in package.json; the
// migration tests run the real CLI through it, so an upgrade that breaks it fails CI.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { createDatabaseFile, createEngine, dropDatabaseFile, engineVersion, panics, sqlitePath } from './wasm-engine.mjs';

function parseArgs(argv) {
  const args = { datamodels: [], datasource: undefined, cli: undefined, version: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--version' || arg === '-V') args.version = true;
    else if (arg === '--datamodels') args.datamodels.push(argv[++i]);
    else if (arg === '--datasource') args.datasource = JSON.parse(argv[++i]);
    else if (arg === '--enabled-preview-features' || arg === '--extension-types') i++; // nothing to do for SQLite
    else if (arg === 'cli') args.cli = argv[++i];
    else throw new Error(`schema-engine (wasm shim): unknown argument ${arg}`);
  }
  return args;
}

/** A log line on stderr in the native format: the CLI collects `fields.message` and keeps ERROR ones. */
function logLine(level, fields) {
  return JSON.stringify({ timestamp: new Date().toISOString(), level, fields, target: 'schema_engine::logger' });
}

// ---- One-shot commands: the CLI reads the first ERROR line after the first line of stderr. ----

function runCliCommand(command, datasource) {
  const file = sqlitePath(datasource?.url);
  const fail = (code, message) => {
    process.stderr.write(`${logLine('INFO', { message: 'Starting schema engine CLI' })}\n`);
    process.stderr.write(`${logLine('ERROR', { error_code: code, message })}\n`);
    process.exitCode = 1;
  };
  const missing = () =>
    fail('P1003', `Database \`${path.basename(file)}\` does not exist at \`${file}\`.`);
  switch (command) {
    case 'can-connect-to-database':
      return file === ':memory:' || existsSync(file) ? undefined : missing();
    case 'create-database':
      createDatabaseFile(file);
      return process.stdout.write(`Database '${path.basename(file)}' was successfully created.\n`);
    case 'drop-database':
      if (!existsSync(file)) return missing();
      dropDatabaseFile(file);
      return process.stdout.write(`The database was successfully dropped.\n`);
    default:
      return fail('P1000', `Unknown schema engine cli command: ${command}`);
  }
}

// ---- JSON-RPC over stdin/stdout. ----

function send(message) {
  process.stdout.write(`${JSON.stringify({ jsonrpc: '2.0', ...message })}\n`);
}

/**
 * The native engine's JSON-RPC error, from what the wasm engine throws: an Error with `code` (a
 * P-code) and a trailing span trace; adapter failures arrive as "External error id#N".
 */
function toRpcError(error, errorRegistry) {
  const isPanic = error instanceof WebAssembly.RuntimeError;
  const raw = String(error?.message ?? error);
  let message = isPanic && panics.last ? panics.last : raw.replace(/\n\s+0: [\s\S]*$/, '');
  let code = error?.code ?? null;
  message = message.replace(/External error id#(\d+)/g, (text, id) => {
    // The registry holds what the adapter threw, when it was not a DriverAdapterError (a RangeError…).
    const thrown = errorRegistry?.consumeError(Number(id))?.error;
    return thrown ? String(thrown.message ?? thrown) : text;
  });
  // A failing migration script comes back as the bare SQLite error; the native engine wraps it in
  // P3018 with the migration's name, which the trace still carries.
  const failed = /apply_script\s+with migration_name="([^"]+)"/.exec(raw);
  if (!code && failed) {
    code = 'P3018';
    message =
      'A migration failed to apply. New migrations cannot be applied before the error is recovered from. Read more ' +
      'about how to resolve migration issues in a production database: https://pris.ly/d/migrate-resolve\n\n' +
      `Migration name: ${failed[1]}\n\nDatabase error:\n${message}`;
  }
  return {
    code: 4466,
    message: 'An error happened. Check the data field for details.',
    data: { is_panic: isPanic, message, meta: error?.meta ?? null, error_code: code },
  };
}

async function serveRpc(args) {
  const log = (line) => process.stderr.write(`${String(line).trim()}\n`);
  // Not awaited here: if the engine cannot start, each request is answered with the reason (the CLI
  // reports nothing at all if the engine just exits).
  const ready = (async () => {
    const datamodels = args.datamodels.map((file) => [file, readFileSync(file, 'utf8')]);
    return createEngine({ datamodels, datasource: args.datasource, log });
  })();
  ready.catch(() => {});
  let ctx; // set once `ready` resolves, by call() below
  let engine;

  // Requests we send to the CLI (only `print`), answered on stdin.
  let nextPrintId = 1_000_000;
  const awaiting = new Map();
  const print = (content) =>
    new Promise((resolve) => {
      const id = nextPrintId++;
      awaiting.set(id, resolve);
      send({ id, method: 'print', params: { content } });
    });

  // evaluateDataLoss and createMigration replay the migrations on a shadow database only through a
  // cache that diagnoseMigrationHistory fills with the *applied* migrations; on a cache miss the wasm
  // engine fails with "SQLite shadow DB must be provided through an external factory". `migrate dev`
  // applies pending migrations before calling them, so a diagnosis just before fills the right entry.
  const withPrimedCache = (method) => async (params) => {
    await ctx
      .withMigrationsTable(() =>
        engine.diagnoseMigrationHistory({ migrationsList: params.migrationsList, optInToShadowDatabase: true, filters: params.filters }),
      )
      .catch(() => {}); // its errors resurface, with context, in the call itself
    return engine[method](params);
  };

  const methods = {
    evaluateDataLoss: withPrimedCache('evaluateDataLoss'),
    createMigration: withPrimedCache('createMigration'),
    diagnoseMigrationHistory: async (params) => {
      const [result, existed] = await ctx.withMigrationsTable(() => engine.diagnoseMigrationHistory(params));
      return { ...result, hasMigrationsTable: existed };
    },
    devDiagnostic: async (params) => (await ctx.withMigrationsTable(() => engine.devDiagnostic(params)))[0],
    // `migrate resolve --applied` on an existing database is how one baselines it: keep the table.
    markMigrationApplied: async (params) => (await ctx.withMigrationsTable(() => engine.markMigrationApplied(params), { keep: true }))[0],
    getDatabaseVersion: (params) => engine.version(params ?? null),
    createDatabase: () => ({ databaseName: path.basename(sqlitePath(args.datasource?.url)) }),
    reset: (params) => ctx.reset(params?.filter),
    diff: async (params) => {
      const result = await engine.diff(params);
      // The native engine prints the diff through the CLI and answers without it.
      if (result.stdout != null) await print(result.stdout);
      return { exitCode: result.exitCode, stdout: null };
    },
  };

  const call = async (method, params) => {
    ctx = await ready;
    engine = ctx.engine;
    if (methods[method]) return methods[method](params);
    if (typeof engine[method] !== 'function' || method === 'free' || method === 'version') {
      throw Object.assign(new Error(`Unknown method ${method}`), { rpcCode: -32601 });
    }
    return engine[method](params);
  };

  // If anything escapes (a callback of the wasm glue, say), answer the request in flight before dying:
  // the CLI of 7.10 waits forever, then exits 0, when the engine dies without answering.
  let current;
  const die = (error) => {
    if (current !== undefined) send({ id: current, error: toRpcError(error, ctx?.errorRegistry) });
    process.stderr.write(`${logLine('ERROR', { message: String(error?.stack ?? error) })}\n`);
    process.exit(1);
  };
  process.on('uncaughtException', die);
  process.on('unhandledRejection', die);

  // One request at a time: the engine is a single Rust object behind &mut self.
  let queue = Promise.resolve();
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on('line', (line) => {
    if (!line.trim()) return;
    const message = JSON.parse(line);
    if (message.method === undefined) {
      awaiting.get(message.id)?.(message.result);
      awaiting.delete(message.id);
      return;
    }
    queue = queue.then(async () => {
      current = message.id;
      try {
        const result = await call(message.method, message.params);
        send({ id: message.id, result: result ?? {} });
      } catch (error) {
        if (error?.rpcCode) send({ id: message.id, error: { code: error.rpcCode, message: error.message } });
        else send({ id: message.id, error: toRpcError(error, ctx?.errorRegistry) });
        // After a panic the wasm instance cannot be trusted: stop, as the native engine would.
        if (error instanceof WebAssembly.RuntimeError) {
          await ctx?.dispose();
          process.exit(101);
        }
      } finally {
        current = undefined;
      }
    });
  });
  // The CLI ends stdin and, on Unix, sends SIGTERM at once: finish the request in flight, close the
  // database (else SQLite leaves a zeroed -journal file behind after exclusive locking), then exit.
  const stop = () => {
    queue.then(() => ctx?.dispose()).then(() => process.exit(0));
  };
  lines.on('close', stop);
  process.on('SIGTERM', stop);
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.version) {
    process.stdout.write(`schema-engine-cli ${engineVersion()}\n`);
  } else if (args.cli) {
    runCliCommand(args.cli, args.datasource);
  } else {
    await serveRpc(args);
  }
}

main().catch((error) => {
  process.stderr.write(`${logLine('ERROR', { message: String(error?.stack ?? error) })}\n`);
  process.exit(1);
});
