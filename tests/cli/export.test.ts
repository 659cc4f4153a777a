// npm run export -- …: arguments, and a table written from a seeded database file.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT, parseExportArguments, runExportCli } from '../../src/cli/export.js';
import { loadCampaign } from '../../src/files/campaign.js';
import { INDEX_NAME, openZip, seedBriefs } from '../export/seed-briefs.js';
import { grid, projectRoot, readWorkbook, seedDatabase, T, testCampaign } from '../export/seed.js';

/** The 2021 campaign's words for the tables, which the command line takes. */
const WORDS = loadCampaign(path.join(projectRoot, 'conversations')).exports.words;

function io(env: Record<string, string | undefined>) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t), env, now: () => new Date('2021-09-30T05:00:00Z') },
  };
}

describe('parseExportArguments', () => {
  it('reads the table, one scope, --include-missing, --approved and --out', () => {
    expect(parseExportArguments(['附件2', '--city', '广州市', '--include-missing', '--approved', '--out', 'x.xlsx'], WORDS)).toEqual({
      kind: 'attachment2',
      within: { kind: 'city', city: '广州市' },
      includeMissing: true,
      approvedOnly: true,
      out: 'x.xlsx',
    });
    expect(parseExportArguments(['清单', '--industry', '广东电网'], WORDS)).toMatchObject({ kind: 'list', within: { kind: 'industry', industry: '广东电网' } });
    expect(parseExportArguments(['附件1'], WORDS)).toEqual({
      kind: 'attachment1',
      within: undefined,
      includeMissing: false,
      approvedOnly: false,
      out: undefined,
    });
    expect(parseExportArguments(['--help'], WORDS)).toBe('help');
    expect(parseExportArguments(['简报', '--city', '广州市'], WORDS)).toMatchObject({ kind: 'briefs', within: { kind: 'city', city: '广州市' } });
    // as node:util parseArgs reads options: a value after =, -h among the short ones
    expect(parseExportArguments(['--out=x.xlsx', '附件2', '--city=广州市'], WORDS)).toMatchObject({
      kind: 'attachment2',
      within: { kind: 'city', city: '广州市' },
      out: 'x.xlsx',
    });
    expect(parseExportArguments(['附件1', '-h'], WORDS)).toBe('help');
  });

  it('names what is wrong', () => {
    expect(parseExportArguments([], WORDS)).toEqual({ usage: 'missingTable', vars: {} });
    expect(parseExportArguments(['附件9'], WORDS)).toEqual({ usage: 'unknownTable', vars: { table: '附件9' } });
    expect(parseExportArguments(['附件1', '--city'], WORDS)).toEqual({ usage: 'missingValue', vars: { option: '--city' } });
    expect(parseExportArguments(['附件1', '--city', 'a', '--industry', 'b'], WORDS)).toEqual({ usage: 'bothScopes', vars: {} });
    expect(parseExportArguments(['附件1', '--zip'], WORDS)).toEqual({ usage: 'unknownOption', vars: { option: '--zip' } });
    expect(parseExportArguments(['附件1', '附件2'], WORDS)).toEqual({ usage: 'extraArgument', vars: { argument: '附件2' } });
    // the first thing wrong, in the order typed
    expect(parseExportArguments(['附件9', '--zip'], WORDS)).toEqual({ usage: 'unknownTable', vars: { table: '附件9' } });
    expect(parseExportArguments(['--zip=1', '附件9'], WORDS)).toEqual({ usage: 'unknownOption', vars: { option: '--zip=1' } });
    expect(parseExportArguments(['附件1', '--out', ' '], WORDS)).toEqual({ usage: 'missingValue', vars: { option: '--out' } });
  });
});

