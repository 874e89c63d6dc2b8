/**
 * Instagram (www.instagram.com). Facts and confidence levels: docs/sites/instagram.md.
 * The stable hooks are link shapes and the aria-labels of the action icons (in en, es, pt, fr and de);
 * class names are generated and change on every deploy, so none are used here.
 *
 * What cannot be prevented (said plainly in the README and the options page):
 * - The story viewer autoplays into the next person's story and changes the URL in-app. The engine
 *   covers the page when the URL names a guarded person, before the next frame paints, but the
 *   request that marks the story seen is the site's own and may already be on its way. Only full
 *   loads of a guarded person's story are stopped before the request (contactRequestRegexes).
 * - Story highlights (`/stories/highlights/<id>/`) name no one in the URL, so a full load of one
 *   cannot be redirected; the owner is read from the viewer once it renders.
 * - Tapping a story ring in the home tray is a `div[role="button"]` with no link; its label names
 *   the owner, so the press is stopped like a link to their story (`openers`). A ring whose label is
 *   in a language not read here is not: the guard then acts on the URL change it causes. Feed hiding
 *   hides the ring of a guarded person (it is a feed item below), which removes the tap altogether.
 */
import type { Action, ContactAccount, ControlRule, FeedReach, Handle, OpenerRule, PageRef, SelfCheck } from './site-adapter';
import { definePage, defineSite } from './site-adapter';
import { cssString } from './css-string';
import type { LocalizedLabel } from './kit';
import { actionByButtonText, actionsByText, addRef, ariaLabelSelector, buttonAroundIcon, buttonAroundLocalizedIcon, cardOf, cleanHandle, firstProfileRef, linkReader, linksTo, normalizeHost } from './kit';

// Instagram, seen 2025-03: usernames are 1–30 of letters, digits, '.' and '_'; a dot cannot lead,
// trail or repeat; case-insensitive (stored lower-case).
// Source: docs/sites/instagram.md (metacpan Regexp::Pattern::Instagram 2025-03-27)
const HANDLE_PATTERN = /^(?!\.)(?!.*\.\.)(?!.*\.$)[a-z0-9._]{1,30}$/;

// Instagram, seen 2026-01: www., bare and m. hosts serve the same web app; other subdomains
// (help., about., business.) are not it. Source: docs/sites/instagram.md (URL parsers, M)
const APP_HOSTS = new Set(['instagram.com', 'www.instagram.com', 'm.instagram.com']);

// Instagram, seen 2026-01: first path segments that are app routes, never a username. Not official:
// compiled from public URL parsers and Instagram's own links.
// Source: docs/sites/instagram.md (we-dance/v4 parse.ts, olllayor/insta-reels-bot tools.ts, M)
const RESERVED_FIRST_SEGMENTS = new Set([
  'p', 'reel', 'reels', 'tv', 'stories', 'explore', 'accounts', 'direct', 'tags', 'about', 'help', 'legal',
  'privacy', 'terms', 'challenge', 'web', 'directory', 'login', 'developer', 'emails', 'session', 'oauth',
  'api', 'graphql', 'create', 'your_activity', 's', '_u',
]);

/** Segments after `/<username>/` (or alone) that open one post: `/p/<code>/`, `/reel/<code>/`, `/tv/<code>/`. */
const POST_SEGMENTS = new Set(['p', 'reel', 'tv']);
// Instagram, seen 2026-01: shortcodes are base64url-like ids. Source: docs/sites/instagram.md
const SHORTCODE_PATTERN = /^[A-Za-z0-9_-]{5,64}$/;
const NUMERIC_ID_PATTERN = /^\d{1,30}$/;

function parseHandle(raw: string): Handle | undefined {
  const handle = cleanHandle(raw).toLowerCase();
  if (!HANDLE_PATTERN.test(handle) || RESERVED_FIRST_SEGMENTS.has(handle)) return undefined;
  return handle as Handle;
}

function isAppHost(url: URL): boolean {
  return APP_HOSTS.has(normalizeHost(url.hostname));
}

