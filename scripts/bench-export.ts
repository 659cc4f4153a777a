// The export benchmark (not a test): seeds 10,000 units with 3–5 service items each into a temporary
// database, then makes each table for the whole province and prints rows, seconds, file size and peak RSS.
// Each export runs in its own child process, so its peak RSS is its own.
//
//   npm run bench:export [-- --units 10000]
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadCampaign } from '../src/files/campaign.js';
import { createExporter, type ExportKind } from '../src/export/index.js';
import { openDatabase } from '../src/store/client.js';
import { PrismaExportStore } from '../src/store/export-store.js';
import { Serial } from '../src/store/serial.js';
import { printTable } from './bench-table.js';
import { CITIES } from './cities.js';
import { seeded } from './seeded.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const migrationsDir = path.join(root, 'prisma/migrations');
const KINDS: ExportKind[] = ['attachment1', 'attachment2', 'list'];
const NOW = new Date('2021-09-30T05:00:00Z');

interface Result {
  kind: ExportKind;
  rows: number;
  readSeconds: number;
  seconds: number;
  bytes: number;
  peakRssMb: number;
}

const TYPES = ['优化办事流程', '规范审批行为', '提高服务质量', '提供暖心服务', '解决民生困难', '其他'];
const PHRASES = [
  '在早晚高峰增设志愿引导岗',
  '为老年群众提供上门帮办代办服务',
  '推出线上预约和进度查询',
  '开设周末和午间延时服务窗口',
  '组织青年员工走进社区开展政策宣传',
  '为残障人士开通绿色通道',
  '公开服务流程和办理时限',
  '开展满意度回访并限期整改',
];

async function seed(file: string, units: number): Promise<void> {
  const database = await openDatabase(`file:${file}`, migrationsDir);
  const { prisma } = database;
  const next = seeded(2021);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  try {
    const industries = Array.from({ length: 100 }, (_, i) => `行业系统${i + 1}`);
    const unitRows: Array<{ name: string; kind: string; category: string | null; city: string | null; industry: string | null; source: string }> = [];
    for (const city of CITIES)
      unitRows.push({ name: `共青团${city.replace('市', '')}市委员会`, kind: 'cityOrg', category: null, city, industry: null, source: 'roster' });
    for (const industry of industries) unitRows.push({ name: `${industry}团委`, kind: 'industryOrg', category: null, city: null, industry, source: 'roster' });
    while (unitRows.length < units) {
      const r = next();
      const category = r < 0.3 ? 'national20' : r < 0.6 ? 'provincialModel' : 'other';
      const city = pick(CITIES);
      unitRows.push({
        name: `${city}${pick(industries)}第${unitRows.length}青年文明号`,
        kind: 'collective',
        category,
        city,
        industry: pick(industries),
        source: 'roster',
      });
    }
    for (let i = 0; i < unitRows.length; i += 1000) await prisma.unit.createMany({ data: unitRows.slice(i, i + 1000) });

    // Ids are 1..n in a fresh database; every unit but the city committees has submitted.
    const submissions: Array<{ unitId: number; formId: string; status: string; answers: string; version: number; submittedAt: Date; late: boolean }> = [];
    const versions: Array<{ submissionId: number; version: number; answers: string; submittedAt: Date; submittedBy: string; late: boolean }> = [];
    unitRows.forEach((unit, index) => {
      if (unit.kind === 'cityOrg') return;
      const unitId = index + 1;
      const count = 3 + Math.floor(next() * 3);
      const items = Array.from({ length: count }, (_, i) => ({ content: `${pick(PHRASES)}，${pick(PHRASES)}（第${i + 1}项）`, type: pick(TYPES) }));
      const answers = unit.kind === 'industryOrg' ? { industryName: unit.industry!, items } : { commitment: '热情周到，便民利民，让每一位群众满意而归', items };
      const late = next() < 0.1;
      const reopened = next() < 0.05;
      const submittedAt = new Date(NOW.getTime() - Math.floor(next() * 10 * 86_400_000));
      const json = JSON.stringify(answers);
      const submissionId = submissions.length + 1;
      submissions.push({
        unitId,
        formId: unit.kind === 'industryOrg' ? 'industryList' : 'modelCollective',
        status: reopened ? 'reopened' : 'submitted',
        answers: reopened ? JSON.stringify({ commitment: '正在修改的草稿' }) : json,
        version: reopened ? 2 : 1,
        submittedAt,
        late,
      });
      if (reopened)
        versions.push({
          submissionId,
          version: 1,
          answers: json,
          submittedAt: new Date(submittedAt.getTime() - 86_400_000),
          submittedBy: 'bench',
          late: false,
        });
      versions.push({ submissionId, version: reopened ? 2 : 1, answers: json, submittedAt, submittedBy: 'bench', late });
    });
    for (let i = 0; i < submissions.length; i += 1000) await prisma.submission.createMany({ data: submissions.slice(i, i + 1000) });
    for (let i = 0; i < versions.length; i += 1000) await prisma.submissionVersion.createMany({ data: versions.slice(i, i + 1000) });
  } finally {
    await database.close();
  }
}

/** In the child: one export, timed. */
async function runOne(kind: ExportKind, file: string): Promise<Result> {
  const database = await openDatabase(`file:${file}`, migrationsDir);
  try {
    const store = new PrismaExportStore(database.prisma, new Serial());
    const campaign = loadCampaign(path.join(root, 'conversations'));
    const readStart = performance.now();
    await store.unitsWithLatest(['industryList', 'modelCollective']);
    const readSeconds = (performance.now() - readStart) / 1000;
    const exporter = createExporter({ store, campaign, now: () => NOW });
    const start = performance.now();
    const result = await exporter.exportFor(kind, { kind: 'province' });
    const seconds = (performance.now() - start) / 1000;
    return { kind, rows: result.rows, readSeconds, seconds, bytes: result.data.length, peakRssMb: process.resourceUsage().maxRSS / 1024 };
  } finally {
    await database.close();
  }
}

function inChild(kind: ExportKind, file: string): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ['--one', kind, file], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.once('message', (message) => resolve(message as Result));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`export ${kind} exited with ${code}`));
    });
  });
}

async function main(): Promise<void> {
  // --one KIND FILE: the child that makes one table from the seeded FILE
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    options: { units: { type: 'string' }, one: { type: 'string' } },
    allowPositionals: true,
  });
  if (values.one !== undefined) {
    const result = await runOne(values.one as ExportKind, positionals[0]!);
    process.send!(result, () => process.exit(0));
    return;
  }
  const units = Number(values.units ?? 10_000);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-export-'));
  const file = path.join(dir, 'bench.db');
  try {
    const seedStart = performance.now();
    await seed(file, units);
    console.log(
      `seeded ${units} units (3–5 items each) in ${((performance.now() - seedStart) / 1000).toFixed(1)} s; node ${process.version}, ${os.cpus()[0]?.model ?? '?'} ×${os.cpus().length}`,
    );
    const results: Result[] = [];
    for (const kind of KINDS) results.push(await inChild(kind, file));
    printTable(
      ['table', 'rows', 'read s', 'total s', 'file size', 'peak RSS'],
      results.map((r) => [
        r.kind,
        String(r.rows),
        r.readSeconds.toFixed(2),
        r.seconds.toFixed(2),
        `${(r.bytes / 1024 / 1024).toFixed(2)} MB`,
        `${r.peakRssMb.toFixed(0)} MB`,
      ]),
    );
    console.log('total s: exportFor for the whole province (read + build + write .xlsx); read s: the database read alone.');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
