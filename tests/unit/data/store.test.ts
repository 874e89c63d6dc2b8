import { beforeEach, describe, expect, test, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createStore, type ChangeContext, type ChangeOutcome, type Store } from '../../../utils/data/store';
import { migrateToCurrent } from '../../../utils/data/migrations';
import { DocumentSchema, emptyDocument, type StoredDocument } from '../../../utils/data/schema';
import { CorePartSchema, joinParts, splitDocument } from '../../../utils/data/parts';

// The store only needs "apply what is due" from the reducers; a small stand-in keeps these tests
// about the store (queue, migration, quarantine), not about the reducers' rules.
vi.mock('../../../utils/data/reducers', () => ({
  // Like the real one: the same document back when nothing is due.
  applyDuePending: (doc: StoredDocument, now: Date): StoredDocument => {
    const pending = doc.settings.pending.filter((p) => Date.parse(p.effectiveAt) > now.getTime());
    return pending.length === doc.settings.pending.length ? doc : { ...doc, settings: { ...doc.settings, pending } };
  },
}));

const storage = fakeBrowser.storage.local;
const NOW = new Date('2026-11-23T10:00:00.000Z');
let clock = NOW;
const BEFORE_FIXTURES_DUE = new Date('2026-05-01T00:00:00.000Z');
let ids = 0;

function fixture(name: string): Record<string, any> {
  return JSON.parse(readFileSync(resolve(process.cwd(), 'tests/fixtures/data', name), 'utf8'));
}

function newStore(): Store {
  return createStore({ storage, now: () => clock, timeZone: () => 'Europe/Berlin', newId: () => `id-${++ids}` });
}

/** Stores a current document the way the store itself does: in parts. */
async function storeDocument(doc: StoredDocument): Promise<void> {
  await storage.set(structuredClone(splitDocument(doc)));
}

/** Stores a version 3 document the way version 3 did: `core` and `log`. */
async function storeV3(doc: Record<string, any>): Promise<void> {
  const { events, journal, ...core } = doc;
  await storage.set({ core, log: { version: 3, events, journal } });
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
  test('nothing stored: a fresh document is written in parts (an empty log and journal have none)', async () => {
    await newStore().load();
    const stored = await storage.get(null);
    expect(Object.keys(stored).sort()).toEqual(['core', 'revision', 'streak']);
    const { streak, events: _events, journal: _journal, ...core } = emptyDocument(NOW, 'Europe/Berlin');
    expect(CorePartSchema.parse(stored.core)).toEqual(core);
    expect(stored.streak).toEqual({ version: 4, ...streak });
  });

  test('a fresh start keeps its start time on later reads', async () => {
    await newStore().load();
    clock = new Date('2026-11-30T10:00:00.000Z');
    const snapshot = await newStore().snapshot();
    expect(snapshot.doc.streak.startedAt).toBe(NOW.toISOString());
  });

  test('a v1 document is migrated, written back, and its old key removed', async () => {
    // Before the fixtures' pending changes are due: read as they are, nothing takes effect.
    clock = BEFORE_FIXTURES_DUE;
    const v1 = fixture('v1.json');
    await storage.set({ state: v1 });
    const store = newStore();
    await store.load();
    const expected = migrateToCurrent(v1);
    if (!expected.ok) throw new Error('fixture must migrate');
    const stored = await storage.get(null);
    expect(stored.state).toBeUndefined();
    const { revision: _revision, ...parts } = stored;
    expect(parts).toEqual(JSON.parse(JSON.stringify(splitDocument(expected.doc))));
    expect(await store.snapshot()).toEqual({ doc: expected.doc, revision: stored.revision });
  });

  test('a v3 `core` + `log` moves into parts (migration 004) and the log key is removed', async () => {
    clock = BEFORE_FIXTURES_DUE;
    const v3 = fixture('v3.json');
    await storeV3(v3);
    const store = newStore();
    const { doc } = await store.snapshot();
    const stored = await storage.get(null);
    expect(stored.log).toBeUndefined();
    expect(Object.keys(stored).sort()).toEqual(['core', 'journal:2026-11', 'log:daily:2026', 'log:recent:2026-11', 'revision', 'streak']);
    expect(doc).toEqual({ ...DocumentSchema.omit({ version: true }).parse(v3), version: 4 });
  });

  test('the v4 fixture as stored (tests/fixtures/data/v4-stored.json) is the v4 document, and the store writes it so', async () => {
    clock = BEFORE_FIXTURES_DUE;
    const v4 = DocumentSchema.parse(fixture('v4.json'));
    expect(JSON.parse(JSON.stringify(splitDocument(v4)))).toEqual(fixture('v4-stored.json'));
    await storage.set(fixture('v4-stored.json'));
    expect((await newStore().snapshot()).doc).toEqual(v4);
  });

  test('a current document is read as it is, and not written again', async () => {
    // Before the fixtures' pending changes are due: read as they are, nothing takes effect.
    clock = BEFORE_FIXTURES_DUE;
    const v4 = DocumentSchema.parse(fixture('v4.json'));
    await storeDocument(v4);
    const set = vi.spyOn(storage, 'set');
    set.mockClear();
    expect((await newStore().snapshot()).doc).toEqual(v4);
    expect(set).not.toHaveBeenCalled();
  });
});

