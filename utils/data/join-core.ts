/**
 * Joining a changed `core` or `streak` part into a held document, without the parts' schemas:
 * the store (utils/data/parts.ts `joinChange`) and the pages' first script (utils/ui/client.ts,
 * which must not load zod before its first render) share it. The parts were validated by the
 * background before they were written; this only puts them in place.
 */
import type { StoredDocument } from './schema';
import { isRecord } from './is-record';

export const PART_KEYS = { core: 'core', streak: 'streak' } as const;

/** `doc` with the core part and the streak part given (each optional) in place of its own. */
export function withCoreAndStreak(doc: StoredDocument, core: unknown, streakPart: unknown): StoredDocument {
  let next = doc;
  if (isRecord(core)) next = { ...(core as Omit<StoredDocument, 'streak' | 'events' | 'journal'>), streak: next.streak, events: next.events, journal: next.journal };
  if (isRecord(streakPart)) {
    const { version: _version, ...streak } = streakPart;
    next = { ...next, streak: streak as StoredDocument['streak'] };
  }
  return next;
}
