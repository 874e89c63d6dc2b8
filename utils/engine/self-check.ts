/**
 * The guard's self-check (issue 12, item 6): on the pages an adapter names in `selfCheck`, once
 * the page has rendered, is what a working page shows there (feed items, a post's like control,
 * the owner of a post by id) found with the adapter's own declarations? One result per page view
 * goes to the background, which counts the misses (utils/data/site-checks.ts). Generic: no site here.
 * It runs in the UI stage (utils/engine/ui-stage.ts), with the adapter and page views the first
 * stage lends it through the port: its code is not needed before a page has loaded.
 */
import type { PageExpectation, PageRef, PageSign, PageAdapter } from '../sites/site-adapter';

/**
 * How long after a page view starts (after the load event, for a full load) the page counts as
 * rendered. Sites render their feed from data they fetch after the load; a page still empty
 * then is a miss, and only repeated misses lead to a notice.
 */
export const SELF_CHECK_AFTER_MS = 5000;

export interface SelfCheckDeps {
  adapter: PageAdapter;
  win: Window & typeof globalThis;
  signal: AbortSignal;
  /** Runs adapter code, reporting a failure and giving undefined instead of throwing. */
  safe<T>(where: string, fn: () => T): T | undefined;
  report(found: boolean): void;
  afterMs?: number;
}

export interface SelfCheckRun {
  /** A new page view (a full load or an in-app navigation) at `href`, about `ref`. */
  onPageView(href: string, ref: PageRef | undefined): void;
}

function controlSelector(adapter: PageAdapter, sign: PageSign): string {
  return adapter.controls
    .filter((rule) => rule.action === sign && (rule.gesture ?? 'press') === 'press')
    .map((rule) => rule.selector)
    .join(', ');
}

/** Whether one expectation holds in `doc`; undefined when the adapter has nothing to look with. */
export function expectationHolds(adapter: PageAdapter, doc: Document, { finds, only }: Pick<PageExpectation, 'finds' | 'only'>): boolean | undefined {
  if (finds === 'owner') {
    if (!adapter.pageOwner) return undefined;
    const owner = adapter.pageOwner(doc);
    return Boolean(owner?.handle || owner?.stableId);
  }
  const selector = finds === 'feed-items' ? adapter.feedItem?.selector : controlSelector(adapter, finds);
  if (!selector) return undefined;
  if (!only) return doc.querySelector(selector) !== null;
  return [...doc.querySelectorAll(selector)].some((element) => element.matches(only));
}

function appliesTo(expectation: PageExpectation, feedPaths: readonly string[], url: URL, ref: PageRef | undefined): boolean {
  if (expectation.on === 'feed') return ref === undefined && feedPaths.includes(url.pathname);
  if (ref?.kind !== expectation.on) return false;
  // The owner is read from the page only where the URL names no one.
  return expectation.finds !== 'owner' || !(ref.handle || ref.stableId);
}

export function createSelfCheck({ adapter, win, signal, safe, report, afterMs = SELF_CHECK_AFTER_MS }: SelfCheckDeps): SelfCheckRun | undefined {
  const check = adapter.selfCheck;
  if (!check) return undefined;
  const doc = win.document;
  let view = 0;
  let timer: number | undefined;

  function run(id: number, href: string, expects: readonly PageExpectation[]): void {
    if (id !== view || signal.aborted || win.location.href !== href) return;
    // A tab in the background may not render at all (rAF does not run there): wait until it is seen.
    if (doc.visibilityState === 'hidden') {
      doc.addEventListener('visibilitychange', () => arm(id, href, expects), { once: true, signal });
      return;
    }
    // 'n/a': the adapter has nothing to look with. Undefined: it threw, as blind as finding nothing.
    const results = expects
      .map((e) => safe('selfCheck', () => expectationHolds(adapter, doc, e) ?? 'n/a'))
      .filter((result) => result !== 'n/a');
    if (results.length > 0) report(results.every((result) => result === true));
  }

  function arm(id: number, href: string, expects: readonly PageExpectation[]): void {
    if (id !== view) return;
    timer = win.setTimeout(() => run(id, href, expects), afterMs);
  }

  return {
    onPageView(href, ref) {
      view++;
      if (timer !== undefined) win.clearTimeout(timer);
      timer = undefined;
      let url: URL;
      try {
        url = new URL(href);
      } catch {
        return;
      }
      const expects = check.expects.filter((e) => appliesTo(e, check.feedPaths, url, ref));
      if (expects.length === 0) return;
      const id = view;
      if (doc.readyState === 'complete') arm(id, href, expects);
      else win.addEventListener('load', () => arm(id, href, expects), { once: true, signal });
    },
  };
}
