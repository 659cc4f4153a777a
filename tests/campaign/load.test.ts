import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { CampaignError, parseCampaign } from '../../src/campaign/parse.js';
import { failure, variant } from '../support/campaign-variants.js';
import { loadCampaign, loadCampaignFile } from '../../src/files/campaign.js';
import { deadlineOf, findForm, formsFor } from '../../src/campaign/forms.js';
import { createEngine, questionAt } from '../../src/conversation/engine.js';
import { MESSAGES } from '../../src/campaign/catalogue.js';
import { ADMIN_MESSAGES } from '../../src/campaign/catalogue-admin.js';

const DIR = new URL('../../conversations', import.meta.url).pathname;
const DIR_2022 = new URL('../fixtures/campaign-2022', import.meta.url).pathname;
const FILE = join(DIR, 'campaign-2021.yaml');
const temps: string[] = [];
function tempDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'campaign-test-'));
  temps.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}
afterEach(() => {
  while (temps.length > 0) rmSync(temps.pop()!, { recursive: true, force: true });
});

describe('the real campaign', () => {
  const campaign = loadCampaign(DIR);

  it('loads with the collective form, its limits and the six service types', () => {
    const form = findForm(campaign, 'modelCollective')!;
    expect(form).toBeDefined();
    const [commitment, items] = form.fields;
    expect(commitment).toMatchObject({ id: 'commitment', kind: 'text', maxChars: 50 });
    expect(items).toMatchObject({ id: 'items', kind: 'list', minItems: 3 });
    expect(items!.kind === 'list' && items!.fields[0]).toMatchObject({ id: 'content', maxChars: 100, unique: true });
    expect(campaign.choiceSets.serviceType!.map((c) => c.value)).toEqual([
      '优化办事流程',
      '规范审批行为',
      '提高服务质量',
      '提供暖心服务',
      '解决民生困难',
      '其他',
    ]);
  });

  it('reads the deadline in Shanghai: 附件2 from the collectives by 9月29日 17:00, sent on by 9月30日 12:00', () => {
    const form = findForm(campaign, 'modelCollective')!;
    expect(deadlineOf(campaign, form).toISOString()).toBe('2021-09-29T09:00:00.000Z');
    expect(form.sendBy).toBe('2021-09-30 12:00');
    expect(form.collectedBy).toEqual(['cityOrg', 'industryOrg']);
    expect(findForm(campaign, 'industryList')!.collectedBy).toBe('province');
  });

  it('gives each kind of unit the forms the notice names for it', () => {
    expect(formsFor(campaign, { kind: 'collective', categories: ['provincialModel'] }).map((f) => f.id)).toEqual(['modelCollective', 'activityReport']);
    expect(formsFor(campaign, { kind: 'collective', categories: ['national20'] }).map((f) => f.id)).toEqual(['modelCollective', 'activityReport']);
    expect(formsFor(campaign, { kind: 'collective', categories: ['national20', 'provincialModel'] }).map((f) => f.id)).toEqual([
      'modelCollective',
      'activityReport',
    ]);
    // an ordinary collective owes its commitment and items to its city or industry, never 附件2
    expect(formsFor(campaign, { kind: 'collective', categories: ['other'] }).map((f) => f.id)).toEqual(['collectiveList']);
    expect(findForm(campaign, 'collectiveList')!.title).not.toMatch(/附件2|示范/);
    expect(formsFor(campaign, { kind: 'industryOrg' }).map((f) => f.id)).toEqual(['industryList', 'activityReport']);
    expect(formsFor(campaign, { kind: 'cityOrg' }).map((f) => f.id)).toEqual(['activityReport']);
  });
});

