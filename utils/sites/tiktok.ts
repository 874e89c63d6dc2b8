/**
 * TikTok (www.tiktok.com). Facts and confidence levels: docs/sites/tiktok.md.
 * Every person URL starts with `/@<handle>` (profiles, videos, photo posts, lives), so URLs decide
 * the pages and no reserved list is needed. The markup hooks are TikTok's own `data-e2e` test
 * attributes, which do not depend on the interface language; class names are generated and never
 * used, apart from one readable comment-wrapper name that several tools match. Labels are read only
 * where no `data-e2e` hook is known (Follow/Following texts, a comment's Reply, the share panel's
 * Repost), in English, Spanish, Portuguese, French and German.
 *
 * What cannot be prevented (said plainly in the README):
 * - The For You and Following feeds play videos in place and the URL may not change: a guarded
 *   person's video can play in the feed (their post view history may then list the view). Feed
 *   hiding removes their items; controls on an item belong to that item's author.
 * - Profile and post view history are mutual opt-ins we cannot see, so viewing their profile or a
 *   post of theirs MAY tell them: full loads are redirected before the request leaves
 *   (contactRequestRegexes), in-app moves are stopped at the click, and the words say "may".
 * - A conversation is picked inside `/messages` and its header says whose it is only once it
 *   renders; the conversation list shows display names, not handles, so that click is not stopped.
 */
import type { Action, ContactAccount, ControlRule, FeedReach, Handle, PageRef, SelfCheck } from './site-adapter';
import { definePage, defineSite } from './site-adapter';
import { cssString } from './css-string';
import { actionByButtonText, addRef, cardOf, cleanHandle, decodeSegment, linkReader, linksTo, normalizeHost } from './kit';

// TikTok, seen 2026-01: usernames are letters, digits, '_' and '.'; the length limit is given as 24
// or 30 by different sources, so up to 30 are accepted; case-insensitive (stored lower-case).
// Source: docs/sites/tiktok.md (Handles, M/L)
const HANDLE_PATTERN = /^[a-z0-9_.]{1,30}$/;

// TikTok, seen 2026-01: www. and the bare host serve the web app; m. is the legacy mobile host (U).
// vm./vt. short links are opaque redirects to these. Source: docs/sites/tiktok.md (Hosts, M)
const APP_HOSTS = new Set(['tiktok.com', 'www.tiktok.com', 'm.tiktok.com']);

// TikTok, seen 2026-01: video and photo post ids are long decimal numbers.
// Source: docs/sites/tiktok.md (URL shapes, M)
const POST_ID_PATTERN = /^\d{5,30}$/;
const POST_SEGMENTS = new Set(['video', 'photo']);

function parseHandle(raw: string): Handle | undefined {
  const handle = cleanHandle(raw).toLowerCase();
  return HANDLE_PATTERN.test(handle) ? (handle as Handle) : undefined;
}

function parseUrl(url: URL): PageRef | undefined {
  if (!APP_HOSTS.has(normalizeHost(url.hostname))) return undefined;
  const [rawFirst, second, third] = url.pathname.split('/').filter(Boolean);
  // A percent-encoded name (`/%40sam`, `/@%73am`) is served as the same profile: decode first, so
  // such a link is no way around the guard.
  const first = decodeSegment(rawFirst ?? '');
  // TikTok, seen 2026-01: every page about a person starts with `/@<handle>`; /foryou, /following,
  // /explore, /search, /tag, /music, /messages and the rest do not, and name no one.
  // Source: docs/sites/tiktok.md (URL shapes, M)
  if (first === undefined || !first.startsWith('@')) return first?.toLowerCase() === 'messages' ? { kind: 'messages' } : undefined;
  const handle = parseHandle(first.slice(1));
  if (!handle) return undefined;
  // TikTok, seen 2026-01: `/@<handle>/video/<id>` and `/@<handle>/photo/<id>` are one post by them.
  // Source: docs/sites/tiktok.md (URL shapes, M)
  if (second && POST_SEGMENTS.has(second.toLowerCase()) && third && POST_ID_PATTERN.test(third)) return { kind: 'post', handle };
  // Their live (`/@<handle>/live`), a tab, or an unknown sub-page is about them too: the safe side.
  return { kind: 'profile', handle };
}

