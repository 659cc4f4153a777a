// Filling {placeholders} in the campaign's sentences, and counting 字 the way DESIGN.md defines them (Word's 字数).

export type Vars = Record<string, string | number>;

const PLACEHOLDER = /\{(\w+)\}/g;

/** The names of the {placeholders} a sentence uses, as fill() reads them, in order (a repeated one repeats). */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => match[1]!);
}

/**
 * Strict: a placeholder without a value throws instead of showing. The tests turn it on (FILL_STRICT=1, set
 * in vitest.config.ts and inherited by the processes they start), so a caller that forgets a value its
 * sentence uses fails there; a bot in use stays lenient and never crashes on a sentence.
 */
let strict = process.env.FILL_STRICT === '1';

/** Turns strict filling on or off; returns what it was, to be put back. */
export function strictFill(on: boolean): boolean {
  const was = strict;
  strict = on;
  return was;
}

/**
 * Replaces each {name} by vars[name]. A placeholder without a value is left as written, so a gap shows,
 * or, when strict (in the tests), throws.
 */
export function fill(template: string, vars: Vars): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = vars[name];
    if (value !== undefined) return String(value);
    if (strict)
      throw new Error(
        `no value for {${name}} in ${JSON.stringify(template)} (given: ${
          Object.keys(vars)
            .filter((key) => vars[key] !== undefined)
            .join(', ') || 'nothing'
        })`,
      );
    return whole;
  });
}

/** Bytes as the sentences give a size: megabytes to one decimal ("20", "0.5"). */
export function megabytes(bytes: number): number {
  return Math.round((bytes / 1024 / 1024) * 10) / 10;
}

/** The start of `text`, at most `max` characters, with "…" when it was cut: how a reply shows what was typed. */
export function excerpt(text: string, max: number): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : text;
}

const graphemes = new Intl.Segmenter('zh', { granularity: 'grapheme' });

/*
 * How Word counts 字数, as we read it (Word's 字数统计 = 中文字符和朝鲜语单词 + 非中文单词): each East Asian
 * character counts one, and a run of non-space characters that are not East Asian counts one "word". A run
 * ends at a space, a tab, a line break or an East Asian character. So:
 * - every CJK ideograph (extensions and compatibility ideographs too), kana, and every full-width mark or
 *   form (，。“”、：（） ＡＢＣ１２３) counts one;
 * - "APP", "2021", "12345", "3.5", "7:00-22:00", "020-83289033", "OK!" and a web address each count one: ASCII
 *   punctuation belongs to the run it touches, and a lone one between spaces ("a - b") is a run of its own;
 * - the "2021" of "2021年" counts one, 年 another;
 * - spaces (the ideographic space too), tabs and line breaks count none.
 * Two choices of ours where Word is no guide: an emoji (one picture, however many code points) counts one
 * and ends a run like an East Asian character ("OK👍" = 2); the middle dot Chinese input methods type in
 * names (U+00B7, 阿卜杜·热合曼) counts one like the other Chinese punctuation, as do the general punctuation
 * marks Chinese text uses (“”‘’—…※).
 */

/** East Asian: counts one, and ends a run. Code points; the BMP ones are also tested by code unit. */
function isAsian(cp: number): boolean {
  if (cp < 0x2010) return cp === 0xb7;
  if (cp <= 0x205e) return cp <= 0x2027 || cp >= 0x2030; // general punctuation, but line separators and bidi controls
  if (cp < 0x2e80) return false;
  if (cp <= 0x9fff) return cp !== 0x3000 && (cp < 0x302a || cp > 0x302f) && (cp < 0x3130 || cp > 0x318f); // radicals … CJK unified; not the space, combining tone marks or Hangul jamo
  if (cp < 0xf900) return false;
  if (cp <= 0xfaff) return true; // compatibility ideographs
  if (cp >= 0xfe10 && cp <= 0xfe1f) return true; // vertical forms
  if (cp >= 0xfe30 && cp <= 0xfe6f) return true; // CJK compatibility forms, small form variants
  if (cp >= 0xff01 && cp <= 0xff9f) return true; // full-width forms, half-width katakana
  if (cp >= 0xffe0 && cp <= 0xffe6) return true; // ￥ and other full-width signs
  return cp >= 0x20000 && cp <= 0x3134f; // extensions B to H, compatibility supplement
}

/** How the quick pass classes a code unit: whitespace, East Asian, other (part of a run), or needs segmenting. */
const SPACE_UNIT = 0;
const ASIAN_UNIT = 1;
const RUN_UNIT = 2;
/** surrogates, combining marks, other scripts: left to grapheme segmentation */
const COMPLEX_UNIT = 3;

function unitOf(code: number): number {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d) ? SPACE_UNIT : RUN_UNIT;
  if (code < 0x7f) return RUN_UNIT;
  if (code === 0xa0 || code === 0x3000) return SPACE_UNIT;
  if (code < 0x100) return code === 0xb7 ? ASIAN_UNIT : RUN_UNIT;
  return isAsian(code) ? ASIAN_UNIT : COMPLEX_UNIT;
}

const PICTURE = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20e3/u;
const SPACE = /^\s/u;

/**
 * 字 as Word and WPS count 字数 (the rule above): one per East Asian character or full-width mark, one per
 * run of other non-space characters (APP, 2021, 3.5), one per emoji, none for spaces and line breaks.
 * Runs on every message: one pass over code units for the usual Chinese-and-ASCII text, grapheme
 * segmentation only when the text holds something else (emoji, combining marks, other scripts).
 */
export function countChars(text: string): number {
  let count = 0;
  let inRun = false;
  for (let i = 0; i < text.length; i += 1) {
    const unit = unitOf(text.charCodeAt(i));
    if (unit === COMPLEX_UNIT) return countGraphemes(text);
    if (unit === RUN_UNIT) {
      if (!inRun) count += 1;
      inRun = true;
    } else {
      if (unit === ASIAN_UNIT) count += 1;
      inRun = false;
    }
  }
  return count;
}

function countGraphemes(text: string): number {
  let count = 0;
  let inRun = false;
  for (const { segment } of graphemes.segment(text)) {
    if (SPACE.test(segment)) {
      inRun = false;
    } else if (isAsian(segment.codePointAt(0)!) || PICTURE.test(segment)) {
      count += 1;
      inRun = false;
    } else {
      if (!inRun) count += 1;
      inRun = true;
    }
  }
  return count;
}
