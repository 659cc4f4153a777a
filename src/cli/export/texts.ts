// The sentences of npm run export (src/cli/export.ts): their keys and placeholders here, the sentences in
// texts/operator.yaml (export). The words that name a table are the campaign's (exports.words), on the command
// line as in an admin's chat.
import type { Catalogue } from '../../campaign/index.js';
import { operatorTexts } from '../../texts/index.js';

export const EXPORT_TEXTS = {
  /** {tables}: the tables' words joined by |; {attachment1} … {briefs}: each table's word */
  help: ['tables', 'attachment1', 'attachment2', 'list', 'briefs'],
  usage: ['reason!', 'tables'],
  /** {choices}: the tables' words, joined by the campaign's formats.listSeparator */
  missingTable: ['choices'],
  unknownTable: ['table', 'choices'],
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
