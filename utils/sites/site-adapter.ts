/**
 * The one interface every site adapter implements. An adapter is a declaration plus a few
 * pure functions: no listeners, observers, timers or state, and nothing imported from the
 * engine or the UI. The engine reads these declarations; it never names a site.
 */
import type { SiteId } from './registry';

export type { SiteId };

/** A normalised account name on one site (lower-case, no '@', no slashes). */
export type Handle = string & { readonly __brand: 'Handle' };

export type PageKind = 'profile' | 'story' | 'post' | 'messages';

/**
 * What a URL (or a feed item) says about one person. `handle` and `stableId` are both optional
 * because some URLs carry only an id (a Bluesky DID, a LinkedIn member id), and some post URLs
 * name no one (then the adapter returns a ref without either and `pageAuthor` reads the DOM).
 */
export interface PageRef {
  kind: PageKind;
  handle?: Handle;
  stableId?: string;
}

/** Every action a control can take; a list so the settings schema can name them too. */
export const ACTIONS = ['like', 'comment', 'reply', 'repost', 'quote', 'share', 'follow', 'message', 'vote'] as const;

export type Action = (typeof ACTIONS)[number];

/**
 * How a control is reached: a press (click, Enter/Space), a double-tap on media (Instagram's like),
 * or a hover that opens something acting for the person (a reactions menu). A hover on a guarded
 * person's control never reaches the site, and asks nothing: a hover is not a choice.
 */
export type Gesture = 'press' | 'double-tap' | 'hover';

export interface ControlRule {
  action: Action;
  /** A CSS selector matched against every element on the event's composed path. */
  selector: string;
  gesture?: Gesture;
}

/**
 * An element that opens one person's page in-app without being a link: a story ring in a tray, a
 * button whose own label names its owner. The engine treats a press on it as a press on a link to
 * that page: stopped before the site's own handler runs when that person is guarded.
 */
export interface OpenerRule {
  /** A CSS selector matched against every element on the event's composed path. */
  selector: string;
  /** The page it opens, read from the element itself; undefined when it names no one. Pure. */
  opens(element: Element): PageRef | undefined;
}

/** A single-key shortcut that acts on the focused post (X: l likes, r replies, t reposts, m messages). */
export interface ShortcutRule {
  key: string;
  action: Action;
}

/** One guarded account, as the rules that stop contact-in-itself requests need it. */
export interface ContactAccount {
  handle: Handle;
  stableId?: string;
}

/**
 * Views the other person is told about. The interstitial owns the words; the adapter owns the fact.
 * `mutual-view-history`: the site lists who viewed a profile or a post only when both people have
 * its view history turned on, which no one else can know, so the words say they MAY see it.
 */
export const CONTACT_SIGNALS = ['story-viewers', 'profile-views', 'read-receipts', 'mutual-view-history'] as const;
export type ContactSignal = (typeof CONTACT_SIGNALS)[number];

/**
 * Signals that reach them only under conditions no one else can know (their settings, both
 * people's settings): every sentence about them says "may", never "can" or "will".
 */
export const UNCERTAIN_SIGNALS: ReadonlySet<ContactSignal> = new Set<ContactSignal>(['read-receipts', 'mutual-view-history']);

/**
 * How far feed hiding reaches: 'own', the items `authors()` names them in (their posts, reposts,
 * quotes, their card); 'mentions', also any item that links to them (a post that tags or mentions
 * them, a suggestion card showing them). The same values as the stored `settings.feedReach`.
 */
export type FeedReach = 'own' | 'mentions';

export interface FeedItemRule {
  /** Selector of one post (or comment) in a feed. */
  selector: string;
  /** The people an item is by: its author first, then anyone it reposts or quotes on purpose. */
  authors(item: Element): PageRef[];
  /**
   * A CSS selector for the elements of an item (the item itself included) that could name this
   * account. The engine runs `authors()` only on items where something matches, so a busy feed
   * costs one native query per item instead of the adapter's parsing. It must be conservative:
   * every element `authors()` could read this account from matches; extra matches only cost the
   * full check. Without it, every item gets the full check.
   */
  mentionSelector?(account: ContactAccount): string;
  /**
   * For items that hold other people's items (a comment and its replies): the parts of the item
   * that are its own (author line, text, actions), hidden instead of the whole item so the replies
   * stay reachable. The placeholder stands before the first part. Without it, the whole item hides.
   */
  ownParts?(item: Element): Element[];
}

