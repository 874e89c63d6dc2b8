/**
 * The one writer of the stored document (background only). Every change runs in ONE queue, so two
 * tabs (or two handlers of the same worker interleaving across an `await`) never lose an update:
 * storage has no transactions and no compare-and-set (shared/platform.md §5).
 *
 * Version 4 stores the document in parts (utils/data/parts.ts) and a change writes only the parts
 * it changed: the validated document is kept in memory (read, migrated and validated once per
 * worker start), each change is applied to it and only its changed parts are validated and
 * written. Changes that arrive while a write is under way are applied together and written in one
 * `set` (issue 17, item 1: 1,000 changes from 20 pages waited 98 s each when every change re-read,
 * re-validated and rewrote the whole document). `revision` changes with every write, so a copy in
 * memory that is no longer what is stored (a second writer, a test) is read again first.
 *
 * Version 3 kept `core` + `log`, version 1 `state`: read once, moved into parts. Data that fails
 * validation is copied aside every time, under a dated key listed in `keptAside` (never
 * overwritten), and what is still valid of it goes on working (utils/data/salvage.ts).
 */
import { DocumentSchema, emptyDocument, SCHEMA_VERSION, STORAGE_KEYS, type StoredDocument } from './schema';
import type { StateSnapshot } from './messages';
import { migrateToCurrent, parseVersion } from './migrations';
import { V1_STORAGE_KEY } from './migrations/v1';
import { applyDuePending } from './reducers';
import { salvageDocument } from './salvage';
import { z } from 'zod';
import { isRecord } from './is-record';
import { diffParts, isPartKey, joinChange, joinParts, splitDocument, withChange, type Parts, type PartsChange } from './parts';
import { compactNearQuota } from './event-log';
import { fitsIn, freeBytes, isNearQuota, type StorageSpace } from './storage-space';

/**
 * The ids of the last changes applied, written in the same `set` as the change itself: a sender
 * that retries after a closed channel or a restarted worker gets the first answer again instead of
 * a second application (utils/data/reliable-send.ts).
 */
const APPLIED_LIMIT = 500;
const AppliedSchema = z.object({
  version: z.literal(1),
  changes: z.array(z.object({ id: z.string().min(8).max(64), data: z.unknown().optional() })).max(APPLIED_LIMIT),
});
type Applied = z.infer<typeof AppliedSchema>;

/**
 * At most this many changes in one write: each is answered only once its write is done, so a
 * long burst is answered in steps rather than all at the end.
 */
const BATCH_LIMIT = 100;

/** Bytes a `set` of these items takes: each key and its JSON (what a part costs, near enough, in IndexedDB too). */
export function storedBytes(items: Record<string, unknown>): number {
  const encoder = new TextEncoder();
  return Object.entries(items).reduce((sum, [key, value]) => sum + encoder.encode(key).length + encoder.encode(JSON.stringify(value) ?? '').length, 0);
}

function isQuotaError(error: unknown): boolean {
  // storage.local: "QUOTA_BYTES quota exceeded"; IndexedDB: a DOMException named QuotaExceededError.
  const name = typeof error === 'object' && error !== null && 'name' in error ? String((error as { name: unknown }).name) : '';
  return /quota/i.test(name) || /quota/i.test(error instanceof Error ? error.message : String(error));
}

/** The browser refused the write because its storage for the extension is full. */
class StorageFullError extends Error {}

