// A group's conversation with the bot, one message at a time: who may speak, which form runs, and the
// load → transition → save → reply cycle. Knows nothing of WeChat or SQL: storage and the clock come in.
import type { Campaign, Form } from '../campaign/schema.js';
import { acceptsSubmission, deadlineOf, formsFor } from '../campaign/forms.js';
import { fill } from '../campaign/text.js';
import { formatDate, formatDateTime, formatTimeLeft } from '../campaign/time.js';
import { numberReply, parseInput, type CommandEvent, type TextEvent } from './commands.js';
import type { FormEvent } from './machine.js';
import { GroupBinding } from './binding.js';
import {
  createRuntime,
  currentQuestion,
  restoreSnapshot,
  startForm,
  stepForm,
  type FormRuntime,
  type Step,
} from './engine.js';
import { formStatus, progressLines, renderAll } from './render.js';
import { checkMedia } from './answers.js';
import { mediaFieldAt, pasteOrText } from './form-events.js';
import { answersOf, REGISTRATION_FORM_ID, registrationForm, suggestionsFor } from './form-start.js';
import type { Say } from './say.js';
import type { ConversationStore, SessionRecord, UnitRecord } from './store.js';

export type MessageKind = 'text' | 'image' | 'sticker' | 'voice' | 'video' | 'file' | 'other';

export interface IncomingMessage {
  id: string;
  roomId: string;
  roomTopic: string | null;
  senderId: string;
  senderName: string;
  kind: MessageKind;
  /** the text without any @-mention of the bot */
  text: string;
  /** the message @-mentions the bot */
  mentioned: boolean;
  /** the names of the group's members, asked only when binding needs them */
  roomMembers?: () => Promise<string[]>;
  /** the picture or file of a non-text message, read only when a form asks for one */
  file?: () => Promise<{ name: string; mime: string; data: Buffer }>;
}

export { REGISTRATION_FORM_ID };

export interface SessionOptions {
  campaign: Campaign;
  store: ConversationStore;
  now: () => Date;
  /** tells the admins something they must act on (sent to them privately) */
  notifyAdmins?: (text: string) => void;
}

type Input = CommandEvent | TextEvent | { type: 'nonText' };

/** Commands anyone in the group may use while someone else is filling in the form. */
const OPEN_TO_ALL = new Set(['cmd.takeover', 'cmd.progress', 'cmd.help']);

export class GroupConversations {
  private readonly campaign: Campaign;
  private readonly store: ConversationStore;
  private readonly now: () => Date;
  private readonly runtimes = new Map<string, FormRuntime>();
  private readonly registration: Form;
  private readonly binding: GroupBinding;
  private readonly notifyAdmins: (text: string) => void;
  /** the names 填报 may ask a form by: short titles and ids */
  private readonly formNames: string[];
  /** room ids already looked for among the bound groups since start */
  private readonly refindTried = new Set<string>();

  constructor(options: SessionOptions) {
    this.campaign = options.campaign;
    this.store = options.store;
    this.now = options.now;
    this.registration = registrationForm(options.campaign);
    this.binding = new GroupBinding(options.campaign, options.store, options.now);
    this.notifyAdmins = options.notifyAdmins ?? (() => {});
    this.formNames = options.campaign.forms.flatMap((form) => [form.shortTitle, form.id]);
  }

  /** Handles one group message; returns the replies to send, in order (none when the bot stays silent). */
  async handle(message: IncomingMessage): Promise<string[]> {
    if (await this.store.isProcessed(message.id)) return [];
    let unit = await this.store.unitOfRoom(message.roomId);
    if (!unit && !this.refindTried.has(message.roomId)) {
      this.refindTried.add(message.roomId);
      const found = await this.binding.refind(message);
      if (found.adminNote) this.notifyAdmins(found.adminNote);
      if (found.moved) unit = await this.store.unitOfRoom(message.roomId);
    }
    const session = await this.store.session(message.roomId);
    const form = session ? this.formById(session.formId) : unit ? this.defaultForm(unit) : undefined;
    const input: Input =
      message.kind === 'text' ? parseInput(message.text, this.campaign.commands, form, this.formNames) : { type: 'nonText' };
    const reply = session && form
      ? await this.inSession(message, input, session, form, unit)
      : await this.idle(message, input, unit);
    return reply === undefined ? [] : [reply];
  }

