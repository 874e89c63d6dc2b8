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

export type Action = 'like' | 'comment' | 'reply' | 'repost' | 'quote' | 'share' | 'follow' | 'message';

/** How a control is reached: a press (click, Enter/Space), or a double-tap on media (Instagram's like). */
export type Gesture = 'press' | 'double-tap';

export interface ControlRule {
  action: Action;
  /** A CSS selector matched against every element on the event's composed path. */
  selector: string;
  gesture?: Gesture;
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

/** Views the other person is told about. The interstitial owns the words; the adapter owns the fact. */
export type ContactSignal = 'story-viewers' | 'profile-views' | 'read-receipts';

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
 * per-site content-script bundles all derive from the registry of these.
 */
export interface SiteAdapter<Id extends string = SiteId> {
  id: Id;
  /** Shown on the options page. */
  label: string;
  /** Host names this adapter answers for (exact, lower-case). */
  hosts: readonly string[];
  /** Match patterns the background registers the content script on. */
  matches: readonly string[];
  /** Classifies a URL: a page about one person, or undefined. Never throws. */
  parseUrl(url: URL): PageRef | undefined;
  /** Case, leading '@', trailing slash. Undefined when `raw` cannot be a handle on this site. */
  normalizeHandle(raw: string): Handle | undefined;
  /** A canonical profile link, shown back to the person when they paste one. */
  profileUrl(handle: Handle): string;
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
  /**
   * A site whose accounts usually carry the same handle as this site's (Threads accounts are made
   * from Instagram accounts): when a person has an account there, the options page offers, with one
   * click and never by itself, to guard the same handle here too. A site id; a plain string because
   * `SiteId` is derived from the adapters themselves (the meta test checks it is registered).
   */
  sameHandleAs?: string;
  /** Page kinds whose mere viewing is visible to the other person. */
  visibleToThem?: Partial<Record<PageKind, ContactSignal>>;
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

/** Declares a site, keeping its id as a literal type so the registry can derive `SiteId`. */
export function defineSite<const Id extends string>(adapter: SiteAdapter<Id>): SiteAdapter<Id> {
  return adapter;
}
