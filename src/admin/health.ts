// 状态 in the admins' chat: what the operator's terminal would tell them, for an admin who has no terminal.
// Each WeChat account's login, the groups being answered, what waits to be sent and what failed, the last
// problem, the size of the database and its newest backup.
import type { Campaign } from '../campaign/index.js';
import { fill, megabytes } from '../campaign/index.js';
import { formatDateTime } from '../campaign/index.js';

export interface AccountHealth {
  /** the account's name, shown when there are several */
  label?: string;
  state: 'starting' | 'scan' | 'online' | 'offline' | 'waiting';
  account?: string;
  lastError?: { line: string; at: Date };
  retryAt?: Date;
  /** this account's sends today and its daily cap, shown when there are several */
  sends?: { today: number; cap: number };
}

export interface HealthReport {
  accounts: AccountHealth[];
  /** chats (groups, private chats) with messages in hand, besides the one asking */
  queue: number;
  outbox: { pending: number; failed: number };
  sentToday: number;
  dailyCap: number;
  databaseBytes: number;
  backup?: { file: string; at: Date };
}

export function healthText(campaign: Campaign, report: HealthReport, now: Date): string {
  const m = campaign.admin.messages;
  const at = (date: Date) => formatDateTime(date, campaign.timezone, campaign.formats);
  const several = report.accounts.length > 1;
  const accounts = report.accounts.map(
    (account) =>
      (several && account.label ? fill(m.healthAccountLabel, { label: account.label }) : '') +
      fill(m.healthAccount[account.state], { name: account.account ?? '', retryAt: account.retryAt ? at(account.retryAt) : '' }) +
      (several && account.sends ? fill(m.healthAccountSends, { sent: account.sends.today, cap: account.sends.cap }) : ''),
  );
  // The operator's lines are Chinese, then English after " / ": the admin reads the Chinese.
  const errors = report.accounts.flatMap((account) => (account.lastError ? [account.lastError] : []));
  const last = errors.sort((a, b) => b.at.getTime() - a.at.getTime())[0];
  return fill(m.health, {
    time: at(now),
    accounts: accounts.join(campaign.formats.listSeparator),
    queue: report.queue,
    pending: report.outbox.pending,
    failed: report.outbox.failed,
    sent: report.sentToday,
    cap: report.dailyCap,
    error: last ? fill(m.healthError, { time: at(last.at), line: last.line.split(' / ')[0] ?? last.line }) : m.healthNoError,
    database: `${megabytes(report.databaseBytes).toFixed(1)}MB`,
    backup: report.backup ? fill(m.healthBackup, { time: at(report.backup.at), file: report.backup.file }) : m.healthNoBackup,
  });
}
