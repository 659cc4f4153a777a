// Trust in the admins' private chat, through the real Wechaty: every admin command, sent by a province, a
// city and an industry admin, answers within that admin's scope; sent by someone who is no admin, or by a
// contact that took an admin's display name, it is refused and shows nothing. A reply may repeat what the
// admin typed (or sent in a file), never the name of a unit outside the scope.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { FileBox } from 'file-box';
import { describe, expect, it, vi } from 'vitest';
import type { UnitKind } from '../../src/campaign/schema.js';
import { rosterKey } from '../../src/roster/parse.js';
import { openDatabase } from '../../src/store/client.js';
import { audit } from '../../src/store/records.js';
import { mockContactId, type ContactMock } from '../support/mock-wechat.js';
import { sentenceOf } from '../support/says.js';
import { seedRoster, startTestApp, type SeedUnit, type TestApp } from '../support/test-app.js';

vi.setConfig({ testTimeout: 60_000 });

const GZ_METRO = '广州地铁运营一中心青年文明号';
const SZ_HALL = '深圳市福田区政务服务中心青年文明号';
const GZ_HALL = '广州市天河区政务服务中心青年文明号';
const SZ_METRO = '深圳地铁福田枢纽站青年文明号';
const GZ_ORG = '共青团广州市委员会';
const ROSTER: SeedUnit[] = [
  { name: GZ_METRO, city: '广州市', industry: '城市轨道交通', category: 'provincialModel', roomId: 'gzmetro@chatroom' },
  { name: SZ_HALL, city: '深圳市', industry: '政务服务', category: 'provincialModel', roomId: 'szhall@chatroom' },
  { name: GZ_HALL, city: '广州市', industry: '政务服务', category: 'national20' },
  { name: SZ_METRO, city: '深圳市', industry: '城市轨道交通', category: 'national20' },
  { name: GZ_ORG, kind: 'cityOrg', city: '广州市' },
];
const UNIT_NAMES = ROSTER.map((unit) => unit.name);

const PROVINCE = '青发部小陈';
const CITY = '广州团市委小林';
const INDUSTRY = '政务服务团委小王';
const ADMINS = [mockContactId(PROVINCE), `${mockContactId(CITY)}=city:广州市`, `${mockContactId(INDUSTRY)}=industry:政务服务`];

type Role = 'province' | 'city' | 'industry' | 'nonAdmin' | 'impostor';
type Admins = Exclude<Role, 'nonAdmin' | 'impostor'>;
const ROLES: Role[] = ['province', 'city', 'industry', 'nonAdmin', 'impostor'];

/** The units each admin may see; the others must never be named to it. */
const SEES: Record<Admins, string[]> = {
  province: UNIT_NAMES,
  city: [GZ_METRO, GZ_HALL, GZ_ORG],
  industry: [SZ_HALL, GZ_HALL],
};

const T0 = new Date('2021-09-18T02:00:00Z');
const T1 = new Date('2021-09-19T02:00:00Z');
const ANSWERS = JSON.stringify({
  commitment: '热情周到，便民利民，让每一位群众满意',
  items: [
    { content: '在高峰时段增设志愿引导岗，提供全程陪同服务', type: '提供暖心服务' },
    { content: '推出线上预约和查询服务，减少排队等候', type: '优化办事流程' },
    { content: '组织青年员工走进社区开展政策宣传', type: '其他' },
  ],
});