describe('runExportCli', () => {
  it('writes the table of one city to --out and says how many rows', async () => {
    const seeded = await seedDatabase();
    await seeded.database.close();
    try {
      const out = path.join(seeded.dir, 'out', '广州.xlsx');
      const run = io({ DATABASE_URL: `file:${seeded.file}`, CAMPAIGN_DIR: path.join(projectRoot, 'conversations') });
      const code = await runExportCli(['附件2', '--city', '广州市', '--include-missing', '--out', out], run.io);
      expect(run.err).toEqual([]);
      expect(code).toBe(EXIT.ok);
      expect(run.out).toEqual([`已导出 7 行：${out}`]);
      const cells = grid((await readWorkbook(readFileSync(out))).worksheets[0]!);
      expect(cells[3]![0]).toBe(`填报单位：${T.cityGz}`);
      expect(cells.map((row) => row[1])).toContain(T.gzDraft);
    } finally {
      rmSync(seeded.dir, { recursive: true, force: true });
    }
  });

  it('writes under data/exports with the dated Chinese name by default', async () => {
    const seeded = await seedDatabase();
    await seeded.database.close();
    const target = path.join(seeded.dir, 'data/exports', '服务事项公开清单_全省_20210930.xlsx');
    try {
      const run = io({ DATABASE_URL: `file:${seeded.file}`, CAMPAIGN_DIR: path.join(projectRoot, 'conversations') });
      expect(await runExportCli(['清单'], { ...run.io, cwd: seeded.dir })).toBe(EXIT.ok);
      expect(run.out[0]).toBe(`已导出 13 行：${target}`); // the items of the list to publish
      expect(readdirSync(path.dirname(target))).toEqual([path.basename(target)]);
    } finally {
      rmSync(seeded.dir, { recursive: true, force: true });
    }
  });

  it('writes the briefs of one city as a zip, their files read from the data folder beside the database', async () => {
    const seeded = await seedDatabase();
    await seedBriefs(seeded, testCampaign());
    await seeded.database.close();
    try {
      const out = path.join(seeded.dir, 'out', '广州简报.zip');
      const run = io({ DATABASE_URL: `file:${seeded.file}`, CAMPAIGN_DIR: path.join(projectRoot, 'conversations') });
      expect(await runExportCli(['简报', '--city', '广州市', '--out', out], run.io)).toBe(EXIT.ok);
      expect(run.err).toEqual([]);
      expect(run.out).toEqual([`已导出 2 份简报、7 个文件（另有 1 个文件在数据目录中找不到，已在目录表中标明）：${out}`]);
      const zip = await openZip(readFileSync(out));
      expect(zip.names[0]).toBe(INDEX_NAME);
      expect(zip.names.filter((name) => name.startsWith(`${T.cityGz}/`))).toHaveLength(6);
      expect(zip.index.slice(1).map((row) => row[0])).toEqual([T.cityGz, T.metro1]);
      expect(readdirSync(path.dirname(out))).toEqual(['广州简报.zip']);

      const all = io({ DATABASE_URL: `file:${seeded.file}`, CAMPAIGN_DIR: path.join(projectRoot, 'conversations') });
      expect(await runExportCli(['简报'], { ...all.io, cwd: seeded.dir })).toBe(EXIT.ok);
      expect(all.out[0]).toMatch(/^已导出 4 份简报、8 个文件（另有 2 个/);
      expect(readdirSync(path.join(seeded.dir, 'data/exports'))).toEqual(['活动简报或推文_全省_20210930.zip']);
    } finally {
      rmSync(seeded.dir, { recursive: true, force: true });
    }
  });

  it('exits 2 on bad arguments and 4 when the campaign cannot be read', async () => {
    const bad = io({});
    expect(await runExportCli(['附件9'], bad.io)).toBe(EXIT.usage);
    expect(bad.err[0]).toContain('不认识的表“附件9”');
    const broken = io({ DATABASE_URL: 'file:/nonexistent/x.db', CAMPAIGN_DIR: '/nonexistent' });
    expect(await runExportCli(['附件1'], broken.io)).toBe(EXIT.failed);
    expect(broken.err[0]).toMatch(/^导出失败：campaign folder \/nonexistent cannot be read/);
  });

  // The words that name a table are the campaign's: a new year's names its tables its own way.
  it("takes the campaign's words for the tables, and names them when one is wrong", async () => {
    const dir2022 = path.join(projectRoot, 'tests/fixtures/campaign-2022');
    const run = io({ DATABASE_URL: 'file:/nonexistent/x.db', CAMPAIGN_DIR: dir2022 });
    expect(await runExportCli(['附件1'], run.io)).toBe(EXIT.usage);
    expect(run.err[0]).toContain('不认识的表“附件1”，可选：附表一、附表二、公示、简报。');
    expect(run.err[0]).toContain('用法：npm run export -- 附表一|附表二|公示|简报 ');
    const help = io({ CAMPAIGN_DIR: dir2022 });
    expect(await runExportCli(['--help'], help.io)).toBe(EXIT.ok);
    expect(help.out[0]).toMatch(/^ {2}附表二 +\S/m);
    expect(parseExportArguments(['附表二'], loadCampaign(dir2022).exports.words)).toMatchObject({ kind: 'attachment2' });
  });
});
