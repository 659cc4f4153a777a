// The 填报指南 is made from the campaign data: who owes which form and by when, each field's limits, the
// choices and the commands; docs/填报指南.md is what the campaign makes now.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { guideFileName, guideMarkdown, guideMessages, guideText, MESSAGE_CHARS } from '../../src/campaign/guide.js';
import { CampaignError, parseCampaign } from '../../src/campaign/parse.js';
import { loadCampaign } from '../../src/files/campaign.js';
import { countChars } from '../../src/campaign/text.js';

const DIR = fileURLToPath(new URL('../../conversations', import.meta.url));
const campaign = loadCampaign(DIR);
const RAW = parseYaml(readFileSync(`${DIR}/campaign-2021.yaml`, 'utf8')) as Record<string, any>;

function variant(edit: (raw: Record<string, any>) => void) {
  const raw = structuredClone(RAW);
  edit(raw);
  return parseCampaign(raw, 'variant.yaml');
}

const lineOf = (text: string, start: string) => text.split('\n').find((line) => line.includes(start)) ?? '';

describe('the 2021 填报指南', () => {
  const text = guideText(campaign);

  it('says who owes which form, by when and to whom, as the forms say', () => {
    expect(text.startsWith('2021年广东青年文明号集中服务月填报指南\n')).toBe(true);
    const model = lineOf(text, '附件2 服务承诺与服务事项清单（示范集体）：');
    expect(model).toContain('第20届全国青年文明号、2021年广东青年文明号标兵号集体填写');
    expect(model).toContain('9月29日（周三）17:00前提交');
    // the notice: 由地市团委、行业（系统）团组织汇总后，于9月30日12：00前发送至团省委青发部
    expect(model).toContain('由所在地市团委或联创行业团组织审核汇总，9月30日（周四）12:00前报送团省委青发部');
    const others = lineOf(text, '承诺事项（本集体服务承诺与服务事项）：');
    expect(others).toContain('其他青年文明号集体填写，9月30日（周四）23:59前提交');
    expect(others).not.toContain('附件2');
    expect(others).toMatch(/由所在地市团委或联创行业团组织审核汇总。?$/);
    expect(lineOf(text, '附件1 服务事项清单')).toContain('联创行业团组织填写，9月28日（周二）17:00前提交，交团省委青发部');
    expect(lineOf(text, '简报（活动简报或推文')).toContain(
      '地市团委、联创行业团组织、第20届全国青年文明号、2021年广东青年文明号标兵号集体填写，10月29日（周五）23:59前提交',
    );
    expect(text).toContain('过了截止时间仍可提交，但会记为逾期提交。');
  });

  it('lists each form’s fields with their limits, the forms asking the same fields once', () => {
    expect(text).toContain('【附件2、承诺事项】\n1. 服务承诺：50字以内\n2. 服务事项：至少3项，最多20项，每项100字以内，并选一个服务类型\n');
    expect(text).toContain('【附件1】\n1. 行业（系统）名称：30字以内\n2. 服务事项：至少3项');
    expect(text).toContain('【简报】\n以下任一种即可，也可以都发：\n· 推文链接：最多10个');
    expect(text).toContain('· 简报文件或图片：最多20个，每个不超过20MB');
    expect(text).toContain('· 简介或文字简报：100字以上，最多3000字');
  });

  it('explains how 字 are counted with an example the bot counts itself', () => {
    const sample = campaign.guide.countingSample;
    expect(text).toContain(`例如“${sample}”算${countChars(sample)}字。`);
    expect(countChars(sample)).toBe(9);
  });

  it('shows the six service types and the commands a group can send', () => {
    expect(text).toContain('三、服务类型\n回复数字或名称都可以：\n1 优化办事流程　2 规范审批行为　3 提高服务质量\n4 提供暖心服务　5 解决民生困难　6 其他');
    expect(text).toContain('填报 / 填报 附件2 — ');
    expect(text).toContain('进度 / 状态 — ');
    expect(text).toContain('接管 — ');
    expect(text).toContain('帮助 — ');
    expect(text).toContain('指南 — ');
    expect(text).toContain('其他成员找助手请@服务月助手');
  });

  it('fits in one WeChat message', () => {
    expect([...text].length).toBeLessThanOrEqual(MESSAGE_CHARS);
    expect(guideMessages(campaign)).toEqual([text]);
  });

  it('is the same guide in Markdown, and docs/填报指南.md is what the campaign makes now', () => {
    const markdown = guideMarkdown(campaign);
    expect(markdown).toContain('# 2021年广东青年文明号集中服务月填报指南\n');
    expect(markdown).toContain('## 一、谁填哪张表，什么时候截止\n\n- 附件2 服务承诺与服务事项清单（示范集体）：');
    expect(markdown).toContain('- `填报` / `填报 附件2` — ');
    expect(markdown).toContain('\n1. 优化办事流程\n2. 规范审批行为\n');
    // After changing the campaign file: npm run guide
    const committed = readFileSync(fileURLToPath(new URL('../../docs/填报指南.md', import.meta.url)), 'utf8');
    expect(committed).toBe(markdown);
  });

  it('is named as a file after the campaign', () => {
    expect(guideFileName(campaign)).toBe('2021年广东青年文明号集中服务月填报指南.txt');
  });
});

