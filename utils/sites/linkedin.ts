/**
 * LinkedIn (www.linkedin.com). Facts and confidence levels: docs/sites/linkedin.md.
 *
 * LinkedIn is mid-migration between two front ends, and both are served in 2026, even to one
 * account: the legacy Ember app ("v1": BEM classes such as `update-components-actor__*`,
 * `data-urn`) and the React server-driven one ("v2": generated classes, but `data-view-name`
 * attributes). Every hook below names the generation it belongs to.
 * Source: docs/sites/linkedin.md (knamnguyen/trusthuman.io `dom/detect.ts` @0047d06a, H)
 */
import type { Action, ContactAccount, ControlRule, FeedReach, Handle, PageRef, SelfCheck } from './site-adapter';
import type { LocalizedLabel } from './kit';
import { definePage, defineSite } from './site-adapter';
import { cssString } from './css-string';
import { actionsByText, addRef, ariaLabelSelector, ariaLabelTemplate, cardOf, cleanHandle, decodeSegment, firstProfileRef, linkReader, linksTo, normalizeHost } from './kit';

// LinkedIn, seen 2026-02: a vanity ("public profile URL") is 3–100 characters without spaces or
// symbols; in practice letters, digits and hyphens (default form `john-smith-2a1ba6258`).
// Non-Latin vanities are letters too (they appear percent-encoded in URLs). Case-insensitive.
// Source: docs/sites/linkedin.md (LinkedIn Help answer 87, H)
const VANITY_PATTERN = /^[\p{L}\p{N}-]{3,100}$/u;

// LinkedIn, seen 2026-02: `/in/ACoAA…/` carries the member id (the tail of the profile URN
// `urn:li:fsd_profile:ACoAA…`) instead of a vanity. The id is case-sensitive and kept as is.
// Source: docs/sites/linkedin.md (trusthuman `extract-profile-page-info.ts`, Safari_Automations, H)
const MEMBER_ID_PATTERN = /^ACoA[A-Za-z0-9_-]{10,}$/;
const MEMBER_ID_IN_URN = /^urn:li:(?:fsd_profile|fs_miniProfile|member):(ACoA[A-Za-z0-9_-]{10,})$/;

// LinkedIn, seen 2026-02: the app hosts, plus country subdomains (`uk.linkedin.com/in/…`) that
// serve public profiles. Source: docs/sites/linkedin.md (Hosts, M)
const APP_HOSTS = new Set(['linkedin.com', 'www.linkedin.com']);
const COUNTRY_HOST = /^[a-z]{2}\.linkedin\.com$/;

// LinkedIn, seen 2026-02: a post URL with the author is `/posts/<vanity>_<slug>-activity-<id>-<x>/`;
// one without is `/feed/update/urn:li:activity:<id>/` (or ugcPost, share).
// Source: docs/sites/linkedin.md (URL shapes, M)
const ACTIVITY_URN = /^urn:li:(?:activity|ugcPost|share):\d+$/;

function parseHandle(raw: string): Handle | undefined {
  const trimmed = cleanHandle(raw);
  if (MEMBER_ID_PATTERN.test(trimmed)) return undefined;
  const decoded = decodeSegment(trimmed);
  if (decoded === undefined) return undefined;
  const handle = decoded.toLowerCase();
  return VANITY_PATTERN.test(handle) ? (handle as Handle) : undefined;
}

function isAppHost(url: URL): boolean {
  const host = normalizeHost(url.hostname);
  return APP_HOSTS.has(host) || COUNTRY_HOST.test(host);
}

/** The member id a link carries in its query (`profileUrn=…`, `miniProfileUrn=…`), if any. */
function memberIdFromQuery(params: URLSearchParams): string | undefined {
  for (const name of ['profileUrn', 'miniProfileUrn']) {
    const id = MEMBER_ID_IN_URN.exec(params.get(name) ?? '')?.[1];
    if (id) return id;
  }
  return undefined;
}

