/**
 * Threads (www.threads.com, formerly threads.net). Facts and confidence levels: docs/sites/threads.md.
 * Every person URL names the handle after an '@' (`/@<handle>`, `/@<handle>/post/<code>`), so URLs
 * decide nearly everything and no reserved list is needed. The markup hooks are link shapes, the
 * pressable post container and the English `aria-label`s of the action icons; class names are
 * generated and never used.
 *
 * What cannot be prevented (said plainly in the README): nothing known tells the other person that
 * their profile or post was viewed; likes, replies, reposts, quotes and follows notify them, and
 * those controls are stopped. Other languages' labels are not covered.
 */
import type { Action, ContactAccount, ControlRule, FeedReach, Handle, PageRef } from './site-adapter';
import { defineSite } from './site-adapter';
import { cssString } from './css-string';
import { actionByButtonText, addRef, buttonAroundIcon, cardOf, cleanHandle, firstProfileRef, linkReader, linksTo, normalizeHost } from './kit';

// Threads, seen 2026-03: a Threads profile is made from an Instagram account and uses its username:
// 1–30 letters, digits, '.' and '_', no leading, trailing or repeated dot; case-insensitive.
// Source: docs/sites/threads.md (Handles)
const HANDLE_PATTERN = /^(?!\.)(?!.*\.\.)(?!.*\.$)[a-z0-9._]{1,30}$/;

// Threads, seen 2026-08: www.threads.com since April 2025; threads.net redirects there and both
// serve the app. Source: docs/sites/threads.md (Hosts)
const APP_HOSTS = new Set(['threads.com', 'www.threads.com', 'threads.net', 'www.threads.net']);

// Threads, seen 2026-03: post codes are base64url-like, like Instagram's shortcodes.
// Source: docs/sites/threads.md (URL shapes)
const POST_CODE_PATTERN = /^[A-Za-z0-9_-]{5,64}$/;

function parseHandle(raw: string): Handle | undefined {
  const handle = cleanHandle(raw).toLowerCase();
  return HANDLE_PATTERN.test(handle) ? (handle as Handle) : undefined;
}

function parseUrl(url: URL): PageRef | undefined {
  if (!APP_HOSTS.has(normalizeHost(url.hostname))) return undefined;
  const [first, second, third] = url.pathname.split('/').filter(Boolean);
  // Threads, seen 2026-03: every page about a person starts with `/@<handle>`; home, for_you,
  // following, search, activity, saved, liked and settings do not, and name no one.
  // Source: docs/sites/threads.md (URL shapes; bobbin-threads-filter threads-feed-adapter.js)
  if (!first?.startsWith('@')) return undefined;
  const handle = parseHandle(first.slice(1));
  if (!handle) return undefined;
  // Threads, seen 2026-03: `/@<handle>/post/<code>` (+ `/media`…) is one post; the handle is its author.
  if (second?.toLowerCase() === 'post') return third && POST_CODE_PATTERN.test(third) ? { kind: 'post', handle } : { kind: 'profile', handle };
  // Tabs (replies, reposts, media) and any unknown sub-page are about that person: the safe side.
  return { kind: 'profile', handle };
}

const refFromHref = linkReader(parseUrl, 'https://www.threads.com/');

// Threads, seen 2026-01: each post (in feeds, on a profile, in a thread view and its replies) is a
// `div[data-pressable-container="true"]`; there are no <article> elements. Several independent
// public tools select it. Source: docs/sites/threads.md (Feed items)
const FEED_ITEM_SELECTOR = 'div[data-pressable-container="true"]';

/** The post permalinks in an item, in document order: the first is the item's own. */
const PERMALINKS = 'a[href*="/post/"]';

function authorsOf(item: Element): PageRef[] {
  const refs: PageRef[] = [];
  // Threads, seen 2026-03: the author is the handle of the item's first post permalink (the link
  // around its <time>); a quoted post inside the item has its own permalink, which comes after.
  // Display names and avatars are not identities. Source: docs/sites/threads.md (Feed items; bobbin)
  for (const link of item.querySelectorAll(PERMALINKS)) {
    const ref = refFromHref(link.getAttribute('href'));
    if (ref?.kind === 'post') addRef(refs, ref);
  }
  // Without a permalink (a post still rendering), the first profile link is the author's avatar.
  if (refs.length === 0) addRef(refs, firstProfileRef(item, refFromHref));
  return refs;
}

/**
 * Everything in an item that `authorsOf` could read this account from: a link containing the handle
 * (any case), plus any percent-encoded link and any link with a tab or line break, which the URL
 * parser drops from inside a name. The numeric user id is never read, so `stableId` plays no part.
 */
