// The group as a whole: what used to dead-end or lose an update when the conversation was spread over
// several tables. Each case is one the one-machine-per-group change was made for.
import { describe, expect, it } from 'vitest';
import { GroupConversations, type IncomingMessage } from '../../src/conversation/session.js';
import type { GroupWrite } from '../../src/conversation/store.js';
import { messagesIn } from '../support/group-message.js';
import { MemoryStore } from '../support/memory-store.js';
import { campaign, COMMITMENT, ITEMS, NOW } from './harness.js';
import { fileBytes } from '../support/file-bytes.js';
import { patternOf, sentenceOf, templateOf } from '../support/says.js';

const NAMES: Record<string, string> = { u1: '林晓', u2: '周婷' };
const SUMMARY = '10月全市青年文明号集体开展开放日、岗位体验和志愿服务活动共120场，服务群众两万余人次。';

/** How the bot names the n-th service item (修改 2 is 修改 of this). */
const itemLabel = (n: number) => sentenceOf('form:collectiveList.items.itemLabel', { n });
const { listSeparator } = campaign.formats;

/** One group over a store, with a clock that stands still. */
function group(store = new MemoryStore(), roomId = 'room-1') {
  let conv = new GroupConversations({ campaign, store, now: () => NOW });
  const message = messagesIn({ roomId, topic: '工作群', names: NAMES });
  const say = async (text: string, who = 'u1', extra: Partial<IncomingMessage> = {}) => (await conv.handle(message(text, who, extra))).join('\n');
  const sayAll = async (texts: string[]) => {
    let last = '';
    for (const text of texts) last = await say(text);
    return last;
  };
  const file = (name: string, mime: string) =>
    say('', 'u1', { kind: mime.startsWith('image/') ? 'image' : 'file', file: async () => ({ name, mime, data: fileBytes(mime, 1024) }) });
  return {
    store,
    conv: () => conv,
    say,
    sayAll,
    file,
    message,
    restart: () => (conv = new GroupConversations({ campaign, store, now: () => NOW })),
    row: () => store.rooms.get(roomId),
  };
}

/** An industry league body: it fills 附件1 and the brief. */
function industryGroup() {
  const g = group();
  g.store.addUnit('room-1', '广东电网有限责任公司团委', { kind: 'industryOrg', industry: '广东电网', categories: [] });
  return g;
}

async function briefHandedIn(g: ReturnType<typeof group>) {
  await g.say('填报 简报');
  await g.sayAll([SUMMARY, 'https://mp.weixin.qq.com/s/abc']);
  expect(await g.file('现场.jpg', 'image/jpeg')).toSay('form:activityReport.files.saved', { n: 1, file: patternOf('mediaName', { name: '现场.jpg' }) });
  expect(await g.say('完成')).toSay('submitted');
}

describe('修改 on a form without a review', () => {
  it('reopens the brief showing what it holds, 确认 hands it in again, and nothing locks up around it', async () => {
    const g = industryGroup();
    await briefHandedIn(g);
    const reopened = await g.say('修改');
    expect(reopened).toSay('reopened', { form: '简报' });
    expect(reopened).toSay('summaryText', { label: '简介或文字简报', value: SUMMARY });
    expect(reopened).toSay('form:activityReport.completeWith.more');
    expect(await g.say('帮助')).toSay('form:activityReport.hints.help');
    expect(await g.say('进度')).toSay('progressReopened', { form: '简报', version: 1 });
    expect(await g.say('取消')).toSay('cancelled');
    expect(await g.say('填报 附件1')).toSay('form:industryList.industryName.prompt', { step: 1 });
    const resumed = await g.say('填报 简报');
    // what the brief holds, in the order the form asks for it
    const have = [
      patternOf('form:activityReport.links.counted', { count: 1 }),
      patternOf('form:activityReport.files.counted', { count: 1 }),
      patternOf('form:activityReport.summary.counted', { chars: /\d+/ }),
    ];
    expect(resumed).toSay('form:activityReport.completeWith.more', { have: new RegExp(have.map((part) => part.source).join(listSeparator)) });
    expect(await g.say('修改 简介')).toSay('editing', { label: '简介或文字简报' });
    expect(await g.say(`${SUMMARY}另有线上活动30场。`)).toSay('form:activityReport.completeWith.more');
    expect(await g.say('确认')).toSay('submitted');
    expect(g.store.history.map((h) => h.version)).toEqual([1, 2]);
  });
});

