// The exports carry over to a new campaign: the invented 2022 campaign (tests/fixtures/campaign-2022) exports
// its own tables, with its own titles, headers and notes, filled from its own form's fields, and names them
// with its own words; no code changed.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exportFileName, parseExportKind, type ExportData } from '../../src/export/index.js';
import { buildAttachment1, buildAttachment2, buildPublicList, toBuffer } from '../../src/export/tables.js';
import { loadCampaign } from '../../src/files/campaign.js';
import { grid, readWorkbook } from './seed.js';

const campaign = loadCampaign(fileURLToPath(new URL('../fixtures/campaign-2022', import.meta.url)));
const LAYOUT = campaign.exports;
const NOW = new Date('2022-03-30T05:00:00Z');
const ANSWERS = {
  projectName: '长者智能手机课堂',
  leader: '陈小明',
  activities: [
    { what: '每周六在社区教老人使用健康码和网上挂号', who: '老年人' },
    { what: '暑假为社区学生开设防诈骗讲座', who: '青少年' },
  ],
};

const data: ExportData = {
  reporter: '团省委青发部（全省汇总）',
  timeZone: campaign.timezone,
  generatedAt: NOW,
  layout: LAYOUT,
  units: [
    {
      id: 1,
      name: '深圳市福田区政务服务中心青年文明号',
      kind: 'collective',
      categories: ['nationalDemo'],
      city: '深圳市',
      industry: null,
      forms: ['volunteerProject'],
      submissions: { volunteerProject: { version: 1, answers: ANSWERS, submittedAt: NOW, late: true, approved: false } },
    },
  ],
};

const sheets = async (workbook: Parameters<typeof toBuffer>[0]) => (await readWorkbook(await toBuffer(workbook))).worksheets;

describe('the 2022 campaign exports its own tables', () => {
  it('writes 附表一 with its title, headers and notes, from its own form', async () => {
    const [sheet] = await sheets(buildAttachment1(data));
    expect(sheet!.name).toBe('项目表');
    expect(grid(sheet!)).toEqual([
      ['附表一', '', ''],
      ['志愿服务项目活动表（虚构）', '', ''],
      ['（按项目）', '', ''],
      ['填报单位：团省委青发部（全省汇总）', '', ''],
      ['志愿服务项目名称', '活动内容（60字以内）', '服务对象'],
      ['长者智能手机课堂（逾期提交）', '每周六在社区教老人使用健康码和网上挂号', '老年人'],
      ['', '暑假为社区学生开设防诈骗讲座', '青少年'],
      ['说明：本表由各集体的登记汇总生成（虚构）。', '', ''],
    ]);
  });

  it('writes 附表二 with its one section, the leader in the column 2021 gave the commitment', async () => {
    const [sheet] = await sheets(buildAttachment2(data));
    expect(grid(sheet!).slice(4)).toEqual([
      ['编号', '集体名称', '项目负责人', '活动内容', '服务对象'],
      ['1', '深圳市福田区政务服务中心青年文明号（逾期提交）', '陈小明', '每周六在社区教老人使用健康码和网上挂号', '老年人'],
      ['', '', '', '暑假为社区学生开设防诈骗讲座', '青少年'],
      ['说明：负责人以登记为准（虚构）。', '', '', '', ''],
    ]);
  });

  it('writes the list under its own title and headers, and names files and tables with its own words', async () => {
    const [published, detail] = await sheets(buildPublicList(data));
    // its own category, by its own code (the first rows are 附表一's: the project's name in the industry column)
    expect(grid(detail!)[1]!.slice(0, 4)).toEqual(['深圳市福田区政务服务中心青年文明号', '深圳市', '长者智能手机课堂', '全国志愿服务示范集体']);
    expect(published!.name).toBe('公示');
    expect(grid(published!).slice(0, 2)).toEqual([
      ['2022年广东青年志愿服务月 活动公示（虚构）', '', '', ''],
      ['集体/项目', '负责人', '活动', '服务对象'],
    ]);
    expect(exportFileName('attachment1', { kind: 'province' }, NOW, campaign.timezone, LAYOUT)).toBe('附表一_志愿服务项目活动表_全省_20220330.xlsx');
    expect(parseExportKind('附表二', LAYOUT.words)).toBe('attachment2');
    expect(parseExportKind('附件2', LAYOUT.words)).toBeUndefined();
  });

  it('sizes the columns as its file says, and writes the time handed in its own way', async () => {
    const widths = (sheet: { columns: { width?: number }[] }) => sheet.columns.map((column) => column.width);
    const [attachment1] = await sheets(buildAttachment1(data));
    expect(widths(attachment1!)).toEqual([30, 60, 14]);
    const [published, detail] = await sheets(buildPublicList(data));
    expect(widths(published!)).toEqual([40, 20, 56, 14]);
    expect(grid(detail!)[1]![7]).toBe('2022年3月30日 13:00');
  });
});
