/**
 * The extension's own IndexedDB behind the storage interface the store uses (issue 17, item 7).
 * It belongs to the extension's origin: a content script runs in the site's origin, where
 * `indexedDB` opens the site's databases, never this one, so only the background and the
 * extension's pages can read or change what is kept here (the journal, the event log, the strict
 * phrase, everything the guard in a site's page does not need). `storage.local` keeps only the
 * guard's copy (utils/data/guard-copy.ts).
 *
 * One object store of key → value, like `storage.local`; a `set` is one readwrite transaction, so
 * it is written whole or not at all (storage.local gives no such promise).
 */
import type { StorageArea } from './store';

export const PRIVATE_DB_NAME = 'no-contact-guard';
export const PRIVATE_DB_STORE = 'kv';
const DB_VERSION = 1;

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    // A full quota shows as a QuotaExceededError, which the store reads as 'storage-full'. It comes
    // on the failing request's error event, where the transaction's own error is still null
    // (Firefox 153, seen 2026-12: a put over the origin's quota; Source: tests/e2e/interstitial.e2e.ts,
    // "storage full"), or at commit on the abort. The first of the two settles the promise.
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    tx.onerror = (event) => reject((event.target as IDBRequest | null)?.error ?? tx.error ?? new Error('IndexedDB transaction failed'));
  });
}

function openDb(factory: IDBFactory, name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = factory.open(name, DB_VERSION);
    req.onupgradeneeded = () => {
      if (!req.result.objectStoreNames.contains(PRIVATE_DB_STORE)) req.result.createObjectStore(PRIVATE_DB_STORE);
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB open failed'));
    req.onblocked = () => reject(new Error('IndexedDB open blocked'));
  });
}

/** Values go in as JSON-shaped data (what `storage.local` accepts), and come out as such. */
function plain(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

/** `factory` is asked for at the first read or write (a worker's `indexedDB`; fake-indexeddb in unit tests). */
export function createPrivateStorage(factory: () => IDBFactory, name = PRIVATE_DB_NAME): StorageArea {
  let db: Promise<IDBDatabase> | undefined;
  const connection = () => {
    db ??= openDb(factory(), name).then((opened) => {
      // Another context deleting or upgrading the database: let go, open again next time.
      opened.onversionchange = () => {
        opened.close();
        db = undefined;
      };
      opened.onclose = () => (db = undefined);
      return opened;
    });
    db.catch(() => (db = undefined));
    return db;
  };
  const tx = async (mode: IDBTransactionMode) => (await connection()).transaction(PRIVATE_DB_STORE, mode);
  /** Lets the connection go: the next read or write opens a new one. */
  const letGo = async () => {
    const old = db;
    db = undefined;
    (await old?.catch(() => undefined))?.close();
  };
  /**
   * A write, on a connection that can still write. Firefox 153 refuses every write on a connection
   * that once met the quota ("A mutation operation was attempted on a database that did not allow
   * mutations", an InvalidStateError), even after space is freed (seen 2026-12; Source:
   * tests/e2e/interstitial.e2e.ts, "storage full"): after a quota error the connection is let go,
   * and a write refused that way is tried once more on a new connection.
   */
  const writing = async (write: (t: IDBTransaction) => Promise<void>): Promise<void> => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await write(await tx('readwrite'));
      } catch (error) {
        const name = (error as { name?: unknown } | null)?.name;
        if (name === 'QuotaExceededError' || name === 'InvalidStateError') await letGo();
        if (name !== 'InvalidStateError' || attempt > 0) throw error;
      }
    }
  };

  return {
    async get(keys) {
      const t = await tx('readonly');
      const os = t.objectStore(PRIVATE_DB_STORE);
      const out: Record<string, unknown> = {};
      if (keys === null || keys === undefined) {
        const [allKeys, values] = await Promise.all([request(os.getAllKeys()), request(os.getAll())]);
        allKeys.forEach((key, i) => (out[String(key)] = values[i]));
        return out;
      }
      const list = typeof keys === 'string' ? [keys] : keys;
      const values = await Promise.all(list.map((key) => request(os.get(key))));
      list.forEach((key, i) => {
        if (values[i] !== undefined) out[key] = values[i];
      });
      return out;
    },
    async set(items) {
      // Every value is made plain first: one that cannot be stored fails the set before it writes anything.
      const entries = Object.entries(items).map(([key, value]) => [key, plain(value)] as const);
      await writing(async (t) => {
        const os = t.objectStore(PRIVATE_DB_STORE);
        try {
          for (const [key, value] of entries) {
            if (value === undefined) os.delete(key);
            else os.put(value, key);
          }
        } catch (error) {
          // Already over (a request refused at once may end it): nothing to abort.
          try {
            t.abort();
          } catch {}
          throw error;
        }
        await done(t);
      });
    },
    async remove(keys) {
      await writing(async (t) => {
        const os = t.objectStore(PRIVATE_DB_STORE);
        for (const key of typeof keys === 'string' ? [keys] : keys) os.delete(key);
        await done(t);
      });
    },
  };
}
