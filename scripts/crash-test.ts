// The crash test: the bot is killed with SIGKILL at random moments while many groups fill 附件2, then
// started again on the same database, until every group has handed in. After every kill:
// - PRAGMA integrity_check and foreign_key_check pass;
// - every answer the bot acknowledged (its reply arrived) is stored;
// - nothing is half-written or doubled: each group's handled messages are a prefix of its script, its row
//   was written once per message, its state and stored answers are what that prefix gives, and a form is
//   handed in once;
// and at the end every group has handed in exactly one version. Exits 1 on the first failure.
//
//   npm run crash-test                                  # 200 groups, 8 kills
//   npm run crash-test -- --groups 20 --kills 3         # what CI runs
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { loadCampaign } from '../src/files/campaign.js';
import { GroupConversations } from '../src/conversation/session.js';
import { openDatabase } from '../src/store/client.js';
import { MemoryStore } from '../tests/support/memory-store.js';
import { NOW, SCRIPT, roomId, unitName } from './crash-test/script.js';
import { seeded } from './seeded.js';

const { values } = parseArgs({
  options: { groups: { type: 'string', default: '200' }, kills: { type: 'string', default: '8' }, seed: { type: 'string', default: '1' } },
});
const groups = Number(values.groups);
const kills = Number(values.kills);
const random = seeded(Number(values.seed));
const root = path.dirname(fileURLToPath(import.meta.url));
const dir = mkdtempSync(path.join(os.tmpdir(), 'crash-test-'));
const file = path.join(dir, 'bot.db');

/** What the group's stored state must be once its first `handled` messages are handled. */
interface Expected {
  value: unknown;
  answers: unknown;
  index: number;
}

/** The same script on the same clock, once, over the in-memory store: the state after each step. */
async function expectations(): Promise<Expected[]> {
  const store = new MemoryStore();
  store.addRosterUnit(unitName(0), { categories: ['national20'] });
  const conversations = new GroupConversations({ campaign: loadCampaign(path.join(root, '..', 'conversations')), store, now: () => NOW });
  const after: Expected[] = [];
  for (const [step, text] of SCRIPT.entries()) {
    await conversations.handle({
      id: `${step}`,
      roomId: roomId(0),
      roomTopic: unitName(0),
      senderId: 'member-0',
      senderName: '成员0',
      kind: 'text',
      text,
      mentioned: false,
    });
    const state = store.rooms.get(roomId(0))!.state as { value: unknown; context: { index: number; forms: Record<string, { answers: unknown }> } };
    after.push({ value: state.value, answers: state.context.forms.modelCollective?.answers ?? {}, index: state.context.index });
  }
  return after;
}

async function seedRoster(): Promise<void> {
  const database = await openDatabase(`file:${file}`);
  try {
    const insert = database.sqlite.prepare(
      `INSERT INTO Unit (name, kind, category, city, source, rosterKey, createdAt, updatedAt)
       VALUES (?, 'collective', 'national20', '广州市', 'roster', ?, '2021-09-01T00:00:00.000+00:00', '2021-09-01T00:00:00.000+00:00')`,
    );
    database.sqlite.transaction(() => {
      for (let i = 0; i < groups; i += 1) insert.run(unitName(i), `collective|广州市|${unitName(i)}`);
    })();
  } finally {
    await database.close();
  }
}

/**
 * Runs the bot until it is done, or kills it once it has acknowledged `killAt.acks` replies and `killAt.ms`
 * more have passed: a moment in the middle of the load, wherever the writes then stand. Returns the steps
 * acknowledged.
 */
function runBot(killAt: { acks: number; ms: number } | undefined): Promise<{ acked: Array<[number, number]>; killed: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'crash-test', 'bot.ts'), file, String(groups)], {
      cwd: path.join(root, '..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked: Array<[number, number]> = [];
    let buffer = '';
    let stderr = '';
    let killed = false;
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        const [word, group, step] = line.split(' ');
        if (word === 'ack') acked.push([Number(group), Number(step)]);
        if (word === 'ack' && killAt && acked.length === killAt.acks) {
          timer = setTimeout(() => {
            killed = true;
            child.kill('SIGKILL');
          }, killAt.ms);
        }
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL' || code === 0) resolve({ acked, killed });
      else reject(new Error(`the bot exited with ${code ?? signal}: ${stderr.slice(-2000)}`));
    });
  });
}

function fail(message: string): never {
  console.error(`FAILED: ${message}\n(database kept at ${file}; repeat with --seed ${values.seed})`);
  process.exit(1);
}

