// texts/operator.yaml, the operator's sentences: every section holds what its tool declares, and a file
// with a key missing or unknown, a placeholder its key does not declare, or a section no tool prints, is
// refused naming the file and the path inside it.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { CONNECTION_TEXTS } from '../../src/bot/connection-text.js';
import type { Catalogue } from '../../src/campaign/index.js';
import { ADMIN_TEXTS } from '../../src/cli/admin/texts.js';
import { DEMO_PEOPLE } from '../../src/cli/demo/people.js';
import { DEMO_TEXTS } from '../../src/cli/demo/texts.js';
import { DOCTOR_TEXTS, doctorTexts } from '../../src/cli/doctor/texts.js';
import { EXPORT_TEXTS } from '../../src/cli/export/texts.js';
import { SCHEDULER_TEXTS } from '../../src/schedule/reminders.js';
import { OPERATOR_TEXTS_FILE, OperatorTextsError, readOperatorTexts, SECTIONS, type Section } from '../../src/texts/index.js';

const CATALOGUES: Record<Section, Catalogue> = {
  admin: ADMIN_TEXTS,
  export: EXPORT_TEXTS,
  doctor: DOCTOR_TEXTS,
  demo: DEMO_TEXTS,
  demoPeople: DEMO_PEOPLE,
  connection: CONNECTION_TEXTS,
  scheduler: SCHEDULER_TEXTS,
};

/** texts/operator.yaml with `change` made to its parsed content, written to a file of its own. */
function changedFile(change: (data: Record<string, Record<string, unknown>>) => void): string {
  const data = parse(readFileSync(OPERATOR_TEXTS_FILE, 'utf8')) as Record<string, Record<string, unknown>>;
  change(data);
  const file = join(mkdtempSync(join(tmpdir(), 'operator-texts-')), 'operator.yaml');
  writeFileSync(file, stringify(data));
  return file;
}

function failure(run: () => unknown): OperatorTextsError {
  try {
    run();
  } catch (error) {
    if (error instanceof OperatorTextsError) return error;
    throw error;
  }
  throw new Error('no error');
}

describe('texts/operator.yaml', () => {
  it('holds every section its tools declare, and no other', () => {
    expect(Object.keys(CATALOGUES).sort()).toEqual([...SECTIONS].sort());
    for (const section of SECTIONS) expect(() => readOperatorTexts(OPERATOR_TEXTS_FILE, section, CATALOGUES[section])).not.toThrow();
    expect(Object.keys(parse(readFileSync(OPERATOR_TEXTS_FILE, 'utf8'))).sort()).toEqual([...SECTIONS].sort());
  });

  it('is read once by a tool, which gets the same texts each time', () => {
    expect(doctorTexts()).toBe(doctorTexts());
    expect(doctorTexts().passed).toBe(readOperatorTexts(OPERATOR_TEXTS_FILE, 'doctor', DOCTOR_TEXTS).passed);
  });

  it('refuses a missing sentence, naming the file and the key', () => {
    const file = changedFile((data) => delete data.doctor!.rosterOk);
    const error = failure(() => readOperatorTexts(file, 'doctor', DOCTOR_TEXTS));
    expect(error.message).toBe(`${file}: doctor.rosterOk: missing: the tool says this sentence, so the file must give it`);
  });

  it('refuses an unknown key, with the one it most likely meant', () => {
    const file = changedFile((data) => {
      data.doctor!.rosterOkay = data.doctor!.rosterOk;
      delete data.doctor!.rosterOk;
    });
    const error = failure(() => readOperatorTexts(file, 'doctor', DOCTOR_TEXTS));
    expect(error.message).toContain(`${file}: doctor: unknown key rosterOkay (did you mean rosterOk?): the tool never says it`);
    expect(error.message).toContain(`${file}: doctor.rosterOk: missing`);
  });

  it('refuses a placeholder the key does not declare, and one left out that the sentence needs', () => {
    const undeclared = changedFile((data) => {
      data.doctor!.passed = '一切就绪（{count}），可以运行 npm start。';
    });
    expect(failure(() => readOperatorTexts(undeclared, 'doctor', DOCTOR_TEXTS)).message).toBe(
      `${undeclared}: doctor.passed: {count} is not a placeholder of this sentence (it takes none): the tool would print it as written`,
    );
    const leftOut = changedFile((data) => {
      data.doctor!.cannotRun = 'npm run doctor 没有完成';
    });
    expect(failure(() => readOperatorTexts(leftOut, 'doctor', DOCTOR_TEXTS)).message).toBe(
      `${leftOut}: doctor.cannotRun: must use {reason}: without it the sentence does not say what it is for`,
    );
  });

  it('refuses a section nothing prints, and a file that cannot be read, naming the file', () => {
    const file = changedFile((data) => {
      data.doktor = {};
    });
    expect(failure(() => readOperatorTexts(file, 'doctor', DOCTOR_TEXTS)).message).toBe(
      `${file}: (top level): unknown section doktor: nothing prints it (the sections are ${SECTIONS.join(', ')})`,
    );
    const broken = join(mkdtempSync(join(tmpdir(), 'operator-texts-')), 'operator.yaml');
    writeFileSync(broken, 'doctor:\n  passed: [\n');
    expect(failure(() => readOperatorTexts(broken, 'doctor', DOCTOR_TEXTS)).message).toContain(`${broken} line `);
  });
});
