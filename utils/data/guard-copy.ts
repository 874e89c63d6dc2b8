/**
 * The guard's copy (background only): from the document the background keeps in its own
 * IndexedDB, the fields the guard in a site's page and the pause page read, written to
 * `storage.local` under GUARD_CORE_KEYS (issue 17, item 7). A content script runs in the site's
 * renderer process and can read `storage.local`; everything else (labels, the strict phrase, past
 * streaks and their notes, waiting changes, hard days, the journal, the event log) stays where
 * only the extension's own pages can reach it. An allowlist: a field added to the schema later is
 * private until it is added here. tests/unit/data/guard-copy.test.ts checks that the copy passes
 * the guard's own view and holds nothing else.
 */
import type { Core } from './schema';
import { STORAGE_KEYS } from './storage-keys';

export function guardCopyOf(core: Core): Record<string, unknown> {
  const { settings, streak } = core;
  return {
    [STORAGE_KEYS.core]: {
      version: core.version,
      settings: {
        friction: settings.friction,
        strictPhraseSet: settings.strictPhrase.trim() !== '',
        paused: settings.paused,
        sitesOff: settings.sitesOff,
        ...(settings.choosablePauses ? { choosablePauses: settings.choosablePauses } : {}),
        ...(settings.feedReach ? { feedReach: settings.feedReach } : {}),
      },
      people: core.people.map((p) => ({
        id: p.id,
        feedHiding: p.feedHiding,
        ...(p.contactNeeded !== undefined ? { contactNeeded: p.contactNeeded } : {}),
        accounts: p.accounts.map((a) => ({ site: a.site, handle: a.handle, ...(a.stableId !== undefined ? { stableId: a.stableId } : {}) })),
      })),
      // Shown in the pause itself, in the site's page: the guard needs them.
      reasons: core.reasons.map(({ id, text }) => ({ id, text })),
      insteadIdeas: core.insteadIdeas.map(({ id, text }) => ({ id, text })),
      plans: core.plans.map(({ id, when, then }) => ({ id, when, then })),
      ...(core.friend ? { friend: { link: core.friend.link, message: core.friend.message } } : {}),
      hardHours: core.hardHours.map(({ from, to, days }) => ({ from, to, days })),
      customPatterns: core.customPatterns.map(({ personId, pattern }) => ({ personId, pattern })),
    },
    [STORAGE_KEYS.streak]: { version: core.version, startedAt: streak.startedAt, timeZone: streak.timeZone, goalDays: streak.goalDays },
  };
}

/** JSON with every object's keys sorted: a browser may hand a value back with its keys in another order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  ) ?? 'undefined';
}

/** Whether `stored` (what `storage.local` holds, or a change's new values) has exactly `copy` under each of its keys. */
export function isGuardCopy(stored: Record<string, unknown>, copy: Record<string, unknown>): boolean {
  return Object.keys(copy).every((key) => canonical(stored[key]) === canonical(copy[key]));
}
