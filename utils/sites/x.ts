/**
 * X (x.com, formerly twitter.com). Facts and confidence levels: docs/sites/x.md, mostly from
 * insin/control-panel-for-twitter (CPFT) v4.24.0 `script.js` @0962235a (2026-08-17).
 */
import type { ContactAccount, ControlRule, FeedReach, Handle, PageRef, SelfCheck, ShortcutRule } from './site-adapter';
import { definePage, defineSite } from './site-adapter';
import { cssString } from './css-string';
import type { LocalizedLabel } from './kit';
import { addRef, ariaLabelSelector, cleanHandle, firstProfileRef, linkReader, linksTo, normalizeHost } from './kit';

// X, seen 2026-08: handles are 1–15 of [A-Za-z0-9_]; CPFT accepts 1–20 to be safe, and so do we.
// Source: docs/sites/x.md (CPFT script.js @0962235a)
const HANDLE_PATTERN = /^[a-z0-9_]{1,20}$/;
const NUMERIC_ID_PATTERN = /^\d{1,25}$/;

/** The hosts parseUrl answers for. Other subdomains (developer.x.com, help.x.com…) are not the app. */
const APP_HOSTS = new Set(['x.com', 'www.x.com', 'mobile.x.com', 'twitter.com', 'www.twitter.com', 'mobile.twitter.com']);

// X, seen 2026-08: first path segments that are app routes, never a handle. Not an official list:
// compiled from CPFT's page paths and public userscripts. Source: docs/sites/x.md
const RESERVED_FIRST_SEGMENTS = new Set([
  'home', 'explore', 'notifications', 'messages', 'i', 'settings', 'search', 'compose', 'login', 'logout',
  'signup', 'tos', 'privacy', 'jobs', 'premium', 'hashtag', 'intent', 'share', 'account', 'download',
]);

const STATUS_SEGMENTS = new Set(['status', 'statuses']);

/**
 * Origins a link to a person inside X's pages may carry besides none. X writes its own links
 * relative; a link in a post's text goes through t.co. Each origin adds to every post's style work.
 */
const X_ORIGINS = ['https://x.com', 'https://twitter.com'];

function parseHandle(raw: string): Handle | undefined {
  const handle = cleanHandle(raw).toLowerCase();
  if (!HANDLE_PATTERN.test(handle) || RESERVED_FIRST_SEGMENTS.has(handle)) return undefined;
  return handle as Handle;
}

function isAppHost(url: URL): boolean {
  return APP_HOSTS.has(normalizeHost(url.hostname));
}

function parseIntent(segments: readonly string[], params: URLSearchParams): PageRef | undefined {
  // X, seen 2026-08: the public Web Intents follow/user take `screen_name` or `user_id`; like and
  // retweet intents carry only a post id. Source: docs/sites/x.md (Web Intents, M)
  if (segments[1] !== 'follow' && segments[1] !== 'user') return undefined;
  const handle = parseHandle(params.get('screen_name') ?? '');
  const userId = params.get('user_id') ?? '';
  const stableId = NUMERIC_ID_PATTERN.test(userId) ? userId : undefined;
  if (!handle && !stableId) return undefined;
  return { kind: 'profile', ...(handle && { handle }), ...(stableId && { stableId }) };
}

/** `/i/…` routes: a post or a profile by numeric id, and XChat threads. */
function parseAppRoute(segments: readonly string[]): PageRef | undefined {
  const [, second, third, fourth] = segments;
  // X, seen 2026-08: `/i/web/status/<id>` and `/i/status/<id>` name no author until the page renders.
  // Source: docs/sites/x.md
  if (second === 'web' && third === 'status' && fourth && NUMERIC_ID_PATTERN.test(fourth)) return { kind: 'post' };
  if (second === 'status' && third && NUMERIC_ID_PATTERN.test(third)) return { kind: 'post' };
  // X, seen 2026-08: `/i/user/<numeric id>` opens a profile by id (UNVERIFIED). Source: docs/sites/x.md
  if (second === 'user' && third && NUMERIC_ID_PATTERN.test(third)) return { kind: 'profile', stableId: third };
  // X, seen 2026-01: XChat threads are `/i/chat/<id>` (opaque); `/i/chat/pin` is the passcode screen.
  // Source: docs/sites/x.md (CPFT; IsaiahDupree/Safari_Automations, L)
  if (second === 'chat' && third && third !== 'pin') return { kind: 'messages' };
  return undefined;
}

