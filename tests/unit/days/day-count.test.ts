/**
 * Day counting, with the zone always passed explicitly. Offsets in the instants below are the
 * zone's real offset at that moment (tzdata rules for 2026–2028), so each row reads as local time.
 */
import { describe, expect, test } from 'vitest';
import {
  daysWithoutContact,
  goalProgress,
  isHardDay,
  isValidTimeZone,
  localDateOf,
  localHourOf,
  localWeekdayOf,
  startOfLocalDay,
  streakDaysBetween,
} from '../../../utils/days/day-count';

/** The streak's own zone is deliberately different from the counting zone: only `timeZone` counts. */
function count(startedAt: string, now: string, timeZone: string): number {
  return daysWithoutContact({ startedAt, timeZone: 'Pacific/Chatham' }, new Date(now), timeZone);
}

describe('daysWithoutContact', () => {
  test.each([
    // DST, America/New_York: 2026-03-08 02:00 EST → 03:00 EDT (a 23 h day)
    ['NY spring-forward: only 23 h elapsed, yet it is the next day', '2026-03-07T23:30-05:00', '2026-03-08T23:30-04:00', 'America/New_York', 1],
    ['NY spring-forward: the 23 h day itself is one day, start to last minute is 0', '2026-03-08T00:00-05:00', '2026-03-08T23:59-04:00', 'America/New_York', 0],
    ['NY spring-forward: 22 h 40 min across midnight still counts 1', '2026-03-08T00:30-05:00', '2026-03-09T00:10-04:00', 'America/New_York', 1],
    // DST, America/New_York: 2026-11-01 02:00 EDT → 01:00 EST (a 25 h day)
    ['NY fall-back: 24 h 59 min on the 25 h day is still the same day', '2026-11-01T00:00-04:00', '2026-11-01T23:59-05:00', 'America/New_York', 0],
    ['NY fall-back: two minutes across midnight before the change', '2026-10-31T23:59-04:00', '2026-11-01T00:01-04:00', 'America/New_York', 1],
    ['NY fall-back: two calendar days spanning the 25 h day', '2026-10-31T12:00-04:00', '2026-11-02T00:30-05:00', 'America/New_York', 2],
    // DST, Europe/Berlin: 2026-03-29 02:00 CET → 03:00 CEST; 2026-10-25 03:00 CEST → 02:00 CET
    ['Berlin spring-forward: 23 h elapsed, next day', '2026-03-28T23:30+01:00', '2026-03-29T23:30+02:00', 'Europe/Berlin', 1],
    ['Berlin spring-forward: the 23 h day is 0 from its first to its last minute', '2026-03-29T00:00+01:00', '2026-03-29T23:59+02:00', 'Europe/Berlin', 0],
    ['Berlin fall-back: the 25 h day is 0 from its first to its last minute', '2026-10-25T00:00+02:00', '2026-10-25T23:59+01:00', 'Europe/Berlin', 0],
    ['Berlin fall-back: two calendar days, 48 h 40 min', '2026-10-24T00:30+02:00', '2026-10-26T00:10+01:00', 'Europe/Berlin', 2],
    // Southern hemisphere, Australia/Sydney: DST ends 2026-04-05 03:00 → 02:00, starts 2026-10-04 02:00 → 03:00
    ['Sydney DST end (April): the 25 h day is one day', '2026-04-05T00:00+11:00', '2026-04-05T23:59+10:00', 'Australia/Sydney', 0],
    ['Sydney DST end (April): two minutes across midnight', '2026-04-04T23:59+11:00', '2026-04-05T00:01+11:00', 'Australia/Sydney', 1],
    ['Sydney DST start (October): 23 h elapsed, next day', '2026-10-03T23:30+10:00', '2026-10-04T23:30+11:00', 'Australia/Sydney', 1],
    ['Sydney DST start (October): the 23 h day is one day', '2026-10-04T00:00+10:00', '2026-10-04T23:59+11:00', 'Australia/Sydney', 0],
    // Southern hemisphere, Pacific/Auckland: DST starts 2026-09-27 02:00 → 03:00, ends 2026-04-05 03:00 → 02:00
    ['Auckland DST start (September): 23 h elapsed, next day', '2026-09-26T23:30+12:00', '2026-09-27T23:30+13:00', 'Pacific/Auckland', 1],
    ['Auckland DST end (April): the 25 h day is one day', '2026-04-05T00:00+13:00', '2026-04-05T23:59+12:00', 'Pacific/Auckland', 0],
    ['Auckland across both changes of 2026: 326 calendar days', '2026-01-01T09:00+13:00', '2026-11-23T09:00+13:00', 'Pacific/Auckland', 326],
    // Clock moved backwards, or a start in the future: 0, never negative
    ['clock moved back three days', '2026-11-23T10:00Z', '2026-11-20T10:00Z', 'UTC', 0],
    ['clock moved back one minute on the same day', '2026-11-23T10:00Z', '2026-11-23T09:59Z', 'UTC', 0],
    ['clock moved back across local midnight', '2026-11-24T00:30+01:00', '2026-11-23T23:30+01:00', 'Europe/Berlin', 0],
    // Leap days
    ['leap year: Feb 28 → Mar 1 2028 passes Feb 29', '2028-02-28T12:00Z', '2028-03-01T12:00Z', 'UTC', 2],
    ['common year: Feb 28 → Mar 1 2027 is one day', '2027-02-28T12:00Z', '2027-03-01T12:00Z', 'UTC', 1],
    ['Mar 1 2027 → Mar 1 2028 holds Feb 29: 366 days', '2027-03-01T12:00Z', '2028-03-01T12:00Z', 'UTC', 366],
    ['Mar 1 2026 → Mar 1 2027: 365 days', '2026-03-01T12:00Z', '2027-03-01T12:00Z', 'UTC', 365],
    ['started on the leap day, a year later on Feb 28', '2028-02-29T10:00-05:00', '2029-02-28T10:00-05:00', 'America/New_York', 365],
    ['new year 2027 → 2028 across local midnight', '2027-12-31T23:59-05:00', '2028-01-01T00:01-05:00', 'America/New_York', 1],
    // One minute before and after local midnight
    ['one minute before local midnight: still the start day', '2026-11-22T23:58+01:00', '2026-11-22T23:59+01:00', 'Europe/Berlin', 0],
    ['one minute after local midnight: day 1', '2026-11-22T23:59+01:00', '2026-11-23T00:00+01:00', 'Europe/Berlin', 1],
    ['started at midnight, last second of the day: still 0', '2026-11-22T00:00+01:00', '2026-11-22T23:59:59+01:00', 'Europe/Berlin', 0],
    ['UTC midnight is not local midnight: in UTC these are two dates', '2026-11-22T23:30Z', '2026-11-23T00:30Z', 'UTC', 1],
    ['UTC midnight is not local midnight: in Kolkata both are Nov 23', '2026-11-22T23:30Z', '2026-11-23T00:30Z', 'Asia/Kolkata', 0],
    // Odd offsets
    ['Kolkata +5:30: 23:59 → 00:01 local is a new day (UTC would say 0)', '2026-11-22T18:29Z', '2026-11-22T18:31Z', 'Asia/Kolkata', 1],
    ['Kathmandu +5:45: 23:59 → 00:01 local is a new day', '2026-11-22T18:14Z', '2026-11-22T18:16Z', 'Asia/Kathmandu', 1],
    ['Kathmandu +5:45: 23:58 → 23:59 local is the same day', '2026-11-22T18:13Z', '2026-11-22T18:14Z', 'Asia/Kathmandu', 0],
    ['Lord Howe (30 min DST) start: two minutes across midnight', '2026-10-03T23:59+10:30', '2026-10-04T00:01+10:30', 'Australia/Lord_Howe', 1],
    ['Lord Howe start: the 23.5 h day is one day', '2026-10-04T00:00+10:30', '2026-10-04T23:59+11:00', 'Australia/Lord_Howe', 0],
    ['Lord Howe end: the 24.5 h day is one day (24 h 29 min elapsed)', '2026-04-05T00:00+11:00', '2026-04-05T23:59+10:30', 'Australia/Lord_Howe', 0],
    ['Lord Howe end: 24.5 h across the change, next day', '2026-04-04T23:45+11:00', '2026-04-05T23:45+10:30', 'Australia/Lord_Howe', 1],
    // Invalid zone: counted in UTC, never throws
    ['unknown zone name falls back to UTC', '2026-11-22T23:30Z', '2026-11-23T00:30Z', 'Not/AZone', 1],
    ['misspelt zone falls back to UTC', '2026-11-22T23:30Z', '2026-11-23T00:30Z', 'Europe/Berln', 1],
    ['empty zone falls back to UTC', '2026-11-22T12:00Z', '2026-11-25T12:00Z', '', 3],
    ['an unreadable start counts 0 instead of NaN', 'not a date', '2026-11-23T12:00Z', 'UTC', 0],
  ])('%s', (_why, startedAt, now, timeZone, expected) => {
    expect(count(startedAt, now, timeZone)).toBe(expected);
  });

  // Travel. Choice: the count follows the person's CURRENT zone (the `timeZone` argument), with
  // both the start and now read as local dates there; the zone the streak started in is ignored.
  // So the count turns over at the local midnight of wherever the person is now.
  // Started 2026-11-20 23:30 in Europe/Berlin (22:30Z): Nov 20 14:30 in Los Angeles, Nov 21 07:30 in Tokyo.
  const startedInBerlin = { startedAt: '2026-11-20T23:30+01:00', timeZone: 'Europe/Berlin' };
  test.each([
    ['Berlin morning after: a new day in Berlin', '2026-11-21T07:00Z', 'Europe/Berlin', 1],
    ['same instant in Los Angeles (Nov 20 23:00): still the start day there', '2026-11-21T07:00Z', 'America/Los_Angeles', 0],
    ['same instant in Tokyo (Nov 21 16:00): the start was already Nov 21 there', '2026-11-21T07:00Z', 'Asia/Tokyo', 0],
    ['just after Tokyo midnight (Nov 22 00:30): day 1 in Tokyo', '2026-11-21T15:30Z', 'Asia/Tokyo', 1],
    ['two days later all three zones agree', '2026-11-22T15:00Z', 'America/Los_Angeles', 2],
    ['two days later all three zones agree (Tokyo)', '2026-11-22T15:00Z', 'Asia/Tokyo', 2],
    ['two days later all three zones agree (Berlin)', '2026-11-22T15:00Z', 'Europe/Berlin', 2],
  ])('travel: %s', (_why, now, currentZone, expected) => {
    expect(daysWithoutContact(startedInBerlin, new Date(now), currentZone)).toBe(expected);
  });

  test('an invalid "now" counts 0 and does not throw', () => {
    expect(daysWithoutContact({ startedAt: '2026-11-20T10:00Z', timeZone: 'UTC' }, new Date(Number.NaN), 'UTC')).toBe(0);
  });
});

