// The activity briefs (简报或推文) as a zip: a workbook listing every brief (unit, city, industry, type,
// summary, links, files, time of submission) and, in a folder per unit, the pictures and files its group
// sent, named so that Windows unpacks and opens them. A file the brief names that is not on disk is listed
// as missing instead of failing the export.
//
// Written with archiver (through exceljs already in the dependencies): it streams, so the command line can
// write a province's files of any size without holding them, switches to ZIP64 past 4 GiB, and sets the
// UTF-8 flag on names that need it. Every entry is stored, not deflated: pictures, PDFs, Word files and
// videos are compressed already, and stored entries make a zip's size known before it is written, which
// the chat needs to cut it in parts WeChat takes.
import type { Stats } from 'node:fs';
import { lstat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import archiver from 'archiver';
import { fill } from '../campaign/index.js';
import type { Answers } from '../conversation/index.js';
import { escapeRegExp } from '../shared/index.js';
import type { StoredMedia } from './store.js';
import { formatInZone } from './dates.js';
import { UniqueNames, windowsSafeName } from './file-names.js';
import type { Exports } from '../campaign/index.js';
import { categoryOf, textAnswer, type ExportSubmission, type ExportUnit } from './model.js';
import { newWorkbook, SheetWriter, sheetStyles, toBuffer } from './sheet.js';
/** characters of a unit's folder, and of a file's name: well inside Windows' 260 for a whole path */
export const NAME_CHARS = { folder: 60, file: 80 } as const;

// Bytes a stored entry adds to its data, at most: local header (30) and central header (46) with the name
// in each and room for ZIP64 fields, and a data descriptor; and the end records with their ZIP64 forms.
const ENTRY_BYTES = 200;
const END_BYTES = 200;
// A part's own workbook lists fewer briefs than the whole one; this covers compression's small surprises.
const INDEX_SLACK = 16 * 1024;

/** One file a brief names. */
export interface BriefFile {
  /** the name the group sent it under */
  name: string;
  /** where it is in the zip (folder/name); none when it is not on disk */
  zipPath?: string;
  /** the file on disk, as it was when listed */
  source?: string;
  stats?: Stats;
  size: number;
}

/** One unit's brief: its latest submitted version, or nothing yet (listed with 含未交). */
export interface Brief {
  unit: ExportUnit;
  submission?: ExportSubmission;
  summary: string;
  links: string[];
  files: BriefFile[];
}

export interface BriefsInput {
  /** the units in the export's scope, in roster order */
  units: readonly ExportUnit[];
  /** list the units that owe a brief and have not handed it in */
  includeMissing: boolean;
  media(ids: readonly number[]): Promise<StoredMedia[]>;
  /** the folder media paths are relative to */
  dataDir: string;
  /** how an answer names a kept file: the campaign's messages.mediaName, '{name}（#{id}）' */
  mediaName: string;
  timeZone: string;
  generatedAt: Date;
  /** the zip's name; a part's name, n of total */
  fileName: string;
  partFileName(n: number, total: number): string;
  /** the campaign's exports: the form of the briefs, its fields, the index's words */
  layout: Exports;
}

export interface BriefsPart {
  fileName: string;
  /** briefs listed in the part's workbook */
  rows: number;
  files: number;
  /** the part's zip, built when asked for */
  data(): Promise<Buffer>;
}

export interface BriefsExport {
  fileName: string;
  /** briefs listed (submitted ones, and with includeMissing the units still owing one) */
  rows: number;
  /** briefs handed in */
  submitted: number;
  /** files in the zip, and files named by a brief but not on disk */
  files: number;
  missing: number;
  /** the whole zip's size in bytes, at most */
  size: number;
  /** The whole zip, streamed (for a file of any size). */
  stream(): Readable;
  /**
   * The zip cut into parts of at most `maxBytes` bytes, each with its own workbook, a unit's files kept in
   * one part where they fit in one; undefined when a single file does not fit in a part.
   */
  parts(maxBytes: number): BriefsPart[] | undefined;
}

/** A piece of a brief: the brief with some of its files (a brief too large for one part is cut in pieces). */
interface Piece {
  brief: Brief;
  files: BriefFile[];
}

export async function collectBriefs(input: BriefsInput): Promise<BriefsExport> {
  const { layout } = input;
  const t = layout.briefs;
  const { summary, links, files: fileList } = t.columns;
  const formId = t.form;
  const listed = input.units.filter((unit) => unit.submissions[formId] || (input.includeMissing && unit.forms.includes(formId)));
  const pattern = mediaPattern(input.mediaName);
  const named = listed.map((unit) => {
    const submission = unit.submissions[formId];
    const answers: Answers = submission?.answers ?? {};
    const files = listValues(answers, fileList).map((value) => {
      const match = pattern.exec(value);
      return match ? { name: match.groups!.name!, id: Number(match.groups!.id) } : { name: value, id: undefined };
    });
    return { unit, submission, summary: summary === undefined ? '' : textAnswer(answers, summary), links: listValues(answers, links), files };
  });
  const ids = named.flatMap((brief) => brief.files.flatMap((file) => (file.id === undefined ? [] : [file.id])));
  const media = new Map((await input.media(ids)).map((row) => [row.id, row]));

  const root = new UniqueNames([t.indexName]);
  const briefs: Brief[] = [];
  for (const { files, ...brief } of named) {
    let folder: { name: string; names: UniqueNames } | undefined;
    const kept: BriefFile[] = [];
    for (const file of files) {
      // Only the unit's own files: an answer naming another unit's file shows as missing.
      const row = file.id === undefined ? undefined : media.get(file.id);
      const found = row && row.unitId === brief.unit.id ? await onDisk(input.dataDir, row.path) : undefined;
      if (!row || !found) {
        kept.push({ name: row?.fileName ?? file.name, size: 0 });
        continue;
      }
      folder ??= {
        name: root.take(windowsSafeName(brief.unit.name, { maxChars: NAME_CHARS.folder, fallback: t.unnamedUnit }), NAME_CHARS.folder),
        names: new UniqueNames(),
      };
      const name = folder.names.take(windowsSafeName(row.fileName, { maxChars: NAME_CHARS.file, fallback: t.unnamedFile }), NAME_CHARS.file);
      kept.push({ name: row.fileName, zipPath: `${folder.name}/${name}`, ...found });
    }
    briefs.push({ ...brief, files: kept });
  }

  const zipDate = wallClock(input.generatedAt, input.timeZone);
  const whole = briefs.map((brief) => ({ brief, files: brief.files }));
  const index = await buildIndex(whole, layout, input.timeZone, input.generatedAt);
  const present = briefs.flatMap((brief) => brief.files.filter(isPresent));
  return {
    fileName: input.fileName,
    rows: briefs.length,
    submitted: briefs.filter((brief) => brief.submission).length,
    files: present.length,
    missing: briefs.reduce((sum, brief) => sum + brief.files.length, 0) - present.length,
    size: END_BYTES + entryBytes(t.indexName, index.length) + present.reduce((sum, file) => sum + entryBytes(file.zipPath, file.size), 0),
    stream: () => zipStream(index, t.indexName, present, zipDate),
    parts(maxBytes) {
      const plan = planParts(whole, maxBytes - END_BYTES - entryBytes(t.indexName, index.length + INDEX_SLACK));
      if (!plan) return undefined;
      return plan.map((pieces, i) => {
        const files = pieces.flatMap((piece) => piece.files.filter(isPresent));
        const fileName = plan.length === 1 ? input.fileName : input.partFileName(i + 1, plan.length);
        return {
          fileName,
          rows: pieces.length,
          files: files.length,
          async data() {
            const own = plan.length === 1 ? index : await buildIndex(pieces, layout, input.timeZone, input.generatedAt);
            const zip = await collect(zipStream(own, t.indexName, files, zipDate));
            if (zip.length > maxBytes) throw new Error(`${fileName} came to ${zip.length} bytes, over its limit of ${maxBytes}`);
            return zip;
          },
        };
      });
    },
  };
}

type PresentFile = BriefFile & { zipPath: string; source: string; stats: Stats };

function isPresent(file: BriefFile): file is PresentFile {
  return file.zipPath !== undefined && file.source !== undefined && file.stats !== undefined;
}

function entryBytes(name: string, size: number): number {
  return size + ENTRY_BYTES + 2 * Buffer.byteLength(name);
}

/**
 * Pieces of briefs in parts of at most `room` bytes of files, in order: a brief goes whole into the part
 * being filled, else whole into a new one, else (larger than a part) file by file over as many as it takes.
 */
function planParts(briefs: readonly Piece[], room: number): Piece[][] | undefined {
  const parts: Piece[][] = [];
  let current: Piece[] = [];
  let used = 0;
  const close = () => {
    if (current.length > 0) parts.push(current);
    current = [];
    used = 0;
  };
  for (const { brief } of briefs) {
    const sizes = brief.files.map((file) => (isPresent(file) ? entryBytes(file.zipPath, file.size) : 0));
    const need = sizes.reduce((a, b) => a + b, 0);
    if (used + need > room) close();
    if (need <= room) {
      current.push({ brief, files: brief.files });
      used += need;
      continue;
    }
    let piece: BriefFile[] = [];
    for (const [i, file] of brief.files.entries()) {
      const size = sizes[i]!;
      if (size > room) return undefined;
      if (used + size > room) {
        current.push({ brief, files: piece });
        close();
        piece = [];
      }
      piece.push(file);
      used += size;
    }
    current.push({ brief, files: piece });
  }
  close();
  return parts.length > 0 ? parts : [[]];
}

/** The file a media row names, if it is a file inside the data folder. */
async function onDisk(dataDir: string, relative: string): Promise<{ source: string; stats: Stats; size: number } | undefined> {
  const base = path.resolve(dataDir);
  const source = path.resolve(base, relative);
  if (!source.startsWith(base + path.sep)) return undefined;
  try {
    const stats = await lstat(source);
    return stats.isFile() ? { source, stats, size: stats.size } : undefined;
  } catch {
    return undefined;
  }
}

/** The workbook listing the briefs, the header frozen. */
async function buildIndex(pieces: readonly Piece[], layout: Exports, timeZone: string, generatedAt: Date): Promise<Buffer> {
  const t = layout.briefs;
  const styles = sheetStyles(layout.fonts);
  const workbook = newWorkbook(generatedAt);
  const w = new SheetWriter(workbook, t.sheetName, t.widths);
  w.row(t.headers.map((text) => ({ text, style: styles.header })));
  for (const { brief, files } of pieces) {
    const { unit, submission } = brief;
    const time = submission ? `${formatInZone(submission.submittedAt, timeZone, layout.timeFormat)}${submission.late ? layout.lateMark : ''}` : t.notSubmitted;
    const fileLines = files.map((file) => file.zipPath ?? fill(t.missingFile, { name: file.name }));
    const texts = [
      unit.name,
      unit.city ?? '',
      unit.industry ?? '',
      categoryOf(unit, layout),
      brief.summary,
      brief.links.join('\n'),
      fileLines.join('\n'),
      time,
    ];
    w.row(texts.map((text, i) => ({ text, style: i === 1 || i === 3 || i === 7 ? styles.center : styles.left })));
  }
  w.sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: pieces.length + 1, column: t.widths.length } };
  w.sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: 1 }];
  w.sheet.pageSetup.printTitlesRow = '1:1';
  return toBuffer(workbook);
}