describe('修改 on a form reopened and put aside', () => {
  it('opens it again where it was, as reopened, not as a new form', async () => {
    const g = group();
    g.store.addUnit('room-1', '广州地铁运营一中心青年文明号');
    await g.sayAll(['填报', COMMITMENT, ITEMS[0]!, '4', ITEMS[1]!, '1', ITEMS[2]!, '3', '完成', '确认', '修改', '取消']);
    const again = await g.say('修改');
    expect(again.split('\n')[0]).toBe(sentenceOf('reopened', { form: '承诺事项' }));
    expect(again).not.toSay('greeting');
    expect(again).toSay('reviewAtMin');
    expect(await g.say('修改 2')).toSay('editing', { label: itemLabel(2) });
  });
});

describe('确认 half-way through a change', () => {
  it('shows the review when everything is there, instead of "还不能提交：。"', async () => {
    const g = group();
    g.store.addUnit('room-1', '广州地铁运营一中心青年文明号');
    await g.sayAll(['填报', COMMITMENT, ITEMS[0]!, '4', ITEMS[1]!, '1', ITEMS[2]!, '3', '完成', '确认', '修改 3']);
    expect(await g.say('延长春运和国庆期间的问询服务时间')).toSay('form:collectiveList.items.type.prompt', { n: 3 });
    const review = await g.say('确认');
    expect(review).not.toSay('notNowConfirm');
    expect(review).toSay('form:collectiveList.items.summaryLine', { n: 3, content: '延长春运和国庆期间的问询服务时间', type: '提高服务质量' });
    expect(review).toSay('reviewAtMin');
    expect(await g.say('确认')).toSay('submitted');
  });

  it('still names what is missing when something is', async () => {
    const g = group();
    g.store.addUnit('room-1', '广州地铁运营一中心青年文明号');
    await g.sayAll(['填报', COMMITMENT, ITEMS[0]!, '4']);
    expect(await g.say('确认')).toSay('notNowConfirm', { missing: sentenceOf('missingItems', { label: '服务事项', count: 2 }) });
  });
});

describe('修改 with several forms handed in', () => {
  it('asks which one, and reopens the one chosen', async () => {
    const g = industryGroup();
    await g.sayAll(['填报 附件1', '广东电网系统', ITEMS[0]!, '4', ITEMS[1]!, '1', ITEMS[2]!, '3', '完成', '确认']);
    await briefHandedIn(g);
    const which = await g.say('修改');
    expect(which).toSay('chooseEdit');
    expect(which).toSay('chooseFormLine', { n: 1, status: patternOf('progressSubmitted', { form: '附件1', count: 3 }) });
    expect(which).toSay('chooseFormLine', { n: 2, status: patternOf('form:activityReport.hints.progressSubmitted', { form: '简报' }) });
    const reopened = await g.say('2');
    expect(reopened.split('\n')[0]).toBe(sentenceOf('reopened', { form: '简报' }));
    expect(reopened).toSay('summaryText', { label: '简介或文字简报', value: SUMMARY });
    expect(g.row()?.formId).toBe('activityReport');
  });
});

