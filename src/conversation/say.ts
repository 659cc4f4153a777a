// What the machine asks to be said, as plain data: the renderer turns it into the campaign's sentences.
import type { MessageKey } from '../campaign/index.js';
import type { Vars } from '../campaign/index.js';
import type { Problem } from './answers.js';
import type { Answers } from './draft.js';
import type { PastedData } from './paste.js';

/** A question the group can be standing at: each asking state of the machine names one in its meta. */
export type At =
  | { kind: 'field'; form: string; field: string }
  | { kind: 'entry'; form: string; field: string; sub: string }
  | { kind: 'more'; form: string; field: string }
  /** the one question of a form's completeWith: a link, a file or a text, any one of them (more once one is in) */
  | { kind: 'materials'; form: string }
  | { kind: 'review'; form: string }
  /** a paste waits for 确认 */
  | { kind: 'pasted'; form: string }
  /** an unbound group without a roster is asked for its collective's name */
  | { kind: 'registration' };

export type Say =
  | { kind: 'message'; key: MessageKey; vars?: Vars }
  /** the question where the group stands after the step */
  | { kind: 'ask' }
  /** a refused answer; `at` names the question when its menu belongs after the reason */
  | { kind: 'problem'; at?: At; problem: Problem }
  | { kind: 'saved'; form: string; field: string; index: number; answers: Answers }
  /** a sentence of the form's completeWith: a text kept too short to count, or the question before a text replaces another */
  | { kind: 'rule'; form: string; key: 'tooShort' | 'replace'; vars: Vars }
  /** every answer of the form, as the review lists them */
  | { kind: 'summary'; form: string }
  | { kind: 'missing'; form: string; key: 'notNowFinish' | 'notNowConfirm'; answers: Answers }
  | { kind: 'paste'; form: string; pasted: PastedData; answers: Answers }
  | { kind: 'pasteRejected'; form: string; pasted: PastedData }
  /** the commands of the form being filled, or of the group when none is */
  | { kind: 'help'; form?: string }
  /** the 填报指南: goes as messages of its own */
  | { kind: 'guide' }
  /** the help of the question where the group stands */
  | { kind: 'stepHelp' }
  /** a picture, file or link sent before its step, kept as the last entry of its list */
  | { kind: 'kept'; form: string }
  /** the answer the question where the group stands has now, if it has one */
  | { kind: 'current' }
  /** "要把这句保存为…吗？": the message held back, about the question where the group stands */
  | { kind: 'confirmSave' }
  /** every form of the unit, where it stands */
  | { kind: 'progress' }
  | { kind: 'greeting'; form: string; resumed: boolean }
  | { kind: 'closed'; form: string; key: 'greetingClosed' | 'submitClosed' }
  | { kind: 'submitted'; form: string; late: boolean }
  | { kind: 'alreadySubmitted'; form: string }
  /** the numbered forms to choose from */
  | { kind: 'formList' }
  /** the numbered units to bind to */
  | { kind: 'candidates'; query: string }
  /** the one unit named like the group, to bind with 确认 */
  | { kind: 'offer' };
