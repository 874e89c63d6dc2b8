import { beforeEach, describe, expect, test, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { feedStyleSheet, styleTabFeed } from '../../../utils/background/feed-style';
import { emptyDocument, type Account, type Core, type FeedHiding } from '../../../utils/data/schema';

function coreWith(people: [FeedHiding, Account[]][], settings: Partial<Core['settings']> = {}): Core {
  const { events: _events, journal: _journal, ...doc } = emptyDocument(new Date('2026-11-23T10:00:00Z'), 'Europe/Madrid');
  return {
    ...doc,
    people: people.map(([feedHiding, accounts], i) => ({ id: `p${i}`, label: '', accounts, feedHiding, addedAt: '2026-11-01T10:00:00.000Z' })),
    settings: { ...doc.settings, ...settings },
  };
}

const sam: Account = { site: 'x', handle: 'samrivers' };
const rules = (css: string) => css.split('\n').filter(Boolean);

describe('feedStyleSheet', () => {
  test('one rule per selector, each hiding with a user !important, naming the account only in selectors', () => {
    const { css, exact } = feedStyleSheet(coreWith([['hide', [sam]]]), 'x');
    expect(exact).toBe(true);
    expect(rules(css).length).toBeGreaterThan(1);
    for (const rule of rules(css)) expect(rule).toMatch(/^[^{}]+ \{ display: none !important; \}$/);
    expect(css).toContain('samrivers');
  });

  test.each([
    ['nobody set to hide (folded posts are the engine\'s)', coreWith([['collapse', [sam]]])],
    ['feed hiding off', coreWith([['off', [sam]]])],
    ['the guard paused', coreWith([['hide', [sam]]], { paused: true })],
    ['the site switched off', coreWith([['hide', [sam]]], { sitesOff: ['x'] })],
    ['only accounts on another site', coreWith([['hide', [{ site: 'bluesky', handle: 'sam.bsky.social' }]]])],
  ])('is empty with %s', (_why, core) => {
    expect(feedStyleSheet(core, 'x')).toEqual({ css: '', exact: false });
  });

  test("reach 'mentions' keeps every rule of their own posts and adds more", () => {
    const own = rules(feedStyleSheet(coreWith([['hide', [sam]]]), 'x').css);
    const wide = rules(feedStyleSheet(coreWith([['hide', [sam]]], { feedReach: 'mentions' }), 'x').css);
    expect(wide).toEqual(expect.arrayContaining(own));
    expect(wide.length).toBeGreaterThan(own.length);
  });

  test('the same account under two people gives its rules once', () => {
    const once = feedStyleSheet(coreWith([['hide', [sam]]]), 'x').css;
    expect(feedStyleSheet(coreWith([['hide', [sam]], ['hide', [sam]]]), 'x').css).toBe(once);
  });

  test('a LinkedIn vanity beyond ASCII is left to the engine (CSS folds ASCII case only): not exact', () => {
    const core = coreWith([['hide', [{ site: 'linkedin', handle: 'josé-garcía' }, { site: 'linkedin', handle: 'sam-rivers' }]]]);
    const { css, exact } = feedStyleSheet(core, 'linkedin');
    expect(exact).toBe(false);
    expect(css).toContain('sam-rivers');
    expect(css).not.toContain('josé');
  });
});

describe('styleTabFeed', () => {
  const insertCSS = vi.fn(async (_details: { css: string; origin: string; target: unknown }) => undefined);
  const removeCSS = vi.fn(async (_details: { css: string; origin: string; target: unknown }) => undefined);

  beforeEach(() => {
    fakeBrowser.reset();
    insertCSS.mockClear();
    removeCSS.mockClear();
    (browser as unknown as { scripting: object }).scripting = { insertCSS, removeCSS };
  });

  test('a change puts the new sheet in before the old one comes out; each with the user origin', async () => {
    const core = coreWith([['hide', [sam]]]);
    expect(await styleTabFeed(core, 'x', 7, 0, true, 'one')).toBe(true);
    expect(await styleTabFeed(coreWith([['hide', [sam]]], { feedReach: 'mentions' }), 'x', 7, 0, false, 'two')).toBe(true);
    await vi.waitFor(() => expect(removeCSS).toHaveBeenCalledTimes(1));
    const [first, second] = insertCSS.mock.calls.map(([details]) => details);
    expect(first).toMatchObject({ origin: 'USER', target: { tabId: 7, frameIds: [0] } });
    expect(second!.css).not.toBe(first!.css);
    expect(removeCSS.mock.calls[0]![0]).toEqual({ origin: 'USER', target: { tabId: 7, frameIds: [0] }, css: first!.css });
    expect(insertCSS.mock.invocationCallOrder[1]).toBeLessThan(removeCSS.mock.invocationCallOrder[0]!);
  });

  test("a document's first ask removes nothing (its old sheet went with the old document)", async () => {
    const core = coreWith([['hide', [sam]]]);
    await styleTabFeed(core, 'x', 7, 0, true, 'one');
    await styleTabFeed(core, 'x', 7, 0, true, 'two');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(removeCSS).not.toHaveBeenCalled();
  });

  test('nobody left to hide: the old sheet comes out and the answer is "not styled"', async () => {
    await styleTabFeed(coreWith([['hide', [sam]]]), 'x', 7, 0, true, 'one');
    expect(await styleTabFeed(coreWith([['off', [sam]]]), 'x', 7, 0, false, 'two')).toBe(false);
    await vi.waitFor(() => expect(removeCSS).toHaveBeenCalledTimes(1));
    expect(insertCSS).toHaveBeenCalledTimes(1);
  });
});
