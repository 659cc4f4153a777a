// `npm run roster -- import FILE [--yes]` and `npm run roster -- summary`: the roster from the terminal.
// Every sentence comes from conversations/roster.yaml, as in the admin's chat with the bot; the exit codes
// are listed in `--help` (messages.cli.help).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fill, type Vars } from '../campaign/index.js';
import { cliActor, commandLine, runWhenMain, type CliIo } from './terminal.js';
import { readConfig } from '../app/index.js';
import { loadCampaign } from '../files/index.js';
import { badRowCount, renderImportResult, renderParseReport, renderSummary } from '../roster/index.js';
import { parseRoster } from '../roster/index.js';
import { loadRosterSpec, type RosterSpec } from '../roster/index.js';
import type { RosterStore } from '../roster/index.js';

export const EXIT = {
  ok: 0,
  /** the file has rejected rows and --yes was not given, or it has no valid row: nothing imported */
  problems: 1,
  usage: 2,
  /** the file was refused whole, or could not be read */
  refused: 3,
  /** configuration, database or anything unexpected */
  failed: 4,
} as const;

type Command = { name: 'help' } | { name: 'summary' } | { name: 'import'; file: string; yes: boolean };

/** Runs one command; resolves to the exit code. */
export async function runRosterCli(argv: readonly string[], io: CliIo): Promise<number> {
  let spec: RosterSpec;
  let databaseUrl: string;
  try {
    const config = readConfig(io.env);
    databaseUrl = config.DATABASE_URL;
    spec = loadRosterSpec(config.CAMPAIGN_DIR, loadCampaign(config.CAMPAIGN_DIR).categories);
  } catch (error) {
    io.err((error as Error).message);
    return EXIT.failed;
  }
  const say = (template: string, vars: Vars = {}) => fill(template, vars);
  const cli = spec.messages.cli;

  const command = parseArguments(argv);
  if ('usage' in command) {
    io.err(say(cli.usage, { reason: say(cli[command.usage.key], command.usage.vars) }));
    return EXIT.usage;
  }
  if (command.name === 'help') {
    io.out(cli.help);
    return EXIT.ok;
  }

  try {
    if (command.name === 'summary') {
      return await withStore(databaseUrl, async (store) => {
        io.out(renderSummary(spec, await store.summary(Object.keys(spec.categories))));
        return EXIT.ok;
      });
    }

    // npm runs scripts in the project folder; a relative FILE means the folder the command was typed in.
    const filePath = path.resolve(io.env.INIT_CWD ?? process.cwd(), command.file);
    const fileName = path.basename(filePath);
    let data: Buffer;
    try {
      data = await readFile(filePath);
    } catch (error) {
      io.err(say(cli.unreadable, { file: command.file, reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message }));
      return EXIT.refused;
    }
    const parse = await parseRoster({ name: fileName, data }, spec);
    const report = renderParseReport(spec, fileName, parse);
    if (parse.fatal) {
      io.err(report);
      return EXIT.refused;
    }
    io.out(report);
    if (parse.rows.length === 0) {
      io.err(spec.messages.import.nothingValid);
      return EXIT.problems;
    }
    if (parse.problems.length > 0 && !command.yes) {
      io.err(say(cli.notImported, { valid: parse.rows.length, file: command.file }));
      return EXIT.problems;
    }
    return await withStore(databaseUrl, async (store) => {
      const result = await store.importRows(parse.rows, {
        actor: cliActor(),
        at: io.now(),
        fileName,
        rejectedRows: badRowCount(parse),
      });
      io.out(renderImportResult(spec, result));
      return EXIT.ok;
    });
  } catch (error) {
    io.err(say(cli.failed, { reason: (error as Error).message }));
    return EXIT.failed;
  }
}

function parseArguments(
  argv: readonly string[],
): Command | { usage: { key: 'missingCommand' | 'unknownCommand' | 'missingFile' | 'unknownOption' | 'extraArgument'; vars: Vars } } {
  const positionals: string[] = [];
  let yes = false;
  let help = false;
  for (const item of commandLine(argv, { yes: { type: 'boolean', short: 'y' }, help: { type: 'boolean', short: 'h' } })) {
    if (item.kind === 'unknown') return { usage: { key: 'unknownOption', vars: { option: item.arg } } };
    if (item.kind === 'positional') positionals.push(item.value);
    else if (item.name === 'yes') yes = true;
    else help = true;
  }
  const [name, ...rest] = positionals;
  if (help || name === 'help') return { name: 'help' };
  if (name === undefined) return { usage: { key: 'missingCommand', vars: {} } };
  if (name === 'summary') {
    if (rest.length > 0) return { usage: { key: 'extraArgument', vars: { argument: rest[0]! } } };
    return { name: 'summary' };
  }
  if (name === 'import') {
    const [file, ...extra] = rest;
    if (file === undefined) return { usage: { key: 'missingFile', vars: {} } };
    if (extra.length > 0) return { usage: { key: 'extraArgument', vars: { argument: extra[0]! } } };
    return { name: 'import', file, yes };
  }
  return { usage: { key: 'unknownCommand', vars: { command: name } } };
}

async function withStore(databaseUrl: string, job: (store: RosterStore) => Promise<number>): Promise<number> {
  // the database modules are loaded only by the commands that use them
  const [{ openDatabase }, { PrismaRosterStore }, { Serial }] = await Promise.all([
    import('../store/index.js'),
    import('../store/index.js'),
    import('../store/index.js'),
  ]);
  const database = await openDatabase(databaseUrl);
  try {
    return await job(new PrismaRosterStore(database.prisma, new Serial()));
  } finally {
    await database.close();
  }
}

await runWhenMain(import.meta.url, runRosterCli);
