/**
 * Export and import: one documented, versioned JSON file (docs/data-format.md). An import is
 * parsed, version-checked, migrated and validated as a whole before anything changes; a bad file
 * changes nothing and says, kindly, what is wrong and where.
 */
import { importErrorText, shortWhere, versionText } from '../copy/data-errors';
import { SCHEMA_VERSION, type StoredDocument } from './schema';
import { migrateToCurrent, parseVersion } from './migrations';

export const EXPORT_FORMAT = 'no-contact-guard';

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: number;
  exportedAt: string;
  data: StoredDocument;
}

export type ImportResult = { ok: true; doc: StoredDocument } | { ok: false; error: string; where?: string };

export function exportDocument(doc: StoredDocument, now: Date): string {
  const file: ExportFile = { format: EXPORT_FORMAT, version: doc.version, exportedAt: now.toISOString(), data: doc };
  return `${JSON.stringify(file, null, 2)}\n`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseImport(json: string): ImportResult {
  if (json.trim() === '') return { ok: false, error: importErrorText.empty() };

  let file: unknown;
  try {
    file = JSON.parse(json);
  } catch {
    // A file cut off while saving or copying is the usual cause; other syntax damage reads the same to the person.
    return { ok: false, error: importErrorText.truncated() };
  }

  if (!isRecord(file) || file.format !== EXPORT_FORMAT || !('data' in file)) {
    return { ok: false, error: importErrorText.notOurs() };
  }

  const version = parseVersion(file);
  if (version === undefined || version < 1) {
    return { ok: false, error: importErrorText.unknownVersion(versionText(file.version)) };
  }
  if (version > SCHEMA_VERSION) return { ok: false, error: importErrorText.newerVersion() };
  if (parseVersion(file.data) !== version) {
    // The document inside says otherwise: a newer document is still refused as newer.
    const inner = parseVersion(file.data);
    if (inner !== undefined && inner > SCHEMA_VERSION) return { ok: false, error: importErrorText.newerVersion() };
    return { ok: false, error: importErrorText.versionMismatch() };
  }

  const migrated = migrateToCurrent(file.data);
  if (migrated.ok) return { ok: true, doc: migrated.doc };
  if (migrated.problem === 'newer-version') return { ok: false, error: importErrorText.newerVersion() };
  const where = migrated.where && migrated.detail ? `${migrated.where}: ${migrated.detail}` : (migrated.where ?? migrated.detail);
  const error = importErrorText.invalid();
  return { ok: false, error, ...(where ? { where: shortWhere(where, error) } : {}) };
}
