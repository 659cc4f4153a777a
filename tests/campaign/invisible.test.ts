import { describe, expect, it } from 'vitest';
import { withoutInvisible } from '../../src/campaign/invisible.js';
import { cellText } from '../../src/export/sheet.js';

describe('invisible characters', () => {
  it.each([
    ['完\u202e成', '完成', 1],
    ['\u202d热情\u202c服务\u200b周到', '热情服务周到', 3],
    ['\ufeff开头的BOM', '开头的BOM', 1],
    ['控制\u0007字符\u0000', '控制字符', 2],
    ['\u2066隔离\u2069', '隔离', 2],
    ['左\u200e右\u200f', '左右', 2],
    ['一家人👨‍👩‍👧来了', '一家人👨‍👩‍👧来了', 0],
    ['点赞👍🏽‍♂️', '点赞👍🏽‍♂️', 0],
    ['文字\u200d中间', '文字中间', 1],
    ['第一行\n第二行\t制表', '第一行\n第二行\t制表', 0],
    ['普通文字', '普通文字', 0],
  ])('%j → %j (%i taken out)', (input, text, removed) => {
    expect(withoutInvisible(input)).toEqual({ text, removed });
  });
});

describe('an exported cell', () => {
  it('never holds them, even from an answer stored before they were taken out on the way in', () => {
    expect(cellText('完\u202e成\u0007')).toBe('完成');
    expect(cellText('一家人👨‍👩‍👧')).toBe('一家人👨‍👩‍👧');
  });
});
