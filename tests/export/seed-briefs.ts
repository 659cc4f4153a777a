// Activity briefs added to the export tests' database: a city's brief with awkward file names (one not
// GBK-safe, one a path trick, a device name, the same name twice, one whose file is gone), an industry's
// with a link only, a collective's resubmitted late and reopened, and one naming another unit's file.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import type { Campaign } from '../../src/campaign/schema.js';
import { fill } from '../../src/campaign/text.js';
import { grid, readWorkbook, submitVersions, T, type Seeded } from './seed.js';

export const INDEX_NAME = '简报目录.xlsx';

export const BRIEF = {
  gzSummary: '10月全市青年文明号集体开展开放日、岗位体验和志愿服务活动共120场，服务群众两万余人次。',
  gzLinks: ['https://mp.weixin.qq.com/s/gz-1', 'https://mp.weixin.qq.com/s/gz-2'],
  gridLink: 'https://mp.weixin.qq.com/s/grid',
  metroOld: '旧简介：九月的活动安排',
  metroSummary: '地铁青年在早晚高峰设志愿引导岗，服务乘客一万余人次。',
  futianSummary: '政务服务中心延时服务，午间不断档，办理业务三千余件。',
} as const;

/** The files the city sent, in order, with the name each should have in its folder (none: not on disk). */
export const GZ_FILES: ReadonlyArray<{ sent: string; inZip?: string }> = [
  { sent: '10月活动简报.pdf', inZip: '10月活动简报.pdf' },
  { sent: '活动😀照片.jpg', inZip: '活动_照片.jpg' },
  { sent: '../../etc/passwd', inZip: '_._etc_passwd' },
  { sent: 'photo.png', inZip: 'photo.png' },
  { sent: 'photo.png', inZip: 'photo (2).png' },
  { sent: 'gone.pdf' },
  { sent: 'CON.jpg', inZip: '_CON.jpg' },
];

export interface SeededBriefs {
  /** zip path → the bytes kept on disk */
  files: Map<string, Buffer>;
}

/**
 * Adds the briefs to a database made by seedDatabase(), with their files under its folder (the data
 * folder): `fileBytes` for each picture or document, `bigFileBytes` for the one video.
 */
export async function seedBriefs(seeded: Seeded, campaign: Campaign, sizes: { fileBytes?: number; bigFileBytes?: number } = {}): Promise<SeededBriefs> {
  const { prisma } = seeded.database;
  const fileBytes = sizes.fileBytes ?? 10_000;
  const unitId = async (name: string) => (await prisma.unit.findFirstOrThrow({ where: { name } })).id;
  const files = new Map<string, Buffer>();
  let n = 0;
  /** a file a group sent: kept on disk (unless gone) and in the Media table; the answer naming it */
  const keep = async (unit: number, sent: string, size: number, options: { gone?: boolean; inZip?: string } = {}) => {
    n += 1;
    const content = Buffer.alloc(size, 0x20 + (n % 90));
    content.write(`file ${n}: ${sent}`);
    const relative = path.join('media', String(unit), `${n}-kept.bin`);
    if (!options.gone) {
      mkdirSync(path.join(seeded.dir, path.dirname(relative)), { recursive: true });
      writeFileSync(path.join(seeded.dir, relative), content);
    }
    if (options.inZip) files.set(options.inZip, content);
    const row = await prisma.media.create({
      data: {
        unitId: unit,
        formId: 'activityReport',
        roomId: 'room',
        fileName: sent,
        mime: 'application/octet-stream',
        size,
        path: relative,
        uploadedBy: 'wxid_test',
      },
    });
    return { file: fill(campaign.messages.mediaName, { name: sent, id: row.id }), id: row.id };
  };

  const gz = await unitId(T.cityGz);
  const gzFolder = T.cityGz;
  const gzFiles = [];
  for (const file of GZ_FILES) {
    gzFiles.push(await keep(gz, file.sent, fileBytes, file.inZip ? { inZip: `${gzFolder}/${file.inZip}` } : { gone: true }));
  }
  await submitVersions(prisma, gz, 'activityReport', [
    {
      answers: { summary: BRIEF.gzSummary, links: BRIEF.gzLinks.map((url) => ({ url })), files: gzFiles.map(({ file }) => ({ file })) },
      submittedAt: new Date('2021-10-28T02:00:00Z'),
    },
  ]);

  // A link and nothing else: no summary, no files.
  await submitVersions(prisma, await unitId(T.grid), 'activityReport', [
    { answers: { links: [{ url: BRIEF.gridLink }] }, submittedAt: new Date('2021-10-27T09:00:00Z') },
  ]);

  // Handed in twice, the second time late, then reopened: the second version is exported.
  const metro = await unitId(T.metro1);
  const old = await keep(metro, '九月.jpg', fileBytes);
  const kept = await keep(metro, '站厅服务.jpg', fileBytes, { inZip: `${T.metro1}/站厅服务.jpg` });
  const draft = await keep(metro, '草稿.jpg', fileBytes);
  await submitVersions(
    prisma,
    metro,
    'activityReport',
    [
      { answers: { summary: BRIEF.metroOld, links: [], files: [{ file: old.file }] }, submittedAt: new Date('2021-10-20T02:00:00Z') },
      { answers: { summary: BRIEF.metroSummary, links: [], files: [{ file: kept.file }] }, submittedAt: new Date('2021-10-30T02:00:00Z'), late: true },
    ],
    { summary: BRIEF.metroSummary, files: [{ file: kept.file }, { file: draft.file }] },
  );

  // A video of its own, and an answer naming the city's photo (another unit's file): shown as missing.
  const futian = await unitId(T.futian);
  const video = await keep(futian, 'big.mp4', sizes.bigFileBytes ?? 30_000, { inZip: `${T.futian}/big.mp4` });
  const foreign = fill(campaign.messages.mediaName, { name: 'photo.png', id: gzFiles[3]!.id });
  await submitVersions(prisma, futian, 'activityReport', [
    { answers: { summary: BRIEF.futianSummary, files: [{ file: video.file }, { file: foreign }] }, submittedAt: new Date('2021-10-29T08:00:00Z') },
  ]);
  return { files };
}

export interface OpenedZip {
  /** entry names, in the zip's order */
  names: string[];
  content(name: string): Promise<Buffer>;
  /** whether the entry's general purpose flag says its name is UTF-8 */
  utf8: Map<string, boolean>;
  /** the rows of the workbook listing the briefs */
  index: string[][];
}

/** A zip read back with another library than the one that wrote it, and its central directory read by hand. */
export async function openZip(data: Buffer): Promise<OpenedZip> {
  const zip = await JSZip.loadAsync(data, { createFolders: false });
  const names = Object.keys(zip.files);
  const content = async (name: string) => {
    const file = zip.file(name);
    if (!file) throw new Error(`${name} is not in the zip`);
    return file.async('nodebuffer');
  };
  const utf8 = new Map<string, boolean>();
  const end = data.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = data.readUInt32LE(end + 16);
  for (let i = 0; i < data.readUInt16LE(end + 10); i++) {
    const nameLength = data.readUInt16LE(at + 28);
    utf8.set(data.toString('utf8', at + 46, at + 46 + nameLength), (data.readUInt16LE(at + 8) & 0x800) !== 0);
    at += 46 + nameLength + data.readUInt16LE(at + 30) + data.readUInt16LE(at + 32);
  }
  const index = grid((await readWorkbook(await content(INDEX_NAME))).worksheets[0]!);
  return { names, content, utf8, index };
}