const refFromHref = linkReader(parseUrl, 'https://www.tiktok.com/');

// Feed items, each with what it matches and where it is documented.
const FEED_ITEM_SELECTORS = [
  // TikTok, seen 2026-01: one video in the For You and Following feeds (an `article` or a `div`).
  // Source: docs/sites/tiktok.md (Feed items; Safari_Automations, several scrapers, M)
  '[data-e2e="recommend-list-item-container"]',
  // TikTok, seen 2026-01: a card in the Explore grid. Source: docs/sites/tiktok.md (Feed items, M/L)
  '[data-e2e="explore-item"]',
  // TikTok, seen 2026-01: a comment (and a reply, nested inside its comment). The readable part of
  // the generated class is what Safari_Automations matches. Source: docs/sites/tiktok.md (Comments, M/U)
  '[data-e2e="comment-item"]',
  '[class*="DivCommentItemWrapper"]',
];
const FEED_ITEM_SELECTOR = FEED_ITEM_SELECTORS.join(', ');

// TikTok, seen 2026-01: a caption's @mentions link to other people; they are not the author.
// Source: docs/sites/tiktok.md (Feed items, M)
const CAPTION = '[data-e2e="video-desc"], [data-e2e="browse-video-desc"], [data-e2e="comment-level-1"], [data-e2e="comment-level-2"]';

// TikTok, seen 2026-01: the author's handle as text (`video-author-uniqueid`, the detail view's
// `browse-username`, a comment's `comment-username-<level>`): read only when the item has no link to
// a person at all. Source: docs/sites/tiktok.md (Feed items, M)
const HANDLE_TEXT = '[data-e2e="video-author-uniqueid"], [data-e2e="browse-username"], [data-e2e="comment-username-1"], [data-e2e="comment-username-2"]';

/** Whether `element` belongs to `item` itself rather than to an item nested in it (a reply) or a caption. */
function isItemsOwn(element: Element, item: Element): boolean {
  return element.closest(FEED_ITEM_SELECTOR) === item && !element.closest(CAPTION);
}

function authorsOf(item: Element): PageRef[] {
  const refs: PageRef[] = [];
  // TikTok, seen 2026-01: the author's avatar link `a[data-e2e="video-author-avatar"]` (`/@<handle>`)
  // comes first; otherwise the item's first own link to a person or to one of their posts (a profile
  // grid tile, an Explore card). Display names and avatars are not identities.
  // Source: docs/sites/tiktok.md (Feed items, M)
  const links = [...item.querySelectorAll('a[data-e2e="video-author-avatar"]'), ...item.querySelectorAll('a[href]')];
  for (const link of links) {
    if (!isItemsOwn(link, item)) continue;
    const ref = refFromHref(link.getAttribute('href'));
    if (ref?.handle) {
      addRef(refs, ref);
      return refs;
    }
  }
  for (const text of item.querySelectorAll(HANDLE_TEXT)) {
    if (!isItemsOwn(text, item)) continue;
    addRef(refs, { handle: parseHandle(text.textContent ?? '') });
    if (refs.length > 0) return refs;
  }
  return refs;
}

/**
 * Everything in an item that `authorsOf` could read this account from: a link containing the handle
 * (any case), a percent-encoded link (links are decoded before parsing), a link with a tab or line
 * break (the URL parser drops those from inside a name), and, for an item with no link to anyone,
 * the item itself (its handle is then read from text). The numeric user id never appears in web
 * URLs, so `stableId` plays no part.
 */
