// 修改 and 删除 within a form: which field or entry an edit goes to, and which entry of the list a delete
// removes, with the answer when there is no such entry or the list would fall below its minimum.
import type { Form, ListField } from '../campaign/index.js';
import { fill } from '../campaign/index.js';
import { completeEntries, entriesOf, mainList } from './draft.js';
import type { TransitionFor } from './group-setup.js';
import type { GroupContext, GroupEvent } from './group-types.js';
import { ask, current, formIds, message, to } from './machine-parts.js';

const editTargetOf = (event: GroupEvent) => (event.type === 'cmd.edit' ? event.target : undefined);
const deleteNumberOf = (event: GroupEvent) => (event.type === 'cmd.delete' ? (event.n ?? 0) : 0);

/** 修改 承诺 / 修改 2 / 修改 alone, within a form. */
export function editTransitions(form: Form): TransitionFor<'cmd.edit'>[] {
  const f = formIds(form.id);
  const list = mainList(form);
  const transitions: TransitionFor<'cmd.edit'>[] = [];
  for (const field of form.fields) {
    if (field.kind === 'list') continue;
    transitions.push({
      guard: { type: 'editsField', params: { form: form.id, field: field.id } },
      target: to(f.field(field.id)),
      actions: ['startEditing', message('editing', () => ({ label: field.label })), current],
    });
  }
  if (list) {
    const n = (event: GroupEvent) => {
      const target = editTargetOf(event);
      return target?.kind === 'entry' ? target.n : 0;
    };
    transitions.push({
      guard: { type: 'editsEntry', params: { form: form.id, field: list.id } },
      target: to(f.sub(list.id, list.fields[0]!.id)),
      actions: ['pointAtEditedEntry', 'startEditing', message('editing', ({ event }) => ({ label: fill(list.itemLabel, { n: n(event) }) })), current],
    });
    transitions.push({
      guard: 'editsMissingEntry',
      actions: [message('editNoSuchItem', ({ context, event }) => ({ n: n(event), count: entriesCount(context, form.id, list) })), ...ask],
    });
  }
  transitions.push({ actions: [message('editWhat'), ...ask] });
  return transitions;
}

/** 删除 N within a form that has a list. */
export function deleteTransitions(form: Form): TransitionFor<'cmd.delete'>[] {
  const f = formIds(form.id);
  const list = mainList(form);
  if (!list) return [{ actions: [message('deleteWhat'), ...ask] }];
  const lf = { form: form.id, field: list.id };
  const count = (context: GroupContext) => entriesCount(context, form.id, list);
  return [
    { guard: 'deleteUnclear', actions: [message('deleteWhat'), ...ask] },
    {
      guard: { type: 'deleteMissing', params: lf },
      actions: [message('deleteNoSuchItem', ({ context, event }) => ({ n: deleteNumberOf(event), count: count(context) })), ...ask],
    },
    {
      guard: { type: 'deletesOpenEntry', params: lf },
      target: to(f.route),
      actions: [message('deletedDraftItem', ({ event }) => ({ n: deleteNumberOf(event) })), { type: 'removeEntry', params: lf }],
    },
    {
      guard: { type: 'deleteBelowMin', params: lf },
      actions: [
        message('deleteBelowMin', ({ context, event }) => ({ min: list.minItems, count: completeCount(context, form.id, list), n: deleteNumberOf(event) })),
        ...ask,
      ],
    },
    {
      guard: { type: 'deletesCurrentEntry', params: lf },
      target: to(f.route),
      actions: [{ type: 'removeEntry', params: lf }, message('deleted', ({ context }) => ({ n: context.index + 1, count: count(context) }))],
    },
    {
      actions: [
        message('deleted', ({ context, event }) => ({ n: deleteNumberOf(event), count: count(context) - 1 })),
        { type: 'removeEntry', params: lf },
        ...ask,
      ],
    },
  ];
}

function entriesCount(context: GroupContext, formId: string, list: ListField): number {
  return entriesOf(context.forms[formId]?.answers ?? {}, list).length;
}

function completeCount(context: GroupContext, formId: string, list: ListField): number {
  return completeEntries(context.forms[formId]?.answers ?? {}, list).length;
}
