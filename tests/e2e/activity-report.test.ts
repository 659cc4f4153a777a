// A city league committee hands in its activity brief through WeChat: the notice asks for the October activity
// "以简报或活动推文形式", so any one of a 推文 (a link or a shared article card), a 简报 file or a written 简报
// of 100字 makes it complete. Files are kept on disk with their details in the database.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { FileBox } from 'file-box';
import { types } from 'wechaty';
import { describe, expect, it } from 'vitest';
import { sentenceOf } from '../support/says.js';
import { startTestApp } from '../support/test-app.js';

const CITY = '共青团广州市委员会';
const SUMMARY = '10月全市青年文明号集体开展开放日、岗位体验和志愿服务活动共120场，服务群众两万余人次。';
const H5 = '“广东青年岗位建功”H5（附件3）的“青年文明号服务月”栏目';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The first bytes of a .docx: a zip whose entries live under word/. */
const docx = () => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), Buffer.from('word/document.xml'), Buffer.alloc(512)]);

function stored(databaseFile: string) {
  const db = new Database(databaseFile, { readonly: true });
  const media = db.prepare('SELECT fileName, mime, size, path FROM Media ORDER BY id').all() as {
    fileName: string;
    mime: string;
    size: number;
    path: string;
  }[];
  const submission = db.prepare("SELECT status, answers FROM Submission WHERE formId = 'activityReport'").get() as
    | { status: string; answers: string }
    | undefined;
  db.close();
  return { media, status: submission?.status, answers: submission ? (JSON.parse(submission.answers) as Record<string, unknown>) : undefined };
}

type TestApp = Awaited<ReturnType<typeof startTestApp>>;

/** The city's group, bound with 确认: the brief opens at its one question. Returns the room and the greeting. */
async function openBrief(t: TestApp) {
  const { room } = t.wechat.createRoom(CITY, ['林晓']);
  await t.ask('林晓', room, '填报');
  return { room, greeting: await t.ask('林晓', room, '确认') };
}

