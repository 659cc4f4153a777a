// Names of files in a zip that a Windows user can unpack and open: every character one GBK can encode (the
// code page Chinese Windows falls back to when a program ignores the zip's UTF-8 flag), none that Windows
// forbids, no path in a name, no device name, a bounded length, and no two names that Windows, which ignores
// case, would take for the same file.

// Windows forbids these in a name, and control characters.
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f\u007f]/;
// CON, PRN, AUX, NUL, COM1-9 and LPT1-9 name devices, with any extension.
const DEVICE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;
// An extension worth keeping when a name is cut.
const EXTENSION = /\.[A-Za-z0-9]{1,10}$/;

let gbk: Set<number> | undefined;

/** Every code point GBK encodes in two bytes, read once from the platform's own GBK decoder. */
function gbkCodePoints(): Set<number> {
  if (gbk) return gbk;
  const decoder = new TextDecoder('gbk');
  const set = new Set<number>();
  const pair = new Uint8Array(2);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    pair[0] = lead;
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      pair[1] = trail;
      const char = decoder.decode(pair);
      const code = char.codePointAt(0)!;
      // U+FFFD: no character there; the private use area: the user-defined ranges, boxes on any other machine
      if (char.length === 1 && code !== 0xfffd && !(code >= 0xe000 && code <= 0xf8ff)) set.add(code);
    }
  }
  gbk = set;
  return set;
}

/** Whether GBK can encode the character: printable ASCII, or one of its two-byte characters. */
export function isGbkSafe(char: string): boolean {
  const code = char.codePointAt(0)!;
  if (code < 0x80) return code >= 0x20 && code !== 0x7f;
  return gbkCodePoints().has(code);
}

function trimEnds(text: string): string {
  return text.replace(/^[\s.]+|[\s.]+$/g, '');
}

/** The name split before its extension, if it has one worth keeping. */
function splitExtension(name: string): { stem: string; extension: string } {
  const match = EXTENSION.exec(name);
  if (!match || match.index === 0) return { stem: name, extension: '' };
  return { stem: name.slice(0, match.index), extension: match[0] };
}

/** The stem cut to leave room for `suffix` and the extension within `maxChars` characters. */
function fitted(stem: string, suffix: string, extension: string, maxChars: number): string {
  const room = Math.max(1, maxChars - [...suffix].length - [...extension].length);
  const cut = [...stem].slice(0, room).join('');
  return `${trimEnds(cut) || '_'}${suffix}${extension}`;
}

/**
 * A name Windows takes for one file, in the folder it is put in: characters GBK cannot encode and those
 * Windows forbids replaced with '_', other white space made a space, no '..', no leading or trailing dots
 * or spaces, a device name (CON, LPT1.txt) prefixed with '_', at most `maxChars` characters with the
 * extension kept; `fallback` when nothing is left.
 */
export function windowsSafeName(name: string, options: { maxChars: number; fallback: string }): string {
  let text = '';
  for (const char of name.normalize('NFC')) {
    if (FORBIDDEN.test(char)) text += /[\t\n\r]/.test(char) ? ' ' : '_';
    // the ideographic space (U+3000) is a character GBK writes, kept as it is
    else if (/\s/u.test(char) && char !== '\u3000') text += ' ';
    else text += isGbkSafe(char) ? char : '_';
  }
  text = trimEnds(text.replace(/\.{2,}/g, '.'));
  if (text === '') return options.fallback;
  if (DEVICE.test(trimEnds(text.split('.')[0]!))) text = `_${text}`;
  if ([...text].length <= options.maxChars) return text;
  const { stem, extension } = splitExtension(text);
  return fitted(stem, '', extension, options.maxChars);
}

/** Names given out in one folder: a name already given gets " (2)", " (3)" … before its extension. */
export class UniqueNames {
  private readonly taken = new Set<string>();

  /** @param reserved names the folder holds already */
  constructor(reserved: readonly string[] = []) {
    for (const name of reserved) this.taken.add(UniqueNames.key(name));
  }

  /** Windows compares names without regard to case. */
  private static key(name: string): string {
    return name.toUpperCase();
  }

  /** `name` (already safe), or the first numbered form of it not given yet, within `maxChars` characters. */
  take(name: string, maxChars: number): string {
    let candidate = name;
    if (this.taken.has(UniqueNames.key(candidate))) {
      const { stem, extension } = splitExtension(name);
      for (let n = 2; this.taken.has(UniqueNames.key(candidate)); n++) candidate = fitted(stem, ` (${n})`, extension, maxChars);
    }
    this.taken.add(UniqueNames.key(candidate));
    return candidate;
  }
}