function parseProfile(segment: string | undefined, params: URLSearchParams): PageRef | undefined {
  if (!segment) return undefined;
  if (MEMBER_ID_PATTERN.test(segment)) return { kind: 'profile', stableId: segment };
  const handle = parseHandle(segment);
  if (!handle) return undefined;
  // LinkedIn, seen 2026-02: v2 links (e.g. "people you may know") add `profileUrn=urn:li:fsd_profile:ACoAA…`,
  // so the member id rides along with the vanity. Source: docs/sites/linkedin.md (trusthuman, H)
  const stableId = memberIdFromQuery(params);
  return { kind: 'profile', handle, ...(stableId && { stableId }) };
}

function parseUrl(url: URL): PageRef | undefined {
  if (!isAppHost(url)) return undefined;
  const segments = url.pathname.split('/').filter(Boolean);
  const first = segments[0]?.toLowerCase();
  const [, second, third] = segments;
  // LinkedIn, seen 2026-02: people live under `/in/` only (sub-pages such as recent-activity,
  // details and overlay are still theirs); companies, schools and showcases are never people.
  // Source: docs/sites/linkedin.md (URL shapes, H)
  if (first === 'in') return parseProfile(second, url.searchParams);
  if (first === 'posts') {
    const slug = decodeSegment(second ?? '');
    if (!slug) return undefined;
    const underscore = slug.indexOf('_');
    const handle = underscore > 0 ? parseHandle(slug.slice(0, underscore)) : undefined;
    return handle ? { kind: 'post', handle } : { kind: 'post' };
  }
  if (first === 'feed' && second === 'update') {
    return ACTIVITY_URN.test(decodeSegment(third ?? '') ?? '') ? { kind: 'post' } : undefined;
  }
  // LinkedIn, seen 2026-02: thread ids are opaque. Source: docs/sites/linkedin.md (URL shapes)
  if (first === 'messaging' && second === 'thread' && third) return { kind: 'messages' };
  return undefined;
}

const refFromHref = linkReader(parseUrl, 'https://www.linkedin.com/');

/** People only: a `/posts/<vanity>_…` link names its author but is not a person's link. */
function addLinks(refs: PageRef[], links: Iterable<Element>): void {
  for (const link of links) {
    const ref = refFromHref(link.getAttribute('href'));
    if (ref?.kind === 'profile') addRef(refs, ref);
  }
}

// Feed items, each with what it matches and where it is documented. Comments are items too, so a
// reaction or reply on a comment belongs to the commenter, not to the post's author.
const FEED_ITEM_SELECTORS = [
  // LinkedIn v2, seen 2026-08: a post is a `div[role="listitem"]` in the main feed, or the parent of
  // `feed-full-update`. Source: docs/sites/linkedin.md (trusthuman; news-feed-eradicator, H/M)
  '[data-testid="mainFeed"] div[role="listitem"]',
  'div[role="listitem"]:has(> [data-view-name="feed-full-update"])',
  // LinkedIn v2, seen 2026-02: the post on its own page. Source: docs/sites/linkedin.md (H)
  'div[data-view-name="feed-detail-page"]',
  // LinkedIn v2, seen 2026-02: a comment. Source: docs/sites/linkedin.md (trusthuman, H)
  '[data-view-name="comment-container"]',
  // LinkedIn v1, seen 2026-03: a post by its activity URN, and its BEM container.
  // Source: docs/sites/linkedin.md (trusthuman utils-v1; Safari_Automations, H)
  'div[data-urn^="urn:li:activity:"]',
  'div[data-id^="urn:li:activity:"]',
  '.feed-shared-update-v2',
  // LinkedIn v1, seen 2026-03: a comment. Source: docs/sites/linkedin.md (M)
  'article.comments-comment-entity',
  '.comments-comment-item',
];

const COMMENT_ITEM = '[data-view-name="comment-container"], article.comments-comment-entity, .comments-comment-item';