function mentionSelector({ handle }: ContactAccount): string {
  return [
    `a[href*=${cssString(handle)} i]`,
    'a[href*="%"]',
    ...['\t', '\n', '\r'].map((char) => `a[href*=${cssString(char)}]`),
    ...FEED_ITEM_SELECTORS.map((selector) => `${selector}:not(:has(a[href*="@"]))`),
  ].join(', ');
}

/** Items nested `depth` deep (1: any item; 2: an item inside an item), as a descendant chain. */
const nestedItems = (depth: number) => Array.from({ length: depth }, () => `:is(${FEED_ITEM_SELECTOR})`).join(' ');

// TikTok, seen 2026-01: a reply is an item inside its comment, one level down; three levels are
// covered. Source: docs/sites/tiktok.md (Comments, M/U)
const NESTING_DEPTHS = [1, 2, 3];

/**
 * The items to hide for one account, as exact CSS (the user-origin feed stylesheet). Their own: a
 * feed video whose author avatar links to them (and no avatar to anyone else: `authorsOf` reads the
 * avatar first), and any item (a comment, a reply, an Explore card) whose own links to people all
 * lead to them, with at least one: its first own link to a person, the one `authorsOf` reads, is
 * then theirs. An item's own links are those outside its caption and outside the items nested in
 * it; CSS tells them apart by depth (an item `d` items deep owns the links that are not `d + 1`
 * deep). A link to a person always holds an '@' or, percent-encoded, a '%'. At 'mentions', also
 * any item with a link to them (a caption mention, a reply of theirs) and a card showing them.
 */
function hideSelectors({ handle }: ContactAccount, reach: FeedReach): string[] {
  const origins = [...APP_HOSTS].map((host) => `https://${host}`);
  const toTheirs = linksTo([`/@${handle}`], origins, { under: true });
  const avatar = 'a[data-e2e="video-author-avatar"]';
  const own = [
    `[data-e2e="recommend-list-item-container"]:has(${avatar}:is(${toTheirs})):not(:has(${avatar}:not(${toTheirs})))`,
    ...NESTING_DEPTHS.map((depth) => {
      const notOwn = `:is(${nestedItems(depth + 1)} a, :is(${CAPTION}) a)`;
      const theirs = `:is(${toTheirs}):not(${notOwn})`;
      const someoneElse = `:is(a[href*="@"]:not(${toTheirs}), a[href*="%"]):not(${notOwn})`;
      return `${nestedItems(depth)}:not(${nestedItems(depth + 1)}):has(${theirs}):not(:has(${someoneElse}))`;
    }),
  ];
  return reach === 'own' ? own : [...own, `:is(${FEED_ITEM_SELECTOR}):has(${toTheirs})`, cardOf(linksTo([`/@${handle}`], origins))];
}

function pageOwner(doc: Document): PageRef | undefined {
  const ref = refFromHref(doc.location?.href);
  if (ref?.kind !== 'messages') return undefined;
  // TikTok, seen 2026-01: the open conversation's header shows the other person's `@handle` in
  // `chat-uniqueid` (beside `chat-nickname`, a display name, and `top-chat-avatar`).
  // Source: docs/sites/tiktok.md (Messages; Safari_Automations TIKTOK_SELECTORS_REFERENCE.md, M)
  const header = doc.querySelector('[data-e2e="chat-uniqueid"]');
  const handle = header ? parseHandle(header.textContent ?? '') : undefined;
  if (handle) return { kind: 'messages', handle };
  const avatarLink = doc.querySelector('[data-e2e="top-chat-avatar"]')?.closest('a[href]');
  const fromLink = refFromHref(avatarLink?.getAttribute('href'));
  return fromLink?.handle ? { kind: 'messages', handle: fromLink.handle } : undefined;
}

