// A group hands in its commitment and service items through the real Wechaty and the mock puppet.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { campaign2021, sentenceOf } from '../support/says.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const COMMITMENT = '热情周到，便民利民，让每一位乘客安心出行';
const ITEMS = [
  ['在早晚高峰增设志愿引导岗，为老年乘客和残障乘客提供进出站全程陪同服务', '暖心服务', '提供暖心服务'],
  ['推出地铁失物招领线上查询服务，方便乘客快速找回遗失物品', '1', '优化办事流程'],
  ['组织青年员工走进沿线中小学开展安全乘车宣传课', '3', '提高服务质量'],
] as const;

function readDatabase(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    return {
      submissions: db.prepare('SELECT status, version, late, answers FROM Submission').all() as {
        status: string;
        version: number;
        late: number;
        answers: string;
      }[],
      versions: db.prepare('SELECT version, answers FROM SubmissionVersion ORDER BY version').all() as { version: number; answers: string }[],
      conversations: db.prepare('SELECT id FROM Room WHERE formId IS NOT NULL').all(),
      units: db.prepare('SELECT name, kind FROM Unit').all() as { name: string; kind: string }[],
    };
  } finally {
    db.close();
  }
}

/** 进度 after the commitment and one item: each part done, as the progress line joins them. */
const DONE_COMMITMENT_AND_ONE = [sentenceOf('progressDoneText', { label: '服务承诺' }), sentenceOf('progressDoneItems', { count: 1, label: '服务事项' })].join(
  campaign2021().formats.listSeparator,
);

async function registerAndStart(t: TestApp, room: { id: string }, member: string) {
  const ask = await t.ask(member, room, '填报', { mentionBot: true });
  expect(ask).toContain(campaign2021().registration.prompt);
  const greeting = await t.ask(member, room, '广州地铁运营一中心青年文明号');
  expect(greeting).toSay('unitRegistered', { unit: '广州地铁运营一中心青年文明号' });
  expect(greeting).toSay('greeting', { unit: '广州地铁运营一中心青年文明号', deadline: '9月30日（周四）23:59', timeLeft: '还剩10天13小时' });
  expect(greeting).toContain('第1步：请发送本集体的服务承诺（50字以内）');
}

