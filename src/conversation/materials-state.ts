// The one question of a form that any one of several fields completes (completeWith): a text, links or
// files taken from whatever the member sends, kept where they belong, and why a text alone is not enough.
import { and } from 'xstate';
import type { Form, ListField } from '../campaign/index.js';
import { countChars } from '../campaign/index.js';
import { ask, message, say, to, type formIds } from './machine-parts.js';
import { isMaterial, type materialsOf } from './materials.js';
import type { Action, AnswerCheck, AnyTransition, FieldRef, FormRef, ListRef, StateConfig, TransitionFor } from './group-setup.js';

/** What the states of one form are built from, shared by form-states.ts and the files that build a part. */
export interface FormBuild {
  form: Form;
  f: ReturnType<typeof formIds>;
  onForm: FormRef;
  materials: ReturnType<typeof materialsOf>;
  listRef: (field: ListField) => ListRef;
  refuse: (ref: FieldRef) => Action;
  saved: (field: string) => Action;
  backBefore: (k: number) => TransitionFor<'cmd.back'>[];
  check: AnswerCheck;
}

/**
 * The one question of a form's completeWith: a link (typed, or an article card) goes into its list, a picture
 * or file into its list, any other text is the text field (asked about before it replaces another). Each is
 * saved at once and the question asked again, saying what the form holds once it is complete; 完成 or 确认
 * then hands it in, before that they say what is still needed.
 */
export function materialsState(build: FormBuild): StateConfig {
  const { form, f, onForm, materials, listRef, refuse, saved, backBefore, check } = build;
  const { text, links, files } = materials!;
  const missing = (key: 'notNowFinish' | 'notNowConfirm'): Action =>
    say(({ context }) => ({ kind: 'missing', form: form.id, key, answers: context.forms[form.id]?.answers ?? {} }));
  const again = { target: to(f.materials), reenter: true } as const;
  const onText: AnyTransition[] = [];
  if (links) {
    const ref = { form: form.id, field: links.list.id, sub: links.sub, fresh: true };
    const isLink = { type: 'linkText', params: onForm } as const;
    onText.push(
      { guard: and([isLink, { type: 'full', params: listRef(links.list) }]), actions: [message('listFull', () => ({ max: links.list.maxItems })), ...ask] },
      { guard: and([isLink, { type: 'valid', params: ref }]), ...again, actions: [{ type: 'store', params: ref }, saved(links.list.id)] },
      { guard: isLink, actions: [refuse(ref), ...ask] },
    );
  }
  if (text) {
    const ref = { form: form.id, field: text.field.id };
    onText.push(
      {
        guard: { type: 'replacesText', params: ref },
        actions: [
          'keepPending',
          say(({ context }) => {
            const before = context.forms[form.id]?.answers[ref.field];
            const checked = check(context, context.pending ?? '', ref);
            const vars = { old: countChars(typeof before === 'string' ? before : ''), new: checked.ok ? countChars(checked.value) : 0 };
            return { kind: 'rule', form: form.id, key: 'replace', vars };
          }),
        ],
      },
      { guard: { type: 'shortText', params: ref }, ...again, actions: [{ type: 'store', params: ref }, tooShort(form, materials, ref.field)] },
      { guard: { type: 'valid', params: ref }, ...again, actions: [{ type: 'store', params: ref }, saved(ref.field)] },
      { actions: [refuse(ref), 'unquiet'] },
    );
  } else if (links) {
    onText.push({ actions: [refuse({ form: form.id, field: links.list.id, sub: links.sub, fresh: true }), ...ask] });
  }
  const onMedia: AnyTransition[] = files
    ? [
        { guard: { type: 'full', params: listRef(files.list) }, actions: [message('listFull', () => ({ max: files.list.maxItems })), ...ask] },
        {
          ...again,
          actions: [{ type: 'storeMedia', params: { form: form.id, field: files.list.id, sub: files.media.id, fresh: true } }, saved(files.list.id)],
        },
      ]
    : [];
  const first = form.fields.findIndex((field) => isMaterial(form, field.id));
  return {
    id: f.materials,
    meta: { ask: { kind: 'materials', form: form.id } },
    entry: ['dropPending', ...ask],
    on: {
      'user.text': onText,
      ...(files ? { 'user.media': onMedia } : {}),
      'cmd.finish': [{ guard: { type: 'complete', params: onForm }, target: to(f.route) }, { actions: [missing('notNowFinish'), ...ask] }],
      'cmd.confirm': [
        { guard: 'hasPending', actions: ['sendPending'] },
        { guard: { type: 'complete', params: onForm }, target: to(f.route) },
        { actions: [missing('notNowConfirm'), ...ask] },
      ],
      // 继续 where everything is taken at once: the question again.
      'cmd.continue': { actions: [...ask] },
      'cmd.back': backBefore(first),
    },
  };
}

/** A text kept that does not make the form complete by itself: saved, and why it is not enough. */
export function tooShort(form: Form, materials: FormBuild['materials'], field: string): Action {
  return say(({ context }) => {
    const value = context.forms[form.id]?.answers[field];
    return {
      kind: 'rule',
      form: form.id,
      key: 'tooShort',
      vars: { count: countChars(typeof value === 'string' ? value : ''), min: materials?.text?.min ?? 0 },
    };
  });
}