/** Two 示范集体 with groups have handed in 附件2 (waiting for review); the log has what that wrote, and a refused stranger. */
async function seed(databaseFile: string): Promise<void> {
  await seedRoster(databaseFile, ROSTER);
  const db = await openDatabase(`file:${databaseFile}`);
  try {
    // each unit under the key an import gives its row
    for (const unit of await db.prisma.unit.findMany()) {
      await db.prisma.unit.update({ where: { id: unit.id }, data: { rosterKey: rosterKey(unit.kind as UnitKind, unit.city, unit.name) } });
    }
    for (const [name, roomId, filler, at] of [
      [GZ_METRO, 'gzmetro@chatroom', '李华', T0],
      [SZ_HALL, 'szhall@chatroom', '陈敏', T1],
    ] as const) {
      const unit = await db.prisma.unit.findFirstOrThrow({ where: { name } });
      await db.prisma.room.update({ where: { id: roomId }, data: { ownerId: mockContactId(filler), ownerName: filler } });
      await audit(db.prisma, mockContactId(filler), at, 'room.bound', { roomId, topic: name, unitId: unit.id, name });
      const submission = await db.prisma.submission.create({
        data: { unitId: unit.id, formId: 'modelCollective', status: 'submitted', answers: ANSWERS, version: 1, submittedAt: at, review: 'pending' },
      });
      await db.prisma.submissionVersion.create({
        data: { submissionId: submission.id, version: 1, answers: ANSWERS, submittedAt: at, submittedBy: mockContactId(filler), late: false },
      });
      await audit(db.prisma, mockContactId(filler), at, 'submission.submitted', { unitId: unit.id, formId: 'modelCollective', version: 1, late: false });
    }
    await audit(db.prisma, 'wxid_stranger', T1, 'admin.refused', { name: '路人甲', text: '统计' });
  } finally {
    await db.close();
  }
}

const CSV = [
  '名称,类型,类别,地市,行业（系统）',
  '广州新设青年文明号,青年文明号集体,,广州市,城市轨道交通',
  '深圳新设青年文明号,青年文明号集体,,深圳市,政务服务',
].join('\n');

/** Text the reply holds as written (a unit's name, a line of a list), or a sentence by key (expect.toSay). */
type Wanted = string | ReturnType<typeof expect.toSay>;

interface Step {
  /** what the admin sends: a text, or a roster file */
  say: string | { file: string; content: string };
  /** how many messages an admin gets back (a text, then a file) */
  replies?: Partial<Record<Admins, number>>;
  /** what the reply of each admin contains */
  expect: Record<Admins, Wanted | Wanted[]>;
  /** what it must not contain besides */
  absent?: Partial<Record<Admins, Wanted[]>>;
}

const REFUSED = sentenceOf('admin.refused');
const VERSIONS = expect.toSay('admin.lookupVersions');
const MANY = expect.toSay('admin.lookupMany');
const stats = (scope: string) => expect.toSay('admin.statsHeader', { scope });
const outside = (scope: string, word: string) => expect.toSay('admin.scopeOutside', { scope, word });
const noneToRemind = (scope: string) => expect.toSay('admin.remindNone', { scope, form: '附件2' });
const exported = expect.toSay('admin.exportDone', { file: /附件2_\S+\.xlsx/ });
const exportRefused = (scope: string) => expect.toSay('admin.exportScopeRefused', { scope, requested: '深圳市' });
const toReview = (scope: string, count: number) => expect.toSay('admin.reviewHeader', { form: '附件2', scope, count });
const returned = (name: string) => expect.toSay('admin.returnedDone', { name, form: '附件2' });
const APPROVE_WHAT = expect.toSay('admin.approveWhat');
/** A line of 日志: who did what, the what being one of admin.messages.logActions. */
const logged = (what: string, who?: string) => expect.toSay('admin.logLine', who ? { who, what } : { what });
const submittedLog = (unit: string) => sentenceOf('admin.logActions.submitted', { unit, form: '附件2', version: 1, late: '' });
const importedLog = expect.toSay('admin.logActions.imported', { file: '名单.csv' });

