// A file's type read from its first bytes, not from its name: a text file called x.png is not a picture.
// Covers what the forms accept (pictures, PDF, Word, MP4) and what is often sent instead.

interface Signature {
  mime: string;
  /** bytes at `offset` that the file must start with */
  bytes: number[];
  offset?: number;
}

const SIGNATURES: Signature[] = [
  { mime: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { mime: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { mime: 'image/gif', bytes: [0x47, 0x49, 0x46, 0x38] },
  { mime: 'image/bmp', bytes: [0x42, 0x4d] },
  { mime: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46] },
  // Word 97–2003 and the other Office files of that age: an OLE compound document.
  { mime: 'application/msword', bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { mime: 'video/mp4', bytes: [0x66, 0x74, 0x79, 0x70], offset: 4 },
];

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const WEBP = { riff: [0x52, 0x49, 0x46, 0x46], webp: [0x57, 0x45, 0x42, 0x50] };

function startsWith(data: Buffer, bytes: number[], offset = 0): boolean {
  return data.length >= offset + bytes.length && bytes.every((byte, i) => data[offset + i] === byte);
}

/** The type the file's content shows, or undefined when it is none of those known. */
export function sniffMime(data: Buffer): string | undefined {
  if (startsWith(data, WEBP.riff) && startsWith(data, WEBP.webp, 8)) return 'image/webp';
  // HEIC photos from phones are ftyp boxes too, of brand heic/heix/mif1.
  if (startsWith(data, [0x66, 0x74, 0x79, 0x70], 4)) {
    const brand = data.subarray(8, 12).toString('latin1');
    if (['heic', 'heix', 'mif1', 'msf1'].includes(brand)) return 'image/heic';
  }
  const found = SIGNATURES.find((signature) => startsWith(data, signature.bytes, signature.offset));
  if (found) return found.mime;
  if (startsWith(data, ZIP)) {
    // A .docx is a zip whose entries live under word/; an .xlsx under xl/.
    const head = data.subarray(0, Math.min(data.length, 64 * 1024)).toString('latin1');
    if (head.includes('word/')) return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    if (head.includes('xl/')) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    return 'application/zip';
  }
  return undefined;
}
