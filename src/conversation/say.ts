// What the machine asks to be said, as plain data: the renderer turns it into the campaign's sentences.
import type { MessageKey } from '../campaign/schema.js';
import type { Vars } from '../campaign/text.js';
import type { Problem } from './answers.js';
import type { Answers } from './draft.js';
import type { PastedData } from './paste.js';

/** Where the conversation stands: the question last asked. */
export type At =
  | { kind: 'start' }
  | { kind: 'field'; field: string }
  | { kind: 'entry'; field: string; sub: string }
  | { kind: 'more'; field: string }
  | { kind: 'review' }
  /** a paste waits for 确认 */
  | { kind: 'pasted' }
  | { kind: 'end' };

export type Say =
  | { kind: 'message'; key: MessageKey; vars?: Vars }
  | { kind: 'question'; at: At; index: number; answers: Answers; suggestion?: string }
  | { kind: 'problem'; at: At; problem: Problem }
  | { kind: 'saved'; field: string; index: number; answers: Answers }
  | { kind: 'missing'; key: 'notNowFinish' | 'notNowConfirm'; answers: Answers }
  | { kind: 'paste'; pasted: PastedData; answers: Answers }
  | { kind: 'pasteRejected'; pasted: PastedData }
  | { kind: 'help' }
  | { kind: 'progress'; answers: Answers };
