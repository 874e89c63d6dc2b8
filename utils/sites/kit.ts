/**
 * The few helpers every adapter needs, written once so the adapters cannot drift apart:
 * reading a link into a ref, adding a ref to an item's people, cleaning a typed handle and
 * normalising a host name. Pure, like the adapters themselves: nothing here touches the DOM at
 * import, and nothing here knows a site.
 */
import type { Action, PageRef, SiteAdapter } from './site-adapter';
import { cssString } from './css-string';

/** A host name as adapters compare it: lower-case, without the trailing dot of a fully qualified name. */
export function normalizeHost(hostname: string): string {
  return hostname.toLowerCase().replace(/\.$/, '');
}

/** True when `hostname` is one of `hosts` or a subdomain of one (mobile.x.com for x.com). */
export function isHostOrSubdomain(hostname: string, hosts: readonly string[]): boolean {
  const host = normalizeHost(hostname);
  return hosts.some((listed) => host === listed || host.endsWith(`.${listed}`));
}

/**
 * What a person typed or pasted as a handle, without the wrapping every site's users add: spaces,
 * a leading '@' and trailing slashes. Case is left to the adapter (some ids are case-sensitive).
 */
export function cleanHandle(raw: string): string {
  return raw.trim().replace(/^@/, '').replace(/\/+$/, '');
}

/**
 * A reader for links found in a page: resolves `href` against the site's origin and classifies it
 * with the adapter's own `parseUrl`. Undefined for a missing or unparsable link.
 */
export function linkReader(parseUrl: SiteAdapter['parseUrl'], base: string): (href: string | null | undefined) => PageRef | undefined {
  return (href) => {
    if (!href) return undefined;
    try {
      return parseUrl(new URL(href, base));
    } catch {
      return undefined;
    }
  };
}

/**
 * Adds the person a ref names to an item's people, once: a ref that names someone already listed
 * (by handle or by stable id) completes that entry instead of adding a second one. A ref that
 * names no one is ignored. Whatever kind of page the ref came from, the entry is a person.
 */
export function addRef(refs: PageRef[], ref: Partial<PageRef> | undefined): void {
  if (!ref || !(ref.handle || ref.stableId)) return;
  const known = refs.find((r) => (ref.handle && r.handle === ref.handle) || (ref.stableId && r.stableId === ref.stableId));
  if (known) {
    if (!known.handle && ref.handle) known.handle = ref.handle;
    if (!known.stableId && ref.stableId) known.stableId = ref.stableId;
    return;
  }
  refs.push({ kind: 'profile', ...(ref.handle && { handle: ref.handle }), ...(ref.stableId && { stableId: ref.stableId }) });
}

/**
 * The first link inside `root` that reads as a person's profile (not a post, story or tag link)
 * and names them by handle; with `byStableIdToo`, a profile link by stable id alone counts too.
 */
export function firstProfileRef(
  root: ParentNode | null | undefined,
  readLink: (href: string | null | undefined) => PageRef | undefined,
  { selector = 'a[href]', byStableIdToo = false }: { selector?: string; byStableIdToo?: boolean } = {},
): PageRef | undefined {
  if (!root) return undefined;
  for (const link of root.querySelectorAll(selector)) {
    const ref = readLink(link.getAttribute('href'));
    if (ref?.kind === 'profile' && (ref.handle || (byStableIdToo && ref.stableId))) return ref;
  }
  return undefined;
}

/** A button-like element (`button`, or `[role="button"]` as Meta's apps write them) around an icon labelled `label`. */
export function buttonAroundIcon(label: string): string {
  return `:is(button, [role="button"]):has(svg[aria-label="${label}"])`;
}

/**
 * For controls known only by their text ("Follow", "Message"): the action of the innermost
 * button-like element on the path (a `button`, or an element with one of `roles`) whose whole text
 * is in `actions` (lower-case). Only short texts count: a whole card can be a role=button too.
 */
export function actionByButtonText(
  path: readonly Element[],
  actions: ReadonlyMap<string, Action>,
  roles: readonly string[] = ['button'],
): Action | undefined {
  for (const element of path) {
    if (element.localName !== 'button' && !roles.includes(element.getAttribute('role') ?? '')) continue;
    const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
    if (text.length > 20) return undefined;
    const action = actions.get(text);
    if (action) return action;
  }
  return undefined;
}

/**
 * CSS for links to a person, for the feed stylesheet (`feedItem.hideSelectors`): `paths` are
 * their pages' paths without a trailing slash (`/sam`, `/in/sam`), matched relative or on one of
 * `origins`, with or without a trailing slash or a query, in any ASCII case (the `i` flag: the
 * sites' handles are ASCII). With `under`, any page below them too (their posts, their tabs).
 */
export function linksTo(paths: readonly string[], origins: readonly string[], { under = false }: { under?: boolean } = {}): string {
  const selectors: string[] = [];
  for (const origin of ['', ...origins]) {
    for (const path of paths) {
      const href = `${origin}${path}`;
      selectors.push(`a[href=${cssString(href)} i]`, `a[href^=${cssString(`${href}?`)} i]`);
      selectors.push(under ? `a[href^=${cssString(`${href}/`)} i]` : `a[href=${cssString(`${href}/`)} i]`, `a[href^=${cssString(`${href}/?`)} i]`);
    }
  }
  return selectors.join(', ');
}

/**
 * A small card that shows one person, for the feed stylesheet at reach 'mentions' (a "Suggested
 * for you" card, a hover card): an element with a link to them and a button as its own children.
 * `links` is a selector from `linksTo`.
 */
export function cardOf(links: string): string {
  return `:is(div, li, aside):has(> :is(${links})):has(> :is(button, [role="button"]))`;
}
