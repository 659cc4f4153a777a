// What a roster file is, decided by its bytes, the name only confirming a claim to be Excel; and a text
// file's encoding.
import type { FatalKey } from './spec.js';

export type Format = { type: 'xlsx'; data: Buffer } | { type: 'csv'; text: string } | { fatal: FatalKey };

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const EMPTY_ZIP = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
/** OLE2 compound file: .xls of Excel 97–2003, and password-protected .xlsx */
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const EXCEL_NAME = /\.(xlsx|xlsm|xltx|xltm|xls|et)$/i;

export function detectFormat(name: string, data: Buffer): Format {
  if (data.length === 0) return { fatal: 'empty' };
  if (startsWith(data, ZIP) || startsWith(data, EMPTY_ZIP)) {
    // Zip entry names are stored uncompressed: a workbook's parts all sit under xl/.
    if (!data.includes('xl/')) return { fatal: 'notSpreadsheet' };
    return { type: 'xlsx', data };
  }
  if (startsWith(data, OLE)) return { fatal: 'oldExcel' };
  if (EXCEL_NAME.test(name)) return { fatal: 'notSpreadsheet' };
  const text = decodeText(data);
  if (text === null) return { fatal: 'notSpreadsheet' };
  if (text.trim() === '') return { fatal: 'empty' };
  return { type: 'csv', text };
}

function startsWith(data: Buffer, magic: Buffer): boolean {
  return data.length >= magic.length && data.subarray(0, magic.length).equals(magic);
}

/**
 * The file as text: UTF-8 (with or without BOM), UTF-16 with a BOM, or else GB18030, which is what Excel
 * on Chinese Windows writes for "CSV（逗号分隔）" (GBK is a subset of it). Null when it is not text.
 */
function decodeText(data: Buffer): string | null {
  let text: string | null = null;
  if (startsWith(data, Buffer.from([0xef, 0xbb, 0xbf]))) text = decode('utf-8', data.subarray(3));
  else if (startsWith(data, Buffer.from([0xff, 0xfe]))) text = decode('utf-16le', data.subarray(2));
  else if (startsWith(data, Buffer.from([0xfe, 0xff]))) text = decode('utf-16be', data.subarray(2));
  else text = decode('utf-8', data) ?? decode('gb18030', data);
  // Control characters other than tab and line breaks do not occur in a text file.
  if (text === null || /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text)) return null;
  return text;
}

function decode(encoding: string, data: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(data);
  } catch {
    return null;
  }
}
