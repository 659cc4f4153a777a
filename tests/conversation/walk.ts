// The random walk behind the model tests: a group at a time, mixing commands, valid and invalid answers,
// several lines at once, pictures and files, other members' chatter, restarts and kills between writes.
// In every state reached:
// - the stored state restores;
// - 进度 tells the truth about every form (as the stored submissions say) and 帮助 lists the commands;
// - 取消 leaves a state that 填报 resumes;
// - 填报 X opens X (or says why it cannot), keeping every other form's answers;
// - 指南 shows the guide and leaves the group where it stood;
// - nothing throws.
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { formsFor } from '../../src/campaign/forms.js';
import { guideText } from '../../src/campaign/guide.js';
import { loadCampaign } from '../../src/files/campaign.js';
import { parseCampaign } from '../../src/campaign/parse.js';
import type { Campaign, Form } from '../../src/campaign/schema.js';
import { parseInput } from '../../src/conversation/commands.js';
import { createEngine, formState, openForm, questionAt, type GroupEngine, type GroupSnapshot } from '../../src/conversation/engine.js';
import { readText } from '../../src/conversation/form-events.js';
import type { GroupEvent, UnitProfile } from '../../src/conversation/group-types.js';
import { renderAll } from '../../src/conversation/render.js';
import { GroupConversations, type IncomingMessage } from '../../src/conversation/session.js';
import { seeded } from '../../scripts/seeded.js';
import { MemoryStore } from '../support/memory-store.js';
import { fileBytes } from '../support/file-bytes.js';
import { groupMessage } from '../support/group-message.js';
import { checkSays, type SentenceKey, sentenceOf } from '../support/says.js';

/** Steps per walk: at least 10,000 per form; WALK_STEPS shortens them while working on the machine. */
export const STEPS = Number(process.env.WALK_STEPS ?? 10_000);
export const campaign2021 = loadCampaign(fileURLToPath(new URL('../../conversations', import.meta.url)));
export const campaign2022 = loadCampaign(fileURLToPath(new URL('../fixtures/campaign-2022', import.meta.url)));
export const refusing = parseCampaign({ ...structuredClone(campaign2021), lateSubmissions: 'refuse' }, 'refusing');

const HAN = '青年文明号服务群众便民利民热情周到窗口志愿引导乘客安心出行岗位开放日温馨高效规范';

export class Walk {
  readonly store = new MemoryStore();
  readonly engine: GroupEngine;
  readonly unit: UnitProfile;
  private conv: GroupConversations;
  private now: number;
  private next = 0;
  readonly seen = new Set<string>();
  private readonly forms: Form[];

  constructor(
    readonly campaign: Campaign,
    readonly focus: Form,
    kind: UnitProfile['kind'],
    readonly rnd: () => number,
  ) {
    this.engine = createEngine(campaign);
    this.unit = this.store.addUnit('room', '测试单位青年文明号', { kind, categories: kind === 'collective' ? ['national20'] : [], city: '广州市' });
    this.forms = formsFor(campaign, this.unit);
    this.now = Math.min(...campaign.forms.map((form) => Date.parse(`${form.deadline.replace(' ', 'T')}:00+08:00`))) - 10 * 86_400_000;
    this.conv = this.restart();
  }

