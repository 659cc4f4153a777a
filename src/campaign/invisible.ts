// Characters nobody sees that change how text reads or sorts: text-direction overrides (a garbled “完成”
// stored as “完\u202e成”), zero-width spaces and joiners, byte-order marks and control characters. They are
// taken out of everything a member or an admin sends before it is kept, and out of every exported cell.
// A zero-width joiner inside an emoji (👨‍👩‍👧) is part of the emoji and stays.

/** C0 controls but tab and line breaks, DEL and C1, direction marks and overrides, zero-width and invisible operators. */
const INVISIBLE =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u115f\u1160\u180e\u200b\u200c\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\u3164\ufeff\ufff9-\ufffb]|\u200d/g;
// biome-ignore lint/suspicious/noMisleadingCharacterClass: any one of these code points marks an emoji, the skin tones alone too
const PICTOGRAPH = /[\p{Extended_Pictographic}\u{1f3fb}-\u{1f3ff}\ufe0f]/u;

/** `text` without the invisible characters, and how many were taken out. */
export function withoutInvisible(text: string): { text: string; removed: number } {
  let removed = 0;
  const cleaned = text.replace(INVISIBLE, (char, offset: number) => {
    if (char === '\u200d' && joinsEmoji(text, offset)) return char;
    removed += 1;
    return '';
  });
  return { text: removed === 0 ? text : cleaned, removed };
}

/** A zero-width joiner between two pictographs (a skin tone or variation selector may come before it). */
function joinsEmoji(text: string, at: number): boolean {
  const before = String.fromCodePoint(text.codePointAt(at - 1) ?? 0);
  const beforePair = at >= 2 ? text.slice(at - 2, at) : '';
  const after = text.codePointAt(at + 1);
  const prev = PICTOGRAPH.test(before) || PICTOGRAPH.test(beforePair);
  return prev && after !== undefined && PICTOGRAPH.test(String.fromCodePoint(after));
}
