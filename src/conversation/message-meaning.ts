// What a member's message means before it reaches the group's machine: whether its sender is the one
// filling the form, a bystander or someone to tell who is, and what a message that is not text answers (a
// link, a picture or file, kept; voice, stickers and cards, which get a line of their own).
import type { Campaign, Form } from '../campaign/index.js';
import { fill } from '../campaign/index.js';
import { checkMedia } from './answers.js';
import { parseInput } from './commands.js';
import { openForm, type GroupSnapshot, type questionAt } from './engine.js';
import { sniffMime } from './file-type.js';
import { listTaking, mediaFieldAt, takesLink } from './form-events.js';
import { OPEN_TO_ALL } from './group-machine.js';
import type { IncomingMessage } from './incoming.js';
import type { GroupStore } from './store.js';

/**
 * While a form is open, only its owner answers. Anyone else may use the commands open to all (接管, 进度,
 * 帮助); one who speaks to the bot (@) is told who is filling; the rest talk among themselves.
 */
export function speakerOf(campaign: Campaign, formNames: readonly string[], snapshot: GroupSnapshot, message: IncomingMessage): 'owner' | 'bystander' | 'told' {
  const owner = snapshot.context.owner;
  if (!openForm(snapshot, campaign) || !owner || owner.id === message.senderId) return 'owner';
  if (message.kind === 'text' && OPEN_TO_ALL.has(parseInput(message.text, campaign.commands, undefined, formNames).type)) return 'owner';
  return message.mentioned ? 'told' : 'bystander';
}

/**
 * What a message that is not text means where the group stands. A link card answers a question for a
 * link; a picture or file one for a file (checked by its content, and kept). Sent before its step, where
 * the form has a list of links or files, it is kept there. Voice, stickers and 小程序 cards get their own
 * one-line answers.
 */
export async function nonTextEvent(
  { campaign, store, now }: { campaign: Campaign; store: Pick<GroupStore, 'saveMedia'>; now: Date },
  message: IncomingMessage,
  snapshot: GroupSnapshot,
  form: Form | undefined,
  at: ReturnType<typeof questionAt>,
) {
  if (message.kind === 'voice' || message.kind === 'sticker' || message.kind === 'card') return { type: 'user.nonText' as const, what: message.kind };
  const unitId = snapshot.context.unit?.id;
  if (!form || unitId === undefined) return { type: 'user.nonText' as const };
  if (message.kind === 'link' && message.link) {
    if (takesLink(form, at)) return { type: 'user.text' as const, text: message.link.url };
    const list = listTaking(form, 'url');
    return list ? { type: 'user.early' as const, field: list.id, value: message.link.url } : { type: 'user.nonText' as const };
  }
  const here = mediaFieldAt(form, at);
  const list = here ? undefined : listTaking(form, 'media');
  const field = here ?? (list?.fields[0]?.kind === 'media' ? list.fields[0] : undefined);
  if (!field || !message.file) return { type: 'user.nonText' as const };
  const file = await message.file();
  const sniffed = sniffMime(file.data);
  const problem = checkMedia(field, { name: file.name, mime: file.mime, size: file.data.length, sniffed });
  if (problem) return { type: 'user.mediaRefused' as const, problem };
  // Kept with the type its content showed: that is what the export and the download serve.
  const kept = await store.saveMedia({
    unitId,
    formId: form.id,
    roomId: message.roomId,
    ...file,
    mime: sniffed ?? file.mime,
    actor: message.senderId,
    at: now,
  });
  const value = fill(campaign.messages.mediaName, { name: file.name, id: kept.id });
  return list ? { type: 'user.early' as const, field: list.id, value } : { type: 'user.media' as const, value };
}
