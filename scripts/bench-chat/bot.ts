// The bot's side of the chat benchmark: the whole app (startApp) on wechaty-puppet-mock over a database
// holding a province's roster (10,000 units, or more when there are more groups), the groups named like
// their units. Seeding runs in a process of its own, so that what it leaves in memory is not counted.
// Prints one JSON line.
//
//   tsx scripts/bench-chat/bot.ts seed DATABASE GROUPS
//   tsx scripts/bench-chat/bot.ts run DATABASE GROUPS
import { parseArgs } from 'node:util';
import { PuppetMock, mock } from 'wechaty-puppet-mock';
import { startApp } from '../../src/app/index.js';
import { silentLogger } from '../../src/log/index.js';
import { openDatabase } from '../../src/store/client.js';
import { BOT_ID, BOT_NAME, peakRss, summary, WARM_UP, warmThenDrive } from './load.js';

const [what, file, count] = parseArgs({ args: process.argv.slice(2), options: {}, allowPositionals: true }).positionals;
const groups = Number(count ?? 1);
const units = Math.max(WARM_UP + groups, 10_000);
/** Ten days before 附件2's deadline. */
const NOW = new Date('2021-09-20T02:30:00Z');
const CITIES = ['广州市', '深圳市', '珠海市', '汕头市', '佛山市', '韶关市', '河源市', '梅州市', '惠州市', '汕尾市', '东莞市'];
const name = (i: number) => `${CITIES[i % CITIES.length]}第${i + 1}青年文明号`;

const databaseUrl = `file:${file}`;

async function seed(): Promise<void> {
  const database = await openDatabase(databaseUrl);
  try {
    const insert = database.sqlite.prepare(
      `INSERT INTO Unit (name, kind, category, city, industry, source, rosterKey, createdAt, updatedAt)
       VALUES (?, 'collective', ?, ?, ?, 'roster', ?, '2021-09-01T00:00:00.000+00:00', '2021-09-01T00:00:00.000+00:00')`,
    );
    database.sqlite.transaction(() => {
      for (let i = 0; i < units; i += 1) {
        const city = CITIES[i % CITIES.length]!;
        insert.run(name(i), i % 4 === 0 ? 'national20' : 'provincialModel', city, `行业系统${i % 50}`, `collective|${city}|${name(i)}`);
      }
    })();
  } finally {
    await database.close();
  }
}

if (what === 'seed') {
  await seed();
  process.exit(0);
}
const { value, peakMb } = await peakRss(async () => {
  const mocker = new mock.Mocker();
  const puppet = new PuppetMock({ mocker });
  const bot = mocker.createContact({ id: BOT_ID, name: BOT_NAME });
  const started = performance.now();
  const app = await startApp({ puppet, databaseUrl, campaignDir: 'conversations', admins: [], now: () => NOW, log: silentLogger(), tickMs: 0 });
  const startMs = performance.now() - started;
  await new Promise<void>((resolve) => {
    app.bot.once('login', () => resolve());
    mocker.login(bot);
  });
  const result = await warmThenDrive(
    puppet,
    mocker,
    Array.from({ length: WARM_UP + groups }, (_, i) => name(i)),
  );
  await app.stop();
  return { result, startMs };
});
console.log(JSON.stringify(summary('bot', groups, value.result, peakMb, value.startMs)));
process.exit(0);