  /**
   * The bot was added to a group: a group without a unit is offered the roster unit named like it, or
   * told how to bind; a group already bound hears nothing.
   */
  async joined(room: { roomId: string; roomTopic: string | null; roomMembers?: () => Promise<string[]> }): Promise<string | undefined> {
    if (await this.store.unitOfRoom(room.roomId)) return undefined;
    const at = this.now();
    const message = { ...room, senderId: 'system', mentioned: false };
    const decision = await this.binding.decide(message, { type: 'cmd.start' });
    if (decision?.kind !== 'reply') return fill(this.campaign.messages.mentionIdle, { bot: this.campaign.botName });
    await this.store.commit({
      messageId: `joined:${room.roomId}:${at.getTime()}`,
      roomId: room.roomId,
      actor: 'system',
      at,
      ...(decision.offer !== undefined ? { offer: decision.offer } : {}),
    });
    return decision.text;
  }

  /** The sentence to send when handling a message failed unexpectedly. */
  get internalError(): string {
    return this.campaign.messages.internalError;
  }

  // ---- no conversation open in the group ----

  private async idle(message: IncomingMessage, input: Input, unit: UnitRecord | null): Promise<string | undefined> {
    const m = this.campaign.messages;
    if (!unit) {
      const decision = await this.binding.decide(message, input);
      switch (decision?.kind) {
        case 'reply':
          await this.store.commit({ ...this.base(message), ...(decision.offer !== undefined ? { offer: decision.offer } : {}) });
          return decision.text;
        case 'bound':
          return this.open(message, decision.unit, 'start', [decision.text]);
        case 'register':
          return this.askForUnit(message);
      }
    }
    if (unit) {
      const chosen = await this.chosenForm(message, input, unit);
      if (chosen !== undefined) return chosen;
    }
    switch (input.type) {
      case 'cmd.start':
        if (unit) return this.start(message, unit, input.form);
        break;
      case 'cmd.bind':
        if (unit) return this.answerOnly(message, fill(m.alreadyBound, { unit: unit.name }));
        break;
      case 'cmd.edit':
        // 修改 after submitting reopens the form; "修改 2" also goes straight to item 2.
        if (unit) return this.open(message, unit, 'reopen', [], input.target.kind === 'none' ? undefined : input);
        break;
      case 'cmd.progress':
        return this.answerOnly(message, unit ? await this.progressText(unit) : m.progressUnbound);
      case 'cmd.help':
        return this.answerOnly(message, m.helpIdle);
    }
    // Ordinary chatter in the group is none of the bot's business, unless someone speaks to it.
    if (!message.mentioned) return undefined;
    return this.answerOnly(message, fill(m.mentionIdle, { bot: this.campaign.botName }));
  }

  private async askForUnit(message: IncomingMessage): Promise<string> {
    const runtime = this.runtime(this.registration);
    const step = startForm(runtime, {});
    await this.store.commit({
      ...this.base(message),
      session: this.record(message, null, runtime, step, message.senderId, message.senderName),
    });
    return this.render(step.says, this.registration, '');
  }

  /** 填报: the form asked for by name, the only form the unit fills, or a numbered choice of several. */
  private async start(message: IncomingMessage, unit: UnitRecord, asked?: string): Promise<string> {
    const m = this.campaign.messages;
    const forms = formsFor(this.campaign, unit);
    const names = forms.map((form) => form.shortTitle).join(this.campaign.formats.listSeparator);
    if (asked !== undefined) {
      const form = this.campaign.forms.find((f) => f.shortTitle === asked || f.id === asked);
      if (form && forms.includes(form)) return this.open(message, unit, 'start', [], undefined, form);
      if (forms.length === 0) return this.answerOnly(message, fill(m.noFormForUnit, { unit: unit.name }));
      return this.answerOnly(message, fill(m.formNotForUnit, { unit: unit.name, form: form?.shortTitle ?? asked, forms: names }));
    }
    if (forms.length <= 1) return this.open(message, unit, 'start');
    const list: string[] = [];
    for (const [i, form] of forms.entries()) {
      const status = progressLines(this.campaign, form, formStatus(await this.store.submission(unit.id, form.id)), this.now())[0]!;
      list.push(fill(m.chooseFormLine, { n: i + 1, status }));
    }
    await this.store.commit({ ...this.base(message), formOffer: { formIds: forms.map((form) => form.id), offeredBy: message.senderId } });
    return fill(m.chooseForm, { list: list.join('\n'), example: forms[0]!.shortTitle });
  }