describe('text of several lines', () => {
  it('is a text of several lines in the brief, not an internal error', async () => {
    const g = industryGroup();
    await g.say('填报 简报');
    const reply = await g.say('10月全市开展开放日活动共120场。\n岗位体验和志愿服务活动服务群众两万余人次。');
    expect(reply).toSay('form:activityReport.completeWith.tooShort');
    expect(reply).not.toSay('internalError');
  });

  it('is a paste of items where items are asked', async () => {
    const g = group();
    g.store.addUnit('room-1', '广州地铁运营一中心青年文明号');
    await g.sayAll(['填报', COMMITMENT]);
    expect(await g.say(`1. ${ITEMS[0]}\n2. ${ITEMS[1]}`)).toSay('pasteHeading');
  });
});

describe('switching forms mid-form', () => {
  it('填报 简报 while 附件1 is open opens the brief, and 附件1 resumes with its answers', async () => {
    const g = industryGroup();
    await g.sayAll(['填报 附件1', '广东电网系统', ITEMS[0]!]);
    const brief = await g.say('填报 简报');
    expect(brief).toSay('greeting', { form: templateOf('form:activityReport.title') });
    expect(brief).toSay('form:activityReport.completeWith.prompt');
    expect(g.row()?.formId).toBe('activityReport');
    await g.say(SUMMARY);
    const back = await g.say('填报 附件1');
    expect(back).toSay('resumed', { form: '附件1' });
    expect(back).toSay('form:industryList.items.type.prompt', { n: 1 });
    expect(g.store.submissions.get('1:industryList')?.answers).toEqual({ industryName: '广东电网系统', items: [{ content: ITEMS[0] }] });
    expect(g.store.submissions.get('1:activityReport')?.answers).toEqual({ summary: SUMMARY });
  });

  it('a form the unit does not fill is refused, and the open question asked again', async () => {
    const g = industryGroup();
    await g.sayAll(['填报 附件1', '广东电网系统']);
    const reply = await g.say('填报 附件2');
    expect(reply).toSay('formNotForUnit', { form: '附件2', forms: '附件1、简报' });
    expect(reply.endsWith(templateOf('form:industryList.items.content.firstHint'))).toBe(true);
  });
});

describe('binding and opening are one write', () => {
  it('the write that binds the group also opens its form, so no kill can leave one without the other', async () => {
    const g = group();
    const unit = g.store.addRosterUnit('广州地铁运营一中心青年文明号', { city: '广州市' });
    const writes = () => g.store.writes.length;
    await g.say('绑定 广州地铁运营一中心青年文明号');
    expect(writes()).toBe(1);
    const [write] = g.store.writes;
    expect(write!.effects).toEqual([{ kind: 'bind', unitId: unit.id }]);
    expect(write!.formId).toBe('collectiveList');
    expect(write!.unitId).toBe(unit.id);
  });
});

describe('an admin’s 解绑 against a group in the middle of its form', () => {
  it('goes through the group’s own machine: the group is free, the answers stay with the unit', async () => {
    const g = group();
    const unit = g.store.addUnit('room-1', '广州地铁运营一中心青年文明号');
    await g.sayAll(['填报', COMMITMENT, ITEMS[0]!]);
    expect(await g.conv().unbindUnit(unit.id, 'wxid_admin')).toEqual(['room-1']);
    expect(g.store.unitOf('room-1')).toBeNull();
    expect(g.row()?.formId).toBeNull();
    expect(await g.say('4')).toBe('');
    expect(await g.say('填报')).toSay('bindAsk');
    expect(g.store.submissions.get(`${unit.id}:collectiveList`)?.answers).toEqual({ commitment: COMMITMENT, items: [{ content: ITEMS[0] }] });
    expect(g.store.audit.map((entry) => entry.action)).toContain('unbind');
    // Bound again, the unit's answers come back with it.
    const rebound = await g.say('绑定 广州地铁运营一中心青年文明号');
    expect(rebound).toSay('resumed');
    expect(rebound).toSay('form:collectiveList.items.type.prompt', { n: 1 });
  });

  it('a message computed on a state that moved on is applied to the new state, once', async () => {
    const g = group();
    g.store.addUnit('room-1', '广州地铁运营一中心青年文明号');
    await g.sayAll(['填报', COMMITMENT]);
    // Another writer (another process, say) changes the row between this message's read and its write.
    const store = g.store;
    const write = store.write.bind(store);
    let interfered = false;
    store.write = async (w: GroupWrite) => {
      if (!interfered) {
        interfered = true;
        const row = store.rooms.get('room-1')!;
        store.rooms.set('room-1', { ...row, revision: row.revision + 1 });
      }
      return write(w);
    };
    const item = g.message(ITEMS[0]!);
    expect((await g.conv().handle(item)).join('\n').split('\n')[0]).toBe(sentenceOf('form:collectiveList.items.type.prompt', { n: 1 }));
    expect(interfered).toBe(true);
    expect(store.submissions.get('1:collectiveList')?.answers).toEqual({ commitment: COMMITMENT, items: [{ content: ITEMS[0] }] });
    expect(store.processed.has(item.id)).toBe(true);
  });
});

