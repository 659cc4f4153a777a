// What the crash test's groups say and who they are: shared by the test and the bot it kills.
export const BOT_ID = 'crash-bot';
export const BOT_NAME = '服务月助手';
/** Ten days before 附件2's deadline: every run of the bot sees the same time. */
export const NOW = new Date('2021-09-20T02:30:00Z');

/** The whole 附件2 form: bind, commitment, three items with their types, 完成, 确认. */
export const SCRIPT = [
  '填报',
  '确认',
  '热情周到，便民利民，让每一位群众满意而归',
  '在窗口设立青年志愿引导岗，为老年人和残障人士提供全程陪同办理服务',
  '4',
  '推出线上预约和进度查询服务，减少群众排队等候时间',
  '1',
  '组织青年员工走进社区开展政策宣讲和业务咨询活动',
  '3',
  '完成',
  '确认',
];

export const roomId = (group: number) => `room-${group}@chatroom`;
export const unitName = (group: number) => `第${group + 1}号测试窗口青年文明号`;
/** The same message keeps its id across restarts, as WeChat delivers it again. */
export const messageId = (group: number, step: number) => `${group}:${step}`;
