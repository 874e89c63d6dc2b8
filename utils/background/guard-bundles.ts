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

/** The built file of a site's guard bundle, as `scripting.registerContentScripts` names it. */
export function guardBundleFile(site: string): string {
  return `content-scripts/${guardBundleName(site)}.js`;
}
