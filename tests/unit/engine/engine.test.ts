import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { startEngine, type GuardPrompt, type GuardUi, type PromptOutcome, type GuardReport } from '../../../utils/engine/engine';
import { buildGuardIndex, EMPTY_GUARD_INDEX, type GuardIndex } from '../../../utils/engine/guard-index';
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
  },
  controls: [
    { action: 'like', selector: '[data-testid="like"]' },
    { action: 'like', selector: '.media', gesture: 'double-tap' },
  ],
  shortcuts: [{ key: 'l', action: 'like' }],
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

function start(index: GuardIndex | Promise<GuardIndex>, { coverAtStart = false } = {}) {
  controller = new AbortController();
  ui = new FakeUi();
  reports = [];
  let onIndex: ((i: GuardIndex) => void) | undefined;
  startEngine({
    adapter: testAdapter,
    win: window as unknown as Window & typeof globalThis,
    signal: controller.signal,
    loadIndex: () => Promise.resolve(index),
    subscribe: (cb) => (onIndex = cb),
    ui,
    report: (r) => reports.push(r),
    coverAtStart,
    onError: (where, error) => {
      throw new Error(`${where}: ${String(error)}`);
    },
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

  test('collapse leaves a neutral placeholder that names no one', async () => {
    start(buildGuardIndex(coreGuarding('alice', 'collapse'), 'x'));
    await flush();
    document.body.innerHTML = '<article data-author="alice">a</article>';
    await flush();
    expect(document.body.children).toHaveLength(2);
    expect(document.body.firstElementChild!.outerHTML).toBe('<div></div>');
  });
});
