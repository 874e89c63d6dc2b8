/**
 * What the options page makes of what a person pastes or types when adding someone to guard:
 * a link to a profile, post or story on a supported site, or a handle typed for a chosen site.
 * Pure: it only reads the adapters' declarations.
 */
import { adapterById, adapterForHost } from './registry';
import type { Handle, SiteId } from './site-adapter';
import { parseWebAddress } from './web-address';

export type RecognizedProfileLink =
  | { ok: true; site: SiteId; handle: Handle; stableId?: string; profileUrl: string }
  /**
   * not-a-link: no web address in the input (a bare handle such as "@someone" is not a link: ask which
   * site); unsupported-site: a link to a site we do not guard; no-person: a page of a supported site
   * that names no one by handle (home, search, a post by id alone, a profile by numeric id or DID only).
   */
  | { ok: false; reason: 'not-a-link' | 'unsupported-site' | 'no-person' };

export function recognizeProfileLink(input: string): RecognizedProfileLink {
  const url = parseWebAddress(input);
  if (!url) return { ok: false, reason: 'not-a-link' };
  const adapter = adapterForHost(url.hostname);
  if (!adapter) return { ok: false, reason: 'unsupported-site' };
  let ref;
  try {
    ref = adapter.parseUrl(url);
  } catch {
    ref = undefined;
  }
  if (!ref?.handle) return { ok: false, reason: 'no-person' };
  return {
    ok: true,
    site: adapter.id,
    handle: ref.handle,
    ...(ref.stableId !== undefined && { stableId: ref.stableId }),
    profileUrl: adapter.profileUrl(ref.handle),
  };
}

/** "Choose the site and type the handle": the handle as the site writes it, or undefined. A pasted link to that site works too. */
export function parseHandleForSite(site: SiteId, raw: string): Handle | undefined {
  const handle = adapterById(site).normalizeHandle(raw);
  if (handle) return handle;
  const link = recognizeProfileLink(raw);
  return link.ok && link.site === site ? link.handle : undefined;
}
