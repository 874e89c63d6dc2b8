import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createFeedHider } from '../../../utils/engine/feed-hider';
import { buildGuardIndex, EMPTY_GUARD_INDEX, type GuardIndex } from '../../../utils/engine/guard-index';
import { emptyDocument, type FeedHiding } from '../../../utils/data/schema';
import { guardView } from '../helpers/guard-view';
import type { Handle, SiteAdapter } from '../../../utils/sites/site-adapter';

/** A made-up feed: <article data-author> items; a repost names its original author too. */
const adapter = {
  id: 'x',
  feedItem: {
    selector: 'article',
    authors: (item: Element) =>
      [item.getAttribute('data-author'), item.getAttribute('data-reposted')]
        .filter((h): h is string => !!h)
        .map((handle) => ({ kind: 'profile' as const, handle: handle as Handle })),
  },
} as unknown as SiteAdapter;

function indexGuarding(handle: string, feedHiding: FeedHiding): GuardIndex {
  const doc = emptyDocument(new Date('2026-11-01T10:00:00Z'), 'UTC');
  const core = guardView({
    ...doc,
    people: [{ id: 'p1', label: 'Someone', accounts: [{ site: 'x', handle }], feedHiding, addedAt: '2026-11-01T10:00:00.000Z' }],
  });
  if (!core) throw new Error('test core did not parse');
  return buildGuardIndex(core, 'x');
}

const safe = <T,>(_where: string, fn: () => T): T | undefined => fn();

function feed(html: string): HTMLElement {
  document.body.innerHTML = `<main>${html}</main>`;
  return document.querySelector('main')!;
}

const display = (selector: string) => (document.querySelector(selector) as HTMLElement).style.getPropertyValue('display');

beforeEach(() => {
  fakeBrowser.reset();
  document.body.innerHTML = '';
});

