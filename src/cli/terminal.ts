// What the command-line tools share: the terminal they print through, their command line read item by item,
// who the audit log names for the changes they make, and how each runs when it is the file node was started
// with.
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { loadDotEnv } from '../app/index.js';
import { OperatorTextsError } from '../texts/index.js';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: Record<string, string | undefined>;
  now(): Date;
}

/** One item of a command line: an option the tool knows (with its value, when it takes one), one it does not, or an argument. */
export type CommandLineItem<Name extends string> =
  | { kind: 'option'; name: Name; value: string | undefined; rawName: string }
  | { kind: 'unknown'; arg: string }
  | { kind: 'positional'; value: string };

/**
 * The command line as node:util parseArgs reads it, item by item in order, options it does not know among
 * them, so that a tool can answer a wrong command line in its own words. A string option takes the
 * argument after it (`--city 广州市`) or its own (`--city=广州市`); an unknown option is named by the argument
 * it came in (`--zip`, or `-yz` for an unknown -z).
 */
export function commandLine<Name extends string>(
  argv: readonly string[],
  options: Record<Name, { type: 'string' | 'boolean'; short?: string }>,
): CommandLineItem<Name>[] {
  const { tokens } = parseArgs({ args: [...argv], options, allowPositionals: true, strict: false, tokens: true });
  const known = (name: string): name is Name => Object.hasOwn(options, name);
  return tokens.flatMap((token): CommandLineItem<Name>[] => {
    if (token.kind === 'option-terminator') return [];
    if (token.kind === 'positional') return [{ kind: 'positional', value: token.value }];
    if (!known(token.name)) return [{ kind: 'unknown', arg: argv[token.index] ?? token.rawName }];
    return [{ kind: 'option', name: token.name, value: token.value, rawName: token.rawName }];
  });
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
  try {
    process.exitCode = await run(process.argv.slice(2), {
      out: (text) => process.stdout.write(`${text}\n`),
      err: (text) => process.stderr.write(`${text}\n`),
      env: process.env,
      now: () => new Date(),
    });
  } catch (error) {
    // A tool whose own sentences cannot be read cannot say so in them: it prints what is wrong with the file
    // (its path and the key) as it is, and fails like any other configuration error (exit 4).
    if (!(error instanceof OperatorTextsError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 4;
  }
}