describe('streakDaysBetween', () => {
  test.each([
    ['ended the same local day', '2026-11-20T08:00+01:00', '2026-11-20T22:00+01:00', 'Europe/Berlin', 0],
    ['a week, across nothing special', '2026-11-16T08:00+01:00', '2026-11-23T07:00+01:00', 'Europe/Berlin', 7],
    ['across the NY fall-back', '2026-10-31T20:00-04:00', '2026-11-01T20:00-05:00', 'America/New_York', 1],
    ['end before start is 0, never negative', '2026-11-23T08:00Z', '2026-11-01T08:00Z', 'UTC', 0],
    ['invalid zone counts in UTC', '2026-11-22T23:30Z', '2026-11-23T00:30Z', 'Nowhere/Land', 1],
  ])('%s', (_why, startedAt, endedAt, timeZone, expected) => {
    expect(streakDaysBetween(startedAt, endedAt, timeZone)).toBe(expected);
  });
});

describe('localDateOf, localHourOf, localWeekdayOf', () => {
  // 2026-11-23 is a Monday.
  test.each([
    ['UTC itself', '2026-11-23T00:30Z', 'UTC', '2026-11-23', 0, 1],
    ['west of UTC: still Sunday evening', '2026-11-23T00:30Z', 'America/Los_Angeles', '2026-11-22', 16, 0],
    ['east of UTC', '2026-11-23T00:30Z', 'Asia/Tokyo', '2026-11-23', 9, 1],
    ['half-hour offset', '2026-11-23T00:30Z', 'Asia/Kolkata', '2026-11-23', 6, 1],
    ['45-minute offset (06:15)', '2026-11-23T00:30Z', 'Asia/Kathmandu', '2026-11-23', 6, 1],
    ['+14, the earliest zone', '2026-11-23T00:30Z', 'Pacific/Kiritimati', '2026-11-23', 14, 1],
    ['-11, one of the latest zones', '2026-11-23T00:30Z', 'Pacific/Pago_Pago', '2026-11-22', 13, 0],
    ['NY spring-forward: 01:59 EST', '2026-03-08T06:59Z', 'America/New_York', '2026-03-08', 1, 0],
    ['NY spring-forward: the next minute is 03:00 EDT', '2026-03-08T07:00Z', 'America/New_York', '2026-03-08', 3, 0],
    ['NY fall-back: first 01:30 (EDT)', '2026-11-01T05:30Z', 'America/New_York', '2026-11-01', 1, 0],
    ['NY fall-back: second 01:30 (EST)', '2026-11-01T06:30Z', 'America/New_York', '2026-11-01', 1, 0],
    ['leap day', '2028-02-29T12:00Z', 'UTC', '2028-02-29', 12, 2],
    ['invalid zone reads as UTC', '2026-11-23T00:30Z', 'Not/AZone', '2026-11-23', 0, 1],
    ['new year east of UTC: month and day padded', '2026-12-31T15:30Z', 'Asia/Tokyo', '2027-01-01', 0, 5],
    ['still the old year west of UTC', '2027-01-01T05:00Z', 'America/Chicago', '2026-12-31', 23, 4],
    ['the earliest year the store keeps', '2000-01-05T08:00Z', 'UTC', '2000-01-05', 8, 3],
  ])('%s', (_why, instant, timeZone, date, hour, weekday) => {
    const at = new Date(instant);
    expect(localDateOf(at, timeZone)).toBe(date);
    expect(localHourOf(at, timeZone)).toBe(hour);
    expect(localWeekdayOf(at, timeZone)).toBe(weekday);
  });

  test('an Invalid Date is refused, not written as a date', () => {
    expect(() => localDateOf(new Date(Number.NaN), 'UTC')).toThrow(RangeError);
    expect(() => localHourOf(new Date(Number.NaN), 'Asia/Tokyo')).toThrow(RangeError);
  });
});

