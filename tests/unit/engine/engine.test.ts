import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { startEngine, type GuardPrompt, type GuardUi, type PromptOutcome, type GuardReport } from '../../../utils/engine/engine';
import { buildGuardIndex, EMPTY_GUARD_INDEX, type GuardIndex } from '../../../utils/engine/guard-index';
import { createFeedHider } from '../../../utils/engine/feed-hider';
import type { CreateFeedHider } from '../../../utils/engine/feed-port';
import { emptyDocument, type Core, type FeedHiding } from '../../../utils/data/schema';
import type { Handle, PageRef, SiteAdapter } from '../../../utils/sites/site-adapter';

/** A small made-up site: /<handle> profiles, posts as <article data-author>, like buttons. */
const testAdapter: SiteAdapter = {
  id: 'x',
  label: 'Test',
  hosts: ['localhost'],
  matches: ['*://localhost/*'],
  parseUrl(url) {
    const [first, second] = url.pathname.split('/').filter(Boolean);
    if (!first || first === 'home') return undefined;
    if (first === 'post') return { kind: 'post' };
    return { kind: second === 'story' ? 'story' : second === 'messages' ? 'messages' : 'profile', handle: first.toLowerCase() as Handle };
  },
  normalizeHandle: (raw) => raw.replace(/^@/, '').toLowerCase() as Handle,
  profileUrl: (handle) => `http://localhost:3000/${handle}`,
  pageOwner: (doc) => {
    const owner = doc.querySelector('[data-owner]')?.getAttribute('data-owner');
    return owner ? { kind: 'post', handle: owner as Handle } : undefined;
  },
  feedItem: {
    selector: 'article',
    authors: (item) => [{ kind: 'profile', handle: item.getAttribute('data-author') as Handle }],
    // An item holding other items (a comment and its replies) hides only its own parts.
    ownParts: (item) => [...item.querySelectorAll(':scope > .own')],
  },
  controls: [
    { action: 'like', selector: '[data-testid="like"]' },
    { action: 'like', selector: '.media', gesture: 'double-tap' },
    { action: 'vote', selector: 'button[upvote]' },
    { action: 'like', selector: '[data-testid="like"]', gesture: 'hover' },
  ],
  // Votes tell no one: paused only when the person chooses.
  choosablePauses: { vote: false },
  shortcuts: [{ key: 'l', action: 'like' }],
  // A story ring: a button (no link) whose attribute names its owner.
  openers: [{ selector: '[data-opens]', opens: (el) => ({ kind: 'story', handle: el.getAttribute('data-opens') as Handle }) }],
  visibleToThem: { story: 'story-viewers' },
};

function coreGuarding(handle: string, feedHiding: FeedHiding = 'off'): Core {
  const { events: _events, journal: _journal, ...core } = emptyDocument(new Date('2026-11-01T10:00:00Z'), 'UTC');
  return {
    ...core,
    people: [{ id: 'p1', label: '', accounts: [{ site: 'x', handle }], feedHiding, addedAt: '2026-11-01T10:00:00Z' }],
  };
}

class FakeUi implements GuardUi {
  covered = false;
  prompts: GuardPrompt[] = [];
  private resolve?: (o: PromptOutcome) => void;
  cover() {
    this.covered = true;
  }
  uncover() {
    if (!this.resolve) this.covered = false;
  }
  prompt(p: GuardPrompt) {
    this.prompts.push(p);
    return new Promise<PromptOutcome>((resolve) => (this.resolve = resolve));
  }
  dismiss() {
    this.answer({ choice: 'dismissed' });
  }
  isPrompting() {
    return this.resolve !== undefined;
  }
  raiseIfCovered() {}
  answer(outcome: PromptOutcome) {
    const r = this.resolve;
    this.resolve = undefined;
    r?.(outcome);
  }
}

let controller: AbortController;
let ui: FakeUi;
let reports: GuardReport[];

