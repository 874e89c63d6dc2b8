/**
 * The guard engine: generic, with no site name inside. It receives one adapter, decides from
 * the URL first (synchronously, at document_start), watches in-app navigation and feed items
 * with one MutationObserver, and stops guarded controls in the capture phase on `window`,
 * before the site's own listeners run.
 */
import type { UrgeWay } from '../data/schema';
import type { Action, ContactSignal, PageKind, PageRef, PageAdapter } from '../sites/site-adapter';
import { collapsedOnly, EMPTY_GUARD_INDEX, type GuardIndex, type GuardMatch } from './guard-index';
import { classifyHover, classifyPress, classifyShortcut, hasHoverRules, isEditable, openerOfPath, ownerOfCard, ownerOfPath, type ControlHit } from './control-guard';
import type { FeedHider } from './feed-hider';
import type { CreateFeedHider } from './feed-port';
import { createProbeWatch, PROBE_QUIET_MS } from './probe-watch';

/** What the interstitial is asked about. Carries no names: the UI never learns who. */
export interface GuardPrompt {
  subject: 'page' | 'control' | 'link';
  /** 'pattern': a page one of the person's own link patterns matched (the pause page only). */
  pageKind?: PageKind | 'pattern';
  action?: Action;
  /** Set when merely viewing tells them (a story view, a LinkedIn profile visit). */
  contactSignal?: ContactSignal;
  /** After "continue", ask whether to count it as contact (contact actions and views they see). */
  asksToCount: boolean;
  /** Their messages, with some contact needed: "is this needed contact?" (going on never counts). */
  neededContact?: boolean;
}

export type PromptOutcome =
  /** `way`: how the urge was let pass when it was not plain "go back" (their plan). */
  | { choice: 'back'; way?: UrgeWay }
  | { choice: 'continue'; countAsContact: boolean }
  /** The page moved on by itself (browser back, the site navigated): nothing to log. */
  | { choice: 'dismissed' };

export interface GuardUi {
  /** A neutral cover while the guard list is on its way: no words, no names. */
  cover(): void;
  uncover(): void;
  prompt(prompt: GuardPrompt): Promise<PromptOutcome>;
  /** Ends an open prompt with 'dismissed'. */
  dismiss(): void;
  isPrompting(): boolean;
  /**
   * Keeps a cover or an open dialog showing: back in the page if the site moved or removed it, the
   * dialog modal, focused and on top if the site opened a modal of its own. Cheap when nothing shows.
   */
  raiseIfCovered(): void;
}

export interface GuardReport {
  type: 'urge-resisted' | 'went-through';
  what: string;
  way?: UrgeWay;
  countAsContact?: boolean;
}

/** Needed contact (their messages, marked so) is never counted; otherwise ask when they can see it. */
function askFor(match: GuardMatch, kind: PageKind, contactSignal: ContactSignal | undefined): Pick<GuardPrompt, 'asksToCount' | 'neededContact'> {
  if (kind === 'messages' && match.contactNeeded) return { asksToCount: false, neededContact: true };
  return { asksToCount: Boolean(contactSignal) };
}

/** The report's `way`, only when the outcome has one (so plain "go back" reports stay as they were). */
function wayOf(outcome: { way?: UrgeWay }): { way?: UrgeWay } {
  return outcome.way === undefined ? {} : { way: outcome.way };
}

export interface EngineDeps {
  adapter: PageAdapter;
  win: Window & typeof globalThis;
  signal: AbortSignal;
  loadIndex(): Promise<GuardIndex>;
  /** Called with a fresh index whenever the stored settings change. */
  subscribe(onIndex: (index: GuardIndex) => void): void;
  ui: GuardUi;
  report(report: GuardReport): void;
  /** Logs an adapter failure once per place, without any handle. */
  onError?(where: string, error: unknown): void;
  /**
   * True on sites where someone's posts are hidden from feeds (the feed stage ran before the first
   * stage: utils/engine/feed-port.ts): every feed item is held back until the guard list has
   * loaded, so none paints for a frame.
   */
  hidesFeedBeforeLoad?: boolean;
  /**
   * The feed hider's code, which is not in the first stage (utils/engine/feed-port.ts). Without
   * it the engine hides no feed item.
   */
  feed?: FeedCode;
  /**
   * Asks the background to bring this page's feed stylesheet in step with the stored list
   * (utils/background/feed-style.ts: user origin, so the page can neither read nor override it).
   * `first`: the first ask of this document. Resolves true once the sheet hides everyone set to
   * 'hide'; false where it cannot (then the engine hides their items itself). Given only for sites
   * the background has stylesheet selectors for (`hideSelectors`, which the page never carries).
   */
  styleFeed?(first: boolean): Promise<boolean>;
  /** Where "go back" leads with nowhere to go back to (utils/ui/calm-page.ts); the site's home without it. */
  calmPage?(): string;
  /**
   * Every page view (the first, and each in-app navigation) with what its URL says: the UI stage's
   * self-check watches them (utils/engine/self-check.ts), so its code is not in the first stage.
   */
  onPageView?(href: string, ref: PageRef | undefined): void;
  /**
   * The browser's registration marked this document's first address as a guarded account's page
   * (utils/background/registration.ts, `coverScriptsFor`): covered from the first frame.
   */
  coverAtStart?: boolean;
}