describe('isValidTimeZone', () => {
  test.each([
    ['an IANA name', 'Europe/Berlin', true],
    ['UTC', 'UTC', true],
    ['a 45-minute zone', 'Asia/Kathmandu', true],
    ['a zone with a 30-minute DST', 'Australia/Lord_Howe', true],
    ['an unknown name', 'Not/AZone', false],
    ['a misspelling', 'Europe/Berln', false],
    ['empty', '', false],
    ['only spaces', '   ', false],
  ])('%s', (_why, timeZone, expected) => {
    expect(isValidTimeZone(timeZone)).toBe(expected);
  });
});

describe('goalProgress', () => {
  test.each([
    ['the start day', 0, 30, { fraction: 0, reached: false, daysLeft: 30 }],
    ['half way', 15, 30, { fraction: 0.5, reached: false, daysLeft: 15 }],
    ['one day short', 29, 30, { fraction: 29 / 30, reached: false, daysLeft: 1 }],
    ['the goal day', 30, 30, { fraction: 1, reached: true, daysLeft: 0 }],
    ['past the goal: clamped to 1, nothing left', 45, 30, { fraction: 1, reached: true, daysLeft: 0 }],
    ['a one-day goal, reached', 1, 1, { fraction: 1, reached: true, daysLeft: 0 }],
    ['negative days are treated as 0', -3, 30, { fraction: 0, reached: false, daysLeft: 30 }],
    ['a broken goal of 0 counts as reached rather than dividing by 0', 0, 0, { fraction: 1, reached: true, daysLeft: 0 }],
  ])('%s', (_why, days, goalDays, expected) => {
    expect(goalProgress(days, goalDays)).toEqual(expected);
  });
});

