// What the exports read, declared here and kept by the database (store/export-store.ts): every unit of the
// roster with the latest submitted version of each form asked for, and the pictures and files groups sent.
import type { UnitProfile } from '../conversation/index.js';
import type { ExportSubmission } from './model.js';

export interface StoredExportUnit extends UnitProfile {
  /** formId → the latest submitted version */
  submissions: Record<string, ExportSubmission>;
}

/** A picture or file a group sent, as kept: `path` is relative to the data folder. */
export interface StoredMedia {
  id: number;
  unitId: number;
  fileName: string;
  size: number;
  path: string;
}

export interface ExportStore {
  /** Every unit in id (roster) order, with the latest submitted version of each of `formIds` it has. */
  unitsWithLatest(formIds: readonly string[]): Promise<StoredExportUnit[]>;
  /** The kept pictures and files of these ids (those that exist), in id order. */
  media(ids: readonly number[]): Promise<StoredMedia[]>;
}
