/**
 * Bluesky (bsky.app). Facts and confidence levels: docs/sites/bluesky.md, read in the web
 * client's own source (bluesky-social/social-app): its `testID` props render as `data-testid`.
 */
import type { ContactAccount, ControlRule, FeedReach, Handle, PageRef, SelfCheck } from './site-adapter';
import { definePage, defineSite } from './site-adapter';
import { cssString } from './css-string';
import { addRef, cardOf, cleanHandle, firstProfileRef, linkReader, linksTo, normalizeHost } from './kit';

// Bluesky, seen 2026-08: a handle is a domain name (dot-separated labels of letters, digits and
// hyphens; the last label starts with a letter; at most 253 characters), compared without case.
// Source: docs/sites/bluesky.md (social-app src/lib/strings/handles.ts @a4c4e9ae)
const HANDLE_PATTERN = /^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/;
const MAX_HANDLE_LENGTH = 253;

// Bluesky, seen 2026-08: a profile link may carry a DID instead of a handle (`did:plc:<24 base32>`
// or `did:web:<domain>`); the DID never changes, so it is the stable id.
// Source: docs/sites/bluesky.md (social-app src/lib/routes/links.ts @9a542b76)
const DID_PATTERN = /^did:(plc:[a-z2-7]{24}|web:[a-z0-9.%-]+)$/;

const HOST = 'bsky.app';

function parseHandle(raw: string): Handle | undefined {
  const handle = cleanHandle(raw).toLowerCase();
  if (handle.length > MAX_HANDLE_LENGTH || !HANDLE_PATTERN.test(handle)) return undefined;
  return handle as Handle;
}

function parseDid(raw: string): string | undefined {
  const did = raw.trim().toLowerCase();
  return DID_PATTERN.test(did) ? did : undefined;
}

/** A `:name` route segment: a handle or a DID. */
function parseName(raw: string): Pick<PageRef, 'handle' | 'stableId'> | undefined {
  let name: string;
  try {
    name = decodeURIComponent(raw);
  } catch {
    return undefined;
  }
  const stableId = parseDid(name);
  if (stableId) return { stableId };
  const handle = parseHandle(name);
  return handle ? { handle } : undefined;
}

function parseUrl(url: URL): PageRef | undefined {
  if (normalizeHost(url.hostname) !== HOST) return undefined;
  const segments = url.pathname.split('/').filter(Boolean);
  const [first, second, third, fourth] = segments;
  // Bluesky, seen 2026-08: every route about a person starts with `/profile/:name`: tabs
  // (followers, follows, known-followers, lists, feed, rss) and posts `/profile/:name/post/:rkey`
  // (+ liked-by, reposted-by, quotes). Only `profile` names someone, so no reserved list is needed.
  // Source: docs/sites/bluesky.md (social-app src/routes.ts @706613b7)
  if (first === 'profile' && second) {
    const person = parseName(second);
    if (!person) return undefined;
    return { kind: third === 'post' && fourth ? 'post' : 'profile', ...person };
  }
  // Bluesky, seen 2026-08: starter packs `/start/:name/:rkey` and `/starter-pack/:name/:rkey` are
  // made by one person. Source: docs/sites/bluesky.md (src/routes.ts)
  if ((first === 'start' || first === 'starter-pack') && second && third) {
    const person = parseName(second);
    return person ? { kind: 'profile', ...person } : undefined;
  }
  // Bluesky, seen 2026-08: a DM thread `/messages/:conversation` has an opaque id; whose it is comes
  // from the page. `/messages/settings` and `/messages/inbox` are app screens (UNVERIFIED names).
  // Source: docs/sites/bluesky.md
  if (first === 'messages' && second && second !== 'settings' && second !== 'inbox') return { kind: 'messages' };
  return undefined;
}

const refFromHref = linkReader(parseUrl, `https://${HOST}/`);