describe('startOfLocalDay', () => {
  test.each([
    ['an ordinary winter day in Berlin (UTC+1)', '2026-11-20', 'Europe/Berlin', '2026-11-19T23:00:00.000Z'],
    ['the NY spring-forward day: midnight exists, still EST', '2026-03-08', 'America/New_York', '2026-03-08T05:00:00.000Z'],
    ['the day after spring-forward: EDT', '2026-03-09', 'America/New_York', '2026-03-09T04:00:00.000Z'],
    ['the NY fall-back day: midnight is still EDT', '2026-11-01', 'America/New_York', '2026-11-01T04:00:00.000Z'],
    ['Santiago skips midnight (00:00 → 01:00): the day starts at 01:00 -03', '2026-09-06', 'America/Santiago', '2026-09-06T04:00:00.000Z'],
    ['Beirut skips midnight (00:00 → 01:00): the day starts at 01:00 +03', '2026-03-29', 'Asia/Beirut', '2026-03-28T22:00:00.000Z'],
    ['Kathmandu +5:45', '2026-11-23', 'Asia/Kathmandu', '2026-11-22T18:15:00.000Z'],
    ['Lord Howe on its 30-min DST start day (+10:30)', '2026-10-04', 'Australia/Lord_Howe', '2026-10-03T13:30:00.000Z'],
    ['the leap day', '2028-02-29', 'UTC', '2028-02-29T00:00:00.000Z'],
    ['invalid zone: UTC midnight', '2026-11-20', 'Not/AZone', '2026-11-20T00:00:00.000Z'],
  ])('%s', (_why, localDate, timeZone, expected) => {
    const start = startOfLocalDay(localDate, timeZone);
    expect(start.toISOString()).toBe(expected);
    expect(localDateOf(start, timeZone)).toBe(localDate);
    // A streak started then is on day 0 for that whole date, and the minute before is the day before.
    expect(daysWithoutContact({ startedAt: start.toISOString(), timeZone }, start, timeZone)).toBe(0);
    expect(localDateOf(new Date(start.getTime() - 60_000), timeZone)).not.toBe(localDate);
  });

  test.each([
    ['Feb 29 in a common year', '2027-02-29'],
    ['Feb 30', '2026-02-30'],
    ['month 13', '2026-13-01'],
    ['day 0', '2026-11-00'],
    ['not a date at all', 'yesterday'],
    ['a full timestamp instead of a date', '2026-11-20T00:00Z'],
  ])('an impossible date gives an Invalid Date: %s', (_why, localDate) => {
    expect(Number.isNaN(startOfLocalDay(localDate, 'Europe/Berlin').getTime())).toBe(true);
  });
});

