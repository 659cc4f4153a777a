// Who an admin is and what it may see (src/report/scope.ts): the ADMINS setting read entry by entry, a unit
// in or out of a scope, the city or industry a word names, and who speaks for a scope.
import { describe, expect, it } from 'vitest';
import { AdminConfigError, collectorOf, inScope, parseAdmins, scopeNamed, type Scope } from '../../src/report/scope.js';

const PROVINCE: Scope = { kind: 'province' };
const GUANGZHOU: Scope = { kind: 'city', city: '广州市' };
const GRID: Scope = { kind: 'industry', industry: '广东电网' };

describe('parseAdmins', () => {
  it('reads a bare id as a province admin, and a city or industry after =', () => {
    expect(parseAdmins(['wxid_a', ' wxid_b = city:广州市 ', 'wxid_c=industry: 广东电网', 'wxid_d=province'])).toEqual([
      { id: 'wxid_a', scope: PROVINCE },
      { id: 'wxid_b', scope: GUANGZHOU },
      { id: 'wxid_c', scope: GRID },
      { id: 'wxid_d', scope: PROVINCE },
    ]);
  });

  it('refuses an entry without an id, an id twice, and a scope it cannot read, naming the entry', () => {
    expect(() => parseAdmins(['=city:广州市'])).toThrow(AdminConfigError);
    expect(() => parseAdmins(['wxid_a', 'wxid_a=city:广州市'])).toThrow('admin wxid_a is listed twice');
    expect(() => parseAdmins(['wxid_a=city:'])).toThrow('admin entry "wxid_a=city:": the scope must be');
    expect(() => parseAdmins(['wxid_a=town:越秀'])).toThrow('admin entry "wxid_a=town:越秀"');
  });
});

describe('inScope', () => {
  const unit = { city: '广州市', industry: '广东电网' };

  it('lets the province see every unit, a city its city, an industry its industry', () => {
    expect(inScope(PROVINCE, { city: null, industry: null })).toBe(true);
    expect(inScope(GUANGZHOU, unit)).toBe(true);
    expect(inScope(GRID, unit)).toBe(true);
    expect(inScope({ kind: 'city', city: '深圳市' }, unit)).toBe(false);
    expect(inScope({ kind: 'industry', industry: '广州地铁' }, unit)).toBe(false);
    expect(inScope(GUANGZHOU, { city: null, industry: '广东电网' })).toBe(false);
  });
});

describe('scopeNamed', () => {
  const units = [
    { city: '广州市', industry: null },
    { city: null, industry: '广东电网' },
  ];

  it('finds a city by its name, with or without its 市, and an industry by its name', () => {
    expect(scopeNamed('广州市', units)).toEqual(GUANGZHOU);
    expect(scopeNamed('广州', units)).toEqual(GUANGZHOU);
    expect(scopeNamed('广东电网', units)).toEqual(GRID);
  });

  it("gives the roster's spelling when it leaves the 市 off and the word does not", () => {
    expect(scopeNamed('佛山市', [{ city: '佛山', industry: null }])).toEqual({ kind: 'city', city: '佛山' });
  });

  it('finds nothing the roster does not hold', () => {
    expect(scopeNamed('深圳', units)).toBeUndefined();
    expect(scopeNamed('', units)).toBeUndefined();
  });
});

describe('collectorOf', () => {
  const names = { province: '团省委青发部', city: '{city}团委', industry: '{industry}团组织' };
  const units = [
    { name: '共青团广州市委员会', kind: 'cityOrg', city: '广州市', industry: null },
    { name: '广州市某集体', kind: 'collective', city: '广州市', industry: '广东电网' },
    { name: '广东电网有限责任公司团委', kind: 'industryOrg', city: null, industry: '广东电网' },
  ];

  it("names the roster's 地市团委 or 联创行业团组织 of the scope", () => {
    expect(collectorOf(GUANGZHOU, units, names)).toBe('共青团广州市委员会');
    expect(collectorOf(GRID, units, names)).toBe('广东电网有限责任公司团委');
    expect(collectorOf(PROVINCE, units, names)).toBe('团省委青发部');
  });

  it('makes a name from the scope when the roster has no such body', () => {
    expect(collectorOf({ kind: 'city', city: '深圳市' }, units, names)).toBe('深圳市团委');
    expect(collectorOf({ kind: 'industry', industry: '广州地铁' }, units, names)).toBe('广州地铁团组织');
  });
});
