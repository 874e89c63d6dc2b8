/**
 * Facebook (www.facebook.com, web.facebook.com, m.facebook.com). Facts and confidence levels:
 * docs/sites/facebook.md.
 *
 * Facebook's class names are generated and change often, so none are used. The hooks are link
 * shapes, ARIA roles (`role="article"`, `aria-posinset`), the `data-ad-rendering-role` markers
 * (the same in every UI language) and, as a fallback, labels in English, Spanish, Portuguese,
 * French and German.
 *
 * One person has up to three addresses: a vanity (`/sam.rivers`), `profile.php?id=<digits>` and
 * `/people/<Name>/<digits>/`. The vanity is the account's handle and the numeric id its `stableId`.
 * A URL that carries only the numeric id names the person by both (`handle` = `stableId` = the id),
 * so an account added by its id alone (its handle is the id) and an account with a vanity and a
 * known id both match it. Stories and Messenger threads carry the numeric id only: for a person
 * known by vanity alone, a full load of their story cannot be recognised (docs/sites/facebook.md).
 *
 * What cannot be prevented (said plainly in the README): m.facebook.com's feed does not expose
 * authors as links, so there only page-level URLs are guarded; a reactions menu opened on someone
 * else's post cannot tell whose post it is (it is a layer outside the post), so only the press or
 * hover that opens it on a guarded person's post is stopped (see docs/sites/facebook.md).
 */
import type { Action, ContactAccount, ControlRule, Handle, PageRef, SelfCheck } from './site-adapter';
import { definePage, defineSite } from './site-adapter';
import { actionByButtonText, addRef, cleanHandle, firstProfileRef, linkReader, normalizeHost } from './kit';

// Facebook, seen 2026-07: the desktop app answers on the bare host, www. and web.; m. is the mobile
// web app. mbasic. (the old basic site) used the same URL shapes; whether it still serves in 2026 is
// UNVERIFIED, so its URLs are read the same way (the safe side). Other subdomains (developers.,
// business., l. the link shim) are not the app. Source: docs/sites/facebook.md (Hosts;
// news-feed-eradicator src/sitelist/facebook.ts @af2593c5)
const APP_HOSTS = new Set(['facebook.com', 'www.facebook.com', 'web.facebook.com', 'm.facebook.com', 'mbasic.facebook.com']);

// Facebook, seen 2026-12: a username holds only letters, digits and periods, has at least five
// characters, and periods and case do not tell usernames apart (johnsmith55 = John.Smith55).
// Stored lower-case without periods. Source: docs/sites/facebook.md (Facebook Help Center article
// 105399436216001, H; Mask Network parse-username.ts, H). The upper bound (50) is M.
const USERNAME_CHARS = /^[a-z0-9.]+$/;
const USERNAME_LENGTH = { min: 5, max: 50 };

// Facebook, seen 2026-07: numeric user ids (`profile.php?id=`, `/people/<Name>/<id>/`, story
// buckets, group member pages). Source: docs/sites/facebook.md (URL shapes, H/M)
const NUMERIC_ID = /^\d{1,20}$/;

// Facebook, seen 2026-07: first path segments that are app routes, never a username. Not official:
// compiled from facebook-clean-my-feeds' routing and Mask Network's parser. Names shorter than five
// characters can never be usernames, so only the longer routes need listing.
// Source: docs/sites/facebook.md (Reserved first segments, M)
const RESERVED_FIRST_SEGMENTS = new Set([
  'home', 'watch', 'groups', 'marketplace', 'gaming', 'events', 'pages', 'friends', 'messages',
  'notifications', 'stories', 'reels', 'photo', 'photos', 'videos', 'search', 'hashtag', 'settings',
  'policies', 'privacy', 'login', 'logout', 'bookmarks', 'saved', 'memories', 'onthisday', 'business',
  'dialog', 'sharer', 'share', 'fundraisers', 'commerce', 'findfriends', 'people', 'story', 'permalink',
  'profile', 'checkpoint', 'recover', 'composer', 'plugins', 'places', 'games', 'latest', 'feeds',
]);

/** A typed or linked username: lower-case, periods removed; undefined for anything else. */
function parseUsername(raw: string): Handle | undefined {
  const lower = raw.toLowerCase();
  if (!USERNAME_CHARS.test(lower) || lower.endsWith('.php')) return undefined;
  const handle = lower.replaceAll('.', '');
  if (handle.length < USERNAME_LENGTH.min || handle.length > USERNAME_LENGTH.max) return undefined;
  if (NUMERIC_ID.test(handle) || RESERVED_FIRST_SEGMENTS.has(handle)) return undefined;
  return handle as Handle;
}

