// The operator's log lines are said in Chinese, then in English after " / ", for a server someone set up and
// rarely looks at: each is a pair in texts/operator.yaml, declared here with the placeholders both take.
import { fill, type Placeholders } from '../campaign/index.js';

/** A line's two languages, each declared with the same placeholders. */
export function both<P extends Placeholders>(placeholders: P) {
  return { zh: placeholders, en: placeholders } as const;
}

export interface Bilingual {
  zh: string;
  en: string;
}

/** `line` in both languages, Chinese first; a value that is itself bilingual goes in each in its language. */
export function sayBoth(line: Bilingual, vars: Record<string, string | number | Bilingual> = {}, between = ' / '): string {
  const inLanguage = (language: keyof Bilingual) =>
    Object.fromEntries(Object.entries(vars).map(([name, value]) => [name, typeof value === 'object' ? value[language] : value]));
  return `${fill(line.zh, inLanguage('zh'))}${between}${fill(line.en, inLanguage('en'))}`;
}
