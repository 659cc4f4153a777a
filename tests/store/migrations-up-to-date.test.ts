// Fails when prisma/schema.prisma changed without a migration: run `npm run db:migrate -- --name <what>`.
// Runs the real Prisma CLI, offline, through prisma/schema-engine (set up by prisma.config.ts).
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot, tempDir } from './helpers.js';

const prisma = path.join(projectRoot, 'node_modules/.bin/prisma');

/** `prisma migrate diff --exit-code`: 0 no difference, 2 a difference, 1 an error. */
function diff(schemaPath: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const args = ['migrate', 'diff', '--from-migrations', 'prisma/migrations', '--to-schema', schemaPath, '--exit-code'];
  return new Promise((resolve) => {
    execFile(prisma, args, { cwd: projectRoot, env: { ...process.env, CHECKPOINT_DISABLE: '1' } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('prisma/migrations', () => {
  it('match prisma/schema.prisma', async () => {
    const result = await diff('prisma/schema.prisma');
    // Also require the engine's answer: prisma 7.10 exits 0 when its schema engine dies mid-command.
    expect(result, result.stderr).toMatchObject({ code: 0, stdout: expect.stringContaining('No difference detected') });
  }, 60_000); // the Prisma CLI, a child process: seconds on a loaded 2-core machine

  it('would be reported out of date by the same check after a schema change', async () => {
    const changed = path.join(tempDir(), 'schema.prisma');
    writeFileSync(changed, `${readFileSync(path.join(projectRoot, 'prisma/schema.prisma'), 'utf8')}\nmodel Probe {\n  id Int @id\n}\n`);
    const result = await diff(changed);
    expect(result, result.stderr).toMatchObject({ code: 2, stdout: expect.stringContaining('Probe') });
  }, 60_000); // the Prisma CLI, a child process: seconds on a loaded 2-core machine
});
