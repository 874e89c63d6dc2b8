/**
 * The first stage of the guard (issue "Fast where it matters", item 1): what runs at
 * `document_start` on every page of a guarded site is only what the first frame needs. It decides
 * from the URL (and from the browser's registration, which knows the guarded accounts' pages:
 * utils/background/registration.ts), covers, and stops guarded presses in capture listeners
 * registered before any page script. The dialog, preact, zod and the day count are the UI stage
 * (utils/engine/ui-stage.ts), which attaches later through the port (utils/engine/stage-port.ts).
 * The content script only reads storage; every change goes through the background.
 */
import { browser } from 'wxt/browser';
import { GUARD_CORE_KEYS, joinGuardKeys } from '../data/guard-keys';
import type { Message, Reply } from '../data/messages';
import type { PageAdapter, PageRef } from '../sites/site-adapter';
import { feedHiderFactory, GUARD_FEED_WANTED } from './feed-port';
import { FEED_STYLE_WANTED, isStyled, type FeedStyleWanted } from './feed-style-request';
import { buildGuardIndex, EMPTY_GUARD_INDEX } from './guard-index';
import { readGuardList } from './guard-list';
import { startEngine } from './engine';
import { calmPageUrl } from '../ui/calm-page';
import { createStagedUi } from './staged-ui';
import { coverFlagged, GUARD_UI_WANTED, setStagePort } from './stage-port';


/** A message to the background; a send that fails (an update, a restarting background) answers undefined. */
const send = (message: Message | { type: string }): Promise<unknown> => browser.runtime.sendMessage(message).catch(() => undefined);

/** A few of the dialog's words (locales/*.yml), laid out in its font while the dialog's code comes. */
const WARM_WORDS = ['interstitial_title_control', 'interstitial_back', 'interstitial_breathe'];

/**
 * Whether the pause page may have stood in for this load: a view that tells the other person (a
 * LinkedIn profile, an Instagram story), or a page that names someone in a spelling the cover
 * registration does not name (upper-case letters beyond its forms: the background redirects
 * those of guarded accounts, utils/background/cover-patterns.ts `accountSpellingRegexes`).
 */
function maybePaused(adapter: PageAdapter, url: URL, ref: ReturnType<PageAdapter['parseUrl']>): boolean {
  if (!ref) return false;
  if (adapter.visibleToThem?.[ref.kind]) return true;
  return Boolean(ref.handle) && !coverFlagged() && /[A-Z]/.test(url.pathname);
}

/**
 * A page the person already chose to continue to on the pause page is not paused a second time.
 * The guard asks the background once, as it starts, and only on such pages; the pass is for this
 * exact address and ends as soon as the page moves on.
 */
function withPagePass(adapter: PageAdapter, started: Promise<void>): { adapter: PageAdapter; passClaimed: Promise<void> } {
  const startHref = location.href;
  const startUrl = new URL(startHref);
  const startRef = adapter.parseUrl(startUrl);
  if (!maybePaused(adapter, startUrl, startRef)) return { adapter, passClaimed: started };
  let passedHref: string | undefined;
  const message: Message = { type: 'page-pass-claimed', url: startHref };
  const passClaimed = started
    .then(() => send(message))
    .then((reply) => {
      const answer = reply as (Reply & { data?: { pass?: boolean } }) | undefined;
      if (answer?.ok && answer.data?.pass === true) passedHref = startHref;
    });
  const passAware: PageAdapter = {
    ...adapter,
    parseUrl(url) {
      if (passedHref !== undefined && url.href === passedHref && location.href === passedHref) return undefined;
      if (location.href !== passedHref) passedHref = undefined;
      return adapter.parseUrl(url);
    },
  };
  return { adapter: passAware, passClaimed };
}

/** What the build knows of the site beyond its page part (modules/site-bundles.ts writes it from the registry). */
export interface FirstStageOptions {
  /** The background has stylesheet selectors for this site's feed (`hideSelectors`). */
  feedStyled: boolean;
}