function authorsOf(item: Element): PageRef[] {
  const refs: PageRef[] = [];
  if (item.matches(COMMENT_ITEM)) {
    // LinkedIn v2, seen 2026-02: the commenter's link is `comment-actor-picture` (`reply-actor-picture`
    // on replies); v1 has only the first `/in/` link. Source: docs/sites/linkedin.md (H/M)
    addLinks(refs, item.querySelectorAll('a[data-view-name="comment-actor-picture"], a[data-view-name="reply-actor-picture"]'));
    if (refs.length === 0) addLinks(refs, [...item.querySelectorAll('a[href*="/in/"]')].slice(0, 1));
    return refs.slice(0, 1);
  }
  // LinkedIn v2, seen 2026-02: the author is `a[data-view-name="feed-actor-image"]` (`/in/…`, or
  // `/company/…` for an organisation, which is never a guarded person); a reshared post has its own
  // actor after it. Source: docs/sites/linkedin.md (trusthuman post/utils-v2, H)
  // LinkedIn v1, seen 2026-03: `a.update-components-actor__meta-link` / `__image`.
  // Source: docs/sites/linkedin.md (trusthuman post/utils-v1, H)
  addLinks(refs, item.querySelectorAll('a[data-view-name="feed-actor-image"], a.update-components-actor__meta-link, a.update-components-actor__image'));
  // LinkedIn v2, seen 2026-02: "<name> likes this / commented on this" above a post names a
  // different person (`feed-header-actor-image`); they are involved too, after the author.
  // Source: docs/sites/linkedin.md (trusthuman friend-activity detector, H)
  addLinks(refs, item.querySelectorAll('a[data-view-name="feed-header-actor-image"]'));
  return refs;
}

/**
 * Everything in an item that `authorsOf` could read this account from (it reads links only, all
 * inside the item): a link containing the vanity (any case) or the member id (`/in/ACoAA…`,
 * `profileUrn=…ACoAA…`; the id is case-sensitive), or a percent-encoded one (vanities and query
 * parameters are decoded before parsing), or one with a tab or line break, which the URL parser drops
 * from inside a name. Vanities are lower-cased with full Unicode rules, which CSS's `i` does not
 * follow: the Kelvin sign (U+212A) lower-cases to `k`, so a link holding one matches when the vanity
 * has a `k`; a vanity beyond ASCII matches every link (no shortcut for that person).
 */
function mentionSelector({ handle, stableId }: ContactAccount): string {
  const selectors = [
    `a[href*=${cssString(handle)} i]`,
    'a[href*="%"]',
    ...['\t', '\n', '\r'].map((char) => `a[href*=${cssString(char)}]`),
  ];
  if (!/^[\x00-\x7f]*$/.test(handle)) selectors.push('a[href]');
  else if (/k/i.test(handle)) selectors.push(`a[href*=${cssString('\u212a')}]`);
  if (stableId) selectors.push(`a[href*=${cssString(stableId)}]`);
  return selectors.join(', ');
}

/**
 * The items to hide for one account, as exact CSS (the user-origin feed stylesheet). Their own: a
 * post whose actor link (v2 `feed-actor-image`, v1 actor links) or "likes this" header links to
 * them, and a comment or reply whose own actor picture does (v1: whose link does). At 'mentions',
 * also any item with a link to them (a mention, a tag) and a "People you may know" card. Undefined
 * for a vanity beyond ASCII: CSS's `i` folds ASCII only, and LinkedIn's vanities fold fully.
 */
function hideSelectors({ handle, stableId }: ContactAccount, reach: FeedReach): string[] | undefined {
  if (!/^[\x00-\x7f]*$/.test(handle)) return undefined;
  const origins = ['https://www.linkedin.com', 'https://linkedin.com'];
  const paths = [`/in/${handle}`, ...(stableId ? [`/in/${stableId}`] : [])];
  const toProfile = linksTo(paths, origins);
  const posts = `:is(${FEED_ITEM_SELECTOR}):not(${COMMENT_ITEM})`;
  const actors = 'a:is([data-view-name="feed-actor-image"], .update-components-actor__meta-link, .update-components-actor__image, [data-view-name="feed-header-actor-image"])';
  const pictures = 'a:is([data-view-name="comment-actor-picture"], [data-view-name="reply-actor-picture"])';
  const own = [
    `${posts}:has(${actors}:is(${toProfile}))`,
    `:is(${COMMENT_ITEM}):has(a[data-view-name="comment-actor-picture"]:is(${toProfile}))`,
    `:is(${COMMENT_ITEM}):not(:has(a[data-view-name="comment-actor-picture"])):has(a[data-view-name="reply-actor-picture"]:is(${toProfile}))`,
    `:is(${COMMENT_ITEM}):not(:has(${pictures})):has(${toProfile})`,
  ];
  return reach === 'own' ? own : [...own, `:is(${FEED_ITEM_SELECTOR}):has(${linksTo(paths, origins, { under: true })})`, cardOf(toProfile)];
}

