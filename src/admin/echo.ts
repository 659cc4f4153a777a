// How much of what an admin typed a reply repeats. Whatever is pasted after a command, a reply names at
// most this much of it, cut with "…": a name (a unit, a city or industry, a form, a file) 60 characters, a
// query 100, a word taken for a command 12; a reason sent on to a group 200.
import { excerpt } from '../campaign/index.js';

export const ECHO_LIMITS = { name: 60, query: 100, command: 12, reason: 200 } as const;

export const echoName = (text: string): string => excerpt(text.trim(), ECHO_LIMITS.name);
export const echoQuery = (text: string): string => excerpt(text.trim(), ECHO_LIMITS.query);
export const echoCommand = (text: string): string => excerpt(text.trim(), ECHO_LIMITS.command);
export const echoReason = (text: string): string => excerpt(text.trim(), ECHO_LIMITS.reason);

/** A file's name, its extension kept when the rest is cut: "很长的名字…​.xlsx". */
export function echoFileName(name: string): string {
  const trimmed = name.trim();
  if ([...trimmed].length <= ECHO_LIMITS.name) return trimmed;
  const ext = /\.[A-Za-z0-9]{1,8}$/.exec(trimmed)?.[0] ?? '';
  return `${excerpt(trimmed.slice(0, trimmed.length - ext.length), ECHO_LIMITS.name - ext.length)}${ext}`;
}
