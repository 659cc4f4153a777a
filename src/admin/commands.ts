// What an admin's private message asks for.
import type { Campaign, Form } from '../campaign/index.js';
import { parseExportKind, type ExportWhat } from '../export/index.js';
import { codeIn } from './invites.js';

/** `within`: the city or industry named after the command ("统计 广州市"), '' when none. */
export type AdminCommand =
  | { type: 'help' }
  /** 指南 or 导出 指南: the 填报指南 the groups get */
  | { type: 'guide' }
  | { type: 'stats'; form?: Form; badForm?: string; within: string }
  | { type: 'missing'; form?: Form; badForm?: string; within: string; page: number }
  | { type: 'lookup'; name: string }
  | { type: 'roster'; within: string }
  | { type: 'unbind'; name: string }
  /** 确认换群 单位名称: the unit moves to the group that asked for it */
  | { type: 'move'; name: string }
  | { type: 'export'; table?: ExportWhat; within: string; includeMissing: boolean; approvedOnly: boolean }
  /** casual: said as 确认, 好的 or 算了 rather than 确认导入, so it may not be about an import at all */
  | { type: 'importConfirm'; casual?: true }
  | { type: 'importCancel'; casual?: true }
  /** a number alone: the entry of the last numbered list the admin was shown */
  | { type: 'pick'; n: number }
  | { type: 'remind'; form?: Form; badForm?: string; within: string }
  | { type: 'pause' }
  | { type: 'resume' }
  /** 审核 [表] [地市或行业]: what waits for review */
  | { type: 'review'; form?: Form; badForm?: string; within: string }
  /** 通过 1 3 / 通过 全部: approve entries of the last 审核 list */
  | { type: 'approve'; picks: number[] | 'all' }
  /** 退回 1 原因 */
  | { type: 'returnForm'; n?: number; reason: string }
  /** 状态: the bot's own health */
  | { type: 'health' }
  /** 日志 [单位]: name '' for the whole scope; n when the name is a number of the last list */
  | { type: 'log'; name: string; n?: number }
  /** 管理员 123456: the one-time code that makes the sender an admin; none when what follows is no code (a name) */
  | { type: 'claim'; code?: string }
  /** text: what was typed, as typed (a reply repeats only its start) */
  | { type: 'unknown'; text: string };