describe('the message catalogue: every sentence key once, with the placeholders its callers fill', () => {
  it('passes both campaign files', () => {
    for (const dir of [DIR, DIR_2022]) {
      const campaign = loadCampaign(dir);
      expect(Object.keys(campaign.messages)).toEqual(Object.keys(MESSAGES));
      expect(Object.keys(campaign.admin.messages)).toEqual(Object.keys(ADMIN_MESSAGES));
    }
  });

  it('refuses a missing sentence, naming its key', () => {
    expect(failure(variant((raw) => delete raw.messages.greeting))).toBe(
      'campaign file is not valid:\nbad-campaign.yaml: messages.greeting: missing: the bot says this sentence, so the file must give it',
    );
    expect(failure(variant((raw) => delete raw.admin.messages.logActions.roomBound))).toContain(
      'bad-campaign.yaml: admin.messages.logActions.roomBound: missing: the bot says this sentence',
    );
  });

  it('refuses an unknown key, with the known one it resembles', () => {
    expect(failure(variant((raw) => (raw.messages.greetting = '您好')))).toContain(
      'bad-campaign.yaml: messages: unknown key greetting (did you mean greeting?): the bot never says it',
    );
    expect(failure(variant((raw) => (raw.admin.messages.farewell = '再见')))).toContain(
      'bad-campaign.yaml: admin.messages: unknown key farewell: the bot never says it',
    );
  });

  it('refuses a placeholder its key does not declare, naming the file, the key and the placeholder', () => {
    const message = failure(variant((raw) => (raw.messages.greetingClosed = '{unit}的{form}已于{deadline}截止。')));
    expect(message).toContain(
      'bad-campaign.yaml: messages.greetingClosed: {unit} is not a placeholder of this sentence (it may use {form}, {deadline}): the bot would send it as written',
    );
    expect(failure(variant((raw) => (raw.messages.cancelled = '已暂停{form}的填报。')))).toContain(
      'bad-campaign.yaml: messages.cancelled: {form} is not a placeholder of this sentence (it takes none): the bot would send it as written',
    );
    expect(failure(variant((raw) => (raw.admin.messages.logActions.roomBound = '群“{topic}”绑定了{unitName}')))).toContain(
      'admin.messages.logActions.roomBound: {unitName} is not a placeholder of this sentence',
    );
  });

  it('refuses a sentence that leaves out a placeholder it cannot do without', () => {
    expect(failure(variant((raw) => (raw.messages.chooseForm = '请回复数字选择要填的表。')))).toContain(
      'bad-campaign.yaml: messages.chooseForm: must use {list}',
    );
    expect(failure(variant((raw) => (raw.admin.messages.missingLine = '{name}（{where}）')))).toContain('admin.messages.missingLine: must use {n}');
  });

  it('accepts a sentence that leaves out placeholders it may do without', () => {
    const campaign = parseCampaign(
      variant((raw) => (raw.messages.greeting = '您好！这里是{form}填报，截止时间：{deadline}。')),
      'fixture',
    );
    expect(campaign.messages.greeting).toBe('您好！这里是{form}填报，截止时间：{deadline}。');
  });

  it('keeps a separator as written, spaces included', () => {
    expect(
      parseCampaign(
        variant((raw) => (raw.admin.messages.digestGroupSeparator = ' / ')),
        'fixture',
      ).admin.messages.digestGroupSeparator,
    ).toBe(' / ');
  });

  it('reports every problem of the sentences at once', () => {
    const message = failure(
      variant((raw) => {
        delete raw.messages.cancelled;
        raw.messages.takenOver = '{who}接管了';
        raw.admin.messages.refused = '{name}无权';
      }),
    );
    expect(message).toContain('messages.cancelled: missing');
    expect(message).toContain('messages.takenOver: {who}');
    expect(message).toContain('admin.messages.refused: {name}');
  });
});