const STEPS: Step[] = [
  { say: '统计 附件2', expect: { province: stats('全省'), city: stats('广州市'), industry: stats('政务服务') } },
  { say: '统计 深圳市', expect: { province: stats('深圳市'), city: outside('广州市', '深圳市'), industry: stats('政务服务 深圳市') } },
  { say: '未交 附件2', expect: { province: [GZ_HALL, SZ_METRO], city: GZ_HALL, industry: GZ_HALL } },
  {
    say: `查 ${SZ_HALL}`,
    // the city is shown the one close name it may see, never the Shenzhen unit's submission
    expect: { province: VERSIONS, city: `${GZ_HALL}\n`, industry: VERSIONS },
    absent: { city: [VERSIONS, '深圳'] },
  },
  { say: `查 ${GZ_METRO}`, expect: { province: VERSIONS, city: VERSIONS, industry: expect.toSay('admin.lookupNone', { name: GZ_METRO }) } },
  { say: '查 政务服务中心', expect: { province: MANY, city: `${GZ_HALL}\n`, industry: MANY } },
  { say: '1', expect: { province: '政务服务中心青年文明号\n', city: expect.toSay('admin.pickNothing'), industry: '政务服务中心青年文明号\n' } },
  {
    say: '日志',
    expect: {
      province: [logged(submittedLog(GZ_METRO), '李华'), logged(submittedLog(SZ_HALL), '陈敏'), '路人甲'],
      city: logged(submittedLog(GZ_METRO), '李华'),
      industry: logged(submittedLog(SZ_HALL), '陈敏'),
    },
  },
  {
    say: `日志 ${SZ_HALL}`,
    expect: { province: logged(submittedLog(SZ_HALL)), city: expect.toSay('admin.logNone', { scope: GZ_HALL }), industry: logged(submittedLog(SZ_HALL)) },
    absent: { city: [expect.toSay('admin.logActions.submitted')] },
  },
  {
    say: '名单',
    expect: {
      province: expect.toSay('admin.rosterSummary', { scope: '全省', total: 5 }),
      city: expect.toSay('admin.rosterSummary', { scope: '广州市', total: 3 }),
      industry: expect.toSay('admin.rosterSummary', { scope: '政务服务', total: 2 }),
    },
  },
  { say: '提醒 附件2', expect: { province: noneToRemind('全省'), city: noneToRemind('广州市'), industry: noneToRemind('政务服务') } },
  {
    say: '提醒 附件2 深圳市',
    expect: { province: noneToRemind('深圳市'), city: outside('广州市', '深圳市'), industry: noneToRemind('政务服务 深圳市') },
  },
  { say: '导出 附件2', replies: { province: 2, city: 2, industry: 2 }, expect: { province: exported, city: exported, industry: exported } },
  {
    say: '导出 附件2 深圳市',
    replies: { province: 2 },
    expect: { province: exported, city: exportRefused('广州市'), industry: exportRefused('政务服务') },
  },
  { say: '审核', expect: { province: toReview('全省', 2), city: toReview('广州市', 1), industry: toReview('政务服务', 1) } },
  { say: '1', expect: { province: `${GZ_METRO}\n`, city: `${GZ_METRO}\n`, industry: `${SZ_HALL}\n` } },
  {
    say: '退回 1 请写明服务对象',
    expect: { province: returned(GZ_METRO), city: returned(GZ_METRO), industry: returned(SZ_HALL) },
  },
  { say: '通过 全部', expect: { province: expect.toSay('admin.approved', { count: 1, names: SZ_HALL }), city: APPROVE_WHAT, industry: APPROVE_WHAT } },
  {
    say: { file: '名单.csv', content: CSV },
    expect: {
      province: ['全部有效', '名单已导入：新增2个'],
      city: ['第3行：“深圳新设青年文明号”属于深圳市、政务服务，不在您的范围（广州市）内', expect.toSay('admin.importPending', { valid: 1 })],
      industry: ['第2行：“广州新设青年文明号”属于广州市、城市轨道交通，不在您的范围（政务服务）内', expect.toSay('admin.importPending', { valid: 1 })],
    },
  },
  { say: '确认', expect: { province: expect.toSay('admin.nothingToConfirm'), city: '名单已导入：新增1个', industry: '名单已导入：新增1个' } },
  {
    say: `解绑 ${SZ_HALL}`,
    // the city is offered its own close name to confirm by number, and nothing is unbound
    expect: {
      province: expect.toSay('admin.unbound', { unit: SZ_HALL }),
      city: expect.toSay('admin.unbindOne', { list: `1. ${GZ_HALL}` }),
      industry: expect.toSay('admin.unbound', { unit: SZ_HALL }),
    },
    absent: { city: [expect.toSay('admin.unbound')] },
  },
  {
    say: '日志',
    expect: {
      province: [
        expect.toSay('admin.logActions.returned', { unit: GZ_METRO, form: '附件2', version: 1 }),
        expect.toSay('admin.logActions.approved', { unit: SZ_HALL, form: '附件2', version: 1 }),
        expect.toSay('admin.logActions.roomUnbound', { unit: SZ_HALL }),
        importedLog,
      ],
      city: [expect.toSay('admin.logActions.returned', { unit: GZ_METRO, form: '附件2', version: 1 }), importedLog],
      industry: [
        expect.toSay('admin.logActions.returned', { unit: SZ_HALL, form: '附件2', version: 1 }),
        expect.toSay('admin.logActions.roomUnbound', { unit: SZ_HALL }),
        importedLog,
      ],
    },
  },
];