/** A username, or a numeric id (the account's name when no vanity is known). */
function parseHandle(raw: string): Handle | undefined {
  const cleaned = cleanHandle(raw);
  return NUMERIC_ID.test(cleaned) ? (cleaned as Handle) : parseUsername(cleaned);
}

/** A person named by numeric id only: both names are the id (see the file comment). */
function byId(kind: PageRef['kind'], id: string | null | undefined): PageRef | undefined {
  return id && NUMERIC_ID.test(id) ? { kind, handle: id as Handle, stableId: id } : undefined;
}

/** `/<username>/…` or `/<digits>/…`: the person the first segment names. */
function byFirstSegment(kind: PageRef['kind'], segment: string): PageRef | undefined {
  if (NUMERIC_ID.test(segment)) return byId(kind, segment);
  const handle = parseUsername(segment);
  return handle ? { kind, handle } : undefined;
}

/** Path segments after `/<username>/` that open one post, photo or video of theirs. */
const POST_TABS = new Set(['posts', 'videos', 'photos', 'reel', 'activity']);

function parseUrl(url: URL): PageRef | undefined {
  if (!APP_HOSTS.has(normalizeHost(url.hostname))) return undefined;
  const segments = url.pathname.split('/').filter(Boolean);
  const first = segments[0]?.toLowerCase();
  if (first === undefined) return undefined;
  const [, second, third, fourth] = segments;
  const params = url.searchParams;
  switch (first) {
    // Facebook, seen 2026-07: `/profile.php?id=<digits>` (+ `&sk=about`…) is a profile by id.
    // Source: docs/sites/facebook.md (URL shapes; Mask Network getProfileIdentifier.ts, H)
    case 'profile.php':
      return byId('profile', params.get('id'));
    // Facebook, seen 2026-07: `/people/<Name-Slug>/<digits>/`: the slug is a display name, the id
    // names the person. Source: docs/sites/facebook.md (URL shapes, M)
    case 'people':
      return byId('profile', third);
    // Facebook, seen 2026-07: `/groups/<gid>/user/<uid>/` is a member's page in a group; other group
    // pages (posts, permalinks) name no one in the URL. Source: docs/sites/facebook.md (URL shapes, M)
    case 'groups':
      if (third?.toLowerCase() === 'user') return byId('profile', fourth);
      return second && /^(posts|permalink)$/i.test(third ?? '') && fourth ? { kind: 'post' } : undefined;
    // Facebook, seen 2026-07: `/permalink.php?story_fbid=…&id=<uid>` and `/story.php?…&id=<uid>`:
    // `id` is the author. Source: docs/sites/facebook.md (URL shapes, M)
    case 'permalink.php':
    case 'story.php':
      if (!params.get('story_fbid')) return undefined;
      return byId('post', params.get('id')) ?? { kind: 'post' };
    // Facebook, seen 2026-07: photos, videos and reels by id name no one; the page does (pageOwner).
    // Source: docs/sites/facebook.md (URL shapes, M)
    case 'photo':
    case 'photo.php':
      return params.get('fbid') ? { kind: 'post' } : undefined;
    case 'watch':
      return params.get('v') ? { kind: 'post' } : undefined;
    case 'reel':
      return second && NUMERIC_ID.test(second) ? { kind: 'post' } : undefined;
    // Facebook, seen 2026-07: `/stories/<bucketId>/<storyId>/`: the bucket is the owner's numeric id.
    // Source: docs/sites/facebook.md (Stories, M: several scrapers)
    case 'stories':
      return byId('story', second);
    // Facebook, seen 2026-07: `/messages/t/<id>/` and `/messages/e2ee/t/<id>/`. A one-to-one thread's
    // id is the other person's numeric id (U: seen in some sources only); ids are unique across
    // Facebook, so a group thread's id never equals a person's. Any other thread names no one in
    // its URL and its header says whose it is (pageOwner). Source: docs/sites/facebook.md (URL shapes)
    case 'messages': {
      const rest = segments.slice(1).map((s) => s.toLowerCase());
      const at = rest[0] === 'e2ee' ? 1 : 0;
      if (rest[at] !== 't' || !segments[at + 2]) return undefined;
      return byId('messages', segments[at + 2]) ?? { kind: 'messages' };
    }
    case 'me':
      return undefined;
  }
  const person = byFirstSegment('profile', segments[0]!);
  if (!person) return undefined;
  // Facebook, seen 2026-07: `/<username>/posts/<id or pfbid…>/`, `/<username>/videos/<id>/`,
  // `/<username>/photos/<album>/<id>/`: one post of theirs. `/<username>/photos` alone is a tab.
  // Every other sub-page (about, friends, reels…) is about them too: the safe side.
  // Source: docs/sites/facebook.md (URL shapes, H/M)
  const tab = second?.toLowerCase();
  if (tab && POST_TABS.has(tab) && third) return { ...person, kind: 'post' };
  return person;
}

