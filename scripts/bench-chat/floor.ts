// The floor of the chat benchmark: bare Wechaty on wechaty-puppet-mock whose handler does one raw
// better-sqlite3 insert and one reply per message. Nothing can answer a group faster on this machine.
//
//   tsx scripts/bench-chat/floor.ts GROUPS
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { WechatyBuilder } from 'wechaty';
import { PuppetMock, mock } from 'wechaty-puppet-mock';
import { BOT_ID, BOT_NAME, peakRss, summary, WARM_UP, warmThenDrive } from './load.js';

const groups = Number(parseArgs({ args: process.argv.slice(2), options: {}, allowPositionals: true }).positionals[0] ?? 1);
const dir = mkdtempSync(join(tmpdir(), 'bench-floor-'));

const { value, peakMb } = await peakRss(async () => {
  const started = performance.now();
  const mocker = new mock.Mocker();
  const puppet = new PuppetMock({ mocker });
  const bot = mocker.createContact({ id: BOT_ID, name: BOT_NAME });
  const db = new Database(join(dir, 'floor.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE message (id TEXT PRIMARY KEY, room TEXT, text TEXT)');
  const insert = db.prepare('INSERT INTO message (id, room, text) VALUES (?, ?, ?)');
  const wechaty = WechatyBuilder.build({ puppet });
  wechaty.on('message', async (message) => {
    const room = message.room();
    if (!room || message.self()) return;
    insert.run(message.id, room.id, message.text());
    await room.say(`收到：${message.text()}`);
  });
  await wechaty.start();
  await new Promise<void>((resolve) => {
    wechaty.once('login', () => resolve());
    mocker.login(bot);
  });
  const startMs = performance.now() - started;
  const result = await warmThenDrive(
    puppet,
    mocker,
    Array.from({ length: WARM_UP + groups }, (_, i) => `单位${i}`),
  );
  await wechaty.stop();
  db.close();
  return { result, startMs };
});
rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify(summary('floor', groups, value.result, peakMb, value.startMs)));
process.exit(0);
