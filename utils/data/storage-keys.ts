/**
 * Storage keys, in a module of their own so the content script can name them without loading
 * the full zod schema. The content script reads only `core`; the log and the journal grow, the
 * core does not.
 */
export const STORAGE_KEYS = { core: 'core', log: 'log', quarantine: 'quarantine', applied: 'applied' } as const;