describe('the activity brief', () => {
  it('is handed in with nothing but a Word file', async () => {
    const t = await startTestApp({ roster: [{ name: CITY, kind: 'cityOrg', city: '广州市' }] });
    try {
      const { room, greeting } = await openBrief(t);
      expect(greeting).toContain('活动简报或推文（10月集中服务月）');
      expect(greeting).toContain('截止时间：10月29日（周五）23:59');
      expect(greeting).toContain(H5);
      expect(greeting).toContain('简报文件：Word、PDF或图片');
      await t.wechat.sendFile('林晓', room, FileBox.fromBase64(docx().toString('base64'), '10月活动简报.docx'));
      const saved = (await t.wechat.waitForReplies(room, 1))[0]!;
      expect(saved).toMatch(/✅ 第1个文件已保存：10月活动简报\.docx（#\d+）/);
      expect(saved).toContain('简报已可提交，目前有：简报文件1个。');
      expect(await t.ask('林晓', room, '完成')).toSay('submitted');
      expect(await t.ask('林晓', room, '进度')).toContain('简报：已提交（简报文件1个，');
    } finally {
      await t.app.stop();
    }
    const { media, status, answers } = stored(t.databaseFile);
    expect(media.map((m) => [m.fileName, m.mime])).toEqual([['10月活动简报.docx', DOCX]]);
    for (const m of media) expect(existsSync(join(t.dir, m.path))).toBe(true);
    expect(status).toBe('submitted');
    expect(Object.keys(answers!)).toEqual(['files']);
  });

  it('is handed in with nothing but a shared article card', async () => {
    const t = await startTestApp({ roster: [{ name: CITY, kind: 'cityOrg', city: '广州市' }] });
    try {
      const { room } = await openBrief(t);
      // The mock puppet gives every article card the address https://mock.url.
      await t.wechat.sendMessage('林晓', room, { type: types.Message.Url });
      const saved = (await t.wechat.waitForReplies(room, 1))[0]!;
      expect(saved).toContain('✅ 第1个推文链接已保存：https://mock.url');
      expect(saved).toContain('简报已可提交，目前有：推文链接1个。');
      expect(await t.ask('林晓', room, '完成')).toSay('submitted');
    } finally {
      await t.app.stop();
    }
    const { media, status, answers } = stored(t.databaseFile);
    expect(media).toEqual([]);
    expect(status).toBe('submitted');
    expect(answers).toEqual({ links: [{ url: 'https://mock.url' }] });
  });

  it("takes WeChat's own kinds of message, refuses what it cannot keep, and says what is missing", async () => {
    const t = await startTestApp({ roster: [{ name: CITY, kind: 'cityOrg', city: '广州市' }] });
    try {
      const { room } = await openBrief(t);
      const early = await t.ask('林晓', room, '完成');
      expect(early).toSay('notNowFinish');
      // what the brief still lacks, in the words of its form
      expect(early).toContain('推文链接、简报文件或100字以上的文字简报（三者有其一即可）');
      // A refused file is not kept, and says why; the brief is not complete by it.
      await t.wechat.sendFile('林晓', room, FileBox.fromBase64(Buffer.from('not a picture').toString('base64'), '名单.exe'));
      expect((await t.wechat.waitForReplies(room, 1))[0]).toSay('errorMediaType', { label: '简报文件或图片', file: '名单.exe' });
      await t.wechat.sendFile('林晓', room, FileBox.fromBase64(Buffer.from('只是文字').toString('base64'), 'x.png'));
      expect((await t.wechat.waitForReplies(room, 1))[0]).toSay('errorMediaUnreadable', { file: 'x.png' });
      expect(await t.ask('林晓', room, '完成')).toSay('notNowFinish');
      // A voice message and a 小程序 card: one line each, nothing kept.
      await t.wechat.sendMessage('林晓', room, { type: types.Message.Audio });
      expect((await t.wechat.waitForReplies(room, 1))[0]).toBe(sentenceOf('nonTextVoice'));
      await t.wechat.sendMessage('林晓', room, { type: types.Message.MiniProgram });
      expect((await t.wechat.waitForReplies(room, 1))[0]).toSay('nonTextCard');
      // A short text is kept as the 简介, and said not to be a brief by itself.
      expect(await t.ask('林晓', room, SUMMARY)).toContain('文字简报至少100字（按Word字数统计），这段只有');
      expect(await t.ask('林晓', room, '推文在这里mp.weixin.qq.com/s/xyz789，请查收')).toContain('✅ 第1个推文链接已保存：https://mp.weixin.qq.com/s/xyz789');
      await t.wechat.sendImage('林晓', room);
      expect((await t.wechat.waitForReplies(room, 1))[0]).toMatch(/✅ 第1个文件已保存：photo\.png（#\d+）/);
      await t.wechat.sendFile('林晓', room, FileBox.fromBase64(Buffer.from('%PDF-1.4 brief').toString('base64'), '简报.pdf'));
      expect((await t.wechat.waitForReplies(room, 1))[0]).toMatch(/✅ 第2个文件已保存：简报\.pdf（#\d+）/);
      expect(await t.ask('林晓', room, '完成')).toSay('submitted');
      expect(await t.ask('林晓', room, '进度')).toContain('简报：已提交（推文链接1个、简报文件2个、文字');
    } finally {
      await t.app.stop();
    }
    const { media, status, answers } = stored(t.databaseFile);
    expect(media.map((m) => [m.fileName, m.mime])).toEqual([
      ['photo.png', 'image/png'],
      ['简报.pdf', 'application/pdf'],
    ]);
    expect(status).toBe('submitted');
    expect(answers).toMatchObject({ summary: SUMMARY, links: [{ url: 'https://mp.weixin.qq.com/s/xyz789' }] });
  });
});