describe('createFeedHider', () => {
  test.each([
    ['their post', '<article id="a" data-author="sam"></article>', 'none'],
    ['a repost of their post by someone else', '<article id="a" data-author="alex" data-reposted="sam"></article>', 'none'],
    ["someone else's post", '<article id="a" data-author="alex"></article>', ''],
  ])("'hide' on scan: %s → display '%s'", (_what, html, expected) => {
    feed(html);
    createFeedHider({ adapter, doc: document, index: indexGuarding('sam', 'hide'), safe, largeBatch: 50 }).scan();
    expect(display('#a')).toBe(expected);
  });

  test("'off' leaves their post alone", () => {
    feed('<article id="a" data-author="sam"></article>');
    createFeedHider({ adapter, doc: document, index: indexGuarding('sam', 'off'), safe, largeBatch: 50 }).scan();
    expect(document.querySelector('#a')!.hasAttribute('style')).toBe(false);
  });

  test("'collapse' puts a bare placeholder before the item; \"show it\" restores the item and removes it", () => {
    feed('<article id="a" data-author="sam"></article>');
    createFeedHider({ adapter, doc: document, index: indexGuarding('sam', 'collapse'), safe, largeBatch: 50 }).scan();
    const placeholder = document.querySelector('#a')!.previousElementSibling!;
    expect(placeholder.outerHTML).toBe('<div></div>');
    expect(display('#a')).toBe('none');
    // The placeholder's root is closed: the page sees no text, no name, no handle.
    expect(placeholder.shadowRoot).toBeNull();
    expect(placeholder.textContent).toBe('');
  });

  test('items added later are hidden from the mutation records, nested ones too', async () => {
    const main = feed('');
    const hider = createFeedHider({ adapter, doc: document, index: indexGuarding('sam', 'hide'), safe, largeBatch: 50 });
    const observer = new MutationObserver((records) => hider.onMutations(records));
    observer.observe(document, { childList: true, subtree: true });
    main.insertAdjacentHTML('beforeend', '<article id="a" data-author="sam"></article><section><article id="b" data-author="sam"></article></section><article id="c" data-author="alex"></article>');
    await Promise.resolve();
    observer.disconnect();
    expect([display('#a'), display('#b'), display('#c')]).toEqual(['none', 'none', '']);
  });

  test('a recycled item that now shows someone else is shown again', async () => {
    feed('<article id="a" data-author="sam"><p>old</p></article>');
    const hider = createFeedHider({ adapter, doc: document, index: indexGuarding('sam', 'hide'), safe, largeBatch: 50 });
    hider.scan();
    const observer = new MutationObserver((records) => hider.onMutations(records));
    observer.observe(document, { childList: true, subtree: true });
    const item = document.querySelector('#a')!;
    item.setAttribute('data-author', 'alex');
    item.innerHTML = '<p>new</p>';
    await Promise.resolve();
    observer.disconnect();
    expect(item.hasAttribute('style')).toBe(false);
  });

  test('stop() restores the exact inline display the site had', () => {
    feed('<article id="a" data-author="sam" style="display: grid"></article><article id="b" data-author="sam"></article>');
    const hider = createFeedHider({ adapter, doc: document, index: indexGuarding('sam', 'collapse'), safe, largeBatch: 50 });
    hider.scan();
    hider.stop();
    expect(document.querySelector('#a')!.getAttribute('style')).toBe('display: grid;');
    expect(document.querySelector('#b')!.hasAttribute('style')).toBe(false);
    expect(document.querySelectorAll('main > div')).toHaveLength(0);
  });

  test('hideAll (before the guard list arrives) hides every item, and stop() shows them all again', () => {
    feed('<article id="a" data-author="sam"></article><article id="b" data-author="alex"></article><article id="c"></article>');
    const hider = createFeedHider({ adapter, doc: document, index: EMPTY_GUARD_INDEX, safe, largeBatch: 50, hideAll: true });
    hider.scan();
    expect([display('#a'), display('#b'), display('#c')]).toEqual(['none', 'none', 'none']);
    expect(document.querySelectorAll('main > div')).toHaveLength(0);
    hider.stop();
    expect([...document.querySelectorAll('article')].filter((el) => el.hasAttribute('style'))).toEqual([]);
  });

  test('an adapter that throws leaves the item alone', () => {
    feed('<article id="a" data-author="sam"></article>');
    const throwing = { ...adapter, feedItem: { selector: 'article', authors: () => { throw new Error('markup changed'); } } } as unknown as SiteAdapter;
    const swallow = <T,>(_where: string, fn: () => T): T | undefined => {
      try {
        return fn();
      } catch {
        return undefined;
      }
    };
    createFeedHider({ adapter: throwing, doc: document, index: indexGuarding('sam', 'hide'), safe: swallow, largeBatch: 50 }).scan();
    expect(display('#a')).toBe('');
  });
});

