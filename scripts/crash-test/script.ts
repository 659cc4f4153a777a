// What the crash test's groups say and who they are: shared by the test and the bot it kills.
import { FILL_FORM } from '../fill-form.js';

export const BOT_ID = 'crash-bot';
export const BOT_NAME = '服务月助手';
/** Ten days before 附件2's deadline: every run of the bot sees the same time. */
export const NOW = new Date('2021-09-20T02:30:00Z');

/** The whole 附件2 form: bind, commitment, three items with their types, 完成, 确认. */
export const SCRIPT = FILL_FORM;

export const roomId = (group: number) => `room-${group}@chatroom`;
export const unitName = (group: number) => `第${group + 1}号测试窗口青年文明号`;
/** The same message keeps its id across restarts, as WeChat delivers it again. */
export const messageId = (group: number, step: number) => `${group}:${step}`;
