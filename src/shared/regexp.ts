// Text to match as it is, inside a regular expression built around it (a name, a campaign's template).

/** `text` with every character a RegExp reads specially escaped. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
