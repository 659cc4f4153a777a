// What the person at the terminal does: speak in the current group (or the admin's private chat), switch
// group, member or chat, move the clock. Bot messages are printed as `助手：…`, files the bot sends saved.
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { basename, isAbsolute, join, relative } from 'node:path';
import { FileBox } from 'file-box';
import { types } from 'wechaty';
import type { Campaign } from '../../campaign/index.js';
import { fill } from '../../campaign/index.js';
import { formatDate, formatTimeLeft, parseLocal } from '../../campaign/index.js';
import { type DemoClock, formatClock, parseClockChange } from './clock.js';
import type { BotMessage, MockWorld } from './mock-world.js';
import type { DemoGroup, DemoMember } from './people.js';
import { LineJoiner } from './lines.js';
import { clockMoved, demoTexts, groupLine, labelled, noSuchMember, said } from './texts.js';

export interface SessionOptions {
  world: MockWorld;
  campaign: Campaign;
  groups: readonly DemoGroup[];
  admin: DemoMember;
  clock: DemoClock;
  /** where files the bot sends are saved */
  outDir: string;
  /** writes one or more finished lines */
  print: (text: string) => void;
  /** after a member's message: wait this long for the bot's first reply before printing a note */
  replyTimeoutMs: number;
  /** the bot has answered once no new message came for this long */
  quietMs: number;
  /** echo what is typed (piped input); a terminal shows it already */
  echo: boolean;
  /** runs after the clock moved (the scheduled work), before the demo waits for what the bot says */
  afterClockMove?: () => Promise<void> | void;
}

type Where = { kind: 'group'; group: number; member: number } | { kind: 'admin' };

export class DemoSession {
  private where: Where = { kind: 'group', group: 0, member: 0 };
  private botMessages = 0;
  private readonly waiters = new Set<() => void>();
  private readonly savedNames = new Map<string, number>();
  private savingFiles: Promise<void> = Promise.resolve();
  private readonly lines = new LineJoiner();
  private readonly t = demoTexts();

  constructor(private readonly options: SessionOptions) {
    options.world.onBotMessage((message) => this.onBotMessage(message));
  }

  /** "1 云山区…群 · 李华" or "私聊 · 青发部小周": what the prompt shows. */
  get label(): string {
    if (this.where.kind === 'admin') return `${fill(this.t.privateWith, { name: this.options.campaign.botName })} · ${this.options.admin.name}`;
    const group = this.options.groups[this.where.group]!;
    return `${this.where.group + 1} ${group.topic} · ${group.members[this.where.member]!.name}`;
  }

  /** The lines shown when the demo starts (deterministic for a fixed clock). */
  banner(): string {
    const { campaign, groups, clock } = this.options;
    const lines = [
      fill(this.t.title, { campaign: campaign.title }),
      fill(this.t.clock, { time: this.clockText(clock.now()), zone: campaign.timezone }),
      ...campaign.forms.map((form) => fill(this.t.deadline, { form: form.shortTitle, time: form.deadline })),
      this.t.groupsHeading,
      ...groups.map((group, i) => groupLine(i + 1, group, false)),
      this.t.helpHint,
      '',
      this.whereLine(),
    ];
    return lines.join('\n');
  }

  /** Lines typed so far wait for the rest of their message (after a \\ or inside /paste). */
  get continuing(): boolean {
    return this.lines.open;
  }

  /** Handles one typed line; resolves 'quit' when the person wants to stop. */
  async handle(line: string): Promise<'quit' | undefined> {
    const fed = this.lines.feed(line);
    switch (fed.kind) {
      case 'more':
        return undefined;
      case 'pasting':
        if (this.options.echo) this.options.print('> /paste');
        this.options.print(this.t.pasting);
        return undefined;
      case 'dropped':
        this.options.print(this.t.pasteDropped);
        return undefined;
    }
    // Several lines are one message as they are, even one that starts with a slash.
    if (fed.text.includes('\n')) {
      await this.speak(fed.text.trim());
      return undefined;
    }
    const text = fed.text.trim();
    if (text === '') return undefined;
    if (text.startsWith('/') && !text.startsWith('//')) {
      if (this.options.echo) this.options.print(`> ${text}`);
      return this.command(text);
    }
    await this.speak(text.startsWith('//') ? text.slice(1) : text);
    return undefined;
  }

