// What the operator's terminal says about the link to WeChat, the one bot a database may run, the start,
// the stop and the daily backup: one line each, in Chinese and in English, for a server someone set up and
// rarely looks at. The keys and their placeholders here, the sentences in texts/operator.yaml
// (connection). Also which errors mean "the network", read from their words (the puppet hands errors
// over as text, without codes).
import { type Catalogue, fill } from '../campaign/index.js';
import { type Bilingual, both, operatorTexts, sayBoth as say } from '../texts/index.js';

const NOTHING = both([]);

export const CONNECTION_TEXTS = {
  started: both(['campaign']),
  leaseHeld: both(['host', 'pid', 'started', 'until!']),
  leaseLost: NOTHING,
  backedUp: both(['file!']),
  stopping: both(['signal']),
  stopped: NOTHING,
  unreachable: both(['problem!', 'after!']),
  unreachableHost: both(['host!', 'problem!', 'after!']),
  unreachableAgain: both(['attempt!', 'problem!', 'after!']),
  unreachableAgainHost: both(['attempt!', 'host!', 'problem!', 'after!']),
  problems: { dns: NOTHING, refused: NOTHING, timeout: NOTHING, reset: NOTHING, noNetwork: NOTHING, networkError: NOTHING },
  seconds: both(['n!']),
  minutes: both(['n!']),
  puppetError: both(['error!']),
  login: both(['name']),
  relogin: both(['name']),
  logout: NOTHING,
  logoutNamed: both(['name!']),
  logoutWhy: both(['reason!']),
  logoutNamedWhy: both(['name!', 'reason!']),
  scan: both(['url!']),
  scanSaved: both(['file!', 'url!']),
  scanned: NOTHING,
} as const satisfies Catalogue;

function texts() {
  return operatorTexts('connection', CONNECTION_TEXTS);
}

/** Reads the lines now: a broken texts/operator.yaml stops the start, not the first login hours later. */
export function readConnectionText(): void {
  texts();
}

export type ProblemKind = keyof typeof CONNECTION_TEXTS.problems;

export interface NetworkProblem {
  /** the host that could not be reached, when the error names it */
  host?: string;
  kind: ProblemKind;
}

const KINDS: { pattern: RegExp; kind: ProblemKind }[] = [
  { pattern: /ENOTFOUND|EAI_AGAIN/, kind: 'dns' },
  { pattern: /ECONNREFUSED/, kind: 'refused' },
  { pattern: /ETIMEDOUT|ESOCKETTIMEDOUT|timeout of \d+ms exceeded/i, kind: 'timeout' },
  { pattern: /ECONNRESET|socket hang up|EPIPE/i, kind: 'reset' },
  { pattern: /ENETUNREACH|EHOSTUNREACH|ENETDOWN/, kind: 'noNetwork' },
  // The puppet's own words when the network fails (wechat4u says it in Chinese): read here, never printed.
  { pattern: /网络错误|Network Error/i, kind: 'networkError' },
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
  return { ...(host ? { host } : {}), kind: kind.kind };
}

/** How long until the next try: seconds under a minute, else minutes. */
function wait(ms: number): Bilingual {
  const t = texts();
  const seconds = Math.round(ms / 1000);
  const [unit, n] = seconds < 60 ? [t.seconds, seconds] : [t.minutes, Math.round(seconds / 60)];
  return { zh: fill(unit.zh, { n }), en: fill(unit.en, { n }) };
}

/** The first line of an error, cut to a length a terminal line holds. */
function firstLine(error: unknown): string {
  const line = messageOf(error).split('\n')[0] ?? '';
  return line.length > 160 ? `${line.slice(0, 157)}...` : line;
}

export const connectionText = {
  started(campaign: string): string {
    return say(texts().started, { campaign });
  },
  leaseHeld(held: { host: string; pid: number; startedAt: Date; expiresAt: Date }): string {
    const vars = { host: held.host, pid: held.pid, started: held.startedAt.toISOString(), until: held.expiresAt.toISOString() };
    return say(texts().leaseHeld, vars, '\n');
  },
  leaseLost(): string {
    return say(texts().leaseLost);
  },
  backedUp(file: string): string {
    return say(texts().backedUp, { file });
  },
  stopping(signal: string): string {
    return say(texts().stopping, { signal });
  },
  stopped(): string {
    return say(texts().stopped);
  },
  unreachable(problem: NetworkProblem, delayMs: number, attempt: number): string {
    const t = texts();
    const { host } = problem;
    const vars = { attempt, problem: t.problems[problem.kind], after: wait(delayMs) };
    if (attempt > 1) return host ? say(t.unreachableAgainHost, { ...vars, host }) : say(t.unreachableAgain, vars);
    return host ? say(t.unreachableHost, { ...vars, host }) : say(t.unreachable, vars);
  },
  puppetError(error: unknown): string {
    return say(texts().puppetError, { error: firstLine(error) });
  },
  login(name: string): string {
    return say(texts().login, { name });
  },
  relogin(name: string): string {
    return say(texts().relogin, { name });
  },
  logout(name: string, reason?: string): string {
    const t = texts();
    if (name && reason) return say(t.logoutNamedWhy, { name, reason });
    if (name) return say(t.logoutNamed, { name });
    if (reason) return say(t.logoutWhy, { reason });
    return say(t.logout);
  },
  scan(file: string | undefined, url: string): string {
    const t = texts();
    return file ? say(t.scanSaved, { file, url }) : say(t.scan, { url });
  },
  scanned(): string {
    return say(texts().scanned);
  },
};
