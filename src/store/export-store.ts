// What the exports read: every unit of the roster with the latest submitted version of each form asked for.
// A reopened submission's live answers are the draft being edited; the exports show what was last
// submitted, so they read SubmissionVersion, never Submission.answers.
import { parseAnswers } from '../conversation/index.js';
import type { ExportSubmission } from '../export/index.js';
import type { ExportStore, StoredExportUnit, StoredMedia } from '../export/index.js';
import type { PrismaClient } from './generated/client.js';
import type { Serial } from './serial.js';
import { toUnitProfile } from './unit-row.js';

const MEDIA_SLICE = 500;

export class PrismaExportStore implements ExportStore {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly serial: Serial,
  ) {}

  unitsWithLatest(formIds: readonly string[]): Promise<StoredExportUnit[]> {
    return this.serial.run(async () => {
      const units = await this.prisma.unit.findMany({
        select: { id: true, name: true, kind: true, category: true, city: true, industry: true },
        orderBy: { id: 'asc' },
      });
      // Every submitted version of these forms, newest first per submission: the first one seen is the latest.
      const versions = await this.prisma.submissionVersion.findMany({
        where: { submission: { formId: { in: [...formIds] } } },
        select: {
          version: true,
          answers: true,
          submittedAt: true,
          late: true,
          submission: { select: { unitId: true, formId: true, review: true, version: true } },
        },
        orderBy: [{ submissionId: 'asc' }, { version: 'desc' }],
      });
      const latest = new Map<number, Record<string, ExportSubmission>>();
      for (const row of versions) {
        const { unitId, formId, review, version } = row.submission;
        let forms = latest.get(unitId);
        if (!forms) {
          forms = {};
          latest.set(unitId, forms);
        }
        if (forms[formId]) continue;
        // a review is of the version handed in last: each new version waits for one again
        const approved = review === 'approved' && row.version === version;
        forms[formId] = { version: row.version, answers: parseAnswers(row.answers), submittedAt: row.submittedAt, late: row.late, approved };
      }
      return units.map((unit) => ({
        ...toUnitProfile(unit),
        submissions: latest.get(unit.id) ?? {},
      }));
    });
  }

  media(ids: readonly number[]): Promise<StoredMedia[]> {
    return this.serial.run(async () => {
      const found: StoredMedia[] = [];
      // in slices: SQLite takes only so many values in one statement
      for (let at = 0; at < ids.length; at += MEDIA_SLICE) {
        found.push(
          ...(await this.prisma.media.findMany({
            where: { id: { in: ids.slice(at, at + MEDIA_SLICE) } },
            select: { id: true, unitId: true, fileName: true, size: true, path: true },
          })),
        );
      }
      return found.sort((a, b) => a.id - b.id);
    });
  }
}
