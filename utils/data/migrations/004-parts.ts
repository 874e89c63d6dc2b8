/**
 * Version 3 → 4. Nothing in the document changes: version 4 stores it in parts (settings and
 * people; the streak; the event log by month and year; the journal by month: utils/data/parts.ts),
 * so that a change writes only what it changes. The store moves a version 3 `core` + `log` into
 * parts on its first read (utils/data/store.ts); an export of version 3 imports as it did.
 */
import type { StoredDocument } from '../schema';
import type { V3Document } from './v3';

export function storeInParts(v3: V3Document): StoredDocument {
  return { ...structuredClone(v3), version: 4 };
}
