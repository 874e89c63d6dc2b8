/**
 * The site ids and host patterns, derived from the registry (utils/sites/registry.ts), for the
 * modules that only need the list. No site is named here.
 */
export { SITE_IDS, SITE_HOST_PATTERNS, SITE_MATCHES, isSiteId, type SiteId } from './registry';