function parseStory(segments: readonly string[]): PageRef | undefined {
  const [, second, third] = segments;
  if (!second) return undefined;
  // Instagram, seen 2026-01: highlights are `/stories/highlights/<id>/` and name no one; the viewer
  // header does. Source: docs/sites/instagram.md
  if (second.toLowerCase() === 'highlights') return third && NUMERIC_ID_PATTERN.test(third) ? { kind: 'story' } : undefined;
  // Instagram, seen 2026-01: `/stories/<username>/<storyId>/`; without the id it opens their
  // current stories. Source: docs/sites/instagram.md (H that the URL changes in-app)
  const handle = parseHandle(second);
  return handle ? { kind: 'story', handle } : undefined;
}

function parseUrl(url: URL): PageRef | undefined {
  if (!isAppHost(url)) return undefined;
  const segments = url.pathname.split('/').filter(Boolean);
  const first = segments[0]?.toLowerCase();
  if (first === undefined) return undefined;
  const [, second, third] = segments;
  if (first === 'stories') return parseStory(segments);
  // Instagram, seen 2026-01: a post by shortcode alone names no author; the page does (pageOwner).
  // `/reels/<code>/` is the reels viewer on one reel; `/reels/` alone and `/reels/audio/<id>/` are feeds.
  // Source: docs/sites/instagram.md
  if (POST_SEGMENTS.has(first) || first === 'reels') {
    return second && SHORTCODE_PATTERN.test(second) && second.toLowerCase() !== 'audio' ? { kind: 'post' } : undefined;
  }
  // Instagram, seen 2026-01: DM threads are `/direct/t/<threadId>/` (opaque); inbox and new are not
  // about one person. Source: docs/sites/instagram.md (Safari_Automations, M)
  if (first === 'direct') return second === 't' && third ? { kind: 'messages' } : undefined;
  // Instagram, seen 2026-01: `/_u/<username>` is a profile deep link. Source: docs/sites/instagram.md (M)
  if (first === '_u') {
    const handle = parseHandle(second ?? '');
    return handle ? { kind: 'profile', handle } : undefined;
  }
  const handle = parseHandle(first);
  if (!handle) return undefined;
  const tab = second?.toLowerCase();
  // Instagram, seen 2026-01: `/<username>/p/<code>/` (and reel, tv) is the newer link form and the
  // `og:url` of a post: the username segment is the author. Source: docs/sites/instagram.md (M)
  if (tab && POST_SEGMENTS.has(tab) && third && SHORTCODE_PATTERN.test(third)) return { kind: 'post', handle };
  // Instagram, seen 2026-01: joining someone's live is visible to them ("joined"), like a story view,
  // so a live counts as a story here. Source: docs/sites/instagram.md (Contact in itself, M)
  if (tab === 'live') return { kind: 'story', handle };
  // Every other path under a username (tagged, reels, followers, following…) is about that person;
  // unknown future tabs are too, which is the safe side.
  return { kind: 'profile', handle };
}

const refFromHref = linkReader(parseUrl, 'https://www.instagram.com/');

// Instagram, seen 2026-01: the home tray item is `div[role="button"]` labelled "Story by <username>,
// not seen" (English; other languages word it differently and are not read here).
// Source: docs/sites/instagram.md (Stories, several 2025–26 tools, M)
const STORY_RING_LABEL = /^Story by ([A-Za-z0-9._]{1,30})(?:,|$)/;

// Feed items, each with what it matches and where it is documented.
const FEED_ITEM_SELECTORS = [
  // Instagram, seen 2026-01: a post in the home feed, a post page and a post modal is an `article`.
  // Source: docs/sites/instagram.md (vekvoid Auto Like, Mask Network, H/M)
  'article',
  // Instagram, seen 2026-01: a story ring in the home tray, with the username in its label (English).
  // Source: docs/sites/instagram.md (Stories, M)
  'div[role="button"][aria-label^="Story by "]',
];

function authorsOf(item: Element): PageRef[] {
  const refs: PageRef[] = [];
  const storyBy = STORY_RING_LABEL.exec(item.getAttribute('aria-label') ?? '')?.[1];
  if (storyBy) {
    addRef(refs, { handle: parseHandle(storyBy) });
    return refs;
  }
  // Instagram, seen 2026-01: the author is the first profile link in the post's header (avatar and
  // name both link to `/<username>/`); display names and avatars are not identities. Collaborators
  // ("<a> and <b>") follow in the same header. Source: docs/sites/instagram.md (M)
  const header = item.querySelector('header');
  if (header) {
    for (const link of header.querySelectorAll('a[href]')) {
      const ref = refFromHref(link.getAttribute('href'));
      if (ref?.kind === 'profile') addRef(refs, ref);
    }
  }
  // A post link with the username form (`/<username>/p/<code>/`) names the author too.
  for (const link of item.querySelectorAll('a[href*="/p/"], a[href*="/reel/"]')) {
    const ref = refFromHref(link.getAttribute('href'));
    if (ref?.kind === 'post') addRef(refs, ref);
  }
  if (refs.length === 0) addRef(refs, firstProfileRef(item, refFromHref));
  return refs;
}