  /** A number replied to the list of forms opens that form; 取消 withdraws the list. Undefined: not a choice. */
  private async chosenForm(message: IncomingMessage, input: Input, unit: UnitRecord): Promise<string | undefined> {
    const n = numberReply(input);
    if (n === undefined && input.type !== 'cmd.cancel') return undefined;
    const offer = await this.store.formOffer(message.roomId);
    if (!offer) return undefined;
    if (input.type === 'cmd.cancel') {
      await this.store.commit({ ...this.base(message), formOffer: null });
      return this.campaign.messages.cancelled;
    }
    const form = n !== undefined ? this.formById(offer.formIds[n - 1] ?? '') : undefined;
    if (!form) return this.start(message, unit);
    return this.open(message, unit, 'start', [], undefined, form);
  }

  /**
   * Opens the unit's form in the group: a fresh start, a resume from the saved draft, or (after 修改) a
   * submitted form reopened for changes. `then` is applied right away, as "修改 2" asks.
   */
  private async open(
    message: IncomingMessage,
    unit: UnitRecord,
    how: 'start' | 'reopen',
    prefix: string[] = [],
    then?: CommandEvent,
    chosen?: Form,
  ): Promise<string> {
    const m = this.campaign.messages;
    const form = chosen ?? (how === 'reopen' ? await this.submittedForm(unit) : this.defaultForm(unit));
    if (!form) return this.answerOnly(message, fill(m.noFormForUnit, { unit: unit.name }));
    const saved = await this.store.submission(unit.id, form.id);
    const vars = { form: form.shortTitle, unit: unit.name };
    const hasAnswers = saved !== null && Object.keys(saved.answers).length > 0;

    if (how === 'reopen' && !hasAnswers) return this.answerOnly(message, fill(m.nothingToReopen, vars));
    if (how === 'start' && saved?.status === 'submitted') {
      const time = formatDateTime(saved.submittedAt ?? this.now(), this.campaign.timezone, this.campaign.formats);
      return this.answerOnly(message, [...prefix, fill(m.alreadySubmitted, { ...vars, time, version: saved.version })].join('\n'));
    }
    if (!acceptsSubmission(this.campaign, form, this.now())) {
      return this.answerOnly(message, [...prefix, this.closedText(m.greetingClosed, form)].join('\n'));
    }
    const reopening = saved?.status === 'submitted';
    const lines = [...prefix];
    if (reopening) lines.push(fill(m.reopened, vars));
    else {
      lines.push(this.greeting(form, unit));
      if (hasAnswers) lines.push(fill(m.resumed, vars));
    }

    const runtime = this.runtime(form);
    let step = startForm(runtime, saved?.answers ?? {}, suggestionsFor(form, unit));
    if (then) {
      const next = stepForm(runtime, step.snapshot, then);
      step = { ...next, says: next.says };
    }
    await this.store.commit({
      ...this.base(message),
      session: this.record(message, unit.id, runtime, step, message.senderId, message.senderName),
      formOffer: null,
      ...(reopening ? { reopen: { unitId: unit.id, formId: form.id } } : {}),
    });
    lines.push(this.render(step.says, form, unit.name));
    return lines.filter((line) => line !== '').join('\n');
  }

  // ---- a conversation is open ----

