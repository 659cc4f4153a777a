// The chat benchmark (not a test): the bot and its floor side by side in one run. At each size, N groups
// fill the whole 附件2 form at once on wechaty-puppet-mock; the floor is bare Wechaty whose handler does one
// raw better-sqlite3 insert and one reply. Each side runs in a fresh process, alternating, several times;
// the table gives the median of each figure. Prints the machine it ran on.
//
//   npm run bench:chat                                # sizes 1, 200, 1000, 5000; 3 runs each
//   npm run bench:chat -- --sizes 1,50 --runs 1       # what CI runs, so that it cannot rot
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { printTable } from './bench-table.js';
import type { SideResult } from './bench-chat/load.js';

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '1,200,1000,5000' }, runs: { type: 'string', default: '3' } } });
const sizes = values.sizes.split(',').map(Number);
const runs = Number(values.runs);
const here = path.dirname(fileURLToPath(import.meta.url));
const tsx = path.join(here, '..', 'node_modules', '.bin', 'tsx');

function run(script: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(tsx, [path.join(here, 'bench-chat', script), ...args], { maxBuffer: 16 * 1024 * 1024, timeout: 1_800_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${script} ${args.join(' ')} failed: ${stderr || error.message}`));
      else resolve(stdout.trim().split('\n').pop() ?? '');
    });
  });
}

const median = (numbers: number[]) => [...numbers].sort((a, b) => a - b)[Math.floor((numbers.length - 1) / 2)]!;

console.log(
  `chat benchmark on ${os.cpus()[0]?.model.trim()} ×${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${runs} run(s) each, medians`,
);
const rows: string[][] = [];
for (const groups of sizes) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-chat-'));
  const seeded = path.join(dir, 'seeded.db');
  await run('bot.ts', ['seed', seeded, String(groups)]);
  const results: Record<'floor' | 'bot', SideResult[]> = { floor: [], bot: [] };
  for (let i = 0; i < runs; i += 1) {
    results.floor.push(JSON.parse(await run('floor.ts', [String(groups)])) as SideResult);
    const database = path.join(dir, `run-${i}.db`);
    await run('copy-db.ts', [seeded, database]);
    results.bot.push(JSON.parse(await run('bot.ts', ['run', database, String(groups)])) as SideResult);
  }
  rmSync(dir, { recursive: true, force: true });
  const figure = (side: 'floor' | 'bot', key: keyof SideResult) => median(results[side].map((r) => Number(r[key])));
  const floorRate = figure('floor', 'perSecond');
  for (const side of ['floor', 'bot'] as const) {
    const rate = figure(side, 'perSecond');
    rows.push([
      `${groups} × ${side}`,
      String(groups * 11),
      rate.toFixed(0),
      side === 'bot' ? `${((rate / floorRate) * 100).toFixed(0)} %` : '',
      figure(side, 'p50').toFixed(1),
      figure(side, 'p99').toFixed(0),
      side === 'bot' ? `${(figure('bot', 'p99') / figure('floor', 'p99')).toFixed(1)}×` : '',
      figure(side, 'peakMb').toFixed(0),
      side === 'bot' ? `+${(figure('bot', 'peakMb') - figure('floor', 'peakMb')).toFixed(0)}` : '',
      figure(side, 'startMs').toFixed(0),
    ]);
  }
}
printTable(['groups × side', 'messages', 'msg/s', 'of floor', 'p50 ms', 'p99 ms', 'p99 ÷ floor', 'peak RSS MB', 'over floor', 'start ms'], rows);
