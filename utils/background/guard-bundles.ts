/**
 * Names of the per-site guard bundles: modules/site-bundles.ts builds one content script per
 * registered site under these names, and the background registers each on its own site only.
 * Plain data, so the build (in Node) and the background share it.
 */
export const GUARD_BUNDLE_PREFIX = 'guard-';

/** The entrypoint name of a site's guard bundle (`guard-x`), also its registered script id. */
export function guardBundleName(site: string): string {
  return `${GUARD_BUNDLE_PREFIX}${site}`;
}

/**
 * The built file of a site's guard bundle, as `scripting.registerContentScripts` names it. An
 * unlisted script (at the output's root), not a WXT content script: the content-script wrapper
 * (its context, location watcher and logger) cost about 0.8 kB gzip of the first stage's 8 kB.
 */
export function guardBundleFile(site: string): string {
  return `${guardBundleName(site)}.js`;
}

/** The registered script id of a site's guarded-account pages: the cover flag, then the same bundle. */
export function coverScriptName(site: string): string {
  return `${GUARD_BUNDLE_PREFIX}cover-${site}`;
}

/**
 * The guard's UI stage (the dialog, for every site): its entrypoint name and registered script id.
 * It starts with the prefix too, so it gets the guard bundles' build settings and a version that
 * no longer wants it removes it.
 */
export const GUARD_UI_BUNDLE = `${GUARD_BUNDLE_PREFIX}ui`;

/** The built file of the UI stage, for registration and for scripting.executeScript. */
export const GUARD_UI_FILE = `${GUARD_UI_BUNDLE}.js`;

/**
 * The feed stage (the feed hider and its placeholder, for every site: utils/engine/feed-port.ts):
 * run just before a site's first stage where someone's posts are hidden from feeds, and injected
 * by the background when that becomes so in an open tab. The prefix again, for the build settings.
 */
export const GUARD_FEED_BUNDLE = `${GUARD_BUNDLE_PREFIX}feed`;

/** The built file of the feed stage, for registration and for scripting.executeScript. */
export const GUARD_FEED_FILE = `${GUARD_FEED_BUNDLE}.js`;

/** The flag file the per-account cover registrations run first (public/content-scripts/cover-flag.js). */
export const COVER_FLAG_FILE = 'content-scripts/cover-flag.js';
