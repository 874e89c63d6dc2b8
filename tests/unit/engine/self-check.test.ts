import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createSelfCheck, expectationHolds, SELF_CHECK_AFTER_MS } from '../../../utils/engine/self-check';
import { SITE_ADAPTERS } from '../../../utils/sites/registry';
import type { Handle, PageKind, SiteAdapter } from '../../../utils/sites/site-adapter';
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

  test('the five first sites declare one', () => {
    expect(new Set(rows.map(([site]) => site))).toEqual(new Set(['instagram', 'x', 'bluesky', 'linkedin', 'threads']));
  });

  test.each(rows)('%s: on the %s page, %s is found', (_site, on, _finds, adapter, scenario, expectation) => {
    const page = on === 'feed' ? scenario!.pages.feed : scenario!.pages[on as PageKind];
    expect(page, `the scenario has a ${on} page`).toBeDefined();
    const doc = loadFixture(adapter.id, page!.fixture, page!.url, { handle: scenario!.guarded.handle, other: scenario!.other });
    if (on === 'feed') expect(adapter.selfCheck!.feedPaths).toContain(new URL(doc.location.href).pathname);
    expect(expectationHolds(adapter, doc, expectation)).toBe(true);
  });
});

/** A made-up site: `/home` is its feed, posts are `/post/<id>`, profiles `/<handle>`. */
const adapter: SiteAdapter = {
  id: 'x',
  label: 'Test',
  hosts: ['localhost'],
  matches: ['*://localhost/*'],
  parseUrl(url) {
    const [first, second] = url.pathname.split('/').filter(Boolean);
    if (!first || first === 'home') return undefined;
    if (first === 'post') return second ? { kind: 'post' } : undefined;
    return { kind: 'profile', handle: first as Handle };
  },
  normalizeHandle: (raw) => raw as Handle,
  profileUrl: (handle) => `http://localhost:3000/${handle}`,
  pageOwner: (doc) => {
    const owner = doc.querySelector('[data-owner]')?.getAttribute('data-owner');
    return owner ? { kind: 'post', handle: owner as Handle } : undefined;
  },
  feedItem: { selector: 'article, [data-ring]', authors: () => [] },
  controls: [{ action: 'like', selector: '[data-testid="like"]' }],
  selfCheck: {
    feedPaths: ['/home'],
    expects: [
      { on: 'feed', finds: 'feed-items', only: 'article' },
      { on: 'post', finds: 'like' },
      { on: 'post', finds: 'owner' },
    ],
  },
};

describe('a page view is checked once it has rendered', () => {
  let controller: AbortController;
  let reports: boolean[];

  const visit = (path: string, body: string) => {
    history.replaceState(null, '', `http://localhost:3000${path}`);
    document.body.innerHTML = body;
  };
  const startOn = (path: string, body: string, site: SiteAdapter = adapter, onError = vi.fn()) => {
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
    vi.useFakeTimers();
    reports = [];
  });
  afterEach(() => {
    controller?.abort();
    vi.useRealTimers();
  });

  test.each([
    ['the feed with items: found', '/home', '<article></article>', [true]],
    ['the feed whose items the selector no longer finds: missed', '/home', '<div class="post"></div>', [false]],
    ['a feed of story rings alone (no post found): missed', '/home', '<div data-ring></div>', [false]],
    ['a post with its like control and its owner: found', '/post/1', '<div data-owner="sam"><button data-testid="like"></button></div>', [true]],
    ['a post whose like control changed: missed', '/post/1', '<div data-owner="sam"><button data-testid="like-v2"></button></div>', [false]],
    ['a post that no longer says whose it is: missed', '/post/1', '<button data-testid="like"></button>', [false]],
    ['a profile (nothing declared for it): not checked', '/sam', '', []],
    ['a page about no one that is not the feed: not checked', '/settings/', '', []],
  ])('%s', (_why, path, body, expected) => {
    startOn(path, body);
    vi.advanceTimersByTime(SELF_CHECK_AFTER_MS - 1);
    expect(reports).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(reports).toEqual(expected);
  });

  test('what renders late, within the wait, counts as found', () => {
    startOn('/home', '');
    vi.advanceTimersByTime(SELF_CHECK_AFTER_MS / 2);
    document.body.innerHTML = '<article></article>';
    vi.advanceTimersByTime(SELF_CHECK_AFTER_MS);
    expect(reports).toEqual([true]);
  });

  test('moving on in-app before the check: only the new page view is checked', () => {
    const check = startOn('/home', '');
    vi.advanceTimersByTime(SELF_CHECK_AFTER_MS / 2);
    visit('/post/1', '<div data-owner="sam"><button data-testid="like"></button></div>');
    check.onPageView(location.href, { kind: 'post' });
    vi.advanceTimersByTime(SELF_CHECK_AFTER_MS * 2);
    expect(reports).toEqual([true]);
  });

  test('an adapter that throws is as blind as one that finds nothing', () => {
    const onError = vi.fn();
    const throwing: SiteAdapter = { ...adapter, pageOwner: () => { throw new Error('markup changed'); } };
    startOn('/post/1', '<button data-testid="like"></button>', throwing, onError);
    vi.advanceTimersByTime(SELF_CHECK_AFTER_MS);
    expect(reports).toEqual([false]);
    expect(onError).toHaveBeenCalledWith('selfCheck', expect.any(Error));
  });

  test('a site with no declaration is never checked', () => {
    const { selfCheck: _none, ...plain } = adapter;
    expect(
      createSelfCheck({ adapter: plain, win: window as unknown as Window & typeof globalThis, signal: new AbortSignal(), safe: (_w, fn) => fn(), report: () => {} }),
    ).toBeUndefined();
  });
});
