/**
 * The engine and the Navigation API: only same-document navigations re-decide the page; a
 * cross-document one may still be cancelled or fail (our own "go back" with location.replace),
 * and the page it leaves must neither be uncovered nor prompted again.
 */
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { PROBE_QUIET_MS } from '../../../utils/engine/probe-watch';
import { startEngine, type GuardPrompt, type GuardUi, type PromptOutcome } from '../../../utils/engine/engine';
import { buildGuardIndex, type GuardIndex } from '../../../utils/engine/guard-index';
import { emptyDocument, type Core } from '../../../utils/data/schema';
import type { Handle, SiteAdapter } from '../../../utils/sites/site-adapter';

const testAdapter: SiteAdapter = {
  id: 'x',
  label: 'Test',
  hosts: ['localhost'],
  matches: ['*://localhost/*'],
  parseUrl(url) {
    const [first] = url.pathname.split('/').filter(Boolean);
    if (!first || first === 'home') return undefined;
    if (first === 'post') return { kind: 'post' };
    return { kind: 'profile', handle: first.toLowerCase() as Handle };
  },
  normalizeHandle: (raw) => raw.replace(/^@/, '').toLowerCase() as Handle,
  profileUrl: (handle) => `http://localhost:3000/${handle}`,
  controls: [],
};

function coreGuarding(handle: string): Core {
  const { events: _events, journal: _journal, ...core } = emptyDocument(new Date('2026-11-01T10:00:00Z'), 'UTC');
  return { ...core, people: [{ id: 'p1', label: '', accounts: [{ site: 'x', handle }], feedHiding: 'off', addedAt: '2026-11-01T10:00:00Z' }] };
}

