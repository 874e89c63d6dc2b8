/**
 * How much of the space the browser gives the extension is used (issue 17, item 6), pure: the
 * background asks `navigator.storage.estimate()` (the extension's origin, where the store's
 * IndexedDB lives: utils/data/private-storage.ts) and hands the figures here. Both browsers give
 * an estimate, not an exact count (Chromium pads, Firefox rounds); what the person reads is
 * "about", and decisions keep a margin.
 */
export interface StorageSpace {
  /** Bytes the extension's origin uses, by the browser's estimate. */
  usage: number;
  /** Bytes the browser lets the origin use. */
  quota: number;
}

/** From this share of the quota on, the event log keeps less detail (utils/data/event-log.ts `compactNearQuota`). */
export const NEAR_QUOTA_SHARE = 0.9;
/** Room kept free when deciding whether an import fits: the estimate is not exact. */
export const SPACE_MARGIN_BYTES = 256 * 1024;

/** The estimate's figures, or undefined when the browser gave none that can be used. */
export function parseStorageSpace(estimate: unknown): StorageSpace | undefined {
  if (typeof estimate !== 'object' || estimate === null) return undefined;
  const { usage, quota } = estimate as { usage?: unknown; quota?: unknown };
  if (typeof usage !== 'number' || typeof quota !== 'number' || !Number.isFinite(usage) || !Number.isFinite(quota) || quota <= 0 || usage < 0) return undefined;
  return { usage, quota };
}

export function isNearQuota(space: StorageSpace | undefined): boolean {
  return space !== undefined && space.usage >= space.quota * NEAR_QUOTA_SHARE;
}

/** Bytes still free, by the estimate (never below 0). */
export function freeBytes(space: StorageSpace): number {
  return Math.max(0, space.quota - space.usage);
}

/**
 * Whether writing `addedBytes` more (a new document's size minus what it replaces) leaves the
 * margin free; one that adds nothing always fits. Without an estimate nothing is refused up front: the browser's own refusal
 * (a QuotaExceededError, answered 'storage-full') still changes nothing.
 */
export function fitsIn(space: StorageSpace | undefined, addedBytes: number): boolean {
  return space === undefined || addedBytes <= 0 || addedBytes <= freeBytes(space) - SPACE_MARGIN_BYTES;
}

/** "2.1 MB", "340 kB": the unit that reads best, in the person's language. */
export function formatBytes(bytes: number, locale: string): string {
  const [unit, size] = bytes >= 1_000_000_000 ? ['gigabyte', bytes / 1e9] : bytes >= 1_000_000 ? ['megabyte', bytes / 1e6] : ['kilobyte', Math.max(bytes, 0) / 1e3];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: size < 10 ? 1 : 0 }).format(size);
}
