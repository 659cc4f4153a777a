// Every sentence the demo itself prints (the bot's sentences live in conversations/): their keys and
// placeholders here, the sentences in texts/operator.yaml (demo); and the lines made of several of them.
import { type Catalogue, fill, SEPARATOR } from '../../campaign/index.js';
import { operatorTexts } from '../../texts/index.js';
import type { DemoGroup, DemoMember } from './people.js';

const PATH = ['path!'] as const;
const CLOCK_MOVED = ['amount!', 'time!', 'zone'] as const;

export const DEMO_TEXTS = {
  help: [],
  title: ['campaign'],
  clock: ['time!', 'zone'],
  deadline: ['form', 'time!'],
  groupsHeading: [],
  groupLine: ['mark', 'n!', 'topic', 'members'],
  memberSeparator: SEPARATOR,
  helpHint: [],
  inGroup: ['n', 'topic', 'name'],
  inAdminChat: ['bot', 'name'],
  noSuchGroup: ['count!'],
  noSuchMember: ['members!', 'count'],
  member: ['n!', 'name!'],
  whoInAdminChat: [],
  clockNow: ['time!', 'zone'],
  clockUnchanged: ['time!', 'zone'],
  clockForward: CLOCK_MOVED,
  clockBack: CLOCK_MOVED,
  clockBy: { days: ['n!'], hours: ['n!'], minutes: ['n!'] },
  deadlineLeft: ['form', 'deadline!', 'left'],
  noSuchFile: ['path'],
  sentFile: ['name'],
  badTime: [],
  unknownCommand: ['command'],
  noReply: ['seconds'],
  elsewhere: ['where!'],
  privateWith: ['name'],
  file: ['name', 'path!'],
  fileUnsaved: ['name', 'reason!'],
  otherMessage: ['type'],
  botLabel: [],
  speaker: ['name!'],
  pasting: [],
  pasteDropped: [],
  bye: [],
  databaseKept: PATH,
  databaseNew: PATH,
  campaignCopyLater: ['path!', 'days'],
  campaignCopyEarlier: ['path!', 'days'],
  logFile: PATH,
  filesDir: PATH,
  cannotStart: [],
} as const satisfies Catalogue;

export function demoTexts() {
  return operatorTexts('demo', DEMO_TEXTS);
}

/** Width of text in a terminal: Chinese characters and full-width punctuation take two columns. */
export function columns(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(char) ? 2 : 1;
  return width;
}

/** `text` after `label`, its lines after the first starting under the first's text. */
export function labelled(label: string, text: string): string {
  return `${label}${text.split('\n').join(`\n${' '.repeat(columns(label))}`)}`;
}

/** What a member says, after their name. */
export function said(name: string, text: string): string {
  return labelled(fill(demoTexts().speaker, { name }), text);
}

/** A group of /groups, starred when it is the one spoken in. */
export function groupLine(n: number, group: DemoGroup, current: boolean): string {
  const t = demoTexts();
  const members = group.members.map((member) => member.name).join(t.memberSeparator);
  return fill(t.groupLine, { mark: current ? '*' : ' ', n, topic: group.topic, members });
}

export function noSuchMember(members: readonly DemoMember[]): string {
  const t = demoTexts();
  const listed = members.map((member, i) => fill(t.member, { n: i + 1, name: member.name })).join(t.memberSeparator);
  return fill(t.noSuchMember, { members: listed, count: members.length });
}

/** What /time did: moved forward or back by how much (days, hours, minutes), to what time. */
export function clockMoved(ms: number, time: string, zone: string): string {
  const t = demoTexts();
  if (ms === 0) return fill(t.clockUnchanged, { time, zone });
  const minutes = Math.round(Math.abs(ms) / 60_000);
  const parts = [
    [t.clockBy.days, Math.floor(minutes / 1440)],
    [t.clockBy.hours, Math.floor((minutes % 1440) / 60)],
    [t.clockBy.minutes, minutes % 60],
  ] as const;
  const amount = parts
    .filter(([, n]) => n > 0)
    .map(([unit, n]) => fill(unit, { n }))
    .join('');
  return fill(ms > 0 ? t.clockForward : t.clockBack, { amount, time, zone });
}

/** The database in use: one given with --db, or a new one. */
export function databaseLine(path: string, kept: boolean): string {
  const t = demoTexts();
  return fill(kept ? t.databaseKept : t.databaseNew, { path });
}

/** The campaign's copy, its dates moved by `days`. */
export function campaignCopyLine(path: string, days: number): string {
  const t = demoTexts();
  return fill(days >= 0 ? t.campaignCopyLater : t.campaignCopyEarlier, { path, days: Math.abs(days) });
}
