// What the machine asks to be said, as plain data: the renderer turns it into the campaign's sentences.
import type { MessageKey } from '../campaign/schema.js';
import type { Vars } from '../campaign/text.js';
import type { Problem } from './answers.js';
import type { Answers } from './draft.js';

/** Where the conversation stands: the question last asked. */
export type At =
  | { kind: 'start' }
  | { kind: 'field'; field: string }
  | { kind: 'entry'; field: string; sub: string }
  | { kind: 'more'; field: string }
  | { kind: 'review' }
  | { kind: 'end' };

export type Say =
  | { kind: 'message'; key: MessageKey; vars?: Vars }
  | { kind: 'question'; at: At; index: number; answers: Answers }
  | { kind: 'problem'; at: At; problem: Problem }
  | { kind: 'saved'; field: string; index: number; answers: Answers }
  | { kind: 'missing'; key: 'notNowFinish' | 'notNowConfirm'; answers: Answers }
  | { kind: 'help' }
  | { kind: 'progress'; answers: Answers };