  /** Resolves once files the bot sent so far are saved. */
  flush(): Promise<void> {
    return this.savingFiles;
  }

  // ---- speaking ----

  private async speak(raw: string): Promise<void> {
    const { world, print, echo } = this.options;
    const mention = raw.startsWith('@');
    const text = mention ? stripMention(raw, world.botName) : raw;
    const speaker = this.speaker();
    const before = this.botMessages;
    if (echo) print(said(speaker.name, mention ? `@${world.botName} ${text}` : text));
    if (speaker.groupId) world.sayInGroup(speaker.groupId, speaker.id, text, mention);
    else world.sayPrivately(speaker.id, text);
    await this.waitForAnswer(before);
  }

  /** The current speaker sends a file from disk (a roster for the admin, a picture for a group). */
  private async sendFile(path: string): Promise<void> {
    const { world, print, echo } = this.options;
    if (path === '' || !existsSync(path) || !statSync(path).isFile()) {
      print(fill(this.t.noSuchFile, { path }));
      return;
    }
    const speaker = this.speaker();
    const before = this.botMessages;
    if (echo) print(said(speaker.name, fill(this.t.sentFile, { name: basename(path) })));
    await world.sendFile(speaker.id, speaker.groupId, FileBox.fromFile(path));
    await this.waitForAnswer(before);
  }

  /** Who speaks now, and where: a group member in a group, or the admin in the private chat. */
  private speaker(): { id: string; name: string; groupId?: string } {
    if (this.where.kind === 'admin') return this.options.admin;
    const group = this.options.groups[this.where.group]!;
    return { ...group.members[this.where.member]!, groupId: group.id };
  }

  private async waitForAnswer(before: number): Promise<void> {
    const { print } = this.options;
    const answered = await this.waitFor(() => this.botMessages > before, this.options.replyTimeoutMs);
    if (!answered) {
      print(fill(this.t.noReply, { seconds: (this.options.replyTimeoutMs / 1000).toString() }));
      return;
    }
    await this.quiet();
  }

  /** Waits until no bot message arrived for quietMs. */
  private async quiet(): Promise<void> {
    let seen = -1;
    while (seen !== this.botMessages) {
      seen = this.botMessages;
      await new Promise((resolve) => setTimeout(resolve, this.options.quietMs));
    }
    await this.flush();
  }

  private waitFor(condition: () => boolean, timeoutMs: number): Promise<boolean> {
    if (condition()) return Promise.resolve(true);
    return new Promise((resolve) => {
      const check = () => {
        if (!condition()) return;
        finish();
        resolve(true);
      };
      const timer = setTimeout(() => {
        finish();
        resolve(false);
      }, timeoutMs);
      const finish = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
    });
  }

  // ---- what the bot says ----

  private onBotMessage(message: BotMessage): void {
    const { print } = this.options;
    const lines: string[] = [];
    const here = this.currentConversationId();
    if (message.conversationId !== here) lines.push(fill(this.t.elsewhere, { where: this.conversationName(message.conversationId) }));
    let body: string;
    if (message.type === types.Message.Text) {
      body = message.text;
    } else if (message.file) {
      const { name, path } = this.fileTarget(message.file.name);
      const file = message.file;
      body = fill(this.t.file, { name, path });
      this.savingFiles = this.savingFiles.then(() =>
        file.toFile(path, true).catch((error: unknown) => {
          print(fill(this.t.fileUnsaved, { name, reason: error instanceof Error ? error.message : String(error) }));
        }),
      );
    } else {
      body = fill(this.t.otherMessage, { type: types.Message[message.type] ?? String(message.type) });
    }
    lines.push(labelled(this.t.botLabel, body));
    print(lines.join('\n'));
    this.botMessages += 1;
    for (const waiter of [...this.waiters]) waiter();
  }

  /** A file name not yet used in this run (名称.xlsx, 名称-2.xlsx, …) and its path, shown relative to here. */
  private fileTarget(original: string): { name: string; path: string } {
    const safe = original.replace(/[/\\]/g, '_') || 'file';
    const count = (this.savedNames.get(safe) ?? 0) + 1;
    this.savedNames.set(safe, count);
    const dot = safe.lastIndexOf('.');
    const name = count === 1 ? safe : dot > 0 ? `${safe.slice(0, dot)}-${count}${safe.slice(dot)}` : `${safe}-${count}`;
    mkdirSync(this.options.outDir, { recursive: true });
    return { name: original, path: displayPath(join(this.options.outDir, name)) };
  }

