// The load both sides of the chat benchmark get: N groups on wechaty-puppet-mock, each with one member
// who fills the whole 附件2 form at once (bind, commitment, three items with their types, 完成, 确认),
// sending each message as soon as the bot has answered the one before. Measures each message from the
// member's send to the bot's reply.
import type { PuppetMock } from 'wechaty-puppet-mock';
import type { mock } from 'wechaty-puppet-mock';
import { FILL_FORM } from '../fill-form.js';

export const BOT_ID = 'bench-bot';
export const BOT_NAME = '服务月助手';

/** What each group sends, in order: one reply is awaited after each. */
export const SCRIPT = FILL_FORM;

/** Groups that fill the form once, unmeasured, before the measured load: both sides run warm code. */
export const WARM_UP = 20;

export interface Group {
  room: mock.RoomMock;
  member: mock.ContactMock;
}

/** The rooms of the run: topics are the units' names, so 填报 is offered the unit and 确认 binds it. */
export function createGroups(mocker: mock.Mocker, topics: readonly string[]): Group[] {
  return topics.map((topic, i) => {
    const member = mocker.createContact({ id: `member-${i}`, name: `成员${i}` });
    const room = mocker.createRoom({ id: `room-${i}@chatroom`, topic, adminIdList: [], memberIdList: [BOT_ID, member.id] });
    return { room, member };
  });
}

export interface LoadResult {
  messages: number;
  seconds: number;
  /** per message, ms */
  latencies: number[];
}

/** The warm-up groups first (unmeasured), then the measured ones, all at once. */
export async function warmThenDrive(puppet: PuppetMock, mocker: mock.Mocker, topics: readonly string[]): Promise<LoadResult> {
  const groups = createGroups(mocker, topics);
  await drive(puppet, mocker, groups.slice(0, WARM_UP));
  return drive(puppet, mocker, groups.slice(WARM_UP));
}

/** Every group sends the script at once; resolves when every group has its last reply. */
export function drive(puppet: PuppetMock, mocker: mock.Mocker, groups: readonly Group[], timeoutMs = 600_000): Promise<LoadResult> {
  const state = new Map(groups.map((group) => [group.room.id, { group, next: 0, sentAt: 0 }]));
  const latencies: number[] = [];
  let finished = 0;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the load did not finish in ${timeoutMs / 1000} s: ${finished} of ${groups.length} groups done`)),
      timeoutMs,
    );
    const send = (entry: { group: Group; next: number; sentAt: number }) => {
      entry.sentAt = performance.now();
      entry.group.member.say(SCRIPT[entry.next]!).to(entry.group.room);
      entry.next += 1;
    };
    const onMessage = ({ messageId }: { messageId: string }) => {
      const payload = mocker.cacheMessagePayload.get(messageId);
      if (!payload || payload.talkerId !== BOT_ID || !payload.roomId) return;
      const entry = state.get(payload.roomId);
      if (!entry) return;
      latencies.push(performance.now() - entry.sentAt);
      if (entry.next < SCRIPT.length) {
        setImmediate(() => send(entry));
        return;
      }
      finished += 1;
      if (finished === groups.length) {
        clearTimeout(timer);
        puppet.off('message', onMessage);
        resolve({ messages: latencies.length, seconds: (performance.now() - started) / 1000, latencies });
      }
    };
    puppet.on('message', onMessage);
    for (const entry of state.values()) send(entry);
  });
}

/** The peak resident memory of the process, sampled while `work` runs. */
export async function peakRss<T>(work: () => Promise<T>): Promise<{ value: T; peakMb: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  try {
    const value = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { value, peakMb: peak / 1024 / 1024 };
  } finally {
    clearInterval(timer);
  }
}

export function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

/** What a side prints, as one JSON line, for the parent to put in the table. */
export interface SideResult {
  side: 'floor' | 'bot';
  groups: number;
  messages: number;
  perSecond: number;
  p50: number;
  p99: number;
  peakMb: number;
  startMs: number;
}

export function summary(side: SideResult['side'], groups: number, result: LoadResult, peakMb: number, startMs: number): SideResult {
  const sorted = [...result.latencies].sort((a, b) => a - b);
  return {
    side,
    groups,
    messages: result.messages,
    perSecond: result.messages / result.seconds,
    p50: quantile(sorted, 0.5),
    p99: quantile(sorted, 0.99),
    peakMb,
    startMs,
  };
}
