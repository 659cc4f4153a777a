// What an admin's private message asks for.
import type { Campaign, Form } from '../campaign/schema.js';
import { tableWords, type ExportKind } from '../export/texts.js';

export type AdminCommand =
  | { type: 'help' }
  | { type: 'stats'; form?: Form; badForm?: string }
  | { type: 'missing'; form?: Form; badForm?: string; filter: string; page: number }
  | { type: 'lookup'; name: string }
  | { type: 'roster' }
  | { type: 'unbind'; name: string }
  | { type: 'export'; table?: ExportKind; within: string; includeMissing: boolean }
  | { type: 'importConfirm' }
  | { type: 'importCancel' }
  | { type: 'remind'; form?: Form; badForm?: string }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'unknown'; text: string };

export function parseAdminCommand(text: string, campaign: Campaign): AdminCommand {
  const words = campaign.admin.commands;
  const plain = text.trim().replace(/^[/／]/, '').replace(/[。.!！]+$/u, '');
  const after = (list: readonly string[]) => {
    const word = [...list].sort((a, b) => b.length - a.length).find((w) => plain.startsWith(w));
    return word === undefined ? undefined : plain.slice(word.length).trim();
  };
  const tokens = (rest: string) => rest.split(/[\s,，、]+/).filter((token) => token !== '');

  if (after(words.help) === '') return { type: 'help' };
  if (after(words.importConfirm) === '') return { type: 'importConfirm' };
  if (after(words.importCancel) === '') return { type: 'importCancel' };
  if (after(words.pause) === '') return { type: 'pause' };
  if (after(words.resume) === '') return { type: 'resume' };
  const remind = after(words.remind);
  if (remind !== undefined) {
    const [first] = tokens(remind);
    const form = formOf(first, campaign);
    // "提醒 附件9" is no such form; "提醒 大家" is taken as 提醒 with no form named.
    return { type: 'remind', ...form };
  }
  const exported = after(words.export);
  if (exported !== undefined) {
    const parts = tokens(exported);
    const includeMissing = parts.some((part) => words.includeMissing.includes(part));
    const rest = parts.filter((part) => !words.includeMissing.includes(part));
    const table = rest[0] === undefined ? undefined : tableWords[rest[0]];
    return { type: 'export', ...(table ? { table } : {}), within: table ? rest.slice(1).join(' ') : rest.join(' '), includeMissing };
  }
  if (after(words.roster) === '') return { type: 'roster' };
  const stats = after(words.stats);
  if (stats !== undefined) {
    const [first] = tokens(stats);
    return { type: 'stats', ...formOf(first, campaign) };
  }
  const missing = after(words.missing);
  if (missing !== undefined) {
    const parts = tokens(missing);
    let page = 1;
    if (parts.length > 0 && /^\d{1,4}$/.test(parts[parts.length - 1]!)) page = Math.max(1, Number(parts.pop()));
    const form = parts.length > 0 ? formOf(parts[0], campaign) : {};
    if ('form' in form) parts.shift();
    return { type: 'missing', ...form, filter: parts.join(' '), page };
  }
  const unbind = after(words.unbind);
  if (unbind !== undefined) return { type: 'unbind', name: unbind };
  const lookup = after(words.lookup);
  if (lookup !== undefined) return { type: 'lookup', name: lookup };
  return { type: 'unknown', text: [...plain].slice(0, 12).join('') };
}

/** A token naming a form (附件2, its id, or its full title); a token like "附件9" is reported as no such form. */
function formOf(token: string | undefined, campaign: Campaign): { form?: Form; badForm?: string } {
  if (token === undefined) return {};
  const form = campaign.forms.find((f) => f.shortTitle === token || f.id === token || f.title === token);
  if (form) return { form };
  return /^附件\d+$|^[A-Za-z]\w*$/.test(token) ? { badForm: token } : {};
}