/**
 * What the guard's self-check looks for, with the adapter's own declarations so that a stale one
 * shows: 'feed-items' (`feedItem.selector`), 'owner' (`pageOwner`, on pages whose URL names no one),
 * or an action (the `controls` rules pressed for it).
 */
export type PageSign = 'feed-items' | 'owner' | Action;

export interface PageExpectation {
  /** 'feed': the site's home feed (at one of `feedPaths`); a page kind: every page of that kind. */
  on: 'feed' | PageKind;
  finds: PageSign;
  /**
   * For 'feed-items' and actions: what one of the elements found must also match, when only some
   * of them say the page works (posts, not the story rings that are feed items too).
   */
  only?: string;
}

/**
 * What a working page of this site shows (issue 12, item 6). Sites change their markup without
 * notice and the extension never fetches updates: the engine checks these once a page has
 * rendered, the background counts the misses, and after repeated misses the popup says that the
 * guard may not see everything on this site. Nothing is sent anywhere.
 */
export interface SelfCheck {
  /** Paths of the home feed ('/', '/home', '/feed/'): pages whose URL names no one and that always show items. */
  feedPaths: readonly string[];
  expects: readonly PageExpectation[];
}

/**
 * What a site's own pages need, and all the guard's first stage carries (modules/site-bundles.ts):
 * the parser, the feed items, the controls, the facts the prompt needs. Everything else about a
 * site (its label, hosts, match patterns, the cover registration's paths, the redirect rules, the
 * feed stylesheet's selectors) only the background and the extension's own pages read
 * ({@link SiteDeclaration}): a page of the site never downloads, parses or runs it.
 */
export interface PageAdapter<Id extends string = SiteId> {
  id: Id;
  /** Classifies a URL: a page about one person, or undefined. Never throws. */
  parseUrl(url: URL): PageRef | undefined;
  /** Case, leading '@', trailing slash. Undefined when `raw` cannot be a handle on this site. */
  normalizeHandle(raw: string): Handle | undefined;
  /**
   * For pages whose URL names no one (a post by id, a DM thread): whose page is it, read from the
   * DOM. Called again as the page renders.
   */
  pageOwner?(doc: Document): PageRef | undefined;
  feedItem?: FeedItemRule;
  controls: readonly ControlRule[];
  /**
   * For controls CSS cannot describe (a button known only by its text, say): classify the event's
   * composed path (innermost first). Pure; return undefined when nothing on the path is a control.
   */
  classifyControl?(path: readonly Element[]): Action | undefined;
  shortcuts?: readonly ShortcutRule[];
  /** Elements that open someone's page without being links (story rings in a tray). */
  openers?: readonly OpenerRule[];
  /**
   * Actions paused only when the person chooses (settings `choosablePauses`), each with whether it
   * is paused by default: for actions the other person is not told about (an anonymous vote).
   * Every other action is always paused.
   */
  choosablePauses?: Partial<Record<Action, boolean>>;
  /** Page kinds whose mere viewing is visible to the other person. */
  visibleToThem?: Partial<Record<PageKind, ContactSignal>>;
  selfCheck?: SelfCheck;
}

/**
 * What only the background and the extension's own pages (options, popup) read about a site. The
 * guard's first stage never imports it: it is the second argument of {@link defineSite}, which
 * the page bundle drops (nothing there reads the whole adapter).
 */
