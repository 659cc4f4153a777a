// Reading a pasted form, the words: its lines with their list markers, and what the form calls its
// commitment, its list, the list's content and type (the vocabulary the readers look for).
import type { Campaign, Choice, ChoiceField, Form, ListField, TextField } from '../campaign/index.js';
import { choicesOf, fieldWithRole } from '../campaign/index.js';
import { normalizeText } from './answers.js';
import { alternatives, eitherRegExp, markerRegExp, namesOf as labelNames, reviewMarkerRegExp } from './labels.js';

// ---- Lines ----------------------------------------------------------------------------------------------

export interface Line {
  number: number;
  /** the line without its list marker, normalized */
  text: string;
  /** tab-separated cells of the line without its marker, each normalized; one cell when there is no tab */
  cells: string[];
  numbered: boolean;
}

// Full-width punctuation and digits, 第…项 and the numerals 一…十: how Chinese is written, the same in any campaign, so they stay in the code.
// The labels and choices themselves are the campaign's (namesOf, choicesOf).
export const DIGITS = '[0-9０-９]{1,3}';
export const HANZI = '[一二三四五六七八九十]{1,3}';
/**
 * The start of a list entry: （1） (1) （一） 第一项： 第1条 1. 1、 1） 1： 一、 ① ⑴ ⒈ • and "- ". Wider than the
 * ENUMERATED check of answers.ts, so an answer refused there as several items is read here as a paste;
 * only "9:00" and "1.5公里" differ on purpose: they are numbers, not markers.
 */
export const LIST_MARKER = new RegExp(
  '^\\s*(?:' +
    [
      `[(（]\\s*(?:${DIGITS}|${HANZI})\\s*[)）]`,
      `第(?:${DIGITS}|${HANZI})(?:[项条点][:：、.．,，]?|[:：、.．])`,
      `${DIGITS}[)）.．、:：](?![0-9０-９])`,
      `${HANZI}[、.．:：]`,
      '[\\u2460-\\u249b]',
      '[•●○■□◆◇▪▶►·]',
      '[-*]\\s',
    ].join('|') +
    ')\\s*',
);

export function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  text.split(/\r\n|\r|\n|\u2028|\u2029/).forEach((source, i) => {
    const marker = LIST_MARKER.exec(source);
    const body = marker ? source.slice(marker[0].length) : source;
    const cells = body.split('\t').map(normalizeText);
    const line = { number: i + 1, text: normalizeText(body), cells, numbered: marker !== null };
    if (line.text !== '') lines.push(line);
  });
  return lines;
}

// ---- What the form calls things -------------------------------------------------------------------------

export interface Vocabulary {
  campaign: Campaign;
  list: ListField;
  content: TextField;
  type: ChoiceField | undefined;
  choices: Choice[];
  commitment: TextField | undefined;
  /** "【服务承诺】…" "服务承诺：…" "承诺：…" */
  commitmentMarker: RegExp | undefined;
  /** "服务事项：" "【服务事项】" */
  listMarker: RegExp;
  /** "服务类型：…" on a line of its own */
  typeMarker: RegExp | undefined;
  /** "…；类型：其他" at the end of an entry */
  typeTail: RegExp | undefined;
  /** other top-level fields such as 附件1's "行业（系统）名称：…": known, but not part of a paste */
  otherMarker: RegExp | undefined;
  header: { content: string[]; type: string[]; commitment: string[] };
}

export function vocabularyOf(campaign: Campaign, form: Form, list: ListField): Vocabulary {
  const content = list.fields.find((field): field is TextField => field.kind === 'text')!;
  const type = list.fields.find((field): field is ChoiceField => field.kind === 'choice');
  // The commitment is the form's field with that role (附件2's 服务承诺); other forms have none.
  const commitment = fieldWithRole(form, 'commitment');
  const prefixes = campaign.matching.labelPrefixes;
  const namesOf = (field: { label: string; editWords: string[] }) => labelNames(field, prefixes);
  const others = form.fields.filter((field) => field !== commitment && field !== list);
  const listNames = [...namesOf(list), ...namesOf(content)];
  const commitmentNames = commitment ? namesOf(commitment) : [];
  return {
    campaign,
    list,
    content,
    type,
    choices: type ? choicesOf(campaign, type) : [],
    commitment,
    commitmentMarker: commitment && eitherRegExp(markerRegExp(commitmentNames), reviewMarkerRegExp(campaign.messages.summaryText, commitmentNames)),
    listMarker: eitherRegExp(markerRegExp(listNames), reviewMarkerRegExp(campaign.messages.summaryListHeading, listNames)),
    typeMarker: type && markerRegExp(namesOf(type)),
    typeTail: type && tailRegExp(namesOf(type)),
    otherMarker: others.length > 0 ? markerRegExp(others.flatMap(namesOf)) : undefined,
    header: {
      content: listNames.map(bareHeader),
      type: type ? namesOf(type).map(bareHeader) : [],
      commitment: commitmentNames.map(bareHeader),
    },
  };
}

/** "…；类型：其他" or "…（服务类型：暖心）" closing an entry. Bounded, so a 10,000-字 line is still read fast. */
export function tailRegExp(names: string[]): RegExp {
  return new RegExp(`[（(【\\[]?\\s*${alternatives(names)}\\s*[:：]\\s*([^（()）【】\\[\\]]{0,20}?)\\s*[）)】\\]]?\\s*[。.；;]?$`);
}

/** A header cell as compared with the names: "服务事项（每项100字以内）" reads 服务事项. */
export function bareHeader(cell: string): string {
  return cell.replace(/[（(][^）)]*[）)]/g, '').replace(/[\s\p{P}\p{S}]/gu, '');
}