/** Where the engine gets its feed hider: the feed stage, when it has run in this world. */
export interface FeedCode {
  loaded(): CreateFeedHider | undefined;
  /** Asks for the feed stage (the background injects it); settles once it has run, or could not. */
  load(): Promise<void>;
}

const PRESS_EVENTS = [
  'pointerdown',
  'mousedown',
  'touchstart',
  'pointerup',
  'mouseup',
  'touchend',
  'click',
  'auxclick',
  'dblclick',
] as const;
/**
 * A hover: React derives enter/leave from over/out on its root; other code listens to enter. The
 * capture phase on `window` sees all four, the non-bubbling enter events included.
 */
const HOVER_EVENTS = ['pointerover', 'mouseover', 'pointerenter', 'mouseenter'] as const;
/** The events that start a gesture: the prompt opens on these; the rest of the gesture is only stopped. */
const GESTURE_STARTS = new Set(['pointerdown', 'mousedown', 'touchstart', 'click', 'auxclick', 'dblclick', 'keydown']);
/** A batch larger than this is handled by one rescan instead of per-node checks (darkreader does the same). */
const LARGE_BATCH = 200;

export function startEngine(deps: EngineDeps): { stop(): void } {
  const { adapter, win, signal, ui } = deps;
  const doc = win.document;
  let index: GuardIndex | undefined;
  let lastHref = win.location.href;
  const startHref = lastHref;
  let pageRef: PageRef | undefined;
  let pageMatch: GuardMatch | undefined;
  /** The person whose pages the user chose to continue to, until they leave that person's pages. */
  let allowedPersonId: string | undefined;
  /**
   * The address the person chose to go back from: it stays covered, with no new prompt, until
   * the tab leaves it. Every choice is written to storage, and the storage change re-decides the
   * page; without this, a "go back" still on its way (or one that failed) asked again
   * (Firefox 153, seen 2026-11: X and LinkedIn, where the site's home was slow to replace the
   * page. Source: tests/e2e/guard.e2e.ts, full loads).
   */
  let leftHref: string | undefined;
  /** Controls the user chose to go through with, let through once. */
  const allowedControls = new WeakSet<Element>();
  let replaying = false;
  let feedHider: FeedHider | undefined;

  const safe = <T>(where: string, fn: () => T): T | undefined => {
    try {
      return fn();
    } catch (error) {
      deps.onError?.(`${adapter.id}.${where}`, error);
      return undefined;
    }
  };
  const parse = (href: string): PageRef | undefined =>
    safe('parseUrl', () => adapter.parseUrl(new URL(href, win.location.href)));
  const probes = createProbeWatch(() => Date.now());
  let probeQuiet: number | undefined;

  // ---- pages ---------------------------------------------------------------------------

  function decidePage(href: string): void {
    pageRef = parse(href);
    if (!pageRef) return settlePage(undefined);
    const namesSomeone = Boolean(pageRef.handle || pageRef.stableId);
    if (index === undefined) {
      // The list is on its way. Cover only where the browser's registration already said this
      // is a guarded account's page (issue "Nothing slips past", item 1): every other page of the
      // site shows no element of ours, not even for a frame. A page whose URL names no one (a
      // post by id) is covered only once the list and its DOM say whose it is.
      if (deps.coverAtStart && href === startHref) ui.cover();
      else ui.uncover();
      return;
    }
    if (!index.active) return settlePage(undefined);
    const match = namesSomeone ? index.match(pageRef) : ownerFromDom();
    settlePage(match);
  }

  function ownerFromDom(): GuardMatch | undefined {
    if (!adapter.pageOwner || !index?.active) return undefined;
    const owner = safe('pageOwner', () => adapter.pageOwner!(doc));
    return index.match(owner);
  }

  function settlePage(match: GuardMatch | undefined): void {
    pageMatch = match;
    if (!match) {
      if (allowedPersonId !== undefined) allowedPersonId = undefined;
      if (ui.isPrompting()) ui.dismiss();
      ui.uncover();
      return;
    }
    if (allowedPersonId === match.personId) return ui.uncover();
    if (ui.isPrompting()) return;
    if (leftHref === win.location.href) return ui.cover();
    const kind = pageRef?.kind ?? 'profile';
    const contactSignal = adapter.visibleToThem?.[kind];
    void ui
      .prompt({ subject: 'page', pageKind: kind, contactSignal, ...askFor(match, kind, contactSignal) })
      .then((outcome) => onPageOutcome(outcome, match, kind));
  }

  function onPageOutcome(outcome: PromptOutcome, match: GuardMatch, kind: PageKind): void {
    if (outcome.choice === 'dismissed') return;
    if (outcome.choice === 'back') {
      leftHref = win.location.href;
      deps.report({ type: 'urge-resisted', what: kind, ...wayOf(outcome) });
      goBack();
      return;
    }
    allowedPersonId = match.personId;
    ui.uncover();
    deps.report({ type: 'went-through', what: kind, countAsContact: outcome.countAsContact });
  }

  /** Back to where they were; a calm page (not the site's feed) when there is nowhere to go back to. */
  function goBack(): void {
    const before = win.location.href;
    const nowhere = () => win.location.replace(deps.calmPage?.() ?? win.location.origin + '/');
    if (win.history.length > 1) {
      win.history.back();
      win.setTimeout(() => {
        if (!signal.aborted && win.location.href === before) nowhere();
      }, 700);
    } else {
      nowhere();
    }
  }

  function onUrlMaybeChanged(href: string): void {
    if (href === lastHref) return;
    lastHref = href;
    // Left for somewhere else: coming back later is a new visit, and asks again.
    if (href !== leftHref) leftHref = undefined;
    const ref = parse(href);
    const who = ref?.handle ? `handle ${ref.handle}` : ref?.stableId ? `id ${ref.stableId}` : undefined;
    if (index?.active && probes.onMove(who)) {
      // A probe (utils/engine/probe-watch.ts): the same cover for every page, decided once quiet.
      // Controls behind the cover are still judged by whose page this is.
      pageRef = ref;
      pageMatch = ref && who ? index.match(ref) : undefined;
      if (ui.isPrompting()) ui.dismiss();
      ui.cover();
      win.clearTimeout(probeQuiet);
      probeQuiet = win.setTimeout(() => {
        probeQuiet = undefined;
        if (!signal.aborted) decidePage(win.location.href);
      }, PROBE_QUIET_MS);
    } else {
      decidePage(href);
    }
    deps.onPageView?.(href, pageRef);
  }

  // ---- controls and links ---------------------------------------------------------------

  function onPress(event: Event): void {
    if (replaying || !index?.active) return;
    const path = event.composedPath().filter((n): n is Element => n instanceof win.Element);
    if (path.length === 0) return;
    const hit = safe('controls', () => classifyPress(adapter, path, event));
    if (hit) return guardControl(event, hit, path);
    // A story ring opens its owner's story with no link to stop: read like a link to that page.
    const opener = import.meta.env.GUARD_OPENERS !== false ? safe('openers', () => openerOfPath(adapter, path)) : undefined;
    if (opener) return guardOpening(event, opener.ref, opener.element);
    const link = path.find((el) => el.localName === 'a' && el.hasAttribute('href')) as HTMLAnchorElement | undefined;
    if (link) guardOpening(event, parse(link.href), link);
  }

  function onKeydown(event: KeyboardEvent): void {
    if (replaying || !index?.active || event.isComposing) return;
    const path = event.composedPath().filter((n): n is Element => n instanceof win.Element);
    if (path.length === 0) return;
    if (event.key === 'Enter' || event.key === ' ') return onPress(event);
    if (import.meta.env.GUARD_SHORTCUTS === false || event.ctrlKey || event.metaKey || event.altKey || isEditable(path[0]!)) return;
    const hit = safe('shortcuts', () => classifyShortcut(adapter, path, event.key));
    if (hit) guardControl(event, hit, path);
  }

  function guardControl(event: Event, hit: ControlHit, path: readonly Element[]): void {
    if (allowedControls.has(hit.element)) return;
    // An action the person chooses about (an anonymous vote): left alone unless they chose the pause.
    const byDefault = import.meta.env.GUARD_CHOOSABLE_PAUSES !== false ? adapter.choosablePauses?.[hit.action] : undefined;
    if (byDefault !== undefined && !index?.pauses(hit.action, byDefault)) return;
    const owner = safe('feedItem', () => ownerOfPath(adapter, path));
    // Outside a feed item, the page's person decides; on a page about no one guarded, the control's
    // own card may still name them (a suggestion card, a hover card, a followers list).
    const match = owner ? index?.match(owner) : (pageMatch ?? index?.match(safe('card', () => ownerOfCard(path, parse))));
    if (!match) return;
    stop(event);
    if (!GESTURE_STARTS.has(event.type) || ui.isPrompting()) return;
    void ui.prompt({ subject: 'control', action: hit.action, asksToCount: true }).then((outcome) => {
      if (outcome.choice === 'dismissed') return;
      if (outcome.choice === 'back') return deps.report({ type: 'urge-resisted', what: hit.action, ...wayOf(outcome) });
      deps.report({ type: 'went-through', what: hit.action, countAsContact: outcome.countAsContact });
      allowedControls.add(hit.element);
      replay(hit.element);
    });
  }

  /** A hover that would open something acting on a guarded person's item is stopped; nothing is asked. */
  function onHover(event: Event): void {
    if (replaying || !index?.active) return;
    const path = event.composedPath().filter((n): n is Element => n instanceof win.Element);
    const hit = path.length > 0 ? safe('controls', () => classifyHover(adapter, path)) : undefined;
    if (!hit || allowedControls.has(hit.element)) return;
    const owner = safe('feedItem', () => ownerOfPath(adapter, path));
    if (owner ? index.match(owner) : pageMatch) stop(event);
  }

  /** A link, or an element that opens a page like one: `ref` is the page it opens, `opener` gets the press back on "continue". */
  function guardOpening(event: Event, ref: PageRef | undefined, opener: Element): void {
    if (!ref || !(ref.handle || ref.stableId)) return;
    const match = index?.match(ref);
    if (!match || match.personId === allowedPersonId) return;
    stop(event);
    if (!GESTURE_STARTS.has(event.type) || ui.isPrompting()) return;
    const contactSignal = adapter.visibleToThem?.[ref.kind];
    void ui
      .prompt({ subject: 'link', pageKind: ref.kind, contactSignal, ...askFor(match, ref.kind, contactSignal) })
      .then((outcome) => {
        if (outcome.choice === 'dismissed') return;
        if (outcome.choice === 'back') return deps.report({ type: 'urge-resisted', what: ref.kind, ...wayOf(outcome) });
        deps.report({ type: 'went-through', what: ref.kind, countAsContact: outcome.countAsContact });
        allowedPersonId = match.personId;
        replay(opener);
      });
  }

  function stop(event: Event): void {
    event.preventDefault();
    event.stopImmediatePropagation();
  }

  /** Gives the site the press the person chose to go through with. */
  function replay(element: Element): void {
    if (!element.isConnected) return;
    replaying = true;
    try {
      // A dispatched click rather than HTMLElement.click(): some controls are SVG icons, which
      // have no click() (Instagram, seen 2026-11: svg[aria-label="Like"]. Source:
      // tests/fixtures/sites/instagram/feed.html).
      element.dispatchEvent(new win.MouseEvent('click', { bubbles: true, cancelable: true, composed: true, view: win }));
    } finally {
      replaying = false;
    }
  }

  // ---- wiring -----------------------------------------------------------------------------

  const listen = { capture: true, passive: false, signal } as const;
  for (const type of PRESS_EVENTS) win.addEventListener(type, onPress, listen);
  win.addEventListener('keydown', onKeydown, listen);
  // Free where unused: only adapters with hover rules pay for listening to every hover.
  if (import.meta.env.GUARD_HOVER !== false && hasHoverRules(adapter)) for (const type of HOVER_EVENTS) win.addEventListener(type, onHover, listen);

  // In-app navigation, before the new view paints: the Navigation API fires inside pushState;
  // the observer below catches routers that render before they push, and browsers without it.
  // Only same-document navigations change the page this script guards. A cross-document one
  // (our own "go back" via location.replace, a link) may still be cancelled or fail, and then
  // the old URL stays: deciding on its destination early uncovered the page, and the next
  // mutation batch saw the old URL again and prompted a second time (Firefox 153 fires
  // `navigate` for location.replace; seen 2026-11 in tests/e2e/guard.e2e.ts, X "Go back").
  // The new document runs its own copy of this script.
  const navigation = (win as { navigation?: EventTarget }).navigation;
  navigation?.addEventListener(
    'navigate',
    (event) => {
      const destination = (event as Event & { destination?: { url?: string; sameDocument?: boolean } }).destination;
      if (destination?.sameDocument && destination.url) onUrlMaybeChanged(destination.url);
    },
    { signal },
  );
  win.addEventListener('popstate', () => onUrlMaybeChanged(win.location.href), { signal });
  win.addEventListener(
    'pageshow',
    (event) => {
      // Restored from the back/forward cache: this script is not run again, so decide again.
      if ((event as PageTransitionEvent).persisted) {
        lastHref = '';
        leftHref = undefined;
        onUrlMaybeChanged(win.location.href);
      }
    },
    { signal },
  );

  const observer = new win.MutationObserver((records) => {
    // One string comparison per batch where nobody is guarded on this page.
    if (win.location.href !== lastHref) onUrlMaybeChanged(win.location.href);
    else if (pageRef && !pageRef.handle && !pageRef.stableId && !pageMatch && index?.active && probeQuiet === undefined) {
      const match = ownerFromDom();
      if (match) settlePage(match);
    }
    // A batch may have moved or removed our host, or opened a site modal over ours.
    ui.raiseIfCovered();
    feedHider?.onMutations(records);
  });
  observer.observe(doc, { childList: true, subtree: true });
  signal.addEventListener('abort', () => observer.disconnect());

  /** The index a feed hider is wanted for while the feed stage is on its way (see hideFeedBy). */
  let feedWanted: GuardIndex | undefined;

  /** Replaces the feed hider with one for `feedIndex` (none when it hides nobody's posts). */
  function hideFeedBy(feedIndex: GuardIndex): void {
    feedHider?.stop();
    feedHider = undefined;
    provisional = false;
    feedWanted = undefined;
    const feed = deps.feed;
    if (!feedIndex.active || !feedIndex.hidesFeed || !adapter.feedItem || !feed) return;
    const create = feed.loaded();
    if (create) {
      feedHider = create({ adapter, doc, index: feedIndex, safe, largeBatch: LARGE_BATCH });
      feedHider.scan();
      return;
    }
    // Someone's posts came to be hidden while this page was open: the code first, then the items.
    feedWanted = feedIndex;
    feed.load().then(
      () => {
        if (!signal.aborted && feedWanted === feedIndex && feed.loaded()) hideFeedBy(feedIndex);
      },
      () => undefined,
    );
  }

  /** True while the hide-everything hider of the first moments is up (it names no one). */
  let provisional = false;
  const styleFeed = adapter.feedItem ? deps.styleFeed : undefined;
  /**
   * The stylesheet asked for as the page starts, when this site hides someone's posts: asked in
   * parallel with the guard list, so the sheet is usually in by the time the list is (a second
   * round trip after it held everyone's items back longer: Firefox 153, seen 2026-12 in
   * tests/e2e/feed-hiding.e2e.ts). The first index takes this answer; later ones ask again.
   */
  let firstStyle: Promise<boolean> | undefined;
  let styleAsked = false;

  function askStyle(): Promise<boolean> {
    const asked = firstStyle ?? styleFeed!(!styleAsked);
    firstStyle = undefined;
    styleAsked = true;
    return asked;
  }

  function useIndex(next: GuardIndex): void {
    index = next;
    if (!styleFeed || (!next.hidesFeed && !styleAsked)) {
      hideFeedBy(next);
    } else {
      // Until the stylesheet is in: the first time, the hide-everything hider stays up (an inline
      // style on every item says nothing about anyone); after a change, the engine hides by item.
      if (!provisional) hideFeedBy(next);
      askStyle().then(
        (styled) => {
          if (signal.aborted || index !== next) return;
          hideFeedBy(styled ? collapsedOnly(next) : next);
        },
        () => {
          if (!signal.aborted && index === next) hideFeedBy(next);
        },
      );
    }
    lastHref = win.location.href;
    decidePage(lastHref);
  }

  const createAtStart = deps.hidesFeedBeforeLoad && adapter.feedItem ? deps.feed?.loaded() : undefined;
  if (createAtStart) {
    feedHider = createAtStart({ adapter, doc, index: EMPTY_GUARD_INDEX, safe, largeBatch: LARGE_BATCH, hideAll: true });
    provisional = true;
    feedHider.scan();
    if (styleFeed) {
      firstStyle = styleFeed(true);
      firstStyle.catch(() => undefined); // answered, or not, with the first index (useIndex)
      styleAsked = true;
    }
  }
  decidePage(lastHref);
  deps.onPageView?.(lastHref, pageRef);
  deps.subscribe((next) => useIndex(next));
  deps.loadIndex().then(
    (loaded) => {
      if (!signal.aborted && index === undefined) useIndex(loaded);
    },
    (error) => {
      deps.onError?.('loadIndex', error);
      feedHider?.stop();
      feedHider = undefined;
      ui.uncover();
    },
  );

  return {
    stop() {
      observer.disconnect();
      feedHider?.stop();
    },
  };
}
