import { beforeEach, describe, expect, test, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createStore, type ChangeContext, type ChangeOutcome, type Store } from '../../../utils/data/store';
import { migrateToCurrent } from '../../../utils/data/migrations';
import { now, setClockOffset } from '../../../utils/data/clock';
import { CoreSchema, DocumentSchema, emptyDocument, type StoredDocument } from '../../../utils/data/schema';

// The store only needs "apply what is due" from the reducers; a small stand-in keeps these tests
// about the store (queue, migration, quarantine), not about the reducers' rules.
vi.mock('../../../utils/data/reducers', () => ({
  applyDuePending: (doc: StoredDocument, now: Date): StoredDocument => ({
    ...doc,
    settings: { ...doc.settings, pending: doc.settings.pending.filter((p) => Date.parse(p.effectiveAt) > now.getTime()) },
  }),
}));

const storage = fakeBrowser.storage.local;
const NOW = new Date('2026-11-23T10:00:00.000Z');
let clock = NOW;
let ids = 0;

function fixture(name: string): Record<string, any> {
  return JSON.parse(readFileSync(resolve(process.cwd(), 'tests/fixtures/data', name), 'utf8'));
}

function newStore(): Store {
  return createStore({ storage, now: () => clock, timeZone: () => 'Europe/Berlin', newId: () => `id-${++ids}` });
}

/** Stores a current document the way the store itself does. */
async function storeDocument(doc: StoredDocument): Promise<void> {
  const { events, journal, ...core } = doc;
  await storage.set({ core, log: { version: doc.version, events, journal } });
}

function addReason(text: string) {
  return (doc: StoredDocument, ctx: { newId(): string }) => ({
    ok: true as const,
    doc: { ...doc, reasons: [...doc.reasons, { id: ctx.newId(), text }] },
  });
}

beforeEach(() => {
  fakeBrowser.reset();
  clock = NOW;
  ids = 0;
});

describe('loading what is stored', () => {
  test('nothing stored: a fresh document is written as core and log', async () => {
    await newStore().load();
    const stored = await storage.get(null);
    expect(Object.keys(stored).sort()).toEqual(['core', 'log']);
    expect(CoreSchema.parse(stored.core)).toEqual(CoreSchema.parse(emptyDocument(NOW, 'Europe/Berlin')));
    expect(stored.log).toEqual({ version: 3, events: { recent: [], daily: [] }, journal: [] });
    expect(stored.core).not.toHaveProperty('events');
    expect(stored.core).not.toHaveProperty('journal');
  });

  test('a fresh start keeps its start time on later reads', async () => {
    await newStore().load();
    clock = new Date('2026-11-30T10:00:00.000Z');
    const snapshot = await newStore().snapshot();
    expect(snapshot.doc.streak.startedAt).toBe(NOW.toISOString());
  });

  test('a v1 document is migrated, written back, and its old key removed', async () => {
    const v1 = fixture('v1.json');
    await storage.set({ state: v1 });
    const store = newStore();
    await store.load();
    const expected = migrateToCurrent(v1);
    if (!expected.ok) throw new Error('fixture must migrate');
    const stored = await storage.get(null);
    expect(stored.state).toBeUndefined();
    expect(stored.log).toEqual({ version: 3, events: expected.doc.events, journal: expected.doc.journal });
    expect(await store.snapshot()).toEqual({ doc: expected.doc });
  });

  test('a current document is read as it is', async () => {
    const v3 = DocumentSchema.parse(fixture('v3.json'));
    await storeDocument(v3);
    expect(await newStore().snapshot()).toEqual({ doc: v3 });
  });
});

describe('data from a newer version is refused and left untouched', () => {
  const v3 = fixture('v3.json');
  const { events, journal, ...core } = v3;
  test.each([
    ['core and log are newer', { core: { ...core, version: 4 }, log: { version: 4, events, journal } }],
    ['only the log is newer', { core, log: { version: 4, events: [], journal } }],
    ['a newer core with a shape we do not know', { core: { version: 4, everything: 'different' }, log: { version: 4 } }],
  ])('%s', async (_name, items) => {
    await storage.set(items);
    const before = structuredClone(await storage.get(null));
    const store = newStore();
    await store.load();
    const snapshot = await store.snapshot();
    expect(snapshot.problem).toBe('newer-version');
    expect(await store.update(addReason('Rest'))).toEqual({ ok: false, error: 'newer-version' });
    await store.applyDue();
    expect(await storage.get(null)).toEqual(before);
  });
});