describe('a guide made from other data', () => {
  it('follows the forms: another deadline, who owes it, a form the province collects, a late policy per form', () => {
    const changed = variant((raw) => {
      raw.forms[0].deadline = '2021-09-27 12:00';
      raw.forms[0].appliesTo = [{ kind: 'collective', categories: ['national20'] }];
      raw.forms[0].collectedBy = 'province';
      delete raw.forms[0].sendBy;
      raw.forms[2].late = 'refuse';
    });
    const text = guideText(changed);
    const model = lineOf(text, '附件2 服务承诺与服务事项清单（示范集体）：');
    expect(model).toBe(
      '· 附件2 服务承诺与服务事项清单（示范集体）：第20届全国青年文明号集体填写，9月27日（周一）12:00前提交，交团省委青发部。过了截止时间仍可提交，但会记为逾期提交。',
    );
    expect(lineOf(text, '附件1 服务事项清单')).toMatch(/交团省委青发部。过了截止时间不再接受提交。$/);
  });

  it('renders the invented 2022 campaign with its own form, deadline, fields, choices and commands', () => {
    const other = loadCampaign(fileURLToPath(new URL('../fixtures/campaign-2022', import.meta.url)));
    const text = guideText(other);
    expect(text.startsWith('2022年广东青年志愿服务月（虚构）填报指南\n')).toBe(true);
    expect(text).toContain('· 项目表（志愿服务项目登记表（虚构））：青年文明号集体填写，3月31日（周四）18:00前提交');
    expect(text).toContain('【项目表】\n1. 项目名称：20字以内\n2. 项目负责人：10字以内\n3. 活动：至少2项，最多5项，每项60字以内，并选一个服务对象');
    expect(text).toContain('三、服务对象\n回复数字或名称都可以：\n1 老年人　2 青少年　3 残障人士\n4 其他群体');
    expect(text).toContain('修改 名称 / 修改 2 — 修改项目名称或第2个活动');
    for (const word of ['附件1', '附件2', '9月', '服务类型', '服务承诺']) expect(text).not.toContain(word);
    expect(guideFileName(other)).toBe('2022年广东青年志愿服务月（虚构）填报指南.txt');
  });

  it('goes as several messages, cut between sections, when it is longer than a message', () => {
    const text = guideText(campaign);
    const messages = guideMessages(campaign, 600);
    expect(messages.length).toBeGreaterThan(1);
    for (const message of messages) expect([...message].length).toBeLessThanOrEqual(600);
    expect(messages.join('\n\n')).toBe(text);
    expect(messages.slice(1).every((message) => /^[一二三四五六七八九十]、/.test(message))).toBe(true);
  });

  it('refuses a command shown in the guide that the bot would not understand', () => {
    expect(() =>
      variant((raw) => {
        raw.guide.commands[0].say = ['开填'];
      }),
    ).toThrow(CampaignError);
    expect(() =>
      variant((raw) => {
        raw.guide.commands[0].say = ['开填'];
      }),
    ).toThrow(/guide\.commands\.0\.say\.0.*"开填" is not a word of the command start/);
  });
});
