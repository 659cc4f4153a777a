// Access, the one place an admin's scope is checked: the units, the city or industry a word names, the
// table an export may make, the roster rows a file may write and the audit entries 日志 may show.
import { describe, expect, it } from 'vitest';
import { Access } from '../../src/admin/access.js';
import type { Admin } from '../../src/report/scope.js';
import { loadCampaign } from '../../src/files/campaign.js';
import type { RosterRow } from '../../src/roster/parse.js';
import type { AuditEntry } from '../../src/report/units.js';
import { adminUnit } from '../support/admin-desk.js';
import { sentenceOf } from '../support/says.js';

const campaign = loadCampaign('conversations');
const PROVINCE: Admin = { id: 'p', scope: { kind: 'province' } };
const GUANGZHOU: Admin = { id: 'gz', scope: { kind: 'city', city: '广州市' } };
const POWER: Admin = { id: 'power', scope: { kind: 'industry', industry: '广东电网' } };
const UNITS = [
  adminUnit(1, '广州地铁运营一中心', '广州市', '城市轨道交通'),
  adminUnit(2, '广州供电局客服中心', '广州市', '广东电网'),
  adminUnit(3, '深圳供电局客服中心', '深圳市', '广东电网'),
];

const accessOf = (admin: Admin) => new Access(campaign, admin, async () => UNITS);
const row = (city: string | null, industry: string | null): RosterRow => ({
  row: 2,
  name: '新集体',
  kind: 'collective',
  categories: ['other'],
  city,
  industry,
  key: 'k',
});
const entry = (action: string, detail: Record<string, unknown>, actor = 'someone'): AuditEntry => ({ id: 1, at: new Date(0), actor, action, detail });

describe('Access', () => {
  it('reads units in the scope only', async () => {
    expect((await accessOf(GUANGZHOU).units()).map((u) => u.id)).toEqual([1, 2]);
    expect((await accessOf(POWER).units()).map((u) => u.id)).toEqual([2, 3]);
    expect(await accessOf(GUANGZHOU).unit(3)).toBeUndefined();
    expect((await accessOf(PROVINCE).unit(3))?.id).toBe(3);
  });

  it('reads the loaded units once per command', async () => {
    let loads = 0;
    const access = new Access(campaign, GUANGZHOU, async () => {
      loads += 1;
      return UNITS;
    });
    await access.units();
    await access.unit(1);
    await access.view('广州');
    expect(loads).toBe(1);
  });

  it('lets an export name a city or industry the admin may make a table of', async () => {
    expect(await accessOf(PROVINCE).exportScope('')).toEqual({});
    expect(await accessOf(PROVINCE).exportScope('广州')).toEqual({ within: { kind: 'city', city: '广州市' } });
    expect(await accessOf(PROVINCE).exportScope('广东电网')).toEqual({ within: { kind: 'industry', industry: '广东电网' } });
    expect(await accessOf(PROVINCE).exportScope('火星市')).toEqual({ refusal: sentenceOf('admin.exportNoScope', { word: '火星市' }) });
    expect(await accessOf(GUANGZHOU).exportScope('广州市')).toEqual({ within: { kind: 'city', city: '广州市' } });
    expect(await accessOf(GUANGZHOU).exportScope('深圳')).toEqual({ refusal: sentenceOf('admin.exportScopeRefused', { scope: '广州市', requested: '深圳' }) });
    // a table is of a whole city: not of one industry in it
    expect(await accessOf(GUANGZHOU).exportScope('广东电网')).toEqual({
      refusal: sentenceOf('admin.exportScopeRefused', { scope: '广州市', requested: '广东电网' }),
    });
  });

  it('admits the rows of a roster file inside the scope, as the scope spells its city or industry', () => {
    expect(accessOf(PROVINCE).importScope()).toBeUndefined();
    const gz = accessOf(GUANGZHOU).importScope()!;
    expect(gz.admit(row('广州', null))?.city).toBe('广州市');
    expect(gz.admit(row(' 广州市 ', '广东电网'))?.city).toBe('广州市');
    expect(gz.admit(row('深圳市', null))).toBeUndefined();
    expect(gz.admit(row(null, '广东电网'))).toBeUndefined();
    expect(gz.allows({ city: '广州', industry: null })).toBe(false);
    expect(gz.place({ city: '深圳市', industry: '广东电网' })).toBe('深圳市、广东电网');
    expect(gz.place({ city: null, industry: null })).toBe(campaign.admin.labels.noCity);
    const power = accessOf(POWER).importScope()!;
    expect(power.admit(row('深圳市', '广东电网 '))?.industry).toBe('广东电网');
    expect(power.admit(row('深圳市', '广东移动'))).toBeUndefined();
  });

  it('shows each admin the audit entries that are its to read', async () => {
    const gz = accessOf(GUANGZHOU);
    expect(await gz.sees(entry('submission.submitted', { unitId: 1 }))).toBe(true);
    expect(await gz.sees(entry('submission.submitted', { unitId: 3 }))).toBe(false);
    expect(await gz.sees(entry('setting.changed', { key: 'reminders.paused' }))).toBe(true);
    expect(await gz.sees(entry('admin.refused', { name: 'x' }))).toBe(false);
    expect(await gz.sees(entry('roster.imported', { cities: ['广州市'], industries: [] }))).toBe(true);
    expect(await gz.sees(entry('roster.imported', { cities: ['深圳市'], industries: ['广东电网'] }))).toBe(false);
    // its own import, even of nothing in the city; an import written before the places were kept, by another
    expect(await gz.sees(entry('roster.imported', {}, 'gz'))).toBe(true);
    expect(await gz.sees(entry('roster.imported', {}))).toBe(false);
    expect(await accessOf(POWER).sees(entry('roster.imported', { cities: ['深圳市'], industries: ['广东电网'] }))).toBe(true);
    expect(await accessOf(PROVINCE).sees(entry('admin.refused', {}))).toBe(true);
  });
});
