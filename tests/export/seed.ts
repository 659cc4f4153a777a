// A small database for the export tests: units of every kind and category in two cities, submissions with
// their versions (one reopened with a different draft, one late, one with an item that looks like a formula),
// and the helpers that read a written .xlsx back.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { parse as parseYaml } from 'yaml';
import { loadCampaign } from '../../src/files/campaign.js';
import { parseCampaign } from '../../src/campaign/parse.js';
import type { Campaign } from '../../src/campaign/schema.js';
import { openDatabase, type OpenedDatabase } from '../../src/store/client.js';

export const projectRoot = path.resolve(import.meta.dirname, '../..');
export const migrationsDir = path.join(projectRoot, 'prisma/migrations');
const campaignDir = path.join(projectRoot, 'conversations');

/**
 * The campaign with both forms of the notice. The industry-list form (附件1) is being added to the
 * campaign file; if this copy does not have it yet, it is added in memory with the fields the export reads.
 */
export function testCampaign(): Campaign {
  const campaign = loadCampaign(campaignDir);
  if (campaign.forms.some((form) => form.id === 'industryList')) return campaign;
  const raw = parseYaml(readFileSync(path.join(campaignDir, 'campaign-2021.yaml'), 'utf8')) as { forms: Array<Record<string, unknown>> };
  const model = raw.forms.find((form) => form.id === 'modelCollective')!;
  const items = (model.fields as Array<Record<string, unknown>>).find((field) => field.id === 'items')!;
  raw.forms.push({
    id: 'industryList',
    title: '附件1 服务事项清单（省级联创行业系统）',
    shortTitle: '附件1',
    appliesTo: [{ kind: 'industryOrg' }],
    deadline: '2021-09-28 17:00',
    requirements: '行业（系统）名称 + 服务事项至少3项',
    fields: [{ id: 'industryName', kind: 'text', label: '行业（系统）名称', maxChars: 30, prompt: '请发送行业（系统）名称。' }, items],
  });
  return parseCampaign(raw, 'test campaign');
}

export const INJECTION = '=HYPERLINK("http://evil.example/x","点我领取补贴")';

export const T = {
  cityGz: '共青团广州市委员会',
  grid: '广东电网有限责任公司团委',
  metroOrg: '广州地铁集团有限公司团委',
  metro1: '广州地铁运营一中心青年文明号',
  station: '广州南站客运车间重点旅客服务组',
  futian: '深圳市福田区政务服务中心青年文明号',
  szModel: '深圳市南山区社保服务大厅青年文明号',
  gzOther: '广州市第一人民医院儿科青年文明号',
  gzDraft: '广州市越秀区政务服务中心青年文明号',
} as const;

export const ANSWERS = {
  grid: {
    industryName: '电力行业',
    items: [
      { content: '推行“获得电力”线上办电，居民报装一次都不用跑', type: '优化办事流程' },
      { content: '为独居老人上门检查用电安全', type: '提供暖心服务' },
      { content: '国庆期间重点保障景区和交通枢纽供电', type: '提高服务质量' },
    ],
  },
  metro1v1: {
    commitment: '旧承诺：安全准点',
    items: [
      { content: '旧事项一：站厅引导服务', type: '其他' },
      { content: '旧事项二：失物招领服务', type: '其他' },
      { content: '旧事项三：站内广播提醒', type: '其他' },
    ],
  },
  metro1v2: {
    commitment: '热情周到，便民利民，让每一位乘客安心出行',
    items: [
      { content: '在早晚高峰增设志愿引导岗，为老年乘客和残障乘客提供进出站全程陪同服务', type: '提供暖心服务' },
      { content: '推出地铁失物招领线上查询服务', type: '优化办事流程' },
      { content: '组织青年员工走进沿线中小学开展安全宣传', type: '其他' },
    ],
  },
  metro1Draft: {
    commitment: '草稿：这段话正在编辑，不能出现在导出中',
    items: [{ content: '草稿事项：不应导出', type: '其他' }],
  },
  station: {
    commitment: '旅客至上，服务至诚',
    items: [
      { content: INJECTION, type: '其他' },
      { content: '+86 重点旅客预约专线，提前安排接送站', type: '提供暖心服务' },
      { content: '-为行动不便旅客提供轮椅和担架服务', type: '解决民生困难' },
    ],
  },
  futian: {
    commitment: '一次办好，温暖同行',
    items: [
      { content: '企业开办一窗通办，一天办结', type: '优化办事流程' },
      { content: '审批事项清单公开，限时办结', type: '规范审批行为' },
      { content: '延时服务，午间不断档', type: '提高服务质量' },
      { content: '@青年志愿者 帮办代办服务', type: '提供暖心服务' },
    ],
  },
  gzOther: {
    commitment: '守护儿童健康',
    items: [
      { content: '开设儿科夜间门诊', type: '提高服务质量' },
      { content: '开展儿童健康科普进社区', type: '其他' },
      { content: '为困难家庭患儿减免部分费用', type: '解决民生困难' },
    ],
  },
} as const;

