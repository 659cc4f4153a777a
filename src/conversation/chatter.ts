// What a member's text is, where the bot asks for free text: an answer, or chatter that must not be saved
// (a question, a holding phrase, an acknowledgement), or an acknowledgement followed by something the bot
// asks about before saving. Whole phrases only, by the campaign's word lists, so that an ordinary answer
// that merely contains such a word (马上就办，办就办好) is never held up.
import type { ChatterRules } from '../campaign/index.js';
import { countChars } from '../campaign/index.js';

export type Chatter = 'question' | 'holding' | 'acknowledgement' | 'unsure';

/** Runs of punctuation, symbols and spaces: what splits a message into its phrases. */
const SEPARATORS = /[\s\p{P}\p{S}]+/u;
/** a question mark, half- or full-width (as a Chinese keyboard types it) */
const QUESTION_MARK = /[?？]\s*$/u;
/** Pictographs (emoji) and their joiners and modifiers. */
const EMOJI = /\p{Extended_Pictographic}|\u200d|\ufe0f|[\u{1f3fb}-\u{1f3ff}]/gu;

/** The chatter `text` is, or undefined when it reads as an answer. */
export function chatterOf(text: string, rules: ChatterRules): Chatter | undefined {
  const trimmed = text.trim();
  if (QUESTION_MARK.test(trimmed)) return 'question';
  const phrases = phrasesOf(trimmed);
  // Only emoji, punctuation or spaces (👍, 🙏🙏, 。。。): an acknowledgement.
  if (phrases.length === 0) return trimmed.replace(EMOJI, '').replace(SEPARATORS, '') === '' && trimmed !== '' ? 'acknowledgement' : undefined;
  const kinds = phrases.map((phrase) => phraseKind(phrase, rules));
  if (kinds.every((kind) => kind !== undefined)) return kinds.includes('holding') ? 'holding' : 'acknowledgement';
  const length = countChars(trimmed);
  if (length <= rules.questionUpTo) {
    const last = withoutParticles(phrases[phrases.length - 1]!, rules);
    if (rules.questionEnds.some((end) => last.endsWith(end)) || rules.questionStarts.some((start) => phrases[0]!.startsWith(start))) return 'question';
  }
  // "好的，我写一下": an acknowledgement, then something short. It may be an answer; the bot asks.
  if (kinds[0] !== undefined && length <= rules.unsureUpTo) return 'unsure';
  return undefined;
}

/** The message's phrases, lower case, emoji and separators taken out. */
function phrasesOf(text: string): string[] {
  return text
    .replace(EMOJI, ' ')
    .split(SEPARATORS)
    .filter((phrase) => phrase !== '')
    .map((phrase) => phrase.toLowerCase());
}

/** A phrase made only of acknowledgements or holding phrases (收到收到, 好的谢谢, 稍等一下哈), or undefined. */
function phraseKind(phrase: string, rules: ChatterRules): 'holding' | 'acknowledgement' | undefined {
  const words = vocabularyOf(rules);
  let rest = phrase;
  let kind: 'holding' | 'acknowledgement' | undefined;
  while (rest !== '') {
    const found = words.find((candidate) => rest.startsWith(candidate.word));
    if (!found) return undefined;
    if (found.kind === 'holding' || (found.kind === 'acknowledgement' && kind === undefined)) kind = found.kind;
    rest = rest.slice(found.word.length);
  }
  return kind;
}

interface Word {
  word: string;
  kind: 'holding' | 'acknowledgement' | undefined;
}

const vocabularies = new WeakMap<ChatterRules, Word[]>();

/** The rules' words, longest first, so that 等一下 is read before 等. Built once per campaign. */
function vocabularyOf(rules: ChatterRules): Word[] {
  let words = vocabularies.get(rules);
  if (!words) {
    words = [
      ...rules.holding.map((word) => ({ word: word.toLowerCase(), kind: 'holding' as const })),
      ...rules.acknowledgements.map((word) => ({ word: word.toLowerCase(), kind: 'acknowledgement' as const })),
      ...rules.particles.map((word) => ({ word, kind: undefined })),
    ].sort((a, b) => b.word.length - a.word.length);
    vocabularies.set(rules, words);
  }
  return words;
}

function withoutParticles(phrase: string, rules: ChatterRules): string {
  let rest = phrase;
  for (let changed = true; changed; ) {
    changed = false;
    for (const particle of rules.particles) {
      if (rest.length > particle.length && rest.endsWith(particle)) {
        rest = rest.slice(0, -particle.length);
        changed = true;
      }
    }
  }
  return rest;
}
