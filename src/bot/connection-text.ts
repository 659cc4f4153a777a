// What the operator's terminal says about the link to WeChat, the one bot a database may run, the start,
// the stop and the daily backup: one line each, in Chinese and in English, for a server someone set up and
// rarely looks at. Also which errors mean "the network", read from their words (the puppet hands errors
// over as text, without codes).

export interface NetworkProblem {
  /** the host that could not be reached, when the error names it */
  host?: string;
  /** what went wrong, in Chinese and in English */
  zh: string;
  en: string;
}

const KINDS: { pattern: RegExp; zh: string; en: string }[] = [
  { pattern: /ENOTFOUND|EAI_AGAIN/, zh: 'DNS 失败', en: 'DNS lookup failed' },
  { pattern: /ECONNREFUSED/, zh: '连接被拒绝', en: 'connection refused' },
  { pattern: /ETIMEDOUT|ESOCKETTIMEDOUT|timeout of \d+ms exceeded/i, zh: '连接超时', en: 'timed out' },
  { pattern: /ECONNRESET|socket hang up|EPIPE/i, zh: '连接被中断', en: 'connection reset' },
  { pattern: /ENETUNREACH|EHOSTUNREACH|ENETDOWN/, zh: '网络不通', en: 'network unreachable' },
  { pattern: /网络错误|Network Error/i, zh: '网络错误', en: 'network error' },
];

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && 'message' in error) return String(error.message);
  return String(error);
}

/** The network problem an error reports, or undefined for any other error. */
export function networkProblem(error: unknown): NetworkProblem | undefined {
  const message = messageOf(error);
  const kind = KINDS.find((candidate) => candidate.pattern.test(message));
  if (!kind) return undefined;
  const host = /(?:ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH)\s+([\w.-]+)/.exec(message)?.[1];
  return { ...(host ? { host } : {}), zh: kind.zh, en: kind.en };
}

function wait(ms: number): { zh: string; en: string } {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return { zh: `${seconds}秒`, en: `${seconds} s` };
  const minutes = Math.round(seconds / 60);
  return { zh: `${minutes}分钟`, en: `${minutes} min` };
}

/** The first line of an error, cut to a length a terminal line holds. */
function firstLine(error: unknown): string {
  const line = messageOf(error).split('\n')[0] ?? '';
  return line.length > 160 ? `${line.slice(0, 157)}...` : line;
}

export const connectionText = {
  started(campaign: string): string {
    return `机器人已启动（${campaign}），正在连接微信… / the bot started (${campaign}); connecting to WeChat…`;
  },
  leaseHeld(held: { host: string; pid: number; startedAt: Date; expiresAt: Date }): string {
    const started = held.startedAt.toISOString();
    const until = held.expiresAt.toISOString();
    return [
      `另一个机器人进程正在使用这个数据库（主机 ${held.host}，进程 ${held.pid}，${started} 启动）。同一个数据库只能运行一个机器人，否则提醒和汇总会重复发出。请先停掉那个进程；如果它已意外退出，${until} 之后可以启动。`,
      `another bot process is using this database (host ${held.host}, pid ${held.pid}, started ${started}); two would send every reminder and digest twice. Stop it first; if it died, this one can start after ${until}.`,
    ].join('\n');
  },
  leaseLost(): string {
    return '另一个机器人进程接管了这个数据库，本进程不再发送提醒和汇总，请停掉其中一个 / another bot process took over this database: this one sends no more reminders or digests; stop one of them';
  },
  backedUp(file: string): string {
    return `已备份数据库：${file} / database backed up to ${file}`;
  },
  stopped(): string {
    return '机器人已停止 / the bot stopped';
  },
  unreachable(problem: NetworkProblem, delayMs: number, attempt: number): string {
    const after = wait(delayMs);
    const nth = attempt > 1 ? `第${attempt}次` : '';
    const nthEn = attempt > 1 ? ` (try ${attempt})` : '';
    const where = problem.host ? `${problem.host}：` : '';
    const whereEn = problem.host ? `${problem.host}: ` : '';
    return `${nth}无法连接微信（${where}${problem.zh}），${after.zh}后重试；请检查这台机器的网络 / cannot reach WeChat${nthEn} (${whereEn}${problem.en}), retrying in ${after.en}; check this machine's network`;
  },
  puppetError(error: unknown): string {
    return `微信协议出错：${firstLine(error)}（详情见 LOG_LEVEL=debug） / WeChat puppet error: ${firstLine(error)} (details with LOG_LEVEL=debug)`;
  },
  login(name: string): string {
    return `已登录微信：${name}，机器人开始工作 / logged in to WeChat as ${name}; the bot is at work`;
  },
  relogin(name: string): string {
    return `已重新登录微信：${name}，提醒和回复继续 / logged in to WeChat again as ${name}; replies and reminders go on`;
  },
  logout(name: string, reason?: string): string {
    const why = reason ? `（${reason}）` : '';
    return `微信已退出登录${name ? `：${name}` : ''}${why}，提醒暂停，请重新扫码登录 / logged out of WeChat${name ? ` (${name})` : ''}${reason ? `: ${reason}` : ''}; reminders wait until you scan the QR code again`;
  },
  scan(file: string | undefined, url: string): string {
    const saved = file ? `，二维码也已存为 ${file}` : '';
    const savedEn = file ? `, also saved as ${file}` : '';
    return `请用管理这个机器人的微信号扫码登录${saved}，或在浏览器打开 ${url} / scan the QR code with the bot's WeChat account${savedEn}, or open ${url}`;
  },
  scanned(): string {
    return '已扫码，请在手机上确认登录 / scanned: confirm the login on the phone';
  },
};