describe('the other sentences of the file take only the placeholders their callers fill', () => {
  const refused = (edit: (raw: Record<string, any>) => void, path: string, placeholder: string) =>
    expect(failure(variant(edit))).toContain(`bad-campaign.yaml: ${path}: {${placeholder}} is not a placeholder of this sentence`);

  it('formats, labels and the guide', () => {
    refused((raw) => (raw.formats.daysHours = '{d}天{hh}小时'), 'formats.daysHours', 'hh');
    refused((raw) => (raw.admin.labels.actors.cli = '{name}（命令行）'), 'admin.labels.actors.cli', 'name');
    refused((raw) => (raw.admin.labels.kinds.cityOrg = '{city}团委'), 'admin.labels.kinds.cityOrg', 'city');
    refused((raw) => (raw.guide.form = '{form}：{unit}填写'), 'guide.form', 'unit');
    refused((raw) => raw.guide.tips.push('发送“{start}”开始'), 'guide.tips.3', 'start');
    expect(failure(variant((raw) => (raw.formats.timeLeft = '尚余时间')))).toContain('formats.timeLeft: must use {duration}');
  });

  it('a form: its hints, its completeWith, a field on its own and a list', () => {
    refused((raw) => (raw.forms[2].hints.review = '{summary}\n{missing}'), 'forms.2.hints.review', 'missing');
    refused((raw) => (raw.forms[3].completeWith.tooShort = '至少{min}字，最多{max}字'), 'forms.3.completeWith.tooShort', 'max');
    refused((raw) => (raw.forms[0].fields[0].saved = '✅ 已保存（{n}）'), 'forms.0.fields.0.saved', 'n');
    refused((raw) => (raw.forms[3].fields[1].counted = '推文链接{count}/{max}个'), 'forms.3.fields.1.counted', 'max');
    refused((raw) => (raw.forms[3].fields[1].fields[0].help = '第{n}个链接'), 'forms.3.fields.1.fields.0.help', 'n');
  });

  it('a list says {n} and its own fields, a field on its own its step but no entry number, the registration nothing', () => {
    expect(failure(variant((raw) => (raw.forms[0].fields[1].summaryLine = '{n}. {contents}（{type}）')))).toContain(
      'bad-campaign.yaml: forms.0.fields.1.summaryLine: {contents} is not a placeholder of this sentence (it may use {n}, {content}, {type})',
    );
    refused((raw) => (raw.forms[0].fields[1].saved = '✅ {n}：{url}'), 'forms.0.fields.1.saved', 'url');
    expect(failure(variant((raw) => (raw.forms[0].fields[0].prompt = '第{step}步，第{n}项')))).toContain(
      'bad-campaign.yaml: forms.0.fields.0.prompt: {n} is not a placeholder of this sentence (it may use {step})',
    );
    refused((raw) => (raw.forms[0].fields[1].fields[0].prompt = '第{step}步：第{n}项的{label}'), 'forms.0.fields.1.fields.0.prompt', 'label');
    expect(failure(variant((raw) => (raw.registration.prompt = '第{step}步：请发送集体全称。')))).toContain(
      'bad-campaign.yaml: registration.prompt: {step} is not a placeholder of this sentence (it takes none)',
    );
  });
});

