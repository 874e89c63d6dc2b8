import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createSelfCheck, expectationHolds, SELF_CHECK_AFTER_MS } from '../../../utils/engine/self-check';
import { SITE_ADAPTERS } from '../../../utils/sites/registry';
import { instagramAdapter } from '../../../utils/sites/instagram';
import type { PageKind, SiteAdapter } from '../../../utils/sites/site-adapter';
import type { SiteScenario } from '../../fixtures/sites/scenario-types';
import { loadFixture } from '../../sites/site-table-runner';

const scenarios = Object.values(import.meta.glob<{ scenario: SiteScenario }>('../../fixtures/sites/*/scenario.ts', { eager: true })).map(
  (m) => m.scenario,
);

describe('every declared expectation holds on its site\'s own fixtures (a working page)', () => {
  const rows = SITE_ADAPTERS.flatMap((adapter) => {
    const scenario = scenarios.find((s) => s.site === adapter.id);
    return (adapter.selfCheck?.expects ?? []).map((e) => [adapter.id, e.on, e.finds, adapter, scenario, e] as const);
  });

  test('every site declares one', () => {
    expect(new Set(rows.map(([site]) => site))).toEqual(new Set(SITE_ADAPTERS.map((adapter) => adapter.id)));
  });

  test.each(rows)('%s: on the %s page, %s is found', (_site, on, _finds, adapter, scenario, expectation) => {
    const page = on === 'feed' ? scenario!.pages.feed : scenario!.pages[on as PageKind];
    expect(page, `the scenario has a ${on} page`).toBeDefined();
    const doc = loadFixture(adapter.id, page!.fixture, page!.url, { handle: scenario!.guarded.handle, other: scenario!.other });
    if (on === 'feed') expect(adapter.selfCheck!.feedPaths).toContain(new URL(doc.location.href).pathname);
    expect(expectationHolds(adapter, doc, expectation)).toBe(true);
  });
});

const POST = '<main><article><header><a href="/sam_rivers_x/">sam_rivers_x</a></header><div role="button"><svg aria-label="Like"></svg></div></article></main>';

describe('a page view is checked once it has rendered', () => {
  let controller: AbortController;
  let reports: boolean[];

  // Instagram's own adapter and declaration, on its own address (happy-dom's window moved there).
  const home = location.href;
  const visit = (path: string, body: string) => {
    history.replaceState(null, '', `https://www.instagram.com${path}`);
    document.body.innerHTML = body;
  };
  const startOn = (path: string, body: string, site: SiteAdapter = instagramAdapter, onError = vi.fn()) => {
    visit(path, body);
    controller = new AbortController();
    const check = createSelfCheck({
      adapter: site,
      win: window as unknown as Window & typeof globalThis,
      signal: controller.signal,
      safe: (where, fn) => {
        try {
          return fn();
        } catch (error) {
          onError(where, error);
          return undefined;
        }
      },
      report: (found) => reports.push(found),
    })!;
    check.onPageView(location.href, site.parseUrl(new URL(location.href)));
    return check;
  };

  beforeEach(() => {
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL('https://www.instagram.com/');
    vi.useFakeTimers();
    reports = [];
  });
  afterEach(() => {
    controller?.abort();
    vi.useRealTimers();
    document.body.innerHTML = '';
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(home);
  });

  test.each([
    ['the feed with posts: found', '/', POST, [true]],
    ['the feed whose posts are no longer `article`s: missed', '/', POST.replaceAll('article', 'div'), [false]],
    ['a feed of story rings alone (no post found): missed', '/', '<div role="button" aria-label="Story by sam_rivers_x, not seen"></div>', [false]],
    ['a post with its like control and its author: found', '/p/Cguarded001/', POST, [true]],
    ['a post whose like icon is labelled otherwise: missed', '/p/Cguarded001/', POST.replace('"Like"', '"Heart"'), [false]],
    ['a post that no longer says whose it is: missed', '/p/Cguarded001/', POST.replace('<a href="/sam_rivers_x/">sam_rivers_x</a>', ''), [false]],
    ['a profile (nothing declared for it): not checked', '/sam_rivers_x/', '', []],
    ['a page about no one that is not the feed: not checked', '/explore/', '', []],
  ])('%s', (_why, path, body, expected) => {
    startOn(path, body);
    vi.advanceTimersByTime(SELF_CHECK_AFTER_MS - 1);
    expect(reports).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(reports).toEqual(expected);
  });

  test('what renders late, within the wait, counts as found', () => {
    startOn('/', '');
    vi.advanceTimersByTime(SELF_CHECK_AFTER_MS / 2);
    document.body.innerHTML = POST;
    vi.advanceTimersByTime(SELF_CHECK_AFTER_MS);
    expect(reports).toEqual([true]);
  });

  test('moving on in-app before the check: only the new page view is checked', () => {
    const check = startOn('/', '');
    vi.advanceTimersByTime(SELF_CHECK_AFTER_MS / 2);
    visit('/p/Cguarded001/', POST);
    check.onPageView(location.href, { kind: 'post' });
    vi.advanceTimersByTime(SELF_CHECK_AFTER_MS * 2);
    expect(reports).toEqual([true]);
  });

  test('an adapter that throws is as blind as one that finds nothing', () => {
    const onError = vi.fn();
    const throwing: SiteAdapter = { ...instagramAdapter, pageOwner: () => { throw new Error('markup changed'); } };
    startOn('/p/Cguarded001/', POST, throwing, onError);
    vi.advanceTimersByTime(SELF_CHECK_AFTER_MS);
    expect(reports).toEqual([false]);
    expect(onError).toHaveBeenCalledWith('selfCheck', expect.any(Error));
  });

  test('a site with no declaration is never checked', () => {
    const { selfCheck: _none, ...plain } = instagramAdapter;
    expect(
      createSelfCheck({ adapter: plain, win: window as unknown as Window & typeof globalThis, signal: new AbortSignal(), safe: (_w, fn) => fn(), report: () => {} }),
    ).toBeUndefined();
  });
});
