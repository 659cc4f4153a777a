// What a month in real groups brings, through the real Wechaty: a file delivered twice, a group renamed to
// another unit's name, the member filling the form leaving the group, an admin taken off the list.
import Database from 'better-sqlite3';
import { FileBox } from 'file-box';
import { types } from 'wechaty';
import { describe, expect, it, vi } from 'vitest';
import { mockContactId } from '../support/mock-wechat.js';
import { sentenceOf } from '../support/says.js';
import { askPrivately, startTestApp, type SeedUnit, type TestApp } from '../support/test-app.js';

vi.setConfig({ testTimeout: 60_000 });

const SOUTH = '广州南站青年文明号';
const EAST = '广州东站青年文明号';
const ROSTER: SeedUnit[] = [
  { name: SOUTH, city: '广州市', industry: '广州铁路', category: 'national20', roomId: 'south@chatroom' },
  { name: EAST, city: '广州市', industry: '广州铁路', category: 'national20', roomId: 'east@chatroom' },
];
const COMMITMENT = '热情周到，便民利民，让每一位旅客安心出行';
/** The first bytes of a .docx: a zip whose entries live under word/. */
const docx = () => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), Buffer.from('word/document.xml'), Buffer.alloc(512)]);

async function rename(t: TestApp, roomId: string, topic: string): Promise<void> {
  const payload = t.wechat.mocker.cacheRoomPayload.get(roomId)!;
  t.wechat.mocker.cacheRoomPayload.set(roomId, { ...payload, topic });
  await t.wechat.puppet.dirtyPayload(types.Payload.Room, roomId);
}

async function leave(t: TestApp, roomId: string, member: string): Promise<void> {
  const payload = t.wechat.mocker.cacheRoomPayload.get(roomId)!;
  const id = mockContactId(member);
  t.wechat.mocker.cacheRoomPayload.set(roomId, { ...payload, memberIdList: payload.memberIdList.filter((m) => m !== id) });
  await t.wechat.puppet.dirtyPayload(types.Payload.Room, roomId);
}

describe('hostile and careless things, through the bot', () => {
  it('a brief file WeChat delivers twice is kept once', async () => {
    const t = await startTestApp({ roster: ROSTER });
    try {
      const { room } = t.wechat.createRoom(SOUTH, ['陈敏'], { id: 'south@chatroom' });
      await t.ask('陈敏', room, '填报 简报');
      const id = await t.wechat.sendFile('陈敏', room, FileBox.fromBase64(docx().toString('base64'), '10月简报.docx'));
      await t.wechat.waitForReplies(room, 1);
      t.wechat.redeliver(id);
      await t.wechat.assertNoNewReplies(room, 500);
      const db = new Database(t.databaseFile, { readonly: true });
      try {
        expect((db.prepare('SELECT COUNT(*) AS n FROM Media').get() as { n: number }).n).toBe(1);
      } finally {
        db.close();
      }
    } finally {
      await t.app.stop();
    }
  });

  it('a group renamed to another unit’s name keeps its own unit, and so does the other', async () => {
    const t = await startTestApp({ roster: ROSTER });
    try {
      const { room: south } = t.wechat.createRoom(SOUTH, ['陈敏'], { id: 'south@chatroom' });
      const { room: east } = t.wechat.createRoom(EAST, ['王强'], { id: 'east@chatroom' });
      await t.ask('陈敏', south, '填报 附件2');
      await t.ask('陈敏', south, COMMITMENT);
      await rename(t, 'south@chatroom', EAST);
      const southProgress = (await t.ask('陈敏', south, '进度')).split('\n');
      expect(southProgress[0]).toBe(sentenceOf('progressHeader', { unit: SOUTH }));
      expect(southProgress[1]).toSay('progressDraft', { form: '附件2', done: sentenceOf('progressDoneText', { label: '服务承诺' }) });
      const eastProgress = (await t.ask('王强', east, '进度')).split('\n');
      expect(eastProgress[0]).toBe(sentenceOf('progressHeader', { unit: EAST }));
      expect(eastProgress[1]).toSay('progressNotStarted', { form: '附件2' });
    } finally {
      await t.app.stop();
    }
  });

  it('when the member filling the form leaves, another takes it over with 接管 and nothing is lost', async () => {
    const t = await startTestApp({ roster: ROSTER });
    try {
      const { room } = t.wechat.createRoom(SOUTH, ['陈敏', '王强'], { id: 'south@chatroom' });
      await t.ask('陈敏', room, '填报 附件2');
      await t.ask('陈敏', room, COMMITMENT);
      await leave(t, 'south@chatroom', '陈敏');
      expect(await t.ask('王强', room, '进度')).toSay('progressDoneText', { label: '服务承诺' });
      expect(await t.ask('王强', room, '接管')).toSay('takenOver', { name: '王强' });
      expect(await t.ask('王强', room, '在候车室设置爱心服务台，为老年旅客提供全程引导')).toContain('请选择第1项的服务类型');
    } finally {
      await t.app.stop();
    }
  });

  it('an admin taken off the list is refused after the restart that applies it', async () => {
    const admin = '广州团市委小林';
    const first = await startTestApp({ roster: ROSTER, admins: [`${mockContactId(admin)}=city:广州市`] });
    first.wechat.contact(admin);
    try {
      expect(await askPrivately(first, admin, '统计')).toSay('admin.statsHeader', { scope: '广州市' });
    } finally {
      await first.app.stop();
    }
    const second = await startTestApp({ dir: first.dir, admins: [] });
    second.wechat.contact(admin);
    try {
      expect(await askPrivately(second, admin, '统计')).toBe(sentenceOf('admin.refused'));
    } finally {
      await second.app.stop();
    }
  });
});