  restart(): GroupConversations {
    this.conv = new GroupConversations({ campaign: this.campaign, store: this.store, now: () => new Date(this.now) });
    return this.conv;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.rnd() * items.length)]!;
  }

  han(min: number, max: number): string {
    const length = min + Math.floor(this.rnd() * (max - min + 1));
    let text = `${++this.next}`;
    while ([...text].length < length) text += HAN[Math.floor(this.rnd() * HAN.length)];
    return text;
  }

  /** The stored state, restored: what a restart would load. */
  snapshot(): GroupSnapshot {
    const row = this.store.rooms.get('room')!;
    if (row.state === null) return this.engine.initial();
    const snapshot = this.engine.restore(structuredClone(row.state));
    if (!snapshot) throw new Error(`the stored state does not restore: ${JSON.stringify(row.state).slice(0, 300)}`);
    return snapshot;
  }

  message(text: string, extra: Partial<IncomingMessage> = {}): IncomingMessage {
    return groupMessage({ roomId: 'room', topic: '测试群' }, text, 'u1', extra);
  }

  async send(message: IncomingMessage): Promise<string[]> {
    return this.conv.handle(message);
  }

  /** A text that answers the question where the group stands, as a careful member would. */
  answer(snapshot: GroupSnapshot): IncomingMessage {
    const at = questionAt(snapshot);
    // A list of forms to choose from (填报 or 修改 with several): a number from it.
    const choices = snapshot.context.choices.length;
    if (!at && choices > 0) return this.message(String(1 + Math.floor(this.rnd() * choices)));
    if (!at || at.kind === 'registration') return this.message(this.rnd() < 0.5 ? '填报' : `填报 ${this.focus.shortTitle}`);
    const form = this.campaign.forms.find((f) => f.id === at.form)!;
    switch (at.kind) {
      case 'review':
        return this.message('确认');
      case 'pasted':
        return this.message(this.pick(['确认', '取消']));
      case 'more':
        return this.message(this.pick(['继续', '完成', '完成']));
      // The brief's one question: any one of a link (typed or a card), a file or a written 简报, or 完成.
      case 'materials':
        return this.pick([
          this.message(`https://mp.weixin.qq.com/s/${++this.next}`),
          this.message('', { kind: 'link', link: { url: `https://mp.weixin.qq.com/s/card${++this.next}`, title: '推文' } }),
          this.message('', {
            kind: 'file',
            file: async () => ({ name: `简报${this.next++}.doc`, mime: 'application/msword', data: fileBytes('application/msword', 2048) }),
          }),
          this.message(this.han(100, 140)),
          this.message(this.han(10, 40)),
          this.message('完成'),
          this.message('完成'),
        ]);
      case 'field':
      case 'entry': {
        const top = form.fields.find((f) => f.id === at.field)!;
        const field = top.kind === 'list' ? top.fields.find((f) => f.id === (at.kind === 'entry' ? at.sub : ''))! : top;
        switch (field.kind) {
          case 'text':
            return this.message(this.han(field.minChars, Math.min(field.maxChars, field.minChars + 20)));
          case 'choice':
            return this.message(String(1 + Math.floor(this.rnd() * (this.campaign.choiceSets[field.choices]?.length ?? 1))));
          case 'url':
            return this.message(`https://mp.weixin.qq.com/s/${++this.next}`);
          case 'media':
            return this.message('', {
              kind: 'image',
              file: async () => ({ name: `现场${this.next++}.jpg`, mime: 'image/jpeg', data: fileBytes('image/jpeg', 2048) }),
            });
        }
      }
    }
  }

  /** Anything a careless group might send. */
  anything(snapshot: GroupSnapshot): IncomingMessage | 'restart' | 'kill' | 'later' | 'chatter' {
    const r = this.rnd();
    if (r < 0.3) return this.answer(snapshot);
    if (r < 0.4) {
      return this.pick([
        this.message(this.pick(['好', '😀😀😀', '   ', '。。。', this.han(120, 160), '', '随便说一句', '0', '9', 'http//x'])),
        this.message(this.pick(['这里写什么？', '稍等', '收到', '好的，我写一下', '谢谢', '服务承诺是什么', '👍', '是', '不是'])),
        this.message(`@王强 ${this.han(6, 12)}`, { mentionsOthers: true }),
      ]);
    }
    if (r < 0.45)
      return this.message(
        this.pick([
          `1. ${this.han(8, 20)}\n2. ${this.han(8, 20)}\n3. ${this.han(8, 20)}`,
          `${this.han(5, 9)}\n${this.han(5, 9)}`,
          `服务承诺：${this.han(8, 20)}\n1. ${this.han(8, 20)}（其他）`,
        ]),
      );
    if (r < 0.5) {
      return this.pick([
        this.message('', { kind: 'image', file: async () => ({ name: 'a.jpg', mime: 'image/jpeg', data: fileBytes('image/jpeg', 100) }) }),
        this.message('', {
          kind: 'file',
          file: async () => ({ name: 'a.exe', mime: 'application/x-msdownload', data: fileBytes('application/x-msdownload', 100) }),
        }),
        this.message('', { kind: 'sticker' }),
        this.message('', { kind: 'voice' }),
      ]);
    }
    if (r < 0.9) {
      const field = this.pick(this.focus.fields);
      return this.message(
        this.pick([
          '填报',
          `填报 ${this.focus.shortTitle}`,
          `填报 ${this.pick(this.campaign.forms).shortTitle}`,
          '修改',
          `修改 ${1 + Math.floor(this.rnd() * 5)}`,
          `修改 ${field.editWords[0] ?? field.label}`,
          '上一步',
          '取消',
          '完成',
          '确认',
          '继续',
          `删除 ${1 + Math.floor(this.rnd() * 5)}`,
          '删除',
          '进度',
          '帮助',
          '/什么',
          '绑定 别的单位',
        ]),
        this.rnd() < 0.1 ? { mentioned: true } : {},
      );
    }
    // 王强 takes the form over, or 李华 (who sends the rest) takes it back.
    if (r < 0.93) return this.rnd() < 0.5 ? this.message('接管', { senderId: 'u2', senderName: '王强' }) : this.message('接管');
    if (r < 0.95) return 'chatter';
    if (r < 0.975) return 'restart';
    if (r < 0.99) return 'kill';
    return 'later';
  }

  /** What a command does on this state, without storing anything. */
  probe(snapshot: GroupSnapshot, text: string): { snapshot: GroupSnapshot; reply: string } {
    const open = openForm(snapshot, this.campaign);
    const form = open ? this.campaign.forms.find((f) => f.id === open) : undefined;
    const input = parseInput(
      text,
      this.campaign.commands,
      form,
      this.campaign.forms.flatMap((f) => [f.shortTitle, f.id]),
    );
    const event = {
      ...readText(this.campaign, input, questionAt(snapshot), form, {}, false),
      at: this.now,
      by: { id: 'u1', name: '李华' },
      mentioned: false,
    } as GroupEvent;
    const step = this.engine.step(snapshot, event);
    return { snapshot: step.snapshot, reply: renderAll(step.says, { campaign: this.campaign, now: new Date(this.now), snapshot: step.snapshot }) };
  }

  /** Whether a reply to 填报 says why the form did not open: it was handed in, or it is closed. */
  refuses(reply: string): boolean {
    const why: SentenceKey[] = ['alreadySubmitted', 'greetingClosed', 'submitClosed'];
    return why.some((key) => checkSays(reply, key, {}, this.campaign).pass);
  }

  /** The invariants, in the state the group stands in now. */
  check(step: number): void {
    const snapshot = this.snapshot();
    const m = this.campaign.messages;
    const where = `step ${step}, ${JSON.stringify(snapshot.value)}`;
    this.seen.add(JSON.stringify(snapshot.value));

    // The stored answers are the group's answers.
    for (const form of this.forms) {
      const stored = this.store.submissions.get(`${this.unit.id}:${form.id}`)?.answers ?? {};
      expect(snapshot.context.forms[form.id]?.answers ?? {}, where).toEqual(stored);
    }

    // 进度 tells the truth about every form the unit fills: a line for each, the sentence of its state.
    const progress = this.probe(snapshot, '进度').reply;
    expect(progress.startsWith(sentenceOf('progressHeader', { unit: this.unit.name }, this.campaign)), where).toBe(true);
    for (const form of this.forms) {
      const saved = this.store.submissions.get(`${this.unit.id}:${form.id}`);
      const state =
        saved?.status === 'submitted'
          ? saved.late
            ? 'progressSubmittedLate'
            : 'progressSubmitted'
          : saved?.status === 'reopened'
            ? 'progressReopened'
            : saved && Object.keys(saved.answers).length > 0
              ? 'progressDraft'
              : 'progressNotStarted';
      // A form may word its handed-in line its own way (the brief names what it holds, not a count).
      const own = (state === 'progressSubmitted' || state === 'progressSubmittedLate') && form.hints?.[state];
      const key: SentenceKey = own ? `form:${form.id}.hints.${state}` : state;
      const line = progress.split('\n').find((l) => checkSays(l, key, { form: form.shortTitle }, this.campaign).pass);
      expect(line, `${where}: no 进度 line saying ${key} for ${form.shortTitle} in ${progress}`).toBeDefined();
      expect(formState(snapshot, form.id) === 'reopened', where).toBe(saved?.status === 'reopened');
    }

    // 帮助 lists the commands, for a form if one is open.
    const open = openForm(snapshot, this.campaign);
    const help = open ? (this.campaign.forms.find((f) => f.id === open)!.hints?.help ?? m.helpForm) : m.helpIdle;
    expect(this.probe(snapshot, '帮助').reply.startsWith(help), where).toBe(true);

    // 指南 shows the guide and changes nothing: the group stands where it stood, with the same answers.
    const guided = this.probe(snapshot, '指南');
    expect(guided.snapshot.value, where).toEqual(snapshot.value);
    expect(guided.snapshot.context.forms, where).toEqual(snapshot.context.forms);
    expect(guided.reply.startsWith(guideText(this.campaign)), where).toBe(true);

    // 取消 leaves a state that 填报 resumes (取消 of a pasted list drops the paste and stays in the form).
    if (open) {
      const cancelled = this.probe(snapshot, '取消').snapshot;
      const pasted = questionAt(snapshot)?.kind === 'pasted';
      expect(openForm(cancelled, this.campaign), where).toBe(pasted ? open : null);
      const resumed = this.probe(cancelled, `填报 ${this.campaign.forms.find((f) => f.id === open)!.shortTitle}`);
      const reopenedOrOpen = openForm(resumed.snapshot, this.campaign) === open;
      expect(reopenedOrOpen || this.refuses(resumed.reply), `${where}: 取消 then 填报 gave ${resumed.reply.slice(0, 80)}`).toBe(true);
    }

    // 填报 X opens X, or says it was handed in or is closed; every other form keeps its answers.
    for (const form of this.forms) {
      const opened = this.probe(snapshot, `填报 ${form.shortTitle}`);
      const now = openForm(opened.snapshot, this.campaign);
      const explained = this.refuses(opened.reply);
      expect(
        now === form.id || (now === open && explained) || (now === null && explained),
        `${where}: 填报 ${form.shortTitle} gave ${opened.reply.slice(0, 120)}`,
      ).toBe(true);
      for (const other of this.forms) {
        if (other.id === form.id) continue;
        expect(opened.snapshot.context.forms[other.id]?.answers, where).toEqual(snapshot.context.forms[other.id]?.answers);
      }
    }
  }

  async run(steps: number): Promise<void> {
    await this.send(this.message(`填报 ${this.focus.shortTitle}`));
    for (let step = 1; step <= steps; step += 1) {
      const action = this.anything(this.snapshot());
      if (action === 'restart') {
        this.restart();
      } else if (action === 'later') {
        this.now += (1 + Math.floor(this.rnd() * 3)) * 86_400_000;
      } else if (action === 'chatter') {
        const before = structuredClone(this.store.rooms.get('room'));
        const replies = await this.send(this.message(this.han(6, 12), { senderId: 'u3', senderName: '张敏' }));
        if (openForm(this.snapshot(), this.campaign)) {
          expect(replies, `step ${step}: a bystander was answered`).toEqual([]);
          expect(this.store.rooms.get('room'), `step ${step}: a bystander changed the state`).toEqual(before);
        }
      } else if (action === 'kill') {
        // The process dies during the write of the next message: nothing of it is stored, and after the
        // restart the same message is handled as if for the first time.
        const before = structuredClone({ rooms: [...this.store.rooms], submissions: [...this.store.submissions] });
        const message = this.answer(this.snapshot());
        this.store.failing = true;
        const failed = await this.send(message).then(
          () => false,
          () => true,
        );
        this.store.failing = false;
        expect(
          structuredClone({ rooms: [...this.store.rooms], submissions: [...this.store.submissions] }),
          `step ${step}: a failed write left something`,
        ).toEqual(before);
        this.restart();
        if (failed) await this.send(message);
      } else {
        await this.send(action);
      }
      this.check(step);
    }
  }
}

/** Walks `steps` steps through `formId` and checks that the walk went places: filling, reviewing, handed in, reopened. */
export async function walkThrough(campaign: Campaign, formId: string, kind: UnitProfile['kind'], seed: number, steps = STEPS): Promise<void> {
  const form = campaign.forms.find((f) => f.id === formId)!;
  const walk = new Walk(campaign, form, kind, seeded(seed));
  await walk.run(steps);
  const seen = [...walk.seen].join('\n');
  expect(seen).toContain('"focus":"idle"');
  // A form complete with any one of several answers (the brief) is reviewed at its one question.
  expect(seen).toMatch(form.completeWith ? /"materials"/ : /"review"/);
  expect(seen).toMatch(/"submitted"/);
  expect(seen).toMatch(/"reopened"/);
  expect(walk.store.history.length).toBeGreaterThan(0);
}