function mentionSelector({ handle }: ContactAccount): string {
  return [`a[href*=${cssString(handle)} i]`, 'a[href*="%"]', ...['\t', '\n', '\r'].map((char) => `a[href*=${cssString(char)}]`)].join(', ');
}

/**
 * The items to hide for one account, as exact CSS (the user-origin feed stylesheet). Their own: an
 * item with a permalink to one of their posts (their post, or a post quoting theirs), and an item
 * with no permalink yet whose links lead to them. At 'mentions', also any item with a link to them
 * (a mention, a reply to them) and a "Suggested for you" card showing them.
 */
function hideSelectors({ handle }: ContactAccount, reach: FeedReach): string[] {
  const origins = [...APP_HOSTS].map((host) => `https://${host}`);
  const paths = [`/@${handle}`];
  const toProfile = linksTo(paths, origins);
  const toPosts = ['', ...origins].map((origin) => `a[href^=${cssString(`${origin}/@${handle}/post/`)} i]`).join(', ');
  const own = [`${FEED_ITEM_SELECTOR}:has(${toPosts})`, `${FEED_ITEM_SELECTOR}:not(:has(${PERMALINKS})):has(${toProfile})`];
  return reach === 'own' ? own : [...own, `${FEED_ITEM_SELECTOR}:has(${linksTo(paths, origins, { under: true })})`, cardOf(toProfile)];
}

const aroundIcon = buttonAroundIcon;

// Each entry: what it matches, and where it is documented. English labels only: other languages are
// not covered. Undo controls (Unlike) are left alone: undoing tells the other person nothing new.
const CONTROLS: readonly ControlRule[] = [
  // Threads, seen 2026-03: the like icon `svg[aria-label="Like"]` ("Unlike" once liked) in a
  // `[role="button"]`, whose own label or text may add the count. Source: docs/sites/threads.md (Controls, M)
  { action: 'like', selector: 'svg[aria-label="Like"]' },
  { action: 'like', selector: aroundIcon('Like') },
  // Threads, seen 2026-03: reply icon; it opens the composer. Source: docs/sites/threads.md (Controls, M)
  { action: 'reply', selector: 'svg[aria-label="Reply"]' },
  { action: 'reply', selector: aroundIcon('Reply') },
  // Threads, seen 2026-03: the repost icon opens a menu with Repost and Quote, so stopping the
  // trigger covers both. Source: docs/sites/threads.md (Controls, M; the menu U)
  { action: 'repost', selector: 'svg[aria-label="Repost"]' },
  { action: 'repost', selector: aroundIcon('Repost') },
  // Threads, seen 2026-03: the share icon; its menu can send the post by Instagram DM.
  // Source: docs/sites/threads.md (Controls, M)
  { action: 'share', selector: 'svg[aria-label="Share"]' },
  { action: 'share', selector: aroundIcon('Share') },
];

// Threads, seen 2026-03: Follow is known by its text ("Follow", "Follow back") on profiles, in the
// activity view and on "Suggested for you" cards; the Repost menu's items read "Repost" and "Quote"
// (UNVERIFIED: the menu's markup). English only. Source: docs/sites/threads.md (Controls, M/U)
const ACTION_BY_BUTTON_TEXT: ReadonlyMap<string, Action> = new Map([
  ['follow', 'follow'],
  ['follow back', 'follow'],
  ['repost', 'repost'],
  ['quote', 'quote'],
]);

const classifyControl = (path: readonly Element[]) => actionByButtonText(path, ACTION_BY_BUTTON_TEXT, ['button', 'menuitem']);

export const threadsAdapter = defineSite({
  id: 'threads',
  label: 'Threads',
  hosts: ['threads.com', 'threads.net'],
  matches: ['*://*.threads.com/*', '*://*.threads.net/*'],
  parseUrl,
  normalizeHandle: parseHandle,
  profileUrl: (handle) => `https://www.threads.com/@${handle}`,
  feedItem: { selector: FEED_ITEM_SELECTOR, authors: authorsOf, mentionSelector, hideSelectors },
  controls: CONTROLS,
  classifyControl,
  // Threads, seen 2026-03: a Threads account is made from an Instagram account with the same
  // username. Source: docs/sites/threads.md (Handles)
  sameHandleAs: 'instagram',
  // Threads, seen 2026-03: nothing known tells someone that their profile or posts were viewed.
  // Source: docs/sites/threads.md (What the other person is told, M)
});

export default threadsAdapter;
