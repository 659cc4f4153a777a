// A form complete with any one of several of its fields (completeWith, the brief): the fields its one question
// takes apart — a text, a list of links, a list of files — and where a message sent there belongs.
import type { Form, ListField, MediaField, TextField } from '../campaign/index.js';
import { countChars } from '../campaign/index.js';
import { linkIn, textBesideLink } from './answers.js';

export interface Materials {
  /** the text field, and how long a text must be to count by itself */
  text?: { field: TextField; min: number };
  /** the list of links, and its one url field */
  links?: { list: ListField; sub: string };
  /** the list of files, and its one media field */
  files?: { list: ListField; media: MediaField };
}

const known = new WeakMap<Form, Materials | null>();

/** The fields of the form's completeWith by what they take; undefined for a form without one. The loader has checked them. */
export function materialsOf(form: Form): Materials | undefined {
  const cached = known.get(form);
  if (cached !== undefined) return cached ?? undefined;
  let materials: Materials | null = null;
  if (form.completeWith) {
    materials = {};
    for (const entry of form.completeWith.anyOf) {
      const field = form.fields.find((f) => f.id === entry.field);
      if (field?.kind === 'text') materials.text = { field, min: entry.minChars ?? field.minChars };
      if (field?.kind !== 'list') continue;
      const sub = field.fields[0]!;
      if (sub.kind === 'url') materials.links = { list: field, sub: sub.id };
      if (sub.kind === 'media') materials.files = { list: field, media: sub };
    }
  }
  known.set(form, materials);
  return materials ?? undefined;
}

/** The field is one of the form's completeWith: asked at its one question, not on its own. */
export function isMaterial(form: Form, fieldId: string): boolean {
  return form.completeWith?.anyOf.some((entry) => entry.field === fieldId) ?? false;
}

/**
 * A text sent at the one question is a link when it has a web address and little else: less beside it than a
 * text would need to count by itself. A written 简报 that cites a link stays a text.
 */
export function isLinkText(form: Form, text: string): boolean {
  const materials = materialsOf(form);
  if (!materials?.links || linkIn(text) === undefined) return false;
  return !materials.text || countChars(textBesideLink(text)) < materials.text.min;
}

/** A text of `count` 字 would not make the form complete by itself. */
export function isShortText(form: Form, count: number): boolean {
  const text = materialsOf(form)?.text;
  return text !== undefined && count < text.min;
}