/** Starts the first stage for one site's page part (each site's bundle carries its own: modules/site-bundles.ts). */
export function startFirstStage(siteAdapter: PageAdapter, signal: AbortSignal, { feedStyled }: FirstStageOptions): void {
  // Resolves once the page's own first scripts have had their turn, or at once where the
  // registration said this is a guarded account's page. The first touch of `browser.storage` and
  // `browser.runtime` in a page's process sets their bindings up, and at `document_start` that
  // time holds back the page's parser (Firefox 153 and Chromium 156, seen 2026-12 with
  // bench/startup-profile.measure.ts and marks around the first stage). On every other page
  // nothing is covered before the guard list has come, so the list is asked for one task later.
  const flagged = coverFlagged();
  const started = new Promise<void>((resolve) => (flagged ? resolve() : setTimeout(resolve)));
  const { adapter, passClaimed } = withPagePass(siteAdapter, started);
  let storedCore: unknown;
  let pageView: [href: string, ref: PageRef | undefined] | undefined;
  let onPageView: ((href: string, ref: PageRef | undefined) => void) | undefined;
  const ui = createStagedUi({
    pageViews: {
      adapter,
      watch(listener) {
        onPageView = listener;
        if (pageView) listener(...pageView);
      },
    },
    doc: document,
    site: adapter.id,
    signal,
    storedCore: () => storedCore,
    requestUi: () => void send({ type: GUARD_UI_WANTED }),
    // The dialog's first render reads its sentences through i18n: the first read in a tab's
    // process fetches the extension's message bundle with a synchronous call to the browser.
    // `as never`: the browser's types list only the predefined `@@` names; ours are in _locales.
    warmUp: () => WARM_WORDS.map((key) => browser.i18n.getMessage(key as never)).join(' '),
  });
  setStagePort(ui.port);
  // A guarded account's page (the registration said so): its prompt is certain, so the dialog's
  // code is asked for now, while the guard list is read, rather than once the list says so.
  if (flagged) ui.preload();

  const reported = new Set<string>();
  /** What storage last said under GUARD_CORE_KEYS: a change names only the keys that changed. */
  let latest: Record<string, unknown> = {};
  const readIndex = (stored: Record<string, unknown>) => {
    latest = stored;
    const value = joinGuardKeys(stored);
    storedCore = value;
    const list = readGuardList(value);
    return list ? buildGuardIndex(list, adapter.id) : EMPTY_GUARD_INDEX;
  };
  startEngine({
    adapter,
    win: window,
    signal,
    ui,
    hidesFeedBeforeLoad: feedHiderFactory() !== undefined,
    feed: {
      loaded: () => feedHiderFactory(),
      load: () => send({ type: GUARD_FEED_WANTED }).then(() => undefined),
    },
    coverAtStart: flagged,
    calmPage: () => calmPageUrl(browser.runtime.getURL('/pause.html'), new URL(location.href), adapter.id),
    ...(feedStyled && {
      async styleFeed(first: boolean) {
        const request: FeedStyleWanted = { type: FEED_STYLE_WANTED, site: adapter.id, first };
        return isStyled(await send(request));
      },
    }),
    async loadIndex() {
      await started;
      const [stored] = await Promise.all([browser.storage.local.get([...GUARD_CORE_KEYS]), passClaimed]);
      const index = readIndex(stored);
      // Someone is guarded here: a press may come before the UI stage's document_idle registration.
      if (index.active) ui.preloadWhenIdle();
      return index;
    },
    subscribe(onIndex) {
      const listener = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => {
        if (area !== 'local') return;
        const ours = GUARD_CORE_KEYS.filter((key) => key in changes);
        // Firefox 153 reports a key as changed even when it is equal (seen 2026-11: a "go back" on
        // X asked again; Source: tests/e2e/guard.e2e.ts). An unchanged core decides nothing.
        if (ours.every((key) => JSON.stringify(changes[key]?.oldValue) === JSON.stringify(changes[key]?.newValue))) return;
        onIndex(readIndex({ ...latest, ...Object.fromEntries(ours.map((key) => [key, changes[key]?.newValue])) }));
      };
      // Before the list is read (both wait for `started`, in this order): no change falls between.
      void started.then(() => signal.aborted || browser.storage.onChanged.addListener(listener));
      signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener));
    },
    onPageView(href, ref) {
      pageView = [href, ref];
      onPageView?.(href, ref);
    },
    // Reports follow a prompt's outcome, so the UI stage (which sends them) is there by then.
    report: (report) => ui.attached()?.report(report),
    // Once per place, with the adapter id and never a handle; only in development builds.
    ...(import.meta.env.MODE !== 'production' && {
      onError(where: string, error: unknown) {
        if (reported.has(where)) return;
        reported.add(where);
        console.warn(`[no-contact-guard] ${where} failed`, error);
      },
    }),
  });
}