function sender(t: TestApp, role: Role): ContactMock {
  switch (role) {
    case 'province':
      return t.wechat.contact(PROVINCE);
    case 'city':
      return t.wechat.contact(CITY);
    case 'industry':
      return t.wechat.contact(INDUSTRY);
    case 'nonAdmin':
      return t.wechat.contact('王强');
    case 'impostor':
      // the province admin's display name on another contact
      return t.wechat.mocker.createContact({ name: PROVINCE, id: 'wxid_impostor' });
  }
}

/** The names of the units in each cell of an exported workbook's first sheet. */
async function workbookText(t: TestApp, contact: ContactMock): Promise<string> {
  const sent = t.wechat.replyMessages(t.wechat.dm(contact)).at(-1)!;
  const box = FileBox.fromJSON(t.wechat.mocker.cacheFileBoxPayload.get(sent.id)!);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await box.toBuffer()) as unknown as ArrayBuffer);
  return workbook.worksheets
    .flatMap((sheet) =>
      sheet
        .getSheetValues()
        .flat()
        .filter((v) => typeof v === 'string'),
    )
    .join('\n');
}

describe('every admin command × who sends it', () => {
  it.each(ROLES)('%s', async (role) => {
    const dir = mkdtempSync(join(tmpdir(), 'service-month-scopes-'));
    await seed(join(dir, 'bot.db'));
    const app = await startTestApp({ dir, admins: ADMINS });
    try {
      const contact = sender(app, role);
      const chat = app.wechat.dm(contact);
      for (const step of STEPS) {
        const typed = typeof step.say === 'string' ? step.say : step.say.content;
        if (typeof step.say === 'string') await app.wechat.sayPrivately(contact, step.say);
        else await app.wechat.sendPrivateFile(contact, FileBox.fromBase64(Buffer.from(step.say.content).toString('base64'), step.say.file));
        if (role === 'nonAdmin' || role === 'impostor') {
          expect(await app.wechat.waitForReplies(chat, 1), `${role}: ${typed}`).toEqual([REFUSED]);
          continue;
        }
        const replies = await app.wechat.waitForReplies(chat, step.replies?.[role] ?? 1);
        const reply = replies[0]!;
        for (const wanted of [step.expect[role]].flat()) {
          if (typeof wanted === 'string') expect(reply, `${role}: ${typed}`).toContain(wanted);
          else expect(reply, `${role}: ${typed}`).toEqual(wanted);
        }
        for (const unwanted of step.absent?.[role] ?? []) {
          if (typeof unwanted === 'string') expect(reply, `${role}: ${typed}`).not.toContain(unwanted);
          else expect(reply, `${role}: ${typed}`).not.toEqual(unwanted);
        }
        // Nothing outside the scope is named, but what the admin typed itself.
        const hidden = UNIT_NAMES.filter((name) => !SEES[role].includes(name) && !typed.includes(name));
        for (const name of hidden) expect(reply, `${role}: ${typed}`).not.toContain(name);
        if (replies.length === 2) {
          const cells = await workbookText(app, contact);
          for (const name of UNIT_NAMES.filter((name) => !SEES[role].includes(name))) expect(cells, `${role}: ${typed}`).not.toContain(name);
        }
      }
      await app.wechat.assertNoNewReplies(chat, 100);
    } finally {
      await app.app.stop();
    }
    if (role === 'nonAdmin' || role === 'impostor') {
      // Nothing changed, and every attempt was written down.
      const db = new Database(join(dir, 'bot.db'), { readonly: true });
      const refused = db.prepare("SELECT count(*) AS n FROM AuditLog WHERE action = 'admin.refused' AND actor <> 'wxid_stranger'").get() as { n: number };
      const reviews = db.prepare('SELECT review FROM Submission ORDER BY id').all();
      const rooms = db.prepare('SELECT count(*) AS n FROM Room WHERE unitId IS NOT NULL').get() as { n: number };
      const units = db.prepare('SELECT count(*) AS n FROM Unit').get() as { n: number };
      db.close();
      expect(refused.n).toBe(STEPS.length);
      expect(reviews).toEqual([{ review: 'pending' }, { review: 'pending' }]);
      expect(rooms.n).toBe(2);
      expect(units.n).toBe(ROSTER.length);
    }
  });
});

