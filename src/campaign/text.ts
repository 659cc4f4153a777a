// Filling {placeholders} in the campaign's sentences, and counting 字 the way DESIGN.md defines them.

export type Vars = Record<string, string | number>;

/** Replaces each {name} by vars[name]; a placeholder without a value is left as written, so a gap shows. */
export function fill(template: string, vars: Vars): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    return value === undefined ? whole : String(value);
  });
}

/** The start of `text`, at most `max` characters, with "…" when it was cut: how a reply shows what was typed. */
export function excerpt(text: string, max: number): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : text;
}

const graphemes = new Intl.Segmenter('zh', { granularity: 'grapheme' });

/**
 * Characters that never join another into one grapheme: printable ASCII, tabs and line feeds (not \r, which
 * joins a following \n), Latin-1, general and CJK punctuation (but the combining tone marks 〪–〯), CJK
 * ideographs and full-width forms. Text made only of these, as nearly every answer is, counts one per code
 * unit, without segmenting.
 */
const SINGLE = /^[\t\n\x20-\x7e\u00a0-\u00ff\u2010-\u2027\u2030-\u205e\u3000-\u3029\u3030-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff5e]*$/;

/**
 * 字 as a person counts them: user-perceived characters (grapheme clusters) after trimming, so a Chinese
 * character, a letter, a digit, a punctuation mark and an emoji (even one built of several code points)
 * each count one.
 */
export function countChars(text: string): number {
  const trimmed = text.trim();
  if (SINGLE.test(trimmed)) return trimmed.length;
  let count = 0;
  for (const _ of graphemes.segment(trimmed)) count += 1;
  return count;
}
