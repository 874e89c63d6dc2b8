/**
 * Optional adapter declarations, and whether a site's first stage needs the engine's code for
 * each. modules/site-bundles.ts fixes them per site's bundle at build time, from the registry, so
 * a bundle carries no code for what its site never declares (LinkedIn has no hover rule, no
 * shortcut, no opener: about 0.5 kB gzip of its first stage, measured 2026-12). Outside those
 * bundles (unit tests, the UI stage) they are undefined: every feature is on, and the engine reads
 * the adapter as before. Each is read where it is used, as `import.meta.env.GUARD_… !== false`,
 * because the build replaces that text and the minifier then drops the branch.
 */
import type { PageAdapter } from '../sites/site-adapter';

declare global {
  interface ImportMetaEnv {
    /** Some control rule has `gesture: 'hover'`. */
    readonly GUARD_HOVER?: boolean;
    /** Some control rule has `gesture: 'double-tap'`. */
    readonly GUARD_DOUBLE_TAP?: boolean;
    readonly GUARD_SHORTCUTS?: boolean;
    readonly GUARD_OPENERS?: boolean;
    /** `feedItem.ownParts`. */
    readonly GUARD_OWN_PARTS?: boolean;
    readonly GUARD_CHOOSABLE_PAUSES?: boolean;
  }
}

export type SiteFeature = Extract<keyof ImportMetaEnv, `GUARD_${string}`>;

/** What one site declares, for the build's `define` (every key, true or false). */
export function siteFeatures(adapter: PageAdapter): Record<SiteFeature, boolean> {
  const gestures = new Set(adapter.controls.map((rule) => rule.gesture ?? 'press'));
  return {
    GUARD_HOVER: gestures.has('hover'),
    GUARD_DOUBLE_TAP: gestures.has('double-tap'),
    GUARD_SHORTCUTS: (adapter.shortcuts?.length ?? 0) > 0,
    GUARD_OPENERS: (adapter.openers?.length ?? 0) > 0,
    GUARD_OWN_PARTS: adapter.feedItem?.ownParts !== undefined,
    GUARD_CHOOSABLE_PAUSES: adapter.choosablePauses !== undefined && Object.keys(adapter.choosablePauses).length > 0,
  };
}
