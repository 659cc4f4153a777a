// The zip layer under an .xlsx, checked and rewritten before exceljs's streaming reader sees it.
//
// Checked: that reader (through unzipper) can wait forever on a damaged zip instead of failing, which would
// hang the import and, in the bot, the admin's queue. So every entry is found through the central directory,
// its local header must agree with it, and its data must inflate to the stated size with the stated CRC-32.
//
// Rewritten, by the caller (parse.ts), as a plain zip: see there why the parts are reordered and their text
// made ASCII.
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const DESCRIPTOR = 0x08074b50;
const UTF8_NAMES = 0x800;

export interface ZipEntry {
  name: string;
  /** the entry's bytes, inflated */
  content: Buffer;
}

export interface ZipLimits {
  /** total bytes the entries may inflate to (a guard against zip bombs) */
  maxUnpackedBytes: number;
}

/** The entries of a complete, undamaged, unencrypted zip within the limits; null otherwise. */
export function readZip(data: Buffer, limits: ZipLimits): ZipEntry[] | null {
  try {
    return read(data, limits);
  } catch {
    // a length that points outside the buffer, or data zlib cannot inflate
    return null;
  }
}

function read(data: Buffer, limits: ZipLimits): ZipEntry[] | null {
  const eocd = findEndOfCentralDirectory(data);
  if (eocd < 0) return null;
  const count = data.readUInt16LE(eocd + 10);
  const directorySize = data.readUInt32LE(eocd + 12);
  const directory = data.readUInt32LE(eocd + 16);
  // ZIP64 (over 65,535 entries or 4 GiB) is no roster
  if (count === 0xffff || directorySize === 0xffffffff || directory === 0xffffffff) return null;
  if (directory + directorySize > eocd) return null;

  const entries: ZipEntry[] = [];
  let unpacked = 0;
  let at = directory;
  for (let i = 0; i < count; i += 1) {
    if (data.readUInt32LE(at) !== CENTRAL) return null;
    const flags = data.readUInt16LE(at + 8);
    const method = data.readUInt16LE(at + 10);
    const crc = data.readUInt32LE(at + 16);
    const packedSize = data.readUInt32LE(at + 20);
    const size = data.readUInt32LE(at + 24);
    const nameLength = data.readUInt16LE(at + 28);
    const extraLength = data.readUInt16LE(at + 30);
    const commentLength = data.readUInt16LE(at + 32);
    const local = data.readUInt32LE(at + 42);
    const name = data.subarray(at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    if (at > eocd) return null;

    if (flags & 0x1) return null; // encrypted
    if (method !== 0 && method !== 8) return null;
    if (data.readUInt32LE(local) !== LOCAL) return null;
    if (data.readUInt16LE(local + 6) !== flags || data.readUInt16LE(local + 8) !== method) return null;
    const localNameLength = data.readUInt16LE(local + 26);
    const localExtraLength = data.readUInt16LE(local + 28);
    if (!data.subarray(local + 30, local + 30 + localNameLength).equals(name)) return null;
    const start = local + 30 + localNameLength + localExtraLength;
    const end = start + packedSize;
    if (end > directory) return null;

    if (flags & 0x8) {
      // sizes and CRC follow the data, in a descriptor with or without its signature
      const descriptor = data.readUInt32LE(end) === DESCRIPTOR ? end + 4 : end;
      if (data.readUInt32LE(descriptor) !== crc || data.readUInt32LE(descriptor + 4) !== packedSize || data.readUInt32LE(descriptor + 8) !== size) {
        return null;
      }
    } else if (data.readUInt32LE(local + 14) !== crc || data.readUInt32LE(local + 18) !== packedSize || data.readUInt32LE(local + 22) !== size) {
      return null;
    }

    unpacked += size;
    if (unpacked > limits.maxUnpackedBytes) return null;
    const packed = data.subarray(start, end);
    const content = method === 0 ? packed : inflateRawSync(packed, { maxOutputLength: Math.max(size, 1) });
    if (content.length !== size || crc32(content) !== crc) return null;
    // names are UTF-8 when flag 11 is set; the names that matter here are ASCII either way
    entries.push({ name: name.toString(flags & UTF8_NAMES ? 'utf8' : 'latin1'), content: Buffer.from(content) });
  }
  return entries;
}

function findEndOfCentralDirectory(data: Buffer): number {
  // 22 bytes of record, then a comment of at most 65,535 bytes
  const stop = Math.max(0, data.length - 22 - 0xffff);
  for (let at = data.length - 22; at >= stop; at -= 1) {
    if (data.readUInt32LE(at) === EOCD) return at;
  }
  return -1;
}

/**
 * A zip of the entries in the given order: deflated at the fastest level (exceljs's unzipper reads a large
 * stored entry twice as slowly as it inflates one), sizes in the local headers, no dates.
 */
export function writeZip(entries: readonly ZipEntry[]): Buffer {
  const parts: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const crc = crc32(entry.content);
    const size = entry.content.length;
    const packed = deflateRawSync(entry.content, { level: 1 });
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(UTF8_NAMES, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    parts.push(local, name, packed);
    directory.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directorySize = directory.reduce((sum, part) => sum + part.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directorySize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...directory, end]);
}
