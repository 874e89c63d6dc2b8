import { describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  createSiteChecksWriter,
  mayMissSince,
  MISSES_BEFORE_NOTICE,
  parseSiteChecks,
  SITE_CHECKS_KEY,
  withCheck,
  type SiteChecks,
} from '../../../utils/data/site-checks';

const DAY1 = new Date('2026-11-28T09:00:00.000Z');
const DAY2 = new Date('2026-11-30T18:00:00.000Z');
const none: SiteChecks = { version: 1, sites: {} };
const twoMisses: SiteChecks = { version: 1, sites: { instagram: { misses: 2, since: DAY1.toISOString() } } };

describe('one page view\'s result', () => {
  test.each<[string, SiteChecks, boolean, SiteChecks | undefined]>([
    ['a first miss starts the count, dated now', none, false, { version: 1, sites: { instagram: { misses: 1, since: DAY2.toISOString() } } }],
    ['a further miss adds one and keeps the first date', twoMisses, false, { version: 1, sites: { instagram: { misses: 3, since: DAY1.toISOString() } } }],
    ['a page that works ends the run', twoMisses, true, none],
    ['a page that works with no run: nothing to write', none, true, undefined],
  ])('%s', (_why, before, found, after) => {
    expect(withCheck(before, 'instagram', found, DAY2)).toEqual(after);
  });

  test('other sites keep their counts', () => {
    const both: SiteChecks = { version: 1, sites: { ...twoMisses.sites, x: { misses: 5, since: DAY1.toISOString() } } };
    expect(withCheck(both, 'instagram', true, DAY2)).toEqual({ version: 1, sites: { x: both.sites.x } });
  });
});

describe('the popup says so only once the misses are a pattern', () => {
  test.each([
    [MISSES_BEFORE_NOTICE - 1, undefined],
    [MISSES_BEFORE_NOTICE, DAY1.toISOString()],
    [MISSES_BEFORE_NOTICE + 10, DAY1.toISOString()],
  ])('%i misses in a row → %s', (misses, expected) => {
    expect(mayMissSince({ version: 1, sites: { instagram: { misses, since: DAY1.toISOString() } } }, 'instagram')).toBe(expected);
  });

  test.each([
    ['nothing stored', undefined],
    ['another shape', { version: 2, sites: {} }],
    ['an unknown site', { version: 1, sites: { myspace: { misses: 9, since: DAY1.toISOString() } } }],
    ['a negative count', { version: 1, sites: { x: { misses: -1, since: DAY1.toISOString() } } }],
    ['a date that is not one', { version: 1, sites: { x: { misses: 9, since: 'yesterday' } } }],
    ['a date outside the range every stored instant keeps', { version: 1, sites: { x: { misses: 9, since: '2300-01-01T00:00:00.000Z' } } }],
    ['a count that is not a whole number', { version: 1, sites: { x: { misses: 2.5, since: DAY1.toISOString() } } }],
    ['a count above the cap', { version: 1, sites: { x: { misses: 10_001, since: DAY1.toISOString() } } }],
  ])('unreadable data (%s) counts as no misses', (_why, raw) => {
    expect(parseSiteChecks(raw)).toEqual(none);
  });
});

describe('the background writer', () => {
  test('records in order, under its own key only', async () => {
    fakeBrowser.reset();
    const storage = fakeBrowser.storage.local;
    await storage.set({ core: { untouched: true } });
    const writer = createSiteChecksWriter(storage, () => DAY1);
    await Promise.all([writer.record('x', false), writer.record('x', false), writer.record('x', false), writer.record('bluesky', true)]);
    const stored = await storage.get(null);
    expect(stored).toEqual({ core: { untouched: true }, [SITE_CHECKS_KEY]: { version: 1, sites: { x: { misses: 3, since: DAY1.toISOString() } } } });
    expect(mayMissSince(parseSiteChecks(stored[SITE_CHECKS_KEY]), 'x')).toBe(DAY1.toISOString());
    await writer.record('x', true);
    expect(parseSiteChecks((await storage.get(SITE_CHECKS_KEY))[SITE_CHECKS_KEY])).toEqual(none);
    await writer.clear();
    expect(await storage.get(null)).toEqual({ core: { untouched: true } });
  });
});
