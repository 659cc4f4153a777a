// The operator's sentences, read from texts/operator.yaml: what npm run admin, export, doctor and demo print,
// and the bot's lines about its link to WeChat, one section of the file each. They are checked the way the
// campaign's messages are: each module that prints declares its keys and their placeholders (a Catalogue),
// and a section with a key missing or unknown, or a placeholder its key does not declare, is refused with
// the file and the path inside it.
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { catalogueSchema, describeIssues, type Catalogue, type Texts } from '../campaign/index.js';
import { readYamlFile } from '../shared/index.js';

/**
 * Found from this module, not from the working folder: the tools run under tsx from src/ and the tests
 * under vitest, each from wherever they were started.
 */
export const OPERATOR_TEXTS_FILE = fileURLToPath(new URL('../../texts/operator.yaml', import.meta.url));

/** The sections of the file: one per tool that prints, and the demo's invented groups and people. */
export const SECTIONS = ['admin', 'export', 'doctor', 'demo', 'demoPeople', 'connection', 'scheduler'] as const;
export type Section = (typeof SECTIONS)[number];

/** The operator's tools print where the bot sends. */
const TOOLS = { who: 'the tool', does: 'print' };

export class OperatorTextsError extends Error {
  override name = 'OperatorTextsError';
}

/** The file as parsed, read at the first sentence asked for. */
let parsed: { data: unknown } | undefined;
/** Each catalogue's texts, checked at the first sentence asked for of its section. */
const checked = new Map<Catalogue, unknown>();

/**
 * The texts of `section`, checked against `catalogue`, read when a tool first prints and kept. Read then
 * and not when a module is imported: a mistake in one section stops only the tool that prints from it,
 * with the file and the key, instead of every tool and test that imports the module.
 */
export function operatorTexts<C extends Catalogue>(section: Section, catalogue: C): Texts<C> {
  let texts = checked.get(catalogue);
  if (texts === undefined) {
    parsed ??= { data: readYamlFile(OPERATOR_TEXTS_FILE, (message) => new OperatorTextsError(message)) };
    texts = sectionOf(parsed.data, OPERATOR_TEXTS_FILE, section, catalogue);
    checked.set(catalogue, texts);
  }
  return texts as Texts<C>;
}

/** The texts of `section` in `file`, read and checked now, every time (for a file of one's own, as the tests have). */
export function readOperatorTexts<C extends Catalogue>(file: string, section: Section, catalogue: C): Texts<C> {
  return sectionOf(
    readYamlFile(file, (message) => new OperatorTextsError(message)),
    file,
    section,
    catalogue,
  );
}

function sectionOf<C extends Catalogue>(data: unknown, file: string, section: Section, catalogue: C): Texts<C> {
  // The other sections are only checked for their names here; each is checked whole when its tool asks.
  const shape = Object.fromEntries(SECTIONS.map((name) => [name, name === section ? catalogueSchema(catalogue, TOOLS) : z.unknown().optional()]));
  const schema = z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown section ${issue.keys.join(', ')}: nothing prints it (the sections are ${SECTIONS.join(', ')})`
        : `the file must hold the sections ${SECTIONS.join(', ')}`,
  });
  const result = schema.safeParse(data);
  if (!result.success) throw new OperatorTextsError(describeIssues(result.error, file));
  return (result.data as Record<string, unknown>)[section] as Texts<C>;
}