/** The part of `browser.storage.local` the store uses. */
export interface StorageArea {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

/** What a change needs besides the document (the same shape as the reducers' ReduceContext). */
export interface ChangeContext {
  now: Date;
  timeZone: string;
  newId(): string;
}

/** What one write changed, for the pages that show it (they refresh from this, not a full snapshot). */
export interface Committed {
  revision: string;
  /** The revision this write followed; a page that holds another one asks for the whole state. */
  previous: string | undefined;
  set: Parts;
  remove: string[];
  /** Everything was written anew (a first start, an import, an erase, a set-aside). */
  whole?: boolean;
  /** The browser's estimate after this write, for the options page's "how much is used". */
  space?: StorageSpace;
}

export interface StoreDeps {
  storage: StorageArea;
  /** Called after every write that changed parts (never for a write that failed). */
  onCommit?: (committed: Committed) => void;
  now: () => Date;
  timeZone: () => string;
  newId: () => string;
  /**
   * The browser's estimate of the space used and given (`navigator.storage.estimate()`, in the
   * background); asked at the first read, after every write and before an import. Undefined when
   * the browser gives none: then nothing is refused up front and the log keeps its usual detail.
   */
  space?: () => Promise<StorageSpace | undefined>;
}

export type StoreError = 'newer-version' | 'invalid-result' | 'storage-full';

/** An import refused before anything was written: it needs about `neededBytes`, about `freeBytes` are free. */
export type ImportTooBig = { ok: false; error: 'import-too-big'; neededBytes: number; freeBytes: number };

/** What a change function returns: the reducers' Outcome has this shape. */
export type ChangeOutcome = { ok: true; doc: StoredDocument; data?: unknown } | { ok: false; error: string };
export type UpdateResult<O extends ChangeOutcome> = O | { ok: false; error: StoreError };

export interface Store {
  /** Reads, migrates or sets aside what is stored, and writes the result back once. */
  load(): Promise<void>;
  snapshot(): Promise<StateSnapshot>;
  /** `changeId`: the sender's id for this change; a change already applied is answered again, not applied twice. */
  update<O extends ChangeOutcome>(change: (doc: StoredDocument, ctx: ChangeContext) => O, changeId?: string): Promise<UpdateResult<O>>;
  /** Replaces everything (import). The document must already be valid; nothing is merged. */
  replace(doc: StoredDocument): Promise<{ ok: true } | { ok: false; error: 'storage-full' } | ImportTooBig>;
  /** Every set-aside copy, oldest first, exactly as it was kept (for the person to save). */
  keptAsideCopies(): Promise<unknown[]>;
  /** Erase everything, the set-aside copy included, and start fresh. */
  erase(): Promise<void>;
  /** Lets pending changes whose cool-down has passed take effect. */
  applyDue(): Promise<void>;
  /** The clock, zone and id source this store uses. */
  context(): ChangeContext;
}

/** Kept aside exactly as found, so nothing the person had is ever lost to a bad write or a bug. */
export interface Quarantined {
  quarantinedAt: string;
  where?: string;
  detail?: string;
  items: Record<string, unknown>;
}

/** The stored state as the writer holds it in memory: the document, its parts and the record of applied ids. */
type Current =
  | { kind: 'ready'; doc: StoredDocument; parts: Parts; applied: Applied; revision: string | undefined; problem?: 'quarantined' }
  | { kind: 'newer-version'; revision: string | undefined };
type Ready = Extract<Current, { kind: 'ready' }>;

/** The list of set-aside copies, each under its own dated key (never overwritten). */
const KeptAsideIndexSchema = z.array(z.object({ key: z.string().max(80), at: z.string().max(40), lost: z.array(z.string().max(80)).max(50) })).max(100);
export type KeptAsideIndex = z.infer<typeof KeptAsideIndexSchema>;
const NO_APPLIED: Applied = { version: 1, changes: [] };


/** Core and log back into one document, as migrations and exports see it. */
function joinStored(core: unknown, log: unknown): unknown {
  if (!isRecord(core) || !isRecord(log)) return { core, log };
  const { version: logVersion, ...logRest } = log;
  // Both halves are written together; halves of different versions are not one document.
  if (logVersion !== core.version) return { ...logRest, ...core, version: undefined };
  return { ...logRest, ...core };
}


/** A part key of version 3 and before that holds a whole document (or half of one). */
function isLegacyLayout(stored: Record<string, unknown>): boolean {
  if (stored[STORAGE_KEYS.log] !== undefined || stored[V1_STORAGE_KEY] !== undefined) return true;
  const version = parseVersion(stored[STORAGE_KEYS.core]);
  return version !== undefined && version < 4;
}

function newRevision(deps: StoreDeps): string {
  return deps.newId();
}

interface Job {
  change: (doc: StoredDocument, ctx: ChangeContext) => ChangeOutcome;
  changeId: string | undefined;
  resolve(result: UpdateResult<ChangeOutcome>): void;
  reject(error: unknown): void;
}

export function createStore(deps: StoreDeps): Store {
  const { storage } = deps;
  let tail: Promise<unknown> = Promise.resolve();
  /** What is stored, as this writer last read or wrote it (validated); undefined until the first read. */
  let cached: Current | undefined;
  /** Changes waiting for the next write: every change that arrives while one is under way goes in it. */
  let jobs: Job[] = [];
  /** The browser's last estimate (deps.space), read at the first read and after every write. */
  let space: StorageSpace | undefined;

  async function refreshSpace(): Promise<StorageSpace | undefined> {
    if (!deps.space) return undefined;
    space = await deps.space().catch(() => space);
    return space;
  }

  /** Runs `task` after every task queued before it; a failed task does not stop the queue. */
  function queued<T>(task: () => Promise<T>): Promise<T> {
    const result = tail.then(task);
    tail = result.catch(() => undefined);
    return result;
  }

  /**
   * Writes the changed parts with the record of applied ids and a new revision, in one `set`.
   * A part that no longer exists is first written empty in that `set` and then removed, so a write
   * cut off in between leaves an empty part behind, never an old one.
   */
  async function commit(current: Ready, change: PartsChange, applied: Applied | undefined, whole = false): Promise<string> {
    const revision = newRevision(deps);
    const items: Record<string, unknown> = { ...change.set, [STORAGE_KEYS.revision]: revision };
    for (const key of change.remove) items[key] = { version: SCHEMA_VERSION };
    if (applied) items[STORAGE_KEYS.applied] = applied;
    try {
      await storage.set(items);
      if (change.remove.length > 0) await storage.remove(change.remove);
    } catch (error) {
      // The browser refuses the whole write at its quota (IndexedDB aborts the transaction): nothing was written.
      if (isQuotaError(error)) throw new StorageFullError();
      throw error;
    }
    await refreshSpace();
    if (Object.keys(change.set).length > 0 || change.remove.length > 0) {
      const withSpace = space ? { space } : {};
      // A whole new document is not sent: the pages ask for it once (it may hold the whole journal).
      deps.onCommit?.(whole ? { revision, previous: current.revision, set: {}, remove: [], whole, ...withSpace } : { revision, previous: current.revision, set: change.set, remove: change.remove, ...withSpace });
    }
    return revision;
  }

  /** Writes a whole document as parts (a first start, a migration, a salvage, an import). */
  async function writeWhole(doc: StoredDocument, stored: Parts, applied: Applied | undefined, problem: 'quarantined' | undefined): Promise<Ready> {
    const parts = splitDocument(doc);
    const remove = Object.keys(stored).filter((key) => isPartKey(key) && !(key in parts));
    const base: Ready = { kind: 'ready', doc, parts: {}, applied: applied ?? NO_APPLIED, revision: undefined, ...(problem ? { problem } : {}) };
    // The record of applied ids stays as stored: a whole new document does not change it.
    const revision = await commit(base, { set: parts, remove }, undefined, true);
    return { ...base, parts, revision };
  }

  function readApplied(stored: Record<string, unknown>): Applied {
    const parsed = AppliedSchema.safeParse(stored[STORAGE_KEYS.applied]);
    return parsed.success ? parsed.data : NO_APPLIED;
  }

  /**
   * An import's parts against the browser's estimate: what they add beyond the parts they replace
   * must fit in what is free, with a margin. Asked before anything is written.
   */
  async function tooBigToImport(parts: Parts, stored: Record<string, unknown>): Promise<ImportTooBig | undefined> {
    const now = await refreshSpace();
    if (!now) return undefined;
    const storedParts = Object.fromEntries(Object.entries(stored).filter(([key]) => isPartKey(key)));
    const neededBytes = Math.max(0, storedBytes(parts) - storedBytes(storedParts));
    return fitsIn(now, neededBytes) ? undefined : { ok: false, error: 'import-too-big', neededBytes, freeBytes: freeBytes(now) };
  }

  /** Read → migrate → validate. Writes only to finish a migration, a fresh start or a set-aside. */
  async function readStored(): Promise<Current> {
    const stored = await storage.get(null);
    const revision = typeof stored[STORAGE_KEYS.revision] === 'string' ? (stored[STORAGE_KEYS.revision] as string) : undefined;
    const applied = readApplied(stored);
    const keptAside = readKeptAside(stored);
    const hasQuarantine = stored[STORAGE_KEYS.quarantine] !== undefined || keptAside.length > 0;
    const quarantined = hasQuarantine ? ('quarantined' as const) : undefined;
    const parts: Parts = Object.fromEntries(Object.entries(stored).filter(([key]) => isPartKey(key)));
    const legacy = isLegacyLayout(stored);
    const v1State = stored[V1_STORAGE_KEY];

    if (Object.keys(parts).length === 0 && v1State === undefined) {
      return writeWhole(emptyDocument(deps.now(), deps.timeZone()), parts, applied, quarantined);
    }

    const fromV1 = legacy && stored[STORAGE_KEYS.core] === undefined && stored[STORAGE_KEYS.log] === undefined;
    const raw = fromV1 ? v1State : legacy ? joinStored(stored[STORAGE_KEYS.core], stored[STORAGE_KEYS.log]) : joinParts(parts);
    // Refuse if any part is newer, even when another one is damaged.
    const versions = fromV1 ? [parseVersion(v1State)] : Object.values(parts).map(parseVersion);
    if (legacy && !fromV1) versions.push(parseVersion(stored[STORAGE_KEYS.log]));
    if (versions.some((v) => v !== undefined && v > SCHEMA_VERSION)) return { kind: 'newer-version', revision };
    const result = migrateToCurrent(raw);
    if (!result.ok && result.problem === 'newer-version') return { kind: 'newer-version', revision };

    if (result.ok) {
      let ready: Ready = legacy
        ? await writeWhole(result.doc, parts, applied, quarantined)
        : { kind: 'ready', doc: result.doc, parts: splitDocument(result.doc), applied, revision, ...(quarantined ? { problem: quarantined } : {}) };
      if (legacy) await removeLegacy(stored);
      // A change whose cool-down has passed takes effect at the next read too, not only when its
      // alarm fires (an alarm can be late: a browser that was closed, a sleeping laptop).
      ready = await withDueApplied(ready);
      return ready;
    }

    // Kept aside every time, under a key of its own: an earlier copy is never overwritten, and
    // whatever was written since the last problem is in this one.
    const items: Record<string, unknown> = fromV1 ? { [V1_STORAGE_KEY]: v1State } : legacy ? legacyItems(stored) : parts;
    const at = deps.now().toISOString();
    const fresh = emptyDocument(deps.now(), deps.timeZone());
    // What is still valid goes on working (the people list, and so the guard, above all).
    const salvaged = fromV1 ? undefined : salvageDocument(raw, fresh);
    const key = uniqueKey(`${STORAGE_KEYS.quarantine}:${at}`, keptAside);
    const copy: Quarantined = {
      quarantinedAt: at,
      ...(result.where !== undefined ? { where: result.where } : {}),
      ...(result.detail !== undefined ? { detail: result.detail } : {}),
      items,
    };
    const entry = { key, at, lost: salvaged ? salvaged.lost.slice(0, 50) : ['everything'] };
    await storage.set({ [key]: copy, [STORAGE_KEYS.keptAside]: [...keptAside, entry].slice(-100) });
    const ready = await writeWhole(salvaged?.doc ?? fresh, parts, applied, 'quarantined');
    if (legacy) await removeLegacy(stored);
    return ready;
  }

  function legacyItems(stored: Record<string, unknown>): Record<string, unknown> {
    const items: Record<string, unknown> = {};
    for (const key of [STORAGE_KEYS.core, STORAGE_KEYS.log, V1_STORAGE_KEY]) if (stored[key] !== undefined) items[key] = stored[key];
    return items;
  }

  /** The keys of version 3 and before that the parts replace (`core` is a part again: already rewritten). */
  async function removeLegacy(stored: Record<string, unknown>): Promise<void> {
    const keys = [STORAGE_KEYS.log, V1_STORAGE_KEY].filter((key) => stored[key] !== undefined);
    if (keys.length > 0) await storage.remove(keys);
  }

  async function withDueApplied(ready: Ready): Promise<Ready> {
    const due = applyDuePending(ready.doc, deps.now());
    if (due === ready.doc) return ready;
    const change = diffParts(ready.parts, due, ready.doc);
    if (!change) return ready;
    const revision = await commit(ready, change, undefined);
    const parts = withChange(ready.parts, change);
    return { ...ready, doc: joinChange(ready.doc, parts, change), parts, revision };
  }

  /** The state in memory, read again when what is stored is no longer what this writer wrote. */
  async function current(): Promise<Current> {
    if (cached) {
      const stored = (await storage.get(STORAGE_KEYS.revision))[STORAGE_KEYS.revision];
      if (stored === cached.revision) return cached;
    }
    cached = await readStored();
    return cached;
  }

  function readKeptAside(stored: Record<string, unknown>): KeptAsideIndex {
    const parsed = KeptAsideIndexSchema.safeParse(stored[STORAGE_KEYS.keptAside]);
    return parsed.success ? parsed.data : [];
  }

  function uniqueKey(base: string, index: KeptAsideIndex): string {
    let key = base;
    for (let n = 2; index.some((e) => e.key === key); n++) key = `${base}#${n}`;
    return key;
  }

  function context(): ChangeContext {
    return { now: deps.now(), timeZone: deps.timeZone(), newId: deps.newId };
  }

  /**
   * Applies every waiting change in order to the document in memory, then writes what they changed
   * together. Each change is checked on its own (a refused or invalid one changes nothing and the
   * others go on); the answers go out once the write is done, and only then.
   */
  async function applyWaiting(): Promise<void> {
    const batch = jobs.splice(0, BATCH_LIMIT);
    // More than one write's worth waiting: the rest goes in the next write, right after this one.
    if (jobs.length > 0) void queued(applyWaiting);
    if (batch.length === 0) return;
    let state: Current;
    try {
      state = await current();
    } catch (error) {
      for (const job of batch) job.reject(error);
      return;
    }
    if (state.kind === 'newer-version') {
      for (const job of batch) job.resolve({ ok: false, error: 'newer-version' });
      return;
    }
    // A due change that cannot be written now is applied again by each change's reducer (and
    // written with it), so a failure here must not leave the batch unanswered.
    const start = await withDueApplied(state).catch(() => state);
    let { doc, parts } = start;
    const set: Parts = {};
    const removed = new Set<string>();
    let appliedChanges = start.applied.changes;
    const answers: (() => void)[] = [];
    const nearQuota = isNearQuota(space);
    for (const job of batch) {
      const earlier = job.changeId ? appliedChanges.find((c) => c.id === job.changeId) : undefined;
      if (earlier) {
        const answer = { ok: true, doc, ...(earlier.data !== undefined ? { data: earlier.data } : {}) } as ChangeOutcome;
        answers.push(() => job.resolve(answer));
        continue;
      }
      let outcome: ChangeOutcome;
      try {
        outcome = job.change(doc, context());
        // Near the quota the log keeps less detail (utils/data/event-log.ts NEAR_QUOTA_LOG_BOUNDS),
        // so the journal keeps its room; the compacted log is part of this same write.
        if (outcome.ok && nearQuota) {
          const events = compactNearQuota(outcome.doc.events, deps.timeZone());
          if (events !== outcome.doc.events) outcome = { ...outcome, doc: { ...outcome.doc, events } };
        }
      } catch (error) {
        answers.push(() => job.reject(error));
        continue;
      }
      if (!outcome.ok) {
        const refused = outcome;
        answers.push(() => job.resolve(refused));
        continue;
      }
      const change = outcome.doc === doc ? { set: {}, remove: [] } : diffParts(parts, outcome.doc, doc);
      if (!change) {
        answers.push(() => job.resolve({ ok: false, error: 'invalid-result' }));
        continue;
      }
      parts = withChange(parts, change);
      for (const [key, value] of Object.entries(change.set)) {
        set[key] = value;
        removed.delete(key);
      }
      for (const key of change.remove) {
        delete set[key];
        removed.add(key);
      }
      // The parsed parts are what gets written, so they are what the caller sees.
      if (Object.keys(change.set).length > 0 || change.remove.length > 0) doc = joinChange(doc, parts, change);
      if (job.changeId) appliedChanges = [...appliedChanges, { id: job.changeId, ...(outcome.data !== undefined ? { data: outcome.data } : {}) }].slice(-APPLIED_LIMIT);
      const written = { ...outcome, doc };
      answers.push(() => job.resolve(written));
    }
    const applied: Applied | undefined = appliedChanges !== start.applied.changes ? { version: 1, changes: appliedChanges } : undefined;
    if (Object.keys(set).length > 0 || removed.size > 0 || applied) {
      try {
        const revision = await commit(start, { set, remove: [...removed] }, applied);
        cached = { ...start, doc, parts, revision, applied: applied ?? start.applied };
      } catch (error) {
        // Nothing of this write was stored: every change in it is answered as not made.
        cached = start;
        for (const job of batch) {
          if (error instanceof StorageFullError) job.resolve({ ok: false, error: 'storage-full' });
          else job.reject(error);
        }
        return;
      }
    } else {
      cached = start;
    }
    for (const answer of answers) answer();
  }

  function enqueue(job: Job): void {
    jobs.push(job);
    // One write for all the changes waiting when the queue reaches it (up to BATCH_LIMIT).
    if (jobs.length === 1) void queued(applyWaiting);
  }

  return {
    load: () =>
      queued(async () => {
        await current();
        await refreshSpace();
      }),

    snapshot: () =>
      queued(async (): Promise<StateSnapshot> => {
        const state = await current();
        if (state.kind === 'newer-version') {
          // Shown, never written: the stored data stays exactly as the newer version left it.
          return { doc: emptyDocument(deps.now(), deps.timeZone()), problem: 'newer-version' };
        }
        const ready = await withDueApplied(state);
        cached = ready;
        const known = await refreshSpace();
        const revision = { ...(ready.revision !== undefined && { revision: ready.revision }), ...(known && { space: known }) };
        if (!ready.problem) return { doc: ready.doc, ...revision };
        const stored = await storage.get([STORAGE_KEYS.keptAside, STORAGE_KEYS.quarantine]);
        const keptAside = readKeptAside(stored).map(({ at, lost }) => ({ at, lost }));
        const legacy = stored[STORAGE_KEYS.quarantine] as Partial<Quarantined> | undefined;
        if (legacy?.quarantinedAt) keptAside.unshift({ at: String(legacy.quarantinedAt).slice(0, 40), lost: ['everything'] });
        return { doc: ready.doc, problem: ready.problem, keptAside, ...revision };
      }),

    keptAsideCopies: () =>
      queued(async () => {
        const stored = await storage.get([STORAGE_KEYS.keptAside, STORAGE_KEYS.quarantine]);
        const keys = readKeptAside(stored).map((e) => e.key);
        const copies = keys.length > 0 ? Object.values(await storage.get(keys)) : [];
        if (stored[STORAGE_KEYS.quarantine] !== undefined) copies.unshift(stored[STORAGE_KEYS.quarantine]);
        return copies;
      }),

    update: <O extends ChangeOutcome>(change: (doc: StoredDocument, ctx: ChangeContext) => O, changeId?: string) =>
      new Promise<UpdateResult<O>>((resolve, reject) => {
        enqueue({ change, changeId, resolve: resolve as Job['resolve'], reject });
      }),

    replace: (doc) =>
      queued(async () => {
        const checked = DocumentSchema.parse(doc);
        const parts = splitDocument(checked);
        const stored = await storage.get(null);
        // Refused up front: at the quota the browser would refuse it anyway, after a long wait.
        const tooBig = await tooBigToImport(parts, stored);
        if (tooBig) return tooBig;
        const storedParts = Object.fromEntries(Object.entries(stored).filter(([key]) => isPartKey(key)));
        const state = cached?.kind === 'ready' ? cached : undefined;
        try {
          cached = await writeWhole(checked, storedParts, readApplied(stored), state?.problem);
        } catch (error) {
          cached = undefined;
          if (error instanceof StorageFullError) return { ok: false, error: 'storage-full' } as const;
          throw error;
        }
        await removeLegacy(stored);
        return { ok: true } as const;
      }),

    erase: () =>
      queued(async () => {
        const stored = await storage.get(null);
        const keptAside = readKeptAside(stored).map((e) => e.key);
        await storage.remove([STORAGE_KEYS.quarantine, STORAGE_KEYS.keptAside, ...keptAside, V1_STORAGE_KEY, STORAGE_KEYS.log, STORAGE_KEYS.applied]);
        const storedParts = Object.fromEntries(Object.entries(stored).filter(([key]) => isPartKey(key)));
        cached = await writeWhole(emptyDocument(deps.now(), deps.timeZone()), storedParts, undefined, undefined);
      }),

    applyDue: () =>
      queued(async () => {
        const state = await current();
        if (state.kind === 'ready') cached = await withDueApplied(state);
      }),

    context,
  };
}