describe('a bad campaign fails with the file, the path inside it and the reason', () => {
  it('an unknown choice set', () => {
    const message = failure(variant((raw) => (raw.forms[0].fields[1].fields[1].choices = 'serviceKind')));
    expect(message).toContain('bad-campaign.yaml: forms.0.fields.1.fields.1.choices: no choice set named serviceKind');
  });

  it('a deadline that is not a real date (2021-02-30)', () => {
    const message = failure(variant((raw) => (raw.forms[0].deadline = '2021-02-30 12:00')));
    expect(message).toBe('bad-campaign.yaml: forms.0.deadline: 2021-02-30 12:00 is not a real date');
  });

  it('a deadline in the wrong shape', () => {
    const message = failure(variant((raw) => (raw.forms[0].deadline = '9月30日12:00')));
    expect(message).toContain('bad-campaign.yaml: forms.0.deadline: must read YYYY-MM-DD HH:mm');
  });

  it('an unknown time zone', () => {
    const message = failure(variant((raw) => (raw.timezone = 'Asia/Guangzhou')));
    expect(message).toContain('bad-campaign.yaml: timezone: unknown time zone');
  });

  it('minChars greater than maxChars, on a field', () => {
    const message = failure(variant((raw) => (raw.forms[0].fields[0].minChars = 60)));
    expect(message).toContain('bad-campaign.yaml: forms.0.fields.0.minChars: minChars must not exceed maxChars');
  });

  it('minChars greater than maxChars, on a field inside a list', () => {
    const message = failure(variant((raw) => (raw.forms[0].fields[1].fields[0].minChars = 101)));
    expect(message).toContain('forms.0.fields.1.fields.0.minChars: minChars must not exceed maxChars');
  });

  it('minChars greater than maxChars, on the registration question', () => {
    const message = failure(variant((raw) => (raw.registration.minChars = 61)));
    expect(message).toContain('registration.minChars: minChars must not exceed maxChars');
  });

  it('duplicate field ids', () => {
    const message = failure(variant((raw) => (raw.forms[0].fields[1].id = 'commitment')));
    expect(message).toContain('bad-campaign.yaml: forms.0.fields.1.id: duplicate field id commitment');
  });

  // The brief is complete with any one of a link, a file or a written 简报: forms.3.completeWith.
  it('completeWith naming a field the form does not have', () => {
    const message = failure(variant((raw) => (raw.forms[3].completeWith.anyOf[1].field = 'photos')));
    expect(message).toContain('bad-campaign.yaml: forms.3.completeWith.anyOf.1.field: no field photos in form activityReport');
  });

  it('completeWith naming a field that is required on its own, or one that is neither a text nor a list of links or files', () => {
    expect(failure(variant((raw) => (raw.forms[3].fields[1].minItems = 1)))).toContain(
      'forms.3.completeWith.anyOf.0.field: links is needed on its own (minItems 1): a field of completeWith needs minItems: 0',
    );
    expect(failure(variant((raw) => (raw.forms[3].fields[0].optional = false)))).toContain(
      'forms.3.completeWith.anyOf.2.field: summary is needed on its own: a text field of completeWith needs optional: true',
    );
    const items = failure(
      variant((raw) => (raw.forms[0].completeWith = { ...raw.forms[3].completeWith, anyOf: [{ field: 'items' }, { field: 'commitment' }] })),
    );
    expect(items).toContain(
      'forms.0.completeWith.anyOf.0.field: items is a list of several fields: completeWith takes a text field, or a list of links or of files',
    );
  });

  it('completeWith with a limit that does not fit its field, or a field after it that is asked on its own', () => {
    expect(failure(variant((raw) => (raw.forms[3].completeWith.anyOf[2].minChars = 4000)))).toContain(
      'forms.3.completeWith.anyOf.2.minChars: 4000 is more than summary takes (maxChars 3000)',
    );
    expect(failure(variant((raw) => (raw.forms[3].completeWith.anyOf[0].minChars = 10)))).toContain(
      'forms.3.completeWith.anyOf.0.minChars: only a text field has minChars',
    );
    const after = failure(variant((raw) => raw.forms[3].fields.push({ id: 'contact', kind: 'text', label: '联系人', maxChars: 10, prompt: '请发送联系人。' })));
    expect(after).toContain('forms.3.fields.3: contact is asked on its own after the fields of completeWith: put the fields of completeWith last');
  });

  it('an optional field that nothing asks for', () => {
    const message = failure(variant((raw) => (raw.forms[0].fields[0].optional = true)));
    expect(message).toContain('forms.0.fields.0.optional: commitment is optional but not named in completeWith, so it would never be asked');
  });

  it('duplicate field ids inside a list', () => {
    const message = failure(variant((raw) => (raw.forms[0].fields[1].fields[1].id = 'content')));
    expect(message).toContain('forms.0.fields.1.fields.1.id: duplicate field id content');
  });

  it('duplicate form ids', () => {
    const message = failure(variant((raw) => raw.forms.push(structuredClone(raw.forms[0]))));
    expect(message).toContain('forms.4.id: duplicate form id modelCollective');
  });

  it('a form owed by nobody: no category listed, or categories on a kind that has none', () => {
    expect(failure(variant((raw) => (raw.forms[0].appliesTo[0].categories = [])))).toContain('forms.0.appliesTo.0.categories: no category listed');
    expect(failure(variant((raw) => (raw.forms[2].appliesTo = [{ kind: 'industryOrg', categories: ['other'] }])))).toContain(
      'forms.2.appliesTo.0.categories: only collectives have categories',
    );
  });

  it('a form collected by a kind of unit that does not exist, or sent on before the units hand it in', () => {
    expect(failure(variant((raw) => (raw.forms[0].collectedBy = ['cityOrg', 'provinceOrg'])))).toMatch(/forms\.0\.collectedBy/);
    expect(failure(variant((raw) => (raw.forms[0].sendBy = '2021-09-29 12:00')))).toContain(
      "forms.0.sendBy: 2021-09-29 12:00 is before the units' deadline 2021-09-29 17:00",
    );
    expect(failure(variant((raw) => (raw.forms[2].sendBy = '2021-09-30 12:00')))).toContain('forms.2.sendBy: sendBy is the collectors');
  });

  it('maxItems below minItems', () => {
    const message = failure(variant((raw) => (raw.forms[0].fields[1].maxItems = 2)));
    expect(message).toContain('forms.0.fields.1.maxItems: maxItems must be at least minItems');
  });

  it('an empty sentence', () => {
    const message = failure(variant((raw) => (raw.messages.cancelled = '   ')));
    expect(message).toContain('bad-campaign.yaml: messages.cancelled:');
  });

  it('a file that is not an object at all', () => {
    expect(failure('just a string')).toContain('bad-campaign.yaml: (top level):');
  });

  it('a YAML syntax error names the file and the line', () => {
    const text = readFileSync(FILE, 'utf8').replace('botName: 服务月助手', 'botName: [服务月助手');
    const line = text.split('\n').findIndex((l) => l.startsWith('botName:')) + 1;
    const dir = tempDir({ 'campaign-2021.yaml': text });
    expect(() => loadCampaign(dir)).toThrow(CampaignError);
    const message = (() => {
      try {
        loadCampaignFile(join(dir, 'campaign-2021.yaml'));
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message).toContain(join(dir, 'campaign-2021.yaml'));
    expect(message).toMatch(/ line \d+:/);
    expect(Number(/ line (\d+):/.exec(message)![1])).toBeGreaterThanOrEqual(line);
  });

  it('a schema error from a file names that file', () => {
    const text = readFileSync(FILE, 'utf8').replace('timezone: Asia/Shanghai', 'timezone: Mars/Olympus');
    const dir = tempDir({ 'campaign-2021.yaml': text });
    expect(() => loadCampaign(dir)).toThrow(`${join(dir, 'campaign-2021.yaml')}: timezone: unknown time zone`);
  });

  it('a folder without exactly one campaign file', () => {
    expect(() => loadCampaign(tempDir({ 'other.yaml': 'a: 1' }))).toThrow(/exactly one campaign.*found: none/);
    expect(() => loadCampaign(tempDir({ 'campaign-a.yaml': 'a: 1', 'campaign-b.yaml': 'a: 1' }))).toThrow(/found: campaign-a\.yaml, campaign-b\.yaml/);
    expect(() => loadCampaign(join(tmpdir(), 'no-such-campaign-folder-xyz'))).toThrow(CampaignError);
  });
});

// The notice's other two forms, written in the same format: 附件1 for the league body of an industry system
// (行业（系统）名称 + at least three items with a type, due 9月28日17:00) and the activity brief of October
// (a summary, links to the posts, pictures).
// 附件1 is in the campaign itself; the activity brief comes with a later form issue.
const OTHER_FORMS = `
- id: activityReport
  title: 集中服务月活动简报
  shortTitle: 活动简报
  appliesTo:
    - kind: collective
    - kind: cityOrg
  deadline: 2021-10-29 18:00
  requirements: 活动简介（300字以内）+ 推文链接 + 活动照片
  review: false
  fields:
    - id: summary
      kind: text
      label: 活动简介
      minChars: 20
      maxChars: 300
      prompt: 第{step}步：请发送活动简介（300字以内）。
    - id: links
      kind: list
      label: 推文链接
      itemLabel: 第{n}个链接
      minItems: 1
      maxItems: 5
      fields:
        - id: url
          kind: url
          label: 推文链接
          prompt: 请发送第{n}个推文链接。
      saved: ✅ 第{n}个链接已保存。
      summaryLine: '{n}. {url}'
    - id: photos
      kind: list
      label: 活动照片
      itemLabel: 第{n}张照片
      minItems: 1
      maxItems: 9
      fields:
        - id: photo
          kind: media
          label: 活动照片
          accept: [image/jpeg, image/png, application/pdf, video/*]
          maxBytes: 10485760
          prompt: 请发送第{n}张活动照片。
      saved: ✅ 第{n}张照片已保存。
      summaryLine: '{n}. {photo}'
`;

describe('the format already expresses the notice’s other forms', () => {
  // The campaign holds all three forms now; the fixture's brief is a variant with other limits.
  const raw = variant((r) => r.forms.push(...(parseYaml(OTHER_FORMS) as { id: string }[]).map((form) => ({ ...form, id: 'activityReportVariant' }))));

  it('parses 附件1 and the activity brief', () => {
    const campaign = parseCampaign(raw, 'fixture');
    const industry = findForm(campaign, 'industryList')!;
    expect(industry.fields.map((f) => f.kind)).toEqual(['text', 'list']);
    expect(industry.fields[1]).toMatchObject({
      minItems: 3,
      fields: [
        { kind: 'text', maxChars: 100 },
        { kind: 'choice', choices: 'serviceType' },
      ],
    });
    expect(deadlineOf(campaign, industry).toISOString()).toBe('2021-09-28T09:00:00.000Z');

    const report = findForm(campaign, 'activityReportVariant')!;
    expect(report.review).toBe(false);
    expect(report.fields[0]).toMatchObject({ kind: 'text', maxChars: 300 });
    expect(report.fields[1]).toMatchObject({ kind: 'list', fields: [{ kind: 'url', maxChars: 500 }] });
    expect(report.fields[2]).toMatchObject({
      kind: 'list',
      fields: [{ kind: 'media', accept: ['image/jpeg', 'image/png', 'application/pdf', 'video/*'], maxBytes: 10485760 }],
    });
    expect(formsFor(campaign, { kind: 'cityOrg' }).map((f) => f.id)).toEqual(['activityReport', 'activityReportVariant']);
  });

  it('builds a machine for each that asks the first question', () => {
    const campaign = parseCampaign(raw, 'fixture');
    const engine = createEngine(campaign);
    for (const [id, kind, at] of [
      ['industryList', 'industryOrg', { kind: 'field', form: 'industryList', field: 'industryName' }],
      ['activityReport', 'cityOrg', { kind: 'materials', form: 'activityReport' }],
      ['activityReportVariant', 'cityOrg', { kind: 'field', form: 'activityReportVariant', field: 'summary' }],
    ] as const) {
      expect(findForm(campaign, id)).toBeDefined();
      const unit = { id: 1, name: '某单位', kind, categories: [], city: null, industry: null };
      const step = engine.step(engine.initial(), { type: 'group.restore', at: 0, unit, owner: null, forms: {}, open: id });
      expect(questionAt(step.snapshot)).toEqual(at);
    }
  });

  it('rejects a media field with a malformed MIME type or no size limit', () => {
    const bad = structuredClone(raw);
    bad.forms[3].fields[2].fields[0].accept = ['jpeg'];
    expect(failure(bad)).toContain('forms.3.fields.2.fields.0.accept.0:');
    const noLimit = structuredClone(raw);
    delete noLimit.forms[3].fields[2].fields[0].maxBytes;
    expect(failure(noLimit)).toContain('forms.3.fields.2.fields.0.maxBytes:');
  });
});
