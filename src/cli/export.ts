// `npm run export -- 附件1|附件2|清单|简报 [--city 广州市 | --industry 名称] [--include-missing] [--approved] [--out FILE]`:
// the notice's tables from the database at DATABASE_URL, written as .xlsx, or the activity briefs with the
// files kept in the data folder beside the database, written as one .zip of any size (by default under
// data/exports/, named like the file the bot sends in a chat). The sentences are in texts/operator.yaml.
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Scope } from '../report/index.js';
import { loadCampaign } from '../files/index.js';
import { fill, type Campaign, type Vars } from '../campaign/index.js';
import { readConfig } from '../app/index.js';
import { createExporter, parseExportKind, type Exporter, type ExportOptions, type ExportWhat } from '../export/index.js';
import { databaseFile, openDatabase } from '../store/index.js';
import { PrismaExportStore } from '../store/index.js';
import { Serial } from '../store/index.js';
import { exportTexts } from './export/texts.js';
import { commandLine, runWhenMain, type CliIo as TerminalIo } from './terminal.js';

export const EXIT = { ok: 0, usage: 2, failed: 4 } as const;

export const DEFAULT_OUT_DIR = 'data/exports';

export interface CliIo extends TerminalIo {
  /** the folder data/exports/ is under; the current folder (the project, under npm) when not given */
  cwd?: string;
}

/** The words that name each table, the campaign's exports.words. */
type TableWords = Campaign['exports']['words'];

/** The tables, in the order the help and the errors list them. */
const EXPORT_WHATS = ['attachment1', 'attachment2', 'list', 'briefs'] as const satisfies readonly ExportWhat[];

interface Command {
  kind: ExportWhat;
  within?: Scope;
  includeMissing: boolean;
  approvedOnly: boolean;
  out?: string;
}

type UsageKey = 'missingTable' | 'unknownTable' | 'unknownOption' | 'missingValue' | 'bothScopes' | 'extraArgument';

const OPTIONS = {
  city: { type: 'string' },
  industry: { type: 'string' },
  out: { type: 'string' },
  'include-missing': { type: 'boolean' },
  approved: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The command line, read in order: the first thing wrong in it is the one named. `words` name the tables (exports.words). */
export function parseExportArguments(argv: readonly string[], words: TableWords): Command | 'help' | { usage: UsageKey; vars: Vars } {
  let kind: ExportWhat | undefined;
  let within: Scope | undefined;
  let includeMissing = false;
  let approvedOnly = false;
  let out: string | undefined;
  for (const item of commandLine(argv, OPTIONS)) {
    if (item.kind === 'unknown') return { usage: 'unknownOption', vars: { option: item.arg } };
    if (item.kind === 'positional') {
      if (kind !== undefined) return { usage: 'extraArgument', vars: { argument: item.value } };
      kind = parseExportKind(item.value, words);
      if (kind === undefined) return { usage: 'unknownTable', vars: { table: item.value } };
      continue;
    }
    if (item.name === 'help') return 'help';
    if (item.name === 'include-missing') includeMissing = true;
    else if (item.name === 'approved') approvedOnly = true;
    else {
      const value = item.value;
      if (value === undefined || value.trim() === '') return { usage: 'missingValue', vars: { option: item.rawName } };
      if (item.name === 'out') out = value;
      else {
        if (within) return { usage: 'bothScopes', vars: {} };
        within = item.name === 'city' ? { kind: 'city', city: value.trim() } : { kind: 'industry', industry: value.trim() };
      }
    }
  }
  if (kind === undefined) return { usage: 'missingTable', vars: {} };
  return { kind, within, includeMissing, approvedOnly, out };
}

/** Runs the command; resolves to the exit code. */
export async function runExportCli(argv: readonly string[], io: CliIo): Promise<number> {
  const cli = exportTexts();
  let config: ReturnType<typeof readConfig>;
  let campaign: Campaign;
  try {
    // The campaign first: its words name the tables on the command line.
    config = readConfig(io.env);
    campaign = loadCampaign(config.CAMPAIGN_DIR);
  } catch (error) {
    io.err(fill(cli.failed, { reason: (error as Error).message }));
    return EXIT.failed;
  }
  const words = campaign.exports.words;
  // each table by its first word
  const first = EXPORT_WHATS.map((what) => words[what][0]);
  const named = {
    tables: first.join('|'),
    choices: first.join(campaign.formats.listSeparator),
    ...Object.fromEntries(EXPORT_WHATS.map((what, i) => [what, first[i]!])),
  };
  const command = parseExportArguments(argv, words);
  if (command === 'help') {
    io.out(fill(cli.help, named));
    return EXIT.ok;
  }
  if ('usage' in command) {
    io.err(fill(cli.usage, { ...named, reason: fill(cli[command.usage], { ...named, ...command.vars }) }));
    return EXIT.usage;
  }
  try {
    const database = await openDatabase(config.DATABASE_URL);
    try {
      const dataDir = path.dirname(databaseFile(config.DATABASE_URL));
      const exporter = createExporter({ store: new PrismaExportStore(database.prisma, new Serial()), campaign, now: io.now, dataDir });
      // The command line stands for the province office: any city or industry, or everything.
      const options = { within: command.within, includeMissing: command.includeMissing, approvedOnly: command.approvedOnly };
      // npm runs scripts in the project folder; a relative --out means the folder the command was typed in.
      const target = (fileName: string) =>
        command.out ? path.resolve(io.env.INIT_CWD ?? process.cwd(), command.out) : path.resolve(io.cwd ?? process.cwd(), DEFAULT_OUT_DIR, fileName);
      if (command.kind === 'briefs') {
        io.out(await writeBriefs(exporter, options, target));
        return EXIT.ok;
      }
      const file = await exporter.exportFor(command.kind, { kind: 'province' }, options);
      await mkdir(path.dirname(target(file.fileName)), { recursive: true });
      await writeFile(target(file.fileName), file.data);
      io.out(fill(cli.written, { rows: file.rows, file: target(file.fileName) }));
      return EXIT.ok;
    } finally {
      await database.close();
    }
  } catch (error) {
    io.err(fill(cli.failed, { reason: (error as Error).message }));
    return EXIT.failed;
  }
}

/** The briefs as one zip, streamed to a file beside the target and moved there once whole; what to say. */
async function writeBriefs(exporter: Exporter, options: ExportOptions, target: (fileName: string) => string): Promise<string> {
  const cli = exportTexts();
  const briefs = await exporter.exportBriefs({ kind: 'province' }, options);
  const file = target(briefs.fileName);
  const partial = `${file}.part`;
  await mkdir(path.dirname(file), { recursive: true });
  try {
    await pipeline(briefs.stream(), createWriteStream(partial));
    await rename(partial, file);
  } finally {
    await rm(partial, { force: true });
  }
  const missing = briefs.missing > 0 ? fill(cli.missingFiles, { count: briefs.missing }) : '';
  return fill(cli.writtenBriefs, { rows: briefs.rows, files: briefs.files, missing, file });
}

await runWhenMain(import.meta.url, runExportCli);