  private async inSession(
    message: IncomingMessage,
    input: Input,
    session: SessionRecord,
    form: Form,
    unit: UnitRecord | null,
  ): Promise<string | undefined> {
    const m = this.campaign.messages;
    const isOwner = message.senderId === session.ownerId;
    // Other members talk among themselves; only the owner, or someone who @-mentions the bot, is answered.
    if (!isOwner && !message.mentioned && !OPEN_TO_ALL.has(input.type)) return undefined;

    const runtime = this.runtime(form);
    const unitName = unit?.name ?? '';
    const snapshot = session.machineVersion === runtime.version ? restoreSnapshot(runtime, session.snapshot) : undefined;
    if (!snapshot) {
      // The form changed since this conversation was stored (or the snapshot is unreadable): carry on from
      // the saved answers instead; the message that arrived is answered with the question it should answer.
      const saved = unit ? await this.store.submission(unit.id, form.id) : null;
      const step = startForm(runtime, saved?.answers ?? answersOf(session.snapshot), unit ? suggestionsFor(form, unit) : {});
      await this.store.commit({ ...this.base(message), session: this.record(message, session.unitId, runtime, step, session.ownerId, session.ownerName) });
      return [m.resumedAfterUpdate, this.render(step.says, form, unitName)].join('\n');
    }

    let event: FormEvent | undefined;
    if (input.type === 'nonText') {
      const media = mediaFieldAt(form, snapshot.context.at);
      if (!media || !message.file || !unit) {
        return this.answerOnly(message, [m.nonText, this.render([currentQuestion(snapshot)], form, unitName)].join('\n'));
      }
      const file = await message.file();
      const problem = checkMedia(media, { name: file.name, mime: file.mime, size: file.data.length });
      if (problem) {
        const say: Say = { kind: 'problem', at: snapshot.context.at, problem };
        return this.answerOnly(message, this.render([say, currentQuestion(snapshot)], form, unitName));
      }
      const kept = await this.store.saveMedia({ unitId: unit.id, formId: form.id, roomId: message.roomId, ...file, actor: message.senderId, at: this.now() });
      event = { type: 'user.media', value: fill(m.mediaName, { name: file.name, id: kept.id }) };
    }

    let owner = { id: session.ownerId, name: session.ownerName };
    const prefix: string[] = [];
    if (input.type === 'cmd.takeover' && !isOwner) {
      owner = { id: message.senderId, name: message.senderName };
      prefix.push(fill(m.takenOver, { name: message.senderName }));
    }
    if (input.type === 'cmd.start' && !isOwner) {
      prefix.push(fill(m.alreadyRunning, { owner: session.ownerName, form: form.shortTitle }));
    }
    if (input.type === 'cmd.bind' && unit) {
      const text = fill(m.alreadyBound, { unit: unit.name });
      return this.answerOnly(message, [text, this.render([currentQuestion(snapshot)], form, unitName)].join('\n'));
    }
    if (input.type === 'cmd.progress') {
      // 进度 during a form shows all of the unit's forms, then the current question; a group still being
      // registered has no unit to report on yet.
      const text = unit ? await this.progressText(unit) : m.progressUnbound;
      return this.answerOnly(message, [text, this.render([currentQuestion(snapshot)], form, unitName)].join('\n'));
    }

    const step = stepForm(runtime, snapshot, event ?? pasteOrText(this.campaign, input as CommandEvent | TextEvent, snapshot, form));
    const reply = [...prefix, this.render(step.says, form, unitName)];

    if (form.id === REGISTRATION_FORM_ID) return this.finishRegistration(message, session, runtime, step, reply);

    const unitId = session.unitId!;
    const draft = { unitId, formId: form.id, answers: step.answers };
    switch (step.outcome) {
      // A form without a review step is handed in when its last question is answered (the brief: 完成).
      case 'done':
      case 'submitted': {
        const at = this.now();
        if (!acceptsSubmission(this.campaign, form, at)) {
          // The answers are kept; the conversation stays where it was, short of handing in.
          await this.store.commit({ ...this.base(message), draft });
          return this.closedText(m.submitClosed, form);
        }
        const late = at.getTime() > deadlineOf(this.campaign, form).getTime();
        await this.store.commit({ ...this.base(message), session: null, draft, submit: { ...draft, late } });
        const time = formatDateTime(at, this.campaign.timezone, this.campaign.formats);
        reply.push(fill(late ? m.submittedLate : m.submitted, { time }));
        break;
      }
      case 'cancelled':
        await this.store.commit({ ...this.base(message), session: null, draft });
        break;
      case 'active':
        await this.store.commit({ ...this.base(message), session: this.record(message, unitId, runtime, step, owner.id, owner.name), draft });
        break;
    }
    return reply.filter((line) => line !== '').join('\n');
  }

