// What the code once knew by name is the campaign's: a field's role (the commitment a paste may carry), the
// words unit names share, the prefix people drop from a label, and what the exports: section names. Each is
// checked at load, and a campaign that names them otherwise is read its own way.
import { describe, expect, it } from 'vitest';
import { parseAdminCommand } from '../../src/admin/commands.js';
import { parseCampaign } from '../../src/campaign/parse.js';
import type { Campaign, Form } from '../../src/campaign/schema.js';
import { checkAnswer } from '../../src/conversation/answers.js';
import { rankByName } from '../../src/conversation/name-match.js';
import { parsePaste } from '../../src/conversation/paste.js';
import { CAMPAIGN_2021_FILE, failure, RAW_2021, variant } from '../support/campaign-variants.js';

const campaign2021 = parseCampaign(RAW_2021, CAMPAIGN_2021_FILE);

describe('the exports: section is checked against the forms', () => {
  it('a form or field it names must exist and be of the kind its column needs', () => {
    expect(failure(variant((raw) => (raw.exports.attachment2.form = 'modelCollectives')))).toContain(
      'bad-campaign.yaml: exports.attachment2.form: no form modelCollectives',
    );
    expect(failure(variant((raw) => (raw.exports.attachment1.columns.name = 'items')))).toContain(
      'exports.attachment1.columns.name: form industryList has no text field items',
    );
    expect(failure(variant((raw) => (raw.exports.attachment2.columns.content = 'what')))).toContain(
      'exports.attachment2.columns.content: list items has no field what',
    );
    expect(failure(variant((raw) => (raw.exports.briefs.columns.files.list = 'photos')))).toContain(
      'exports.briefs.columns.files.list: form activityReport has no list field photos',
    );
  });

  it('gives each column a width, and only a width a spreadsheet takes', () => {
    expect(failure(variant((raw) => raw.exports.attachment1.widths.pop()))).toContain('exports.attachment1.widths: ');
    expect(failure(variant((raw) => (raw.exports.list.detailWidths[8] = 0)))).toContain('exports.list.detailWidths.8: ');
    expect(failure(variant((raw) => (raw.exports.briefs.widths[0] = 300)))).toContain('exports.briefs.widths.0: ');
  });

  it('every category and kind of unit has its label, and a title takes no placeholder', () => {
    expect(failure(variant((raw) => delete raw.exports.categories.provincialModel))).toContain(
      'exports.categories.provincialModel: missing: the category column names provincialModel',
    );
    expect(failure(variant((raw) => (raw.exports.list.title = '{campaign}服务事项清单')))).toContain(
      'exports.list.title: {campaign} is not a placeholder of this sentence (it takes none)',
    );
    expect(failure(variant((raw) => (raw.exports.briefs.partFileName = '简报_{scope}_{date}.zip')))).toContain('exports.briefs.partFileName: must use {n}');
  });
});

describe("the categories are the campaign's", () => {
  it('every category named must be one of categories.codes, and each has its label', () => {
    expect(failure(variant((raw) => (raw.forms[0].appliesTo[0].categories = ['national20', 'national21'])))).toContain(
      'forms.0.appliesTo.0.categories.1: national21 is not one of categories.codes (national20, provincialModel, other)',
    );
    expect(failure(variant((raw) => (raw.categories.default = 'ordinary')))).toContain('categories.default: ordinary is not one of categories.codes');
    expect(failure(variant((raw) => delete raw.admin.labels.categories.other))).toContain(
      'admin.labels.categories.other: missing: the admins read the category other',
    );
    expect(failure(variant((raw) => (raw.exports.attachment2.sections[1].category = 'provincial')))).toContain(
      'exports.attachment2.sections.1.category: provincial is not one of categories.codes',
    );
  });
});