class FakeUi implements GuardUi {
  covered = false;
  prompts: GuardPrompt[] = [];
  dismissed = 0;
  private resolve?: (o: PromptOutcome) => void;
  cover() {
    this.covered = true;
  }
  uncover() {
    if (!this.resolve) this.covered = false;
  }
  prompt(p: GuardPrompt) {
    this.prompts.push(p);
    this.covered = true;
    return new Promise<PromptOutcome>((resolve) => (this.resolve = resolve));
  }
  dismiss() {
    this.dismissed++;
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

/** A stand-in for window.navigation (happy-dom has none): an EventTarget we fire `navigate` on. */
class FakeNavigation extends EventTarget {
  navigate(url: string, sameDocument: boolean) {
    const event = Object.assign(new Event('navigate', { cancelable: true }), { destination: { url, sameDocument } });
    this.dispatchEvent(event);
  }
}

let controller: AbortController;
let ui: FakeUi;
let navigation: FakeNavigation;
let onIndex: ((index: GuardIndex) => void) | undefined;
const flush = () => new Promise((r) => setTimeout(r, 0));

function start(index: GuardIndex | Promise<GuardIndex>, views?: [string, string | undefined][]) {
  controller = new AbortController();
  ui = new FakeUi();
  startEngine({
    adapter: testAdapter,
    win: window as unknown as Window & typeof globalThis,
    signal: controller.signal,
    loadIndex: () => Promise.resolve(index),
    subscribe: (cb) => (onIndex = cb),
    ui,
    report: () => undefined,
    onError: (where, error) => {
      throw new Error(`${where}: ${String(error)}`);
    },
    ...(views && { onPageView: (href: string, ref: { handle?: string } | undefined) => void views.push([href, ref?.handle]) }),
  });
}

beforeEach(() => {
  navigation = new FakeNavigation();
  (window as unknown as { navigation?: EventTarget }).navigation = navigation;
  history.replaceState(null, '', 'http://localhost:3000/home');
  document.body.innerHTML = '';
});
afterEach(() => {
  controller?.abort();
  delete (window as unknown as { navigation?: EventTarget }).navigation;
});

test.each([
  ['a cross-document navigation that has not happened (yet)', false, 1, 0],
  ['a same-document navigation to a page about nobody', true, 1, 1],
])('%s: prompts %i, dismissals %i', async (_name, sameDocument, prompts, dismissals) => {
  history.replaceState(null, '', 'http://localhost:3000/alice');
  start(buildGuardIndex(coreGuarding('alice'), 'x'));
  await flush();
  expect(ui.prompts).toHaveLength(1);
  navigation.navigate('http://localhost:3000/home', sameDocument);
  // A same-document navigation commits at once (pushState); a cross-document one leaves this
  // page at its old URL until the new document replaces it, if it ever does.
  if (sameDocument) history.pushState(null, '', 'http://localhost:3000/home');
  document.body.append(document.createElement('main'));
  await flush();
  expect(ui.prompts).toHaveLength(prompts);
  expect(ui.dismissed).toBe(dismissals);
});

test('a post whose URL names no one shows nothing of ours before the list arrives, nor after when it is no one guarded', async () => {
  history.replaceState(null, '', 'http://localhost:3000/post/123');
  let arrive: (index: GuardIndex) => void = () => undefined;
  start(new Promise<GuardIndex>((resolve) => (arrive = resolve)));
  expect(ui.covered).toBe(false);
  arrive(buildGuardIndex(coreGuarding('alice'), 'x'));
  await flush();
  expect(ui.covered).toBe(false);
  expect(ui.prompts).toEqual([]);
});

test('after "go back", a settings change while the tab is still leaving covers the page and asks nothing', async () => {
  history.replaceState(null, '', 'http://localhost:3000/alice');
  start(buildGuardIndex(coreGuarding('alice'), 'x'));
  await flush();
  ui.answer({ choice: 'back' });
  await flush();
  onIndex?.(buildGuardIndex(coreGuarding('alice'), 'x'));
  await flush();
  expect(ui.prompts).toHaveLength(1);
  expect(ui.covered).toBe(true);
});

test('coming back to the same page in-app after leaving it asks again', async () => {
  history.replaceState(null, '', 'http://localhost:3000/alice');
  start(buildGuardIndex(coreGuarding('alice'), 'x'));
  await flush();
  ui.answer({ choice: 'back' });
  await flush();
  history.pushState(null, '', 'http://localhost:3000/home');
  document.body.append(document.createElement('main'));
  await flush();
  history.pushState(null, '', 'http://localhost:3000/alice');
  document.body.append(document.createElement('main'));
  await flush();
  expect(ui.prompts).toHaveLength(2);
});

test('a script moving in-app through many candidates finds every page covered alike; the page in front is decided once the moves stop', async () => {
  vi.useFakeTimers();
  try {
    start(buildGuardIndex(coreGuarding('alice'), 'x'));
    await vi.advanceTimersByTimeAsync(0);
    const move = (who: string) => {
      navigation.navigate(`http://localhost:3000/${who}`, true);
      history.pushState(null, '', `http://localhost:3000/${who}`);
    };
    const coveredAt: boolean[] = [];
    for (const who of ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'alice', 'c7', 'alice']) {
      move(who);
      await vi.advanceTimersByTimeAsync(10);
      coveredAt.push(ui.covered);
    }
    // Five people are a person browsing; from the sixth on, guarded or not, the same cover.
    expect(coveredAt).toEqual([false, false, false, false, false, true, true, true, true]);
    expect(ui.prompts).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(PROBE_QUIET_MS);
    expect(ui.prompts).toHaveLength(1);

    // Still a probe: someone else's page is covered too, and uncovered once quiet.
    ui.answer({ choice: 'dismissed' });
    move('c8');
    await vi.advanceTimersByTimeAsync(10);
    expect(ui.covered).toBe(true);
    await vi.advanceTimersByTimeAsync(PROBE_QUIET_MS);
    expect(ui.covered).toBe(false);
    expect(ui.prompts).toHaveLength(1);
  } finally {
    vi.useRealTimers();
  }
});

test('every page view reaches the UI stage\'s self-check, with what its URL says', async () => {
  const views: [string, string | undefined][] = [];
  history.replaceState(null, '', 'http://localhost:3000/bob');
  start(buildGuardIndex(coreGuarding('alice'), 'x'), views);
  await flush();
  navigation.navigate('http://localhost:3000/home', true);
  history.pushState(null, '', 'http://localhost:3000/home');
  await flush();
  expect(views).toEqual([
    ['http://localhost:3000/bob', 'bob'],
    ['http://localhost:3000/home', undefined],
  ]);
});