const refFromHref = linkReader(parseUrl, 'https://www.facebook.com/');

// ---- feed items ----------------------------------------------------------------------------

// Facebook, seen 2026-07: the home tray's story cards link to `/stories/<bucketId>/…`; pressing one
// opens the viewer, which tells the owner. The card link names its owner by numeric id, so the
// engine stops the press like any link to a guarded person; as a feed item the card is hidden too.
// Source: docs/sites/facebook.md (Stories; clean-my-feeds src/feeds/news.js, the tray's links, H;
// the cards' own markup U)
const STORY_CARD = 'a[href*="/stories/"]';

// Feed items, each with what it matches and where it is documented. Comments are `role="article"`
// too, so a control in a comment belongs to the commenter, not to the post's author.
const FEED_ITEM_SELECTORS = [
  // Facebook, seen 2026-07: a post in a feed carries `aria-posinset`; posts elsewhere and comments
  // are `div[role="article"]`. Source: docs/sites/facebook.md (clean-my-feeds src/selectors/news.js, H)
  'div[aria-posinset]',
  'div[role="article"]',
  // Facebook, seen 2026-07: the older feed unit. Source: docs/sites/facebook.md (clean-my-feeds, H)
  'div[data-pagelet*="FeedUnit_"]',
  // Facebook, seen 2026-12: "People you may know" and other suggestion cards, one person per card
  // (UNVERIFIED hook: no public source shows the card's markup; one list item per card is assumed,
  // so a card in other markup is not recognised and only its link is stopped).
  // Source: docs/sites/facebook.md (Feed items and authorship, U)
  'div[role="listitem"]',
  STORY_CARD,
];

const FEED_ITEM_SELECTOR = FEED_ITEM_SELECTORS.join(', ');

// Facebook, seen 2026-07: the post header; the marker sits on a wrapper or on the h2/h3/h4 itself,
// and holds the author's link first ("A is with B", "A shared B's post" and group posts add more
// links; a group's own link names no one). A shared post embeds the original with its own header.
// Source: docs/sites/facebook.md (Feed items and authorship, M; clean-my-feeds h4 links, H)
const POST_HEADER_LINKS = '[data-ad-rendering-role="profile_name"] a[href]';

function authorsOf(item: Element): PageRef[] {
  const refs: PageRef[] = [];
  if (item.matches(STORY_CARD)) {
    addRef(refs, refFromHref(item.getAttribute('href')));
    return refs;
  }
  // Post headers in document order: the author first, then anyone the header names, then the author
  // of a shared post (its embedded header). Comments carry no header marker.
  for (const link of item.querySelectorAll(POST_HEADER_LINKS)) {
    const ref = refFromHref(link.getAttribute('href'));
    if (ref?.kind === 'profile') addRef(refs, ref);
  }
  if (refs.length > 0) return refs;
  // A comment or a card: its first own profile link (the commenter's picture or name, the card's
  // person), not one inside an item nested in it. Display names and pictures are not identities.
  for (const link of item.querySelectorAll('a[href]')) {
    if (link.closest(FEED_ITEM_SELECTOR) !== item) continue;
    const ref = refFromHref(link.getAttribute('href'));
    if (ref?.kind === 'profile') {
      addRef(refs, ref);
      break;
    }
  }
  return refs;
}

// No mentionSelector: periods may sit anywhere in a vanity link (`/sam.rivers`, `/samrivers`,
// `/s.a.m.rivers` are one person), so no attribute substring can say "this link cannot name them";
// every item gets the full check, which reads a few header links.
// No hideSelectors for the same reason: a sheet with the stored spelling only would miss the
// others, and once the sheet is in the engine no longer hides that person's items itself.