describe('a field with a role', () => {
  it('only one field of a form has a role, and never a field inside a list', () => {
    const twice = variant((raw) => raw.forms[0].fields.splice(1, 0, { ...raw.forms[0].fields[0], id: 'pledge' }));
    expect(failure(twice)).toContain('forms.0.fields.1.role: commitment is the role of commitment already: a form has one field of each role');
    const inList = variant((raw) => (raw.forms[0].fields[1].fields[0] = { ...raw.forms[0].fields[1].fields[0], role: 'commitment' }));
    expect(failure(inList)).toContain('forms.0.fields.1.fields.0.role: only a field of the form itself has a role, not one inside a list');
  });

  it('the commitment of a paste is the field with the role, whatever its id', () => {
    const renamed = parseCampaign(
      variant((raw) => {
        raw.forms[0].fields[0] = { ...raw.forms[0].fields[0], id: 'pledge' };
        raw.exports.attachment2.columns.commitment = 'pledge';
      }),
      'renamed.yaml',
    );
    const form = renamed.forms[0]!;
    const pasted = parsePaste('服务承诺：热情周到，便民利民\n1. 延时服务，午间不断档（提高服务质量）\n2. 上门办理，帮老人办好社保（提供暖心服务）', {
      campaign: renamed,
      form,
    });
    expect(pasted?.commitment).toEqual({ value: '热情周到，便民利民' });
    expect(pasted?.entries).toHaveLength(2);
    // Without the role the same field is only a field: the paste carries no commitment.
    const plain = parseCampaign(
      variant((raw) => (raw.forms[0].fields[0] = { ...raw.forms[0].fields[0], role: undefined })),
      'plain.yaml',
    );
    const without = parsePaste('服务承诺：热情周到，便民利民\n1. 延时服务，午间不断档（提高服务质量）\n2. 上门办理，帮老人办好社保（提供暖心服务）', {
      campaign: plain,
      form: plain.forms[0]!,
    });
    expect(without?.commitment).toBeUndefined();
  });
});

describe("the words of matching are the campaign's", () => {
  const units = [{ name: '广州地铁运营一中心青年文明号' }, { name: '广州市越秀区政务服务中心青年文明号' }, { name: '深圳地铁运营二中心青年文明号' }];
  const withWords = (edit: (raw: Record<string, any>) => void): Campaign => parseCampaign(variant(edit), 'words.yaml');

  it('sets aside the words unit names share, as the campaign lists them', () => {
    expect(rankByName('地铁一中心', units, campaign2021.matching.commonNameWords).map((u) => u.name)[0]).toBe('广州地铁运营一中心青年文明号');
    // Without 青年文明号 set aside, a name made of it alone would find every unit.
    expect(rankByName('青年文明号', units, campaign2021.matching.commonNameWords)).toEqual([]);
    const none = withWords((raw) => (raw.matching.commonNameWords = []));
    expect(rankByName('青年文明号', units, none.matching.commonNameWords).length).toBeGreaterThan(0);
  });

  it('drops the label prefix the campaign names, and no other', () => {
    const form = (c: Campaign): Form => c.forms[0]!;
    const commitment = (c: Campaign) => form(c).fields[0]! as Extract<Form['fields'][number], { kind: 'text' }>;
    expect(checkAnswer(commitment(campaign2021), '承诺：热情周到，便民利民', { campaign: campaign2021 })).toEqual({ ok: true, value: '热情周到，便民利民' });
    const other = withWords((raw) => {
      raw.matching.labelPrefixes = ['志愿'];
      raw.forms[0].fields[0] = { ...raw.forms[0].fields[0], label: '志愿宣言', editWords: ['宣言修改'] };
    });
    expect(checkAnswer(commitment(other), '宣言：热情周到，便民利民', { campaign: other })).toEqual({ ok: true, value: '热情周到，便民利民' });
    const kept = withWords((raw) => (raw.matching.labelPrefixes = []));
    const plain = { ...commitment(kept), editWords: [] };
    expect(checkAnswer(plain, '承诺：热情周到，便民利民', { campaign: kept })).toEqual({ ok: true, value: '承诺：热情周到，便民利民' });
  });
});

describe("an admin's form names are the campaign's", () => {
  it('a token shaped like one of its numbered short titles is no such form; 附件9 only where forms are 附件N', () => {
    expect(parseAdminCommand('统计 附件9', campaign2021)).toMatchObject({ type: 'stats', badForm: '附件9' });
    const renamed = parseCampaign(
      variant((raw) => raw.forms.forEach((form: { shortTitle: string }, i: number) => (form.shortTitle = `附表${i + 1}`))),
      'renamed.yaml',
    );
    expect(parseAdminCommand('统计 附表9', renamed)).toMatchObject({ type: 'stats', badForm: '附表9' });
    expect(parseAdminCommand('统计 附件9', renamed)).not.toHaveProperty('badForm');
  });
});
