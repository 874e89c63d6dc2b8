/**
 * The storage keys the guard reads, and how their values join into the one guard view, in a module
 * with no zod: the first stage (utils/engine/first-stage.ts) reads them at document_start within
 * its 8 kB budget, and utils/data/guard-core.ts validates the joined value in the UI stage. Since
 * version 4 the streak is a part of its own (utils/data/parts.ts), so a milestone or a restarted
 * count does not rewrite the people list.
 */
import { STORAGE_KEYS } from './storage-keys';
import { isRecord } from './is-record';

export const GUARD_CORE_KEYS = [STORAGE_KEYS.core, STORAGE_KEYS.streak] as const;

/** `core` with its `streak` (as stored under GUARD_CORE_KEYS) as one value, unvalidated. */
export function joinGuardKeys(stored: Record<string, unknown>): unknown {
  const core = stored[STORAGE_KEYS.core];
  return isRecord(core) ? { ...core, streak: stored[STORAGE_KEYS.streak] } : undefined;
}