function start(index: GuardIndex | Promise<GuardIndex>, extra: Partial<Parameters<typeof startEngine>[0]> = {}, adapter: SiteAdapter = testAdapter) {
  controller = new AbortController();
  ui = new FakeUi();
  reports = [];
  let onIndex: ((i: GuardIndex) => void) | undefined;
  startEngine({
    win: window as unknown as Window & typeof globalThis,
    signal: controller.signal,
    loadIndex: () => Promise.resolve(index),
    subscribe: (cb) => (onIndex = cb),
    ui,
    report: (r) => reports.push(r),
    onError: (where, error) => {
      throw new Error(`${where}: ${String(error)}`);
    },
    // The feed stage ran (utils/engine/feed-port.ts); 'the feed stage' below leaves it out.
    feed: { loaded: () => createFeedHider, load: () => Promise.resolve() },
    ...extra,
    adapter,
  });
  return { update: (i: GuardIndex) => onIndex?.(i) };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => {
  history.replaceState(null, '', 'http://localhost:3000/home');
  document.body.innerHTML = '';
});
afterEach(() => controller?.abort());

describe('pages', () => {
  test.each<[string, string, boolean, GuardPrompt['pageKind']]>([
    ['a guarded profile', '/alice', true, 'profile'],
    ['the same profile in other case', '/ALICE', true, 'profile'],
    ['a guarded story', '/alice/story', true, 'story'],
    ['someone else', '/bob', false, undefined],
    ['a page about nobody', '/home', false, undefined],
  ])('%s (%s)', async (_name, path, prompted, kind) => {
    history.replaceState(null, '', `http://localhost:3000${path}`);
    start(buildGuardIndex(coreGuarding('alice'), 'x'));
    await flush();
    expect(ui.prompts.map((p) => p.pageKind)).toEqual(prompted ? [kind] : []);
  });

  // Before the list arrives, only the browser's registration knows which pages are guarded
  // (the cover flag): every other page shows nothing of ours (issue "Nothing slips past", item 1).
  test.each<[string, string, boolean, boolean]>([
    ['a guarded account page, as the registration says', '/alice', true, true],
    ['a profile the registration did not mark', '/bob', false, false],
    ['a post whose URL names no one', '/post/123', false, false],
    ['a page about nobody, even if marked', '/home', true, false],
  ])('%s (%s): covered before the list arrives: %s', (_why, path, flagged, covered) => {
    history.replaceState(null, '', `http://localhost:3000${path}`);
    start(new Promise<GuardIndex>(() => {}), { coverAtStart: flagged });
    expect(ui.covered).toBe(covered);
  });

  test('the mark is for the first address only: an in-app move before the list arrives uncovers', async () => {
    history.replaceState(null, '', 'http://localhost:3000/alice');
    start(new Promise<GuardIndex>(() => {}), { coverAtStart: true });
    expect(ui.covered).toBe(true);
    history.pushState(null, '', 'http://localhost:3000/bob');
    document.body.append(document.createElement('main'));
    await flush();
    expect(ui.covered).toBe(false);
  });

  test('a marked page whose person is no longer guarded is uncovered once the list arrives', async () => {
    history.replaceState(null, '', 'http://localhost:3000/alice');
    start(buildGuardIndex(coreGuarding('carol'), 'x'), { coverAtStart: true });
    expect(ui.covered).toBe(true);
    await flush();
    expect(ui.covered).toBe(false);
    expect(ui.prompts).toEqual([]);
  });

  test('the cover goes away when the person is not guarded', async () => {
    history.replaceState(null, '', 'http://localhost:3000/bob');
    start(buildGuardIndex(coreGuarding('alice'), 'x'));
    await flush();
    expect(ui.covered).toBe(false);
  });

  test('a story they are told about says so and asks to count it', async () => {
    history.replaceState(null, '', 'http://localhost:3000/alice/story');
    start(buildGuardIndex(coreGuarding('alice'), 'x'));
    await flush();
    expect(ui.prompts[0]).toMatchObject({ contactSignal: 'story-viewers', asksToCount: true });
  });

  test('in-app navigation to a guarded profile is decided in the same mutation batch', async () => {
    start(buildGuardIndex(coreGuarding('alice'), 'x'));
    await flush();
    history.pushState(null, '', 'http://localhost:3000/alice');
    document.body.append(document.createElement('main'));
    await flush();
    expect(ui.prompts).toHaveLength(1);
  });

  test('a post whose URL names no one is guarded once its owner renders', async () => {
    history.replaceState(null, '', 'http://localhost:3000/post/123');
    start(buildGuardIndex(coreGuarding('alice'), 'x'));
    await flush();
    expect(ui.prompts).toHaveLength(0);
    const owner = document.createElement('div');
    owner.setAttribute('data-owner', 'alice');
    document.body.append(owner);
    await flush();
    expect(ui.prompts).toHaveLength(1);
  });

  test.each([
    ['their messages, some contact needed', '/alice/messages', true, { neededContact: true, asksToCount: false }],
    ['their profile, some contact needed', '/alice', true, { asksToCount: false }],
    ['their messages, no contact needed', '/alice/messages', false, { asksToCount: false }],
  ])('%s: %s asks the right question', async (_why, path, needed, expected) => {
    history.replaceState(null, '', `http://localhost:3000${path}`);
    const core = coreGuarding('alice');
    start(buildGuardIndex({ ...core, people: core.people.map((p) => ({ ...p, ...(needed && { contactNeeded: true }) })) }, 'x'));
    await flush();
    expect(ui.prompts[0]).toMatchObject(expected);
    if (!('neededContact' in expected)) expect(ui.prompts[0]?.neededContact).toBeUndefined();
  });

  test('going back logs an urge resisted; continuing logs a choice and uncovers', async () => {
    history.replaceState(null, '', 'http://localhost:3000/alice');
    start(buildGuardIndex(coreGuarding('alice'), 'x'));
    await flush();
    ui.answer({ choice: 'continue', countAsContact: false });
    await flush();
    expect(reports).toEqual([{ type: 'went-through', what: 'profile', countAsContact: false }]);
    expect(ui.covered).toBe(false);
  });

  test('a paused guard decides nothing', async () => {
    history.replaceState(null, '', 'http://localhost:3000/alice');
    const core = coreGuarding('alice');
    core.settings.paused = true;
    start(buildGuardIndex(core, 'x'));
    await flush();
    expect(ui.prompts).toHaveLength(0);
    expect(buildGuardIndex(core, 'x')).toBe(EMPTY_GUARD_INDEX);
  });
});

