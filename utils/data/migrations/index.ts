/**
 * Every document (stored or imported) goes through here: detect its version, parse it with that
 * version's frozen schema, run each migration step in order, and parse the result with the current
 * schema. A newer version is refused, never downgraded.
 *
 * To add version N+1: freeze the current schema as vN.ts, write `00<N+1>-<what-it-does>.ts`, add a
 * step below, and add tests/fixtures/data/v<N+1>.json.
 */
import '../zod-config';
import { describeFirstIssue } from '../../copy/data-errors';
import { DocumentSchema, SCHEMA_VERSION, type StoredDocument } from '../schema';
import { V1DocumentSchema } from './v1';
import { journalOutOfLog } from './002-journal-out-of-log';
import { withNormalizedAccounts } from '../normalize-accounts';
import { V2DocumentSchema } from './v2';
import { addUrgeToolkit } from './003-urge-toolkit';
import { V3DocumentSchema } from './v3';
import { storeInParts } from './004-parts';

export type MigrationResult =
  | { ok: true; doc: StoredDocument }
  | { ok: false; problem: 'newer-version' | 'invalid'; where?: string; detail?: string };

/** The version a document says it is, or undefined when it does not say so clearly. */
export function parseVersion(raw: unknown): number | undefined {
  if (typeof raw !== 'object' || raw === null || !('version' in raw)) return undefined;
  const version = (raw as { version: unknown }).version;
  return typeof version === 'number' && Number.isInteger(version) ? version : undefined;
}

export function migrateToCurrent(raw: unknown): MigrationResult {
  const version = parseVersion(raw);
  if (version !== undefined && version > SCHEMA_VERSION) return { ok: false, problem: 'newer-version' };

  let candidate: unknown = raw;
  if (version === 1) {
    const v1 = V1DocumentSchema.safeParse(raw);
    if (!v1.success) return { ok: false, problem: 'invalid', ...describeFirstIssue(v1.error, raw) };
    candidate = journalOutOfLog(v1.data);
  }
  if (parseVersion(candidate) === 2) {
    const v2 = V2DocumentSchema.safeParse(candidate);
    if (!v2.success) return { ok: false, problem: 'invalid', ...describeFirstIssue(v2.error, candidate) };
    candidate = addUrgeToolkit(v2.data);
  }
  if (parseVersion(candidate) === 3) {
    // Accounts as pasted first: a version 3 import may carry '@Someone' (normalised below too).
    const v3 = V3DocumentSchema.safeParse(withNormalizedAccounts(candidate));
    if (!v3.success) return { ok: false, problem: 'invalid', ...describeFirstIssue(v3.error, candidate) };
    candidate = storeInParts(v3.data);
  }

  // Any other version (missing, 0, 1.5, "2") fails here at `version`, with a plain reason.
  // Accounts as the options page writes them when pasted (an import may carry '@Someone').
  candidate = withNormalizedAccounts(candidate);
  const current = DocumentSchema.safeParse(candidate);
  if (!current.success) return { ok: false, problem: 'invalid', ...describeFirstIssue(current.error, candidate) };
  return { ok: true, doc: current.data };
}
