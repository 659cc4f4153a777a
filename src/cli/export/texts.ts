// The sentences of npm run export (src/cli/export.ts), and the words that name a table on its command line:
// it reads its arguments before the campaign file, so that a mistyped one is named without a campaign.
// The tables' own words are the campaign's (exports:), and so are the words an admin uses in a chat.
import type { ExportWhat } from '../../export/index.js';

export const exportCliTexts = {
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
} as const;

/** The words that name a table, or the briefs, on the command line (as exports.words says them in 2021). */
export const cliTableWords: Readonly<Record<ExportWhat, readonly string[]>> = {
  attachment1: ['附件1', 'attachment1'],
  attachment2: ['附件2', 'attachment2'],
  list: ['清单', 'list'],
  briefs: ['简报', 'briefs'],
};
