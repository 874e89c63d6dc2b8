/**
 * The first stage's stand-in for the dialog (utils/engine/staged-ui.ts): a guarded press covers
 * the page in its own task even before the UI stage is here, asks for it once, and the dialog
 * takes the waiting prompt over as soon as it attaches, in the same closed root.
 */
import { afterEach, beforeEach, describe, expect, onTestFinished, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createStagedUi } from '../../../utils/engine/staged-ui';
import { createGuardUi } from '../../../utils/engine/cover';
import { captureShadowRoots } from './closed-roots';
import type { GuardPrompt, PromptOutcome } from '../../../utils/engine/engine';
import type { AttachedUi } from '../../../utils/engine/stage-port';

const linkPrompt: GuardPrompt = { subject: 'link', pageKind: 'profile', asksToCount: false };
let lifetime: AbortController;
let roots: ShadowRoot[];
let requests: number;

beforeEach(() => {
  fakeBrowser.reset();
  lifetime = new AbortController();
  roots = captureShadowRoots();
  requests = 0;
});

afterEach(() => {
  lifetime.abort();
  vi.restoreAllMocks();
  for (const el of [...document.documentElement.children]) if (el !== document.head && el !== document.body) el.remove();
});

const staged = () => createStagedUi({ doc: document, site: 'x', signal: lifetime.signal, requestUi: () => void requests++, storedCore: () => undefined });
const hostCount = () => [...document.documentElement.children].filter((el) => el !== document.head && el !== document.body).length;

/** A stand-in for the UI stage that records what it was asked. */
function fakeAttached(answer: PromptOutcome) {
  const asked: GuardPrompt[] = [];
  const ui: AttachedUi = {
    cover() {},
    uncover() {},
    prompt: (p) => (asked.push(p), Promise.resolve(answer)),
    dismiss() {},
    isPrompting: () => false,
    raiseIfCovered() {},
    report() {},
    onKey() {},
  };
  return { ui, asked };
}

describe('before the UI stage is here', () => {
  test('a prompt covers at once, asks for the UI once, and is handed over when it attaches', async () => {
    const ui = staged();
    const outcome = ui.prompt(linkPrompt);
    expect(hostCount()).toBe(1);
    expect(ui.isPrompting()).toBe(true);
    ui.prompt(linkPrompt);
    expect(requests).toBe(1);
    const fake = fakeAttached({ choice: 'back' });
    ui.port.attach(() => fake.ui);
    expect(fake.asked).toEqual([linkPrompt]);
    await expect(outcome).resolves.toEqual({ choice: 'dismissed' });
  });

  test('the outcome of the waiting prompt is the dialog\'s', async () => {
    const ui = staged();
    const outcome = ui.prompt(linkPrompt);
    ui.port.attach(() => fakeAttached({ choice: 'continue', countAsContact: false }).ui);
    await expect(outcome).resolves.toEqual({ choice: 'continue', countAsContact: false });
  });

  test('keys do not reach the site while the prompt waits', () => {
    const ui = staged();
    const seen: string[] = [];
    window.addEventListener('keydown', (e) => seen.push(e.key));
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
    void ui.prompt(linkPrompt);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'b' }));
    expect(seen).toEqual(['a']);
  });

  test('a waiting prompt dismissed (the page moved on) resolves as dismissed and the cover can go', async () => {
    const ui = staged();
    const outcome = ui.prompt(linkPrompt);
    ui.dismiss();
    await expect(outcome).resolves.toEqual({ choice: 'dismissed' });
    ui.uncover();
    expect(hostCount()).toBe(0);
  });

  test('a second UI stage finds the port taken', () => {
    const ui = staged();
    const first = vi.fn(() => fakeAttached({ choice: 'back' }).ui);
    const second = vi.fn(() => fakeAttached({ choice: 'back' }).ui);
    ui.port.attach(first);
    ui.port.attach(second);
    expect([first.mock.calls.length, second.mock.calls.length]).toEqual([1, 0]);
  });
});