describe('a group hands in its form', () => {
  it('goes from 填报 to 确认 and stores the submission', async () => {
    const t = await startTestApp();
    try {
      const { room } = t.wechat.createRoom('地铁一中心青年文明号群', ['李华', '王强']);
      await registerAndStart(t, room, '李华');
      expect(await t.ask('李华', room, COMMITMENT)).toContain('✅ 服务承诺已保存（20字）');
      for (const [n, [content, type, typeName]] of ITEMS.entries()) {
        expect(await t.ask('李华', room, content)).toContain(`请选择第${n + 1}项的服务类型`);
        expect(await t.ask('李华', room, type)).toContain(`✅ 第${n + 1}项已保存（${typeName}）`);
      }
      expect(t.wechat.replies(room).at(-1)).toSay('continuePrompt', { count: 3, next: 4 });
      const review = await t.ask('李华', room, '完成');
      expect(review).toSay('summaryText', { label: '服务承诺', value: COMMITMENT });
      expect(review).toContain(`3. ${ITEMS[2][0]}（提高服务质量）`);
      expect(await t.ask('李华', room, '确认')).toSay('submitted', { time: '9月20日 10:30' });
      expect(await t.ask('王强', room, '进度')).toSay('progressSubmitted', { form: '承诺事项', count: 3, time: '9月20日 10:30' });
    } finally {
      await t.app.stop();
    }
    const db = readDatabase(t.databaseFile);
    expect(db.units).toEqual([{ name: '广州地铁运营一中心青年文明号', kind: 'collective' }]);
    expect(db.submissions).toHaveLength(1);
    expect(db.submissions[0]).toMatchObject({ status: 'submitted', version: 1, late: 0 });
    const answers = JSON.parse(db.submissions[0]!.answers);
    expect(answers.commitment).toBe(COMMITMENT);
    expect(answers.items).toHaveLength(3);
    expect(db.versions).toHaveLength(1);
    expect(db.conversations).toHaveLength(0);
  });

  it('answers every kind of bad input in Chinese and keeps what was accepted', async () => {
    const t = await startTestApp();
    try {
      const { room } = t.wechat.createRoom('测试群', ['李华']);
      await registerAndStart(t, room, '李华');
      expect(await t.ask('李华', room, '   ')).toBe(sentenceOf('errorEmpty', { label: '服务承诺' }));
      expect(await t.ask('李华', room, '我们'.repeat(31))).toSay('errorTooLong', { label: '服务承诺', max: 50, count: 62 });
      expect(await t.ask('李华', room, '长'.repeat(10_000))).toSay('errorTooLong', { count: 10000 });
      // Emoji alone are a reaction, not an answer: the question again, nothing saved.
      expect(await t.ask('李华', room, '😀😀😀！！')).toBe('第1步：请发送本集体的服务承诺（50字以内）。');
      expect(await t.ask('李华', room, '/start')).toSay('unknownCommand', { input: '/start' });
      t.wechat.sendImage('李华', room);
      const [image] = await t.wechat.waitForReplies(room, 1);
      expect(image).toSay('nonText');
      expect(image).toContain('请发送本集体的服务承诺');
      t.wechat.sendSticker('李华', room);
      expect((await t.wechat.waitForReplies(room, 1))[0]).toBe(sentenceOf('nonTextSticker'));
      expect(await t.ask('李华', room, COMMITMENT)).toContain('✅ 服务承诺已保存');
      await t.ask('李华', room, ITEMS[0][0]);
      expect(await t.ask('李华', room, '第九种')).toSay('errorChoice', { input: '第九种', label: '服务类型' });
      expect(await t.ask('李华', room, '4')).toContain('✅ 第1项已保存（提供暖心服务）');
      expect(await t.ask('李华', room, `  ${ITEMS[0][0]}。 `)).toSay('errorDuplicate', { other: 1 });
      const progress = await t.ask('李华', room, '进度');
      expect(progress).toContain(DONE_COMMITMENT_AND_ONE);
      expect(progress).toSay('missingItems', { label: '服务事项', count: 2 });
    } finally {
      await t.app.stop();
    }
  });

  it('listens to the owner, ignores other members unless they @ the bot, and hands over on 接管', async () => {
    const t = await startTestApp();
    try {
      const { room } = t.wechat.createRoom('测试群', ['李华', '王强']);
      await registerAndStart(t, room, '李华');
      await t.wechat.say('王强', room, '今天几点开会？');
      await t.wechat.assertNoNewReplies(room, 150);
      expect(await t.ask('王强', room, '填报', { mentionBot: true })).toSay('bystander', { owner: '李华', form: '承诺事项' });
      // Both speak at once: the owner's answer and a colleague's chatter.
      await Promise.all([t.wechat.say('李华', room, COMMITMENT), t.wechat.say('王强', room, '收到')]);
      const [saved] = await t.wechat.waitForReplies(room, 1);
      expect(saved).toContain('✅ 服务承诺已保存');
      await t.wechat.assertNoNewReplies(room, 150);
      expect(await t.ask('王强', room, '接管')).toSay('takenOver', { name: '王强' });
      expect(await t.ask('王强', room, ITEMS[0][0])).toContain('请选择第1项的服务类型');
      await t.wechat.say('李华', room, '1');
      await t.wechat.assertNoNewReplies(room, 150);
    } finally {
      await t.app.stop();
    }
  });

  it('handles a message delivered twice once', async () => {
    const t = await startTestApp();
    try {
      const { room } = t.wechat.createRoom('测试群', ['李华']);
      await registerAndStart(t, room, '李华');
      const id = await t.wechat.say('李华', room, COMMITMENT);
      await t.wechat.waitForReplies(room, 1);
      t.wechat.redeliver(id);
      await t.wechat.assertNoNewReplies(room, 200);
      expect(await t.ask('李华', room, ITEMS[0][0])).toContain('请选择第1项的服务类型');
    } finally {
      await t.app.stop();
    }
  });

  it('continues at the same question after a restart on the same database', async () => {
    const roomId = 'restart-room@chatroom';
    const first = await startTestApp();
    try {
      const { room } = first.wechat.createRoom('测试群', ['李华'], { id: roomId });
      await registerAndStart(first, room, '李华');
      await first.ask('李华', room, COMMITMENT);
      await first.ask('李华', room, ITEMS[0][0]);
    } finally {
      await first.app.stop();
    }
    const second = await startTestApp({ dir: first.dir });
    try {
      const { room } = second.wechat.createRoom('测试群', ['李华'], { id: roomId });
      expect(await second.ask('李华', room, '暖心服务')).toContain('✅ 第1项已保存（提供暖心服务）');
      const progress = await second.ask('李华', room, '进度');
      expect(progress).toContain(DONE_COMMITMENT_AND_ONE);
    } finally {
      await second.app.stop();
    }
  });
});

describe('message ids kept to recognise a message delivered twice', () => {
  it('are forgotten after a week, at the next start', async () => {
    let now = new Date('2021-09-20T02:30:00Z');
    const first = await startTestApp({ now: () => now });
    try {
      const { room } = first.wechat.createRoom('测试群', ['李华']);
      await first.ask('李华', room, '进度');
    } finally {
      await first.app.stop();
    }
    const count = () => {
      const db = new Database(first.databaseFile, { readonly: true });
      const { n } = db.prepare('SELECT count(*) AS n FROM ProcessedMessage').get() as { n: number };
      db.close();
      return n;
    };
    expect(count()).toBe(1);
    now = new Date('2021-09-26T02:30:00Z');
    await (await startTestApp({ dir: first.dir, now: () => now })).app.stop();
    expect(count()).toBe(1);
    now = new Date('2021-09-28T02:30:00Z');
    await (await startTestApp({ dir: first.dir, now: () => now })).app.stop();
    expect(count()).toBe(0);
  });
});

describe('items pasted all at once in the group', () => {
  it('are read, shown back, saved on 确认, and the missing types asked', async () => {
    const t = await startTestApp();
    try {
      const { room } = t.wechat.createRoom('测试群', ['李华']);
      await registerAndStart(t, room, '李华');
      await t.ask('李华', room, COMMITMENT);
      const pasted = ITEMS.map(([content], i) => `${i + 1}、${content}`).join('\n');
      const shown = await t.ask('李华', room, pasted);
      expect(shown).toSay('pasteEntryNoType', { n: 3, content: ITEMS[2][0] });
      const saved = await t.ask('李华', room, '确认');
      expect(saved).toContain('请选择第1项的服务类型');
      await t.ask('李华', room, '4');
      await t.ask('李华', room, '1');
      expect(await t.ask('李华', room, '3')).toSay('continuePrompt', { count: 3, next: 4 });
    } finally {
      await t.app.stop();
    }
  });
});
