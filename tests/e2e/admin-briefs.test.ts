// 导出 简报 in the admins' private chat: the briefs with their files as a zip, cut into parts when one zip
// would be larger than WeChat sends, scoped like every export.
import { rmSync } from 'node:fs';
import { FileBox } from 'file-box';
import { describe, expect, it } from 'vitest';
import { mockContactId } from '../support/mock-wechat.js';
import { sentenceOf, valuesIn } from '../support/says.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { INDEX_NAME, openZip, seedBriefs } from '../export/seed-briefs.js';
import { seedDatabase, T, testCampaign } from '../export/seed.js';

const PROVINCE_ADMIN = '青发部小陈';
const GZ_ADMIN = '广州团市委小林';
/** far below WeChat's: the city's seven files of 10 kB cannot go in one zip */
const LIMIT = 60_000;
/** each export builds its workbooks and zips: on a busy machine that is more than a chat reply's usual wait */
const WAIT_MS = 20_000;

async function ask(t: TestApp, who: string, text: string, replies = 1): Promise<string[]> {
  await t.wechat.sayPrivately(who, text);
  return t.wechat.waitForReplies(t.wechat.dm(who), replies, WAIT_MS);
}

/** The files of the last `count` messages the bot sent to `who`. */
async function sentFiles(t: TestApp, who: string, count: number): Promise<Array<{ name: string; data: Buffer }>> {
  const messages = t.wechat.replyMessages(t.wechat.dm(who)).slice(-count);
  return Promise.all(
    messages.map(async (message) => {
      const box = FileBox.fromJSON(t.wechat.mocker.cacheFileBoxPayload.get(message.id)!);
      return { name: box.name, data: await box.toBuffer() };
    }),
  );
}

describe('导出 简报 in the admin chat', () => {
  it('sends the zip, in parts under the limit when it is too large, and only within the admin’s scope', async () => {
    const seeded = await seedDatabase();
    await seedBriefs(seeded, testCampaign(), { fileBytes: 10_000, bigFileBytes: 200_000 });
    await seeded.database.close();
    const t = await startTestApp({
      dir: seeded.dir,
      admins: [mockContactId(PROVINCE_ADMIN), `${mockContactId(GZ_ADMIN)}=city:广州市`],
      app: { adminFileLimit: { maxBytes: LIMIT, maxParts: 10 } },
    });
    try {
      // The city's briefs: too large for one zip, sent as several, one after another.
      const [text] = await ask(t, GZ_ADMIN, '导出 简报');
      const missing = sentenceOf('admin.exportBriefsMissing', { count: 1 });
      expect(text).toSay('admin.exportBriefsParts', { max: 0.1, rows: 2, files: 7, missing });
      const parts = Number(valuesIn(text!, 'admin.exportBriefsParts')?.parts);
      expect(parts).toBeGreaterThan(1);
      const names = await t.wechat.waitForReplies(t.wechat.dm(GZ_ADMIN), parts, WAIT_MS);
      names.forEach((name, i) => expect(name).toMatch(new RegExp(`^\\[\\w+:活动简报或推文_广州市_20210920_第${i + 1}部分（共${parts}部分）\\.zip\\]$`)));
      const zipped: string[] = [];
      for (const file of await sentFiles(t, GZ_ADMIN, parts)) {
        expect(file.data.length).toBeLessThanOrEqual(LIMIT);
        const zip = await openZip(file.data);
        expect(zip.names[0]).toBe(INDEX_NAME);
        expect(zip.index[0]![0]).toBe('单位');
        zipped.push(...zip.names.slice(1));
      }
      expect(zipped).toHaveLength(7);
      expect(zipped.every((name) => name.startsWith(`${T.cityGz}/`) || name.startsWith(`${T.metro1}/`))).toBe(true);

      // Another city is not the city admin's to export.
      expect(await ask(t, GZ_ADMIN, '导出 简报 深圳市')).toEqual([sentenceOf('admin.exportScopeRefused', { scope: '广州市', requested: '深圳市' })]);

      // One industry's brief fits: one zip.
      const [done, sent] = await ask(t, PROVINCE_ADMIN, '导出 简报 广东电网', 2);
      expect(done).toBe(sentenceOf('admin.exportBriefsDone', { file: '活动简报或推文_广东电网_20210920.zip', rows: 1, files: 0, missing: '' }));
      expect(sent).toMatch(/^\[\w+:活动简报或推文_广东电网_20210920\.zip\]$/);
      const [industry] = await sentFiles(t, PROVINCE_ADMIN, 1);
      expect((await openZip(industry!.data)).index.slice(1).map((row) => row[0])).toEqual([T.grid]);

      // A video larger than a part: nothing to cut it into, so the command line is the way.
      const [tooLarge] = await ask(t, PROVINCE_ADMIN, '导出 简报 深圳市');
      expect(tooLarge).toSay('admin.exportBriefsTooLarge', { max: 0.1, options: ' --city 深圳市' });

      expect(await ask(t, PROVINCE_ADMIN, '导出 简报 广东人社')).toEqual([sentenceOf('admin.exportBriefsNone', { scope: '广东人社' })]);
      expect((await ask(t, PROVINCE_ADMIN, '导出'))[0]).toContain('“导出 简报”');
      expect((await ask(t, PROVINCE_ADMIN, '帮助'))[0]).toContain('导出 简报 [地市或行业]');
    } finally {
      await t.app.stop();
      rmSync(seeded.dir, { recursive: true, force: true });
    }
  }, 60_000);
});
