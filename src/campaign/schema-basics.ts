// The pieces every part of the campaign schema is made of: a sentence, an identifier, lists of words, a
// separator.
import { z } from 'zod';

/** Any text of the file: trimmed (a YAML block ends in a line break), never empty. */
export const text = z.string().trim().min(1);
export const id = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'must be a latin identifier');
export const words = z.array(text).default([]);
/** words of which there must be one at least */
export const words1 = z.array(text).min(1);

/** A separator between words or parts: kept as written, spaces included. */
export const joiner = z.string().min(1);
