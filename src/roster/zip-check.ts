// The zip under an .xlsx, checked before exceljs opens it. exceljs (through JSZip) unpacks every entry
// whole into memory and believes none of the sizes a zip states, so a small file could unpack to gigabytes
// (a zip bomb), and a damaged entry that still inflates would be read as garbled text. A workbook goes to
// exceljs only when its central directory is whole, it has few enough entries, their stated sizes add up to
// no more than the limit, and each entry inflates to exactly its stated size with its stated CRC-32. Each is
// inflated at most to the size it states, so checking costs no more memory than the limit.
import { crc32, inflateRawSync } from 'node:zlib';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export interface ZipLimits {
  maxEntries: number;
  /** what all the entries together may unpack to */
  maxUnpackedBytes: number;
}

/** Whether the zip is complete, undamaged, unencrypted and within the limits. */
export function checkZip(data: Buffer, limits: ZipLimits): boolean {
  try {
    return check(data, limits);
  } catch {
    // an offset outside the buffer, data zlib cannot inflate, or more of it than the entry states
    return false;
  }
}

function check(data: Buffer, limits: ZipLimits): boolean {
  const eocd = findEndOfCentralDirectory(data);
  if (eocd < 0) return false;
  // ZIP64 (0xffff entries, offsets of 0xffffffff) is no roster: too many entries, or an offset past the end
  const count = data.readUInt16LE(eocd + 10);
  const directory = data.readUInt32LE(eocd + 16);
  if (count > limits.maxEntries) return false;
  let unpacked = 0;
  let at = directory;
  for (let i = 0; i < count; i += 1) {
    if (data.readUInt32LE(at) !== CENTRAL) return false;
    const flags = data.readUInt16LE(at + 8);
    const method = data.readUInt16LE(at + 10);
    const crc = data.readUInt32LE(at + 16);
    const packedSize = data.readUInt32LE(at + 20);
    const size = data.readUInt32LE(at + 24);
    const local = data.readUInt32LE(at + 42);
    at += 46 + data.readUInt16LE(at + 28) + data.readUInt16LE(at + 30) + data.readUInt16LE(at + 32);
    unpacked += size;
    // encrypted, a method other than stored or deflated, too much, or a directory running past its end
    if (flags & 0x1 || (method !== 0 && method !== 8) || unpacked > limits.maxUnpackedBytes || at > eocd) return false;
    // the data follows the local header, whose name and extra field may differ in length from the directory's
    if (data.readUInt32LE(local) !== LOCAL) return false;
    const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28);
    if (start + packedSize > directory) return false;
    const packed = data.subarray(start, start + packedSize);
    const content = method === 0 ? packed : inflateRawSync(packed, { maxOutputLength: Math.max(size, 1) });
    if (content.length !== size || crc32(content) !== crc) return false;
  }
  return true;
}

function findEndOfCentralDirectory(data: Buffer): number {
  // 22 bytes of record, then a comment of at most 65,535 bytes
  const stop = Math.max(0, data.length - 22 - 0xffff);
  for (let at = data.length - 22; at >= stop; at -= 1) {
    if (data.readUInt32LE(at) === EOCD) return at;
  }
  return -1;
}
