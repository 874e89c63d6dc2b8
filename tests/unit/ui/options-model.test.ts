import { describe, expect, test } from 'vitest';
import { emptyDocument, type JournalEntry } from '../../../utils/data/schema';
import {
  barFractions,
  formatLocalDateTime,
  formatMonthDay,
  frictionChangeTiming,
  hourLabel,
  journalNewestFirst,
  journalPreview,
  listText,
  parseMonthDay,
  safeFileName,
  sameHandleOffers,
  showsSetup,
  showsSetupNow,
  urgeLevels,
  weekdayLabel,
  type SiteChoice,
} from '../../../utils/ui/options-model';
import type { SiteId } from '../../../utils/sites/site-ids';

/** Intl puts narrow no-break spaces before AM/PM in recent ICU versions; compare plain spaces. */
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');

describe('dates', () => {
  test.each([
    ['2026-11-23T14:00:00.000Z', 'en-US', 'Europe/Berlin', 'Nov 23, 2026, 3:00 PM'],
    ['2026-11-23T14:00:00.000Z', 'en-US', 'America/New_York', 'Nov 23, 2026, 9:00 AM'],
    ['2026-11-23T14:00:00.000Z', 'en-US', 'Pacific/Auckland', 'Nov 24, 2026, 3:00 AM'],
    ['2026-11-23T23:30:00.000Z', 'en-GB', 'Asia/Kolkata', '24 Nov 2026, 05:00'],
  ])('formatLocalDateTime(%s, %s, %s) → %s', (iso, locale, zone, expected) => {
    expect(plain(formatLocalDateTime(iso, locale, zone))).toBe(expected);
  });

  test.each([
    ['02-14', 'en-US', 'February 14'],
    ['02-29', 'en-US', 'February 29'],
    ['12-31', 'en-GB', '31 December'],
  ])('formatMonthDay(%s, %s) → %s', (monthDay, locale, expected) => {
    expect(formatMonthDay(monthDay, locale)).toBe(expected);
  });

  test.each([
    [2, 14, '02-14'],
    [2, 29, '02-29'],
    [2, 30, undefined],
    [4, 31, undefined],
    [12, 31, '12-31'],
    [13, 1, undefined],
    [0, 1, undefined],
    [1, 0, undefined],
    [1.5, 1, undefined],
  ])('parseMonthDay(%s, %s) → %s', (month, day, expected) => {
    expect(parseMonthDay(month, day)).toBe(expected);
  });
});

describe('when urges come', () => {
  test.each([
    [[0, 0, 0], ['none', 'none', 'none']],
    [[3, 0, 1], ['high', 'none', 'low']],
    [[6, 4, 2, 1], ['high', 'medium', 'low', 'low']],
    [[9, 7, 6], ['high', 'high', 'medium']],
  ])('urgeLevels(%j) → %j', (values, expected) => {
    expect(urgeLevels(values)).toEqual(expected);
  });

  test.each([
    [[0, 0], [0, 0]],
    [[2, 4, 0], [0.5, 1, 0]],
  ])('barFractions(%j) → %j', (values, expected) => {
    expect(barFractions(values)).toEqual(expected);
  });

  test.each([
    [0, 'en-US', '12 AM'],
    [22, 'en-US', '10 PM'],
    [22, 'de-DE', '22 Uhr'],
  ])('hourLabel(%s, %s) → %s', (hour, locale, expected) => {
    expect(plain(hourLabel(hour, locale))).toBe(expected);
  });

  test.each([
    [0, 'en-US', 'Sunday'],
    [1, 'en-US', 'Monday'],
    [6, 'es', 'sábado'],
  ])('weekdayLabel(%s, %s) → %s', (weekday, locale, expected) => {
    expect(weekdayLabel(weekday, locale)).toBe(expected);
  });
});

