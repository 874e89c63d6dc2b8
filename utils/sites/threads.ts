/**
 * Threads (www.threads.com, formerly threads.net). Facts and confidence levels: docs/sites/threads.md.
 * Every person URL names the handle after an '@' (`/@<handle>`, `/@<handle>/post/<code>`), so URLs
 * decide nearly everything and no reserved list is needed. The markup hooks are link shapes, the
 * pressable post container and the `aria-label`s of the action icons (en, es, pt, fr, de); class
 * names are generated and never used.
 *
 * What cannot be prevented (said plainly in the README): nothing known tells the other person that
 * their profile or post was viewed; likes, replies, reposts, quotes and follows notify them, and
 * those controls are stopped, in the five interface languages listed in LABELS.
 */
import type { Action, ContactAccount, ControlRule, FeedReach, Handle, PageRef, SelfCheck } from './site-adapter';
import { definePage, defineSite } from './site-adapter';
import { cssString } from './css-string';
import type { LocalizedLabel } from './kit';
import { actionByButtonText, actionsByText, addRef, ariaLabelSelector, buttonAroundIcon, buttonAroundLocalizedIcon, cardOf, cleanHandle, firstProfileRef, linkReader, linksTo, normalizeHost } from './kit';

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

// Threads, seen 2026-12: the action icons and the text-only buttons, in each interface language.
// Threads is Meta's and shares Instagram's wording where the two have the same control (Like, Share,
// Follow); its own words (Reply, Repost, Quote) are listed per language with their sources in
// docs/sites/threads.md (Languages); forms marked U there are not yet seen in a public source.
// Source: docs/sites/threads.md (Languages: a public Threads extension's share icon in es, fr, de, M; the rest U)
const LABELS = {
  like: { en: ['Like'], es: ['Me gusta'], pt: ['Curtir'], fr: ['J’aime'], de: ['Gefällt mir'] },
  reply: { en: ['Reply'], es: ['Responder'], pt: ['Responder'], fr: ['Répondre'], de: ['Antworten'] },
  repost: { en: ['Repost'], es: ['Republicar'], pt: ['Repostar'], fr: ['Republier'], de: ['Reposten'] },
  quote: { en: ['Quote'], es: ['Citar'], pt: ['Citar'], fr: ['Citer'], de: ['Zitieren'] },
  share: { en: ['Share'], es: ['Compartir'], pt: ['Compartilhar'], fr: ['Partager'], de: ['Teilen'] },
  follow: {
    en: ['Follow', 'Follow back'],
    es: ['Seguir', 'Seguir también'],
    pt: ['Seguir', 'Seguir de volta'],
    fr: ['Suivre', 'Suivre en retour'],
    de: ['Folgen', 'Zurückfolgen'],
  },
} as const satisfies Record<string, LocalizedLabel>;

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

// Each entry: what it matches, and where it is documented. Labels are matched in en, es, pt, fr and
// de (LABELS). Undo controls (Unlike) are left alone: undoing tells the other person nothing new.
const CONTROLS: readonly ControlRule[] = [
  // Threads, seen 2026-03: the like icon `svg[aria-label="Like"]` ("Unlike" once liked) in a
  // `[role="button"]`, whose own label or text may add the count. Source: docs/sites/threads.md (Controls, M)
  { action: 'like', selector: ariaLabelSelector('svg', LABELS.like) },
  { action: 'like', selector: buttonAroundLocalizedIcon(LABELS.like) },
  // Threads, seen 2026-03: reply icon; it opens the composer. Source: docs/sites/threads.md (Controls, M)
  { action: 'reply', selector: ariaLabelSelector('svg', LABELS.reply) },
  { action: 'reply', selector: buttonAroundLocalizedIcon(LABELS.reply) },
  // Threads, seen 2026-03: the repost icon opens a menu with Repost and Quote, so stopping the
  // trigger covers both. Source: docs/sites/threads.md (Controls, M; the menu U)
  { action: 'repost', selector: ariaLabelSelector('svg', LABELS.repost) },
  { action: 'repost', selector: buttonAroundLocalizedIcon(LABELS.repost) },
  // Threads, seen 2026-03: the share icon; its menu can send the post by Instagram DM.
  // Source: docs/sites/threads.md (Controls, M)
  { action: 'share', selector: ariaLabelSelector('svg', LABELS.share) },
  { action: 'share', selector: buttonAroundLocalizedIcon(LABELS.share) },
];

// Threads, seen 2026-03: Follow is known by its text ("Follow", "Follow back") on profiles, in the
// activity view and on "Suggested for you" cards; the Repost menu's items read "Repost" and "Quote"
// (UNVERIFIED: the menu's markup). Source: docs/sites/threads.md (Controls, M/U; Languages)
const ACTION_BY_BUTTON_TEXT = actionsByText([
  [LABELS.follow, 'follow'],
  [LABELS.repost, 'repost'],
  [LABELS.quote, 'quote'],
]);

const classifyControl = (path: readonly Element[]) => actionByButtonText(path, ACTION_BY_BUTTON_TEXT, ['button', 'menuitem']);

// ---- self-check (issue 12): what a working page shows ----------------------------------------
// Threads, seen 2026-11: the home feed is `/`; a post shows its like icon (its URL names the author). Source: docs/sites/threads.md
const SELF_CHECK: SelfCheck = {
  feedPaths: ['/'],
  expects: [
    { on: 'feed', finds: 'feed-items' },
    { on: 'post', finds: 'like' },
  ],
};

/** What the site's pages need: the guard's first stage here carries this and the engine, nothing else (modules/site-bundles.ts). */
export const page = definePage({
  id: 'threads',
  parseUrl,
  normalizeHandle: parseHandle,
  feedItem: { selector: FEED_ITEM_SELECTOR, authors: authorsOf, mentionSelector },
  controls: CONTROLS,
  classifyControl,
  // Threads, seen 2026-03: nothing known tells someone that their profile or posts were viewed.
  // Source: docs/sites/threads.md (What the other person is told, M)
  selfCheck: SELF_CHECK,
});

/** The whole site: the page part, plus what only the background and the extension's pages read. */
export const threadsAdapter = defineSite(page, {
  label: 'Threads',
  hosts: ['threads.com', 'threads.net'],
  matches: ['*://*.threads.com/*', '*://*.threads.net/*'],
  profileUrl: (handle) => `https://www.threads.com/@${handle}`,
  hideSelectors,
  // Threads, seen 2026-03: a Threads account is made from an Instagram account with the same
  // username. Source: docs/sites/threads.md (Handles)
  sameHandleAs: 'instagram',
});

export default threadsAdapter;