/** Whose page is it, when the URL names no one: a post, photo or video by id, a group post, a thread. */
function pageOwner(doc: Document): PageRef | undefined {
  const ref = refFromHref(doc.location?.href);
  if (!ref || ref.handle || ref.stableId) return undefined;
  if (ref.kind === 'post') {
    // Facebook, seen 2026-07: a post, photo or video opened in-app is an overlay `div[role="dialog"]`
    // over the previous page; opened directly, it is the first article in `div[role="main"]`.
    // Source: docs/sites/facebook.md (In-app navigation, H; Feed items, H)
    const article =
      doc.querySelector(`[role="dialog"] :is(${FEED_ITEM_SELECTORS.slice(0, 3).join(', ')})`) ??
      doc.querySelector(`[role="main"] :is(${FEED_ITEM_SELECTORS.slice(0, 3).join(', ')})`);
    const author = article ? authorsOf(article)[0] : undefined;
    return author ? { ...author, kind: 'post' } : undefined;
  }
  // Facebook, seen 2026-12: a thread's header links to the other person's profile (UNVERIFIED hook:
  // the first profile link in the main region is read). Source: docs/sites/facebook.md (Messages, U)
  const person = firstProfileRef(doc.querySelector('[role="main"]') ?? doc.querySelector('main'), refFromHref, { byStableIdToo: true });
  return person ? { ...person, kind: ref.kind } : undefined;
}

// ---- controls ------------------------------------------------------------------------------

/** A marker and the button-like element around it (the marker sits inside the real button). */
function markedButton(role: string): string {
  return `[data-ad-rendering-role="${role}"], :is(button, [role="button"]):has([data-ad-rendering-role="${role}"])`;
}

// Each entry: what it matches, and where it is documented. Undo controls ("Remove Like") carry the
// same marker and are paused too; undoing tells them nothing new, but the marker does not change.
const CONTROLS: readonly ControlRule[] = [
  // Facebook, seen 2026-07: Like, Comment and Share carry `data-ad-rendering-role` markers inside
  // their `div[role="button"]`, in every UI language. A long press on Like (touch) opens the
  // reactions menu: the press starts with the same pointerdown/touchstart, which is stopped here.
  // Source: docs/sites/facebook.md (Controls, M: many independent 2024–26 tools)
  { action: 'like', selector: markedButton('like_button') },
  { action: 'comment', selector: markedButton('comment_button') },
  { action: 'share', selector: markedButton('share_button') },
  // Facebook, seen 2026-07: on desktop, resting the pointer on Like opens the reactions menu, whose
  // buttons (Love, Care, Haha…) sit in a layer outside the post, where whose post it is cannot be
  // read. So the hover itself never reaches the site on a guarded person's Like: the menu does not
  // open. Source: docs/sites/facebook.md (Controls: reactions menu, M for the behaviour, U for its hooks)
  { action: 'like', selector: markedButton('like_button'), gesture: 'hover' },
  // Facebook, seen 2026-07: the comment composer of a post or comment is a contenteditable textbox
  // inside the item. Source: docs/sites/facebook.md (Controls: "Write a comment…", M)
  { action: 'comment', selector: ':is(div[aria-posinset], div[role="article"]) [role="textbox"][contenteditable="true"]' },
];

// Labels for controls known by their aria-label or their text only, lower-case. English from
// docs/sites/facebook.md (M); the other languages are Facebook's own translations as seen in the
// localized UI and in public tools (UNVERIFIED unless docs/sites/facebook.md says otherwise).
// "Poke" counts as a message: it tells them you reached out.
const LABELS: readonly (readonly [Action, readonly string[]])[] = [
  ['like', ['like', 'me gusta', 'curtir', 'j’aime', "j'aime", 'gefällt mir']],
  ['comment', ['comment', 'leave a comment', 'comentar', 'commenter', 'kommentieren']],
  [
    'share',
    [
      'share', 'send this to friends or post it on your profile.', 'send this to friends or post it on your timeline.',
      'compartir', 'compartilhar', 'partager', 'teilen',
    ],
  ],
  [
    'follow',
    [
      'add friend', 'follow', 'agregar amigo', 'agregar a amigos', 'añadir a amigos', 'seguir', 'adicionar amigo', 'adicionar aos amigos',
      'ajouter', 'ajouter en ami', 'ajouter comme ami(e)', 'suivre', 'freund/in hinzufügen', 'als freund/in hinzufügen',
      'freund hinzufügen', 'folgen',
    ],
  ],
  ['message', ['message', 'send message', 'mensaje', 'enviar mensaje', 'mensagem', 'enviar mensagem', 'envoyer un message', 'message privé', 'nachricht', 'nachricht senden']],
  ['message', ['poke', 'dar un toque', 'toque', 'cutucar', 'anstupsen']],
];