/** The icon hook and the button around it: the press may land on either (the count sits in the button). */
const iconAndButton = (...hooks: string[]) =>
  hooks.flatMap((hook) => [`[data-e2e="${hook}"]`, `:is(button, [role="button"]):has([data-e2e="${hook}"])`]).join(', ');

// Each entry: what it matches, and where it is documented. `data-e2e` values are the same in every
// interface language. The feed form and the detail ("browse") form of each hook are both listed.
const CONTROLS: readonly ControlRule[] = [
  // TikTok, seen 2026-01: the heart (`feed-like-icon` in some builds). Source: docs/sites/tiktok.md (Controls, M)
  { action: 'like', selector: iconAndButton('like-icon', 'feed-like-icon', 'browse-like-icon') },
  // TikTok, seen 2026-01: a double tap on the video likes it (the app's well-known gesture). The
  // element under the pointer (the video, or a player layer over it) is not documented, so any
  // double tap inside the feed's video section or the detail player counts.
  // Source: docs/sites/tiktok.md (Controls, U for the web markup)
  {
    action: 'like',
    selector: '[data-e2e="feed-video"], [data-e2e="browse-video"], [data-e2e="recommend-list-item-container"] video',
    gesture: 'double-tap',
  },
  // TikTok, seen 2026-01: the comment icon opens the comments; the composer and its Post button.
  // Source: docs/sites/tiktok.md (Controls; Safari_Automations, M)
  { action: 'comment', selector: iconAndButton('comment-icon', 'browse-comment-icon') },
  { action: 'comment', selector: '[data-e2e="comment-input"], [data-e2e="comment-text"], [data-e2e="comment-post"]' },
  // TikTok, seen 2026-01: the share icon opens a panel with Repost and "send to friends" (a DM).
  // Source: docs/sites/tiktok.md (Controls, M; the panel U)
  { action: 'share', selector: iconAndButton('share-icon', 'browse-share-icon') },
  // TikTok, seen 2026-01: the "+" on a feed video's avatar. Source: docs/sites/tiktok.md (Controls;
  // several automation tools select button[data-e2e="feed-follow"], M)
  { action: 'follow', selector: '[data-e2e="feed-follow"]' },
  // TikTok, seen 2026-01: Message on a profile. Source: docs/sites/tiktok.md (Controls, M)
  { action: 'message', selector: '[data-e2e="message-button"], [data-e2e="message-icon"]' },
];

// TikTok, seen 2026-01: Follow on a profile and in the detail view (`follow-button`, `browse-follow`)
// keeps its hook once you follow and then reads "Following" or "Friends"; pressing it then unfollows,
// which tells the other person nothing and is one of the quieter steps, so it is left alone.
// Source: docs/sites/tiktok.md (Controls, M; the texts: Labels)
const FOLLOW_HOOK = '[data-e2e="follow-button"], [data-e2e="browse-follow"]';

// Labels, lower-case, in English, Spanish, Portuguese, French and German. TikTok's own translations
// were not seen for most of them: UNVERIFIED, see docs/sites/tiktok.md (Labels) for each one's source.
const FOLLOW_TEXTS = ['follow', 'follow back', 'seguir', 'seguir también', 'seguir de volta', 'suivre', 'suivre en retour', "s'abonner", 's’abonner', 'folgen', 'zurückfolgen'];
const UNDO_FOLLOW_TEXTS = new Set(['following', 'friends', 'siguiendo', 'amigos', 'seguindo', 'abonné', 'abonné(e)', 'amis', 'gefolgt', 'freunde']);
// TikTok, seen 2026-01: controls known only by their text: Follow on suggested accounts, Reply under
// a comment, Repost in the share panel (U). Source: docs/sites/tiktok.md (Controls, Labels)
const ACTION_BY_BUTTON_TEXT: ReadonlyMap<string, Action> = new Map<string, Action>([
  ...FOLLOW_TEXTS.map((text) => [text, 'follow'] as const),
  ...['reply', 'responder', 'répondre', 'antworten'].map((text) => [text, 'reply'] as const),
  ...['repost', 'republicar', 'republier', 'reposten'].map((text) => [text, 'repost'] as const),
]);