describe('invalid data is set aside once and the store starts fresh', () => {
  const v3 = fixture('v3.json');
  const { events, journal, ...core } = v3;
  test.each([
    ['a core that is not an object', { core: 'garbage', log: { version: 3, events, journal } }],
    ['a core with a bad field', { core: { ...core, people: [{ id: 'p' }] }, log: { version: 3, events, journal } }],
    ['a core without its log', { core }],
    ['halves of different versions', { core, log: { version: 1, events, journal } }],
    ['a v1 document with a bad field', { state: { ...fixture('v1.json'), streak: null } }],
    ['a document without a version', { state: { people: [] } }],
  ])('%s', async (_name, items) => {
    await storage.set(items);
    const store = newStore();
    await store.load();
    const stored = await storage.get(null);
    expect(stored.quarantine).toMatchObject({ quarantinedAt: NOW.toISOString(), items });
    expect(stored.state).toBeUndefined();
    expect(DocumentSchema.safeParse({ ...(stored.core as object), ...(stored.log as object) }).success).toBe(true);
    const snapshot = await store.snapshot();
    expect(snapshot.problem).toBe('quarantined');
    expect(snapshot.doc.people).toEqual([]);
  });

  test('the set-aside copy is never overwritten by a later problem', async () => {
    await storage.set({ core: 'first damage' });
    await newStore().load();
    clock = new Date('2026-11-24T10:00:00.000Z');
    await storage.set({ core: 'second damage' });
    await newStore().load();
    expect((await storage.get('quarantine')).quarantine).toEqual({
      quarantinedAt: NOW.toISOString(),
      where: expect.any(String),
      detail: expect.any(String),
      items: { core: 'first damage' },
    });
  });

  test('the snapshot keeps saying so after a restart, and changes still work', async () => {
    await storage.set({ core: 'damage' });
    await newStore().load();
    const restarted = newStore();
    expect(await restarted.update(addReason('Rest'))).toMatchObject({ ok: true });
    expect(await restarted.snapshot()).toMatchObject({ problem: 'quarantined', doc: { reasons: [{ text: 'Rest' }] } });
  });

  test('erasing everything removes the set-aside copy too', async () => {
    await storage.set({ core: 'damage' });
    const store = newStore();
    await store.load();
    await store.erase();
    expect((await storage.get('quarantine')).quarantine).toBeUndefined();
    expect((await store.snapshot()).problem).toBeUndefined();
  });
});

describe('changes', () => {
  test('100 changes sent at once from different tabs all land', async () => {
    const store = newStore();
    const texts = Array.from({ length: 100 }, (_, i) => `Reason ${i}`);
    const results = await Promise.all(texts.map((text) => store.update(addReason(text))));
    expect(results.every((r) => r.ok)).toBe(true);
    const { doc } = await store.snapshot();
    expect(doc.reasons.map((r) => r.text).sort()).toEqual([...texts].sort());
    expect(new Set(doc.reasons.map((r) => r.id)).size).toBe(100);
  });

  test('two stores on the same storage still read before every change', async () => {
    const a = newStore();
    const b = newStore();
    await a.update(addReason('From the popup'));
    await b.update(addReason('From the options page'));
    expect((await a.snapshot()).doc.reasons.map((r) => r.text)).toEqual(['From the popup', 'From the options page']);
  });

  test('the change sees the clock, the zone and the id source', async () => {
    const seen = vi.fn((doc: StoredDocument, _ctx: ChangeContext) => ({ ok: true as const, doc, data: 'answer' }));
    const result = await newStore().update(seen);
    expect(seen.mock.calls[0]?.[1]).toMatchObject({ now: NOW, timeZone: 'Europe/Berlin' });
    expect(result).toMatchObject({ ok: true, data: 'answer' });
  });

  test.each<[string, (doc: StoredDocument) => ChangeOutcome, unknown]>([
    ['a refused change', () => ({ ok: false, error: 'person-not-found' }), { ok: false, error: 'person-not-found' }],
    [
      'a change that would store invalid data',
      (doc) => ({ ok: true, doc: { ...doc, reasons: [{ id: '', text: '' }] } }),
      { ok: false, error: 'invalid-result' },
    ],
  ])('%s writes nothing', async (_name, change, expected) => {
    const store = newStore();
    await store.load();
    const before = structuredClone(await storage.get(null));
    expect(await store.update(change)).toEqual(expected);
    expect(await storage.get(null)).toEqual(before);
  });

  test('a change that throws does not stop the queue', async () => {
    const store = newStore();
    const failing = store.update(() => {
      throw new Error('bug');
    });
    const next = store.update(addReason('Still saved'));
    await expect(failing).rejects.toThrow('bug');
    expect(await next).toMatchObject({ ok: true });
  });

  test('replace swaps the whole document, even over newer data', async () => {
    await storage.set({ core: { version: 4 }, log: { version: 4 } });
    const store = newStore();
    const v3 = DocumentSchema.parse(fixture('v3.json'));
    await store.replace(v3);
    expect(await store.snapshot()).toEqual({ doc: v3 });
  });

  test('replace refuses an invalid document and writes nothing', async () => {
    const store = newStore();
    await store.load();
    const before = structuredClone(await storage.get(null));
    await expect(store.replace({ ...emptyDocument(NOW, 'UTC'), people: [{}] } as unknown as StoredDocument)).rejects.toThrow();
    expect(await storage.get(null)).toEqual(before);
  });

  test('applyDue lets changes whose cool-down has passed take effect', async () => {
    await storeDocument(DocumentSchema.parse(fixture('v3.json')));
    const store = newStore();
    clock = new Date('2026-11-20T11:01:00.000Z');
    await store.applyDue();
    expect((await store.snapshot()).doc.settings.pending.map((p) => p.id)).toEqual(['pending-3']);
  });
});

describe('the background clock', () => {
  test('each move adds to the earlier ones', () => {
    vi.useFakeTimers({ now: NOW });
    try {
      const start = now().getTime() - NOW.getTime();
      setClockOffset(60_000);
      setClockOffset(3_600_000);
      expect(now().getTime() - NOW.getTime() - start).toBe(3_660_000);
    } finally {
      vi.useRealTimers();
    }
  });
});