describe('small rules', () => {
  test.each([
    ['gentle', 'strict', '24h', 'now'],
    ['firm', 'strict', '1h', 'now'],
    ['strict', 'gentle', '24h', 'after-cool-down'],
    ['firm', 'gentle', '1h', 'after-cool-down'],
    ['strict', 'firm', 'none', 'now'],
    ['firm', 'firm', '24h', 'same'],
  ] as const)('frictionChangeTiming(%s → %s, cool-down %s) → %s', (from, to, coolDown, expected) => {
    expect(frictionChangeTiming(from, to, coolDown)).toBe(expected);
  });

  const now = new Date('2026-11-23T10:00:00Z');
  const fresh = emptyDocument(now, 'UTC');
  const withPerson = {
    ...fresh,
    people: [{ id: 'p1', label: '', accounts: [{ site: 'x' as const, handle: 'someone' }], feedHiding: 'off' as const, addedAt: now.toISOString() }],
  };
  const doneSetup = { ...fresh, settings: { ...fresh.settings, setupDone: true } };
  test.each([
    ['first visit, nobody guarded', fresh, '', true],
    ['someone guarded already', withPerson, '', false],
    ['set-up finished or skipped', doneSetup, '', false],
    ['asked for with #setup', doneSetup, '#setup', true],
    ['resumed at a step', doneSetup, '#setup/goal', true],
    ['another fragment', doneSetup, '#people', false],
  ])('showsSetup: %s', (_why, doc, hash, expected) => {
    expect(showsSetup(doc, hash)).toBe(expected);
  });

  test.each([
    ['asked for with #setup, page opened on the settings', doneSetup, '#setup', false, true],
    ['opened in the set-up, nobody guarded, set-up not done', fresh, '', true, true],
    ['opened on the settings, then everything erased', fresh, '', false, false],
    ['opened in the set-up, someone added meanwhile', withPerson, '', true, false],
  ])('showsSetupNow: %s', (_why, doc, hash, openedInSetup, expected) => {
    expect(showsSetupNow(doc, hash, openedInSetup)).toBe(expected);
  });

  test('journalNewestFirst sorts by time, newest first, without changing the input', () => {
    const entries: JournalEntry[] = [
      { id: 'a', at: '2026-11-01T10:00:00Z', text: 'first' },
      { id: 'b', at: '2026-11-20T10:00:00+02:00', text: 'third' },
      { id: 'c', at: '2026-11-10T10:00:00Z', text: 'second' },
    ];
    expect(journalNewestFirst(entries).map((entry) => entry.id)).toEqual(['b', 'c', 'a']);
    expect(entries.map((entry) => entry.id)).toEqual(['a', 'b', 'c']);
  });

  test.each([
    ['A short thought', 'A short thought'],
    ['First line\nsecond line', 'First line…'],
    ['one two three four five six', 'one two three…', 16],
    ['abcdefghijklmnopqrstuvwxyz', 'abcdefghij…', 10],
  ])('journalPreview(%j) → %j', (text, expected, maxChars?: number) => {
    expect(journalPreview(text, maxChars)).toBe(expected);
  });

  test.each([
    [['Instagram'], 'en', 'Instagram'],
    [['Instagram', 'X', 'Bluesky'], 'en', 'Instagram, X, and Bluesky'],
    [['Instagram', 'X'], 'es', 'Instagram y X'],
  ])('listText(%j, %s) → %s', (items, locale, expected) => {
    expect(listText(items, locale)).toBe(expected);
  });

  test.each([
    ['no-contact-guard-2026-11-23.json', 'no-contact-guard-2026-11-23.json'],
    ['../evil name', '..-evil-name.json'],
  ])('safeFileName(%j) → %j', (name, expected) => {
    expect(safeFileName(name)).toBe(expected);
  });
});

describe('sameHandleOffers: the same handle on a site that shares handles, offered and never added', () => {
  const sites = [
    { id: 'instagram', label: 'Instagram', example: '' },
    { id: 'x', label: 'X', example: '', sameHandleAs: 'instagram' },
  ] as const satisfies readonly SiteChoice[];
  const normalize = (_site: SiteId, raw: string) => (/^[a-z0-9._]+$/.test(raw) ? raw : undefined);

  test.each([
    ['an account on the shared site', [{ site: 'instagram', handle: 'sam' }], [{ site: 'x', handle: 'sam', from: 'instagram' }]],
    ['already on their list', [{ site: 'instagram', handle: 'sam' }, { site: 'x', handle: 'sam' }], []],
    ['a different handle there is not the same account', [{ site: 'instagram', handle: 'sam' }, { site: 'x', handle: 'sam2' }], [{ site: 'x', handle: 'sam', from: 'instagram' }]],
    ['two accounts there, two offers', [{ site: 'instagram', handle: 'sam' }, { site: 'instagram', handle: 'sam.art' }], [{ site: 'x', handle: 'sam', from: 'instagram' }, { site: 'x', handle: 'sam.art', from: 'instagram' }]],
    ['not a valid handle there', [{ site: 'instagram', handle: 'Not-Valid' }], []],
    ['only accounts elsewhere', [{ site: 'x', handle: 'sam' }], []],
    ['no accounts', [], []],
  ] as const)('%s', (_why, accounts, expected) => {
    expect(sameHandleOffers(accounts, sites, normalize)).toEqual(expected);
  });
});
