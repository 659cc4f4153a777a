import { describe, expect, it } from 'vitest';
import { entryNumber, parseInput } from '../../src/conversation/commands.js';
import { campaign, form } from './harness.js';

const parse = (text: string) => parseInput(text, campaign.commands, form);

describe('command words', () => {
  it.each([
    ['填报', 'cmd.start'],
    ['开始填报', 'cmd.start'],
    ['我要填报', 'cmd.start'],
    ['开始', 'cmd.start'],
    ['上一步', 'cmd.back'],
    ['返回上一步', 'cmd.back'],
    ['上一题', 'cmd.back'],
    ['继续', 'cmd.continue'],
    ['继续添加', 'cmd.continue'],
    ['添加', 'cmd.continue'],
    ['完成', 'cmd.finish'],
    ['填完了', 'cmd.finish'],
    ['查看汇总', 'cmd.finish'],
    ['确认', 'cmd.confirm'],
    ['确认提交', 'cmd.confirm'],
    ['提交', 'cmd.confirm'],
    ['取消', 'cmd.cancel'],
    ['暂停', 'cmd.cancel'],
    ['退出', 'cmd.cancel'],
    ['帮助', 'cmd.help'],
    ['指令', 'cmd.help'],
    ['菜单', 'cmd.help'],
    ['进度', 'cmd.progress'],
    ['查看进度', 'cmd.progress'],
    ['状态', 'cmd.progress'],
    ['接管', 'cmd.takeover'],
    ['我来填', 'cmd.start'],
    ['怎么填', 'cmd.start'],
    ['我来接管', 'cmd.takeover'],
    ['是', 'cmd.yes'],
    ['好的', 'cmd.yes'],
    ['OK', 'cmd.yes'],
    ['不是', 'cmd.no'],
    ['算了', 'cmd.no'],
  ])('%s → %s', (text, type) => {
    expect(parse(text)).toEqual({ type });
  });

  it.each(['  确认  ', '确认。', '确认！', '确 认', '确认~', '确认？', '\n完成\n', '完成。'])(
    '%j: spaces and trailing punctuation around the word are ignored',
    (text) => {
      expect(parse(text).type).not.toBe('user.text');
    },
  );

  it('a sentence that contains a command word is an answer', () => {
    expect(parse('确认无误后提交审批材料，三个工作日内办结')).toEqual({ type: 'user.text', text: '确认无误后提交审批材料，三个工作日内办结' });
    expect(parse('继续做好志愿服务')).toEqual({ type: 'user.text', text: '继续做好志愿服务' });
    expect(parse('帮助老人使用智能手机')).toMatchObject({ type: 'user.text' });
  });

  it('an answer keeps its exact text', () => {
    expect(parse('  热情周到，便民利民\n')).toEqual({ type: 'user.text', text: '  热情周到，便民利民\n' });
  });
});

describe('修改', () => {
  it.each([
    ['修改', { kind: 'none' }],
    ['更改', { kind: 'none' }],
    ['编辑。', { kind: 'none' }],
    ['修改 承诺', { kind: 'field', field: 'commitment' }],
    ['修改承诺', { kind: 'field', field: 'commitment' }],
    ['修改 服务承诺', { kind: 'field', field: 'commitment' }],
    ['修改 2', { kind: 'entry', n: 2 }],
    ['修改2', { kind: 'entry', n: 2 }],
    ['修改 ２', { kind: 'entry', n: 2 }],
    ['修改第2项', { kind: 'entry', n: 2 }],
    ['修改第二项', { kind: 'entry', n: 2 }],
    ['修改 第 二 项', { kind: 'entry', n: 2 }],
    ['修改二', { kind: 'entry', n: 2 }],
    ['修改第十条', { kind: 'entry', n: 10 }],
    ['修改 12', { kind: 'entry', n: 12 }],
    ['修改 名字', { kind: 'unknown' }],
  ])('%j → %j', (text, target) => {
    expect(parse(text)).toEqual({ type: 'cmd.edit', target });
  });

  it('an answer that merely starts with 修改 stays an answer', () => {
    const text = '修改审批流程，压缩办理时限至3个工作日';
    expect(parse(text)).toEqual({ type: 'user.text', text });
    expect(parse('编辑出版便民服务指南，发放至各站点')).toMatchObject({ type: 'user.text' });
  });

  it('reads a field name without knowing the form only as unknown', () => {
    expect(parseInput('修改 承诺', campaign.commands)).toEqual({ type: 'cmd.edit', target: { kind: 'unknown' } });
    expect(parseInput('修改 2', campaign.commands)).toEqual({ type: 'cmd.edit', target: { kind: 'entry', n: 2 } });
  });
});

describe('删除', () => {
  it.each([
    ['删除 4', 4],
    ['删除4', 4],
    ['删除第4项', 4],
    ['删除第四项', 4],
    ['删除 ４', 4],
    ['删除四', 4],
    ['删除第3条', 3],
    ['删除', null],
    ['删除。', null],
    ['删除 最后', null],
  ])('%j → n = %j', (text, n) => {
    expect(parse(text)).toEqual({ type: 'cmd.delete', n });
  });

  it('an answer that merely starts with 删除 stays an answer', () => {
    expect(parse('删除冗余证明材料，减少群众跑腿次数')).toMatchObject({ type: 'user.text' });
  });
});

describe('unknown commands', () => {
  it.each([
    ['/unknown', '/unknown'],
    ['／撤回', '／撤回'],
    ['/reset all the things please', '/reset all t'],
  ])('%j → cmd.unknown with at most 12 characters', (text, shown) => {
    expect(parse(text)).toEqual({ type: 'cmd.unknown', text: shown });
  });
});

describe('entryNumber', () => {
  it.each([
    ['2', 2],
    ['２', 2],
    ['第2项', 2],
    ['第二项', 2],
    ['二', 2],
    ['十', 10],
    ['第12个', 12],
    ['100', 100],
  ])('%j → %i', (text, n) => {
    expect(entryNumber(text)).toBe(n);
  });

  it.each(['', '第', '二十一', 'abc', '1000', '2项目'])('%j is no number', (text) => {
    expect(entryNumber(text)).toBeUndefined();
  });
});

describe('command words typed with a leading slash', () => {
  it.each([
    ['/帮助', 'cmd.help'],
    ['／进度', 'cmd.progress'],
    ['/填报', 'cmd.start'],
  ])('%j is the command itself', (text, type) => {
    expect(parse(text).type).toBe(type);
  });
});