describe('isHardDay', () => {
  test.each([
    ['the date itself', ['02-14'], '2026-02-14T12:00Z', 'UTC', true],
    ['another day', ['02-14'], '2026-02-15T12:00Z', 'UTC', false],
    ['no hard days', [], '2026-02-14T12:00Z', 'UTC', false],
    ['one of several', ['12-25', '11-23'], '2026-11-23T12:00Z', 'UTC', true],
    ['local date, not UTC: 00:30 on Feb 14 in Berlin', ['02-14'], '2026-02-13T23:30Z', 'Europe/Berlin', true],
    ['the same instant in UTC is still Feb 13', ['02-14'], '2026-02-13T23:30Z', 'UTC', false],
    ['Feb 29 is kept on Feb 28 in a common year', ['02-29'], '2027-02-28T12:00Z', 'UTC', true],
    ['in a leap year Feb 29 waits for Feb 29', ['02-29'], '2028-02-28T12:00Z', 'UTC', false],
    ['Feb 29 in a leap year', ['02-29'], '2028-02-29T12:00Z', 'UTC', true],
    ['Feb 29 is not moved to Mar 1', ['02-29'], '2027-03-01T12:00Z', 'UTC', false],
    ['Feb 28 23:30 UTC is already Mar 1 in Berlin', ['02-29'], '2027-02-28T23:30Z', 'Europe/Berlin', false],
    ['…and still Feb 28 in Los Angeles', ['02-29'], '2027-02-28T23:30Z', 'America/Los_Angeles', true],
    ['an ordinary Feb 28 hard day in a leap year', ['02-28'], '2028-02-28T12:00Z', 'UTC', true],
    ['invalid zone reads the date in UTC', ['02-14'], '2026-02-13T23:30Z', 'Not/AZone', false],
  ])('%s', (_why, monthDays, now, timeZone, expected) => {
    expect(isHardDay(monthDays, new Date(now), timeZone)).toBe(expected);
  });
});
