// Runs `tsx src/cli/demo.ts` as a child process with lines piped in, as `npm run demo` would.
import { fileURLToPath } from 'node:url';
import { runChild, type ChildRun } from '../support/run-child.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export type DemoRun = ChildRun;

export function runDemo(args: string[], input: string, env: Record<string, string> = {}): Promise<DemoRun> {
  return runChild(process.execPath, ['--import', 'tsx', 'src/cli/demo.ts', ...args], { cwd: ROOT, env: { ...process.env, ...env }, input });
}
