// Writes tests/fixtures/campaign-2022: the 2021 campaign file with another year's forms, choices and
// deadline, for the test that a new campaign needs only a data file. Run again after adding a sentence
// to the campaign schema: npx tsx scripts/make-campaign-2022.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';
const c = parse(readFileSync('conversations/campaign-2021.yaml', 'utf8'));
c.id = 'gd-2022-volunteer-month';
c.title = '2022年广东青年志愿服务月（虚构）';
c.choiceSets = {
  audience: [
    { value: '老年人', aliases: ['老人', '长者'] },
    { value: '青少年', aliases: ['学生', '儿童'] },
    { value: '残障人士', aliases: ['残疾人'] },
    { value: '其他群体', aliases: ['其他'] },
  ],
};
c.forms = [
  {
    id: 'volunteerProject',
    title: '志愿服务项目登记表（虚构）',
    shortTitle: '项目表',
    appliesTo: [{ kind: 'collective' }],
    deadline: '2022-03-31 18:00',
    requirements: '项目名称 + 项目负责人 + 至少2个活动（每个60字以内，并选服务对象）',
    fields: [
      {
        id: 'projectName',
        kind: 'text',
        label: '项目名称',
        minChars: 2,
        maxChars: 20,
        editWords: ['名称'],
        prompt: '第{step}步：请发送志愿服务项目的名称（20字以内）。',
        saved: '✅ 项目名称已保存：{value}。',
      },
      {
        id: 'leader',
        kind: 'text',
        label: '项目负责人',
        minChars: 2,
        maxChars: 10,
        editWords: ['负责人'],
        prompt: '第{step}步：请发送项目负责人的姓名。',
        saved: '✅ 负责人已保存：{value}。',
      },
      {
        id: 'activities',
        kind: 'list',
        label: '活动',
        itemLabel: '第{n}个活动',
        minItems: 2,
        maxItems: 5,
        fields: [
          { id: 'what', kind: 'text', label: '活动内容', minChars: 4, maxChars: 60, unique: true, prompt: '第{step}步：请发送第{n}个活动的内容（60字以内）。' },
          { id: 'who', kind: 'choice', label: '服务对象', choices: 'audience', prompt: '请选择第{n}个活动的服务对象，回复数字：' },
        ],
        saved: '✅ 第{n}个活动已保存（{who}）。',
        summaryLine: '{n}. {what}（{who}）',
      },
    ],
  },
];
c.messages.errorDuplicate = '这与第{other}个活动内容相同，请发送不同的活动。';
c.messages.deleteBelowMin = '活动至少需要{min}个，目前{count}个，不能再删除。';
c.messages.helpForm = '可用指令：上一步、修改 名称 / 修改 2、删除 3、继续 / 完成、确认、取消、进度、接管、指南';
// The guide's own words where the 2021 ones speak of 2021's forms; the rest of it comes from the forms above.
c.guide.intro = '2022年3月是广东青年志愿服务月（虚构），各集体登记本集体的志愿服务项目。要交的表都直接在本群向“{bot}”填报，按提示一问一答即可。';
c.guide.commands = [
  { command: 'start', does: '开始或接着填报' },
  { command: 'progress', does: '查看填到哪里、还差什么、离截止还有多久' },
  { command: 'edit', say: ['修改 名称', '修改 2'], does: '修改项目名称或第2个活动' },
  { command: 'delete', say: ['删除 3'], does: '删除第3个活动（至少保留2个）' },
  ...['back', 'continue', 'finish', 'confirm', 'cancel', 'takeover', 'help', 'guide'].map((command) =>
    c.guide.commands.find((entry: { command: string }) => entry.command === command),
  ),
];
c.guide.commands.find((entry: { command: string }) => entry.command === 'continue').does = '再添加一个活动';
// Its own categories of collectives, with their own codes, labels and the roster's words (roster.yaml here).
c.categories = { codes: ['nationalDemo', 'provincialDemo', 'ordinary'], default: 'ordinary' };
c.admin.labels.categories = { nationalDemo: '全国志愿服务示范集体', provincialDemo: '2022年广东志愿服务示范集体', ordinary: '普通集体' };
c.guide.categories = {};
c.exports.categories = {
  ...c.admin.labels.categories,
  industryOrg: c.exports.categories.industryOrg,
  cityOrg: c.exports.categories.cityOrg,
};
// Its own tables: another title and other headers, the columns filled from the 2022 form's own fields.
const activities = { items: 'activities', content: 'what', type: 'who' };
const heading = (sheetName: string, label: string, title: string, subtitle: string) => ({ sheetName, label, title, subtitle, form: 'volunteerProject' });
c.exports.attachment1 = {
  ...c.exports.attachment1,
  ...heading('项目表', '附表一', '志愿服务项目活动表（虚构）', '（按项目）'),
  columns: { name: 'projectName', ...activities },
  headers: ['志愿服务项目名称', '活动内容（60字以内）', '服务对象'],
  notes: ['说明：本表由各集体的登记汇总生成（虚构）。'],
};
c.exports.attachment2 = {
  ...c.exports.attachment2,
  ...heading('负责人表', '附表二', '志愿服务项目负责人与活动表（虚构）', '（按集体）'),
  columns: { commitment: 'leader', ...activities },
  sections: [{ category: 'nationalDemo', headers: ['编号', '集体名称', '项目负责人', '活动内容', '服务对象'] }],
  none: '（暂无）',
  notes: ['说明：负责人以登记为准（虚构）。'],
};
c.exports.list = {
  ...c.exports.list,
  sheetName: '公示',
  title: '2022年广东青年志愿服务月 活动公示（虚构）',
  publicHeaders: ['集体/项目', '负责人', '活动', '服务对象'],
};
c.exports.briefs = { ...c.exports.briefs, form: 'volunteerProject', columns: { summary: 'projectName' } };
c.exports.fileTables = { attachment1: '附表一_志愿服务项目活动表', attachment2: '附表二_项目负责人与活动表', list: '活动公示' };
c.exports.words = { attachment1: ['附表一'], attachment2: ['附表二'], list: ['公示'], briefs: ['简报'] };
c.guide.tips = ['一次只发一项内容，按提示一问一答，每条回答都当场保存。', '助手只记录发“填报”那位成员的回答；其他成员找助手请@{bot}。'];
const header =
  '# An invented campaign for 2022, to show that a new year needs only a new data file (tests/campaign/new-campaign.test.ts).\n# Written by scripts/make-campaign-2022.ts from the 2021 campaign.\n';
writeFileSync('tests/fixtures/campaign-2022/campaign-2022.yaml', header + stringify(c, { lineWidth: 0 }));
