import { describe, expect, test } from 'vitest';
import { fitsIn, formatBytes, freeBytes, isNearQuota, parseStorageSpace, SPACE_MARGIN_BYTES } from '../../../utils/data/storage-space';

const MB = 1_000_000;

describe('parseStorageSpace: what navigator.storage.estimate() gave', () => {
  test.each([
    ['usage and quota', { usage: 2_100_000, quota: 10_000 * MB }, { usage: 2_100_000, quota: 10_000 * MB }],
    ['extra fields (Chromium adds usageDetails)', { usage: 5, quota: 10, usageDetails: { indexedDB: 5 } }, { usage: 5, quota: 10 }],
    ['nothing (no navigator.storage)', undefined, undefined],
    ['no quota', { usage: 5 }, undefined],
    ['a quota of 0', { usage: 0, quota: 0 }, undefined],
    ['a negative usage', { usage: -1, quota: 10 }, undefined],
    ['not numbers', { usage: '5', quota: '10' }, undefined],
    ['an infinite quota', { usage: 5, quota: Number.POSITIVE_INFINITY }, undefined],
  ])('%s', (_why, estimate, expected) => {
    expect(parseStorageSpace(estimate)).toEqual(expected);
  });
});

describe('isNearQuota', () => {
  test.each([
    ['no estimate', undefined, false],
    ['empty', { usage: 0, quota: 100 * MB }, false],
    ['just under 90 %', { usage: 89.9 * MB, quota: 100 * MB }, false],
    ['90 %', { usage: 90 * MB, quota: 100 * MB }, true],
    ['full', { usage: 100 * MB, quota: 100 * MB }, true],
    ['over (an estimate can be)', { usage: 101 * MB, quota: 100 * MB }, true],
  ])('%s: %s', (_why, space, expected) => {
    expect(isNearQuota(space)).toBe(expected);
  });
});

describe('fitsIn: an import against what is free, with a margin', () => {
  const space = { usage: 90 * MB, quota: 100 * MB };
  test.each([
    ['no estimate: never refused up front', undefined, 50 * MB, true],
    ['adds nothing', space, 0, true],
    ['smaller than what it replaces', space, -5 * MB, true],
    ['well within', space, 1 * MB, true],
    ['exactly the free space less the margin', space, 10 * MB - SPACE_MARGIN_BYTES, true],
    ['one byte into the margin', space, 10 * MB - SPACE_MARGIN_BYTES + 1, false],
    ['more than is free', space, 11 * MB, false],
    ['anything, when the estimate is over the quota', { usage: 101 * MB, quota: 100 * MB }, 1, false],
  ])('%s', (_why, s, added, expected) => {
    expect(fitsIn(s, added)).toBe(expected);
  });

  test('free bytes are never below 0', () => {
    expect(freeBytes({ usage: 101 * MB, quota: 100 * MB })).toBe(0);
    expect(freeBytes(space)).toBe(10 * MB);
  });
});

describe('formatBytes: kind words need readable sizes', () => {
  test.each([
    [2_100_000, 'en', '2.1 MB'],
    [2_100_000, 'es', '2,1 MB'],
    [340_000, 'en', '340 kB'],
    [500, 'en', '0.5 kB'],
    [12_345_678, 'en', '12 MB'],
    [10_000_000_000, 'en', '10 GB'],
    [0, 'en', '0 kB'],
  ])('%d bytes in %s: %s', (bytes, locale, expected) => {
    expect(formatBytes(bytes, locale)).toBe(expected);
  });
});
