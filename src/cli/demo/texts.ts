// Every sentence the demo itself prints (the bot's sentences live in conversations/).
import type { DemoGroup, DemoMember } from './people.js';

export const HELP = `演示指令：
  /groups         列出示例群
  /group 2        切换到第2个群（以该群第1位成员发言）
  /who 2          在本群改以第2位成员发言
  /admin          以管理员身份私聊助手
  /file 路径      以当前身份发送一个文件（例如管理员发送名单）
  /time +2d       拨动演示时钟：+2d、+3h、+30m、-1d，或 /time 2021-09-29 10:00
  /time           显示演示时钟
  /paste          粘贴多行：之后各行合成一条消息，单独一行 /end 发送，/cancel 放弃
  /help           显示本说明
  /quit           退出（Ctrl-D 也可以）
以 @ 开头的消息会 @助手，例如“@ 填报”；要发送以 / 开头的文字，请写两个斜杠，例如“//start”。
一行以 \\ 结尾时，下一行接在同一条消息里（换行），用来一次发送几项服务事项。`;

/** Width of text in a terminal: Chinese characters and full-width punctuation take two columns. */
export function columns(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(char) ? 2 : 1;
  return width;
}

export const texts = {
  title: (campaign: string) => `服务月助手演示：${campaign}`,
  clock: (time: string, zone: string) => `演示时钟：${time}，${zone}`,
  deadline: (form: string, time: string) => `${form}截止：${time}`,
  groupsHeading: '示例群：',
  groupLine: (n: number, group: DemoGroup, current: boolean) =>
    `${current ? '*' : ' '} ${n} ${group.topic}（${group.members.map((member) => member.name).join('、')}）`,
  helpHint: '输入 /help 查看演示指令。',
  inGroup: (n: number, group: DemoGroup, member: DemoMember) => `—— ${n} ${group.topic} · 你是${member.name} ——`,
  inAdminChat: (bot: string, admin: DemoMember) => `—— 与${bot}私聊 · 你是管理员${admin.name} ——`,
  noSuchGroup: (count: number) => `〔没有这个群，请输入 /group 1 到 /group ${count}〕`,
  noSuchMember: (members: DemoMember[]) =>
    `〔本群的成员：${members.map((member, i) => `${i + 1} ${member.name}`).join('、')}，请输入 /who 1 到 /who ${members.length}〕`,
  whoInAdminChat: '〔现在是管理员私聊，先用 /group 回到一个群〕',
  clockNow: (time: string, zone: string) => `〔时钟〕现在是 ${time}，${zone}`,
  /** what /time did: moved forward or back by how much, to what time */
  clockMoved: (ms: number, time: string, zone: string) => {
    if (ms === 0) return `〔时钟〕没有变化，现在是 ${time}，${zone}`;
    const minutes = Math.round(Math.abs(ms) / 60_000);
    const parts = [
      [Math.floor(minutes / 1440), '天'],
      [Math.floor((minutes % 1440) / 60), '小时'],
      [minutes % 60, '分钟'],
    ] as const;
    const amount = parts
      .filter(([n]) => n > 0)
      .map(([n, unit]) => `${n}${unit}`)
      .join('');
    return `〔时钟〕${ms > 0 ? '拨快' : '拨慢'}${amount}，现在是 ${time}，${zone}`;
  },
  deadlineLeft: (form: string, deadline: string, left: string) => `〔${form}截止 ${deadline}，${left}〕`,
  noSuchFile: (path: string) => `〔找不到文件“${path}”〕`,
  sentFile: (name: string) => `〔文件〕${name}`,
  badTime: '〔看不懂这个时间。可以拨快或拨慢（/time +2d、/time +3h、/time -30m、/time +1d2h），或拨到某一时刻（/time 2021-09-29 10:00）〕',
  unknownCommand: (command: string) => `〔演示没有“${command}”这个指令，输入 /help 查看；要把它发给助手，请写成“/${command}”〕`,
  noReply: (seconds: string) => `〔${seconds}秒内助手没有回复〕`,
  elsewhere: (where: string) => `〔${where}〕`,
  privateWith: (name: string) => `与${name}私聊`,
  file: (name: string, path: string) => `〔文件〕${name}，已保存到 ${path}`,
  fileUnsaved: (name: string, reason: string) => `〔文件〕${name}，未能保存：${reason}`,
  otherMessage: (type: string) => `〔${type}消息〕`,
  botLabel: '助手：',
  /** continuation lines start under the first, after "李华：" */
  said: (name: string, text: string) => `${name}：${text.split('\n').join(`\n${' '.repeat(columns(`${name}：`))}`)}`,
  pasting: '〔粘贴模式：接下来的各行会合成一条消息发出，单独一行输入 /end 发送，/cancel 放弃〕',
  pasteDropped: '〔没有发送任何内容〕',
  bye: '演示结束。',
  // on standard error: where things are
  database: (path: string, kept: boolean) => `数据库：${path}${kept ? '' : '（新建的临时数据库，演示结束后保留）'}`,
  campaignCopy: (path: string, days: number) => `活动文件副本：${path}（日期${days >= 0 ? '后移' : '前移'}${Math.abs(days)}天）`,
  logFile: (path: string) => `日志：${path}`,
  filesDir: (path: string) => `助手发送的文件保存到：${path}`,
  cannotStart: '演示无法启动。',
};