describe('controls', () => {
  function feed() {
    document.body.innerHTML = `
      <article data-author="alice"><div class="media">photo</div><button data-testid="like">Like</button><a href="/alice">Alice</a></article>
      <article data-author="bob" tabindex="0"><button data-testid="like">Like</button><a href="/bob">Bob</a></article>`;
    const siteHandler = vi.fn();
    document.addEventListener('click', siteHandler);
    document.addEventListener('dblclick', siteHandler);
    return siteHandler;
  }

  test.each([
    ['the like on a guarded post is stopped before the site sees it', 0, true],
    ['the like on anyone else works normally', 1, false],
  ])('%s', async (_name, item, guarded) => {
    start(buildGuardIndex(coreGuarding('alice'), 'x'));
    await flush();
    const siteHandler = feed();
    const like = document.querySelectorAll<HTMLElement>('[data-testid="like"]')[item]!;
    like.click();
    expect(siteHandler).toHaveBeenCalledTimes(guarded ? 0 : 1);
    expect(ui.prompts.map((p) => p.action)).toEqual(guarded ? ['like'] : []);
  });

  test.each([
    ['a hover over the like on a guarded post never reaches the site, and asks nothing', 0, true],
    ['a hover over the like on anyone else reaches the site', 1, false],
  ])('%s', async (_name, item, guarded) => {
    start(buildGuardIndex(coreGuarding('alice'), 'x'));
    await flush();
    feed();
    const hovers = vi.fn();
    for (const type of ['pointerover', 'mouseover', 'pointerenter', 'mouseenter']) document.addEventListener(type, hovers, true);
    const like = document.querySelectorAll<HTMLElement>('[data-testid="like"]')[item]!;
    like.dispatchEvent(new MouseEvent('mouseover', { bubbles: true, composed: true }));
    like.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
    like.dispatchEvent(new MouseEvent('mouseenter', { bubbles: false, composed: true }));
    expect(hovers).toHaveBeenCalledTimes(guarded ? 0 : 3);
    expect(ui.prompts).toEqual([]);
  });

  test('a hover elsewhere in a guarded post reaches the site (only the declared control is held)', async () => {
    start(buildGuardIndex(coreGuarding('alice'), 'x'));
    await flush();
    feed();
    const hovers = vi.fn();
    document.addEventListener('mouseover', hovers);
    document.querySelector('.media')!.dispatchEvent(new MouseEvent('mouseover', { bubbles: true, composed: true }));
    expect(hovers).toHaveBeenCalledTimes(1);
  });

  test('a double-tap on guarded media is stopped; a single tap is not', async () => {
    start(buildGuardIndex(coreGuarding('alice'), 'x'));
    await flush();
    const siteHandler = feed();
    const media = document.querySelector<HTMLElement>('.media')!;
    media.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, detail: 1 }));
    media.dispatchEvent(new MouseEvent('dblclick', { bubbles: true, composed: true, detail: 2 }));
    expect(siteHandler).toHaveBeenCalledTimes(1);
    expect(ui.prompts.map((p) => p.action)).toEqual(['like']);
  });

  test('a link to a guarded profile is stopped; continuing replays the click', async () => {
    start(buildGuardIndex(coreGuarding('alice'), 'x'));
    await flush();
    const siteHandler = feed();
    const link = document.querySelector<HTMLElement>('a[href="/alice"]')!;
    link.click();
    expect(siteHandler).toHaveBeenCalledTimes(0);
    ui.answer({ choice: 'continue', countAsContact: false });
    await flush();
    expect(siteHandler).toHaveBeenCalledTimes(1);
  });

  test.each([
    ['a guarded person\'s story ring is stopped and asks like a link to their story', 'alice', 0, [{ subject: 'link', pageKind: 'story', contactSignal: 'story-viewers' }]],
    ['someone else\'s ring opens as usual', 'bob', 1, []],
  ])('%s', async (_why, owner, handledBefore, prompts) => {
    start(buildGuardIndex(coreGuarding('alice'), 'x'));
    await flush();
    const siteHandler = feed();
    document.body.insertAdjacentHTML('afterbegin', `<div role="button" data-opens="${owner}"><img alt=""></div>`);
    document.querySelector<HTMLElement>('[data-opens] img')!.click();
    expect(siteHandler).toHaveBeenCalledTimes(handledBefore);
    expect(ui.prompts).toMatchObject(prompts);
    if (prompts.length === 0) return;
    ui.answer({ choice: 'continue', countAsContact: false });
    await flush();
    expect(siteHandler).toHaveBeenCalledTimes(1);
  });

  test('going back from a control logs an urge resisted', async () => {
    start(buildGuardIndex(coreGuarding('alice'), 'x'));
    await flush();
    feed();
    document.querySelector<HTMLElement>('[data-testid="like"]')!.click();
    ui.answer({ choice: 'back' });
    await flush();
    expect(reports).toEqual([{ type: 'urge-resisted', what: 'like' }]);
  });

  test('"Do my plan" on a control logs an urge resisted through the plan', async () => {
    start(buildGuardIndex(coreGuarding('alice'), 'x'));
    await flush();
    feed();
    document.querySelector<HTMLElement>('[data-testid="like"]')!.click();
    ui.answer({ choice: 'back', way: 'plan' });
    await flush();
    expect(reports).toEqual([{ type: 'urge-resisted', what: 'like', way: 'plan' }]);
  });

  test.each([
    ['on a guarded post', 0, 1],
    ['on anyone else', 1, 0],
  ])('the like shortcut %s', async (_name, item, prompts) => {
    start(buildGuardIndex(coreGuarding('alice'), 'x'));
    await flush();
    feed();
    const article = document.querySelectorAll<HTMLElement>('article')[item]!;
    const pageKeys = vi.fn();
    document.addEventListener('keydown', pageKeys);
    article.dispatchEvent(new KeyboardEvent('keydown', { key: 'l', bubbles: true, composed: true, cancelable: true }));
    expect(ui.prompts).toHaveLength(prompts);
    expect(pageKeys).toHaveBeenCalledTimes(1 - prompts);
  });

  test('nothing is stopped while nobody is guarded', async () => {
    start(EMPTY_GUARD_INDEX);
    await flush();
    const siteHandler = feed();
    document.querySelector<HTMLElement>('[data-testid="like"]')!.click();
    expect(siteHandler).toHaveBeenCalledTimes(1);
  });
});

