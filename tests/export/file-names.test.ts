// Names of the files in the briefs' zip: what a Windows user can unpack and open.
import { describe, expect, it } from 'vitest';
import { isGbkSafe, UniqueNames, windowsSafeName } from '../../src/export/file-names.js';

const safe = (name: string, maxChars = 80) => windowsSafeName(name, { maxChars, fallback: '文件' });

describe('isGbkSafe', () => {
  it('takes ASCII and the Chinese of GBK, not emoji, rare characters or control characters', () => {
    for (const char of ['a', '1', '.', '中', '简', '（', '·', '　', '龘']) expect(isGbkSafe(char), char).toBe(true);
    for (const char of ['😀', '𠀀', '\u0000', '\u007f', '\ue000']) expect(isGbkSafe(char), char).toBe(false);
  });
});

describe('windowsSafeName', () => {
  it.each([
    ['keeps a plain name', '10月活动简报.pdf', '10月活动简报.pdf'],
    ['keeps an ASCII name', 'photo.png', 'photo.png'],
    ['replaces what GBK cannot encode', '活动😀照片.jpg', '活动_照片.jpg'],
    ['replaces what Windows forbids', 'a<b>c:d"e|f?g*h.docx', 'a_b_c_d_e_f_g_h.docx'],
    ['makes tabs and line breaks spaces', '第一\t行\n第二.pdf', '第一 行 第二.pdf'],
    ['leaves no path climbing out', '../../etc/passwd', '_._etc_passwd'],
    ['leaves no Windows path climbing out', '..\\..\\Windows\\win.ini', '_._Windows_win.ini'],
    ['leaves nothing of ..', '..', '文件'],
    ['drops leading and trailing dots and spaces', ' 简报.pdf. . ', '简报.pdf'],
    ['leaves no .. inside', 'a..b.pdf', 'a.b.pdf'],
    ['leaves no root', '/absolute.png', '_absolute.png'],
    ['renames a device', 'CON', '_CON'],
    ['renames a device with an extension', 'con.txt', '_con.txt'],
    ['renames a device with two extensions', 'Lpt1.tar.gz', '_Lpt1.tar.gz'],
    ['keeps a name that only starts like a device', 'CONSOLE.txt', 'CONSOLE.txt'],
  ])('%s: %j → %j', (_why, name, expected) => {
    expect(safe(name)).toBe(expected);
  });

  it('bounds the length and keeps the extension', () => {
    const name = `${'很长的文件名'.repeat(30)}.jpeg`;
    const result = safe(name, 40);
    expect([...result]).toHaveLength(40);
    expect(result.endsWith('.jpeg')).toBe(true);
    expect(result.startsWith('很长的文件名')).toBe(true);
    expect([...safe('𠀀'.repeat(100), 10)]).toHaveLength(10);
  });

  it('uses the fallback for an empty name', () => {
    expect(safe('')).toBe('文件');
    expect(safe('   ')).toBe('文件');
  });
});

describe('UniqueNames', () => {
  it('numbers a name already taken, ignoring case as Windows does, and keeps within the length', () => {
    const names = new UniqueNames(['简报目录.xlsx']);
    expect(names.take('photo.png', 80)).toBe('photo.png');
    expect(names.take('Photo.PNG', 80)).toBe('Photo (2).PNG');
    expect(names.take('photo.png', 80)).toBe('photo (3).png');
    expect(names.take('简报目录.xlsx', 80)).toBe('简报目录 (2).xlsx');
    const long = '长'.repeat(20);
    expect(names.take(`${long}.pdf`, 24)).toBe(`${long}.pdf`);
    const second = names.take(`${long}.pdf`, 24);
    expect([...second]).toHaveLength(24);
    expect(second).toBe(`${'长'.repeat(16)} (2).pdf`);
  });
});
