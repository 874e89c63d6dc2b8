/**
 * The one writer of the stored document (background only). Every change runs in ONE promise
 * queue: read → migrate → validate → apply → validate → write, so two tabs (or two handlers of
 * the same worker interleaving across an `await`) never lose an update: storage has no
 * transactions and no compare-and-set (shared/platform.md §5).
 *
 * Storage layout: `core` (the current Core, with its version; what content scripts read) and `log`
 * ({ version, events, journal }), always written together in one `set`. Version 1 kept everything
 * under `state`. Data that fails validation is copied aside every time, under a dated key listed in
 * `keptAside` (never overwritten), and what is still valid of it goes on working (utils/data/salvage.ts).
 */
import { DocumentSchema, emptyDocument, SCHEMA_VERSION, STORAGE_KEYS, type Core, type StoredDocument } from './schema';
import type { StateSnapshot } from './messages';
import { migrateToCurrent, parseVersion } from './migrations';
import { V1_STORAGE_KEY } from './migrations/v1';
import { applyDuePending } from './reducers';
import { salvageDocument } from './salvage';
import { z } from 'zod';
import { isRecord } from './is-record';

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

/** Room kept free below the browser's quota, so a change never fails halfway (Chrome: 10 MB). */
const QUOTA_HEADROOM_BYTES = 64 * 1024;

/** Bytes a `set` of these items takes against Chrome's quota: each key and its JSON. */
export function storedBytes(items: Record<string, unknown>): number {
  const encoder = new TextEncoder();
  return Object.entries(items).reduce((sum, [key, value]) => sum + encoder.encode(key).length + encoder.encode(JSON.stringify(value) ?? '').length, 0);
}

