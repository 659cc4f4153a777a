// Turns what a step of the group machine asked to say into the campaign's Chinese sentences, reading the
// group's unit, forms and question off the snapshot the step ended in. Pure: the clock comes in.
import { choiceMenu, deadlineOf, findForm, formsFor } from '../campaign/index.js';
import { guideMessages, guideText } from '../campaign/index.js';
import type { Campaign, Form } from '../campaign/index.js';
import { excerpt, fill } from '../campaign/index.js';
import { formatDate, formatDateTime, formatTimeLeft } from '../campaign/index.js';
import type { Problem } from './answers.js';
import { formState, openForm, questionAt, type GroupSnapshot } from './engine.js';
import { entriesOf } from './draft.js';
import { missingText, pasteProblemLines, pasteText, progressLines, questionText, savedText, scalarAt, summaryLines, type FormStatus } from './form-text.js';
import { materialsOf } from './materials.js';
import type { At, Say } from './say.js';

export interface RenderContext {
  campaign: Campaign;
  now: Date;
  /** the snapshot the step ended in */
  snapshot: GroupSnapshot;
}

/**
 * The messages answering one message: every say in order, in one message, the question where the group
 * stands once, at its last place. The 填报指南 goes as messages of its own, and what follows it in another.
 */
export function renderReplies(says: readonly Say[], context: RenderContext): string[] {
  const lastAsk = says.map((say) => say.kind).lastIndexOf('ask');
  const replies: string[] = [];
  let lines: string[] = [];
  const flush = () => {
    if (lines.length > 0) replies.push(lines.join('\n'));
    lines = [];
  };
  says.forEach((say, i) => {
    if (say.kind === 'ask' && i !== lastAsk) return;
    if (say.kind === 'guide') {
      flush();
      replies.push(...guideMessages(context.campaign));
      return;
    }
    const text = renderSay(say, context);
    if (text !== '') lines.push(text);
  });
  flush();
  return replies;
}

/** The reply to one message as one text. */
export function renderAll(says: readonly Say[], context: RenderContext): string {
  return renderReplies(says, context).join('\n');
}

export function renderSay(say: Say, context: RenderContext): string {
  const { campaign, now, snapshot } = context;
  const m = campaign.messages;
  const unit = snapshot.context.unit?.name ?? '';
  const form = (id: string): Form => findForm(campaign, id)!;
  switch (say.kind) {
    case 'message':
      return fill(m[say.key], say.vars ?? {});
    case 'ask':
      return question(context);
    case 'problem':
      return problemText(campaign, say.problem, say.at ?? questionAt(snapshot));
    case 'saved':
      return savedText(form(say.form), say.field, say.index, say.answers);
    case 'rule':
      return fill(form(say.form).completeWith?.[say.key] ?? '', say.vars);
    case 'summary':
      return summaryLines(campaign, form(say.form), snapshot.context.forms[say.form]?.answers ?? {}).join('\n');
    case 'missing':
      return fill(m[say.key], { missing: missingText(campaign, form(say.form), say.answers) });
    case 'paste':
      return pasteText(campaign, form(say.form), say.pasted, say.answers);
    case 'pasteRejected':
      return [m.pasteNothing, ...pasteProblemLines(campaign, say.pasted)].join('\n');
    case 'help': {
      const open = openForm(snapshot, campaign);
      return (open ? form(open).hints?.help : undefined) ?? m.helpForm;
    }
    case 'guide':
      return guideText(campaign);
    case 'stepHelp':
      return stepHelp(context);
    case 'kept': {
      const answers = snapshot.context.forms[say.form]?.answers ?? {};
      const last = [...form(say.form).fields].reverse().find((f) => f.kind === 'list' && entriesOf(answers, f).length > 0);
      if (last?.kind !== 'list') return '';
      const n = entriesOf(answers, last).length;
      return fill(m.keptEarly, { label: fill(last.itemLabel, { n }), value: Object.values(entriesOf(answers, last)[n - 1] ?? {})[0] ?? '' });
    }
    case 'current': {
      const value = currentAnswer(context);
      return value === undefined ? '' : fill(m.current, { value: excerpt(value, 60) });
    }
    case 'confirmSave':
      return fill(m.confirmSave, { text: excerpt(snapshot.context.pending ?? '', 30), label: questionLabel(context) });
    case 'progress':
      return progressText(context);
    case 'greeting': {
      const f = form(say.form);
      const deadline = deadlineOf(campaign, f);
      const greeting = fill(now > deadline ? m.greetingLate : m.greeting, {
        campaign: campaign.title,
        form: f.title,
        unit,
        requirements: f.requirements,
        deadline: formatDate(deadline, campaign.timezone, campaign.formats),
        timeLeft: formatTimeLeft(deadline, now, campaign.formats),
      });
      const noted = f.note ? `${greeting}\n${f.note}` : greeting;
      return say.resumed ? `${noted}\n${fill(m.resumed, { form: f.shortTitle, unit })}` : noted;
    }
    case 'closed': {
      const f = form(say.form);
      return fill(m[say.key], { form: f.shortTitle, deadline: formatDate(deadlineOf(campaign, f), campaign.timezone, campaign.formats) });
    }
    case 'submitted':
      return fill(say.late ? m.submittedLate : m.submitted, { time: formatDateTime(now, campaign.timezone, campaign.formats) });
    case 'alreadySubmitted': {
      const record = snapshot.context.forms[say.form];
      const time = formatDateTime(new Date(record?.submittedAt ?? now.getTime()), campaign.timezone, campaign.formats);
      return fill(m.alreadySubmitted, { unit, form: form(say.form).shortTitle, time, version: record?.version ?? 0 });
    }
    case 'formList': {
      const list = snapshot.context.choices.map((id, i) =>
        fill(m.chooseFormLine, { n: i + 1, status: progressLines(campaign, form(id), statusOf(snapshot, id), now)[0]! }),
      );
      const template = snapshot.context.choosingFor === 'reopen' ? m.chooseEdit : m.chooseForm;
      return fill(template, { list: list.join('\n'), example: form(snapshot.context.choices[0] ?? '')?.shortTitle ?? '' });
    }
    case 'candidates': {
      const list = snapshot.context.candidates.map((c, i) => fill(m.bindCandidateLine, { n: i + 1, name: c.name, where: c.where })).join('\n');
      return fill(m.bindCandidates, { query: excerpt(say.query, 30), list });
    }
    case 'offer': {
      const offered = snapshot.context.candidates[0];
      return fill(m.bindOfferTopic, { unit: offered?.name ?? '', where: offered?.where ?? '' });
    }
  }
}