describe('a roster file from a city or industry admin', () => {
  async function withSeeded(test: (t: TestApp, databaseFile: string) => Promise<void>): Promise<void> {
    const dir = mkdtempSync(join(tmpdir(), 'service-month-scopes-'));
    await seed(join(dir, 'bot.db'));
    const t = await startTestApp({ dir, admins: ADMINS });
    try {
      await test(t, join(dir, 'bot.db'));
    } finally {
      await t.app.stop();
    }
  }

  async function sendFile(t: TestApp, who: string, rows: string[]): Promise<string> {
    const content = ['名称,类型,类别,地市,行业（系统）', ...rows].join('\n');
    await t.wechat.sendPrivateFile(who, FileBox.fromBase64(Buffer.from(content).toString('base64'), '名单.csv'));
    return (await t.wechat.waitForReplies(t.wechat.dm(who), 1))[0]!;
  }

  function unitRows(databaseFile: string) {
    const db = new Database(databaseFile, { readonly: true });
    const rows = db.prepare('SELECT name, category, city, industry, updatedAt FROM Unit ORDER BY id').all();
    db.close();
    return rows as { name: string; category: string | null; city: string | null; industry: string | null }[];
  }

  it('changes only the units of its city: a Shenzhen row, new or matching a Shenzhen unit, is refused with the reason', async () => {
    await withSeeded(async (t, databaseFile) => {
      const before = unitRows(databaseFile);
      const reply = await sendFile(t, CITY, [
        `${SZ_HALL},青年文明号集体,第20届全国青年文明号,深圳市,交通运输`,
        '深圳新设青年文明号,青年文明号集体,,深圳市,政务服务',
        `${GZ_HALL},青年文明号集体,2021年广东青年文明号标兵号,广州,政务服务`,
      ]);
      expect(reply).toContain('共3行，其中有效1行，有问题2行');
      expect(reply).toContain(`第2行：“${SZ_HALL}”属于深圳市、交通运输，不在您的范围（广州市）内`);
      expect(reply).toContain('第3行：“深圳新设青年文明号”属于深圳市、政务服务，不在您的范围（广州市）内');
      expect(reply).toSay('admin.importPending', { valid: 1 });
      await t.wechat.sayPrivately(CITY, '确认');
      const done = (await t.wechat.waitForReplies(t.wechat.dm(CITY), 1))[0]!;
      expect(done).toContain('名单已导入：新增0个，更新1个');
      const after = unitRows(databaseFile);
      expect(after).toHaveLength(before.length);
      expect(after.find((u) => u.name === SZ_HALL)).toEqual(before.find((u) => u.name === SZ_HALL));
      // "广州" as the file spells it is the admin's 广州市: the unit stays in the city
      expect(after.find((u) => u.name === GZ_HALL)).toMatchObject({ category: 'provincialModel', city: '广州市', industry: '政务服务' });
    });
  });

  it('leaves an existing unit of another industry alone, even when the row names the admin’s industry', async () => {
    await withSeeded(async (t, databaseFile) => {
      const before = unitRows(databaseFile);
      // the key (深圳市, name) finds the Shenzhen metro unit, of 城市轨道交通
      const reply = await sendFile(t, INDUSTRY, [`${SZ_METRO},青年文明号集体,,深圳市,政务服务`]);
      expect(reply).toContain(`第2行：名单中已有的“${SZ_METRO}”属于深圳市、城市轨道交通，不在您的范围（政务服务）内，不能修改`);
      expect(reply).toContain('没有可导入的有效行，名单未改动。');
      expect(unitRows(databaseFile)).toEqual(before);
    });
  });

  it('lets the province admin import every row', async () => {
    await withSeeded(async (t, databaseFile) => {
      const reply = await sendFile(t, PROVINCE, [
        `${SZ_HALL},青年文明号集体,第20届全国青年文明号,深圳市,交通运输`,
        '深圳新设青年文明号,青年文明号集体,,深圳市,政务服务',
      ]);
      expect(reply).toContain('名单已导入：新增1个，更新1个');
      expect(unitRows(databaseFile).find((u) => u.name === SZ_HALL)).toMatchObject({ category: 'national20', industry: '交通运输' });
    });
  });
});
