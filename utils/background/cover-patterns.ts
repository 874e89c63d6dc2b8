/**
 * The match patterns of one guarded account's pages (issue "Nothing slips past", item 1): the
 * browser's registration carries them, so the first stage knows at `document_start`, with no
 * storage read and with the handle never in the page, that the page it runs on is a guarded
 * account's and covers it from the first frame. Everything else on the site shows nothing of ours.
 *
 * Generic over the registry: derived from each adapter's `profileUrl` and `matches`, and checked
 * against its own `parseUrl` and `normalizeHandle`. Match patterns are case-sensitive and have no
 * regex (developer.chrome.com/docs/extensions/develop/concepts/match-patterns), so:
 * - case: the stored (lower-case) form, its capitalised and its upper-case forms, each kept only
 *   where the site's own `normalizeHandle` reads it as the same account (sites with case-sensitive
 *   handles keep one form);
 * - percent-encoding: the path as the URL parser writes it (non-ASCII is percent-encoded);
 * - ids in URLs (Bluesky DIDs, LinkedIn member ids, X user ids): the account's stable id through
 *   the same `profileUrl`, kept when the site's `parseUrl` reads it back as this account's id.
 * Any other spelling (a mixed-case `x.com/SamRivers`) is not matched: that page is decided once
 * the guard list has loaded, like a page whose URL names no one.
 */
import type { ContactAccount, Handle, SiteAdapter } from '../sites/site-adapter';

/** `*://*.x.com/*` → `*://*.x.com`: the scheme and host part of a match pattern. */
function originOf(pattern: string): string {
  return pattern.slice(0, pattern.indexOf('/', pattern.indexOf('://') + 3));
}

function caseForms(adapter: SiteAdapter, handle: Handle): string[] {
  const forms = [handle, handle.charAt(0).toUpperCase() + handle.slice(1), handle.toUpperCase()];
  return [...new Set(forms)].filter((form) => form === handle || adapter.normalizeHandle(form) === handle);
}

/** The path of this name's profile, with no trailing slash; undefined when the parser does not read it back. */
function profilePath(adapter: SiteAdapter, name: string, isAccount: (ref: ReturnType<SiteAdapter['parseUrl']>) => boolean): string | undefined {
  try {
    const url = new URL(adapter.profileUrl(name as Handle));
    if (!isAccount(adapter.parseUrl(url))) return undefined;
    return url.pathname.replace(/\/+$/, '') || undefined;
  } catch {
    return undefined;
  }
}

export function accountPagePatterns(adapter: SiteAdapter, account: ContactAccount): string[] {
  const paths = new Set<string>();
  for (const form of caseForms(adapter, account.handle)) {
    const path = profilePath(adapter, form, (ref) => ref?.handle === account.handle);
    if (path) paths.add(path);
  }
  if (account.stableId) {
    const path = profilePath(adapter, account.stableId, (ref) => ref?.stableId === account.stableId);
    if (path) paths.add(path);
  }
  const origins = [...new Set(adapter.matches.map(originOf))];
  // The adapter's own further forms, as it spells them (wildcards included).
  const further = [...new Set(caseForms(adapter, account.handle).flatMap((form) => adapter.coverPaths?.(form) ?? []))];
  // The profile itself, its sub-pages (posts, replies, media) and the same with a query.
  return origins.flatMap((origin) => [
    ...[...paths].flatMap((path) => [`${origin}${path}`, `${origin}${path}/*`, `${origin}${path}?*`]),
    ...further.map((path) => `${origin}${path}`),
  ]);
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * For a spelling of the account's pages that no match pattern names (`x.com/SamRivers`):
 * declarativeNetRequest regular expressions (RE2) over the same pages, one to match any case
 * (the redirect to the pause page) and one per form the registration covers (allow rules at the
 * same priority, which win: those pages are guarded in the page, from the first frame). So a page
 * of theirs never paints, however it is spelt. One expression per form, not one with alternatives:
 * Chromium refused the three forms of a long Bluesky handle in one expression as too large (seen
 * 2026-12. Source: tests/e2e/guard.e2e.ts). Undefined for a site whose handles are case-sensitive
 * (every spelling is then another account) or whose profile path the parser does not read back.
 */
export function accountSpellingRegexes(adapter: SiteAdapter, account: ContactAccount): { anyCase: string; covered: string[] } | undefined {
  const forms = caseForms(adapter, account.handle);
  if (forms.length < 2) return undefined;
  const paths = forms.map((form) => profilePath(adapter, form, (ref) => ref?.handle === account.handle));
  if (paths.some((path) => path === undefined)) return undefined;
  const origin = `^https?://(?:[^/?#]*\\.)?(?:${adapter.hosts.map(escapeRegex).join('|')})(?::\\d+)?`;
  const rest = '(?:[/?#].*)?$';
  return {
    anyCase: `${origin}${escapeRegex(paths[0]!)}${rest}`,
    covered: paths.map((path) => `${origin}${escapeRegex(path!)}${rest}`),
  };
}