const at = (iso: string) => new Date(iso);

export interface Seeded {
  database: OpenedDatabase;
  file: string;
  dir: string;
  close(): Promise<void>;
}

type SubmitArgs = [
  unitId: number,
  formId: string,
  versions: Array<{ answers: object; submittedAt: Date; late?: boolean }>,
  /** the live answers of a submission reopened after its last version */
  reopenedDraft?: object,
];

/** A submission with its submitted versions, the last one the latest. */
export async function submitVersions(prisma: OpenedDatabase['prisma'], ...[unitId, formId, versions, reopenedDraft]: SubmitArgs): Promise<void> {
  const last = versions.at(-1)!;
  await prisma.submission.create({
    data: {
      unitId,
      formId,
      status: reopenedDraft ? 'reopened' : 'submitted',
      answers: JSON.stringify(reopenedDraft ?? last.answers),
      version: versions.length,
      submittedAt: last.submittedAt,
      late: last.late ?? false,
      versions: {
        create: versions.map((v, i) => ({
          version: i + 1,
          answers: JSON.stringify(v.answers),
          submittedAt: v.submittedAt,
          submittedBy: 'wxid_test',
          late: v.late ?? false,
        })),
      },
    },
  });
}

/** A fresh database under os.tmpdir() with the units and submissions above. */
export async function seedDatabase(): Promise<Seeded> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bot-export-'));
  const file = path.join(dir, 'bot.db');
  const database = await openDatabase(`file:${file}`, migrationsDir);
  const { prisma } = database;
  const unit = (name: string, kind: string, category: string | null, city: string | null, industry: string | null) =>
    prisma.unit.create({ data: { name, kind, category, city, industry, source: 'roster' } });

  await unit(T.cityGz, 'cityOrg', null, '广州市', null);
  const grid = await unit(T.grid, 'industryOrg', null, null, '广东电网');
  await unit(T.metroOrg, 'industryOrg', null, '广州市', '广州地铁集团');
  const metro1 = await unit(T.metro1, 'collective', 'national20', '广州市', '广州地铁集团');
  const station = await unit(T.station, 'collective', 'provincialModel', '广州市', '广州铁路');
  const futian = await unit(T.futian, 'collective', 'national20', '深圳市', '政务服务');
  await unit(T.szModel, 'collective', 'provincialModel', '深圳市', '广东人社');
  const gzOther = await unit(T.gzOther, 'collective', 'other', '广州市', '广东卫生健康');
  const gzDraft = await unit(T.gzDraft, 'collective', 'national20', '广州市', '政务服务');

  const submit = (...args: SubmitArgs) => submitVersions(prisma, ...args);

  await submit(grid.id, 'industryList', [{ answers: ANSWERS.grid, submittedAt: at('2021-09-27T08:00:00Z') }]);
  await submit(
    metro1.id,
    'modelCollective',
    [
      { answers: ANSWERS.metro1v1, submittedAt: at('2021-09-20T02:30:00Z') },
      { answers: ANSWERS.metro1v2, submittedAt: at('2021-09-29T02:30:00Z') },
    ],
    ANSWERS.metro1Draft,
  );
  await submit(station.id, 'modelCollective', [{ answers: ANSWERS.station, submittedAt: at('2021-10-01T01:00:00Z'), late: true }]);
  await submit(futian.id, 'modelCollective', [{ answers: ANSWERS.futian, submittedAt: at('2021-09-28T06:15:00Z') }]);
  await submit(gzOther.id, 'modelCollective', [{ answers: ANSWERS.gzOther, submittedAt: at('2021-09-30T03:59:00Z') }]);
  // A draft that was never submitted: no version, so it counts as missing.
  await prisma.submission.create({
    data: { unitId: gzDraft.id, formId: 'modelCollective', status: 'draft', answers: JSON.stringify({ commitment: '还在写' }) },
  });

  return {
    database,
    file,
    dir,
    async close() {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function readWorkbook(data: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  return workbook;
}

/** The first worksheet's cells as text, row by row; the covered cells of a merge read as ''. */
export function grid(sheet: ExcelJS.Worksheet): string[][] {
  const rows: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) {
      const cell = sheet.getCell(r, c);
      row.push(cell.isMerged && cell.master.address !== cell.address ? '' : cell.text);
    }
    rows.push(row);
  }
  return rows;
}

export function merges(sheet: ExcelJS.Worksheet): string[] {
  return [...(sheet.model as { merges: string[] }).merges].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

/** One file of a zip (an .xlsx) as text: enough to look at the sheet XML itself. */
export async function zipEntry(zip: Buffer, name: string): Promise<string> {
  const entry = (await JSZip.loadAsync(zip)).file(name);
  if (!entry) throw new Error(`${name} is not in the zip`);
  return entry.async('string');
}
