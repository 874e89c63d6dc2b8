/**
 * Export and import: one documented, versioned JSON file (docs/data-format.md). An import is
 * parsed, version-checked, migrated and validated as a whole before anything changes; a bad file
 * changes nothing and says, kindly, what is wrong and where.
 */
import { importErrorText, shortWhere, versionText } from '../copy/data-errors';
import { SCHEMA_VERSION, type StoredDocument } from './schema';
import { migrateToCurrent, parseVersion } from './migrations';
import { isSiteId } from '../sites/site-ids';
import { isRecord } from './is-record';

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


/**
 * Site ids the document names that this build does not know: every `site` field and every
 * `sitesOff` entry, wherever they are. An export from a build with more sites (a newer version,
 * say, that guards a site this one does not have yet) names them.
 */
export function unknownSites(data: unknown): string[] {
  const found = new Set<string>();
  // A loop with its own stack, not recursion: a hostile file can nest values deeper than the
  // call stack goes (the import fuzz found it: tests/unit/data/import-fuzz.test.ts).
  const stack: { value: unknown; key?: string }[] = [{ value: data }];
  while (stack.length > 0) {
    const { value, key } = stack.pop()!;
    // Children go on the stack last first, so sites are named in the file's own order.
    if (Array.isArray(value)) {
      for (const item of [...value].reverse()) {
        if (key === 'sitesOff' && typeof item === 'string') {
          if (!isSiteId(item)) found.add(item);
        } else stack.push({ value: item });
      }
    } else if (isRecord(value)) {
      for (const [name, inner] of Object.entries(value).reverse()) {
        if (name === 'site' && typeof inner === 'string') {
          if (!isSiteId(inner)) found.add(inner);
        } else stack.push({ value: inner, key: name });
      }
    }
  }
  return [...found];
}

/** Site ids as the message shows them: plain letters only, so a hostile file cannot inject text. */
const shownSiteId = (id: string) => (/^[a-z0-9._-]{1,32}$/i.test(id) ? id : '?');

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

  // A site this build does not know yet: say which, and change nothing (docs/data-format.md).
  const unknown = unknownSites(file.data);
  if (unknown.length > 0) return { ok: false, error: importErrorText.unknownSite([...new Set(unknown.map(shownSiteId))].join(', ')) };

  const migrated = migrateToCurrent(file.data);
  if (migrated.ok) return { ok: true, doc: migrated.doc };
  if (migrated.problem === 'newer-version') return { ok: false, error: importErrorText.newerVersion() };
  const where = migrated.where && migrated.detail ? `${migrated.where}: ${migrated.detail}` : (migrated.where ?? migrated.detail);
  const error = importErrorText.invalid();
  return { ok: false, error, ...(where ? { where: shortWhere(where, error) } : {}) };
}
