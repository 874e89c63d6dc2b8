/**
 * Reddit (www.reddit.com "shreddit", old.reddit.com, chat.reddit.com). Facts and confidence levels:
 * docs/sites/reddit.md.
 *
 * Two front ends are served: shreddit (www., sh., new. and the bare host), whose web components
 * carry the author in attributes (`shreddit-post[author]`, `shreddit-comment[author]`) and put the
 * vote buttons in open shadow roots; and old Reddit (old., np., amp., i.), classic `.thing` rows
 * with `data-author`. Both are covered; every hook names the front end it belongs to. Only
 * `/user/<name>` and `/u/<name>` (and the profile's own community `/r/u_<name>`) name a person, so
 * no reserved list is needed; posts are by id, and their author is read from the page.
 *
 * Votes are anonymous: they are paused only when the person chooses (`choosablePauses`, off by
 * default). Replies, comments, chats and messages reach them and are always paused.
 */
import type { Action, ContactAccount, ControlRule, FeedReach, Handle, PageRef, SelfCheck } from './site-adapter';
import { definePage, defineSite } from './site-adapter';
import { cssString } from './css-string';
import { actionByButtonText, addRef, cardOf, cleanHandle, decodeSegment, firstProfileRef, linkReader, linksTo, normalizeHost } from './kit';

// Reddit, seen 2024-07: usernames are 3–20 letters, digits, '_' and '-', matched without case.
// Source: docs/sites/reddit.md (Handles; RES lib/utils/location.js `[\w-]+`, M)
const HANDLE_PATTERN = /^[a-z0-9_-]{3,20}$/;

// Reddit, seen 2026-08: the stable account id, `t2_` and base 36 (`author-id` on shreddit-post, chat
// links). Source: docs/sites/reddit.md (Handles, H)
const ACCOUNT_ID_PATTERN = /^t2_[a-z0-9]{1,16}$/;

// Reddit, seen 2026-03: shreddit on www., sh. and the bare host; new.reddit (the React redesign) is
// gone and serves shreddit; old. and its aliases np., amp., i. serve old Reddit.
// Source: docs/sites/reddit.md (Hosts; Toolbox platform.ts, old-reddit-redirect rules.json, H)
const APP_HOSTS = new Set(['reddit.com', 'www.reddit.com', 'sh.reddit.com', 'new.reddit.com', 'old.reddit.com', 'np.reddit.com', 'amp.reddit.com', 'i.reddit.com']);
const CHAT_HOST = 'chat.reddit.com';

// Reddit, seen 2026-07: post ids are base 36 (`t3_<id36>` as a fullname). Source: docs/sites/reddit.md (URL shapes)
const POST_ID_PATTERN = /^[a-z0-9]{1,12}$/i;

