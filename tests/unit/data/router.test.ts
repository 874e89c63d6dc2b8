import { beforeEach, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage, localDate, senderKind, type MessageSender } from '../../../utils/data/router';
import { createStore, type Store } from '../../../utils/data/store';
import { applyDuePending } from '../../../utils/data/reducers';
import { DocumentSchema, type StoredDocument } from '../../../utils/data/schema';
import type { StateSnapshot } from '../../../utils/data/messages';
import { exportDocument } from '../../../utils/data/transfer';
import { historyFigures, pageView, type PageView } from '../../../utils/ui/page-view';

const EXTENSION_ID = 'guard-extension-id';
const ORIGIN = 'chrome-extension://guard-extension-id/';
const OPTIONS: MessageSender = { id: EXTENSION_ID, url: `${ORIGIN}options.html`, tab: { id: 3 } };
const POPUP: MessageSender = { id: EXTENSION_ID, url: `${ORIGIN}popup.html` };
const SITE: MessageSender = { id: EXTENSION_ID, url: 'https://x.com/someone', tab: { id: 7 } };
const NOW = new Date('2026-11-23T23:30:00.000Z');

let store: Store;
let ids = 0;

function fixture(name: string): string {
  return readFileSync(resolve(process.cwd(), 'tests/fixtures/data', name), 'utf8');
}

function send(raw: unknown, sender: MessageSender = POPUP) {
  return handleMessage(raw, sender, { store, extensionId: EXTENSION_ID, extensionOrigin: ORIGIN });
}

async function stored(): Promise<StoredDocument> {
  return (await store.snapshot()).doc;
}

beforeEach(async () => {
  fakeBrowser.reset();
  ids = 0;
  store = createStore({ storage: fakeBrowser.storage.local, now: () => NOW, timeZone: () => 'Pacific/Auckland', newId: () => `id-${++ids}` });
  await store.load();
});

