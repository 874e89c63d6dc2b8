/**
 * Every site, one import line each. The adapter file is the site's whole declaration (id, label,
 * hosts, match patterns); everything that lists sites derives from here: the site ids and the
 * schema's enum, the manifest's host permissions, the options page, the background's per-site
 * registrations, the per-site content-script bundles (modules/site-bundles.ts), the bench and the
 * tests (tests/sites/adapters.meta.test.ts checks that each site has its table, fixtures, docs
 * page and README column).
 *
 * Nothing that runs on a site's page imports this file: each page gets the engine plus its own
 * adapter only.
 */
import x from './x';
import bluesky from './bluesky';
import instagram from './instagram';
import linkedin from './linkedin';
import threads from './threads';
import tiktok from './tiktok';
import reddit from './reddit';
import facebook from './facebook';
import { isHostOrSubdomain } from './kit';
import type { SiteAdapter } from './site-adapter';

/** In the order the options page lists them. */
export const SITE_ADAPTERS = [x, bluesky, instagram, linkedin, threads, facebook, tiktok, reddit] as const;

export type SiteId = (typeof SITE_ADAPTERS)[number]['id'];

export const SITE_IDS = SITE_ADAPTERS.map((adapter) => adapter.id) as unknown as readonly [SiteId, ...SiteId[]];

/** Match patterns per site (permission requests, registrations). */
export const SITE_MATCHES = Object.fromEntries(SITE_ADAPTERS.map((adapter) => [adapter.id, adapter.matches])) as Record<
  SiteId,
  readonly string[]
>;

/** Every site's match patterns: the manifest's host permissions. */
export const SITE_HOST_PATTERNS: string[] = SITE_ADAPTERS.flatMap((adapter) => [...adapter.matches]);

export function isSiteId(value: string): value is SiteId {
  return (SITE_IDS as readonly string[]).includes(value);
}

/** The adapter for a host name: an exact listed host, or a subdomain of one (mobile.x.com). */
export function adapterForHost(hostname: string): SiteAdapter | undefined {
  return SITE_ADAPTERS.find((adapter) => isHostOrSubdomain(hostname, adapter.hosts));
}

export function adapterById(id: SiteId): SiteAdapter {
  const adapter = SITE_ADAPTERS.find((candidate) => candidate.id === id);
  if (!adapter) throw new Error(`No adapter for site "${id}"`);
  return adapter;
}
