/**
 * Storage keys, in a module of their own so the content script can name them without loading
 * the full zod schema. The content script reads only `core`; the log and the journal grow, the
 * core does not.
 */
export const STORAGE_KEYS = {
  /** Settings, people and the person's own lists (utils/data/parts.ts); with `streak`, all the guard reads. */
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
