// What a group message becomes for the machine beyond a plain command or answer: several entries pasted at
// once, where a commitment or an item is asked; a picture or file, where the question asks for one.
import type { Campaign, Form, ListField, MediaField } from '../campaign/index.js';
import type { CommandEvent, TextEvent } from './commands.js';
import { entriesOf, mainList, type Answers } from './draft.js';
import type { PastedData } from './paste.js';
import { parsePaste, pastedData } from './paste.js';
import { chatterOf } from './chatter.js';
import { materialsOf } from './materials.js';
import type { At } from './say.js';

type Read =
  | CommandEvent
  | TextEvent
  | { type: 'user.paste'; paste: PastedData }
  | { type: 'user.chatter'; chatter: 'question' | 'holding' | 'acknowledgement' | 'mention' }
  | { type: 'user.unsure'; text: string };

/**
 * What a member's text is where the group stands: a command as it was parsed; where free text is asked,
 * several entries at once (a paste), chatter that is not an answer (a question, a holding phrase, thanks,
 * words for another member), a message to ask about before saving, or the answer.
 */
export function readText(
  campaign: Campaign,
  input: CommandEvent | TextEvent,
  at: At | undefined,
  form: Form | undefined,
  answers: Answers,
  mentionsOthers: boolean,
): Read {
  const read = pasteOrText(campaign, input, at, form, answers);
  if (read.type !== 'user.text' || !takesFreeText(form, at)) return read;
  if (mentionsOthers) return { type: 'user.chatter', chatter: 'mention' };
  const chatter = chatterOf(read.text, campaign.chatter);
  if (chatter === 'unsure') return { type: 'user.unsure', text: read.text };
  return chatter ? { type: 'user.chatter', chatter } : read;
}

/** The question at `at` takes free text: a text field, or the text that starts a list's next entry. */
export function takesFreeText(form: Form | undefined, at: At | undefined): boolean {
  if (!form || !at || at.kind === 'registration') return false;
  if (at.kind === 'materials') return materialsOf(form)?.text !== undefined;
  if (at.kind !== 'field' && at.kind !== 'entry' && at.kind !== 'more') return false;
  const field = form.fields.find((f) => f.id === at.field);
  if (!field) return false;
  if (field.kind !== 'list') return field.kind === 'text';
  const sub = at.kind === 'entry' ? field.fields.find((f) => f.id === at.sub) : field.fields[0];
  return sub?.kind === 'text';
}

/**
 * Several entries sent in one message, where a top-level text field or the first (text) field of the list's
 * next entry is asked, become one paste (shown back and saved on 确认); anything else stays what it was.
 * Forms whose list holds no text (links, files) take no paste.
 */
export function pasteOrText(
  campaign: Campaign,
  input: CommandEvent | TextEvent,
  at: At | undefined,
  form: Form | undefined,
  answers: Answers,
): CommandEvent | TextEvent | { type: 'user.paste'; paste: PastedData } {
  if (input.type !== 'user.text' || !at || at.kind === 'registration' || !form) return input;
  const list = mainList(form);
  const content = list?.fields[0];
  if (!list || content?.kind !== 'text') return input;
  const asksEntry = at.kind === 'more' || (at.kind === 'entry' && at.sub === content.id);
  if (!(at.kind === 'field' || asksEntry)) return input;
  const existing = entriesOf(answers, list)
    .map((entry) => entry[content.id])
    .filter((value): value is string => value !== undefined);
  const paste = parsePaste(input.text, { campaign, form, existing });
  return paste ? { type: 'user.paste', paste: pastedData(paste) } : input;
}

/** The question at `at` asks for a link. */
export function takesLink(form: Form | undefined, at: At | undefined): boolean {
  if (form && at?.kind === 'materials') return materialsOf(form)?.links !== undefined;
  if (!form || !at || at.kind === 'registration' || !('field' in at)) return false;
  const field = form.fields.find((f) => f.id === at.field);
  if (!field) return false;
  if (field.kind !== 'list') return field.kind === 'url';
  const sub = at.kind === 'entry' ? field.fields.find((f) => f.id === at.sub) : field.fields[0];
  return sub?.kind === 'url';
}

/** The form's list whose entries are a single link or a single file: where such a thing sent early is kept. */
export function listTaking(form: Form, kind: 'url' | 'media'): ListField | undefined {
  return form.fields.find((field): field is ListField => field.kind === 'list' && field.fields.length === 1 && field.fields[0]!.kind === kind);
}

/** The media field the question at `at` asks for, if it asks for one. */
export function mediaFieldAt(form: Form | undefined, at: At | undefined): MediaField | undefined {
  if (form && at?.kind === 'materials') return materialsOf(form)?.files?.media;
  if (!form || !at || (at.kind !== 'entry' && at.kind !== 'more')) return undefined;
  const list = form.fields.find((field) => field.id === at.field);
  if (list?.kind !== 'list') return undefined;
  const sub = at.kind === 'entry' ? list.fields.find((f) => f.id === at.sub) : list.fields[0];
  return sub?.kind === 'media' ? sub : undefined;
}
