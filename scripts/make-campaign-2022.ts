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
c.guide.tips = ['一次只发一项内容，按提示一问一答，每条回答都当场保存。', '助手只记录发“填报”那位成员的回答；其他成员找助手请@{bot}。'];
const header =
  '# An invented campaign for 2022, to show that a new year needs only a new data file (tests/campaign/new-campaign.test.ts).\n# Written by scripts/make-campaign-2022.ts from the 2021 campaign.\n';
writeFileSync('tests/fixtures/campaign-2022/campaign-2022.yaml', header + stringify(c, { lineWidth: 0 }));