describe('a form sent back by its reviewer (退回)', () => {
  async function handedIn() {
    const g = group();
    const unit = g.store.addUnit('room-1', '越秀区政务服务中心青年文明号', { city: '广州市' });
    await g.say('填报');
    await g.say(COMMITMENT);
    for (const item of ITEMS.slice(0, 3)) {
      await g.say(item);
      await g.say('4');
    }
    await g.say('完成');
    expect(await g.say('确认')).toSay('submitted');
    return { g, unit };
  }
  const REVIEWER = { id: 'wxid_gz', name: '共青团广州市委员会' };

  it('reopens the form through the group’s machine, says why, and takes it in again as version 2', async () => {
    const { g, unit } = await handedIn();
    const told = await g.conv().returnForm(unit.id, 'collectiveList', '第3项太笼统，请写明具体举措', REVIEWER);
    expect(told).toEqual([
      {
        roomId: 'room-1',
        text: sentenceOf('returned', { reviewer: REVIEWER.name, form: '承诺事项', reason: '第3项太笼统，请写明具体举措' }),
        // nobody holds a handed-in form: the desk @-mentions who handed it in, from the versions kept
        mention: null,
      },
    ]);
    expect(g.store.submissions.get(`${unit.id}:collectiveList`)?.status).toBe('reopened');
    expect(await g.say('进度')).toSay('progressReopened', { form: '承诺事项', version: 1 });
    // after a restart too, the form is reopened, not handed in
    g.restart();
    expect(await g.say('修改 3')).toSay('editing', { label: itemLabel(3) });
    await g.say('组织青年员工每月走进沿线中小学开展一次安全乘车宣传课');
    await g.say('4');
    expect(await g.say('确认')).toSay('submitted');
    expect(g.store.history.map((h) => h.version)).toEqual([1, 2]);
  });

  it('leaves a form that is not handed in as it is, and says nothing', async () => {
    const { g, unit } = await handedIn();
    await g.say('修改');
    expect(await g.conv().returnForm(unit.id, 'collectiveList', '请补充', REVIEWER)).toEqual([]);
    expect(await g.conv().returnForm(unit.id, 'modelCollective', '请补充', REVIEWER)).toEqual([]);
  });
});

describe('invisible characters in a message', () => {
  it('are taken out before the answer is saved, and the group is told', async () => {
    const g = group();
    g.store.addUnit('room-1', '越秀区政务服务中心青年文明号', { city: '广州市' });
    await g.say('填报');
    const reply = await g.say('热情周到，\u202e便民利民\u202c，让每一位群众\u200b满意');
    const [told, saved] = reply.split('\n');
    expect(told).toBe(sentenceOf('invisibleRemoved', { count: 3 }));
    expect(saved).toSay('form:collectiveList.commitment.saved');
    expect(g.store.submissions.get('1:collectiveList')?.answers).toEqual({ commitment: '热情周到，便民利民，让每一位群众满意' });
    // a command with a stray mark is still the command
    expect(await g.say('进\u200b度')).toSay('progressDraft', { form: '承诺事项' });
  });
});