/** The reason an answer was refused; for a choice, the menu to choose from follows. */
export function problemText(campaign: Campaign, problem: Problem, at: At | undefined): string {
  const text = fill(campaign.messages[problem.key], problem.vars);
  if (problem.key !== 'errorChoice' || !at || at.kind === 'registration') return text;
  const field = scalarAt(findForm(campaign, at.form)!, at);
  return field?.kind === 'choice' ? `${text}\n${choiceMenu(campaign, field)}` : text;
}

/** The help of the question where the group stands: its field's, else its form's commands. */
function stepHelp({ campaign, snapshot }: RenderContext): string {
  const at = questionAt(snapshot);
  if (!at || at.kind === 'registration') return campaign.registration.help ?? campaign.messages.helpIdle;
  const form = findForm(campaign, at.form)!;
  if (at.kind === 'materials') return form.completeWith?.help ?? form.hints?.help ?? campaign.messages.helpForm;
  const field = scalarAt(form, at);
  return field?.help ?? form.hints?.help ?? campaign.messages.helpForm;
}

/** What the question where the group stands holds now: a saved answer, or the entry's (修改 2, 上一步). */
function currentAnswer({ campaign, snapshot }: RenderContext): string | undefined {
  const at = questionAt(snapshot);
  if (!at || (at.kind !== 'field' && at.kind !== 'entry')) return undefined;
  const answers = snapshot.context.forms[at.form]?.answers ?? {};
  if (at.kind === 'field') {
    const value = answers[at.field];
    return typeof value === 'string' ? value : undefined;
  }
  const list = findForm(campaign, at.form)!.fields.find((field) => field.id === at.field);
  const entry = list?.kind === 'list' ? entriesOf(answers, list)[snapshot.context.index] : undefined;
  return entry?.[at.sub];
}

/** "服务承诺", "第2项服务事项": what the question where the group stands asks for. */
function questionLabel({ campaign, snapshot }: RenderContext): string {
  const at = questionAt(snapshot);
  if (!at) return '';
  if (at.kind === 'registration') return campaign.registration.label;
  const form = findForm(campaign, at.form)!;
  if (at.kind === 'materials') return materialsOf(form)?.text?.field.label ?? '';
  const field = form.fields.find((f) => f.id === ('field' in at ? at.field : ''));
  if (field?.kind === 'list') {
    const n = at.kind === 'more' ? entriesOf(snapshot.context.forms[at.form]?.answers ?? {}, field).length + 1 : snapshot.context.index + 1;
    return fill(field.itemLabel, { n });
  }
  return field?.label ?? '';
}

function question({ campaign, snapshot }: RenderContext): string {
  const at = questionAt(snapshot);
  if (!at) return '';
  if (at.kind === 'registration') return campaign.registration.prompt;
  const { context } = snapshot;
  const suggestion = at.kind === 'field' ? context.suggestions[at.field] : undefined;
  return questionText(campaign, findForm(campaign, at.form)!, at, context.index, context.forms[at.form]?.answers ?? {}, suggestion);
}

/** 进度: every form of the unit, where it stands; a group without a unit is told how to start. */
function progressText({ campaign, now, snapshot }: RenderContext): string {
  const unit = snapshot.context.unit;
  if (!unit) return campaign.messages.progressUnbound;
  const lines = [fill(campaign.messages.progressHeader, { unit: unit.name })];
  for (const form of formsFor(campaign, unit)) lines.push(...progressLines(campaign, form, statusOf(snapshot, form.id), now));
  return lines.join('\n');
}

/** A form of the group's unit as 进度 and the list of forms show it. */
function statusOf(snapshot: GroupSnapshot, formId: string): FormStatus {
  const record = snapshot.context.forms[formId];
  const answers = record?.answers ?? {};
  const state = formState(snapshot, formId);
  if (state === 'none' || !record) return Object.keys(answers).length > 0 ? { status: 'draft', answers } : { status: 'none' };
  if (state === 'draft') return { status: 'draft', answers };
  return {
    status: state === 'reopened' ? 'reopened' : 'submitted',
    answers,
    submittedAt: new Date(record.submittedAt ?? 0),
    late: record.late,
    version: record.version,
  };
}