/**
 * Everything in an item that `authorsOf` could read this account from: the item's own label
 * ("Story by <username>", any case) and any link containing the username (profile, `/_u/`,
 * `/<username>/p/<code>/`; any case). Defensive extras, each matching any link that has one: a
 * percent escape (links are not decoded today, so none can name anyone; kept in case they are), and
 * a tab or line break, which the URL parser drops from inside a name. The numeric user id is never
 * read, so `stableId` plays no part.
 */
function mentionSelector({ handle }: ContactAccount): string {
  return [
    `a[href*=${cssString(handle)} i]`,
    `[aria-label*=${cssString(handle)} i]`,
    'a[href*="%"]',
    ...['\t', '\n', '\r'].map((char) => `a[href*=${cssString(char)}]`),
  ].join(', ');
}

/**
 * The items to hide for one account, as exact CSS (the user-origin feed stylesheet). Their own:
 * their story ring (its label, English), a post whose header links to them (author or
 * collaborator), a post with a link to one of their posts in the username form, and a post with no
 * header that links to them. At 'mentions', also any post with a link to them (a tag, a mention in
 * a caption or comment) and a card showing them ("Suggested for you").
 */
function hideSelectors({ handle }: ContactAccount, reach: FeedReach): string[] {
  const origins = [...APP_HOSTS].map((host) => `https://${host}`);
  const paths = [`/${handle}`, `/_u/${handle}`];
  const toProfile = linksTo(paths, origins);
  const toPosts = ['', ...origins].flatMap((origin) => ['p', 'reel'].map((kind) => `a[href^=${cssString(`${origin}/${handle}/${kind}/`)} i]`)).join(', ');
  const own = [
    `div[role="button"][aria-label^=${cssString(`Story by ${handle},`)} i]`,
    `div[role="button"][aria-label=${cssString(`Story by ${handle}`)} i]`,
    `article:has(header :is(${toProfile}))`,
    `article:has(${toPosts})`,
    `article:not(:has(header)):has(${toProfile})`,
  ];
  return reach === 'own' ? own : [...own, `article:has(${linksTo(paths, origins, { under: true })})`, cardOf(toProfile)];
}

/** The shortcode of a post URL (`/p/<code>/`, `/<username>/reel/<code>/`, `/reels/<code>/`). */
function shortcodeOf(path: string): string | undefined {
  return /\/(?:p|reel|reels|tv)\/([A-Za-z0-9_-]{5,64})(?:\/|$)/.exec(path)?.[1];
}

function postOwner(doc: Document, code: string): PageRef | undefined {
  // Instagram, seen 2026-01: on a full load of a post, `og:url` is `/<username>/p/<code>/`. It may
  // not be updated by in-app navigation, so it counts only when its code is this page's.
  // Source: docs/sites/instagram.md (M)
  const ogUrl = doc.querySelector('meta[property="og:url"]')?.getAttribute('content');
  const fromOg = refFromHref(ogUrl);
  if (fromOg?.handle && ogUrl && shortcodeOf(new URL(ogUrl, 'https://www.instagram.com/').pathname) === code) {
    return { kind: 'post', handle: fromOg.handle };
  }
  // Instagram, seen 2026-01: opened from a grid, the post is an `article` in a `[role="dialog"]`
  // over the previous page; opened directly, it is the article in `main`.
  // Source: docs/sites/instagram.md (In-app navigation, M)
  const article = doc.querySelector('[role="dialog"] article') ?? doc.querySelector('main article, [role="main"] article');
  const author = article ? authorsOf(article)[0]?.handle : undefined;
  return author ? { kind: 'post', handle: author } : undefined;
}

