// Chatter is not an answer: real phrasings of group members, as they type them on a phone, against the
// campaign's word lists. And ordinary answers, some just long enough or containing such words, are answers.
import { describe, expect, it } from 'vitest';
import { chatterOf } from '../../src/conversation/chatter.js';
import { campaign } from './harness.js';

const of = (text: string) => chatterOf(text, campaign.chatter);

describe('a question is not an answer', () => {
  it.each([
    '服务承诺是什么',
    '请问这个要怎么填写呢？',
    '这里写什么',
    '要写几项',
    '是不是每项都要选类型',
    '能不能发文件',
    '服务事项要多少字？',
    '可以发图片吗',
    '什么是服务事项',
    '第二项写啥',
    '承诺要写多少字啊',
    '？',
    '？？',
    'what?',
    '怎样算一项',
    '需不需要盖章',
  ])('%j', (text) => expect(of(text)).toBe('question'));
});

describe('a holding phrase or an acknowledgement is not an answer', () => {
  it.each([
    ['稍等', 'holding'],
    ['等一下', 'holding'],
    ['稍等一下哈', 'holding'],
    ['好的，稍等', 'holding'],
    ['马上', 'holding'],
    ['我看看', 'holding'],
    ['我问问', 'holding'],
    ['等我一下哈', 'holding'],
    ['好，等我下', 'holding'],
    ['晚点发', 'holding'],
    ['待会儿', 'holding'],
    ['你好', 'acknowledgement'],
    ['大家好！', 'acknowledgement'],
    ['hi', 'acknowledgement'],
    ['好的', 'acknowledgement'],
    ['好的！', 'acknowledgement'],
    ['收到', 'acknowledgement'],
    ['收到收到', 'acknowledgement'],
    ['嗯', 'acknowledgement'],
    ['嗯嗯', 'acknowledgement'],
    ['谢谢', 'acknowledgement'],
    ['好的谢谢', 'acknowledgement'],
    ['好的，谢谢！', 'acknowledgement'],
    ['ok', 'acknowledgement'],
    ['OK', 'acknowledgement'],
    ['👍', 'acknowledgement'],
    ['🙏🙏', 'acknowledgement'],
    ['好的👍', 'acknowledgement'],
    ['明白了', 'acknowledgement'],
    ['知道了', 'acknowledgement'],
    ['辛苦了', 'acknowledgement'],
    ['好嘞', 'acknowledgement'],
  ] as const)('%j is %s', (text, kind) => expect(of(text)).toBe(kind));
});

describe('an acknowledgement followed by a little more is asked about', () => {
  it.each(['好的，我写一下', '收到，这就发', '嗯，第一项写好了', '好的 我来'])('%j', (text) => expect(of(text)).toBe('unsure'));
});

describe('an ordinary answer is an answer', () => {
  it.each([
    '热情周到，便民利民',
    '马上就办，办就办好',
    '好的服务从微笑开始',
    '一站式服务，温馨出行，让每一位乘客安心满意',
    '为老年乘客和残障乘客提供预约出行和进出站全程陪同服务',
    '推出失物招领线上查询，乘客遗失物品可在小程序上查询和预约领取',
    '春运和国庆期间延长售票和问询服务时间，方便旅客换乘',
    '开通爱心专窗',
    '群众满意',
    '收费公开透明，服务规范高效，群众有问必答、有难必帮、有求必应，办事不出站',
    '10月全市开展开放日活动共120场，服务群众两万余人次。',
    '广东省交通运输系统',
    '有问必答',
    '是群众的贴心人',
  ])('%j', (text) => expect(of(text)).toBeUndefined());
});
