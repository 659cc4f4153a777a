// The one-time codes, the guessing limit, what spending a code means, and the admins of the moment: the
// ADMINS setting beside the invited ones.
import { describe, expect, it } from 'vitest';
import { fixedDirectory, withSettingAdmins } from '../../src/report/directory.js';
import {
  adminName,
  claimOutcome,
  codeExpiry,
  codeIn,
  hashCode,
  lockedUntil,
  newCode,
  scopeColumns,
  scopeOfColumns,
  validAdminName,
  type CodeHolder,
} from '../../src/admin/invites.js';

const NOW = new Date('2021-09-20T02:30:00Z');
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);

describe('codes', () => {
  it('are six digits, leading zeros kept, drawn from the whole range', () => {
    expect(newCode(() => 42)).toBe('000042');
    expect(newCode(() => 999_999)).toBe('999999');
    let max = 0;
    newCode((n) => {
      max = n;
      return 0;
    });
    expect(max).toBe(1_000_000);
    expect(newCode()).toMatch(/^\d{6}$/);
  });

  it('are stored as a hash that depends on every digit', () => {
    expect(hashCode('123456')).toMatch(/^[0-9a-f]{64}$/);
    expect(hashCode('123456')).not.toBe(hashCode('123457'));
    expect(hashCode('123456')).toBe(hashCode('123456'));
  });

  it('last seven days', () => {
    expect(codeExpiry(NOW)).toEqual(new Date('2021-09-27T02:30:00Z'));
  });

  it('are read as a phone writes them, and nothing else is taken for one', () => {
    for (const text of ['123456', ' 123456 ', '１２３４５６', '123 456', '：123456', '123-456', '123456。']) expect(codeIn(text), text).toBe('123456');
    for (const text of ['', '小周', '12345', '1234567', '12345a', '小周 123456']) expect(codeIn(text), text).toBeUndefined();
  });
});

describe('the guessing limit', () => {
  it('lets a contact send five wrong codes an hour, then reads none until the oldest of them is an hour old', () => {
    const wrong = [0, 10, 20, 30].map(minutes);
    expect(lockedUntil(wrong, minutes(31))).toBeUndefined();
    const five = [...wrong, minutes(40)];
    expect(lockedUntil(five, minutes(41))).toEqual(minutes(60));
    expect(lockedUntil(five, minutes(60))).toBeUndefined();
    // a sixth within the hour keeps it locked until the second one is an hour old
    expect(lockedUntil([...five, minutes(50)], minutes(61))).toEqual(minutes(70));
    expect(lockedUntil([minutes(-70), ...wrong], minutes(31))).toBeUndefined();
  });
});

describe('names and scopes', () => {
  it('writes a name one way and takes only names fit for a command line and a chat', () => {
    expect(adminName(' 小 周 ')).toBe('小周');
    expect(adminName('ＡＢ')).toBe('AB');
    expect(validAdminName('小周')).toBe(true);
    for (const name of ['', 'a,b', '小=周', '一二三四五六七八九十一二三四五六七八九十一']) expect(validAdminName(name), name).toBe(false);
  });

  it('keeps a scope in two columns and reads it back', () => {
    for (const scope of [{ kind: 'province' }, { kind: 'city', city: '广州市' }, { kind: 'industry', industry: '广东电网' }] as const) {
      const columns = scopeColumns(scope);
      expect(scopeOfColumns(columns.scope, columns.scopeName)).toEqual(scope);
    }
    expect(scopeOfColumns('city', null)).toBeUndefined();
    expect(scopeOfColumns('everything', '广州市')).toBeUndefined();
  });
});

describe('spending a code', () => {
  const invited = (over: Partial<CodeHolder> = {}): CodeHolder => ({
    name: '小周',
    scope: { kind: 'city', city: '广州市' },
    contactId: null,
    expiresAt: minutes(60),
    usedAt: null,
    ...over,
  });

  it('binds the sender to the invitation, and replaces the contact a renewed code had', () => {
    expect(claimOutcome(invited(), undefined, 'wxid_new', NOW)).toEqual({
      kind: 'bound',
      admin: { id: 'wxid_new', name: '小周', scope: { kind: 'city', city: '广州市' } },
      previous: null,
    });
    const renewed = invited({ contactId: 'wxid_old' });
    expect(claimOutcome(renewed, undefined, 'wxid_new', NOW)).toMatchObject({ kind: 'bound', previous: 'wxid_old' });
    expect(claimOutcome(renewed, renewed, 'wxid_old', NOW)).toMatchObject({ kind: 'bound', previous: null });
  });

  it('refuses a wrong, spent or expired code, and a sender who is another admin already', () => {
    expect(claimOutcome(undefined, undefined, 'wxid_a', NOW)).toEqual({ kind: 'wrong' });
    const spent = invited({ contactId: 'wxid_a', usedAt: minutes(-5) });
    expect(claimOutcome(spent, undefined, 'wxid_b', NOW)).toEqual({ kind: 'used' });
    expect(claimOutcome(spent, spent, 'wxid_a', NOW)).toMatchObject({ kind: 'already', admin: { id: 'wxid_a', name: '小周' } });
    expect(claimOutcome(invited({ expiresAt: NOW }), undefined, 'wxid_a', NOW)).toEqual({ kind: 'expired', name: '小周' });
    const other = invited({ name: '小李', scope: { kind: 'province' }, contactId: 'wxid_a', usedAt: minutes(-60) });
    expect(claimOutcome(invited(), other, 'wxid_a', NOW)).toEqual({
      kind: 'taken',
      name: '小周',
      other: { id: 'wxid_a', name: '小李', scope: { kind: 'province' } },
    });
  });
});

describe('the admins of the moment', () => {
  it('are the ADMINS setting beside the invited ones, the setting winning for a contact in both', async () => {
    const stored = fixedDirectory([
      { id: 'wxid_b', name: '小周', scope: { kind: 'city', city: '广州市' } },
      { id: 'wxid_c', name: '小李', scope: { kind: 'industry', industry: '广东电网' } },
    ]);
    const admins = withSettingAdmins(
      [
        { id: 'wxid_a', scope: { kind: 'province' } },
        { id: 'wxid_c', scope: { kind: 'province' } },
      ],
      stored,
    );
    expect((await admins.list()).map((admin) => [admin.id, admin.scope.kind])).toEqual([
      ['wxid_a', 'province'],
      ['wxid_c', 'province'],
      ['wxid_b', 'city'],
    ]);
    expect(await admins.find('wxid_c')).toEqual({ id: 'wxid_c', scope: { kind: 'province' } });
    expect(await admins.find('wxid_b')).toMatchObject({ name: '小周' });
    expect(await admins.find('wxid_x')).toBeUndefined();
  });
});
