/**
 * The part of the stored core the first stage needs to decide (who is guarded where), checked by
 * hand. The first stage runs at document_start on every page of a guarded site, within 8 kB
 * (gzip, bench/budgets.json); zod/mini alone is about 5.9 kB, so it stays in the UI stage, which
 * validates the whole guard view (utils/data/guard-core.ts) before anything is shown or sent.
 * This check is strict in the same way for the fields it reads: anything else is "no list", and
 * then the guard guards no one rather than guessing. tests/unit/engine/guard-list.test.ts checks
 * that it accepts what the zod view accepts and refuses what it refuses, field by field.
 *
 * What it reads is the guard's copy the background writes to `storage.local` (utils/data/guard-copy.ts,
 * issue 17 item 7), never the store's own core: the copy says whether a strict phrase is set
 * (`strictPhraseSet`), the core holds the phrase itself. A value without that yes/no is the full
 * core (what `storage.local` held up to storage layout 4, or something written there by someone
 * else) and is no list: the guard never decides from data that should not be where it reads.
 */
import type { GuardCore } from '../data/guard-core';
import { ACTIONS } from '../sites/site-adapter';
import { isRecord } from '../data/is-record';

/**
 * utils/data/guard-core.ts's list, repeated: importing it would bring that module's zod schema
 * along (its top-level calls are not tree-shaken). The unit test checks the two are equal.
 */
export const FEED_HIDING_VALUES: readonly string[] = ['off', 'hide', 'collapse'];
export const FEED_REACH_VALUES: readonly string[] = ['own', 'mentions'];

export type GuardList = {
  settings: Pick<GuardCore['settings'], 'paused' | 'sitesOff' | 'choosablePauses' | 'feedReach'>;
  people: GuardCore['people'];
};

const isString = (v: unknown): v is string => typeof v === 'string';
const optional = (v: unknown, check: (v: unknown) => boolean) => v === undefined || check(v);

function isAccount(v: unknown): boolean {
  return isRecord(v) && isString(v.site) && isString(v.handle) && v.handle.length > 0 && optional(v.stableId, isString);
}

/** The person's choices for pauses a site leaves to them: known actions, each true or false. */
function isChoices(v: unknown): boolean {
  return isRecord(v) && Object.entries(v).every(([action, on]) => (ACTIONS as readonly string[]).includes(action) && typeof on === 'boolean');
}

function isPerson(v: unknown): boolean {
  return (
    isRecord(v) &&
    isString(v.id) &&
    FEED_HIDING_VALUES.includes(v.feedHiding as string) &&
    optional(v.contactNeeded, (c) => typeof c === 'boolean') &&
    Array.isArray(v.accounts) &&
    v.accounts.every(isAccount)
  );
}

export function readGuardList(value: unknown): GuardList | undefined {
  if (!isRecord(value) || value.version !== 4 || !isRecord(value.settings)) return undefined;
  const { paused, sitesOff, choosablePauses, feedReach, strictPhraseSet } = value.settings;
  if (typeof strictPhraseSet !== 'boolean' || typeof paused !== 'boolean' || !Array.isArray(sitesOff) || !sitesOff.every(isString)) return undefined;
  if (!optional(choosablePauses, isChoices) || !optional(feedReach, (r) => FEED_REACH_VALUES.includes(r as string))) return undefined;
  if (!Array.isArray(value.people) || !value.people.every(isPerson)) return undefined;
  return value as unknown as GuardList;
}