const textOf = (element: Element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim().toLowerCase();

function classifyControl(path: readonly Element[]): Action | undefined {
  const follow = path.find((element) => element.matches(FOLLOW_HOOK));
  if (follow) return UNDO_FOLLOW_TEXTS.has(textOf(follow)) ? undefined : 'follow';
  // TikTok, seen 2026-01: a comment's Reply is a `span` or `p` with the text, not a button (U), so
  // inside a comment any short element reading "Reply" counts. Source: docs/sites/tiktok.md (Comments)
  const inComment = path.some((element) => element.matches('[data-e2e="comment-item"], [class*="DivCommentItemWrapper"]'));
  if (inComment) {
    for (const element of path) {
      if (element.matches(FEED_ITEM_SELECTOR)) break;
      if (ACTION_BY_BUTTON_TEXT.get(textOf(element)) === 'reply') return 'reply';
    }
  }
  return actionByButtonText(path, ACTION_BY_BUTTON_TEXT, ['button', 'menuitem']);
}

/** Escapes a handle for an RE2 pattern (handles hold only letters, digits, '.' and '_'). */
function escapeForRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// TikTok, seen 2026-01: with profile view history (and post view history) on for both people, a
// visit to their profile (or a view of their post) is listed for them; we cannot know either
// setting, so a full load of `/@<handle>` and everything under it (videos, photo posts, the live) is
// redirected before the request leaves. The background sets `isUrlFilterCaseSensitive: false`,
// which covers case; `%40` is the '@' percent-encoded. Web URLs never carry the numeric id.
// Source: docs/sites/tiktok.md (What the other person is told, M)
function contactRequestRegexes({ handle }: ContactAccount): string[] {
  return [`^https?://(?:www\\.|m\\.)?tiktok\\.com/(?:@|%40)${escapeForRegex(handle)}(?:[/?#].*)?$`];
}

// ---- self-check (issue 12): what a working page shows ----------------------------------------
// TikTok, seen 2026-12: For You (`/`, `/foryou`) and Following always show videos; a video page shows
// its heart (its URL names the author). Source: docs/sites/tiktok.md
const SELF_CHECK: SelfCheck = {
  feedPaths: ['/', '/foryou', '/following'],
  expects: [
    { on: 'feed', finds: 'feed-items' },
    { on: 'post', finds: 'like' },
  ],
};

/** What the site's pages need: the guard's first stage here carries this and the engine, nothing else (modules/site-bundles.ts). */
export const page = definePage({
  id: 'tiktok',
  parseUrl,
  normalizeHandle: parseHandle,
  pageOwner,
  feedItem: { selector: FEED_ITEM_SELECTOR, authors: authorsOf, mentionSelector },
  controls: CONTROLS,
  classifyControl,
  // TikTok, seen 2026-01: profile view history (30 days) and post view history (7 days) are mutual
  // opt-ins, off by default, for people aged 16+ with fewer than 5,000 followers: a visit or a view
  // MAY be shown to them. Whether messages show as read was not established (U); "may" is honest
  // either way. Source: docs/sites/tiktok.md (What the other person is told, M/U)
  visibleToThem: { profile: 'mutual-view-history', post: 'mutual-view-history', messages: 'read-receipts' },
  selfCheck: SELF_CHECK,
});

/** The whole site: the page part, plus what only the background and the extension's pages read. */
export const tiktokAdapter = defineSite(page, {
  label: 'TikTok',
  hosts: ['tiktok.com'],
  matches: ['*://*.tiktok.com/*'],
  profileUrl: (handle) => `https://www.tiktok.com/@${handle}`,
  hideSelectors,
  contactRequestRegexes,
});

export default tiktokAdapter;