// Full-width punctuation and digits, 第…项 and the numerals 一…十: how Chinese is written, the same in any campaign, so they stay in the code.
export function parseAdminCommand(text: string, campaign: Campaign): AdminCommand {
  const words = campaign.admin.commands;
  const plain = text
    .trim()
    .replace(/^[/／]/, '')
    .replace(/[。.!！]+$/u, '');
  const after = (list: readonly string[]) => {
    const word = [...list].sort((a, b) => b.length - a.length).find((w) => plain.startsWith(w));
    return word === undefined ? undefined : plain.slice(word.length).trim();
  };
  // A form's name written against the words around it ("统计附件2深圳市") still stands alone.
  const formNames = campaign.forms.map((form) => form.shortTitle).sort((a, b) => b.length - a.length);
  const tokens = (rest: string) =>
    formNames
      .reduce((text, name) => text.split(name).join(` ${name} `), rest)
      .split(/[\s,，、]+/)
      .filter((token) => token !== '');

  if (after(words.help) === '') return { type: 'help' };
  // the groups' own word for the guide, alone or after 导出
  const guide = campaign.commands.guide;
  if (after(guide) === '') return { type: 'guide' };
  const claim = after(words.claim);
  if (claim !== undefined) {
    const code = codeIn(claim);
    return code === undefined ? { type: 'claim' } : { type: 'claim', code };
  }
  // 确认 and 取消, and yes and no as people say them, answer whatever waits for them (a roster import).
  const bare = plain.toLowerCase();
  if (after(words.importConfirm) === '') return { type: 'importConfirm' };
  if (after(words.importCancel) === '') return { type: 'importCancel' };
  if (campaign.commands.confirm.includes(bare) || campaign.commands.yes.includes(bare)) return { type: 'importConfirm', casual: true };
  if (campaign.commands.cancel.includes(bare) || campaign.commands.no.includes(bare)) return { type: 'importCancel', casual: true };
  const picked = pickOf(plain);
  if (picked !== undefined) return { type: 'pick', n: picked };
  if (after(words.pause) === '') return { type: 'pause' };
  if (after(words.health) === '') return { type: 'health' };
  if (after(words.resume) === '') return { type: 'resume' };
  const remind = after(words.remind);
  if (remind !== undefined) {
    const named = formAndScope(tokens(remind), campaign);
    // "提醒 附件9" is no such form; "提醒 大家" is taken as 提醒 with no form named.
    return { type: 'remind', ...named, within: named.badForm !== undefined ? '' : named.within };
  }
  const exported = after(words.export);
  if (exported !== undefined) {
    const parts = tokens(exported);
    if (parts[0] !== undefined && guide.includes(parts[0])) return { type: 'guide' };
    const includeMissing = parts.some((part) => words.includeMissing.includes(part));
    const approvedOnly = parts.some((part) => words.approvedOnly.includes(part));
    const rest = parts.filter((part) => !words.includeMissing.includes(part) && !words.approvedOnly.includes(part));
    const table = rest[0] !== undefined ? parseExportKind(rest[0], campaign.exports.words) : undefined;
    return { type: 'export', ...(table ? { table } : {}), within: table ? rest.slice(1).join(' ') : rest.join(' '), includeMissing, approvedOnly };
  }
  // 通过 and 退回 before 审核, which 审核通过 starts with
  const approve = after(words.approve);
  if (approve !== undefined) {
    if (words.all.includes(approve)) return { type: 'approve', picks: 'all' };
    const numbers = approve
      .split(/[\s,，、和及]+/)
      .filter((part) => part !== '')
      .map((part) => pickOf(part));
    return { type: 'approve', picks: numbers.every((n) => n !== undefined) ? numbers : [] };
  }
  const returned = after(words.returnForm);
  if (returned !== undefined) {
    // "退回 1 原因", "退回1：原因", "退回第１个 原因"
    const match = /^(第?\s*[0-9０-９]{1,3}\s*[个号项]?)[\s:：,，。、]*([\s\S]*)$/u.exec(returned);
    const n = match ? pickOf(match[1]!) : undefined;
    return n === undefined ? { type: 'returnForm', reason: returned } : { type: 'returnForm', n, reason: match![2]!.trim() };
  }
  const review = after(words.review);
  if (review !== undefined) {
    return { type: 'review', ...formAndScope(tokens(review), campaign) };
  }
  // 日志 before 查, which 查日志 starts with
  const log = after(words.log);
  if (log !== undefined) {
    const n = pickOf(log);
    return n === undefined ? { type: 'log', name: log } : { type: 'log', name: log, n };
  }
  const roster = after(words.roster);
  if (roster !== undefined) return { type: 'roster', within: roster };
  const stats = after(words.stats);
  if (stats !== undefined) {
    return { type: 'stats', ...formAndScope(tokens(stats), campaign) };
  }
  const missing = after(words.missing);
  if (missing !== undefined) {
    const parts = tokens(missing);
    let page = 1;
    if (parts.length > 0 && /^\d{1,4}$/.test(parts[parts.length - 1]!)) page = Math.max(1, Number(parts.pop()));
    return { type: 'missing', ...formAndScope(parts, campaign), page };
  }
  const move = after(words.confirmMove);
  if (move !== undefined) return { type: 'move', name: move };
  const unbind = after(words.unbind);
  if (unbind !== undefined) return { type: 'unbind', name: unbind };
  const lookup = after(words.lookup);
  // "查 日志" is 查日志 typed with a space
  if (lookup !== undefined && words.log.includes(lookup)) return { type: 'log', name: '' };
  if (lookup !== undefined) return { type: 'lookup', name: lookup };
  return { type: 'unknown', text: plain };
}

/**
 * A token naming a form (附件2, its id, or its full title); a token shaped like a numbered short title of the
 * campaign's (附件9 beside 附件1 and 附件2) or like an id is reported as no such form.
 */
function formOf(token: string | undefined, campaign: Campaign): { form?: Form; badForm?: string } {
  if (token === undefined) return {};
  const form = campaign.forms.find((f) => f.shortTitle === token || f.id === token || f.title === token);
  if (form) return { form };
  const numbered = (title: string) => /^(\D+)\d+$/.exec(title)?.[1];
  const prefix = numbered(token);
  const likeAShortTitle = prefix !== undefined && campaign.forms.some((f) => numbered(f.shortTitle) === prefix);
  return likeAShortTitle || /^[A-Za-z]\w*$/.test(token) ? { badForm: token } : {};
}

/** A command's words after it: a form first if one is named ("统计 附件2 广州市"), then the city or industry. */
function formAndScope(parts: string[], campaign: Campaign): { form?: Form; badForm?: string; within: string } {
  const form = parts.length > 0 ? formOf(parts[0], campaign) : {};
  const rest = 'form' in form || 'badForm' in form ? parts.slice(1) : parts;
  return { ...form, within: scopeWord(rest, campaign) };
}

/** The city or industry after a command's form: the words left, a form named twice dropped ("统计 附件2 广州市"). */
function scopeWord(parts: string[], campaign: Campaign): string {
  return parts.filter((part) => !('form' in formOf(part, campaign))).join(' ');
}

const FULL_WIDTH = /[０-９]/g;

/** "3", "３", "第3个", "3号": a number alone picks from the last numbered list. */
function pickOf(text: string): number | undefined {
  const digits = text.replace(FULL_WIDTH, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0));
  const match = /^第?\s*(\d{1,3})\s*[个号项]?$/.exec(digits);
  return match ? Number(match[1]) : undefined;
}
