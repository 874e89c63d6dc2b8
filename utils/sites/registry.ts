/**
 * Every site adapter, in the order of SITE_IDS. The engine, the background and the options page
 * find adapters here and never import a site module directly.
 */
import type { SiteAdapter } from './site-adapter';
import type { SiteId } from './site-ids';
import { xAdapter } from './x';
import { blueskyAdapter } from './bluesky';
import { instagramAdapter } from './instagram';
import { linkedinAdapter } from './linkedin';

export const SITE_ADAPTERS: readonly SiteAdapter[] = [xAdapter, blueskyAdapter, instagramAdapter, linkedinAdapter];

/** The adapter for a host name: an exact listed host, or a subdomain of one (mobile.x.com). */
export function adapterForHost(hostname: string): SiteAdapter | undefined {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return SITE_ADAPTERS.find((adapter) =>
    adapter.hosts.some((listed) => host === listed || host.endsWith(`.${listed}`)),
  );
}

export function adapterById(id: SiteId): SiteAdapter {
  const adapter = SITE_ADAPTERS.find((candidate) => candidate.id === id);
  if (!adapter) throw new Error(`No adapter for site "${id}"`);
  return adapter;
}
