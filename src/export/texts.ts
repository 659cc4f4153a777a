// Every Chinese text of the exported tables, in one place: the notice's titles, headers and 备注 lines
// (附件1 and 附件2 of 关于开展2021年广东青年文明号集中服务月的通知, reproduced word for word), the public list's
// headers, the marks for late submissions, file names and the export command's messages.
// Placeholders in {braces} are filled with fill() from src/campaign/text.ts.

export const SERVICE_TYPES_NOTE = '2. “服务类型”可选填：优化办事流程、规范审批行为、提高服务质量、提供暖心服务、解决民生困难、其他。';

export const exportTexts = {
  attachment1: {
    sheetName: '附件1',
    label: '附件1',
    title: '服务事项清单',
    subtitle: '（省级联创行业系统）',
    headers: ['行业（系统）名称', '服务事项（每项100字以内）', '服务类型'],
    notes: ['备注：1.本表格由联创行业（系统）团组织填写。', SERVICE_TYPES_NOTE, '3. 每个行业（系统）“服务事项”不少于3项，项目较多可扩充表格。'],
  },
  attachment2: {
    sheetName: '附件2',
    label: '附件2',
    title: '服务承诺与服务事项清单',
    subtitle: '（示范集体）',
    /** one section per category of 示范集体, in the notice's order, each under its own header row */
    sections: {
      national20: ['序号', '第20届国号集体名称', '服务承诺（50字以内）', '服务事项（每项100字以内）', '服务类型'],
      provincialModel: ['序号', '2021年省级标兵号集体名称', '服务承诺（50字以内）', '服务事项（每项100字以内）', '服务类型'],
    },
    /** the one row under the header of a section without a collective */
    none: '（无）',
    notes: [
      '备注：1.本表格由地市团委、联创行业（系统）团组织组织本地、本系统第20届全国青年文明号、2021年广东青年文明号标兵号集体填写，汇总后报送。',
      SERVICE_TYPES_NOTE,
      '3.每个集体“服务事项”不少于3项，项目较多可扩充表格。',
    ],
  },
  list: {
    /** the list to publish: a title, then the public columns only */
    sheetName: '清单',
    title: '2021年广东青年文明号集中服务月 服务事项清单',
    /** the first column: the 示范集体's name, or the 行业（系统）名称 of an 附件1 row */
    publicHeaders: ['单位/行业（系统）', '服务承诺', '服务事项', '服务类型'],
    /** the second sheet, for the office: every column, and the units that have not submitted (含未交) */
    detailSheetName: '明细',
    headers: ['单位', '地市', '行业（系统）', '类别', '服务承诺', '服务事项', '服务类型', '提交时间', '逾期'],
    /** the 逾期 column of a late submission (empty otherwise) */
    late: '是',
  },
  /** the zip of the activity briefs (简报或推文): a folder of files per unit, and a workbook listing them */
  briefs: {
    sheetName: '简报',
    headers: ['单位', '地市', '行业（系统）', '类型', '简介', '推文链接', '文件', '提交时间'],
    /** the workbook at the top of the zip */
    indexName: '简报目录.xlsx',
    fileName: '活动简报或推文_{scope}_{date}.zip',
    /** one of several zips, when one would be too large to send */
    partFileName: '活动简报或推文_{scope}_{date}_第{n}部分（共{total}部分）.zip',
    /** the 文件 column for a file the brief names that is not on disk */
    missingFile: '{name}（文件缺失）',
    /** the 提交时间 column of a unit listed (含未交) that has not handed its brief in */
    notSubmitted: '未提交',
    /** a file or unit whose name has nothing left that Windows takes */
    unnamedFile: '文件',
    unnamedUnit: '单位',
  },
  /** 填报单位：… above the notice's tables */
  reporterLine: '填报单位：{reporter}',
  reporter: {
    province: '团省委青发部（全省汇总）',
    /** a city without a 地市团委 in the roster */
    cityFallback: '{city}团委',
    /** an industry system without a 联创行业团组织 in the roster */
    industryFallback: '{industry}团组织',
  },
  /** written after the name in 附件1 and 附件2 when the exported version was submitted after the deadline */
  lateMark: '（逾期提交）',
  /** the 类别 column of the public list */
  categories: {
    national20: '第20届全国青年文明号',
    provincialModel: '2021年广东青年文明号标兵号',
    other: '青年文明号集体',
    industryOrg: '联创行业（系统）团组织',
    cityOrg: '地市团委',
  },
  /** 提交时间, in the campaign's time zone */
  submittedAtFormat: 'YYYY-MM-DD HH:mm',
  fileName: '{table}_{scope}_{date}.xlsx',
  fileTables: {
    attachment1: '附件1_服务事项清单',
    attachment2: '附件2_服务承诺与服务事项清单',
    list: '服务事项公开清单',
  },
  scopeNames: { province: '全省' },
  fonts: { body: '宋体', title: '方正小标宋简体' },
  cli: {
    help: [
      '用法：npm run export -- 附件1|附件2|清单|简报 [--city 地市 | --industry 行业] [--include-missing] [--approved] [--out 文件]',
      '  附件1      服务事项清单（省级联创行业系统）',
      '  附件2      服务承诺与服务事项清单（示范集体）',
      '  清单       服务事项公开清单（每个服务事项一行）',
      '  简报       活动简报或推文：目录表和各单位发来的图片、文件，打包为一个 .zip',
      '  --city     只导出一个地市，填报单位为该市团委',
      '  --industry 只导出一个行业（系统）',
      '  --include-missing  未提交的单位也列出（只有名称），显示缺口',
      '  --approved         只列出地市团委、行业团组织审核通过的（附件2）',
      '  --out      输出文件，默认 data/exports/ 下按表名、范围和日期命名',
      '退出码：0 成功，2 参数有误，4 配置、数据库或写文件出错。',
    ].join('\n'),
    usage: '{reason}\n用法：npm run export -- 附件1|附件2|清单|简报 [--city 地市 | --industry 行业] [--include-missing] [--approved] [--out 文件]',
    missingTable: '请指明要导出的表：附件1、附件2、清单 或 简报。',
    unknownTable: '不认识的表“{table}”，可选：附件1、附件2、清单、简报。',
    unknownOption: '不认识的选项 {option}。',
    missingValue: '选项 {option} 后面需要一个值。',
    bothScopes: '--city 和 --industry 只能选一个。',
    extraArgument: '多余的参数“{argument}”。',
    written: '已导出 {rows} 行：{file}',
    writtenBriefs: '已导出 {rows} 份简报、{files} 个文件{missing}：{file}',
    /** {missing} of writtenBriefs when some files are not on disk */
    missingFiles: '（另有 {count} 个文件在数据目录中找不到，已在目录表中标明）',
    failed: '导出失败：{reason}',
  },
} as const;

export type ExportKind = keyof typeof exportTexts.fileTables;

/** What can be exported: one of the tables (.xlsx), or the briefs (.zip). */
export type ExportWhat = ExportKind | 'briefs';

/** The words that name a table, or the briefs, in the admin's chat and on the command line. */
export const tableWords: Record<string, ExportWhat> = {
  附件1: 'attachment1',
  附件2: 'attachment2',
  清单: 'list',
  简报: 'briefs',
  attachment1: 'attachment1',
  attachment2: 'attachment2',
  list: 'list',
  briefs: 'briefs',
};