const ACTION_BY_LABEL: ReadonlyMap<string, Action> = new Map(LABELS.flatMap(([action, labels]) => labels.map((label) => [label, action] as const)));

const normalizeLabel = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * For buttons known only by their label or text: the innermost button-like element on the path
 * (`button`, `[role="button"]`, a menu item such as Poke in the profile's ⋯ menu) whose aria-label
 * or whole short text is a known label.
 */
function classifyControl(path: readonly Element[]): Action | undefined {
  const button = path.find((element) => element.localName === 'button' || ['button', 'menuitem'].includes(element.getAttribute('role') ?? ''));
  if (!button) return undefined;
  const label = button.getAttribute('aria-label');
  if (label) return ACTION_BY_LABEL.get(normalizeLabel(label));
  return actionByButtonText([button], ACTION_BY_LABEL, ['button', 'menuitem']);
}

// ---- what tells them --------------------------------------------------------------------------

const HOST_PATTERN = '^https?://(?:(?:www|web|m|mbasic)\\.)?facebook\\.com/';

/** The account's numeric id: its stable id, or its handle when the account was added by id alone. */
function numericIdOf({ handle, stableId }: ContactAccount): string | undefined {
  if (stableId && NUMERIC_ID.test(stableId)) return stableId;
  return NUMERIC_ID.test(handle) ? handle : undefined;
}

// Facebook, seen 2026-07: the story owner sees who viewed; the viewer's first item is requested
// with the page, so a full load of `/stories/<their id>/…` is redirected to the pause page before
// it leaves. Opening a Messenger thread with their unread messages marks them "Seen": a full load
// of `/messages/t/<their id>/` is redirected too. Both need the numeric id; without it only
// in-app moves (covered at the URL change) and presses on links are stopped.
// Source: docs/sites/facebook.md (Contact in itself, M)
function contactRequestRegexes(account: ContactAccount): string[] {
  const id = numericIdOf(account);
  if (!id) return [];
  return [`${HOST_PATTERN}stories/${id}(?:[/?#].*)?$`, `${HOST_PATTERN}messages/(?:e2ee/)?t/${id}(?:[/?#].*)?$`];
}

// ---- self-check (issue 12): what a working page shows ----------------------------------------
// Facebook, seen 2026-12: the home feed is `/` (and `/home.php`) and shows posts; a post opened by id
// names its author only in the page. Source: docs/sites/facebook.md
const SELF_CHECK: SelfCheck = {
  feedPaths: ['/', '/home.php'],
  expects: [
    { on: 'feed', finds: 'feed-items' },
    { on: 'post', finds: 'owner' },
  ],
};

/** What the site's pages need: the guard's first stage here carries this and the engine, nothing else (modules/site-bundles.ts). */
export const page = definePage({
  id: 'facebook',
  parseUrl,
  normalizeHandle: parseHandle,
  pageOwner,
  feedItem: { selector: FEED_ITEM_SELECTOR, authors: authorsOf },
  controls: CONTROLS,
  classifyControl,
  // Facebook, seen 2026-07: story viewers are listed to the owner; Messenger shows "Seen". Profile
  // visits are not disclosed. Source: docs/sites/facebook.md (Contact in itself, M)
  visibleToThem: { story: 'story-viewers', messages: 'read-receipts' },
  selfCheck: SELF_CHECK,
});

/** The whole site: the page part, plus what only the background and the extension's pages read. */
export const facebookAdapter = defineSite(page, {
  label: 'Facebook',
  hosts: ['facebook.com'],
  matches: ['*://*.facebook.com/*'],
  profileUrl: (handle) => (NUMERIC_ID.test(handle) ? `https://www.facebook.com/profile.php?id=${handle}` : `https://www.facebook.com/${handle}`),
  // Facebook, seen 2026-12: a vanity reads the same with periods anywhere (`/sam.rivers` is
  // `/samrivers`), which a match pattern can only say with a wildcard between letters: a few pages of
  // others may match too, and those are covered until the guard list is read. Source: docs/sites/facebook.md
  coverPaths: (handle) => {
    if (NUMERIC_ID.test(handle)) return [];
    const dotted = `/${[...handle].join('*')}`;
    return [dotted, `${dotted}/*`, `${dotted}?*`];
  },
  contactRequestRegexes,
  // Facebook, seen 2026-07: stories and threads name the numeric id only. Source: docs/sites/facebook.md (Handles)
  accountsByNumber: true,
});

export default facebookAdapter;
