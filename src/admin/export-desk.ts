// 导出 in the admins' chat: a table of the admin's scope as an .xlsx file, or the groups' briefs as zip
// files each within the size WeChat sends, made and sent one after another.
import type { Campaign } from '../campaign/index.js';
import { fill, megabytes } from '../campaign/index.js';
import { ExportScopeError, type Exporter, type ExportOptions } from '../export/index.js';
import type { Admin, Scope } from '../report/index.js';
import { scopeLabel } from '../report/index.js';
import type { Access } from './access.js';
import type { AdminCommand } from './commands.js';
import { echoName } from './echo.js';
import type { DeskReply, FileLimit } from './reply.js';

/** WeChat refuses files over 100 MB; past ten parts an export is better written by the command line. */
export const WECHAT_FILE_LIMIT: FileLimit = { maxBytes: 100 * 1024 * 1024, maxParts: 10 };

export class ExportDesk {
  constructor(private readonly options: { campaign: Campaign; exporter: Exporter; fileLimit?: FileLimit }) {}

  async export(access: Access, command: Extract<AdminCommand, { type: 'export' }>): Promise<DeskReply> {
    const { campaign, exporter } = this.options;
    const m = campaign.admin.messages;
    const admin = access.admin;
    if (!command.table) return { text: m.exportWhat };
    const scope = await access.exportScope(command.within);
    if ('refusal' in scope) return { text: scope.refusal };
    try {
      const options = { includeMissing: command.includeMissing, approvedOnly: command.approvedOnly, ...scope };
      if (command.table === 'briefs') return await this.exportBriefs(admin, options);
      const file = await exporter.exportFor(command.table, admin.scope, options);
      return { text: fill(m.exportDone, { file: file.fileName, rows: file.rows }), file: { name: file.fileName, data: file.data } };
    } catch (error) {
      // The exporter holds to the scope too; Access has refused what it would.
      if (!(error instanceof ExportScopeError)) throw error;
      return { text: fill(m.exportScopeRefused, { scope: access.label, requested: echoName(command.within) }) };
    }
  }

  /**
   * 导出 简报: one zip; several, each within the size WeChat sends, a unit's files together where they fit,
   * made and sent one after another; or, when even that cannot be, the command that writes it whole.
   */
  private async exportBriefs(admin: Admin, options: ExportOptions): Promise<DeskReply> {
    const { campaign, exporter } = this.options;
    const m = campaign.admin.messages;
    const limit = this.options.fileLimit ?? WECHAT_FILE_LIMIT;
    const briefs = await exporter.exportBriefs(admin.scope, options);
    const scope = options.within ?? admin.scope;
    if (briefs.submitted === 0) return { text: fill(m.exportBriefsNone, { scope: scopeLabel(campaign, scope) }) };
    const counts = { rows: briefs.rows, files: briefs.files, missing: briefs.missing > 0 ? fill(m.exportBriefsMissing, { count: briefs.missing }) : '' };
    const parts = briefs.parts(limit.maxBytes);
    if (!parts || parts.length > limit.maxParts) {
      const cli = [scopeOption(scope), options.includeMissing ? ' --include-missing' : ''].join('');
      return { text: fill(m.exportBriefsTooLarge, { size: atLeastTenthMb(briefs.size), max: atLeastTenthMb(limit.maxBytes), options: cli }) };
    }
    const files = (async function* () {
      for (const part of parts) yield { name: part.fileName, data: await part.data() };
    })();
    if (parts.length === 1) return { text: fill(m.exportBriefsDone, { file: parts[0]!.fileName, ...counts }), files };
    return { text: fill(m.exportBriefsParts, { parts: parts.length, max: atLeastTenthMb(limit.maxBytes), ...counts }), files };
  }
}

/** The option of `npm run export` for a scope, with its leading space; none for the province. */
function scopeOption(scope: Scope): string {
  switch (scope.kind) {
    case 'province':
      return '';
    case 'city':
      return ` --city ${scope.city}`;
    case 'industry':
      return ` --industry ${scope.industry}`;
  }
}

/** Bytes as megabytes to one decimal, never shown as 0. */
function atLeastTenthMb(bytes: number): number {
  return Math.max(0.1, megabytes(bytes));
}
