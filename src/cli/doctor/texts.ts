// The lines of the start-up check, for the operator who runs the bot (in Chinese, each with its fix).
export const doctorTexts = {
  rosterOk: '✓ 名单：{count}个单位',
  rosterEmpty: '✗ 名单是空的：运行 npm run roster -- import 名单.xlsx 导入（或由管理员把名单文件私聊发给机器人）',
  adminsOk: '✓ 管理员：{count}位',
  adminsOkPending: '✓ 管理员：{count}位（另有{pending}个邀请未接受，查看：npm run admin -- list）',
  adminsNone:
    '✗ 没有管理员：运行 npm run admin -- invite 名字 邀请（它打印一个验证码，对方用自己的微信私聊机器人发送“管理员 验证码”），或在 .env 里写 ADMINS=管理员的微信联系人ID（多个用逗号隔开）；否则没有人收到汇总，也不能发名单和导出表格',
  adminsPending:
    '✗ 还没有管理员：{pending}个邀请未接受（对方用自己的微信私聊机器人发送“管理员 验证码”；验证码过期或丢了，再运行 npm run admin -- invite 名字），查看：npm run admin -- list',
  campaignOk: '✓ 活动文件：{file}，最晚截止{last}',
  campaignOver: '✗ 活动文件 {file}（{title}）的截止时间都已过去（最晚{last}）：在 .env 里用 CAMPAIGN_DIR= 指向本期的活动文件夹',
  puppetOk: '✓ 微信协议：{puppet}',
  puppetToken: '✗ 微信协议 {puppet} 需要令牌：在 .env 里写 WECHATY_PUPPET_SERVICE_TOKEN=…',
  accountPuppetOk: '✓ 微信号“{name}”：{puppet}',
  accountPuppetToken:
    '✗ 微信号“{name}”的协议 {puppet} 需要令牌：在 .env 里写 ACCOUNT_{n}_TOKEN=…（或用 WECHATY_PUPPET_SERVICE_TOKEN=… 给所有微信号同一个令牌）',
  failed: '有{count}项需要处理，处理后再运行 npm run doctor。',
  passed: '一切就绪，可以运行 npm start。',
  cannotRun: 'npm run doctor 没有完成：{reason}',
} as const;
