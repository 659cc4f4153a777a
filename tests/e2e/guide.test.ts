// The 填报指南 on the real Wechaty and the mock puppet: 指南 (@ or not) in a group, in the middle of a form,
// and 指南 / 导出 指南 in an admin's private chat, where it comes as a text to forward and as a file.
import { FileBox } from 'file-box';
import { describe, expect, it } from 'vitest';
import { parseAdminCommand } from '../../src/admin/commands.js';
import { guideFileName, guideText } from '../../src/campaign/guide.js';
import { loadCampaign } from '../../src/files/campaign.js';
import { mockContactId } from '../support/mock-wechat.js';
import { sentenceOf } from '../support/says.js';
import { askPrivately, startTestApp } from '../support/test-app.js';

const campaign = loadCampaign('conversations');
const GUIDE = guideText(campaign);
const UNIT = '广州地铁运营一中心青年文明号';
const ADMIN = '青发部小陈';
const COMMITMENT = '热情周到，便民利民，让每一位乘客安心出行';
const ITEM = '为老年乘客和残障乘客提供预约出行和进出站全程陪同服务';

describe('指南 in a group', () => {
  it('answers with the guide at any point, and the form goes on where it was', async () => {
    const t = await startTestApp({ roster: [{ name: UNIT, category: 'other', city: '广州市', industry: '广州地铁集团', roomId: 'guide-room@chatroom' }] });
    try {
      const { room } = t.wechat.createRoom(UNIT, ['李华', '王强'], { id: 'guide-room@chatroom' });
      // Before anything: the guide alone.
      expect(await t.ask('王强', room, '指南', { mentionBot: true })).toBe(GUIDE);

      await t.ask('李华', room, '填报');
      await t.ask('李华', room, COMMITMENT);
      const question = await t.ask('李华', room, ITEM);
      expect(question).toContain('请选择第1项的服务类型');

      // 填报指南 in the middle of the form: the guide, then the same question, as two messages.
      await t.wechat.say('李华', room, '填报指南');
      expect(await t.wechat.waitForReplies(room, 2)).toEqual([GUIDE, question]);
      // Another member asks with an @: the same, and the form stays 李华's.
      await t.wechat.say('王强', room, '指南', { mentionBot: true });
      expect(await t.wechat.waitForReplies(room, 2)).toEqual([GUIDE, question]);
      expect(await t.ask('李华', room, '暖心服务')).toContain('✅ 第1项已保存（提供暖心服务）');
      expect(await t.ask('李华', room, '进度')).toContain(
        [sentenceOf('progressDoneText', { label: '服务承诺' }), sentenceOf('progressDoneItems', { count: 1, label: '服务事项' })].join(
          campaign.formats.listSeparator,
        ),
      );
    } finally {
      await t.app.stop();
    }
  });
});

describe('指南 in a private chat', () => {
  it('reads 指南, 填报指南 and 导出 指南 as the guide', () => {
    for (const text of ['指南', '填报指南', '导出 指南', '导出指南', '导出 填报指南']) expect(parseAdminCommand(text, campaign)).toEqual({ type: 'guide' });
    expect(parseAdminCommand('导出 附件2', campaign)).toMatchObject({ type: 'export', table: 'attachment2' });
  });

  it('gives an admin the guide as a text to forward and as a .txt file; anyone else the text', async () => {
    const t = await startTestApp({ admins: [mockContactId(ADMIN)] });
    try {
      const chat = t.wechat.dm(ADMIN);
      for (const text of ['导出 指南', '指南']) {
        await t.wechat.sayPrivately(ADMIN, text);
        const [guide, file] = await t.wechat.waitForReplies(chat, 2);
        expect(guide).toBe(GUIDE);
        // The mock names the type of a file the bot sends as it likes; the name is what counts.
        expect(file).toMatch(/^\[\w+:(.*)\]$/);
        expect(file!.slice(file!.indexOf(':') + 1, -1)).toBe(guideFileName(campaign));
      }
      const sent = t.wechat.replyMessages(chat).at(-1)!;
      const box = FileBox.fromJSON(t.wechat.mocker.cacheFileBoxPayload.get(sent.id)!);
      const bytes = await box.toBuffer();
      // UTF-8 with a byte-order mark and Windows line ends, so that every editor opens it right.
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(bytes.toString('utf8').slice(1)).toBe(`${GUIDE.replace(/\n/g, '\r\n')}\r\n`);

      // The admins' 帮助 names it, and so does the group's.
      expect(await askPrivately(t, ADMIN, '帮助')).toContain('指南 / 导出 指南 — ');
      expect(campaign.messages.helpIdle).toContain('指南 — ');
      expect(campaign.messages.helpForm).toContain('指南 — ');
      for (const form of campaign.forms) if (form.hints?.help) expect(form.hints.help).toContain('指南 — ');
      // A member writing privately gets the guide too, as text only.
      expect(await askPrivately(t, '王强', '指南')).toBe(GUIDE);
      await t.wechat.assertNoNewReplies(t.wechat.dm('王强'), 300);
    } finally {
      await t.app.stop();
    }
  });
});
