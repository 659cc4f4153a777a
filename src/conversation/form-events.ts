// What a group message becomes for the form machine, beyond a plain answer: several entries pasted at
// once, or a picture or file where the form asks for one.
import type { Campaign, Form, MediaField } from '../campaign/schema.js';
import type { CommandEvent, TextEvent } from './commands.js';
import { entriesOf, mainList } from './draft.js';
import type { FormSnapshot } from './engine.js';
import type { FormEvent } from './machine.js';
import { parsePaste, pastedData } from './paste.js';
import type { At } from './say.js';

/**
 * Several entries sent in one message, where a commitment or an item is asked, become one paste event
 * (shown back and saved on 确认); anything else stays what it was.
 */
export function pasteOrText(campaign: Campaign, input: CommandEvent | TextEvent, snapshot: FormSnapshot, form: Form): FormEvent {
  if (input.type !== 'user.text') return input;
  const { at, answers } = snapshot.context;
  const list = mainList(form);
  const asksEntry = at.kind === 'more' || (at.kind === 'entry' && at.sub === list?.fields[0]?.id);
  if (!list || !(at.kind === 'field' || asksEntry)) return input;
  const contentId = list.fields[0]!.id;
  const existing = entriesOf(answers, list)
    .map((entry) => entry[contentId])
    .filter((value): value is string => value !== undefined);
  const paste = parsePaste(input.text, { campaign: campaign, form, existing });
  return paste ? { type: 'user.paste', paste: pastedData(paste) } : input;
}

/** The media field the question at `at` asks for, if it asks for one. */
export function mediaFieldAt(form: Form, at: At): MediaField | undefined {
  if (at.kind !== 'entry' && at.kind !== 'more') return undefined;
  const list = form.fields.find((field) => field.id === at.field);
  if (!list || list.kind !== 'list') return undefined;
  const sub = at.kind === 'entry' ? list.fields.find((f) => f.id === at.sub) : list.fields[0];
  return sub?.kind === 'media' ? sub : undefined;
}
