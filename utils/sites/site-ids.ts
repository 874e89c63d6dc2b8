/**
 * The sites we guard, as plain data: the schema, the manifest and the adapters all read
 * this list, so it imports nothing (WXT evaluates wxt.config.ts and entrypoint options in Node).
 */
export const SITE_IDS = [
  'x',
  'bluesky',
  'instagram',
  'linkedin',
] as const;

export type SiteId = (typeof SITE_IDS)[number];

/** Host match patterns per site: the content script is registered on these, and only where someone is guarded. */
export const SITE_MATCHES: Record<SiteId, readonly string[]> = {
  x: ['*://*.x.com/*', '*://*.twitter.com/*'],
  bluesky: ['*://bsky.app/*'],
  instagram: ['*://*.instagram.com/*'],
  linkedin: ['*://*.linkedin.com/*'],
};

export const SITE_HOST_PATTERNS: string[] = SITE_IDS.flatMap((id) => [...SITE_MATCHES[id]]);

export function isSiteId(value: string): value is SiteId {
  return (SITE_IDS as readonly string[]).includes(value);
}
