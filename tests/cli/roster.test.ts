import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT, runRosterCli } from '../../src/cli/roster.js';
import { openDatabase } from '../../src/store/client.js';
import { conversationsDir, csvText, HEADER, migrationsDir, projectRoot, tempDir } from '../roster/helpers.js';
import { runChild, type ChildRun } from '../support/run-child.js';

const ROWS = [
  HEADER,
  ['共青团广州市委员会', '地市团委', '', '广州市', ''],
  ['广州地铁运营一中心体育西路站', '青年文明号集体', '第20届全国青年文明号', '广州市', '广州地铁集团'],
  ['某集体', '青年文明', '', '广州市', ''],
  ['深圳市福田区政务服务中心', '青年文明号集体', '', '深圳市', ''],
];

/** `npm run roster -- …` as npm runs it: tsx, in the project folder, INIT_CWD naming where it was typed. */
function roster(args: string[], env: Record<string, string>): Promise<ChildRun> {
  return runChild(process.execPath, ['--import', 'tsx', 'src/cli/roster.ts', ...args], { cwd: projectRoot, env: { ...process.env, ...env } });
}

async function unitCount(databaseFile: string): Promise<number> {
  const db = await openDatabase(databaseFile, migrationsDir);
  try {
    return await db.prisma.unit.count();
  } finally {
    await db.close();
  }
}

describe('npm run roster (child process)', () => {
  it('imports nothing from a file with problems unless --yes, then its valid part, then shows the summary', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, '名单.csv'), `\ufeff${csvText(ROWS)}`);
    const envOf = (databaseFile: string) => ({ DATABASE_URL: `file:${databaseFile}`, CAMPAIGN_DIR: conversationsDir, INIT_CWD: dir });
    const without = path.join(dir, 'without.db');
    const withYes = path.join(dir, 'with.db');
    // two databases, so both imports run side by side
    const [refused, imported] = await Promise.all([roster(['import', '名单.csv'], envOf(without)), roster(['import', '名单.csv', '--yes'], envOf(withYes))]);

    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe(
      [
        '名单文件“名单.csv”：共4行，其中有效3行，有问题1行（有问题的行不会导入）：',
        '第4行：类型“青年文明”不是可选值（青年文明号集体、联创行业团组织、地市团委）',
        '',
      ].join('\n'),
    );
    expect(refused.stderr).toBe('未导入任何内容。确认只导入其中有效的3行，请运行：npm run roster -- import 名单.csv --yes\n');
    expect(await unitCount(without)).toBe(0);

    expect(imported.code).toBe(0);
    expect(imported.stdout.trim().split('\n').at(-1)).toBe('名单已导入：新增3个，更新0个，未变0个，与群里自报的单位对应上0个。');
    expect(await unitCount(withYes)).toBe(3);

    const summary = await roster(['summary'], envOf(withYes));
    expect(summary.code).toBe(0);
    expect(summary.stdout.split('\n').slice(0, 2)).toEqual([
      '名单共3个单位（其中群里自报、尚未对应名单的0个）。',
      '按类型：“青年文明号集体”2个、“地市团委”1个',
    ]);
  }, 60_000); // three child processes, each starting tsx: seconds apiece on a loaded 2-core machine
});

describe('runRosterCli (in process)', () => {
  async function run(args: string[], env: Record<string, string> = {}) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runRosterCli(args, {
      out: (text) => out.push(text),
      err: (text) => err.push(text),
      env: { CAMPAIGN_DIR: conversationsDir, DATABASE_URL: `file:${path.join(tempDir(), 'bot.db')}`, ...env },
      now: () => new Date('2021-09-01T02:00:00Z'),
    });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('documents the exit codes in --help', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(EXIT.ok);
    for (const code of Object.values(EXIT)) expect(help.out).toMatch(new RegExp(`^  ${code}  `, 'm'));
  });

  it('answers a bad command line with exit 2 and the reason', async () => {
    expect(await run([])).toMatchObject({ code: EXIT.usage, err: '用法错误：缺少命令（import 或 summary）。运行 npm run roster -- --help 查看用法。' });
    expect(await run(['export'])).toMatchObject({ code: EXIT.usage, err: expect.stringContaining('未知的命令“export”') });
    expect(await run(['import'])).toMatchObject({ code: EXIT.usage, err: expect.stringContaining('缺少名单文件') });
    expect(await run(['import', 'a.csv', '--force'])).toMatchObject({ code: EXIT.usage, err: expect.stringContaining('未知的选项“--force”') });
    expect(await run(['import', 'a.csv', 'b.csv'])).toMatchObject({ code: EXIT.usage, err: expect.stringContaining('多余的参数“b.csv”') });
    expect(await run(['import', 'a.csv', '-yz'])).toMatchObject({ code: EXIT.usage, err: expect.stringContaining('未知的选项“-yz”') });
    expect(await run(['summary', '-h'])).toMatchObject({ code: EXIT.ok, out: expect.stringContaining('npm run roster') });
  });

  it('refuses a file that is no roster, or cannot be read, with exit 3', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, '空.csv'), '');
    expect(await run(['import', path.join(dir, '空.csv')])).toMatchObject({ code: EXIT.refused, err: '文件“空.csv”是空的，没有可导入的内容。' });
    expect(await run(['import', path.join(dir, '没有.csv')])).toMatchObject({
      code: EXIT.refused,
      err: `无法读取文件“${path.join(dir, '没有.csv')}”：ENOENT`,
    });
  });

  it('imports nothing, even with --yes, when no row is valid', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, '名单.csv'), csvText([HEADER, ['某集体', '青年文明', '', '广州市', '']]));
    const result = await run(['import', path.join(dir, '名单.csv'), '--yes']);
    expect(result.code).toBe(EXIT.problems);
    expect(result.err).toBe('没有可导入的有效行，名单未改动。');
  });

  it('stops with exit 4 on a bad setting', async () => {
    const result = await run(['summary'], { LOG_LEVEL: 'loud' });
    expect(result.code).toBe(EXIT.failed);
    expect(result.err).toContain('LOG_LEVEL');
  });
});