describe('who may send what', () => {
  const deps = { extensionId: EXTENSION_ID, extensionOrigin: ORIGIN };
  test.each([
    ['the popup', POPUP, 'extension-page'],
    ['the options page in a tab', OPTIONS, 'extension-page'],
    ['the pause page framed in a site', { id: EXTENSION_ID, url: `${ORIGIN}pause.html`, tab: { id: 7 } }, 'extension-page'],
    ['a content script', SITE, 'site-page'],
    ['another extension', { id: 'other', url: 'chrome-extension://other/popup.html' }, undefined],
    ['another extension in a tab', { id: 'other', url: 'https://x.com/', tab: { id: 1 } }, undefined],
    ['our id from no page and no tab', { id: EXTENSION_ID }, undefined],
    ['a look-alike origin without a tab', { id: EXTENSION_ID, url: 'https://guard-extension-id/' }, undefined],
    ['nobody', {}, undefined],
  ] as const)('%s', (_name, sender, kind) => {
    expect(senderKind(sender, deps)).toBe(kind);
  });

  test.each([
    ['a site page reports an urge', { type: 'urge-resisted', site: 'x', what: 'profile' }, SITE, true],
    ['a site page asks for the state', { type: 'state-requested' }, SITE, false],
    ['a site page tries to erase', { type: 'erase-requested', confirm: 'erase everything' }, SITE, false],
    ['a site page tries to add a reason', { type: 'reason-added', text: 'x' }, SITE, false],
    ['another extension asks for the state', { type: 'state-requested' }, { id: 'other', url: 'chrome-extension://other/' }, false],
    ['the popup asks for the state', { type: 'state-requested' }, POPUP, true],
  ])('%s → ok %s', async (_name, message, sender, ok) => {
    const reply = await send(message, sender);
    expect(reply.ok).toBe(ok);
    if (!reply.ok) expect(reply.error).toMatch(/only be changed from the extension's own pages/);
  });

  test.each([
    ['not an object', 'reason-added'],
    ['an unknown type', { type: 'everything-deleted' }],
    ['a missing field', { type: 'reason-added' }],
    ['a wrong confirmation', { type: 'erase-requested', confirm: 'yes' }],
    ['a page effect that belongs elsewhere', { type: 'page-continue-requested', url: 'https://x.com/someone' }],
    ['a phrase that belongs elsewhere', { type: 'strict-phrase-entered', phrase: 'calm' }],
  ])('%s is not understood and changes nothing', async (_name, message) => {
    const before = await stored();
    expect(await send(message)).toEqual({ ok: false, error: expect.stringMatching(/not understood/) });
    expect(await stored()).toEqual(before);
  });
});

describe('answers from the store', () => {
  test('state-requested gives the snapshot', async () => {
    const reply = await send({ type: 'state-requested' });
    expect(reply).toEqual({ ok: true, data: { doc: await stored(), revision: expect.any(String) } satisfies StateSnapshot });
  });

  test('view-requested gives the first screen: no log, the newest entries, the log\'s figures', async () => {
    for (const text of ['First.', 'Second.', 'Third.']) expect((await send({ type: 'journal-entry-added', text })).ok).toBe(true);
    expect((await send({ type: 'urge-resisted', site: 'x', what: 'profile' }, SITE)).ok).toBe(true);
    const reply = await send({ type: 'view-requested', journal: 2, timeZone: 'Pacific/Auckland' });
    const whole = (await store.snapshot()) as StateSnapshot;
    expect(reply).toEqual({
      ok: true,
      data: pageView(whole, 2, historyFigures(whole.doc.events, NOW, 'Pacific/Auckland')),
    });
    const view = (reply as { data: PageView }).data;
    expect(view.doc.events).toEqual({ recent: [], daily: [] });
    expect(view.journalCount).toBe(3);
    expect(view.figures.urgesTotal).toBe(1);
    expect(view.figures.urgesToday).toBe(1);
  });

  test('view-requested after a write: the figures follow it', async () => {
    const ask = () => send({ type: 'view-requested', journal: 0, timeZone: 'Pacific/Auckland' }) as Promise<{ ok: true; data: PageView }>;
    expect((await ask()).data.figures.urgesTotal).toBe(0);
    expect((await send({ type: 'urge-resisted', site: 'x', what: 'profile' }, SITE)).ok).toBe(true);
    expect((await ask()).data.figures.urgesTotal).toBe(1);
  });

  test.each([
    ['a site page', { type: 'view-requested', journal: 20, timeZone: 'UTC' }, SITE, /only be changed from the extension's own pages/],
    ['a time zone that does not exist', { type: 'view-requested', journal: 20, timeZone: 'Not/AZone' }, POPUP, /not understood/],
    ['a negative page', { type: 'view-requested', journal: -1, timeZone: 'UTC' }, POPUP, /not understood/],
  ])('view-requested from %s is refused', async (_name, message, sender, error) => {
    expect(await send(message, sender)).toEqual({ ok: false, error: expect.stringMatching(error) });
  });

  test('export-requested gives the file and a name with the local date', async () => {
    const reply = await send({ type: 'export-requested' });
    expect(reply).toEqual({
      ok: true,
      data: { json: exportDocument(await stored(), NOW), fileName: 'no-contact-guard-2026-11-24.json' },
    });
  });

  test('import-requested replaces everything with a valid file', async () => {
    const v4 = DocumentSchema.parse(JSON.parse(fixture('v4.json')));
    const reply = await send({ type: 'import-requested', json: exportDocument(v4, NOW) }, OPTIONS);
    expect(reply).toEqual({ ok: true });
    // The file's waiting changes were due before NOW: they take effect as it is read.
    expect(await stored()).toEqual(applyDuePending(v4, NOW));
    expect((await stored()).settings.pending).toEqual([]);
  });

  test.each(['imports/truncated.json', 'imports/wrong-types.json', 'imports/newer-version.json', 'imports/not-ours.json', 'imports/unknown-site.json'])(
    'import-requested with %s changes nothing',
    async (name) => {
      const before = await stored();
      const reply = await send({ type: 'import-requested', json: fixture(name) }, OPTIONS);
      expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/nothing was changed/) });
      expect(await stored()).toEqual(before);
    },
  );

  test('an import that would not fit in the space left is refused up front, saying how much it needs and how much is free', async () => {
    // The browser's estimate: 9.9 MB of 10 MB used (the background asks navigator.storage.estimate()).
    store = createStore({
      storage: fakeBrowser.storage.local,
      now: () => NOW,
      timeZone: () => 'Pacific/Auckland',
      newId: () => `id-${++ids}`,
      space: async () => ({ usage: 9_900_000, quota: 10_000_000 }),
    });
    const before = await stored();
    const v4 = DocumentSchema.parse(JSON.parse(fixture('v4.json')));
    const big = { ...v4, journal: Array.from({ length: 40 }, (_, i) => ({ id: `j${i}`, at: '2026-11-20T10:00:00.000Z', text: 'x'.repeat(10_000) })) };
    const reply = await send({ type: 'import-requested', json: exportDocument(DocumentSchema.parse(big), NOW) }, OPTIONS);
    expect(reply).toEqual({
      ok: false,
      error: expect.stringMatching(/^This file needs about 4\d\d kB, and the space your browser gives this extension has about 100 kB left, so nothing was changed\./),
    });
    expect(await stored()).toEqual(before);
  });

  test('erase-requested starts fresh', async () => {
    await store.replace(DocumentSchema.parse(JSON.parse(fixture('v4.json'))));
    expect(await send({ type: 'erase-requested', confirm: 'erase everything' }, OPTIONS)).toEqual({ ok: true });
    const doc = await stored();
    expect(doc.people).toEqual([]);
    expect(doc.streak.startedAt).toBe(NOW.toISOString());
    expect(doc.streak.timeZone).toBe('Pacific/Auckland');
  });

  test('a change is made through the reducers', async () => {
    expect(await send({ type: 'reason-added', text: 'I want calm mornings.' })).toMatchObject({ ok: true });
    expect((await stored()).reasons.map((r) => r.text)).toEqual(['I want calm mornings.']);
  });

  test('a refused change gets a kind sentence', async () => {
    expect(await send({ type: 'person-renamed', personId: 'nobody', label: 'Sam' })).toEqual({
      ok: false,
      error: 'We could not find that person. They may have been removed already.',
    });
  });

  test('with data from a newer version, changes and exports are refused kindly', async () => {
    // A newer version writes its own revision too (utils/data/store.ts reads again when it changes).
    await fakeBrowser.storage.local.set({ core: { version: 5 }, streak: { version: 5 }, revision: 'written-by-a-newer-version' });
    const before = await fakeBrowser.storage.local.get(null);
    for (const message of [{ type: 'reason-added', text: 'Rest' }, { type: 'export-requested' }]) {
      expect(await send(message)).toEqual({ ok: false, error: expect.stringMatching(/newer version of No-Contact Guard/) });
    }
    expect(await send({ type: 'state-requested' })).toMatchObject({ ok: true, data: { problem: 'newer-version' } });
    expect(await fakeBrowser.storage.local.get(null)).toEqual(before);
  });
});

test.each([
  ['2026-11-23T23:30:00.000Z', 'Pacific/Auckland', '2026-11-24'],
  ['2026-11-23T23:30:00.000Z', 'UTC', '2026-11-23'],
  ['2026-11-24T02:00:00.000Z', 'America/Los_Angeles', '2026-11-23'],
])('localDate(%s, %s) is %s', (instant, zone, expected) => {
  expect(localDate(new Date(instant), zone)).toBe(expected);
});
