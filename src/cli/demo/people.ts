// The invented groups and people of the demo: their names in texts/operator.yaml (demoPeople), their ids
// here. Fixed ids, so a kept database (--db) finds the same groups again whatever they are called.
import type { Catalogue } from '../../campaign/index.js';
import { operatorTexts } from '../../texts/index.js';

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

const GROUP = { topic: [], first: [], second: [] } as const;

export const DEMO_PEOPLE = { group1: GROUP, group2: GROUP, group3: GROUP, admin: [] } as const satisfies Catalogue;

const GROUP_IDS = [
  { names: 'group1', id: 'demo-group-1@chatroom', members: ['wxid_demo_lihua', 'wxid_demo_wangqiang'] },
  { names: 'group2', id: 'demo-group-2@chatroom', members: ['wxid_demo_chenmin', 'wxid_demo_liuyang'] },
  { names: 'group3', id: 'demo-group-3@chatroom', members: ['wxid_demo_huanglei', 'wxid_demo_zhouting'] },
] as const;

export function demoGroups(): DemoGroup[] {
  const names = operatorTexts('demoPeople', DEMO_PEOPLE);
  return GROUP_IDS.map(({ names: key, id, members: [first, second] }) => ({
    id,
    topic: names[key].topic,
    members: [
      { id: first, name: names[key].first },
      { id: second, name: names[key].second },
    ],
  }));
}

/** The admin who chats with the bot privately after /admin; this id is passed to startApp's `admins`. */
export function demoAdmin(): DemoMember {
  return { id: 'wxid_demo_admin', name: operatorTexts('demoPeople', DEMO_PEOPLE).admin };
}
