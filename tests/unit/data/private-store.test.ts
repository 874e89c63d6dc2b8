/**
 * Issue 17, item 7: what the site's process can reach is only the guard's copy, read-only.
 * - the private store (the extension's own IndexedDB; fake-indexeddb here) behaves as the storage
 *   area the store expects, and a store over it keeps its data across a restart;
 * - the guard's copy holds what the guard reads and nothing else (no label, no phrase, no notes);
 * - the move of layout 4 (migration 005) with its fixtures, cut off or not;
 * - the background: a write to storage.local that is not its own (a content script's) is undone,
 *   and changes nothing the background keeps.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import v4 from '../../fixtures/data/v4.json';
import v4Stored from '../../fixtures/data/v4-stored.json';
import v5Stored from '../../fixtures/data/v5-stored.json';
import { createPrivateStorage } from '../../../utils/data/private-storage';
import { createStore, type StorageArea } from '../../../utils/data/store';
import { guardCopyOf, isGuardCopy } from '../../../utils/data/guard-copy';
import { guardCoreFrom } from '../../../utils/data/guard-core';
import { moveToPrivateStore } from '../../../utils/data/migrations/005-private-store';
import { CoreSchema, DocumentSchema, type StoredDocument } from '../../../utils/data/schema';

// The browser's rules and registrations are not what this file tests (tests/unit/background/registration.test.ts).
vi.mock('../../../utils/background/registration', () => ({
  syncBrowser: async () => undefined,
  allowOnceInTab: async () => false,
  clearAllowOnceRules: async () => undefined,
}));

function memoryArea(initial: Record<string, unknown> = {}): StorageArea & { items: Record<string, unknown> } {
  const items: Record<string, unknown> = structuredClone(initial);
  return {
    items,
    async get(keys) {
      if (keys === null || keys === undefined) return structuredClone(items);
      const list = typeof keys === 'string' ? [keys] : keys;
      return Object.fromEntries(list.filter((k) => k in items).map((k) => [k, structuredClone(items[k])]));
    },
    async set(more) {
      Object.assign(items, structuredClone(more));
    },
    async remove(keys) {
      for (const key of typeof keys === 'string' ? [keys] : keys) delete items[key];
    },
  };
}

const fresh = () => createPrivateStorage(() => new IDBFactory());

describe('the private store (IndexedDB) as a storage area', () => {
  test('get, set and remove behave as storage.local: missing keys are left out, values come back as JSON', async () => {
    const area = fresh();
    expect(await area.get(null)).toEqual({});
    await area.set({ a: { n: 1, gone: undefined }, b: [1, 'two'], c: 'three' });
    expect(await area.get(null)).toEqual({ a: { n: 1 }, b: [1, 'two'], c: 'three' });
    expect(await area.get(['a', 'missing'])).toEqual({ a: { n: 1 } });
    expect(await area.get('c')).toEqual({ c: 'three' });
    await area.remove(['a', 'c']);
    expect(await area.get(null)).toEqual({ b: [1, 'two'] });
  });

  test('a value that cannot be stored leaves every other value of that set unwritten (one transaction)', async () => {
    const area = fresh();
    await area.set({ kept: 1 });
    // BigInt is not JSON: the set fails before anything of it is stored.
    await expect(area.set({ kept: 2, other: 1, bad: { n: BigInt(1) } })).rejects.toThrow();
    expect(await area.get(null)).toEqual({ kept: 1 });
  });

  test('a store over it keeps what it wrote across a restart (a new store on the same database)', async () => {
    const factory = new IDBFactory();
    const deps = { now: () => new Date('2026-12-01T10:00:00Z'), timeZone: () => 'UTC', newId: (() => { let n = 0; return () => `id-${++n}-0000000`; })() };
    const first = createStore({ ...deps, storage: createPrivateStorage(() => factory) });
    await first.replace(DocumentSchema.parse(v4));
    const second = createStore({ ...deps, storage: createPrivateStorage(() => factory) });
    expect((await second.snapshot()).doc).toEqual((await first.snapshot()).doc);
  });
});

describe('a full disk', () => {
  test("IndexedDB's QuotaExceededError is answered 'storage-full', and nothing of the change is kept", async () => {
    const factory = new IDBFactory();
    const area = createPrivateStorage(() => factory);
    let full = false;
    const storage: StorageArea = {
      get: (keys) => area.get(keys),
      remove: (keys) => area.remove(keys),
      // What a transaction over the origin's quota rejects with (utils/data/private-storage.ts `done`).
      set: (items) => (full ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')) : area.set(items)),
    };
    let n = 0;
    const deps = { storage, now: () => new Date('2026-12-01T10:00:00Z'), timeZone: () => 'UTC', newId: () => `id-${++n}-0000000` };
    const store = createStore(deps);
    await store.replace(DocumentSchema.parse(v4));
    const before = await area.get(null);
    full = true;
    const result = await store.update((doc) => ({ ok: true, doc: { ...doc, journal: [...doc.journal, { id: 'new-entry', at: '2026-12-01T10:00:00.000Z', text: 'Kept in the box' }] } }));
    expect(result).toEqual({ ok: false, error: 'storage-full' });
    expect(await area.get(null)).toEqual(before);
    // The next reader (a restarted worker) sees the document as it was.
    expect((await createStore({ ...deps, storage: area }).snapshot()).doc.journal.map((j) => j.id)).not.toContain('new-entry');
  });
});

describe('a connection that met the quota', () => {
  /**
   * fake-indexeddb with Firefox 153's behaviour at the quota (seen 2026-12, interstitial.e2e's
   * "storage full"): while `full`, a write's request fails with a QuotaExceededError; from then on
   * that connection refuses every write with an InvalidStateError, even once space is free.
   */
  function firefoxLike() {
    const real = new IDBFactory();
    const state = { full: false, opened: 0 };
    const factory = {
      open(name: string, version?: number) {
        const req = real.open(name, version);
        state.opened += 1;
        let poisoned = false;
        const wrap = (db: IDBDatabase) =>
          new Proxy(db, {
            get(target, prop) {
              if (prop !== 'transaction') {
                const value = Reflect.get(target, prop, target) as unknown;
                return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
              }
              return (stores: string, mode: IDBTransactionMode) => {
                if (mode === 'readwrite' && poisoned) throw new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError');
                const tx = target.transaction(stores, mode);
                if (mode === 'readwrite' && state.full) {
                  poisoned = true;
                  // Once the write's requests are made (in this task), its request fails as at the quota.
                  const failed = Object.assign(new Event('error'), {});
                  Object.defineProperty(failed, 'target', { value: { error: new DOMException('The quota has been exceeded.', 'QuotaExceededError') } });
                  const fail = () => {
                    tx.onerror?.(failed);
                    tx.abort();
                  };
                  return new Proxy(tx, {
                    get(t, p) {
                      if (p === 'objectStore') return (n: string) => {
                        queueMicrotask(fail);
                        return t.objectStore(n);
                      };
                      const value = Reflect.get(t, p, t) as unknown;
                      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(t) : value;
                    },
                    set(t, p, value) {
                      return Reflect.set(t, p, value, t);
                    },
                  });
                }
                return tx;
              };
            },
          });
        return new Proxy(req, {
          get(target, prop) {
            if (prop === 'result') return wrap(target.result);
            const value = Reflect.get(target, prop, target) as unknown;
            return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
          },
          set(target, prop, value) {
            return Reflect.set(target, prop, value, target);
          },
        });
      },
    } as unknown as IDBFactory;
    return { factory, state };
  }

  test('is let go: once space is free again, the next write goes through on a new connection', async () => {
    const { factory, state } = firefoxLike();
    const area = createPrivateStorage(() => factory);
    await area.set({ a: 1 });
    state.full = true;
    await expect(area.set({ b: 2 })).rejects.toMatchObject({ name: 'QuotaExceededError' });
    state.full = false;
    await area.set({ c: 3 });
    expect(await area.get(null)).toEqual({ a: 1, c: 3 });
    expect(state.opened).toBe(2);
  });

  test('a store over it says storage-full, then saves the next entry once there is room', async () => {
    const { factory, state } = firefoxLike();
    let n = 0;
    const store = createStore({ storage: createPrivateStorage(() => factory), now: () => new Date('2026-12-01T10:00:00Z'), timeZone: () => 'UTC', newId: () => `id-${++n}-0000000` });
    await store.load();
    const entry = (text: string) => (doc: StoredDocument) => ({ ok: true as const, doc: { ...doc, journal: [...doc.journal, { id: `e-${text}`, at: '2026-12-01T10:00:00.000Z', text }] } });
    state.full = true;
    await expect(store.update(entry('refused'))).resolves.toEqual({ ok: false, error: 'storage-full' });
    state.full = false;
    await expect(store.update(entry('kept'))).resolves.toMatchObject({ ok: true });
    expect((await store.snapshot()).doc.journal.map((j) => j.text)).toEqual(['kept']);
  });
});