function pageOwner(doc: Document): PageRef | undefined {
  const path = doc.location?.pathname ?? '';
  const ref = refFromHref(doc.location?.href);
  if (!ref || ref.handle) return undefined;
  if (ref.kind === 'post') {
    const code = shortcodeOf(path);
    return code ? postOwner(doc, code) : undefined;
  }
  // Instagram, seen 2026-01: a highlight's viewer header and a DM thread's header link to the
  // person's profile (UNVERIFIED: the header hooks are not documented; the first profile link in the
  // main region is read). Source: docs/sites/instagram.md (Stories; DMs, U)
  const main = doc.querySelector('[role="main"]') ?? doc.querySelector('main') ?? doc.querySelector('section');
  const handle = firstProfileRef(main, refFromHref)?.handle;
  return handle ? { kind: ref.kind, handle } : undefined;
}

// Instagram, seen 2026-12: the action icons and the text-only buttons, in each interface language.
// Every form, with its source and confidence, is listed in docs/sites/instagram.md (Languages);
// the ones marked U there are the site's usual wording that no public source shows yet.
// Source: docs/sites/instagram.md (Languages: vekvoid Auto Like; WenderCouto/Automacao-Facebook-Instagram-PT-BR;
// public automation scripts, M/U)
const LABELS = {
  like: { en: ['Like'], es: ['Me gusta'], pt: ['Curtir'], fr: ['J’aime'], de: ['Gefällt mir'] },
  comment: { en: ['Comment'], es: ['Comentar'], pt: ['Comentar'], fr: ['Commenter'], de: ['Kommentieren'] },
  share: {
    en: ['Share', 'Share Post'],
    es: ['Compartir', 'Compartir publicación'],
    pt: ['Compartilhar'],
    fr: ['Partager'],
    de: ['Teilen'],
  },
  follow: {
    en: ['Follow', 'Follow Back'],
    es: ['Seguir', 'Seguir también'],
    pt: ['Seguir', 'Seguir de volta'],
    fr: ['Suivre', 'Suivre en retour'],
    de: ['Folgen', 'Zurückfolgen'],
  },
  message: { en: ['Message'], es: ['Enviar mensaje'], pt: ['Enviar mensagem'], fr: ['Envoyer un message'], de: ['Nachricht senden'] },
} as const satisfies Record<string, LocalizedLabel>;

// Each entry: what it matches, and where it is documented. Icon labels are matched in en, es, pt, fr
// and de (LABELS); a structural fallback (the Nth icon in the action row) is UNVERIFIED and not used.
// Undo controls (Unlike, Following) are left alone: undoing tells the other person nothing new, and
// their labels ("Unlike", "Ya no me gusta", "Descurtir", "Je n’aime plus", "Gefällt mir nicht mehr")
// never equal a like label.
const CONTROLS: readonly ControlRule[] = [
  // Instagram, seen 2026-01: the like icon is `svg[aria-label="Like"]` inside a `[role="button"]`;
  // the icon and its button are both matched, whichever the path holds.
  // Source: docs/sites/instagram.md (vekvoid Auto Like, H; Languages, M)
  { action: 'like', selector: ariaLabelSelector('svg', LABELS.like) },
  { action: 'like', selector: buttonAroundLocalizedIcon(LABELS.like) },
  // Instagram, seen 2026-01: a double-click on a post's media likes it. The element under the tap
  // (the img, the video or a layer over them) is not documented, so any double-tap in a post counts;
  // double-clicking caption text of a guarded person's post asks first too (the safe side).
  // Source: docs/sites/instagram.md (Controls, M)
  { action: 'like', selector: 'article', gesture: 'double-tap' },
  // Instagram, seen 2026-01: the comment icon, and the composer ("Add a comment…"). The composer is
  // also the one textarea in a post's form, whatever the language (its label is "Adicione um
  // comentário..." in Portuguese, which no English fragment matches).
  // Source: docs/sites/instagram.md (Safari_Automations, M; Languages: `form textarea`, M)
  { action: 'comment', selector: ariaLabelSelector('svg', LABELS.comment) },
  { action: 'comment', selector: buttonAroundLocalizedIcon(LABELS.comment) },
  { action: 'comment', selector: 'textarea[aria-label*="comment" i], article form textarea' },
  // Instagram, seen 2026-01: the share icon opens a "send to" dialog, which sends a DM; it is
  // sometimes labelled "Share Post". Source: docs/sites/instagram.md (M; Languages, M)
  { action: 'share', selector: ariaLabelSelector('svg', LABELS.share) },
  { action: 'share', selector: buttonAroundLocalizedIcon(LABELS.share) },
];

