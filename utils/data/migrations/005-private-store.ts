/**
 * Storage layout 5 (the document stays version 4: its fields do not change, so exports are as
 * they were). Up to layout 4 every part lived in `storage.local`, which a content script (the
 * site's renderer process) can read and write in both browsers. From layout 5 the store lives in
 * the extension's own IndexedDB (utils/data/private-storage.ts) and `storage.local` keeps only the
 * guard's copy (utils/data/guard-copy.ts) and the site checks (issue 17, item 7).
 *
 * The move, run by the background before the store's first read: when the private store holds
 * nothing yet, every key in `storage.local` but those that stay is copied into it in ONE
 * transaction; then those keys are removed from `storage.local`. A move cut off after the copy
 * finds the private store filled at the next start and only removes what is left: the private
 * store always wins, so nothing is moved twice or lost. Whatever layout the moved keys are in
 * (version 1's `state`, version 3's `core` + `log`, version 4's parts) the store migrates it there
 * as before. Fixtures: tests/fixtures/data/v4-stored.json (before) and v5-stored.json (after).
 */
import type { StorageArea } from '../store';
import { STORAGE_KEYS } from '../storage-keys';
import { SITE_CHECKS_KEY } from '../site-checks';
import { isRecord } from '../is-record';

/** What stays in `storage.local`: the guard's copy (rewritten after the move) and the site checks. */
const STAYS = new Set<string>([SITE_CHECKS_KEY]);
const GUARD_KEYS = new Set<string>([STORAGE_KEYS.core, STORAGE_KEYS.streak]);

/** The guard's copy of `core` says whether there is a phrase; the store's own `core` holds it. */
function isGuardCopyCore(value: unknown): boolean {
  return isRecord(value) && isRecord(value.settings) && 'strictPhraseSet' in value.settings;
}

export interface MoveResult {
  /** Keys copied into the private store (none when it already held data). */
  moved: string[];
  /** Keys removed from `storage.local`. */
  removed: string[];
}

export async function moveToPrivateStore(local: StorageArea, privateStore: StorageArea): Promise<MoveResult> {
  const stored = await local.get(null);
  const guardCopy = isGuardCopyCore(stored[STORAGE_KEYS.core]);
  // The guard's copy is not store data: it never goes into the private store.
  const candidates = Object.keys(stored).filter((key) => !STAYS.has(key) && !(guardCopy && GUARD_KEYS.has(key)));
  if (candidates.length === 0) return { moved: [], removed: [] };
  const held = await privateStore.get([STORAGE_KEYS.revision, STORAGE_KEYS.core]);
  const empty = Object.keys(held).length === 0;
  const moved = empty ? candidates : [];
  if (empty) await privateStore.set(Object.fromEntries(moved.map((key) => [key, stored[key]])));
  // `core` and `streak` stay until the guard's copy replaces them (the guard reads them meanwhile).
  const removed = candidates.filter((key) => !GUARD_KEYS.has(key));
  if (removed.length > 0) await local.remove(removed);
  return { moved, removed };
}
