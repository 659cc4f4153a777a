// 日志 as the admins read it: each change of the audit log as a sentence of the campaign file, after the
// time and who made it. Pure functions of the entries, the names of the units the admin sees and the clock.
import type { Campaign } from '../campaign/index.js';
import { fill, type Vars } from '../campaign/index.js';
import { formatDateTime } from '../campaign/index.js';
import { PAUSED } from '../schedule/index.js';
import type { AuditEntry } from '../report/index.js';
import { echoName, echoQuery, echoReason } from './echo.js';
import { scopeOfColumns } from './invites.js';
import { scopeLabel } from '../report/index.js';

/** Who an audit entry's actor is: the bot itself, the command line (`cli:<user>`), or a WeChat contact. */
export function actorKind(actor: string): { kind: 'system' } | { kind: 'cli'; user: string } | { kind: 'contact' } {
  if (actor === 'system') return { kind: 'system' };
  if (actor.startsWith('cli:')) return { kind: 'cli', user: actor.slice('cli:'.length) };
  return { kind: 'contact' };
}

/** What an entry changed, in the campaign's words; `unitName` names the units the admin sees. */
export function describeEntry(campaign: Campaign, entry: AuditEntry, unitName: (id: number) => string | undefined): string {
  const t = campaign.admin.messages.logActions;
  const d = entry.detail;
  const text = (key: string) => (typeof d[key] === 'string' ? (d[key] as string) : '');
  const count = (key: string) => (typeof d[key] === 'number' ? (d[key] as number) : 0);
  const unitId = typeof d.unitId === 'number' ? d.unitId : undefined;
  const unit = (unitId !== undefined ? unitName(unitId) : undefined) ?? echoName(text('name'));
  const formId = text('formId');
  const form = campaign.forms.find((f) => f.id === formId)?.shortTitle ?? formId;
  const about: Vars = { unit, form, version: count('version') };
  switch (entry.action) {
    case 'room.bound':
      return fill(t.roomBound, { ...about, topic: echoName(text('topic')) });
    case 'room.unbound':
      return fill(t.roomUnbound, about);
    case 'room.moved':
      return fill(t.roomMoved, { ...about, topic: echoName(text('topic')) });
    case 'unit.registered':
      return fill(t.unitRegistered, about);
    case 'submission.submitted':
      return fill(t.submitted, { ...about, late: d.late === true ? campaign.admin.messages.lookupLateMark : '' });
    case 'submission.reopened':
      return fill(t.reopened, about);
    case 'form.takenOver':
      return fill(t.takenOver, about);
    case 'review.approved':
      return fill(t.approved, about);
    case 'review.returned':
      return fill(t.returned, { ...about, note: echoReason(text('note')) });
    case 'roster.imported':
      return fill(t.imported, {
        file: echoName(text('fileName')),
        created: count('created'),
        updated: count('updated'),
        unchanged: count('unchanged'),
        rejected: count('rejectedRows'),
      });
    case 'roster.reconciled':
      return fill(t.reconciled, { ...about, chatName: echoName(text('chatName')) });
    case 'setting.changed':
      if (text('key') === PAUSED) return text('value') === 'true' ? t.paused : t.resumed;
      return fill(t.setting, { key: echoName(text('key')) });
    case 'admin.refused':
      return fill(t.refused, { id: entry.actor, text: echoQuery(text('text')) });
    case 'admin.invited':
    case 'admin.bound':
    case 'admin.removed': {
      const scope = scopeOfColumns(text('scope'), text('scopeName') || null);
      const named = { name: echoName(text('name')), scope: scope ? scopeLabel(campaign, scope) : '' };
      return fill(entry.action === 'admin.invited' ? t.adminInvited : entry.action === 'admin.bound' ? t.adminBound : t.adminRemoved, named);
    }
    case 'admin.codeRefused':
      return fill(t.adminCodeRefused, { id: entry.actor });
    default:
      return fill(t.other, { action: entry.action });
  }
}

/** The 日志 reply: a heading naming the scope or unit and the count, then one line per change, newest first. */
export function logText(campaign: Campaign, label: string, lines: readonly { at: Date; who: string; what: string }[]): string {
  const m = campaign.admin.messages;
  if (lines.length === 0) return fill(m.logNone, { scope: label });
  return [
    fill(m.logHeader, { scope: label, count: lines.length }),
    ...lines.map((line) => fill(m.logLine, { time: formatDateTime(line.at, campaign.timezone, campaign.formats), who: line.who, what: line.what })),
  ].join('\n');
}