// Instagram, seen 2026-01: Follow and Message are known only by their text ("Follow", "Follow Back",
// "Message"), in the profile header and on suggestions.
// Source: docs/sites/instagram.md (Controls; Safari_Automations instagram-profile-dm-selectors.md, M; Languages, M/U)
const ACTION_BY_BUTTON_TEXT = actionsByText([
  [LABELS.follow, 'follow'],
  [LABELS.message, 'message'],
]);

// A story ring or a whole card can be a role=button too: the kit reads short texts only.
const classifyControl = (path: readonly Element[]) => actionByButtonText(path, ACTION_BY_BUTTON_TEXT);

// ---- openers: the story tray (issue 12) --------------------------------------------------------
// Instagram, seen 2026-01: a tray ring is a `div[role="button"]`, not a link; pressing it opens the
// owner's story in-app, and the viewer's first item sends the "seen" request. Its label names the
// owner (STORY_RING_LABEL above), so the press is stopped before the site's handler, like a link.
// Source: docs/sites/instagram.md (Stories, M)
const OPENERS: readonly OpenerRule[] = [
  {
    selector: '[role="button"][aria-label]',
    opens(ring) {
      const handle = parseHandle(STORY_RING_LABEL.exec(ring.getAttribute('aria-label') ?? '')?.[1] ?? '');
      return handle ? { kind: 'story', handle } : undefined;
    },
  },
];

/** Escapes a handle for an RE2 pattern (usernames hold only letters, digits, '.' and '_'). */
function escapeForRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// Instagram, seen 2026-02: the story "seen" request goes out as soon as the viewer shows an item,
// and the owner sees every viewer; joining a live is shown to them too. Full loads of their story
// or live are redirected to the pause page before the request leaves. The background sets
// `isUrlFilterCaseSensitive: false`, which covers case in the handle.
// Source: docs/sites/instagram.md (IASV 2026-02-18; Hide-Insta-Story-Seen, H)
// Story and live URLs carry the username only, never the numeric user id, so `stableId` plays no part.
function contactRequestRegexes({ handle }: ContactAccount): string[] {
  const host = '^https?://(?:www\\.|m\\.)?instagram\\.com/';
  const name = escapeForRegex(handle);
  return [`${host}stories/${name}(?:[/?#].*)?$`, `${host}${name}/live(?:[/?#].*)?$`];
}

// ---- self-check (issue 12): what a working page shows ----------------------------------------
// Instagram, seen 2026-11: the home feed is `/`; a post shows its like icon; a post by shortcode names its author in the page (og:url, the article header). Source: docs/sites/instagram.md (Feed items; Controls, H/M)
const SELF_CHECK: SelfCheck = {
  feedPaths: ['/'],
  expects: [
    // The posts, not only the story rings (feed items too): a feed of rings alone is not working.
    { on: 'feed', finds: 'feed-items', only: 'article' },
    { on: 'post', finds: 'like' },
    { on: 'post', finds: 'owner' },
  ],
};

/** What the site's pages need: the guard's first stage here carries this and the engine, nothing else (modules/site-bundles.ts). */
export const page = definePage({
  id: 'instagram',
  parseUrl,
  normalizeHandle: parseHandle,
  pageOwner,
  feedItem: { selector: FEED_ITEM_SELECTORS.join(', '), authors: authorsOf, mentionSelector },
  controls: CONTROLS,
  classifyControl,
  openers: OPENERS,
  // Instagram, seen 2026-01: the owner sees who viewed their story; opening a thread with their
  // unread messages shows "Seen" unless read receipts are off.
  // Source: docs/sites/instagram.md (Contact in itself, M)
  visibleToThem: { story: 'story-viewers', messages: 'read-receipts' },
  selfCheck: SELF_CHECK,
});

/** The whole site: the page part, plus what only the background and the extension's pages read. */
export const instagramAdapter = defineSite(page, {
  label: 'Instagram',
  hosts: ['instagram.com'],
  matches: ['*://*.instagram.com/*'],
  profileUrl: (handle) => `https://www.instagram.com/${handle}/`,
  hideSelectors,
  contactRequestRegexes,
});

export default instagramAdapter;