function isQuotaError(error: unknown): boolean {
  return /quota/i.test(error instanceof Error ? error.message : String(error));
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

export interface StoreDeps {
  storage: StorageArea;
  now: () => Date;
  timeZone: () => string;
  newId: () => string;
  /** The storage area's quota in bytes, where it has one (Chrome's `storage.local.QUOTA_BYTES`). */
  quotaBytes?: number;
}

export type StoreError = 'newer-version' | 'invalid-result' | 'storage-full';

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
  replace(doc: StoredDocument): Promise<{ ok: true } | { ok: false; error: 'storage-full' }>;
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

type Current = { kind: 'ready'; doc: StoredDocument; problem?: 'quarantined' } | { kind: 'newer-version' };

const READ_KEYS = [STORAGE_KEYS.core, STORAGE_KEYS.log, V1_STORAGE_KEY, STORAGE_KEYS.quarantine, STORAGE_KEYS.keptAside];

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

function splitDocument(doc: StoredDocument): { core: Core; log: { version: StoredDocument['version']; events: StoredDocument['events']; journal: StoredDocument['journal'] } } {
  const { events, journal, ...core } = doc;
  return { core, log: { version: doc.version, events, journal } };
}

export function createStore(deps: StoreDeps): Store {
  const { storage } = deps;
  let tail: Promise<unknown> = Promise.resolve();

  /** Runs `task` after every task queued before it; a failed task does not stop the queue. */
  function queued<T>(task: () => Promise<T>): Promise<T> {
    const result = tail.then(task);
    tail = result.catch(() => undefined);
    return result;
  }

  async function write(doc: StoredDocument, applied?: Applied): Promise<void> {
    const { core, log } = splitDocument(doc);
    const items: Record<string, unknown> = { [STORAGE_KEYS.core]: core, [STORAGE_KEYS.log]: log };
    if (applied) items[STORAGE_KEYS.applied] = applied;
    try {
      await storage.set(items);
    } catch (error) {
      // Chrome refuses the whole `set` at its quota ("QUOTA_BYTES quota exceeded"): nothing was written.
      if (isQuotaError(error)) throw new StorageFullError();
      throw error;
    }
  }

  async function readApplied(): Promise<Applied> {
    const parsed = AppliedSchema.safeParse((await storage.get(STORAGE_KEYS.applied))[STORAGE_KEYS.applied]);
    return parsed.success ? parsed.data : NO_APPLIED;
  }

  /** Whether these items would leave less than the headroom below the quota (where there is one). */
  async function wouldOverflow(items: Record<string, unknown>): Promise<boolean> {
    if (!deps.quotaBytes) return false;
    const keys = Object.keys(items);
    const stored = await storage.get(null);
    const others = Object.fromEntries(Object.entries(stored).filter(([key]) => !keys.includes(key)));
    return storedBytes(others) + storedBytes(items) > deps.quotaBytes - QUOTA_HEADROOM_BYTES;
  }

  /** Read → migrate → validate. Writes only to finish a migration, a fresh start or a set-aside. */
  async function readCurrent(): Promise<Current> {
    const stored = await storage.get(READ_KEYS);
    const core = stored[STORAGE_KEYS.core];
    const log = stored[STORAGE_KEYS.log];
    const v1State = stored[V1_STORAGE_KEY];
    const keptAside = readKeptAside(stored);
    const hasQuarantine = stored[STORAGE_KEYS.quarantine] !== undefined || keptAside.length > 0;
    const quarantinedProblem = hasQuarantine ? { problem: 'quarantined' as const } : {};

    if (core === undefined && log === undefined && v1State === undefined) {
      const doc = emptyDocument(deps.now(), deps.timeZone());
      await write(doc);
      return { kind: 'ready', doc, ...quarantinedProblem };
    }

    const fromV1 = core === undefined && log === undefined;
    const raw = fromV1 ? v1State : joinStored(core, log);
    // Refuse if either half is newer, even when the other half is damaged.
    const versions = fromV1 ? [parseVersion(v1State)] : [parseVersion(core), parseVersion(log)];
    const result = migrateToCurrent(raw);
    if (!result.ok && (result.problem === 'newer-version' || versions.some((v) => v !== undefined && v > SCHEMA_VERSION))) {
      return { kind: 'newer-version' };
    }

    if (result.ok) {
      if (fromV1 || parseVersion(core) !== SCHEMA_VERSION) {
        await write(result.doc);
        if (v1State !== undefined) await storage.remove(V1_STORAGE_KEY);
      }
      // A change whose cool-down has passed takes effect at the next read too, not only when its
      // alarm fires (an alarm can be late: a browser that was closed, a sleeping laptop).
      const due = applyDuePending(result.doc, deps.now());
      if (due !== result.doc) {
        const checked = DocumentSchema.safeParse(due);
        if (checked.success) {
          await write(checked.data);
          return { kind: 'ready', doc: checked.data, ...quarantinedProblem };
        }
      }
      return { kind: 'ready', doc: result.doc, ...quarantinedProblem };
    }

    // Kept aside every time, under a key of its own: an earlier copy is never overwritten, and
    // whatever was written since the last problem is in this one.
    const items: Record<string, unknown> = {};
    if (core !== undefined) items[STORAGE_KEYS.core] = core;
    if (log !== undefined) items[STORAGE_KEYS.log] = log;
    if (v1State !== undefined) items[V1_STORAGE_KEY] = v1State;
    const at = deps.now().toISOString();
    const fresh = emptyDocument(deps.now(), deps.timeZone());
    // What is still valid goes on working (the people list, and so the guard, above all).
    const salvaged = fromV1 ? undefined : salvageDocument(raw, fresh);
    const key = uniqueKey(`${STORAGE_KEYS.quarantine}:${at}`, keptAside);
    const quarantined: Quarantined = {
      quarantinedAt: at,
      ...(result.where !== undefined ? { where: result.where } : {}),
      ...(result.detail !== undefined ? { detail: result.detail } : {}),
      items,
    };
    const entry = { key, at, lost: salvaged ? salvaged.lost.slice(0, 50) : ['everything'] };
    await storage.set({ [key]: quarantined, [STORAGE_KEYS.keptAside]: [...keptAside, entry].slice(-100) });
    await write(salvaged?.doc ?? fresh);
    if (v1State !== undefined) await storage.remove(V1_STORAGE_KEY);
    return { kind: 'ready', doc: salvaged?.doc ?? fresh, problem: 'quarantined' };
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

  async function applyChange<O extends ChangeOutcome>(
    change: (doc: StoredDocument, ctx: ChangeContext) => O,
    changeId?: string,
  ): Promise<UpdateResult<O>> {
    const current = await readCurrent();
    if (current.kind === 'newer-version') return { ok: false, error: 'newer-version' };
    const applied = changeId ? await readApplied() : undefined;
    const earlier = applied?.changes.find((c) => c.id === changeId);
    if (earlier) return { ok: true, doc: current.doc, ...(earlier.data !== undefined ? { data: earlier.data } : {}) } as O;
    const outcome = change(current.doc, context());
    if (!outcome.ok) return outcome;
    const checked = DocumentSchema.safeParse(outcome.doc);
    if (!checked.success) return { ok: false, error: 'invalid-result' };
    const nextApplied: Applied | undefined =
      applied && changeId
        ? { version: 1, changes: [...applied.changes, { id: changeId, ...(outcome.data !== undefined ? { data: outcome.data } : {}) }].slice(-APPLIED_LIMIT) }
        : undefined;
    try {
      await write(checked.data, nextApplied);
    } catch (error) {
      if (error instanceof StorageFullError) return { ok: false, error: 'storage-full' };
      throw error;
    }
    // The parsed copy is what gets written, so it is what the caller sees.
    return { ...outcome, doc: checked.data } as O;
  }

  return {
    load: () => queued(async () => void (await readCurrent())),

    snapshot: () =>
      queued(async (): Promise<StateSnapshot> => {
        const current = await readCurrent();
        if (current.kind === 'newer-version') {
          // Shown, never written: the stored data stays exactly as the newer version left it.
          return { doc: emptyDocument(deps.now(), deps.timeZone()), problem: 'newer-version' };
        }
        if (!current.problem) return { doc: current.doc };
        const stored = await storage.get([STORAGE_KEYS.keptAside, STORAGE_KEYS.quarantine]);
        const keptAside = readKeptAside(stored).map(({ at, lost }) => ({ at, lost }));
        const legacy = stored[STORAGE_KEYS.quarantine] as Partial<Quarantined> | undefined;
        if (legacy?.quarantinedAt) keptAside.unshift({ at: String(legacy.quarantinedAt).slice(0, 40), lost: ['everything'] });
        return { doc: current.doc, problem: current.problem, keptAside };
      }),

    keptAsideCopies: () =>
      queued(async () => {
        const stored = await storage.get([STORAGE_KEYS.keptAside, STORAGE_KEYS.quarantine]);
        const keys = readKeptAside(stored).map((e) => e.key);
        const copies = keys.length > 0 ? Object.values(await storage.get(keys)) : [];
        if (stored[STORAGE_KEYS.quarantine] !== undefined) copies.unshift(stored[STORAGE_KEYS.quarantine]);
        return copies;
      }),

    update: (change, changeId) => queued(() => applyChange(change, changeId)),

    replace: (doc) =>
      queued(async () => {
        const checked = DocumentSchema.parse(doc);
        const { core, log } = splitDocument(checked);
        // Refused up front: at the quota the browser would refuse it anyway, after a long wait.
        if (await wouldOverflow({ [STORAGE_KEYS.core]: core, [STORAGE_KEYS.log]: log })) return { ok: false, error: 'storage-full' } as const;
        try {
          await write(checked);
        } catch (error) {
          if (error instanceof StorageFullError) return { ok: false, error: 'storage-full' } as const;
          throw error;
        }
        await storage.remove(V1_STORAGE_KEY);
        return { ok: true } as const;
      }),

    erase: () =>
      queued(async () => {
        const keptAside = readKeptAside(await storage.get(STORAGE_KEYS.keptAside)).map((e) => e.key);
        await storage.remove([STORAGE_KEYS.quarantine, STORAGE_KEYS.keptAside, ...keptAside, V1_STORAGE_KEY, STORAGE_KEYS.applied]);
        await write(emptyDocument(deps.now(), deps.timeZone()));
      }),

    applyDue: () =>
      queued(async () => {
        await applyChange((doc, ctx) => ({ ok: true, doc: applyDuePending(doc, ctx.now) }));
      }),

    context,
  };
}
