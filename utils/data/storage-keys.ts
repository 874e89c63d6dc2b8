/**
 * Storage keys, in a module of their own so the content script can name them without loading
 * the full zod schema. The content script reads only `core`; the log and the journal grow, the
 * core does not.
 */
export const STORAGE_KEYS = {
  core: 'core',
  log: 'log',
  /** Before December 2026: the one set-aside copy. Now each copy has a dated key, listed in `keptAside`. */
  quarantine: 'quarantine',
  keptAside: 'keptAside',
  applied: 'applied',
} as const;
