// The sentences of npm run export (src/cli/export.ts): their keys and placeholders here, the sentences in
// texts/operator.yaml (export); and the words that name a table on its command line: it reads its
// arguments before the campaign file, so that a mistyped one is named without a campaign. The tables' own
// words are the campaign's (exports:), and so are the words an admin uses in a chat.
import type { Catalogue } from '../../campaign/index.js';
import type { ExportWhat } from '../../export/index.js';
import { operatorTexts } from '../../texts/index.js';

export const EXPORT_TEXTS = {
  help: [],
  usage: ['reason!'],
  missingTable: [],
  unknownTable: ['table'],
  unknownOption: ['option'],
  missingValue: ['option'],
  bothScopes: [],
  extraArgument: ['argument'],
  written: ['rows', 'file!'],
  writtenBriefs: ['rows', 'files', 'missing', 'file!'],
  missingFiles: ['count'],
  failed: ['reason!'],
} as const satisfies Catalogue;

export function exportTexts() {
  return operatorTexts('export', EXPORT_TEXTS);
}

/** The words that name a table, or the briefs, on the command line (as exports.words says them in 2021). */
export const cliTableWords: Readonly<Record<ExportWhat, readonly string[]>> = {
  attachment1: ['附件1', 'attachment1'],
  attachment2: ['附件2', 'attachment2'],
  list: ['清单', 'list'],
  briefs: ['简报', 'briefs'],
};
