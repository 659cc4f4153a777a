// What the command-line tools share: the terminal they print through, who the audit log names for the
// changes they make, and how each runs when it is the file node was started with.
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { loadDotEnv } from '../app/config.js';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: Record<string, string | undefined>;
  now(): Date;
}

/** `cli:<the user logged in>` */
export function cliActor(): string {
  try {
    return `cli:${os.userInfo().username}`;
  } catch {
    return 'cli';
  }
}

/**
 * Runs a tool with the process's arguments, environment (.env loaded first) and terminal, and exits with its
 * code, when `moduleUrl` is the file node was started with; nothing when the module is imported (by a test).
 */
export async function runWhenMain(moduleUrl: string, run: (argv: readonly string[], io: CliIo) => Promise<number>): Promise<void> {
  if (process.argv[1] === undefined || moduleUrl !== pathToFileURL(process.argv[1]).href) return;
  loadDotEnv();
  process.exitCode = await run(process.argv.slice(2), {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    env: process.env,
    now: () => new Date(),
  });
}