// Bluesky, seen 2026-08: feed items are `feedItem-by-<handle>` (home, custom feeds, profile feed,
// search), thread posts `postThreadItem-by-<handle>`; the suffix is the author, also for reposts.
// Source: docs/sites/bluesky.md (PostFeedItem.tsx @8889598d; __e2e__/flows/thread-screen.yml)
const FEED_ITEM_PREFIXES = ['feedItem-by-', 'postThreadItem-by-'];

function authorsOf(item: Element): PageRef[] {
  const refs: PageRef[] = [];
  const testId = item.getAttribute('data-testid') ?? '';
  const prefix = FEED_ITEM_PREFIXES.find((p) => testId.startsWith(p));
  const fromTestId = prefix ? parseName(testId.slice(prefix.length)) : undefined;
  // The item's own post link names the author too (by DID where the handle is invalid): one person.
  const ownPost = refFromHref(item.getAttribute('href'));
  const author = ownPost?.kind === 'post' ? { ...ownPost, ...fromTestId } : fromTestId;
  addRef(refs, author);
  // Bluesky, seen 2026-08: a repost shows "Reposted by <name>" above the post, and its link to the
  // reposter is the item's first profile link, before the author's avatar; without a repost the first
  // profile link is the author's own. Mentions in the text (inside `contentHider-post`) are not the
  // item's people. A quote embeds the quoted post with its own `/profile/<h>/post/<rkey>` link.
  // Source: docs/sites/bluesky.md (PostFeedItem.tsx @8889598d; the quote embed's hook is L)
  const links = [...item.querySelectorAll('a[href]')].filter((link) => !link.closest('[data-testid="contentHider-post"]'));
  addRef(refs, links.map((link) => refFromHref(link.getAttribute('href'))).find((ref) => ref?.kind === 'profile'));
  for (const link of links) {
    const ref = refFromHref(link.getAttribute('href'));
    if (ref?.kind === 'post') addRef(refs, ref);
  }
  return refs;
}

/**
 * Everything in an item that `authorsOf` could read this account from: a test id or a link
 * containing the handle or the DID (any case), or a percent-encoded one (names are decoded before
 * parsing).
 */
function mentionSelector({ handle, stableId }: ContactAccount): string {
  return [handle, stableId]
    .filter((name): name is string => Boolean(name))
    .flatMap((name) => [`[data-testid*=${cssString(name)} i]`, `[href*=${cssString(name)} i]`])
    .concat('[data-testid*="%"]', '[href*="%"]')
    .join(', ');
}

/**
 * The items to hide for one account, as exact CSS (the user-origin feed stylesheet). Their own:
 * the item's test id names them (their posts and their reposted posts), or a link to them or to
 * one of their posts sits outside the post's text (the "Reposted by" line, a quoted post). At
 * 'mentions', also any item with a link to them, the text included, and a card showing them.
 */
function hideSelectors({ handle, stableId }: ContactAccount, reach: FeedReach): string[] {
  const names = [handle, ...(stableId ? [stableId] : [])];
  const paths = names.map((name) => `/profile/${name}`);
  const origins = [`https://${HOST}`];
  const toTheirs = linksTo(paths, origins, { under: true });
  const items = FEED_ITEM_PREFIXES.map((prefix) => `[data-testid^="${prefix}"]`).join(', ');
  const own = [
    ...FEED_ITEM_PREFIXES.flatMap((prefix) => names.map((name) => `[data-testid=${cssString(`${prefix}${name}`)} i]`)),
    `:is(${items}):has(:is(${toTheirs}):not([data-testid="contentHider-post"] a))`,
  ];
  return reach === 'own' ? own : [...own, `:is(${items}):has(${toTheirs})`, cardOf(linksTo(paths, origins))];
}

