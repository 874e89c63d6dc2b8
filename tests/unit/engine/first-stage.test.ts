import { afterEach, expect, test, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startFirstStage } from '../../../utils/engine/first-stage';
import { COVER_FLAG, setCoverFlag } from '../../../utils/engine/stage-port';
import { page as x } from '../../../utils/sites/x';

const controllers: AbortController[] = [];
afterEach(() => {
  for (const c of controllers.splice(0)) c.abort();
  delete (globalThis as Record<symbol, unknown>)[COVER_FLAG];
  vi.restoreAllMocks();
  fakeBrowser.reset();
});

/** Starts the first stage on `url` and records, in order, the storage calls it makes. */
function start(url: string, flagged: boolean): string[] {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
  if (flagged) setCoverFlag();
  const calls: string[] = [];
  vi.spyOn(browser.storage.onChanged, 'addListener').mockImplementation(() => void calls.push('subscribe'));
  vi.spyOn(browser.storage.local, 'get').mockImplementation(async () => (calls.push('read'), {}));
  const controller = new AbortController();
  controllers.push(controller);
  startFirstStage(x, controller.signal, { feedStyled: false });
  return calls;
}

const microtasks = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

// The first touch of the storage bindings holds the page's parser back; where nothing is covered
// before the list comes, it waits for the page's first scripts (utils/engine/first-stage.ts).
test.each([
  ['someone else\'s profile, not flagged: nothing in its own task or microtasks, both after the next task', 'https://x.com/someone_else', false, [], ['subscribe', 'read']],
  ['a guarded account\'s page (flagged by the registration): both at once, no task waited for', 'https://x.com/guarded_person', true, ['subscribe', 'read'], ['subscribe', 'read']],
  ['the site\'s home, not flagged: after the next task', 'https://x.com/home', false, [], ['subscribe', 'read']],
] as const)('%s', async (_case, url, flagged, beforeTask, afterTask) => {
  const calls = start(url, flagged);
  expect(calls).toEqual([]);
  await microtasks();
  expect(calls).toEqual(beforeTask);
  await nextTask();
  await microtasks();
  expect(calls).toEqual(afterTask);
});
