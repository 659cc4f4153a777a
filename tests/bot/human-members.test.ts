// A group's people, as the re-finding of a group after a new login counts them: never the bot's accounts.
import { describe, expect, it } from 'vitest';
import { humanMembers } from '../../src/bot/incoming.js';

const member = (id: string, name: string) => ({ id, name: () => name });

describe('humanMembers', () => {
  it('leaves out every account of the bot, not only the one that reads the group', async () => {
    const room = { memberAll: async () => [member('wxid_jia', '服务月助手'), member('wxid_yi', '服务月助手'), member('wxid_li', '李华')] };
    expect((await humanMembers(room, ['wxid_jia', 'wxid_yi'])).map((m) => m.name())).toEqual(['李华']);
    expect((await humanMembers(room, ['wxid_jia'])).map((m) => m.id)).toEqual(['wxid_yi', 'wxid_li']);
  });
});