test('the dialog opens inside the cover the first stage made: one host, one closed root', () => {
  const ui = staged();
  void ui.prompt(linkPrompt);
  ui.port.attach((port) => ({
    ...createGuardUi({ doc: document, mount: port.mount, context: () => ({ days: 1, goalDays: 30, friction: 'gentle', pauseSeconds: 5 }), frameUrl: () => 'about:blank', signal: lifetime.signal }),
    report() {},
  }));
  expect(hostCount()).toBe(1);
  expect(roots).toHaveLength(1);
  expect(roots[0]!.querySelector('dialog')?.open).toBe(true);
});

test('asked for ahead of a prompt (a guarded account page), the UI is asked for once in all', () => {
  const ui = staged();
  ui.preload();
  void ui.prompt(linkPrompt);
  ui.preload();
  expect(requests).toBe(1);
});

describe('asked for at the first idle moment (someone is guarded on this site)', () => {
  /** Runs the idle callback the staged UI asked for, as the browser would once the page is idle. */
  function idleNow(): () => void {
    const callbacks: IdleRequestCallback[] = [];
    // happy-dom has no requestIdleCallback; the browsers the guard runs in do.
    const had = Object.getOwnPropertyDescriptor(window, 'requestIdleCallback');
    Object.defineProperty(window, 'requestIdleCallback', { configurable: true, writable: true, value: (callback: IdleRequestCallback) => (callbacks.push(callback), callbacks.length) });
    onTestFinished(() => {
      if (had) Object.defineProperty(window, 'requestIdleCallback', had);
      else delete (window as { requestIdleCallback?: unknown }).requestIdleCallback;
    });
    return () => {
      for (const callback of callbacks.splice(0)) callback({ didTimeout: false, timeRemaining: () => 50 });
    };
  }

  test.each([
    ['while the page loads', 'loading', 1],
    ['after the DOM is parsed, before the load ends', 'interactive', 1],
    ['once the load is complete (the document_idle registration has run)', 'complete', 0],
  ] as const)('%s: %i request(s)', (_, readyState, expected) => {
    const idle = idleNow();
    vi.spyOn(document, 'readyState', 'get').mockReturnValue(readyState);
    const ui = staged();
    ui.preloadWhenIdle();
    expect(requests).toBe(0);
    idle();
    expect(requests).toBe(expected);
  });

  test('nothing when the UI stage attached before the idle moment, or the page view ended', () => {
    const idle = idleNow();
    vi.spyOn(document, 'readyState', 'get').mockReturnValue('loading');
    const attached = staged();
    attached.preloadWhenIdle();
    attached.port.attach(() => fakeAttached({ choice: 'back' }).ui);
    const ended = staged();
    ended.preloadWhenIdle();
    lifetime.abort();
    idle();
    expect(requests).toBe(0);
  });

  test('one request in all, with a press before the idle moment', () => {
    const idle = idleNow();
    vi.spyOn(document, 'readyState', 'get').mockReturnValue('loading');
    const ui = staged();
    ui.preloadWhenIdle();
    void ui.prompt(linkPrompt);
    idle();
    expect(requests).toBe(1);
  });
});

test('a prompt waiting for the UI stage warms up once, in the next task, and not after it attached', async () => {
  let warmed = 0;
  const ui = createStagedUi({ doc: document, site: 'x', signal: lifetime.signal, requestUi: () => undefined, storedCore: () => undefined, warmUp: () => (warmed++, 'words') });
  void ui.prompt(linkPrompt);
  expect(warmed).toBe(0);
  ui.dismiss();
  void ui.prompt(linkPrompt);
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(warmed).toBe(1);
  // The words laid out for the font lookups are gone again: the cover holds its style only.
  expect([...roots[0]!.children].map((el) => el.tagName.toLowerCase())).toEqual(['style']);
  const late = createStagedUi({ doc: document, site: 'x', signal: lifetime.signal, requestUi: () => undefined, storedCore: () => undefined, warmUp: () => (warmed++, 'words') });
  void late.prompt(linkPrompt);
  late.port.attach(() => fakeAttached({ choice: 'back' }).ui);
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(warmed).toBe(1);
});