  private currentConversationId(): string {
    return this.where.kind === 'admin' ? this.options.admin.id : this.options.groups[this.where.group]!.id;
  }

  private conversationName(id: string): string {
    const group = this.options.groups.find((candidate) => candidate.id === id);
    if (group) return group.topic;
    if (id === this.options.admin.id) return fill(this.t.privateWith, { name: this.options.admin.name });
    return id;
  }

  // ---- slash commands ----

  private async command(text: string): Promise<'quit' | undefined> {
    const { print, groups, clock, campaign } = this.options;
    const [name = '', ...rest] = text.split(/\s+/);
    const argument = rest.join(' ');
    switch (name.toLowerCase()) {
      case '/help':
        print(this.t.help);
        return undefined;
      case '/quit':
      case '/exit':
        return 'quit';
      case '/groups':
        print(groups.map((group, i) => groupLine(i + 1, group, this.where.kind === 'group' && this.where.group === i)).join('\n'));
        return undefined;
      case '/group': {
        const n = Number(argument);
        if (!Number.isInteger(n) || n < 1 || n > groups.length) {
          print(fill(this.t.noSuchGroup, { count: groups.length }));
          return undefined;
        }
        this.where = { kind: 'group', group: n - 1, member: 0 };
        print(this.whereLine());
        return undefined;
      }
      case '/who': {
        if (this.where.kind === 'admin') {
          print(this.t.whoInAdminChat);
          return undefined;
        }
        const members = groups[this.where.group]!.members;
        const n = Number(argument);
        if (!Number.isInteger(n) || n < 1 || n > members.length) {
          print(noSuchMember(members));
          return undefined;
        }
        this.where = { ...this.where, member: n - 1 };
        print(this.whereLine());
        return undefined;
      }
      case '/file':
        await this.sendFile(argument);
        return undefined;
      case '/admin':
        this.where = { kind: 'admin' };
        print(this.whereLine());
        return undefined;
      case '/time': {
        if (argument === '') {
          print(fill(this.t.clockNow, { time: this.clockText(clock.now()), zone: campaign.timezone }));
          return undefined;
        }
        const change = parseClockChange(argument, campaign.timezone);
        if (!change) {
          print(this.t.badTime);
          return undefined;
        }
        const before = clock.now().getTime();
        if (change.kind === 'by') clock.moveBy(change.ms);
        else clock.set(change.at);
        print(clockMoved(clock.now().getTime() - before, this.clockText(clock.now()), campaign.timezone));
        print(this.deadlinesLine());
        await this.options.afterClockMove?.();
        await this.quiet();
        return undefined;
      }
      default:
        print(fill(this.t.unknownCommand, { command: name }));
        return undefined;
    }
  }

  /** "附件2截止 9月30日（周四）12:00，还剩1天2小时" for every form. */
  private deadlinesLine(): string {
    const { campaign, clock } = this.options;
    return campaign.forms
      .map((form) => {
        const deadline = parseLocal(form.deadline, campaign.timezone)!;
        return fill(this.t.deadlineLeft, {
          form: form.shortTitle,
          deadline: formatDate(deadline, campaign.timezone, campaign.formats),
          left: formatTimeLeft(deadline, clock.now(), campaign.formats),
        });
      })
      .join('\n');
  }

  private whereLine(): string {
    if (this.where.kind === 'admin') return fill(this.t.inAdminChat, { bot: this.options.campaign.botName, name: this.options.admin.name });
    const group = this.options.groups[this.where.group]!;
    return fill(this.t.inGroup, { n: this.where.group + 1, topic: group.topic, name: group.members[this.where.member]!.name });
  }

  private clockText(at: Date): string {
    return formatClock(at, this.options.campaign.timezone, this.options.campaign.formats.weekdays);
  }
}

/** "@服务月助手 填报", "@ 填报", "@填报" → "填报". */
export function stripMention(text: string, botName: string): string {
  let rest = text.slice(1);
  if (rest.startsWith(botName)) rest = rest.slice(botName.length);
  return rest.trim();
}

/** A path relative to the working folder when it lies inside it, else absolute. */
export function displayPath(path: string): string {
  const inside = relative(process.cwd(), path);
  return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside) ? inside : path;
}
