// The invented groups and people of the demo. Fixed ids, so a kept database (--db) finds the same groups
// again. Group 1 is named exactly like a unit of the sample roster (the bot offers it), group 2 loosely
// (it binds with 绑定), group 3 is an industry league body (附件1).
export interface DemoMember {
  id: string;
  name: string;
}

export interface DemoGroup {
  /** a room id must hold '@' for wechaty-puppet-mock to treat it as a room */
  id: string;
  topic: string;
  members: [DemoMember, DemoMember];
}

export const DEMO_BOT_ID = 'demo-bot';

export const DEMO_GROUPS: DemoGroup[] = [
  {
    id: 'demo-group-1@chatroom',
    topic: '广州地铁运营三中心广州东站',
    members: [
      { id: 'wxid_demo_lihua', name: '李华' },
      { id: 'wxid_demo_wangqiang', name: '王强' },
    ],
  },
  {
    id: 'demo-group-2@chatroom',
    topic: '市二医院急诊科青年文明号群',
    members: [
      { id: 'wxid_demo_chenmin', name: '陈敏' },
      { id: 'wxid_demo_liuyang', name: '刘洋' },
    ],
  },
  {
    id: 'demo-group-3@chatroom',
    topic: '广州地铁集团有限公司团委',
    members: [
      { id: 'wxid_demo_huanglei', name: '黄磊' },
      { id: 'wxid_demo_zhouting', name: '周婷' },
    ],
  },
];

/** The admin who chats with the bot privately after /admin; this id is passed to startApp's `admins`. */
export const DEMO_ADMIN: DemoMember = { id: 'wxid_demo_admin', name: '青发部小周' };
