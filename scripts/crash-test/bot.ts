// The bot under the crash test: the whole app on wechaty-puppet-mock over the test's database, its groups
// filling 附件2 from wherever they stand. Each member's message has a fixed id (group:step), as WeChat
// delivers the same message again after a restart; a group starts at its first step the database has not
// handled. Prints "ack GROUP STEP" when the bot's reply to a step arrives (the reply goes out only after
// its write is durable), then "done" when every group has its last reply.
//
//   tsx scripts/crash-test/bot.ts DATABASE GROUPS
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { types } from 'wechaty';
import { PuppetMock, mock } from 'wechaty-puppet-mock';
import { startApp } from '../../src/app/index.js';
import { silentLogger } from '../../src/log/index.js';
import { BOT_ID, BOT_NAME, NOW, SCRIPT, messageId, roomId, unitName } from './script.js';

const [file, count] = parseArgs({ args: process.argv.slice(2), options: {}, allowPositionals: true }).positionals;
const groups = Number(count);

/** Steps the database has handled, per group: each group goes on after them. */
function handled(): number[] {
  const db = new Database(file!, { readonly: true });
  try {
    const next = new Array<number>(groups).fill(0);
    for (const row of db.prepare('SELECT id FROM ProcessedMessage').all() as { id: string }[]) {
      const [group, step] = row.id.split(':').map(Number);
      if (group !== undefined && step !== undefined && group < groups) next[group] = Math.max(next[group]!, step + 1);
    }
    return next;
  } finally {
    db.close();
  }
}

const next = handled();
const mocker = new mock.Mocker();
const puppet = new PuppetMock({ mocker });
const bot = mocker.createContact({ id: BOT_ID, name: BOT_NAME });
const members = Array.from({ length: groups }, (_, i) => mocker.createContact({ id: `member-${i}`, name: `成员${i}` }));
for (let i = 0; i < groups; i += 1) mocker.createRoom({ id: roomId(i), topic: unitName(i), adminIdList: [], memberIdList: [BOT_ID, members[i]!.id] });

const app = await startApp({ puppet, databaseUrl: `file:${file}`, campaignDir: 'conversations', admins: [], now: () => NOW, log: silentLogger(), tickMs: 0 });
await new Promise<void>((resolve) => {
  app.bot.once('login', () => resolve());
  mocker.login(bot);
});

function send(group: number): void {
  const step = next[group]!;
  const id = messageId(group, step);
  mocker.MessageMock.create({
    id,
    roomId: roomId(group),
    talkerId: members[group]!.id,
    timestamp: Date.now(),
    type: types.Message.Text,
    text: SCRIPT[step]!,
    mentionIdList: [],
  });
  puppet.emit('message', { messageId: id });
}

let waiting = next.filter((step) => step < SCRIPT.length).length;
puppet.on('message', ({ messageId: id }) => {
  const payload = mocker.cacheMessagePayload.get(id);
  if (!payload || payload.talkerId !== BOT_ID || !payload.roomId) return;
  const group = Number(payload.roomId.split('-')[1]!.split('@')[0]);
  process.stdout.write(`ack ${group} ${next[group]}\n`);
  next[group]! += 1;
  if (next[group]! < SCRIPT.length) setImmediate(() => send(group));
  else if (--waiting === 0) {
    process.stdout.write('done\n');
    void app.stop().then(() => process.exit(0));
  }
});
process.stdout.write('ready\n');
if (waiting === 0) {
  process.stdout.write('done\n');
  await app.stop();
  process.exit(0);
}
next.forEach((step, group) => {
  if (step < SCRIPT.length) send(group);
});