describe("the guard's copy", () => {
  const doc = DocumentSchema.parse(v4);
  const withPhrase = CoreSchema.parse({ ...doc, settings: { ...doc.settings, friction: 'strict', strictPhrase: 'I choose my own calm' } });
  const copy = guardCopyOf(withPhrase);
  const text = JSON.stringify(copy);

  test('holds only the keys the guard reads, and passes its view', () => {
    expect(Object.keys(copy).sort()).toEqual(['core', 'streak']);
    expect(guardCoreFrom(copy)?.settings.strictPhraseSet).toBe(true);
    expect(guardCoreFrom(guardCopyOf(CoreSchema.parse(doc)))?.settings.strictPhraseSet).toBe(false);
  });

  const privateValues: [string, string][] = [
    ['the strict phrase', withPhrase.settings.strictPhrase],
    ...withPhrase.people.filter((p) => p.label !== '').map((p): [string, string] => ['a label', p.label]),
    ...withPhrase.streak.history.filter((h) => h.note).map((h): [string, string] => ['a past streak\'s note', h.note!]),
    ...withPhrase.streak.history.map((h): [string, string] => ['a past streak', h.startedAt]),
    ...withPhrase.settings.pending.map((p): [string, string] => ['a waiting change', p.id]),
    ...withPhrase.hardDays.map((d): [string, string] => ['a hard day', d.monthDay]),
    ...doc.journal.map((j): [string, string] => ['a journal entry', j.text]),
  ];
  test('the fixture has something private of each kind', () => {
    expect(new Set(privateValues.map(([what]) => what)).size).toBeGreaterThanOrEqual(5);
  });
  test.each(privateValues)('leaves out %s', (_what, value) => {
    expect(text).not.toContain(value);
  });
});

