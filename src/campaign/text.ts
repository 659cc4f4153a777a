// Filling {placeholders} in the campaign's sentences, and counting 字 the way DESIGN.md defines them.

export type Vars = Record<string, string | number>;

/** Replaces each {name} by vars[name]; a placeholder without a value is left as written, so a gap shows. */
export function fill(template: string, vars: Vars): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    return value === undefined ? whole : String(value);
  });
}

const graphemes = new Intl.Segmenter('zh', { granularity: 'grapheme' });

/**
 * 字 as a person counts them: user-perceived characters (grapheme clusters) after trimming, so a Chinese
 * character, a letter, a digit, a punctuation mark and an emoji (even one built of several code points)
 * each count one.
 */
export function countChars(text: string): number {
  let count = 0;
  for (const _ of graphemes.segment(text.trim())) count += 1;
  return count;
}