function pageOwner(doc: Document): PageRef | undefined {
  const path = doc.location?.pathname ?? '';
  if (!path.startsWith('/messages/')) return undefined;
  // Bluesky, seen 2026-08: a DM thread's header links to the other person's profile. The header's
  // hook is UNVERIFIED, so the first profile link of the page's main landmark is taken.
  // Source: docs/sites/bluesky.md (DMs, U)
  const options = { selector: 'a[href^="/profile/"]', byStableIdToo: true };
  const ref = firstProfileRef(doc.querySelector('main'), refFromHref, options) ?? firstProfileRef(doc, refFromHref, { ...options, selector: 'a[href^="/profile/"][role="link"]' });
  return ref ? { ...ref, kind: 'messages' } : undefined;
}

// Each entry: what it matches, and where it is documented (all `testID`s from social-app, H unless marked).
const CONTROLS: readonly ControlRule[] = [
  // Bluesky, seen 2026-08: reply button. Source: docs/sites/bluesky.md (src/components/PostControls/index.tsx @cf434442)
  { action: 'reply', selector: '[data-testid="replyBtn"]' },
  // Bluesky, seen 2026-08: like button; the same button unlikes, which tells no one anything new, but
  // the testid does not change, so both are paused. Source: docs/sites/bluesky.md (PostControls/index.tsx)
  { action: 'like', selector: '[data-testid="likeBtn"]' },
  // Bluesky, seen 2026-08: "Repost or quote post" opens a menu with Repost and Quote items; the
  // trigger covers both, the items are guarded in case the menu is open. Source: docs/sites/bluesky.md
  // (src/components/PostControls/RepostButton.web.tsx @8b461932)
  { action: 'repost', selector: '[data-testid="repostBtn"]' },
  { action: 'repost', selector: '[data-testid="repostDropdownRepostBtn"]' },
  { action: 'quote', selector: '[data-testid="repostDropdownQuoteBtn"]' },
  // Bluesky, seen 2026-08: share button (`postShareBtn`; older builds `shareBtn`). Its menu can send
  // the post in a chat. Source: docs/sites/bluesky.md (PostControls; older PostCtrls.tsx @25f8506c)
  { action: 'share', selector: '[data-testid="postShareBtn"]' },
  { action: 'share', selector: '[data-testid="shareBtn"]' },
  // Bluesky, seen 2026-08: profile header follow button. The small "+" on feed avatars is UNVERIFIED
  // and not listed. Source: docs/sites/bluesky.md (src/screens/Profile/Header/ProfileHeaderStandard.tsx @b4147736)
  { action: 'follow', selector: '[data-testid="followBtn"]' },
  // Bluesky, seen 2026-08: profile "Message" button. Source: docs/sites/bluesky.md
  // (src/components/dms/MessageProfileButton.tsx @3e68c116)
  { action: 'message', selector: '[data-testid="dmBtn"]' },
];

// ---- self-check (issue 12): what a working page shows ----------------------------------------
// Bluesky, seen 2026-11: the home feed is `/`; a post shows its like button (its URL names the author). Source: docs/sites/bluesky.md
const SELF_CHECK: SelfCheck = {
  feedPaths: ['/'],
  expects: [
    { on: 'feed', finds: 'feed-items' },
    { on: 'post', finds: 'like' },
  ],
};

/** What the site's pages need: the guard's first stage here carries this and the engine, nothing else (modules/site-bundles.ts). */
export const page = definePage({
  id: 'bluesky',
  parseUrl,
  normalizeHandle: parseHandle,
  pageOwner,
  feedItem: {
    selector: FEED_ITEM_PREFIXES.map((prefix) => `[data-testid^="${prefix}"]`).join(', '),
    authors: authorsOf,
    mentionSelector,
  },
  controls: CONTROLS,
  selfCheck: SELF_CHECK,
});

/** The whole site: the page part, plus what only the background and the extension's pages read. */
export const blueskyAdapter = defineSite(page, {
  label: 'Bluesky',
  hosts: [HOST],
  matches: ['*://bsky.app/*'],
  profileUrl: (handle) => `https://${HOST}/profile/${handle}`,
  hideSelectors,
});

export default blueskyAdapter;