describe('pauses the person chooses', () => {
  function voteFeed() {
    document.body.innerHTML = '<article data-author="alice"><div id="host"></div></article><article data-author="bob"><button upvote>▲</button></article>';
    // The vote sits in an open shadow root, as on Reddit: the engine reads the composed path.
    const shadow = document.querySelector('#host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<button upvote>▲</button>';
    const siteHandler = vi.fn();
    document.addEventListener('click', siteHandler);
    return { siteHandler, theirs: shadow.querySelector<HTMLElement>('button')!, others: document.querySelector<HTMLElement>('article[data-author="bob"] button')! };
  }
  const choosing = (vote: boolean | undefined): Core => {
    const core = coreGuarding('alice');
    return vote === undefined ? core : { ...core, settings: { ...core.settings, choosablePauses: { vote } } };
  };

  test.each([
    ['not chosen: the site’s default lets it through', undefined, 1, []],
    ['chosen off: let through', false, 1, []],
    ['chosen on: stopped before the site, and the pause asks', true, 0, ['vote']],
  ] as const)('a vote on their post (inside a shadow root), %s', async (_why, vote, calls, prompts) => {
    start(buildGuardIndex(choosing(vote), 'x'));
    await flush();
    const { siteHandler, theirs } = voteFeed();
    theirs.click();
    expect(siteHandler).toHaveBeenCalledTimes(calls);
    expect(ui.prompts.map((p) => p.action)).toEqual(prompts);
  });

  test('chosen on, a vote on anyone else’s post still works', async () => {
    start(buildGuardIndex(choosing(true), 'x'));
    await flush();
    const { siteHandler, others } = voteFeed();
    others.click();
    expect(siteHandler).toHaveBeenCalledTimes(1);
    expect(ui.prompts).toEqual([]);
  });

  test('the choice applies as soon as it is stored', async () => {
    const engine = start(buildGuardIndex(choosing(undefined), 'x'));
    await flush();
    const { siteHandler, theirs } = voteFeed();
    engine.update(buildGuardIndex(choosing(true), 'x'));
    theirs.click();
    expect(siteHandler).toHaveBeenCalledTimes(0);
  });
});

describe('feed hiding', () => {
  test.each<[FeedHiding, string]>([
    ['hide', 'none'],
    ['off', ''],
  ])('feed hiding %s', async (mode, display) => {
    start(buildGuardIndex(coreGuarding('alice', mode), 'x'));
    await flush();
    document.body.innerHTML = '<article data-author="alice">a</article><article data-author="bob">b</article>';
    await flush();
    const [alice, bob] = document.querySelectorAll<HTMLElement>('article');
    expect(alice!.style.display).toBe(display);
    expect(bob!.getAttribute('style')).toBeNull();
  });

  test('turning feed hiding off restores the item exactly', async () => {
    const engine = start(buildGuardIndex(coreGuarding('alice', 'hide'), 'x'));
    await flush();
    document.body.innerHTML = '<article data-author="alice">a</article>';
    await flush();
    engine.update(buildGuardIndex(coreGuarding('alice', 'off'), 'x'));
    expect(document.body.innerHTML).toBe('<article data-author="alice">a</article>');
  });

  test.each<[FeedHiding, boolean]>([
    ['hide', false],
    ['collapse', true],
  ])('%s: an item holding others (a comment) hides its own parts only; the replies stay', async (mode, placeholder) => {
    const engine = start(buildGuardIndex(coreGuarding('alice', mode), 'x'));
    await flush();
    const html =
      '<article data-author="alice" id="comment"><div class="own" slot="meta">alice · 1d</div><p class="own">text</p>' +
      '<article data-author="bob" id="reply"><p>a reply</p></article></article>';
    document.body.innerHTML = html;
    await flush();
    const comment = document.querySelector<HTMLElement>('#comment')!;
    expect(comment.getAttribute('style')).toBeNull();
    expect([...comment.querySelectorAll<HTMLElement>(':scope > .own')].map((part) => part.style.display)).toEqual(['none', 'none']);
    expect(document.querySelector('#reply')!.getAttribute('style')).toBeNull();
    // The placeholder stands where the first part was, in its slot, and names no one.
    const first = comment.firstElementChild!;
    if (placeholder) expect(first.outerHTML).toBe('<div slot="meta"></div>');
    else expect(first.classList.contains('own')).toBe(true);
    engine.update(buildGuardIndex(coreGuarding('alice', 'off'), 'x'));
    expect(document.body.innerHTML).toBe(html);
  });

  test('collapse leaves a neutral placeholder that names no one', async () => {
    start(buildGuardIndex(coreGuarding('alice', 'collapse'), 'x'));
    await flush();
    document.body.innerHTML = '<article data-author="alice">a</article>';
    await flush();
    expect(document.body.children).toHaveLength(2);
    expect(document.body.firstElementChild!.outerHTML).toBe('<div></div>');
  });
});

describe('the feed stage (its code is not in the first stage)', () => {
  const html = '<article data-author="alice">a</article><article data-author="bob">b</article>';
  const displays = () => [...document.querySelectorAll<HTMLElement>('article')].map((a) => a.style.display);

  /** A feed stage the background injects when asked: `arrives` says whether its file runs. */
  function lateFeed(arrives: boolean) {
    let create: CreateFeedHider | undefined;
    const asked: number[] = [];
    let release: () => void = () => undefined;
    const feed = {
      loaded: () => create,
      load: () => {
        asked.push(asked.length);
        return new Promise<void>((resolve) => {
          release = () => {
            if (arrives) create = createFeedHider;
            resolve();
          };
        });
      },
    };
    return { feed, asked, release: () => release() };
  }

  test.each<[string, boolean, FeedHiding, string[]]>([
    ["someone's posts come to be hidden in an open tab: the code comes, then their items hide", true, 'hide', ['none', '']],
    ['collapsed the same way, behind the placeholder', true, 'collapse', ['none', '']],
    ['the code never comes (the tab could not be reached): nothing hidden, asked once', false, 'hide', ['', '']],
  ])('%s', async (_why, arrives, mode, expected) => {
    const late = lateFeed(arrives);
    document.body.innerHTML = html;
    const engine = start(buildGuardIndex(coreGuarding('alice', 'off'), 'x'), { feed: late.feed });
    await flush();
    expect(late.asked).toEqual([]);
    engine.update(buildGuardIndex(coreGuarding('alice', mode), 'x'));
    expect(late.asked).toEqual([0]);
    expect(displays()).toEqual(['', '']);
    late.release();
    await flush();
    expect(displays()).toEqual(expected);
    expect(late.asked).toEqual([0]);
  });

  test('turned off again while the code was on its way: nothing is hidden once it comes', async () => {
    const late = lateFeed(true);
    document.body.innerHTML = html;
    const engine = start(buildGuardIndex(coreGuarding('alice', 'off'), 'x'), { feed: late.feed });
    await flush();
    engine.update(buildGuardIndex(coreGuarding('alice', 'hide'), 'x'));
    engine.update(buildGuardIndex(coreGuarding('alice', 'off'), 'x'));
    late.release();
    await flush();
    expect(document.body.innerHTML).toBe(html);
  });

  test('no feed stage at start: nothing is held back, and the list still hides by item once the code is in', async () => {
    const late = lateFeed(true);
    document.body.innerHTML = html;
    start(buildGuardIndex(coreGuarding('alice', 'hide'), 'x'), { feed: late.feed, hidesFeedBeforeLoad: true });
    expect(displays()).toEqual(['', '']);
    await flush();
    expect(late.asked).toEqual([0]);
    late.release();
    await flush();
    expect(displays()).toEqual(['none', '']);
  });
});

describe('feed hiding by stylesheet', () => {
  /** The test site with stylesheet selectors: the background would inject them (utils/background/feed-style.ts). */
  const styledAdapter: SiteAdapter = { ...testAdapter, feedItem: { ...testAdapter.feedItem!, hideSelectors: () => ['article'] } };
  const html = '<article data-author="alice">a</article><article data-author="bob">b</article>';

  test('once the sheet is in, their items carry nothing of ours; until then, every item is held back', async () => {
    let answer: (styled: boolean) => void = () => undefined;
    const asks: boolean[] = [];
    document.body.innerHTML = html;
    start(
      buildGuardIndex(coreGuarding('alice', 'hide'), 'x'),
      {
        hidesFeedBeforeLoad: true,
        styleFeed: (first) => {
          asks.push(first);
          return new Promise<boolean>((resolve) => (answer = resolve));
        },
      },
      styledAdapter,
    );
    await flush();
    // The list is in, the sheet not yet: every item is held (an inline style on each, naming no one).
    expect([...document.querySelectorAll<HTMLElement>('article')].map((a) => a.style.display)).toEqual(['none', 'none']);
    answer(true);
    await flush();
    expect(document.body.innerHTML).toBe(html);
    expect(asks).toEqual([true]);
  });

  test('a sheet that cannot hide everyone leaves the engine hiding by item', async () => {
    start(buildGuardIndex(coreGuarding('alice', 'hide'), 'x'), { styleFeed: () => Promise.resolve(false) }, styledAdapter);
    await flush();
    document.body.innerHTML = html;
    await flush();
    const [alice, bob] = document.querySelectorAll<HTMLElement>('article');
    expect(alice!.style.display).toBe('none');
    expect(bob!.getAttribute('style')).toBeNull();
  });

  test("'collapse' stays with the engine (only a script adds the placeholder); a later change asks again", async () => {
    const asks: boolean[] = [];
    const engine = start(
      buildGuardIndex(coreGuarding('alice', 'collapse'), 'x'),
      { styleFeed: (first) => (asks.push(first), Promise.resolve(false)) },
      styledAdapter,
    );
    await flush();
    document.body.innerHTML = '<article data-author="alice">a</article>';
    await flush();
    expect(document.body.firstElementChild!.outerHTML).toBe('<div></div>');
    engine.update(buildGuardIndex(coreGuarding('alice', 'hide'), 'x'));
    await flush();
    expect(asks).toEqual([true, false]);
  });
});

describe("feed reach 'mentions'", () => {
  const mentioning = '<article data-author="bob"><a href="/alice">@alice</a></article><article data-author="bob"><a href="/alicia">@alicia</a></article>';

  test.each([
    ['own', ['', '']],
    ['mentions', ['none', '']],
  ] as const)('at reach %s, a post by someone else that links to them: %j', async (feedReach, displays) => {
    const core = coreGuarding('alice', 'hide');
    start(buildGuardIndex({ ...core, settings: { ...core.settings, feedReach } }, 'x'));
    await flush();
    document.body.innerHTML = mentioning;
    await flush();
    expect([...document.querySelectorAll<HTMLElement>('article')].map((a) => a.style.display)).toEqual(displays);
  });
});
