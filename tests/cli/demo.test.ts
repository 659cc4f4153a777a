// The terminal demo driven by piped input, as a child process: the scenario in docs/demo-script.txt must
// still print docs/demo-transcript.txt (the README's transcript), and the slash commands do what /help says.
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runDemo } from './run-demo.js';

const NOW = ['--now', '2021-09-20T10:30'];

describe.concurrent('npm run demo with piped input', () => {
  it('prints docs/demo-transcript.txt for docs/demo-script.txt', async () => {
    const out = mkdtempSync(join(tmpdir(), 'demo-out-'));
    const script = readFileSync(join(ROOT, 'docs/demo-script.txt'), 'utf8');
    const run = await runDemo([...NOW, '--out', out], script);
    expect(run.stderr).toMatch(/数据库：.*demo\.db/);
    expect(run.code).toBe(0);
    // After a change to the bot's sentences, regenerate with:
    //   npm run -s demo -- --now 2021-09-20T10:30 < docs/demo-script.txt > docs/demo-transcript.txt
    const transcript = readFileSync(join(ROOT, 'docs/demo-transcript.txt'), 'utf8');
    expect(run.stdout).toBe(transcript);
    // The README points to it.
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain('(docs/demo-transcript.txt)');
    expect(readdirSync(out)).toEqual([]);
  }, 60_000); // a child process starting tsx: seconds on a loaded 2-core machine

  it('switches group, member and chat, moves the clock and names unknown commands', async () => {
    const script = [
      '/groups',
      '@ 填报',
      '确认',
      '/file docs/demo-script.txt',
      '/file no/such/file.txt',
      '/group 2',
      '进度',
      '/who 2',
      '@ 帮助',
      '/group 9',
      '/time +2d',
      '/time +3h',
      '/time 2021-09-29 10:00',
      '/time tomorrow',
      '/admin',
      '帮助',
      '/who 2',
      '/group 1',
      '/frobnicate now',
      '//start',
      '热情周到，\\',
      '便民利民',
      '/who 2',
      '今天几点开会？',
      '/help',
      '/quit',
      '这一行在退出之后，不会发送',
    ].join('\n');
    const run = await runDemo([...NOW, '--quiet', '60', '--wait', '1000'], script);
    expect(run.code).toBe(0);
    const out = run.stdout;
    const from = (marker: string) => out.slice(out.indexOf(marker));

    expect(from('> /groups')).toMatch(/^> \/groups\n\* 1 广州地铁运营三中心广州东站（李华、王强）\n {2}2 市二医院急诊科青年文明号群（陈敏、刘洋）\n/);
    expect(from('> /group 2')).toMatch(/^> \/group 2\n—— 2 市二医院急诊科青年文明号群 · 你是陈敏 ——\n陈敏：进度\n助手：本群还没有登记对应的集体。/);
    expect(from('> /who 2')).toMatch(/^> \/who 2\n—— 2 市二医院急诊科青年文明号群 · 你是刘洋 ——\n刘洋：@服务月助手 帮助\n助手：可用指令：\n {6}填报/);
    expect(out).toContain('> /group 9\n〔没有这个群，请输入 /group 1 到 /group 3〕');

    expect(out).toContain('> /time +2d\n〔时钟〕拨快2天，现在是 2021-09-22 10:30（周三），Asia/Shanghai\n〔附件2截止 9月29日（周三）17:00，还剩7天6小时〕');
    expect(out).toContain('> /time +3h\n〔时钟〕拨快3小时，现在是 2021-09-22 13:30（周三），Asia/Shanghai');
    expect(out).toContain(
      '> /time 2021-09-29 10:00\n〔时钟〕拨快6天20小时30分钟，现在是 2021-09-29 10:00（周三），Asia/Shanghai\n〔附件2截止 9月29日（周三）17:00，还剩7小时0分钟〕',
    );
    expect(out).toContain('> /time tomorrow\n〔看不懂这个时间');

    // A file sent while the bot waits for the commitment gets the bot's request for text.
    expect(from('> /file docs')).toMatch(/^> \/file docs\/demo-script.txt\n李华：〔文件〕demo-script.txt\n助手：收到，但这里需要文字回复/);
    expect(out).toContain('> /file no/such/file.txt\n〔找不到文件“no/such/file.txt”〕');
    // The admin's private chat with the bot (admin commands are tested in tests/e2e; here: someone answers).
    expect(from('> /admin')).toMatch(/^> \/admin\n—— 与服务月助手私聊 · 你是管理员青发部小周 ——\n青发部小周：帮助\n助手：\S/);
    expect(out).toContain('> /who 2\n〔现在是管理员私聊，先用 /group 回到一个群〕');
    expect(out).toContain('> /group 1\n—— 1 广州地铁运营三中心广州东站 · 你是李华 ——');
    expect(out).toContain('> /frobnicate now\n〔演示没有“/frobnicate”这个指令，输入 /help 查看；要把它发给助手，请写成“//frobnicate”〕');
    // "//start" goes to the bot as "/start", which the bot names as unknown.
    expect(out).toContain('李华：/start\n助手：没有“/start”这个指令');
    // A line ending in \ goes on on the next: one message of two lines.
    expect(out).toContain('李华：热情周到，\n      便民利民\n助手：✅ 服务承诺已保存');
    // Chatter of a member who is not filling the form gets no answer: the demo says so after --wait.
    expect(out).toContain('王强：今天几点开会？\n〔1秒内助手没有回复〕\n');
    expect(from('> /help')).toContain('/time +2d');
    expect(out.trimEnd().endsWith('> /quit')).toBe(true);
    expect(out).not.toContain('这一行在退出之后');
  }, 60_000); // a child process starting tsx: seconds on a loaded 2-core machine

  it('refuses a clock it cannot read, before starting anything', async () => {
    const run = await runDemo(['--now', 'yesterday'], '');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('演示无法启动。');
    expect(run.stderr).toContain('--now must look like 2021-09-20T10:30');
  });
});
