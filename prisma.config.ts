// Prisma CLI configuration (prisma 7 reads it before anything else).
import { accessSync, chmodSync, constants } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'prisma/config';

// Every CLI command first looks for the native schema engine and downloads it from Prisma's servers,
// which offline machines (and our CI) cannot reach. Pointing PRISMA_SCHEMA_ENGINE_BINARY at our
// WebAssembly-backed stand-in skips the download and runs migrations offline. `??=` leaves a native
// binary chosen by the caller alone. See prisma/schema-engine/schema-engine.mjs.
const schemaEngine = fileURLToPath(new URL('./prisma/schema-engine/schema-engine.mjs', import.meta.url));
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= schemaEngine;
ensureExecutable(schemaEngine);

/** The CLI spawns the file directly: a checkout that lost the executable bit would fail with EACCES. */
function ensureExecutable(file: string): void {
  try {
    accessSync(file, constants.X_OK);
  } catch {
    try {
      chmodSync(file, 0o755);
    } catch {
      // Read-only checkout: leave it; only the commands that run the engine can fail.
    }
  }
}

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: {
    // Relative file: paths are resolved from the project root (the CLI's and the bot's cwd).
    url: process.env.DATABASE_URL ?? 'file:./data/bot.db',
  },
});