  private async finishRegistration(
    message: IncomingMessage,
    session: SessionRecord,
    runtime: FormRuntime,
    step: Step,
    reply: string[],
  ): Promise<string> {
    if (step.outcome === 'active') {
      await this.store.commit({
        ...this.base(message),
        session: this.record(message, null, runtime, step, session.ownerId, session.ownerName),
      });
      return reply.join('\n');
    }
    if (step.outcome === 'cancelled') {
      await this.store.commit({ ...this.base(message), session: null });
      return reply.join('\n');
    }
    const name = step.answers[this.campaign.registration.id];
    const unit = await this.store.registerUnit({
      roomId: message.roomId,
      roomTopic: message.roomTopic,
      members: (await message.roomMembers?.()) ?? [],
      name: typeof name === 'string' ? name : '',
      actor: message.senderId,
      at: this.now(),
    });
    const registered = fill(this.campaign.messages.unitRegistered, { unit: unit.name });
    return this.open(message, unit, 'start', [registered]);
  }

  // ---- helpers ----



  private async answerOnly(message: IncomingMessage, text: string): Promise<string> {
    await this.store.commit(this.base(message));
    return text;
  }

  private base(message: IncomingMessage) {
    return { messageId: message.id, roomId: message.roomId, actor: message.senderId, at: this.now() };
  }

  private record(
    message: IncomingMessage,
    unitId: number | null,
    runtime: FormRuntime,
    step: Step,
    ownerId: string,
    ownerName: string,
  ): SessionRecord {
    return {
      roomId: message.roomId,
      unitId,
      formId: runtime.form.id,
      ownerId,
      ownerName,
      machineVersion: runtime.version,
      snapshot: step.persisted,
    };
  }

  private greeting(form: Form, unit: UnitRecord): string {
    const { campaign } = this;
    const now = this.now();
    const deadline = deadlineOf(campaign, form);
    return fill(now > deadline ? campaign.messages.greetingLate : campaign.messages.greeting, {
      campaign: campaign.title,
      form: form.title,
      unit: unit.name,
      requirements: form.requirements,
      deadline: formatDate(deadline, campaign.timezone, campaign.formats),
      timeLeft: formatTimeLeft(deadline, now, campaign.formats),
    });
  }

  private closedText(template: string, form: Form): string {
    const deadline = deadlineOf(this.campaign, form);
    return fill(template, { form: form.shortTitle, deadline: formatDate(deadline, this.campaign.timezone, this.campaign.formats) });
  }

  private async progressText(unit: UnitRecord): Promise<string> {
    const lines = [fill(this.campaign.messages.progressHeader, { unit: unit.name })];
    for (const form of formsFor(this.campaign, unit)) {
      const saved = await this.store.submission(unit.id, form.id);
      lines.push(...progressLines(this.campaign, form, formStatus(saved), this.now()));
    }
    return lines.join('\n');
  }

  private render(says: readonly Say[], form: Form, unitName: string): string {
    return renderAll(says, { campaign: this.campaign, form, now: this.now(), unitName });
  }

  private runtime(form: Form): FormRuntime {
    let runtime = this.runtimes.get(form.id);
    if (!runtime) {
      runtime = createRuntime(this.campaign, form);
      this.runtimes.set(form.id, runtime);
    }
    return runtime;
  }

  private formById(formId: string): Form | undefined {
    if (formId === REGISTRATION_FORM_ID) return this.registration;
    return this.campaign.forms.find((form) => form.id === formId);
  }

  /** The form a group's 填报 opens when the unit fills only one (or the first of several). */
  private defaultForm(unit: UnitRecord): Form | undefined {
    return formsFor(this.campaign, unit)[0];
  }

  /** The form 修改 reopens: the first the unit has submitted, else the first it fills. */
  private async submittedForm(unit: UnitRecord): Promise<Form | undefined> {
    for (const form of formsFor(this.campaign, unit)) {
      if ((await this.store.submission(unit.id, form.id))?.status === 'submitted') return form;
    }
    return this.defaultForm(unit);
  }
}
