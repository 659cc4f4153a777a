// The activity brief (简报或推文): the notice asks for the October activity "以简报或活动推文形式", so a brief is
// complete with any one of a 推文 link, a 简报 file or a written 简报 of at least 100字, sent in any order at one
// question. Driven through the group session, as a group meets it.
import { describe, expect, it } from 'vitest';
import { findForm } from '../../src/campaign/forms.js';
import { parseCampaign } from '../../src/campaign/parse.js';
import { countChars } from '../../src/campaign/text.js';
import { GroupConversations, type IncomingMessage } from '../../src/conversation/session.js';
import { MemoryStore } from '../support/memory-store.js';
import { fileBytes } from '../support/file-bytes.js';
import { messagesIn } from '../support/group-message.js';
import { sentenceOf } from '../support/says.js';
import { campaign, NOW } from './harness.js';

const brief = findForm(campaign, 'activityReport')!;
const rule = brief.completeWith!;
const PROMPT = rule.prompt;
/** What the brief still needs while none of the three is in, as 完成 and 确认 name it. */
const STILL_NEEDED = sentenceOf('missingField', { label: rule.missing });
const MISSING = sentenceOf('notNowFinish', { missing: STILL_NEEDED });
const FILES_LABEL = '简报文件或图片';
const LINK = 'https://mp.weixin.qq.com/s/Brief2021';
const SHORT = '10月全市青年文明号集体开展开放日、岗位体验和志愿服务活动共120场。';

/** A text of exactly `n` 字 as Word counts them. */
function textOf(n: number): string {
  const base = '10月全市青年文明号集体开展开放日岗位体验和志愿服务活动，服务群众两万余人次，群众满意度明显提升。';
  let text = '';
  while (countChars(text) < n) text += base;
  while (countChars(text) > n) text = [...text].slice(0, -1).join('');
  expect(countChars(text)).toBe(n);
  return text;
}

/** What the brief holds, as "目前有" and 进度 name it: links, files, then the text. */
function have({ links = 0, files = 0, chars }: { links?: number; files?: number; chars?: number }): string {
  const parts: string[] = [];
  if (links) parts.push(sentenceOf('form:activityReport.links.counted', { count: links }));
  if (files) parts.push(sentenceOf('form:activityReport.files.counted', { count: files }));
  if (chars !== undefined) parts.push(sentenceOf('form:activityReport.summary.counted', { chars }));
  return parts.join(campaign.formats.listSeparator);
}

/** The question once the brief can be handed in, naming what it holds. */
const more = (holds: Parameters<typeof have>[0]) => sentenceOf('form:activityReport.completeWith.more', { have: have(holds) });
const textSaved = (chars: number) => sentenceOf('form:activityReport.summary.saved', { chars });

const message = messagesIn({ names: { u1: '林晓' } });

function cityGroup(store = new MemoryStore(), c = campaign) {
  if (!store.unitOf('room-1')) store.addUnit('room-1', '共青团广州市委员会', { kind: 'cityOrg', city: '广州市' });
  let conv = new GroupConversations({ campaign: c, store, now: () => NOW });
  const send = async (extra: Partial<IncomingMessage>) => (await conv.handle(message('', 'u1', extra))).join('\n');
  const file = (name: string, mime: string, size = 2048, data = fileBytes(mime, size)) =>
    send({ kind: mime.startsWith('image/') ? 'image' : 'file', file: async () => ({ name, mime, data }) });
  const link = (url: string, title = '青年文明号开放日') => send({ kind: 'link', link: { url, title } });
  return {
    store,
    send,
    say: (text: string) => send({ text }),
    file,
    link,
    restart: (next = c) => (conv = new GroupConversations({ campaign: next, store, now: () => NOW })),
    saved: () => store.submissions.get('1:activityReport'),
  };
}