/** Every check, on the database as the killed bot left it. */
function verify(expected: Expected[], acked: number[]): { handled: number; submitted: number } {
  const db = new Database(file, { readonly: true });
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') fail(`integrity_check: ${String(integrity)}`);
    if ((db.pragma('foreign_key_check') as unknown[]).length > 0) fail('foreign_key_check found rows pointing nowhere');
    const steps = new Map<number, Set<number>>();
    for (const { id } of db.prepare('SELECT id FROM ProcessedMessage').all() as { id: string }[]) {
      const [group, step] = id.split(':').map(Number) as [number, number];
      steps.set(group, (steps.get(group) ?? new Set()).add(step));
    }
    const room = db.prepare('SELECT revision, state FROM Room WHERE id = ?');
    const submission = db.prepare(
      `SELECT s.status, s.answers, s.version, (SELECT count(*) FROM SubmissionVersion v WHERE v.submissionId = s.id) AS versions
       FROM Submission s JOIN Unit u ON u.id = s.unitId WHERE u.name = ? AND s.formId = 'modelCollective'`,
    );
    let handled = 0;
    let submitted = 0;
    for (let group = 0; group < groups; group += 1) {
      const done = steps.get(group) ?? new Set<number>();
      const count = done.size;
      handled += count;
      for (let step = 0; step < count; step += 1) if (!done.has(step)) fail(`group ${group} has step ${count - 1} handled but not step ${step}`);
      if (acked[group]! >= count) fail(`group ${group}: step ${acked[group]} was acknowledged but is not stored (stored up to ${count - 1})`);
      const row = room.get(roomId(group)) as { revision: number; state: string | null } | undefined;
      if (count === 0) {
        if (row) fail(`group ${group} has a row but no handled message`);
        continue;
      }
      if (!row?.state) fail(`group ${group} handled ${count} messages but has no state`);
      if (row.revision !== count) fail(`group ${group} handled ${count} messages but its row was written ${row.revision} times`);
      const state = JSON.parse(row.state) as { value: unknown; context: { index: number; forms: Record<string, { answers: unknown }> } };
      const want = expected[count - 1]!;
      const got = { value: state.value, answers: state.context.forms.modelCollective?.answers ?? {}, index: state.context.index };
      if (JSON.stringify(got) !== JSON.stringify(want))
        fail(`group ${group} after ${count} messages stands at ${JSON.stringify(got)}, not ${JSON.stringify(want)}`);
      const saved = submission.get(unitName(group)) as { status: string; answers: string; version: number; versions: number } | undefined;
      if (count > 2 && JSON.stringify(JSON.parse(saved?.answers ?? '{}')) !== JSON.stringify(want.answers)) {
        fail(`group ${group}: the stored answers ${saved?.answers} are not its state's ${JSON.stringify(want.answers)}`);
      }
      const handedIn = count === SCRIPT.length;
      if (handedIn !== (saved?.status === 'submitted') || (saved?.versions ?? 0) !== (handedIn ? 1 : 0) || (handedIn && saved?.version !== 1)) {
        fail(`group ${group} after ${count} messages: submission ${JSON.stringify(saved)}`);
      }
      if (handedIn) submitted += 1;
    }
    return { handled, submitted };
  } finally {
    db.close();
  }
}

const started = performance.now();
const expected = await expectations();
await seedRoster();
const acked = new Array<number>(groups).fill(-1);
console.log(`crash test: ${groups} groups fill 附件2 (${SCRIPT.length} messages each), killed ${kills} times with SIGKILL`);
let stored = 0;
for (let round = 1; round <= kills + 1; round += 1) {
  const last = round > kills;
  const remaining = groups * SCRIPT.length - stored;
  const killAt = last || remaining < 2 ? undefined : { acks: 1 + Math.floor(random() * remaining * 0.4), ms: Math.floor(random() * 20) };
  const run = await runBot(killAt);
  for (const [group, step] of run.acked) acked[group] = Math.max(acked[group]!, step);
  const { handled, submitted } = verify(expected, acked);
  stored = handled;
  console.log(
    `${last ? 'last run ' : `kill ${round}`.padEnd(9)} ${run.killed ? `after ${killAt!.acks} replies + ${killAt!.ms} ms` : 'ran to the end'}: ` +
      `${run.acked.length} replies acknowledged, ${handled} of ${groups * SCRIPT.length} messages stored, ${submitted} groups handed in; checks pass`,
  );
}
const { submitted } = verify(expected, acked);
if (submitted !== groups) fail(`only ${submitted} of ${groups} groups handed in`);
rmSync(dir, { recursive: true, force: true });
console.log(`every group handed in once; every acknowledged answer was stored (${((performance.now() - started) / 1000).toFixed(1)} s)`);