describe('data from a newer version is refused and left untouched', () => {
  const v3 = fixture('v3.json');
  const { events, journal, ...core } = v3;
  const parts = fixture('v4-stored.json');
  const newer = (items: Record<string, any>) => Object.fromEntries(Object.entries(items).map(([key, value]) => [key, { ...value, version: 5 }]));
  test.each([
    ['every part is newer', newer(parts)],
    ['only one month of the log is newer', { ...parts, ...newer({ 'log:recent:2026-11': parts['log:recent:2026-11'] }) }],
    ['a newer core with a shape we do not know', { core: { version: 5, everything: 'different' } }],
    ['a version 3 core with a newer log', { core, log: { version: 5, events: [], journal } }],
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

/** Every set-aside copy, by its dated key, as the `keptAside` list names them. */
async function keptAside(): Promise<{ key: string; at: string; lost: string[]; copy: unknown }[]> {
  const index = ((await storage.get('keptAside')).keptAside ?? []) as { key: string; at: string; lost: string[] }[];
  const copies = await storage.get(index.map((e) => e.key));
  return index.map((e) => ({ ...e, copy: copies[e.key] }));
}

describe('invalid data is set aside, every time, and what is still valid goes on working', () => {
  const v3 = fixture('v3.json');
  const { events, journal, ...core } = v3;
  const parts = fixture('v4-stored.json');
  test.each([
    ['a core part that is not an object', { ...parts, core: 'garbage' }],
    ['a core part with a bad field', { ...parts, core: { ...parts.core, people: [{ id: 'p' }] } }],
    ['a streak part of another version', { ...parts, streak: { ...parts.streak, version: 3 } }],
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
    const [kept, ...more] = await keptAside();
    expect(more).toEqual([]);
    expect(kept).toMatchObject({ key: `quarantine:${NOW.toISOString()}`, at: NOW.toISOString(), copy: { quarantinedAt: NOW.toISOString(), items } });
    expect(stored.state).toBeUndefined();
    expect(stored.log).toBeUndefined();
    expect(DocumentSchema.safeParse(joinParts(stored)).success).toBe(true);
    const snapshot = await store.snapshot();
    expect(snapshot.problem).toBe('quarantined');
    expect(snapshot.keptAside).toEqual([{ at: NOW.toISOString(), lost: kept!.lost }]);
    expect(snapshot.doc.people).toEqual([]);
  });

  test('one bad event or one empty journal entry: only they are lost; the people (and so the guard) stay', async () => {
    const doc = DocumentSchema.parse(fixture('v4.json'));
    expect(doc.people.length).toBeGreaterThan(0);
    const badEvent = { id: 'e-bad', type: 'urge-resisted', at: 'not a date' };
    await storeDocument(doc);
    const recent = parts['log:recent:2026-11'];
    const journalMonth = parts['journal:2026-11'];
    await storage.set({
      'log:recent:2026-11': { ...recent, events: [...recent.events, badEvent] },
      'journal:2026-11': { ...journalMonth, entries: [...journalMonth.entries, { id: 'j-empty', at: NOW.toISOString(), text: '' }] },
    });
    const snapshot = await newStore().snapshot();
    expect(snapshot.problem).toBe('quarantined');
    expect(snapshot.doc.people).toEqual(doc.people);
    expect(snapshot.doc.reasons).toEqual(doc.reasons);
    expect(snapshot.doc.events.recent).toEqual(doc.events.recent);
    expect(snapshot.doc.journal).toEqual(doc.journal);
    expect(snapshot.keptAside?.[0]?.lost.sort()).toEqual(['events.recent', 'journal']);
  });

  test('a second problem gets a copy of its own: the first is never overwritten, and what was written in between is kept', async () => {
    await storage.set({ core: 'first damage' });
    await newStore().load();
    await newStore().update(addReason('Written in between'));
    clock = new Date('2026-11-24T10:00:00.000Z');
    await storage.set({ core: 'second damage' });
    await newStore().load();
    const copies = await keptAside();
    expect(copies.map((c) => c.at)).toEqual([NOW.toISOString(), '2026-11-24T10:00:00.000Z']);
    expect(copies[0]!.copy).toMatchObject({ items: { core: 'first damage' } });
    // Every part as it was stored then, the streak written in between included.
    expect(copies[1]!.copy).toMatchObject({ items: { core: 'second damage', streak: { version: 4 } } });
    expect(JSON.stringify((await newStore().keptAsideCopies())[1])).toContain('second damage');
  });

  test('a copy kept aside by an earlier version (one `quarantine` key) still counts and is still offered', async () => {
    await storeDocument(DocumentSchema.parse(fixture('v4.json')));
    await storage.set({ quarantine: { quarantinedAt: '2026-11-01T00:00:00.000Z', items: { core: 'old damage' } } });
    const store = newStore();
    expect(await store.snapshot()).toMatchObject({ problem: 'quarantined', keptAside: [{ at: '2026-11-01T00:00:00.000Z', lost: ['everything'] }] });
    expect(await store.keptAsideCopies()).toEqual([{ quarantinedAt: '2026-11-01T00:00:00.000Z', items: { core: 'old damage' } }]);
  });

  test('the snapshot keeps saying so after a restart, and changes still work', async () => {
    await storage.set({ core: 'damage' });
    await newStore().load();
    const restarted = newStore();
    expect(await restarted.update(addReason('Rest'))).toMatchObject({ ok: true });
    expect(await restarted.snapshot()).toMatchObject({ problem: 'quarantined', doc: { reasons: [{ text: 'Rest' }] } });
  });

  test('erasing everything removes every set-aside copy too', async () => {
    await storage.set({ core: 'damage' });
    const store = newStore();
    await store.load();
    await store.erase();
    expect(Object.keys(await storage.get(null)).filter((k) => k.startsWith('quarantine') || k === 'keptAside')).toEqual([]);
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
    // Before the fixtures' pending changes are due: read as they are, nothing takes effect.
    clock = BEFORE_FIXTURES_DUE;
    await storage.set({ core: { version: 5 }, streak: { version: 5 } });
    const store = newStore();
    const v4 = DocumentSchema.parse(fixture('v4.json'));
    await store.replace(v4);
    expect((await store.snapshot()).doc).toEqual(v4);
    expect((await newStore().snapshot()).doc).toEqual(v4);
  });

  test('replace refuses an invalid document and writes nothing', async () => {
    const store = newStore();
    await store.load();
    const before = structuredClone(await storage.get(null));
    await expect(store.replace({ ...emptyDocument(NOW, 'UTC'), people: [{}] } as unknown as StoredDocument)).rejects.toThrow();
    expect(await storage.get(null)).toEqual(before);
  });

  test('applyDue lets changes whose cool-down has passed take effect', async () => {
    await storeDocument(DocumentSchema.parse(fixture('v4.json')));
    const store = newStore();
    clock = new Date('2026-11-20T11:01:00.000Z');
    await store.applyDue();
    expect((await store.snapshot()).doc.settings.pending.map((p) => p.id)).toEqual(['pending-3']);
  });
});

describe('a change costs what it changes', () => {
  function addEntry(text: string, at: string) {
    return (doc: StoredDocument, ctx: { newId(): string }) => ({ ok: true as const, doc: { ...doc, journal: [...doc.journal, { id: ctx.newId(), at, text }] } });
  }

  test('a journal entry writes its month (and the revision), nothing else', async () => {
    await storeDocument(DocumentSchema.parse(fixture('v4.json')));
    const store = newStore();
    await store.load();
    const set = vi.spyOn(storage, 'set');
    set.mockClear();
    expect(await store.update(addEntry('Today.', NOW.toISOString()))).toMatchObject({ ok: true });
    expect(set.mock.calls.map((call) => Object.keys(call[0]).sort())).toEqual([['journal:2026-11', 'revision']]);
  });

  test('changes that arrive together are written together, and every one lands', async () => {
    const store = newStore();
    await store.load();
    const set = vi.spyOn(storage, 'set');
    set.mockClear();
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => store.update(addReason(`Reason ${i}`), `change-${String(i).padStart(4, '0')}`)));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(set).toHaveBeenCalledTimes(1);
    const restarted = await newStore().snapshot();
    expect(restarted.doc.reasons).toHaveLength(50);
    expect(((await storage.get('applied')).applied as { changes: unknown[] }).changes).toHaveLength(50);
  });

  test('in one write, a refused or invalid change is answered as such and the others still land', async () => {
    const store = newStore();
    await store.load();
    const [first, refused, invalid, last] = await Promise.all([
      store.update(addReason('First')),
      store.update(() => ({ ok: false as const, error: 'person-not-found' })),
      store.update((doc) => ({ ok: true as const, doc: { ...doc, reasons: [{ id: '', text: '' }] } })),
      store.update(addReason('Last')),
    ]);
    expect([first?.ok, refused, invalid, last?.ok]).toEqual([true, { ok: false, error: 'person-not-found' }, { ok: false, error: 'invalid-result' }, true]);
    expect((await newStore().snapshot()).doc.reasons.map((r) => r.text)).toEqual(['First', 'Last']);
  });

  test('a write that fails answers every change in it as not made, and the next write starts from what is stored', async () => {
    const store = newStore();
    await store.update(addReason('Kept'));
    vi.spyOn(storage, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    const results = await Promise.all([store.update(addReason('Lost 1')), store.update(addReason('Lost 2'))]);
    expect(results).toEqual([{ ok: false, error: 'storage-full' }, { ok: false, error: 'storage-full' }]);
    await store.update(addReason('Later'));
    expect((await newStore().snapshot()).doc.reasons.map((r) => r.text)).toEqual(['Kept', 'Later']);
  });

  test('a due change that cannot be written first does not leave the changes waiting unanswered', async () => {
    const doc = emptyDocument(NOW, 'Europe/Berlin');
    doc.settings.pending = [{ id: 'p1', kind: 'pause-guard', requestedAt: '2026-11-23T08:00:00.000Z', effectiveAt: '2026-11-23T11:00:00.000Z' }];
    await storeDocument(DocumentSchema.parse(doc));
    const store = newStore();
    await store.load();
    clock = new Date('2026-11-23T12:00:00.000Z');
    vi.spyOn(storage, 'set').mockRejectedValueOnce(new Error('the disk said no'));
    await expect(store.update(addReason('Rest'))).resolves.toMatchObject({ ok: true });
  });

  test('a month whose last entry is deleted is removed', async () => {
    await storeDocument(DocumentSchema.parse(fixture('v4.json')));
    const store = newStore();
    await store.update((doc) => ({ ok: true as const, doc: { ...doc, journal: doc.journal.filter((e) => e.id !== 'j-0') } }));
    const stored = await storage.get(null);
    expect(stored['journal:2026-10']).toBeUndefined();
    expect((await newStore().snapshot()).doc.journal.map((e) => e.id)).toEqual(['j-1']);
  });

  test('each write is reported with the parts it changed and the revision it followed', async () => {
    const committed: unknown[] = [];
    const store = createStore({ storage, now: () => clock, timeZone: () => 'Europe/Berlin', newId: () => `id-${++ids}`, onCommit: (c) => committed.push(c) });
    const first = await store.snapshot();
    committed.length = 0;
    await store.update(addReason('Rest'));
    const after = await store.snapshot();
    expect(committed).toEqual([{ revision: after.revision, previous: first.revision, set: { core: expect.objectContaining({ reasons: [{ id: expect.any(String), text: 'Rest' }] }) }, remove: [] }]);
  });

  test('what another writer stored (a new revision) is read again before the next change', async () => {
    const store = newStore();
    await store.update(addReason('Mine'));
    await storage.set({ ...structuredClone(splitDocument(DocumentSchema.parse(fixture('v4.json')))), revision: 'another-writer' });
    clock = BEFORE_FIXTURES_DUE;
    await store.update(addReason('After'));
    expect((await store.snapshot()).doc.reasons.map((r) => r.text).at(-1)).toBe('After');
    expect((await store.snapshot()).doc.people.length).toBeGreaterThan(0);
  });
});

describe('a change sent again (a retry) is applied once', () => {
  test('the same change id twice: one reason stored, both senders told ok, with the first answer', async () => {
    const store = newStore();
    await store.load();
    const withData = (doc: StoredDocument, ctx: { newId(): string }) => ({ ...addReason('Calm mornings')(doc, ctx), data: { id: 'first' } });
    const first = await store.update(withData, 'change-aaaa');
    const again = await store.update(withData, 'change-aaaa');
    expect(first).toMatchObject({ ok: true, data: { id: 'first' } });
    expect(again).toMatchObject({ ok: true, data: { id: 'first' } });
    expect((await store.snapshot()).doc.reasons.map((r) => r.text)).toEqual(['Calm mornings']);
  });

  test('a retry sent while the first try is still waiting in the queue (a try given up at its time limit): applied once, both told ok', async () => {
    const store = newStore();
    await store.load();
    const [first, again] = await Promise.all([store.update(addReason('Slow to answer'), 'change-cccc'), store.update(addReason('Slow to answer'), 'change-cccc')]);
    expect(first).toMatchObject({ ok: true });
    expect(again).toMatchObject({ ok: true });
    expect((await store.snapshot()).doc.reasons.map((r) => r.text)).toEqual(['Slow to answer']);
  });

  test('the record survives a restarted worker (a new store on the same storage)', async () => {
    await newStore().update(addReason('One'), 'change-bbbb');
    await newStore().update(addReason('One'), 'change-bbbb');
    expect((await newStore().snapshot()).doc.reasons).toHaveLength(1);
  });

  test('different ids are different changes; the record keeps the last 500', async () => {
    const store = newStore();
    for (let i = 0; i < 510; i++) await store.update((doc) => ({ ok: true as const, doc }), `change-${String(i).padStart(4, '0')}`);
    const applied = (await storage.get('applied')).applied as { changes: { id: string }[] };
    expect(applied.changes).toHaveLength(500);
    expect(applied.changes[0]!.id).toBe('change-0010');
  });
});

describe('at the storage quota', () => {
  test('a change the browser refuses for quota is reported as storage-full and nothing changes', async () => {
    const store = newStore();
    await store.update(addReason('Kept'));
    const before = await storage.get(null);
    vi.spyOn(storage, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    await expect(store.update(addReason('Too much'))).resolves.toEqual({ ok: false, error: 'storage-full' });
    expect(await storage.get(null)).toEqual(before);
    // The queue goes on.
    await expect(store.update(addReason('Later'))).resolves.toMatchObject({ ok: true });
  });

  // The browser's estimate (navigator.storage.estimate in the background) against what the
  // import adds beyond the parts it replaces, with a margin (utils/data/storage-space.ts).
  test.each([
    ['plenty of room', { usage: 1_000_000, quota: 100_000_000 }, true],
    ['room for it but not for the margin', { usage: 99_500_000, quota: 100_000_000 }, false],
    ['full', { usage: 100_000_000, quota: 100_000_000 }, false],
    ['no estimate from the browser', undefined, true],
  ])('an import of about 300 kB, %s: refused up front (changing nothing) when it does not fit', async (_why, space, fits) => {
    const store = createStore({ storage, now: () => clock, timeZone: () => 'Europe/Berlin', newId: () => `id-${++ids}`, space: async () => space });
    await store.update(addReason('Kept'));
    const before = await storage.get(null);
    const big = emptyDocument(NOW, 'Europe/Berlin');
    big.journal = Array.from({ length: 20 }, (_, i) => ({ id: `j${i}`, at: NOW.toISOString(), text: 'x'.repeat(15_000) }));
    const result = await store.replace(DocumentSchema.parse(big));
    if (fits) {
      expect(result).toEqual({ ok: true });
      return;
    }
    expect(result).toMatchObject({ ok: false, error: 'import-too-big', freeBytes: space!.quota - space!.usage });
    expect((result as { neededBytes: number }).neededBytes).toBeGreaterThan(300_000);
    expect(await storage.get(null)).toEqual(before);
    // A small one still fits where there is room for it.
    if (space!.usage < space!.quota) await expect(store.replace(emptyDocument(NOW, 'Europe/Berlin'))).resolves.toEqual({ ok: true });
  });

  test('an import that replaces as much as it brings needs no more room, even when the space is nearly full', async () => {
    let space = { usage: 1_000_000, quota: 100_000_000 };
    const store = createStore({ storage, now: () => clock, timeZone: () => 'Europe/Berlin', newId: () => `id-${++ids}`, space: async () => space });
    const big = emptyDocument(NOW, 'Europe/Berlin');
    big.journal = Array.from({ length: 20 }, (_, i) => ({ id: `j${i}`, at: NOW.toISOString(), text: 'x'.repeat(15_000) }));
    await expect(store.replace(DocumentSchema.parse(big))).resolves.toEqual({ ok: true });
    space = { usage: 99_900_000, quota: 100_000_000 };
    await expect(store.replace(DocumentSchema.parse(big))).resolves.toEqual({ ok: true });
  });

  test('near the quota every write compacts the event log further, and the snapshot says how much is used', async () => {
    let space = { usage: 1_000_000, quota: 100_000_000 };
    const doc = emptyDocument(NOW, 'Europe/Berlin');
    doc.events.recent = Array.from({ length: 1_000 }, (_, i) => ({ type: 'urge-resisted' as const, at: new Date(NOW.getTime() - (1_000 - i) * 3_600_000).toISOString() }));
    await storeDocument(DocumentSchema.parse(doc));
    const store = createStore({ storage, now: () => clock, timeZone: () => 'Europe/Berlin', newId: () => `id-${++ids}`, space: async () => space });
    await store.update(addReason('Room to spare'));
    expect((await store.snapshot()).doc.events.recent).toHaveLength(1_000);
    space = { usage: 95_000_000, quota: 100_000_000 };
    // The estimate is read after each write: the write that brings the store near the quota is
    // the last with the usual detail, every later one compacts further.
    await store.update(addReason('Nearly full'));
    expect((await storage.get('revision')).revision).toBeDefined();
    await store.update(addReason('Still writing'));
    const snapshot = await store.snapshot();
    expect(snapshot.space).toEqual(space);
    expect(snapshot.doc.events.recent).toHaveLength(100);
    // Nothing is lost from the totals: the folded urges are counted in their days.
    const folded = snapshot.doc.events.daily.reduce((sum, row) => sum + (row.counts['urge-resisted'] ?? 0), 0);
    expect(folded + snapshot.doc.events.recent.length).toBe(1_000);
    expect(snapshot.doc.reasons.map((r) => r.text)).toEqual(['Room to spare', 'Nearly full', 'Still writing']);
  });
});

describe('a change whose cool-down has passed', () => {
  test('takes effect at the next read even if its alarm never fired, and is written back once', async () => {
    const doc = emptyDocument(NOW, 'Europe/Berlin');
    doc.settings.pending = [
      { id: 'p1', kind: 'pause-guard', requestedAt: '2026-11-23T08:00:00.000Z', effectiveAt: '2026-11-23T09:00:00.000Z' },
      { id: 'p2', kind: 'pause-guard', requestedAt: '2026-11-23T08:00:00.000Z', effectiveAt: '2026-11-23T11:00:00.000Z' },
    ];
    await storeDocument(DocumentSchema.parse(doc));
    const snapshot = await newStore().snapshot();
    expect(snapshot.doc.settings.pending.map((p) => p.id)).toEqual(['p2']);
    expect(((await storage.get('core')).core as { settings: { pending: unknown[] } }).settings.pending).toHaveLength(1);
  });
});

describe('no test hook ships', () => {
  test('the background puts nothing on its global scope', async () => {
    const { startBackground } = await import('../../../utils/background/start-background');
    const before = new Set(Object.keys(globalThis));
    startBackground();
    expect(Object.keys(globalThis).filter((key) => !before.has(key))).toEqual([]);
    // Importing the whole background takes seconds on a loaded shared machine.
  }, 30_000);
});
