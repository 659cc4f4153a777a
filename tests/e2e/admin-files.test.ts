// Roster files sent to the bot and Excel tables sent back, in the admins' private chat.
import { FileBox } from 'file-box';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { mockContactId } from '../support/mock-wechat.js';
import { sentenceOf } from '../support/says.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const ADMIN = '青发部小陈';
const CSV_HEADER = '名称,类型,类别,地市,行业（系统）';
const GOOD_ROWS = [
  '广州地铁运营一中心青年文明号,青年文明号集体,2021年广东青年文明号标兵号,广州市,城市轨道交通',
  '深圳市福田区政务服务中心青年文明号,青年文明号集体,第20届全国青年文明号,深圳市,政务服务',
  '广东省交通运输团委,联创行业团组织,,广州市,交通运输',
];

async function withAdmin(test: (t: TestApp) => Promise<void>): Promise<void> {
  const t = await startTestApp({ admins: [mockContactId(ADMIN)] });
  try {
    await test(t);
  } finally {
    await t.app.stop();
  }
}

async function sendFile(t: TestApp, who: string, name: string, content: string): Promise<string> {
  const chat = t.wechat.dm(who);
  await t.wechat.sendPrivateFile(who, FileBox.fromBase64(Buffer.from(content).toString('base64'), name));
  const [reply] = await t.wechat.waitForReplies(chat, 1);
  return reply!;
}

async function ask(t: TestApp, text: string, replies = 1): Promise<string[]> {
  await t.wechat.sayPrivately(ADMIN, text);
  return t.wechat.waitForReplies(t.wechat.dm(ADMIN), replies);
}

describe('a roster file sent to the bot', () => {
  it('is imported at once when every row is valid', async () => {
    await withAdmin(async (t) => {
      const reply = await sendFile(t, ADMIN, '名单.csv', [CSV_HEADER, ...GOOD_ROWS].join('\n'));
      expect(reply).toContain('名单文件“名单.csv”：共3行，全部有效');
      expect(reply).toContain('名单已导入：新增3个');
      expect((await ask(t, '名单'))[0]).toSay('admin.rosterSummary', { scope: '全省', total: 3 });
    });
  });

  it('waits for 确认 when some rows are rejected, naming each by its row number', async () => {
    await withAdmin(async (t) => {
      const rows = [CSV_HEADER, ...GOOD_ROWS, '某某青年文明号,青年文明,,广州市,', ',青年文明号集体,,广州市,'];
      const reply = await sendFile(t, ADMIN, '名单.csv', rows.join('\n'));
      expect(reply).toContain('其中有效3行，有问题2行');
      expect(reply).toContain('第5行：类型“青年文明”不是可选值');
      expect(reply).toContain('第6行：缺少名称');
      expect(reply).toSay('admin.importPending', { valid: 3 });
      expect((await ask(t, '名单'))[0]).toBe(sentenceOf('admin.rosterEmpty'));
      expect((await ask(t, '确认'))[0]).toContain('名单已导入：新增3个');
      expect((await ask(t, '确认导入'))[0]).toSay('admin.importNothingPending');
    });
  });

  it('takes yes and no as people say them for a pending import', async () => {
    await withAdmin(async (t) => {
      const rows = [CSV_HEADER, ...GOOD_ROWS, ',青年文明号集体,,广州市,'];
      await sendFile(t, ADMIN, '名单.csv', rows.join('\n'));
      expect((await ask(t, '算了'))[0]).toBe(sentenceOf('admin.importCancelled'));
      await sendFile(t, ADMIN, '名单.csv', rows.join('\n'));
      expect((await ask(t, '好的'))[0]).toContain('名单已导入：新增3个');
    });
  });

  it('refuses a file that is not a spreadsheet, and a roster from someone who is not an admin', async () => {
    await withAdmin(async (t) => {
      expect(await sendFile(t, ADMIN, '名单.xlsx', 'not really a workbook')).toContain('不是Excel表格');
      expect(await sendFile(t, '王强', '名单.csv', [CSV_HEADER, ...GOOD_ROWS].join('\n'))).toBe(sentenceOf('admin.refused'));
      expect((await ask(t, '名单'))[0]).toBe(sentenceOf('admin.rosterEmpty'));
    });
  });
});

describe('导出 in the admin chat', () => {
  it('sends 附件2 as an Excel file with the notice’s header', async () => {
    await withAdmin(async (t) => {
      await sendFile(t, ADMIN, '名单.csv', [CSV_HEADER, ...GOOD_ROWS].join('\n'));
      const [text, file] = await ask(t, '导出 附件2 含未交', 2);
      expect(text).toSay('admin.exportDone', { file: /附件2_服务承诺与服务事项清单_全省_\d{8}\.xlsx/ });
      // The mock types files it sends by extension and knows no .xlsx: it shows as Unknown here.
      expect(file).toMatch(/^\[\w+:附件2_.*\.xlsx\]$/);
      const sent = t.wechat.replyMessages(t.wechat.dm(ADMIN)).at(-1)!;
      const box = FileBox.fromJSON(t.wechat.mocker.cacheFileBoxPayload.get(sent.id)!);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await box.toBuffer()) as unknown as ArrayBuffer);
      const cells = workbook.worksheets[0]!.getSheetValues()
        .flat()
        .filter((v) => typeof v === 'string');
      expect(cells).toContain('服务承诺（50字以内）');
      expect(cells.join()).toContain('广州地铁运营一中心青年文明号');
      expect((await ask(t, '导出 附件2 火星市'))[0]).toBe(sentenceOf('admin.exportNoScope', { word: '火星市' }));
      expect((await ask(t, '导出'))[0]).toBe(sentenceOf('admin.exportWhat'));
    });
  });
});
