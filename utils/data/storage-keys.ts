/**
 * Storage keys, in a module of their own so the content script can name them without loading
 * the full zod schema. The store keeps every key below in the extension's own IndexedDB
 * (utils/data/private-storage.ts); in `storage.local`, `core` and `streak` are the guard's copy
 * (utils/data/guard-copy.ts), the only store data a content script can read.
 */
export const STORAGE_KEYS = {
  /** Settings, people and the person's own lists (utils/data/parts.ts); in storage.local, the guard's copy of them. */
  core: 'core',
  streak: 'streak',
  /** Version 3 and before: the journal and the event log in one value. Now in parts (utils/data/parts.ts). */
  log: 'log',
  /** Before December 2026: the one set-aside copy. Now each copy has a dated key, listed in `keptAside`. */
  quarantine: 'quarantine',
  keptAside: 'keptAside',
  applied: 'applied',
  /** A new value at every write: the writer's cached copy is current while it is the one stored. */
  revision: 'revision',
} as const;
