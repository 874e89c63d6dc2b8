/**
 * The one writer of the stored document (background only). Every change runs in ONE promise
 * queue: read → migrate → validate → apply → validate → write, so two tabs (or two handlers of
 * the same worker interleaving across an `await`) never lose an update: storage has no
 * transactions and no compare-and-set (shared/platform.md §5).
 *
 * Storage layout: `core` (the current Core, with its version; what content scripts read) and `log`
 * ({ version, events, journal }), always written together in one `set`. Version 1 kept everything
 * under `state`. Data that fails validation is copied once to `quarantine` and never overwritten.
 */
import { DocumentSchema, emptyDocument, SCHEMA_VERSION, STORAGE_KEYS, type Core, type StoredDocument } from './schema';
import type { StateSnapshot } from './messages';
import { migrateToCurrent, parseVersion } from './migrations';
import { V1_STORAGE_KEY } from './migrations/v1';
import { applyDuePending } from './reducers';

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
}

export type StoreError = 'newer-version' | 'invalid-result';

/** What a change function returns: the reducers' Outcome has this shape. */
export type ChangeOutcome = { ok: true; doc: StoredDocument; data?: unknown } | { ok: false; error: string };
export type UpdateResult<O extends ChangeOutcome> = O | { ok: false; error: StoreError };

export interface Store {
  /** Reads, migrates or sets aside what is stored, and writes the result back once. */
  load(): Promise<void>;
  snapshot(): Promise<StateSnapshot>;
  update<O extends ChangeOutcome>(change: (doc: StoredDocument, ctx: ChangeContext) => O): Promise<UpdateResult<O>>;
  /** Replaces everything (import). The document must already be valid; nothing is merged. */
  replace(doc: StoredDocument): Promise<void>;
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

const READ_KEYS = [STORAGE_KEYS.core, STORAGE_KEYS.log, V1_STORAGE_KEY, STORAGE_KEYS.quarantine];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

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

  async function write(doc: StoredDocument): Promise<void> {
    const { core, log } = splitDocument(doc);
    await storage.set({ [STORAGE_KEYS.core]: core, [STORAGE_KEYS.log]: log });
  }

  /** Read → migrate → validate. Writes only to finish a migration, a fresh start or a set-aside. */
  async function readCurrent(): Promise<Current> {
    const stored = await storage.get(READ_KEYS);
    const core = stored[STORAGE_KEYS.core];
    const log = stored[STORAGE_KEYS.log];
    const v1State = stored[V1_STORAGE_KEY];
    const hasQuarantine = stored[STORAGE_KEYS.quarantine] !== undefined;
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
      return { kind: 'ready', doc: result.doc, ...quarantinedProblem };
    }

    if (!hasQuarantine) {
      const items: Record<string, unknown> = {};
      if (core !== undefined) items[STORAGE_KEYS.core] = core;
      if (log !== undefined) items[STORAGE_KEYS.log] = log;
      if (v1State !== undefined) items[V1_STORAGE_KEY] = v1State;
      const quarantined: Quarantined = {
        quarantinedAt: deps.now().toISOString(),
        ...(result.where !== undefined ? { where: result.where } : {}),
        ...(result.detail !== undefined ? { detail: result.detail } : {}),
        items,
      };
      await storage.set({ [STORAGE_KEYS.quarantine]: quarantined });
    }
    const doc = emptyDocument(deps.now(), deps.timeZone());
    await write(doc);
    if (v1State !== undefined) await storage.remove(V1_STORAGE_KEY);
    return { kind: 'ready', doc, problem: 'quarantined' };
  }

  function context(): ChangeContext {
    return { now: deps.now(), timeZone: deps.timeZone(), newId: deps.newId };
  }

  async function applyChange<O extends ChangeOutcome>(
    change: (doc: StoredDocument, ctx: ChangeContext) => O,
  ): Promise<UpdateResult<O>> {
    const current = await readCurrent();
    if (current.kind === 'newer-version') return { ok: false, error: 'newer-version' };
    const outcome = change(current.doc, context());
    if (!outcome.ok) return outcome;
    const checked = DocumentSchema.safeParse(outcome.doc);
    if (!checked.success) return { ok: false, error: 'invalid-result' };
    await write(checked.data);
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
        return current.problem ? { doc: current.doc, problem: current.problem } : { doc: current.doc };
      }),

    update: (change) => queued(() => applyChange(change)),

    replace: (doc) =>
      queued(async () => {
        const checked = DocumentSchema.parse(doc);
        await write(checked);
        await storage.remove(V1_STORAGE_KEY);
      }),

    erase: () =>
      queued(async () => {
        await storage.remove([STORAGE_KEYS.quarantine, V1_STORAGE_KEY]);
        await write(emptyDocument(deps.now(), deps.timeZone()));
      }),

    applyDue: () =>
      queued(async () => {
        await applyChange((doc, ctx) => ({ ok: true, doc: applyDuePending(doc, ctx.now) }));
      }),

    context,
  };
}