function parseHandle(raw: string): Handle | undefined {
  // Reddit, seen 2026-07: shreddit writes names as `u/Name`; people paste `/u/Name` or `/user/Name` too.
  // Source: docs/sites/reddit.md (Handles)
  const bare = cleanHandle(raw).replace(/^\/?(?:u|user)\//i, '');
  const handle = (decodeSegment(bare) ?? '').toLowerCase();
  return HANDLE_PATTERN.test(handle) ? (handle as Handle) : undefined;
}

/** `/…/comments/<id36>/…` after a profile: one post by that person; without an id, their comments tab. */
function underProfile(handle: Handle, rest: readonly string[]): PageRef {
  const [tab, id] = rest;
  return tab?.toLowerCase() === 'comments' && id && POST_ID_PATTERN.test(id) ? { kind: 'post', handle } : { kind: 'profile', handle };
}

function parseChat(segments: readonly string[]): PageRef | undefined {
  const [first, second] = segments;
  if (first?.toLowerCase() === 'room' && second) return { kind: 'messages' };
  if (first?.toLowerCase() !== 'user' || !second) return undefined;
  // Reddit, seen 2026-05: a chat with someone opens at `chat.reddit.com/user/<name>` or, from Reddit's
  // own links, `chat.reddit.com/user/t2_<id>`. A `t2_…` segment is the account id, not a name
  // (pasted into the options page, it names no one we could show back).
  // Source: docs/sites/reddit.md (URL shapes; RedditEnhancer show_post_author.js, M)
  const raw = (decodeSegment(second) ?? '').toLowerCase();
  if (ACCOUNT_ID_PATTERN.test(raw)) return { kind: 'messages', stableId: raw };
  const handle = parseHandle(raw);
  return handle ? { kind: 'messages', handle } : undefined;
}

function parseUrl(url: URL): PageRef | undefined {
  const host = normalizeHost(url.hostname);
  const segments = url.pathname.split('/').filter(Boolean);
  if (host === CHAT_HOST) return parseChat(segments);
  if (!APP_HOSTS.has(host)) return undefined;
  const [first, second, third] = segments.map((s) => s.toLowerCase());
  // Reddit, seen 2026-07: `/user/<name>` (+ overview, submitted, comments, upvoted…) is the profile;
  // `/u/<name>` redirects there. Source: docs/sites/reddit.md (URL shapes; RES location.js, H)
  if (first === 'user' || first === 'u') {
    const handle = parseHandle(segments[1] ?? '');
    return handle ? underProfile(handle, segments.slice(2)) : undefined;
  }
  if (first === 'r' && second) {
    // Reddit, seen 2026-07: `/r/u_<name>/` is the community of that person's profile.
    // Source: docs/sites/reddit.md (URL shapes, H)
    if (second.startsWith('u_')) {
      const handle = parseHandle(segments[1]!.slice(2));
      if (handle) return underProfile(handle, segments.slice(2));
    }
    // Reddit, seen 2026-07: `/r/<sub>/comments/<id36>/<slug>/[<comment id>/]`: a post (or one comment
    // in it), by id; its author is read from the page. Source: docs/sites/reddit.md (URL shapes, H)
    return third === 'comments' && POST_ID_PATTERN.test(segments[3] ?? '') ? { kind: 'post' } : undefined;
  }
  // Reddit, seen 2026-07: `/comments/<id36>/` and `/gallery/<id36>` are posts by id.
  if ((first === 'comments' || first === 'gallery') && POST_ID_PATTERN.test(segments[1] ?? '')) return { kind: 'post' };
  if (first === 'message') {
    // Reddit, seen 2026-07: `/message/compose/?to=<name>` writes to that person (`to=/r/<sub>` writes
    // to a community's moderators: no one). Source: docs/sites/reddit.md (URL shapes, H)
    if (second === 'compose') {
      const to = url.searchParams.get('to') ?? '';
      const handle = /^\/?r\//i.test(to) ? undefined : parseHandle(to);
      return handle ? { kind: 'messages', handle } : undefined;
    }
    // A private-message thread, by id.
    if (second === 'messages' && segments[2]) return { kind: 'messages' };
  }
  return undefined;
}

const refFromHref = linkReader(parseUrl, 'https://www.reddit.com/');

/** The person an author attribute names (`author`, `data-author`), with their account id when given. */
function refFromAttributes(name: string | null, id: string | null): PageRef | undefined {
  const handle = name ? parseHandle(name) : undefined;
  const stableId = id && ACCOUNT_ID_PATTERN.test(id.toLowerCase()) ? id.toLowerCase() : undefined;
  if (!handle && !stableId) return undefined;
  return { kind: 'profile', ...(handle && { handle }), ...(stableId && { stableId }) };
}

// Feed items, each with what it matches and where it is documented. Comments are items too, so a
// vote or reply on a comment belongs to the commenter, not to the post's author.
const FEED_ITEM_SELECTORS = [
  // shreddit, seen 2026-08: a post, in feeds (inside `article`), on profiles and on its own page;
  // ads are `shreddit-ad-post`, never a person's post. Source: docs/sites/reddit.md (RedditEnhancer
  // block_posts_by_user.js @8b2dcf30, H)
  'shreddit-post',
  // shreddit, seen 2026-08: a comment, nested inside its parent. Source: docs/sites/reddit.md
  // (RedditEnhancer block_comments_by_user.js, H)
  'shreddit-comment',
  // old Reddit, seen 2026-07: a post, comment or message row. Source: docs/sites/reddit.md (RES Thing.js @a12cc4e7, H)
  '.thing[data-author]',
];
const FEED_ITEM_SELECTOR = FEED_ITEM_SELECTORS.join(', ');

function authorsOf(item: Element): PageRef[] {
  const refs: PageRef[] = [];
  if (item.localName === 'shreddit-post' || item.localName === 'shreddit-comment') {
    // shreddit, seen 2026-08: authorship is the `author` attribute, there before layout, with the
    // account id in `author-id` on posts. `[deleted]` authors name no one.
    // Source: docs/sites/reddit.md (Shreddit markup, H)
    addRef(refs, refFromAttributes(item.getAttribute('author'), item.getAttribute('author-id')));
    // Without the attribute (a post still rendering), the credit bar's profile link.
    // Source: docs/sites/reddit.md (`faceplate-tracker[noun="user_profile"]`, H)
    if (refs.length === 0) addRef(refs, firstProfileRef(item.querySelector('[slot="credit-bar"], [slot="commentMeta"]'), refFromHref));
    return refs;
  }
  // old Reddit, seen 2026-07: `data-author` on the row, the `.tagline a.author` link as a fallback.
  // Source: docs/sites/reddit.md (RES Thing.js, H)
  addRef(refs, refFromAttributes(item.getAttribute('data-author'), null));
  if (refs.length === 0) addRef(refs, firstProfileRef(item, refFromHref, { selector: '.tagline a.author' }));
  return refs;
}

/**
 * Everything `authorsOf` could read this account from: the author attributes holding the name (any
 * case; `*=` also covers a `u/` prefix and percent-encoding is not used there), the account id, and
 * profile links holding the name, percent-encoded, or with a tab or line break, which the URL parser
 * drops from inside a name. Extra matches only cost the full check.
 */
function mentionSelector({ handle, stableId }: ContactAccount): string {
  const name = cssString(handle);
  const selectors = [
    `[author*=${name} i]`,
    `[data-author*=${name} i]`,
    '[author*="%"], [data-author*="%"]',
    `a[href*=${name} i]`,
    'a[href*="%"]',
    ...['\t', '\n', '\r'].map((char) => `a[href*=${cssString(char)}]`),
  ];
  if (stableId) selectors.push(`[author-id*=${cssString(stableId)} i]`);
  return selectors.join(', ');
}

// shreddit, seen 2026-08: a comment's own parts (avatar, author line, text, action row) are slotted
// children; its replies are `shreddit-comment` children, or sit in a `shreddit-comment-tree`.
// Source: docs/sites/reddit.md (Shreddit markup: `[slot="commentMeta"]`, `[slot="comment"]`, H)
const COMMENT_OWN_PARTS = '[slot="commentAvatar"], [slot="commentMeta"], [slot="comment"], [slot="actionRow"], shreddit-comment-action-row';

/** The parts of a comment that are its own, so hiding it keeps its replies (other people's) reachable. */
function ownParts(item: Element): Element[] {
  if (item.localName === 'shreddit-comment') {
    return [...item.querySelectorAll(COMMENT_OWN_PARTS)].filter((part) => part.parentElement?.closest('shreddit-comment') === item);
  }
  // old Reddit, seen 2026-07: a comment row holds its votes, entry and `.child` (the replies).
  // Source: docs/sites/reddit.md (Old Reddit markup, H; the `.child` wrapper M)
  if (item.matches('.thing.comment')) return [...item.children].filter((child) => !child.matches('.child'));
  return [];
}

/** A comment's own parts, as CSS: the slotted children above (slotted elements are always the host's children). */
const COMMENT_OWN_CHILDREN = `:is(${COMMENT_OWN_PARTS})`;

/**
 * The items to hide for one account, as exact CSS (the user-origin feed stylesheet). Their own: a
 * shreddit post whose `author` (or `author-id`) is theirs, an old Reddit row whose `data-author`
 * is; a comment only by its own parts, as `ownParts` does, so the replies under it stay (shreddit:
 * its slotted children; old Reddit: its children but `.child`). At 'mentions', also a post with a
 * link to them (their profile, its pages, a chat with them), a comment whose own parts hold one,
 * and a card showing them. Posts still rendering (no `author` yet) are left to the engine's
 * first-moments hold, as everywhere.
 */
function hideSelectors({ handle, stableId }: ContactAccount, reach: FeedReach): string[] {
  const name = cssString(handle);
  const byThem = `[author=${name} i]`;
  const own = [
    `shreddit-post${byThem}`,
    `shreddit-comment${byThem} > ${COMMENT_OWN_CHILDREN}`,
    `.thing[data-author=${name} i]:not(.comment)`,
    `.thing.comment[data-author=${name} i] > :not(.child)`,
  ];
  if (stableId) {
    const byId = `[author-id=${cssString(stableId)} i]`;
    own.push(`shreddit-post${byId}`, `shreddit-comment${byId} > ${COMMENT_OWN_CHILDREN}`);
  }
  if (reach === 'own') return own;
  const origins = [...APP_HOSTS].map((host) => `https://${host}`);
  const paths = [`/user/${handle}`, `/u/${handle}`, `/r/u_${handle}`];
  // chat.reddit.com knows only `/user/<name>` (parseChat); its relative form is already above.
  const toTheirs = [linksTo(paths, origins, { under: true }), linksTo([`/user/${handle}`], [`https://${CHAT_HOST}`], { under: true })].join(', ');
  const toProfile = linksTo(paths, origins);
  return [
    ...own,
    `:is(shreddit-post, .thing:not(.comment)):has(${toTheirs})`,
    `shreddit-comment:has(> ${COMMENT_OWN_CHILDREN} :is(${toTheirs})) > ${COMMENT_OWN_CHILDREN}`,
    `.thing.comment:has(> :not(.child) :is(${toTheirs})) > :not(.child)`,
    cardOf(toProfile),
  ];
}

const POST_ID_IN_PATH = /\/comments\/([a-z0-9]{1,12})(?:\/|$)/i;

function pageOwner(doc: Document): PageRef | undefined {
  const ref = refFromHref(doc.location?.href);
  if (ref?.kind !== 'post' || ref.handle) return undefined;
  // shreddit, seen 2026-07: the post is the `shreddit-post` whose `id` is `t3_<id36>`; old Reddit:
  // the `.thing.link` whose `data-fullname` is. Else the page's first post.
  // Source: docs/sites/reddit.md (Shreddit markup; Old Reddit markup, H)
  const id = POST_ID_IN_PATH.exec(doc.location.pathname)?.[1]?.toLowerCase();
  const fullname = id ? cssString(`t3_${id}`) : undefined;
  const post =
    (fullname && doc.querySelector(`shreddit-post[id=${fullname}], .thing.link[data-fullname=${fullname}]`)) ||
    doc.querySelector('shreddit-post, .thing.link[data-author]');
  const author = post ? authorsOf(post)[0] : undefined;
  return author ? { ...author, kind: 'post' } : undefined;
}

// Each entry: what it matches, and where it is documented. Votes sit in open shadow roots; the
// engine reads the composed path, so the inner button is on it.
const CONTROLS: readonly ControlRule[] = [
  // shreddit, seen 2026-08: up and down votes of a post (in `shreddit-post`'s shadow root) and of a
  // comment (in `shreddit-comment-action-row`'s). Language-independent attributes; pressing a vote
  // again takes it back. Source: docs/sites/reddit.md (RedditEnhancer hide_vote_buttons.js, H)
  { action: 'vote', selector: 'button[upvote]' },
  { action: 'vote', selector: 'button[downvote]' },
  // old Reddit, seen 2026-07: the arrows (`.upmod`/`.downmod` once voted).
  // Source: docs/sites/reddit.md (RES noParticipation.js, H)
  { action: 'vote', selector: '.arrow.up, .arrow.upmod, .arrow.down, .arrow.downmod' },
  // shreddit, seen 2026-08: a comment's Reply (light DOM), and the composer a post page or a reply
  // opens. Source: docs/sites/reddit.md (Controls, H for the selectors, M for their meaning)
  { action: 'reply', selector: 'faceplate-tracker[noun="reply_comment"], faceplate-tracker[noun="reply"], [slot="comment-reply"]' },
  { action: 'comment', selector: '[slot="comment-button"], button[data-post-click-location="comments-button"], shreddit-composer' },
  // old Reddit, seen 2026-07: the reply link in a row's buttons and the reply form's text box
  // (the link's class is UNVERIFIED). Source: docs/sites/reddit.md (Old Reddit markup, U/H)
  { action: 'reply', selector: '.thing .reply-button a, .thing .usertext textarea' },
  // shreddit, seen 2026-08: crosspost (light-DOM slot or the shadow slot). Source: docs/sites/reddit.md
  // (RedditEnhancer hide_repost_button.js, H)
  { action: 'repost', selector: '[slot="repost-button"], slot[name="repost-button"]' },
  // shreddit, seen 2026-08: share on posts and comments. Source: docs/sites/reddit.md (Controls, H)
  { action: 'share', selector: 'shreddit-post-share-button, shreddit-comment-share-button' },
];

// shreddit, seen 2026-08: Follow (on a profile and in the author's hover card) and Chat are known
// only by their text; "Open chat" is a link to chat.reddit.com/user/<name>, which the link guard
// stops. Labels: en from Reddit (docs/sites/reddit.md, Controls, M); es, pt, fr, de are Reddit's
// usual translations, UNVERIFIED against its localised UI (docs/sites/reddit.md, Labels).
const ACTION_BY_BUTTON_TEXT: ReadonlyMap<string, Action> = new Map([
  ['follow', 'follow'],
  ['seguir', 'follow'],
  ['suivre', 'follow'],
  ['folgen', 'follow'],
  ['chat', 'message'],
  ['start chat', 'message'],
  ['chatear', 'message'],
  ['iniciar chat', 'message'],
  ['conversar', 'message'],
  ['iniciar conversa', 'message'],
  ['discuter', 'message'],
  ['démarrer le chat', 'message'],
  ['chatten', 'message'],
  ['chat starten', 'message'],
]);

const classifyControl = (path: readonly Element[]) => actionByButtonText(path, ACTION_BY_BUTTON_TEXT);

// ---- self-check (issue 12): what a working page shows ----------------------------------------
// Reddit, seen 2026-12: the home feed (`/`, `/best`) shows posts; a post page's URL names no one,
// so the page must say whose it is. Source: docs/sites/reddit.md
const SELF_CHECK: SelfCheck = {
  feedPaths: ['/', '/best'],
  expects: [
    { on: 'feed', finds: 'feed-items' },
    { on: 'post', finds: 'owner' },
  ],
};

/** What the site's pages need: the guard's first stage here carries this and the engine, nothing else (modules/site-bundles.ts). */
export const page = definePage({
  id: 'reddit',
  parseUrl,
  normalizeHandle: parseHandle,
  pageOwner,
  feedItem: { selector: FEED_ITEM_SELECTOR, authors: authorsOf, mentionSelector, ownParts },
  controls: CONTROLS,
  classifyControl,
  // Reddit, seen 2026-07: votes are anonymous to the author; the person chooses whether they pause.
  // Source: docs/sites/reddit.md (What the other person is told, H)
  choosablePauses: { vote: false },
  // Reddit, seen 2026-07: Reddit shows no one who viewed their profile or posts.
  // Source: docs/sites/reddit.md (What the other person is told, H)
  selfCheck: SELF_CHECK,
});

/** The whole site: the page part, plus what only the background and the extension's pages read. */
export const redditAdapter = defineSite(page, {
  label: 'Reddit',
  hosts: ['reddit.com'],
  matches: ['*://*.reddit.com/*'],
  profileUrl: (handle) => `https://www.reddit.com/user/${handle}/`,
  // Reddit, seen 2026-07: `/u/<name>` is the same profile, and `/message/compose/?to=<name>` writes to
  // them; both name them in the address, so the cover registration names them too. Source: docs/sites/reddit.md
  coverPaths: (handle) => [`/u/${handle}`, `/u/${handle}/*`, `/u/${handle}?*`, ...['/message/compose?', '/message/compose/?'].flatMap((page) => [`${page}to=${handle}`, `${page}to=${handle}&*`])],
  hideSelectors,
});

export default redditAdapter;
