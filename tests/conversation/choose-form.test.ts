// A unit that fills several forms chooses one: by number from the list 填报 shows, or by name.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseCampaign } from '../../src/campaign/parse.js';
import { GroupConversations } from '../../src/conversation/session.js';
import { messagesIn } from '../support/group-message.js';
import { MemoryStore } from '../support/memory-store.js';
import { patternOf, sentenceOf } from '../support/says.js';
import { COMMITMENT, NOW } from './harness.js';

// The 2021 campaign with a second form for collectives.
const raw = parseYaml(readFileSync('conversations/campaign-2021.yaml', 'utf8'));
raw.forms.push({ ...structuredClone(raw.forms[1]), id: 'extraForm', title: '附加表（测试）', shortTitle: '附加表', deadline: '2021-10-15 18:00' });
const campaign = parseCampaign(raw, 'two-forms');

const message = messagesIn();

function group(store = new MemoryStore()) {
  const unit = store.units[0] ?? store.addUnit('room-1', '广州地铁运营一中心青年文明号');
  let conv = new GroupConversations({ campaign, store, now: () => NOW });
  const say = async (text: string, who = 'u1') => (await conv.handle(message(text, who))).join('\n');
  const restart = () => (conv = new GroupConversations({ campaign, store, now: () => NOW }));
  return { store, unit, say, restart };
}

describe('choosing among several forms', () => {
  it('lists them with their status and deadline, and opens the one chosen by number, even after a restart', async () => {
    const g = group();
    const list = await g.say('填报');
    expect(list).toSay('chooseForm', { example: '承诺事项' });
    const first = sentenceOf('progressNotStarted', { form: '承诺事项', deadline: '9月30日（周四）23:59', timeLeft: '还剩10天13小时' });
    expect(list).toSay('chooseFormLine', { n: 1, status: first });
    expect(list).toSay('chooseFormLine', { n: 2, status: patternOf('progressNotStarted', { form: '附加表', deadline: '10月15日（周五）18:00' }) });
    g.restart();
    const opened = await g.say('2');
    expect(opened).toSay('greeting', { form: '附加表（测试）' });
    expect(opened).toSay('form:extraForm.commitment.prompt', { step: 1 }, campaign);
    await g.say(COMMITMENT);
    expect(g.store.submissions.get(`${g.unit.id}:extraForm`)?.answers).toEqual({ commitment: COMMITMENT });
    expect(g.store.rooms.get('room-1')?.state).toMatchObject({ context: { choices: [] } });
  });

  it('goes straight to a form named after 填报, and refuses one the unit does not fill', async () => {
    const g = group();
    expect(await g.say('填报 附加表')).toSay('greeting', { form: '附加表（测试）' });
    const other = group(new MemoryStore());
    expect(await other.say('填报 附件1')).toSay('formNotForUnit', { unit: '广州地铁运营一中心青年文明号', form: '附件1', forms: '承诺事项、附加表' });
  });

  it('lists again on a number out of range, and withdraws the list on 取消', async () => {
    const g = group();
    await g.say('填报');
    expect(await g.say('7')).toSay('chooseForm');
    expect(await g.say('取消')).toSay('cancelled');
    expect(await g.say('1')).toBe('');
  });

  it('leaves a text that merely starts with 填报 an answer', async () => {
    const g = group();
    await g.say('填报 承诺事项');
    expect(await g.say('填报工作认真负责，热情服务每一位乘客')).toSay('form:collectiveList.commitment.saved');
  });
});
