/**
 * The guard's self-check, per site (issue 12, item 6): how many page views in a row missed what a
 * working page of that site shows (the adapter's `selfCheck`), and since when. Sites change their
 * markup without notice and this extension never fetches updates, so this is how a stale selector
 * stops failing silently.
 *
 * Kept under its own small storage key, apart from the main document (`core` and `log`): written
 * only by the background, one change at a time; read by the popup; sent nowhere.
 */
// zod/mini and no import of the stored document's schema: the popup reads these checks at start,
// and the schema would bring zod's full build into its first load (utils/data/zod-mini.ts).
import { z } from './zod-mini';
import { isInstantInRange } from './limits';
import { SITE_IDS, type SiteId } from '../sites/site-ids';

export const SITE_CHECKS_KEY = 'siteChecks';

/**
 * Page views in a row that missed before the popup says so. One miss alone means little (a post
 * that was deleted has no like control, a feed can be empty); three in a row with no page that
 * worked in between is a pattern.
 */
export const MISSES_BEFORE_NOTICE = 3;
const MISSES_CAP = 10_000;

const SiteCheckSchema = z.object({
  /** Page views in a row that missed something a working page shows. */
  misses: z.int().check(z.minimum(1), z.maximum(MISSES_CAP)),
  /** When the first of those misses happened: the stored document's instant rule (utils/data/limits.ts DATE_RANGE). */
  since: z.iso.datetime({ offset: true }).check(z.refine(isInstantInRange)),
});

export const SiteChecksSchema = z.object({
  version: z.literal(1),
  sites: z.partialRecord(z.enum(SITE_IDS), SiteCheckSchema),
});

export type SiteChecks = z.infer<typeof SiteChecksSchema>;

const EMPTY: SiteChecks = { version: 1, sites: {} };

/** The stored checks; anything unreadable counts as "no misses" (it only ever adds a notice). */
export function parseSiteChecks(raw: unknown): SiteChecks {
  const parsed = SiteChecksSchema.safeParse(raw);
  return parsed.success ? parsed.data : EMPTY;
}

/** The checks after one page view's result; undefined when nothing changes (no write needed). */
export function withCheck(checks: SiteChecks, site: SiteId, found: boolean, now: Date): SiteChecks | undefined {
  const current = checks.sites[site];
  if (found) {
    if (!current) return undefined;
    const { [site]: _cleared, ...rest } = checks.sites;
    return { version: 1, sites: rest };
  }
  const next = current
    ? { misses: Math.min(current.misses + 1, MISSES_CAP), since: current.since }
    : { misses: 1, since: now.toISOString() };
  return { version: 1, sites: { ...checks.sites, [site]: next } };
}

/** Since when the guard may not see everything on `site`, once the misses are a pattern. */
export function mayMissSince(checks: SiteChecks, site: SiteId): string | undefined {
  const check = checks.sites[site];
  return check && check.misses >= MISSES_BEFORE_NOTICE ? check.since : undefined;
}

interface StorageArea {
  get(keys: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string): Promise<void>;
}

/**
 * The background's one writer of the checks: every change in one queue, read → apply → write.
 * (`area`, not `storage`: WXT's auto-imports took a parameter of that name for its own storage
 * helper and bundled it, 10 kB in the background and in the popup.)
 */
export function createSiteChecksWriter(area: StorageArea, now: () => Date) {
  let queue: Promise<unknown> = Promise.resolve();
  const queued = (run: () => Promise<void>): Promise<void> => {
    const next = queue.then(run, run);
    queue = next.catch(() => undefined);
    return next;
  };
  return {
    record: (site: SiteId, found: boolean) =>
      queued(async () => {
        const checks = parseSiteChecks((await area.get(SITE_CHECKS_KEY))[SITE_CHECKS_KEY]);
        const next = withCheck(checks, site, found, now());
        if (next) await area.set({ [SITE_CHECKS_KEY]: next });
      }),
    /** With "erase everything": nothing of this stays behind either. */
    clear: () => queued(() => area.remove(SITE_CHECKS_KEY)),
  };
}