function pageOwner(doc: Document): PageRef | undefined {
  const ref = refFromHref(doc.location?.href);
  if (!ref || ref.handle || ref.stableId) return undefined;
  if (ref.kind === 'post') {
    // LinkedIn, seen 2026-02: a post opened by URN: v2 wraps it in `feed-detail-page`; v1 shows the
    // update with that `data-urn`. Source: docs/sites/linkedin.md (H)
    const urn = decodeSegment(doc.location.pathname.split('/').filter(Boolean)[2] ?? '') ?? '';
    const container =
      doc.querySelector('div[data-view-name="feed-detail-page"]') ??
      (ACTIVITY_URN.test(urn) ? doc.querySelector(`[data-urn="${urn}"]`) : null);
    const author = container ? authorsOf(container)[0] : undefined;
    return author ? { ...author, kind: 'post' } : undefined;
  }
  if (ref.kind === 'messages') {
    // LinkedIn, seen 2026-02: a thread's header links to the other person's profile (UNVERIFIED: no
    // documented hook; the first `/in/` link in the thread pane is read, the conversation list links
    // to threads, not profiles). Source: docs/sites/linkedin.md (Contact in itself, M)
    const person = firstProfileRef(doc.querySelector('main') ?? doc.body, refFromHref, { selector: 'a[href*="/in/"]', byStableIdToo: true });
    if (person) return { ...person, kind: 'messages' };
  }
  return undefined;
}

const FEED_ITEM_SELECTOR = FEED_ITEM_SELECTORS.join(', ');

/**
 * A control drawn with one of LinkedIn's named icons: v1 writes `<svg data-test-icon="repost-medium">`
 * around `<use href="#repost-medium">`, v2 an `svg` whose id is the icon's name. The names are the
 * same in every interface language, so these hooks do not depend on it.
 */
function aroundIcon(element: string, names: readonly string[]): string {
  const icons = names.flatMap((name) => [`svg#${name}`, `svg[data-test-icon="${name}"]`, `use[href="#${name}"]`]);
  return `${element}:has(${icons.join(', ')})`;
}

// LinkedIn, seen 2026-12: the labels of controls that have no `data-view-name`, in each interface
// language. `{name}` is the person's display name. Every form, with its source and confidence, is in
// docs/sites/linkedin.md (Languages); forms marked U there are LinkedIn's usual wording that no public
// source shows yet, which is why each control also has a language-independent icon hook below.
// Source: docs/sites/linkedin.md (Languages)
const LABELS = {
  reactLike: { en: ['React Like'], es: ['Reaccionar Recomendar'], pt: ['Reagir Gostei'], fr: ['Réagir J’aime'], de: ['Reagieren Gefällt mir'] },
  comment: { en: ['Comment'], es: ['Comentar'], pt: ['Comentar'], fr: ['Commenter'], de: ['Kommentieren'] },
  repost: { en: ['Repost'], es: ['Compartir'], pt: ['Compartilhar'], fr: ['Republier'], de: ['Reposten'] },
  send: { en: ['Send'], es: ['Enviar'], pt: ['Enviar'], fr: ['Envoyer'], de: ['Senden'] },
  connect: {
    en: ['Invite {name} to connect'],
    es: ['Invitar a {name} a conectar'],
    pt: ['Convidar {name} para se conectar'],
    fr: ['Inviter {name} à rejoindre votre réseau', 'Invitez {name} à rejoindre votre réseau'],
    de: [],
  },
  follow: { en: ['Follow {name}'], es: ['Seguir a {name}'], pt: ['Seguir {name}'], fr: ['Suivre {name}'], de: ['{name} folgen'] },
  message: {
    en: ['Message {name}'],
    es: ['Enviar mensaje a {name}'],
    pt: ['Enviar mensagem para {name}'],
    fr: ['Envoyer un message à {name}'],
    de: ['Nachricht an {name}'],
  },
} as const satisfies Record<string, LocalizedLabel>;