describe('the brief asks once for any one of a 推文, a 简报 file or a written 简报', () => {
  it('greets with the rule and the H5 upload the notice asks for, then asks the one question', async () => {
    const g = cityGroup();
    const greeting = await g.say('填报');
    expect(greeting).toSay('greeting', { requirements: brief.requirements });
    expect(greeting).toContain(brief.note);
    expect(greeting).not.toMatch(/https?:\/\//);
    expect(greeting.endsWith(PROMPT)).toBe(true);
    expect(PROMPT).toContain('推文链接');
    expect(PROMPT).toContain('简报文件：Word、PDF或图片');
    expect(PROMPT).toContain('100字以上的文字');
  });

  it('is handed in with a link alone', async () => {
    const g = cityGroup();
    await g.say('填报');
    const saved = await g.say(LINK);
    expect(saved).toSay('form:activityReport.links.saved', { n: 1, url: LINK });
    expect(saved).toContain(more({ links: 1 }));
    expect(await g.say('完成')).toSay('submitted');
    expect(g.saved()).toMatchObject({ status: 'submitted', answers: { links: [{ url: LINK }] } });
  });

  it('is handed in with a shared article card alone', async () => {
    const g = cityGroup();
    await g.say('填报');
    const saved = await g.link('https://mp.weixin.qq.com/s/Card1');
    expect(saved).toSay('form:activityReport.links.saved', { n: 1, url: 'https://mp.weixin.qq.com/s/Card1' });
    expect(saved).toContain(more({ links: 1 }));
    expect(await g.say('完成')).toSay('submitted');
    expect(g.saved()).toMatchObject({ status: 'submitted', answers: { links: [{ url: 'https://mp.weixin.qq.com/s/Card1' }] } });
  });

  it('is handed in with a Word file alone', async () => {
    const g = cityGroup();
    await g.say('填报');
    const saved = await g.file('10月活动简报.doc', 'application/msword');
    const file = sentenceOf('mediaName', { name: '10月活动简报.doc', id: 1 });
    expect(saved).toSay('form:activityReport.files.saved', { n: 1, file });
    expect(saved).toContain(more({ files: 1 }));
    expect(await g.say('完成')).toSay('submitted');
    expect(g.saved()).toMatchObject({ status: 'submitted', answers: { files: [{ file }] } });
    expect(g.store.media).toEqual([{ id: 1, unitId: 1, formId: 'activityReport', name: '10月活动简报.doc', mime: 'application/msword', size: 2048 }]);
  });

  it('is handed in with a written 简报 of 100字 alone', async () => {
    const g = cityGroup();
    await g.say('填报');
    const text = textOf(100);
    const saved = await g.say(text);
    expect(saved).toContain(textSaved(100));
    expect(saved).toContain(more({ chars: 100 }));
    expect(await g.say('完成')).toSay('submitted');
    expect(g.saved()).toMatchObject({ status: 'submitted', answers: { summary: text } });
  });

  it('keeps a written 简报 in its paragraphs, numbered ones too', async () => {
    const g = cityGroup();
    await g.say('填报');
    const text = `一、活动概况\n${textOf(60)}\n二、主要成效\n${textOf(60)}`;
    expect(await g.say(text)).toSay('form:activityReport.completeWith.more');
    expect(g.saved()?.answers.summary).toBe(text);
  });

  it('refuses a 99字 text as a brief, says why, keeps it as the 简介, and a link then completes it', async () => {
    const g = cityGroup();
    await g.say('填报');
    const text = textOf(99);
    const reply = await g.say(text);
    expect(reply).toBe(`${sentenceOf('form:activityReport.completeWith.tooShort', { min: 100, count: 99 })}\n${PROMPT}`);
    expect(await g.say('完成')).toBe(`${MISSING}\n${PROMPT}`);
    expect(g.saved()?.status).toBe('draft');
    expect(await g.say(LINK)).toContain(more({ links: 1, chars: 99 }));
    expect(await g.say('完成')).toSay('submitted');
    expect(g.saved()?.answers).toEqual({ summary: text, links: [{ url: LINK }] });
  });

  it('takes a short text beside a link or file as its 简介, without a warning', async () => {
    const g = cityGroup();
    await g.say('填报');
    await g.file('现场.jpg', 'image/jpeg');
    const reply = await g.say(SHORT);
    expect(reply).toContain(textSaved(countChars(SHORT)));
    expect(reply).not.toSay('form:activityReport.completeWith.tooShort');
    expect(reply).toContain(more({ files: 1, chars: countChars(SHORT) }));
  });
});

describe('what 完成 says before anything is in', () => {
  it('names the three materials, one of which is needed, and asks again', async () => {
    const g = cityGroup();
    await g.say('填报');
    expect(await g.say('完成')).toBe(`${MISSING}\n${PROMPT}`);
    expect(await g.say('确认')).toBe(`${sentenceOf('notNowConfirm', { missing: STILL_NEEDED })}\n${PROMPT}`);
    expect(g.saved()?.status ?? 'draft').toBe('draft');
    expect(g.store.history).toEqual([]);
  });

  it('进度 says what the brief has and what it still needs, not 服务事项', async () => {
    const g = cityGroup();
    await g.say('填报');
    expect(await g.say('进度')).toSay('progressNotStarted', { form: '简报' });
    await g.say(SHORT);
    const short = await g.say('进度');
    expect(short).toSay('progressDraft', { form: '简报', done: have({ chars: countChars(SHORT) }) });
    expect(short).toSay('progressMissing', { missing: rule.missing });
    await g.say(LINK);
    const progress = await g.say('进度');
    expect(progress).toSay('progressDraft', { form: '简报', done: have({ links: 1, chars: countChars(SHORT) }) });
    // the brief has no items: 进度 must not count any
    expect(progress).not.toContain('服务事项');
    expect(progress).not.toSay('progressMissing');
    await g.file('简报.pdf', 'application/pdf');
    await g.say('完成');
    expect(await g.say('进度')).toSay('form:activityReport.hints.progressSubmitted', {
      form: '简报',
      have: have({ links: 1, files: 1, chars: countChars(SHORT) }),
    });
  });
});

describe('a refused file', () => {
  it('of a type the brief does not take is not kept, the group is told why, and the brief is not handed in', async () => {
    const g = cityGroup();
    await g.say('填报');
    const reply = await g.file('名单.exe', 'application/x-msdownload');
    expect(reply).toBe(`${sentenceOf('errorMediaType', { label: FILES_LABEL, file: '名单.exe' })}\n${PROMPT}`);
    expect(await g.say('完成')).toBe(`${MISSING}\n${PROMPT}`);
    expect(g.store.media).toEqual([]);
    expect(g.store.history).toEqual([]);
  });

  it('over the size limit is not kept either', async () => {
    const g = cityGroup();
    await g.say('填报');
    expect(await g.file('全程录像.mp4', 'video/mp4', 21 * 1024 * 1024)).toSay('errorMediaSize', {
      file: '全程录像.mp4',
      size: 21,
      label: FILES_LABEL,
      max: 20,
    });
    expect(await g.say('完成')).toContain(MISSING);
    expect(g.store.media).toEqual([]);
  });
});

describe('whatever is sent goes where it belongs', () => {
  it('a link inside a sentence is a link; a written 简报 that cites a link stays a text', async () => {
    const g = cityGroup();
    await g.say('填报');
    expect(await g.say('推文在这里mp.weixin.qq.com/s/xyz789，请查收')).toSay('form:activityReport.links.saved', {
      n: 1,
      url: 'https://mp.weixin.qq.com/s/xyz789',
    });
    const written = `${textOf(100)}详见https://mp.weixin.qq.com/s/xyz789`;
    expect(await g.say(written)).toContain(textSaved(countChars(written)));
    expect(g.saved()?.answers).toMatchObject({ links: [{ url: 'https://mp.weixin.qq.com/s/xyz789' }], summary: written });
  });

  it('several links, files and a text in any order, each counted', async () => {
    const g = cityGroup();
    await g.say('填报');
    await g.file('现场1.jpg', 'image/jpeg');
    await g.say(LINK);
    await g.file('现场2.png', 'image/png');
    const last = await g.link('https://mp.weixin.qq.com/s/Card2');
    expect(last).toSay('form:activityReport.links.saved', { n: 2, url: 'https://mp.weixin.qq.com/s/Card2' });
    expect(last).toContain(more({ links: 2, files: 2 }));
  });

  it('a second text is asked about before it replaces the first: 不是 keeps the first, 是 replaces it', async () => {
    const g = cityGroup();
    await g.say('填报');
    await g.say(SHORT);
    const second = textOf(120);
    expect(await g.say(second)).toBe(sentenceOf('form:activityReport.completeWith.replace', { old: countChars(SHORT), new: 120 }));
    expect(await g.say('不是')).toSay('notSaved');
    expect(g.saved()?.answers.summary).toBe(SHORT);
    await g.say(second);
    const replaced = await g.say('是');
    expect(replaced).toContain(textSaved(120));
    expect(replaced).toSay('form:activityReport.completeWith.more');
    expect(g.saved()?.answers.summary).toBe(second);
  });

  it('chatter is not a text: a question gets the help, thanks the question', async () => {
    const g = cityGroup();
    await g.say('填报');
    expect(await g.say('这里发什么？')).toBe(`${rule.help}\n${PROMPT}`);
    expect(await g.say('好的')).toBe(PROMPT);
    expect(g.saved()?.answers ?? {}).toEqual({});
  });
});

describe('the commands of the brief', () => {
  it('帮助 names only commands that work; 继续 and 上一步 at the one question get an answer that fits', async () => {
    const g = cityGroup();
    await g.say('填报');
    const help = await g.say('帮助');
    expect(help.startsWith(brief.hints!.help!)).toBe(true);
    expect(help).not.toContain('上一步');
    expect(await g.say('上一步')).toBe(`${campaign.messages.atFirstStep}\n${PROMPT}`);
    expect(await g.say('继续')).toBe(PROMPT);
  });

  it('修改 简介 shows the text and takes a new one; 上一步 from there goes back to the one question', async () => {
    const g = cityGroup();
    await g.say('填报');
    await g.say(LINK);
    await g.say(SHORT);
    const editing = await g.say('修改 简介');
    expect(editing).toSay('editing', { label: '简介或文字简报' });
    expect(editing).toSay('current', { value: new RegExp(`${SHORT.slice(0, 10)}.*`) });
    expect(await g.say('上一步')).toSay('form:activityReport.completeWith.more');
    await g.say('修改 简介');
    const text = textOf(150);
    const saved = await g.say(text);
    expect(saved).toContain(textSaved(150));
    expect(saved).toContain(more({ links: 1, chars: 150 }));
    expect(g.saved()?.status).toBe('draft');
  });

  it('取消 keeps what was sent; 填报 shows it and asks on', async () => {
    const g = cityGroup();
    await g.say('填报');
    await g.say(LINK);
    expect(await g.say('取消')).toSay('cancelled');
    const back = await g.say('填报');
    expect(back).toSay('resumed', { form: '简报' });
    expect(back).toContain(
      `${sentenceOf('summaryListHeading', { label: '推文链接' })}\n${sentenceOf('form:activityReport.links.summaryLine', { n: 1, url: LINK })}`,
    );
    expect(back).toContain(more({ links: 1 }));
  });

  it('修改 after handing in reopens the brief with what it holds, and 完成 hands in version 2', async () => {
    const g = cityGroup();
    await g.say('填报');
    await g.file('简报.pdf', 'application/pdf');
    await g.say('完成');
    const reopened = await g.say('修改');
    expect(reopened).toSay('reopened', { form: '简报' });
    const file = sentenceOf('mediaName', { name: '简报.pdf', id: 1 });
    expect(reopened).toContain(
      `${sentenceOf('summaryListHeading', { label: FILES_LABEL })}\n${sentenceOf('form:activityReport.files.summaryLine', { n: 1, file })}`,
    );
    expect(reopened).toContain(more({ files: 1 }));
    await g.say(LINK);
    expect(await g.say('完成')).toSay('submitted');
    expect(g.store.history.map((h) => h.version)).toEqual([1, 2]);
  });
});

describe('a brief stored before the rule', () => {
  it('resumes at the one question with every answer, under the new machine version', async () => {
    const store = new MemoryStore();
    store.addUnit('room-1', '共青团广州市委员会', { kind: 'cityOrg', city: '广州市' });
    // The brief as it was: a summary, then a link, then files required.
    const old = structuredClone(campaign) as Record<string, any>;
    const oldBrief = old.forms.find((f: { id: string }) => f.id === 'activityReport');
    delete oldBrief.completeWith;
    oldBrief.fields[0].optional = false;
    oldBrief.fields[1].minItems = 1;
    oldBrief.fields[2].minItems = 1;
    const before = cityGroup(store, parseCampaign(old, 'old'));
    await before.say('填报');
    await before.say(SHORT);
    expect(await before.say(LINK)).toSay('form:activityReport.links.saved', { n: 1, url: LINK });
    const oldVersion = store.rooms.get('room-1')!.version;

    const g = cityGroup(store);
    const reply = await g.say('好的');
    expect(reply.startsWith(`${campaign.messages.resumedAfterUpdate}\n`)).toBe(true);
    expect(reply).toContain(more({ links: 1, chars: countChars(SHORT) }));
    expect(store.rooms.get('room-1')!.version).not.toBe(oldVersion);
    expect(await g.say('完成')).toSay('submitted');
    expect(g.saved()?.answers).toEqual({ summary: SHORT, links: [{ url: LINK }] });
  });
});
