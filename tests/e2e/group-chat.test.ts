// A real group chat on the real Wechaty and the mock puppet: members ask questions, say 稍等 and 好的,
// talk to each other and to the bot, and answer yes or no as people do. Only the filler's answers are saved.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { sentenceOf } from '../support/says.js';
import { startTestApp } from '../support/test-app.js';

const UNIT = '广州地铁运营一中心青年文明号';
const COMMITMENT = '热情周到，便民利民，让每一位乘客安心出行';
const ITEMS = [
  '为老年乘客和残障乘客提供预约出行和进出站全程陪同服务',
  '推出失物招领线上查询，乘客遗失物品可在小程序上查询',
  '春运和国庆期间延长售票和问询服务时间，方便旅客换乘',
];
const Q_COMMITMENT = '第1步：请发送本集体的服务承诺（50字以内）。';

function answers(file: string): unknown {
  const db = new Database(file, { readonly: true });
  try {
    const row = db.prepare('SELECT answers FROM Submission').get() as { answers: string } | undefined;
    return row ? JSON.parse(row.answers) : undefined;
  } finally {
    db.close();
  }
}

describe('a group that chats while it fills the form', () => {
  it('saves only the filler’s answers, answers questions with the step’s help, and takes yes and no as people say them', async () => {
    const t = await startTestApp({ roster: [{ name: UNIT, city: '广州市', industry: '广州地铁集团' }] });
    try {
      const { room } = t.wechat.createRoom(UNIT, ['李华', '王强']);
      expect(await t.ask('李华', room, '我来填', { mentionBot: true })).toSay('bindOfferTopic', { unit: UNIT });
      // 好的 is yes to the binding offer.
      const bound = await t.ask('李华', room, '好的');
      expect(bound).toSay('bound', { unit: UNIT });
      expect(bound.endsWith(Q_COMMITMENT)).toBe(true);

      // A question about the step gets its help; nothing is saved.
      const help = await t.ask('李华', room, '服务承诺是什么');
      expect(help).toContain('服务承诺是本集体向服务对象公开作出的承诺');
      expect(help.endsWith(Q_COMMITMENT)).toBe(true);
      // A holding phrase gets the question once; more chatter in a row gets nothing.
      expect(await t.ask('李华', room, '稍等')).toBe(Q_COMMITMENT);
      await t.wechat.say('李华', room, '收到');
      await t.wechat.assertNoNewReplies(room, 300);
      // Maybe an answer: asked first, saved only on yes.
      expect(await t.ask('李华', room, '好的，我写一下')).toBe(sentenceOf('confirmSave', { text: '好的，我写一下', label: '服务承诺' }));
      expect(await t.ask('李华', room, '不是')).toBe(`${sentenceOf('notSaved')}\n${Q_COMMITMENT}`);
      expect(answers(t.databaseFile)).toBeUndefined();

      expect(await t.ask('李华', room, COMMITMENT)).toContain('✅ 服务承诺已保存（20字）');
      // Another member speaking to the bot is told once who is filling; the answer is not theirs to give.
      const told = await t.ask('王强', room, '我们群怎么还没交', { mentionBot: true });
      expect(told).toBe(sentenceOf('bystander', { owner: '李华', form: '承诺事项' }));
      await t.wechat.say('王强', room, ITEMS[0]!, { mentionBot: true });
      await t.wechat.say('王强', room, '今天几点开会？');
      await t.wechat.assertNoNewReplies(room, 300);
      // Words for a colleague are not an answer either.
      await t.wechat.say('李华', room, '第一项你帮我看看', { mentions: [t.wechat.contact('王强')] });
      await t.wechat.assertNoNewReplies(room, 300);
      expect(answers(t.databaseFile)).toEqual({ commitment: COMMITMENT });

      for (const [n, item] of ITEMS.entries()) {
        expect(await t.ask('李华', room, item)).toContain(`请选择第${n + 1}项的服务类型`);
        expect(await t.ask('李华', room, String(n + 1))).toContain(`✅ 第${n + 1}项已保存`);
      }
      // 好的 at 继续/完成 is not a fourth item.
      expect(await t.ask('李华', room, '好的')).toSay('continuePrompt', { count: 3, next: 4 });
      expect(await t.ask('李华', room, '完成')).toSay('reviewAtMin');
      // 是 hands it in.
      expect(await t.ask('李华', room, '是')).toSay('submitted');
    } finally {
      await t.app.stop();
    }
    const saved = answers(t.databaseFile) as { commitment: string; items: { content: string }[] };
    expect(saved.commitment).toBe(COMMITMENT);
    expect(saved.items.map((item) => item.content)).toEqual(ITEMS);
  });
});