// Each entry: what it matches, and where it is documented. The first rule that matches an element
// decides its action, so the profile's "Message" comes before the post's "Send" icon it shares.
const CONTROLS: readonly ControlRule[] = [
  // LinkedIn v2, seen 2026-02: the react (like) button; long press or hover offers other reactions
  // from the same button. Source: docs/sites/linkedin.md (trusthuman comment/utils-v2, H)
  { action: 'like', selector: 'button[data-view-name="reaction-button"]' },
  // LinkedIn v2, seen 2026-02: reacting to a comment. Source: docs/sites/linkedin.md (H)
  { action: 'like', selector: 'button[data-view-name="comment-reaction-button"]' },
  // LinkedIn v1, seen 2026-03: `React Like`; `aria-pressed="true"` once reacted, and pressing it then
  // takes the reaction back, which tells them nothing new. Source: docs/sites/linkedin.md (H; Languages U)
  { action: 'like', selector: `:is(${ariaLabelSelector('button', LABELS.reactLike)}):not([aria-pressed="true"])` },
  // LinkedIn, seen 2026-12: the like button's outline thumb (filled once reacted), in any language.
  // Source: docs/sites/linkedin.md (Languages: icon names, M)
  { action: 'like', selector: aroundIcon('button', ['thumbs-up-outline-small', 'thumbs-up-outline-medium']) },
  // LinkedIn v2, seen 2026-02: the comment button and the composer's submit.
  // Source: docs/sites/linkedin.md (trusthuman, H)
  { action: 'comment', selector: 'button[data-view-name="feed-comment-button"]' },
  { action: 'comment', selector: '[data-view-name="comment-post"]' },
  // LinkedIn v1, seen 2026-03 (the icon 2026-12): the comment button by its label, and by its icon
  // in any language.
  // Source: docs/sites/linkedin.md (M; Languages, M/U)
  { action: 'comment', selector: ariaLabelSelector('button', LABELS.comment) },
  { action: 'comment', selector: aroundIcon('button', ['comment-small', 'comment-medium']) },
  // LinkedIn, seen 2026-02 (icon and class 2026-12): Repost: its label starts with "Repost"; v1's button is
  // `social-reshare-button`, and both generations draw the `repost` icon.
  // Source: docs/sites/linkedin.md (Controls, U; Languages: icon names and class, M)
  { action: 'repost', selector: ariaLabelTemplate('button', LABELS.repost) },
  { action: 'repost', selector: `button.social-reshare-button, ${aroundIcon('button', ['repost-small', 'repost-medium'])}` },
  // LinkedIn, seen 2026-02: profile actions are labelled "Invite <Name> to connect", "Follow <Name>",
  // "Message <Name>" (also inside the "More" menu as role=button); the connect item draws the
  // `connect` icon in every language (seen 2026-12). A connection request is counted as a follow.
  // Source: docs/sites/linkedin.md (Controls, M; Languages)
  { action: 'follow', selector: ariaLabelTemplate(':is(button, [role="button"])', LABELS.connect) },
  { action: 'follow', selector: aroundIcon(':is(button, [role="button"])', ['connect-small', 'connect-medium']) },
  { action: 'follow', selector: ariaLabelTemplate(':is(button, [role="button"])', LABELS.follow) },
  { action: 'message', selector: ariaLabelTemplate(':is(button, a, [role="button"])', LABELS.message) },
  // LinkedIn, seen 2026-12: Send (share to DMs) in a post's action bar: v1's `send-privately-button`,
  // and the `send-privately` icon in both generations; outside a post the same icon is the profile's
  // Message button. Source: docs/sites/linkedin.md (Languages: icon names and class, M)
  { action: 'share', selector: `:is(${FEED_ITEM_SELECTOR}) :is(button.send-privately-button, ${aroundIcon(':is(button, a)', ['send-privately-small', 'send-privately-medium'])})` },
  { action: 'message', selector: aroundIcon(':is(button, a)', ['send-privately-small', 'send-privately-medium']) },
];

