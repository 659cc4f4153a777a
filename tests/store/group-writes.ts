// The writes the groups' store tests send: an unbound group's first write, and one of a group bound to the
// roster's one unit, each with what a test changes laid over it.
import { EMPTY_CONTEXT } from '../../src/conversation/group-machine.js';
import type { GroupWrite } from '../../src/conversation/store.js';

export const AT = new Date('2021-09-20T02:30:00Z');
/** a group's context before anything happened in it */
export const CONTEXT = EMPTY_CONTEXT;
/** the roster's one unit */
export const UNIT = {
  id: 1,
  name: '广州地铁运营一中心青年文明号',
  kind: 'collective' as const,
  categories: ['other' as const],
  city: '广州市',
  industry: null,
};

export function write(over: Partial<GroupWrite> = {}): GroupWrite {
  return {
    roomId: 'room-1',
    revision: 0,
    messageId: 'm1',
    at: AT,
    actor: 'u1',
    version: '2.test',
    state: { value: { unbound: 'idle' }, context: CONTEXT },
    unitId: null,
    ownerId: null,
    ownerName: null,
    formId: null,
    drafts: [],
    effects: [],
    ...over,
  };
}

export const bound = (over: Partial<GroupWrite> = {}) =>
  write({ unitId: 1, ownerId: 'u1', ownerName: '李华', formId: 'modelCollective', state: { value: 'bound', context: { ...CONTEXT, unit: UNIT } }, ...over });
