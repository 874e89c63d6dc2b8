/**
 * An open page asks for its view once, applies a settings write itself, and asks again after a
 * write to the log or the journal: once per burst, not once per write (issue 17, items 7 and 8:
 * 20 open pages × 1,000 writes were 20,000 full snapshots).
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { liveView, type LiveView } from '../../../utils/ui/client';
import { emptyDocument } from '../../../utils/data/schema';
import { splitDocument } from '../../../utils/data/parts';
import { historyFigures, pageView, type PageView } from '../../../utils/ui/page-view';
import type { StateChanged } from '../../../utils/data/messages';

const NOW = new Date('2026-11-23T10:00:00.000Z');
const doc = emptyDocument(NOW, 'UTC');
const viewAt = (revision: string): PageView => pageView({ doc, revision }, 20, historyFigures(doc.events, NOW, 'UTC'));

let asked: { message: Record<string, unknown>; answer(view: PageView): void }[];
let live: LiveView | undefined;

beforeEach(() => {
  fakeBrowser.reset();
  asked = [];
  vi.spyOn(browser.runtime, 'sendMessage').mockImplementation(
    (message: unknown) => new Promise((resolve) => asked.push({ message: message as Record<string, unknown>, answer: (view) => resolve({ ok: true, data: view }) })),
  );
});
afterEach(() => {
  live?.stop();
  vi.restoreAllMocks();
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

async function changed(previous: string, revision: string, set: Record<string, unknown>) {
  const message: StateChanged = { type: 'state-changed', revision, previous, set, remove: [] };
  await fakeBrowser.runtime.onMessage.trigger(message, { url: browser.runtime.getURL('/background.js') });
  await settle();
}

describe('an open page follows the writes', () => {
  test('it asks for its first screen only, with the newest entries it shows', async () => {
    live = liveView(20);
    await settle();
    expect(asked.map((a) => a.message)).toEqual([expect.objectContaining({ type: 'view-requested', journal: 20 })]);
    asked[0]!.answer(viewAt('r1'));
    await settle();
    expect(live.view.value?.revision).toBe('r1');
  });

  test('a settings write is applied in the page; log writes while a request waits make one more request', async () => {
    live = liveView(0);
    await settle();
    asked[0]!.answer(viewAt('r1'));
    await settle();
    const withReason = { ...doc, reasons: [{ id: 'r', text: 'I deserve calm.' }] };
    await changed('r1', 'r2', { core: splitDocument(withReason).core });
    expect(asked).toHaveLength(1);
    expect(live.view.value?.doc.reasons).toEqual(withReason.reasons);

    for (let i = 2; i < 12; i++) await changed(`r${i}`, `r${i + 1}`, { 'log:recent:2026-11': { version: doc.version, events: [] } });
    // The first log write asks again; the nine after it, while that request waits, make one more.
    expect(asked).toHaveLength(2);
    asked[1]!.answer(viewAt('r5'));
    await settle();
    expect(asked).toHaveLength(3);
    asked[2]!.answer(viewAt('r12'));
    await settle();
    expect(asked).toHaveLength(3);
    expect(live.view.value?.revision).toBe('r12');
  });
});