// LinkedIn, seen 2026-02: Repost and Send (share to DMs) in a post's action bar are also known by
// their text. Source: docs/sites/linkedin.md (Controls, U; Languages)
const ACTION_BY_BUTTON_TEXT: ReadonlyMap<string, Action> = actionsByText([
  [LABELS.repost, 'repost'],
  [LABELS.send, 'share'],
]);



function classifyControl(path: readonly Element[]): Action | undefined {
  const button = path.find((element) => element.localName === 'button');
  if (!button || !path.some((element) => element.matches(FEED_ITEM_SELECTOR))) return undefined;
  const text = (button.textContent ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
  return ACTION_BY_BUTTON_TEXT.get(text);
}

/**
 * The vanity as request URLs carry it: ASCII as is (the rule is case-insensitive), every other
 * character percent-encoded in UTF-8, with both its lower- and upper-case encodings, because case
 * folding does not reach inside percent escapes.
 */
function vanityPattern(handle: Handle): string {
  let pattern = '';
  for (const char of handle) {
    if (/^[a-z0-9-]$/.test(char)) pattern += char;
    else {
      const forms = [...new Set([char.toLowerCase(), char.toUpperCase()])].map(encodeURIComponent);
      pattern += forms.length === 1 ? forms[0] : `(?:${forms.join('|')})`;
    }
  }
  return pattern;
}

// LinkedIn, seen 2026-02: opening a profile can show the viewer in "Who's viewed your profile", so a
// full load of `/in/<vanity>` (any sub-page, any query) is redirected before the request leaves.
// The background sets `isUrlFilterCaseSensitive: false`. Source: docs/sites/linkedin.md
// (LinkedIn Help "Private Mode Viewers of Profiles", answer 47082, H)
// The same profile also opens at `/in/<member id>/` (search results and some links carry it), so a
// known member id (when one is known for the account) joins the vanity in the rule. Member
// ids are case-sensitive but the rule is not: two ids differing only in case would both be caught,
// which errs towards a pause. Source: docs/sites/linkedin.md (URL shapes, H; trusthuman
// `extract-profile-page-info.ts`, H)
function contactRequestRegexes({ handle, stableId }: ContactAccount): string[] {
  const names = [vanityPattern(handle)];
  if (stableId && MEMBER_ID_PATTERN.test(stableId)) names.push(stableId);
  const name = names.length === 1 ? names[0] : `(?:${names.join('|')})`;
  return [`^https?://(?:www\\.|[a-z]{2}\\.)?linkedin\\.com/in/${name}(?:[/?#].*)?$`];
}

// ---- self-check (issue 12): what a working page shows ----------------------------------------
// LinkedIn, seen 2026-11: the home feed is `/feed/`; a post shows its reaction button; a post by activity id names its author in the page. Source: docs/sites/linkedin.md
const SELF_CHECK: SelfCheck = {
  feedPaths: ['/feed/'],
  expects: [
    { on: 'feed', finds: 'feed-items' },
    { on: 'post', finds: 'like' },
    { on: 'post', finds: 'owner' },
  ],
};

/** What the site's pages need: the guard's first stage here carries this and the engine, nothing else (modules/site-bundles.ts). */
export const page = definePage({
  id: 'linkedin',
  parseUrl,
  normalizeHandle: parseHandle,
  pageOwner,
  feedItem: { selector: FEED_ITEM_SELECTOR, authors: authorsOf, mentionSelector },
  controls: CONTROLS,
  classifyControl,
  // LinkedIn, seen 2026-02: profile views are shown to the person (by the viewer's own setting);
  // opening a thread with their unread messages can show it read.
  // Source: docs/sites/linkedin.md (Contact in itself, H/M)
  visibleToThem: { profile: 'profile-views', messages: 'read-receipts' },
  selfCheck: SELF_CHECK,
});

/** The whole site: the page part, plus what only the background and the extension's pages read. */
export const linkedinAdapter = defineSite(page, {
  label: 'LinkedIn',
  hosts: ['linkedin.com'],
  matches: ['*://*.linkedin.com/*'],
  profileUrl: (handle) => `https://www.linkedin.com/in/${encodeURIComponent(handle)}/`,
  hideSelectors,
  contactRequestRegexes,
});

export default linkedinAdapter;
