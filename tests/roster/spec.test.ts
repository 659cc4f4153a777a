import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { loadRosterSpec, parseRosterSpec, RosterSpecError, vocabulary } from '../../src/roster/spec.js';
import { sampleRoster, toCsv } from '../../scripts/make-sample-roster.js';
import { CAMPAIGN_CATEGORIES, conversationsDir, fixturesDir, spec, tempDir } from './helpers.js';

const specFile = path.join(conversationsDir, 'roster.yaml');
const raw = () => parseYaml(readFileSync(specFile, 'utf8')) as Record<string, any>;

describe('conversations/roster.yaml', () => {
  it('loads, with the three 类型 and 类别 and their close variants', () => {
    const words = vocabulary(spec);
    expect(words.kinds.get('青年文明号集体')).toBe('collective');
    expect(words.kinds.get('联创行业团组织')).toBe('industryOrg');
    expect(words.kinds.get('地市团委')).toBe('cityOrg');
    expect(words.categories.get('第20届全国青年文明号')).toBe('national20');
    expect(words.categories.get('全国青年文明号')).toBe('national20');
    expect(words.categories.get('2021年广东青年文明号标兵号')).toBe('provincialModel');
    expect(words.categories.get('标兵号')).toBe('provincialModel');
    expect(words.categories.get('省级标兵号')).toBe('provincialModel');
    expect(words.categories.get('其他')).toBe('other');
  });

  it('fails with the file, the path inside it and the reason', () => {
    const broken = raw();
    delete broken.messages.problems.kindUnknown;
    broken.limits.maxRows = 'many';
    expect(() => parseRosterSpec(broken, 'conversations/roster.yaml')).toThrow(RosterSpecError);
    expect(() => parseRosterSpec(broken, 'conversations/roster.yaml')).toThrow(
      /conversations\/roster\.yaml: limits\.maxRows: .*expected number[\s\S]*conversations\/roster\.yaml: messages\.problems\.kindUnknown: /,
    );
  });

  it('refuses unknown keys, and a spelling accepted for two values', () => {
    const extra = raw();
    extra.kinds.volunteer = { label: '志愿者', aliases: [] };
    expect(() => parseRosterSpec(extra, 'r.yaml')).toThrow(/r\.yaml: kinds: Unrecognized key/);
    const twice = raw();
    twice.categories.other.aliases.push('标兵号');
    expect(() => parseRosterSpec(twice, 'r.yaml')).toThrow(/r\.yaml: categories\.other\.aliases: "标兵号" is also accepted for provincialModel/);
  });

  it('names the file and line of a YAML syntax error', () => {
    const dir = tempDir();
    cpSync(specFile, path.join(dir, 'roster.yaml'));
    writeFileSync(path.join(dir, 'roster.yaml'), `${readFileSync(specFile, 'utf8')}\n  bad: [unclosed\n`);
    expect(() => loadRosterSpec(dir, CAMPAIGN_CATEGORIES)).toThrow(new RegExp(`${path.join(dir, 'roster.yaml')} line \\d+: `));
  });

  // The roster stores a collective's 类别 as a code the campaign's forms, statistics and exports read: a code
  // only one of the two files knows would be imported and then counted nowhere, or owed and never imported.
  it("refuses categories that are not the campaign's, naming both files", () => {
    const written = (change: (raw: Record<string, any>) => void) => {
      const dir = tempDir();
      const edited = raw();
      change(edited);
      writeFileSync(path.join(dir, 'roster.yaml'), JSON.stringify(edited));
      return () => loadRosterSpec(dir, CAMPAIGN_CATEGORIES);
    };
    expect(written(() => {})).not.toThrow();
    expect(
      written((r) => {
        r.categories.county = { label: '县级青年文明号', aliases: [] };
      }),
    ).toThrow(/roster\.yaml: categories\.county: not one of the campaign's categories\.codes \(national20, provincialModel, other\)/);
    expect(
      written((r) => {
        delete r.categories.provincialModel;
      }),
    ).toThrow(/roster\.yaml: categories: missing provincialModel, one of the campaign's categories\.codes: its collectives could not be imported/);
    expect(
      written((r) => {
        r.emptyCategory = 'national20';
      }),
    ).toThrow(/roster\.yaml: emptyCategory: national20, but the campaign's categories\.default is other/);
  });

  it("matches the 2022 campaign's own categories, not 2021's", () => {
    const dir2022 = path.join(fixturesDir, 'campaign-2022');
    expect(() => loadRosterSpec(dir2022, { codes: ['nationalDemo', 'provincialDemo', 'ordinary'], default: 'ordinary' })).not.toThrow();
    expect(() => loadRosterSpec(dir2022, CAMPAIGN_CATEGORIES)).toThrow(/categories\.nationalDemo: not one of the campaign's categories\.codes/);
  });
});

describe('the sample roster', () => {
  it('is what scripts/make-sample-roster.ts writes, so running it again changes nothing', () => {
    expect(toCsv(sampleRoster())).toBe(readFileSync(path.join(conversationsDir, 'sample-roster.csv'), 'utf8'));
  });
});