function parseUrl(url: URL): PageRef | undefined {
  if (!isAppHost(url)) return undefined;
  const segments = url.pathname.split('/').filter(Boolean);
  const first = segments[0]?.toLowerCase();
  if (first === undefined) return undefined;
  if (first === 'i') return parseAppRoute(segments);
  if (first === 'intent') return parseIntent(segments, url.searchParams);
  // X, seen 2026-08: legacy DM threads are `/messages/<userId>-<userId>`; the ids are numeric and
  // one of them is ours, so whose thread it is comes from the page. Source: docs/sites/x.md
  if (first === 'messages') {
    const conversation = segments[1];
    return conversation && conversation !== 'compose' ? { kind: 'messages' } : undefined;
  }
  const handle = parseHandle(first);
  if (!handle) return undefined;
  const [, second, third] = segments;
  // X, seen 2026-08: `/<h>/status/<id>` (+ /photo/N, /quotes, /likes…): the handle segment is the author.
  // Source: docs/sites/x.md (CPFT URL regexes)
  if (second && STATUS_SEGMENTS.has(second.toLowerCase())) {
    return third && NUMERIC_ID_PATTERN.test(third) ? { kind: 'post', handle } : { kind: 'profile', handle };
  }
  // Every other path under a handle (tabs such as with_replies, media, likes; followers, lists…) is
  // about that person; unknown future tabs are too, which is the safe side.
  return { kind: 'profile', handle };
}

const refFromHref = linkReader(parseUrl, 'https://x.com/');

/** The numeric user id on an element such as `[data-testid="1234-follow"]`. */
function numericIdOf(element: Element | null): string | undefined {
  const match = /^(\d+)-(?:un)?follow$/.exec(element?.getAttribute('data-testid') ?? '');
  return match?.[1];
}

// X, seen 2026-08: a post is `article[data-testid="tweet"]`; people also appear as user cells
// ("Who to follow", follower lists) and the hover card over a name, both with their own follow
// button. Source: docs/sites/x.md (CPFT Selectors; jordwest/news-feed-eradicator twitter.ts)
const FEED_ITEM_SELECTORS = [
  'article[data-testid="tweet"]',
  '[data-testid="UserCell"]',
  '[data-testid="HoverCard"]',
];

function insideItem(item: Element, element: Element | null | undefined): Element | undefined {
  return element && item.contains(element) ? element : undefined;
}

function authorsOf(item: Element): PageRef[] {
  const refs: PageRef[] = [];
  if (item.matches('article')) {
    // X, seen 2026-08: the author is the permalink around the post's <time> (first in the article; a
    // quoted post's time comes later), then the first `User-Name` link, then the avatar container
    // whose testid ends with the handle. Source: docs/sites/x.md (CPFT; Safari_Automations, M)
    // Only links inside the item: a link around the whole item is not part of the post, and
    // `mentionSelector` looks inside the item only.
    const permalink = insideItem(item, item.querySelector('time')?.closest('a[href]'));
    const fromPermalink = refFromHref(permalink?.getAttribute('href') ?? null);
    addRef(refs, fromPermalink?.handle ? { kind: 'profile', handle: fromPermalink.handle } : undefined);
    const userNames = [...item.querySelectorAll('[data-testid="User-Name"]')];
    addRef(refs, refFromHref(userNames[0]?.querySelector('a[href]')?.getAttribute('href') ?? null));
    const avatar = item.querySelector('[data-testid^="UserAvatar-Container-"]');
    const avatarHandle = parseHandle(avatar?.getAttribute('data-testid')?.slice('UserAvatar-Container-'.length) ?? '');
    addRef(refs, avatarHandle ? { kind: 'profile', handle: avatarHandle } : undefined);
    // X, seen 2026-08: "<name> reposted" sits in `socialContext` with a link to the reposter; a quoted
    // post has its own, second `User-Name`. Source: docs/sites/x.md (CPFT getTweetType)
    const socialContext = item.querySelector('[data-testid="socialContext"]');
    const reposterLink = insideItem(item, socialContext?.closest('a[href]')) ?? socialContext?.querySelector('a[href]');
    addRef(refs, refFromHref(reposterLink?.getAttribute('href') ?? null));
    for (const userName of userNames.slice(1)) addRef(refs, refFromHref(userName.querySelector('a[href]')?.getAttribute('href') ?? null));
    return refs;
  }
  // A user cell or hover card: its first profile link, plus the numeric id on its follow button.
  const stableId = numericIdOf(item.querySelector('[data-testid$="-follow"], [data-testid$="-unfollow"]'));
  const handle = firstProfileRef(item, refFromHref)?.handle;
  addRef(refs, handle || stableId ? { ...(handle && { handle }), ...(stableId && { stableId }) } : undefined);
  return refs;
}

