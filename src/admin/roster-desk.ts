// Roster files sent to the bot privately by an admin: read by the roster's rules, held to the admin's scope,
// then imported, or held for 确认 when some rows are rejected.
import type { Campaign } from '../campaign/index.js';
import { fill } from '../campaign/index.js';
import { parseRoster, type RosterParse } from '../roster/index.js';
import { badRowCount, renderImportResult, renderParseReport } from '../roster/index.js';
import type { RosterSpec } from '../roster/index.js';
import type { ImportScope, RosterStore } from '../roster/index.js';
import type { Access } from './access.js';
import type { DeskReply } from './reply.js';

/** Largest roster file taken in a chat. */
export const MAX_FILE_MB = 20;

export interface RosterDeskOptions {
  campaign: Campaign;
  /** the roster files admins send: read by the spec, and the part of the roster's store the desk uses */
  roster: { spec: RosterSpec; store: Pick<RosterStore, 'importRows' | 'savePending' | 'takePending' | 'checkScope'> };
  now: () => Date;
}

export class RosterDesk {
  constructor(private readonly options: RosterDeskOptions) {}

  /** An admin's roster file, named `name` as the replies show it: checked, then imported or held for 确认. */
  async handleFile(access: Access, name: string, file: { data: () => Promise<Buffer> }): Promise<DeskReply> {
    const { campaign, roster, now } = this.options;
    const m = campaign.admin.messages;
    let data: Buffer;
    try {
      data = await file.data();
    } catch {
      return { text: fill(m.fileUnreadable, { file: name }) };
    }
    if (data.length > MAX_FILE_MB * 1024 * 1024) return { text: fill(m.fileTooLarge, { file: name, max: MAX_FILE_MB }) };
    const scope = access.importScope();
    const parse = await this.withinScope(await parseRoster({ name, data }, roster.spec), scope);
    const report = renderParseReport(roster.spec, name, parse);
    if (parse.fatal) return { text: report };
    if (parse.rows.length === 0) return { text: [report, roster.spec.messages.import.nothingValid].join('\n') };
    if (badRowCount(parse) > 0) {
      await roster.store.savePending(access.admin.id, name, parse, now());
      return { text: [report, fill(m.importPending, { valid: parse.rows.length })].join('\n') };
    }
    const result = await roster.store.importRows(parse.rows, {
      actor: access.admin.id,
      at: now(),
      fileName: name,
      rejectedRows: 0,
      ...(scope ? { scope } : {}),
    });
    return { text: [report, renderImportResult(roster.spec, result)].join('\n') };
  }

  /** A city or industry admin's file: the rows outside the scope, or that would change a unit outside it, become rejected rows with the reason. */
  private async withinScope(parse: RosterParse, scope: ImportScope | undefined): Promise<RosterParse> {
    if (!scope || parse.fatal) return parse;
    const check = await this.options.roster.store.checkScope(parse.rows, scope);
    return { rows: check.rows, problems: [...parse.problems, ...check.refused].sort((a, b) => a.row - b.row) };
  }
}