describe('migration 005: the store moves out of storage.local', () => {
  test('the v4 layout (tests/fixtures/data/v4-stored.json) moves whole into the private store', async () => {
    const local = memoryArea(v4Stored);
    const priv = memoryArea();
    const result = await moveToPrivateStore(local, priv);
    expect(priv.items).toEqual(v4Stored);
    // core and streak stay until the guard's copy replaces them; nothing private else is left.
    expect(Object.keys(local.items).sort()).toEqual(['core', 'streak']);
    expect(result.moved.sort()).toEqual(Object.keys(v4Stored).sort());
  });

  test('with a copy written, the result is the layout 5 fixture (tests/fixtures/data/v5-stored.json)', async () => {
    const local = memoryArea({ ...v4Stored, siteChecks: { version: 1, sites: {} } });
    const priv = memoryArea();
    await moveToPrivateStore(local, priv);
    // What the background writes next, from the document the store reads (v4.json is v4-stored.json joined).
    await local.set(guardCopyOf(CoreSchema.parse(DocumentSchema.parse(v4))));
    expect({ local: local.items, private: priv.items }).toEqual(v5Stored);
  });

  test('a move cut off after the copy: the private store wins, nothing is copied again', async () => {
    const local = memoryArea({ ...v4Stored, 'journal:2026-12': { version: 4, entries: [] } });
    const priv = memoryArea(v4Stored);
    const result = await moveToPrivateStore(local, priv);
    expect(result.moved).toEqual([]);
    expect(priv.items).toEqual(v4Stored);
    expect(Object.keys(local.items).sort()).toEqual(['core', 'streak']);
  });

  test('the guard\'s copy and the site checks never move', async () => {
    const copy = guardCopyOf(CoreSchema.parse(DocumentSchema.parse(v4)));
    const local = memoryArea({ ...copy, siteChecks: { version: 1 } });
    const priv = memoryArea();
    expect(await moveToPrivateStore(local, priv)).toEqual({ moved: [], removed: [] });
    expect(priv.items).toEqual({});
    expect(local.items).toEqual({ ...copy, siteChecks: { version: 1 } });
  });
});

describe('the background keeps storage.local to its own copy', () => {
  let factory: IDBFactory;
  beforeEach(() => {
    fakeBrowser.reset();
    factory = new IDBFactory();
    vi.stubGlobal('indexedDB', factory);
  });
  afterEach(() => vi.unstubAllGlobals());

  async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
    for (let i = 0; i < 200; i++) {
      const value = await read();
      if (ok(value)) return value;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error('condition never held');
  }

  test('a content script writing a core with no people and no cool-down changes nothing the background keeps, and is undone', async () => {
    await fakeBrowser.storage.local.set(v4Stored);
    const { startBackground } = await import('../../../utils/background/start-background');
    startBackground();
    await fakeBrowser.runtime.onStartup.trigger();
    const local = () => fakeBrowser.storage.local.get(null);
    // After the move: storage.local holds the guard's copy only (waiting changes that were due have
    // taken effect, so it is the copy of the store's document, not of the fixture).
    const copy = await until(local, (items) => JSON.stringify(Object.keys(items).sort()) === '["core","streak"]' && guardCoreFrom(items) !== undefined);
    expect(guardCoreFrom(copy)?.people.length).toBeGreaterThan(0);

    // What a content script can do: write storage.local (the site's process holds that context).
    const privateStore = createPrivateStorage(() => factory);
    const before = await privateStore.get(null);
    const forged = { ...(copy.core as object), people: [], settings: { friction: 'gentle', strictPhraseSet: false, paused: true, sitesOff: [] } };
    await fakeBrowser.storage.local.set({ core: forged, 'journal:2026-12': { version: 4, entries: [] }, revision: 'forged' });
    await until(local, (items) => isGuardCopy(items, copy) && Object.keys(items).length === 2);
    expect(await local()).toEqual(copy);
    expect(await privateStore.get(null)).toEqual(before);
  }, 30_000);
});