/**
 * Everything in an item that `authorsOf` could read this account from: a link containing the
 * handle or the id anywhere (profile, permalink, intent; any case), a percent-encoded link (intent
 * parameters are decoded before parsing), the avatar container named after the handle, and the
 * follow buttons carrying the id.
 */
function mentionSelector({ handle, stableId }: ContactAccount): string {
  const selectors = [
    `a[href*=${cssString(handle)} i]`,
    'a[href*="%"]',
    `[data-testid^="UserAvatar-Container-"][data-testid*=${cssString(handle)} i]`,
  ];
  if (stableId) {
    selectors.push(
      `a[href*=${cssString(stableId)}]`,
      `[data-testid=${cssString(`${stableId}-follow`)}]`,
      `[data-testid=${cssString(`${stableId}-unfollow`)}]`,
    );
  }
  return selectors.join(', ');
}

/**
 * The items to hide for one account, as exact CSS (the user-origin feed stylesheet). Their own:
 * the places `authorsOf` reads (a `User-Name` link, the permalink around a <time>, the avatar
 * container named after them, the repost line), and a user cell or hover card linking to them (or
 * carrying their follow button). At 'mentions', also any post or card with a link to their
 * profile or one of their posts (a mention in the text, a reply to them).
 */
function hideSelectors({ handle, stableId }: ContactAccount, reach: FeedReach): string[] {
  const paths = [`/${handle}`, ...(stableId ? [`/i/user/${stableId}`] : [])];
  const toProfile = linksTo(paths, X_ORIGINS);
  const post = 'article[data-testid="tweet"]';
  const cards = ':is([data-testid="UserCell"], [data-testid="HoverCard"])';
  const permalinks = ['', ...X_ORIGINS].map((origin) => `a[href^=${cssString(`${origin}/${handle}/status/`)} i]`).join(', ');
  const followIds = stableId ? [`[data-testid=${cssString(`${stableId}-follow`)}]`, `[data-testid=${cssString(`${stableId}-unfollow`)}]`] : [];
  // One :has() per kind of item, its places as one argument list: each new post is then matched
  // against the sheet once, not once per place (style work is the stylesheet's whole cost).
  const own = [
    `${post}:has(${[
      `[data-testid="User-Name"] :is(${toProfile})`,
      `:is(${permalinks}) time`,
      `[data-testid=${cssString(`UserAvatar-Container-${handle}`)} i]`,
      `[data-testid="socialContext"] :is(${toProfile})`,
      `:is(${toProfile}) [data-testid="socialContext"]`,
    ].join(', ')})`,
    `${cards}:has(${[toProfile, ...followIds].join(', ')})`,
  ];
  if (reach === 'own') return own;
  const toTheirs = linksTo(paths, X_ORIGINS, { under: true });
  return [...own, `:is(${post}, ${cards}):has(${toTheirs})`];
}

function pageOwner(doc: Document): PageRef | undefined {
  const path = doc.location?.pathname ?? '';
  const statusId = /\/status\/(\d+)/.exec(path)?.[1];
  if (statusId) {
    // A post opened by id alone: its permalink (the link around a <time>) names the author.
    for (const time of doc.querySelectorAll('article[data-testid="tweet"] time')) {
      const href = time.closest('a[href]')?.getAttribute('href') ?? '';
      if (!href.includes(`/status/${statusId}`)) continue;
      const ref = refFromHref(href);
      if (ref?.handle) return { kind: 'post', handle: ref.handle };
    }
    return undefined;
  }
  // X, seen 2026-08: a DM thread's header is `dm-conversation-header` (legacy) with a link to the
  // other person's profile (the link is UNVERIFIED). Source: docs/sites/x.md (CPFT testids)
  const header = doc.querySelector('[data-testid="dm-conversation-header"]');
  const handle = firstProfileRef(header, refFromHref)?.handle;
  return handle ? { kind: 'messages', handle } : undefined;
}