describe('createFeedHider on a growing feed', () => {
  /** Appends `batches` batches of `size` items and feeds the hider the records, as the engine's observer does. */
  async function grow(batches: number, size: number, largeBatch: number) {
    const main = feed('');
    let authorsCalls = 0;
    const counting = {
      ...adapter,
      feedItem: { ...adapter.feedItem!, authors: (item: Element) => (authorsCalls++, adapter.feedItem!.authors(item)) },
    } as SiteAdapter;
    const hider = createFeedHider({ adapter: counting, doc: document, index: indexGuarding('sam', 'hide'), safe, largeBatch });
    const observer = new MutationObserver((records) => hider.onMutations(records));
    observer.observe(document, { childList: true, subtree: true });
    for (let b = 0; b < batches; b++) {
      for (let i = 0; i < size; i++) {
        const item = document.createElement('article');
        item.setAttribute('data-author', i % 10 === 0 ? 'sam' : 'alex');
        main.append(item);
      }
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    observer.disconnect();
    return { authorsCalls, hidden: [...document.querySelectorAll('article')].filter((a) => (a as HTMLElement).style.display === 'none').length };
  }

  test.each([
    ['small batches, checked one by one', 10, 20, 50],
    ['large batches, one document-wide query each', 6, 120, 50],
  ])('%s: each item is looked at once, and every guarded one is hidden', async (_why, batches, size, largeBatch) => {
    const { authorsCalls, hidden } = await grow(batches, size, largeBatch);
    expect(authorsCalls).toBe(batches * size);
    expect(hidden).toBe((batches * size) / 10);
  });
});

describe('createFeedHider with an adapter mention selector', () => {
  /** Items name their people in links inside them, as real feeds do; the mention selector finds those links. */
  function mentioning(options: { selectorThrows?: boolean } = {}) {
    const calls: string[] = [];
    const mentioningAdapter = {
      id: 'x',
      feedItem: {
        selector: 'article',
        authors: (item: Element) => {
          calls.push(item.id);
          return [...item.querySelectorAll('a[data-person]')].map((a) => ({ kind: 'profile' as const, handle: a.getAttribute('data-person') as Handle }));
        },
        mentionSelector: ({ handle }: { handle: string }) => {
          if (options.selectorThrows) throw new Error('broken');
          return `a[data-person="${handle}"]`;
        },
      },
    } as unknown as SiteAdapter;
    return { calls, mentioningAdapter };
  }

  const by = (id: string, ...people: string[]) => `<article id="${id}">${people.map((p) => `<a data-person="${p}"></a>`).join('')}</article>`;

  test.each([
    ['a working selector: only items naming them get the full check', {}, ['b']],
    ['a selector that throws: every item gets the full check', { selectorThrows: true }, ['a', 'b', 'c']],
  ])('%s', (_why, options, expectedCalls) => {
    feed(by('a', 'alex') + by('b', 'alex', 'sam') + by('c'));
    const { calls, mentioningAdapter } = mentioning(options);
    const swallow = <T,>(_where: string, fn: () => T): T | undefined => {
      try {
        return fn();
      } catch {
        return undefined;
      }
    };
    createFeedHider({ adapter: mentioningAdapter, doc: document, index: indexGuarding('sam', 'hide'), safe: swallow, largeBatch: 50 }).scan();
    expect(calls).toEqual(expectedCalls);
    expect([display('#a'), display('#b'), display('#c')]).toEqual(['', 'none', '']);
  });

  test('added subtrees that name nobody hidden are passed over; the rest are hidden; a recycled item is shown again', async () => {
    const main = feed('');
    const { calls, mentioningAdapter } = mentioning();
    const hider = createFeedHider({ adapter: mentioningAdapter, doc: document, index: indexGuarding('sam', 'hide'), safe, largeBatch: 50 });
    const observer = new MutationObserver((records) => hider.onMutations(records));
    observer.observe(document, { childList: true, subtree: true });
    main.insertAdjacentHTML('beforeend', `<div>${by('a', 'alex')}</div><div>${by('b', 'sam')}</div>${by('c', 'alex')}`);
    await Promise.resolve();
    expect(calls).toEqual(['b']);
    expect([display('#a'), display('#b'), display('#c')]).toEqual(['', 'none', '']);
    // Recycled: the hidden item now shows someone else.
    document.querySelector('#b')!.innerHTML = '<a data-person="alex"></a>';
    await Promise.resolve();
    expect(display('#b')).toBe('');
    // Moved while hidden: re-checked although it names nobody hidden any more.
    document.querySelector('#a')!.innerHTML = '<a data-person="sam"></a>';
    await Promise.resolve();
    expect(display('#a')).toBe('none');
    const moved = document.querySelector('#a')!;
    moved.innerHTML = '<a data-person="alex"></a>';
    main.append(moved);
    await Promise.resolve();
    observer.disconnect();
    expect(display('#a')).toBe('');
  });
});