/** The values of one field of a list field's entries; none where the campaign names no such list. */
function listValues(answers: Answers, column: { list: string; field: string } | undefined): string[] {
  const value = column === undefined ? undefined : answers[column.list];
  return Array.isArray(value) ? value.map((entry) => entry[column!.field] ?? '').filter((text) => text !== '') : [];
}

/** '{name}（#{id}）' as a pattern that reads the name and the id back out of an answer. */
function mediaPattern(template: string): RegExp {
  const escaped = escapeRegExp(template);
  return new RegExp(`^${escaped.replace('\\{name\\}', '(?<name>[\\s\\S]*)').replace('\\{id\\}', '(?<id>\\d+)')}$`);
}

/** A date whose UTC fields are the wall clock in `zone`: zip entries carry a time without a zone. */
function wallClock(at: Date, zone: string): Date {
  return new Date(`${formatInZone(at, zone, 'YYYY-MM-DDTHH:mm:ss')}Z`);
}

function zipStream(index: Buffer, indexName: string, files: readonly PresentFile[], date: Date): Readable {
  const archive = archiver('zip', { store: true });
  // A file gone since it was listed fails the zip: archiver would skip it with a warning.
  archive.on('warning', (error) => archive.destroy(error));
  archive.append(index, { name: indexName, date });
  // With the stats given, archiver queues the files in this order (it would stat them several at a time,
  // and add them as the answers come) and opens each only when it writes it.
  for (const file of files) archive.file(file.source, { name: file.zipPath, date, stats: file.stats });
  // Its errors come out of the stream too.
  archive.finalize().catch(() => undefined);
  return archive;
}

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