// X, seen 2026-12: the share button is the one control in a post's action bar known only by its
// label, here in each interface language. Every form, with its source and confidence, is in
// docs/sites/x.md (Languages). Source: docs/sites/x.md (Languages, U)
const SHARE_LABEL: LocalizedLabel = {
  en: ['Share post'],
  es: ['Compartir post'],
  pt: ['Compartilhar post'],
  fr: ['Partager le post'],
  de: ['Post teilen'],
};

// Each entry: what it matches, and where it is documented. Undo buttons (unlike, unretweet,
// unfollow) are left alone: undoing tells the other person nothing new.
const CONTROLS: readonly ControlRule[] = [
  // X, seen 2026-08: reply button in a post's action bar. Source: docs/sites/x.md (CPFT, H)
  { action: 'reply', selector: '[data-testid="reply"]' },
  // X, seen 2026-08: like button (becomes `unlike` once liked). Source: docs/sites/x.md (CPFT, H)
  { action: 'like', selector: '[data-testid="like"]' },
  // X, seen 2026-08: the repost button opens a menu with Repost and Quote, so stopping the trigger
  // covers both; the menu items are guarded too in case the menu is already open. The Quote item's
  // testid is UNVERIFIED and not listed. Source: docs/sites/x.md (CPFT checks both names, H)
  { action: 'repost', selector: '[data-testid="retweet"]' },
  { action: 'repost', selector: '[data-testid="retweetConfirm"]' },
  { action: 'repost', selector: '[data-testid="repostConfirm"]' },
  // X, seen 2026-08: the share button has no documented testid; its aria-label ("Share post") is
  // matched in en, es, pt, fr and de. Source: docs/sites/x.md (L; Languages, U)
  { action: 'share', selector: `[data-testid="tweet"] [role="group"] :is(${ariaLabelSelector('button', SHARE_LABEL)})` },
  // X, seen 2026-08: follow buttons are `<numericUserId>-follow` on profiles, user cells and hover
  // cards. Source: docs/sites/x.md (CPFT `[data-testid$="-follow"]`, H)
  { action: 'follow', selector: '[data-testid$="-follow"]' },
  // X, seen 2026-01: the "Message" button on a profile. Source: docs/sites/x.md (several scrapers, M)
  { action: 'message', selector: '[data-testid="sendDMFromProfile"]' },
];

// X, seen 2026-08: single-key shortcuts act on the focused post (moved with j/k). Source:
// docs/sites/x.md (X Help keyboard shortcuts, via public shortcut datasets, M)
const SHORTCUTS: readonly ShortcutRule[] = [
  { key: 'l', action: 'like' },
  { key: 'r', action: 'reply' },
  { key: 't', action: 'repost' },
  { key: 'm', action: 'message' },
  { key: 's', action: 'share' },
];

// ---- self-check (issue 12): what a working page shows ----------------------------------------
// X, seen 2026-11: the home timeline is `/home`; a post shows its like button; a post by id names its author in the page. Source: docs/sites/x.md
const SELF_CHECK: SelfCheck = {
  feedPaths: ['/home'],
  expects: [
    { on: 'feed', finds: 'feed-items' },
    { on: 'post', finds: 'like' },
    { on: 'post', finds: 'owner' },
  ],
};

/** What the site's pages need: the guard's first stage here carries this and the engine, nothing else (modules/site-bundles.ts). */
export const page = definePage({
  id: 'x',
  parseUrl,
  normalizeHandle: parseHandle,
  pageOwner,
  feedItem: { selector: FEED_ITEM_SELECTORS.join(', '), authors: authorsOf, mentionSelector },
  controls: CONTROLS,
  shortcuts: SHORTCUTS,
  // X, seen 2026-08: opening a thread with unread messages can show them "Seen" when read receipts
  // are on. Source: docs/sites/x.md (X Help, Direct Messages, M)
  visibleToThem: { messages: 'read-receipts' },
  selfCheck: SELF_CHECK,
});

/** The whole site: the page part, plus what only the background and the extension's pages read. */
export const xAdapter = defineSite(page, {
  label: 'X (Twitter)',
  hosts: ['x.com', 'twitter.com'],
  // X, seen 2026-08: `*.x.com` covers the bare host too. Source: docs/sites/x.md (Hosts)
  matches: ['*://*.x.com/*', '*://*.twitter.com/*'],
  profileUrl: (handle) => `https://x.com/${handle}`,
  hideSelectors,
});

export default xAdapter;
