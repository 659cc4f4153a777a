// A city league committee hands in its activity brief: a summary, links, and pictures or files sent in
// the group, kept on disk with their details in the database.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { FileBox } from 'file-box';
import { types } from 'wechaty';
import { describe, expect, it } from 'vitest';
import { startTestApp } from '../support/test-app.js';

const CITY = '共青团广州市委员会';
const SUMMARY = '10月全市青年文明号集体开展开放日、岗位体验和志愿服务活动共120场，服务群众两万余人次。';

describe('the activity brief', () => {
  it('takes a summary, links and pictures or files, and 完成 hands it in', async () => {
    const t = await startTestApp({ roster: [{ name: CITY, kind: 'cityOrg', city: '广州市' }] });
    try {
      const { room } = t.wechat.createRoom(CITY, ['林晓']);
      await t.ask('林晓', room, '填报');
      const greeting = await t.ask('林晓', room, '确认');
      expect(greeting).toContain('活动简报或推文（10月集中服务月）');
      expect(greeting).toContain('截止时间：10月29日（周五）23:59');
      expect(greeting).toContain('第1步：请发送10月集中服务月活动的简介');
      expect(await t.ask('林晓', room, SUMMARY)).toContain('第2步：请发送第1个已发布推文或报道的链接');
      expect(await t.ask('林晓', room, '公众号文章')).toContain('推文链接需要是以 http:// 或 https:// 开头的网址');
      const link = 'https://mp.weixin.qq.com/s/abc123';
      const saved = await t.ask('林晓', room, link);
      expect(saved).toContain(`✅ 第1个链接已保存：${link}`);
      expect(saved).toContain('回复“完成”进入下一步');
      expect(await t.ask('林晓', room, '完成')).toContain('第3步：请直接在群里发送第1张活动图片或简报文件');
      expect(await t.ask('林晓', room, '图片稍后发')).toContain('这里需要直接发送活动图片或简报文件（图片或文件），不是文字');

      await t.wechat.sendFile('林晓', room, FileBox.fromBase64(Buffer.from('not a picture').toString('base64'), '名单.exe'));
      expect((await t.wechat.waitForReplies(room, 1))[0]).toContain('活动图片或简报文件只接受图片、PDF、Word或MP4视频，“名单.exe”不是这几种');

      await t.wechat.sendImage('林晓', room);
      const first = (await t.wechat.waitForReplies(room, 1))[0]!;
      expect(first).toMatch(/✅ 第1个文件已保存：photo\.png（#\d+）/);
      expect(first).toContain('可以直接发送第2张图片或文件');
      await t.wechat.sendFile('林晓', room, FileBox.fromBase64(Buffer.from('%PDF-1.4 brief').toString('base64'), '简报.pdf'));
      expect((await t.wechat.waitForReplies(room, 1))[0]).toMatch(/✅ 第2个文件已保存：简报\.pdf（#\d+）/);
      expect(await t.ask('林晓', room, '完成')).toContain('🎉 已提交');
      expect(await t.ask('林晓', room, '进度')).toContain('简报：已提交');
    } finally {
      await t.app.stop();
    }
    const db = new Database(t.databaseFile, { readonly: true });
    const media = db.prepare('SELECT fileName, mime, size, path FROM Media ORDER BY id').all() as { fileName: string; mime: string; size: number; path: string }[];
    const submission = db.prepare("SELECT status, answers FROM Submission WHERE formId = 'activityReport'").get() as { status: string; answers: string };
    db.close();
    expect(media.map((m) => [m.fileName, m.mime])).toEqual([['photo.png', 'image/png'], ['简报.pdf', 'application/pdf']]);
    for (const m of media) expect(existsSync(join(t.dir, m.path))).toBe(true);
    expect(submission.status).toBe('submitted');
    expect(JSON.parse(submission.answers).links).toEqual([{ url: 'https://mp.weixin.qq.com/s/abc123' }]);
  });

  it("takes WeChat's own kinds of message: an article card, a link in a sentence, a picture sent early", async () => {
    const t = await startTestApp({ roster: [{ name: CITY, kind: 'cityOrg', city: '广州市' }] });
    try {
      const { room } = t.wechat.createRoom(CITY, ['林晓']);
      await t.ask('林晓', room, '填报');
      await t.ask('林晓', room, '确认');
      // A picture before its step is kept for it; the question asked stays the same.
      await t.wechat.sendImage('林晓', room);
      const early = (await t.wechat.waitForReplies(room, 1))[0]!;
      expect(early).toMatch(/✅ 已收到，先保存为第1个文件：photo\.png（#\d+）/);
      expect(early).toContain('第1步：请发送10月集中服务月活动的简介');
      // A voice message and a 小程序 card: one line each, nothing kept.
      await t.wechat.sendMessage('林晓', room, { type: types.Message.Audio });
      expect((await t.wechat.waitForReplies(room, 1))[0]).toBe('语音无法保存，请打字发送。');
      await t.wechat.sendMessage('林晓', room, { type: types.Message.MiniProgram });
      expect((await t.wechat.waitForReplies(room, 1))[0]).toContain('小程序和视频号卡片没有网址');
      await t.ask('林晓', room, SUMMARY);
      // The mock puppet gives every article card the address https://mock.url.
      await t.wechat.sendMessage('林晓', room, { type: types.Message.Url });
      expect((await t.wechat.waitForReplies(room, 1))[0]).toContain('✅ 第1个链接已保存：https://mock.url');
      expect(await t.ask('林晓', room, '第二篇在这里mp.weixin.qq.com/s/xyz789，请查收')).toContain('✅ 第2个链接已保存：https://mp.weixin.qq.com/s/xyz789');
      // The files step remembers the picture sent early and asks for more.
      const files = await t.ask('林晓', room, '完成');
      expect(files).toContain('第2张');
      // A text file named like a picture is refused with the reason.
      await t.wechat.sendFile('林晓', room, FileBox.fromBase64(Buffer.from('只是文字').toString('base64'), 'x.png'));
      expect((await t.wechat.waitForReplies(room, 1))[0]).toContain('“x.png”的内容看不出是图片、PDF、Word或MP4视频');
      expect(await t.ask('林晓', room, '完成')).toContain('🎉 已提交');
    } finally {
      await t.app.stop();
    }
    const db = new Database(t.databaseFile, { readonly: true });
    const submission = db.prepare("SELECT answers FROM Submission WHERE formId = 'activityReport'").get() as { answers: string };
    db.close();
    const answers = JSON.parse(submission.answers);
    expect(answers.links).toEqual([{ url: 'https://mock.url' }, { url: 'https://mp.weixin.qq.com/s/xyz789' }]);
    expect(answers.files).toHaveLength(1);
  });
});