export interface SiteDeclaration {
  /** Shown on the options page. */
  label: string;
  /** Host names this adapter answers for (exact, lower-case). */
  hosts: readonly string[];
  /** Match patterns the background registers the content script on. */
  matches: readonly string[];
  /** A canonical profile link, shown back to the person when they paste one. */
  profileUrl(handle: Handle): string;
  /**
   * Match-pattern paths (`*` wildcards allowed) of an account's pages that `profileUrl` does not
   * spell, for the cover registration (utils/background/cover-patterns.ts): other URL forms (a
   * short profile path, a compose page naming them in its query) or spellings the site reads as
   * the same name (Facebook ignores periods in a vanity). Called with each case form of the handle
   * the site accepts. A pattern may match more than their pages: such a page is covered from its
   * first frame until the guard list is read, as every profile was before December 2026.
   */
  coverPaths?(handle: string): string[];
  /**
   * `feedItem.hideSelectors` of the whole adapter (see {@link SiteFeedItemRule}): declared here
   * because only the background's feed stylesheet reads it. Needs a `feedItem` on the page part.
   */
  hideSelectors?: SiteFeedItemRule['hideSelectors'];
  /**
   * A site whose accounts usually carry the same handle as this site's (Threads accounts are made
   * from Instagram accounts): when a person has an account there, the options page offers, with one
   * click and never by itself, to guard the same handle here too. A site id; a plain string because
   * `SiteId` is derived from the adapters themselves (the meta test checks it is registered).
   */
  sameHandleAs?: string;
  /**
   * The site also knows each account by a number that some of its pages carry instead of the name
   * (Facebook: stories and Messenger threads name only the numeric id). The options page then says,
   * with an example from `profileUrl` of a number, that a profile address with a number adds the
   * person by it. `normalizeHandle` must accept the number.
   */
  accountsByNumber?: boolean;
  /**
   * For views the other person is told about: RE2 regular expressions (declarativeNetRequest
   * `regexFilter`) of the full-load URLs that tell them, given one guarded account (its handle,
   * and its stable id where URLs can carry one instead, such as a LinkedIn member id). The
   * background turns these into case-insensitive redirect rules to the pause page, so the
   * request never leaves. Anchored, no lookaround (RE2), and kept short: Chrome refuses a rule
   * whose compiled regex exceeds 2 KB.
   */
  contactRequestRegexes?(account: ContactAccount): string[];
}

/** A feed item rule as the background sees it: the page's rule plus the stylesheet's selectors. */
export interface SiteFeedItemRule extends FeedItemRule {
  /**
   * Complete CSS selectors of the items to hide for this account at this reach, for the stylesheet
   * the background injects with the browser's user origin (invisible to the page's CSSOM, and
   * stronger than any page rule). Unlike `mentionSelector` they must be exact: an item a selector
   * matches is hidden with no further check, so it must be one `authors()` names them in (or, at
   * 'mentions', one with a link to them). tests/sites/feed-style.test.ts holds every fixture to it.
   * Without it, or when it returns undefined for an account CSS cannot match exactly, the engine
   * hides the site's items itself, item by item.
   */
  hideSelectors?(account: ContactAccount, reach: FeedReach): string[] | undefined;
}

/**
 * One site, declared once: its id (equal to the file name, `utils/sites/<id>.ts`), label, hosts
 * and match patterns live here and nowhere else. The list of site ids, the manifest's host
 * permissions, the schema's site enum, the options page, the background's registrations and the
 * per-site content-script bundles all derive from the registry of these. The page part
 * ({@link PageAdapter}) is the file's `page` export, which is all the site's first stage imports.
 */
export interface SiteAdapter<Id extends string = SiteId> extends PageAdapter<Id>, Omit<SiteDeclaration, 'hideSelectors'> {
  feedItem?: SiteFeedItemRule;
}

/** Declares what a site's pages need, keeping its id as a literal type (the file's `page` export). */
export function definePage<const Id extends string>(page: PageAdapter<Id>): PageAdapter<Id> {
  return page;
}

/**
 * The whole site: its page part plus what only the background and the extension's pages read.
 * Free of side effects, so a bundle that imports only the page part (every site's first stage)
 * drops this call and everything only its second argument reaches.
 */
/* @__NO_SIDE_EFFECTS__ */
export function defineSite<const Id extends string>(page: PageAdapter<Id>, site: SiteDeclaration): SiteAdapter<Id> {
  const { hideSelectors, ...rest } = site;
  const feedItem = page.feedItem && (hideSelectors ? { ...page.feedItem, hideSelectors } : page.feedItem);
  return { ...page, ...rest, ...(feedItem && { feedItem }) };
}
