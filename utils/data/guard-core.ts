/**
 * The guard's copy of the core, as the content script (and the pause page) read it from
 * `storage.local`, validated with zod/mini. The background writes it from the document it keeps in
 * its own IndexedDB (utils/data/guard-copy.ts): only what the guard needs, the strict phrase as a
 * yes/no (issue 17, item 7). The full
 * `CoreSchema` (classic zod) would put about 20 KB (gzip) into every guarded page; this view keeps
 * the content script within its 30 KB budget. tests/unit/data/guard-core.test.ts checks that every
 * valid core passes this view and that the enums match the full schema's.
 */
import { z } from './zod-mini';
import { ACTIONS } from '../sites/site-adapter';
import { GUARD_CORE_KEYS, joinGuardKeys } from './guard-keys';

export const GUARD_FRICTIONS = ['gentle', 'firm', 'strict'] as const;
export const GUARD_FEED_HIDING = ['off', 'hide', 'collapse'] as const;
export const GUARD_FEED_REACH = ['own', 'mentions'] as const;

const textItem = z.object({ id: z.string(), text: z.string() });

export const GuardCoreSchema = z.object({
  version: z.literal(4),
  settings: z.object({
    friction: z.enum(GUARD_FRICTIONS),
    // Whether strict can be reached in hard hours (utils/days/hard-hours.ts); the phrase itself
    // stays in the private store and is checked by the background ('strict-phrase-entered').
    strictPhraseSet: z.boolean(),
    paused: z.boolean(),
    // Site ids are plain strings here: the enum would need the registry, which imports every
    // adapter, and a site's page carries its own adapter only. The guard reads its own site's
    // accounts (guard-index.ts); the background validates ids on every write.
    sitesOff: z.array(z.string()),
    // Absent means each site's defaults (utils/engine/guard-index.ts `pauses`).
    choosablePauses: z.optional(z.partialRecord(z.enum(ACTIONS), z.boolean())),
    feedReach: z.optional(z.enum(GUARD_FEED_REACH)),
  }),
  people: z.array(
    z.object({
      id: z.string(),
      feedHiding: z.enum(GUARD_FEED_HIDING),
      contactNeeded: z.optional(z.boolean()),
      accounts: z.array(
        z.object({ site: z.string(), handle: z.string().check(z.minLength(1)), stableId: z.optional(z.string()) }),
      ),
    }),
  ),
  reasons: z.array(textItem),
  insteadIdeas: z.array(textItem),
  streak: z.object({ startedAt: z.string(), timeZone: z.string(), goalDays: z.number() }),
  // The pause page (an extension page) checks whether one of the person's own patterns paused it.
  customPatterns: z.array(z.object({ personId: z.string(), pattern: z.string() })),
  plans: z.array(z.object({ id: z.string(), when: z.string(), then: z.string() })),
  friend: z.optional(z.object({ link: z.string(), message: z.string() })),
  hardHours: z.array(z.object({ from: z.number(), to: z.number(), days: z.array(z.number()) })),
});

export type GuardCore = z.infer<typeof GuardCoreSchema>;

export function parseGuardCore(value: unknown): GuardCore | undefined {
  const parsed = GuardCoreSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

export { GUARD_CORE_KEYS, joinGuardKeys };

/** The guard core from what storage holds under GUARD_CORE_KEYS (`get` or `onChanged` values). */
export function guardCoreFrom(stored: Record<string, unknown>): GuardCore | undefined {
  return parseGuardCore(joinGuardKeys(stored));
}
