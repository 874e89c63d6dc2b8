/**
 * Day arithmetic for the no-contact count. Pure: `now` and the time zone are always arguments,
 * nothing here reads the clock or storage. Calendar work is done by date-fns in the given zone
 * (`in: tz(zone)` from @date-fns/tz), so a 23 h or 25 h DST day is still one day.
 *
 * Which zone counts: the person's CURRENT zone, not the one the streak was started in. After a
 * flight the count follows the local calendar the person lives by now ("is it a new day here?"),
 * the same answer the clock on their wall gives. Crossing the date line can therefore make the
 * count step by one at an unusual hour, or hold still for a day; it never goes below 0.
 */
import { TZDate, tz } from '@date-fns/tz';
import { differenceInCalendarDays, isLeapYear, isValid, startOfDay } from 'date-fns';
import type { Streak } from '../data/schema';

const FALLBACK_ZONE = 'UTC';
const LOCAL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Asked for every event logged, every day counted and every zone validated (a document repeats the
 * same few zones, up to a thousand past streaks); building a formatter each time was most of the
 * cost of a logged urge (bench/store.measure.ts). A zone's validity does not change while the
 * extension runs. Bounded below, so odd input cannot grow it without end.
 */
const zoneValidity = new Map<string, boolean>();

/** True when the runtime's Intl knows the zone (IANA name such as "Asia/Kolkata", or "UTC"). */
export function isValidTimeZone(timeZone: string): boolean {
  if (timeZone.trim() === '') return false;
  const known = zoneValidity.get(timeZone);
  if (known !== undefined) return known;
  let valid: boolean;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    valid = true;
  } catch {
    valid = false;
  }
  // Bounded: an import may name thousands of made-up zones.
  if (zoneValidity.size >= 256) zoneValidity.clear();
  zoneValidity.set(timeZone, valid);
  return valid;
}

/** A zone we can count in: the given one, or UTC when it is unknown (never throws). */
function usableZone(timeZone: string): string {
  return isValidTimeZone(timeZone) ? timeZone : FALLBACK_ZONE;
}

function isValidInstant(instant: Date): boolean {
  return !Number.isNaN(instant.getTime());
}

/**
 * The instant as a date in the zone. Read with TZDate's own getters, not date-fns `format`: the
 * pages only ever need 'YYYY-MM-DD' and 'MM-DD', and `format` brought its formatters and the
 * en-US locale (about 48 kB of source) into the popup's and options page's shared chunk.
 */
function inZone(instant: Date, timeZone: string): TZDate {
  // As `format` did: an Invalid Date is a caller's bug, not a date called "NaN-NaN-NaN".
  if (!isValidInstant(instant)) throw new RangeError('Invalid time value');
  return new TZDate(instant.getTime(), usableZone(timeZone));
}

function twoDigits(value: number): string {
  return String(value).padStart(2, '0');
}

/** 'MM-DD' of a zoned date. */
function monthDayOf(date: TZDate): string {
  return `${twoDigits(date.getMonth() + 1)}-${twoDigits(date.getDate())}`;
}

/** The local calendar date ('YYYY-MM-DD') of an instant in a zone. */
export function localDateOf(instant: Date, timeZone: string): string {
  const date = inZone(instant, timeZone);
  // Years are bounded (utils/data/limits.ts), so four digits always suffice; padded like 'yyyy'.
  return `${String(date.getFullYear()).padStart(4, '0')}-${monthDayOf(date)}`;
}

/** The local hour (0–23) of an instant in a zone. */
export function localHourOf(instant: Date, timeZone: string): number {
  return inZone(instant, timeZone).getHours();
}

/** The local weekday of an instant in a zone: 0 is Sunday, 6 is Saturday. */
export function localWeekdayOf(instant: Date, timeZone: string): number {
  return inZone(instant, timeZone).getDay();
}

/** Calendar days from the local date of `from` to the local date of `to`, never negative. */
function calendarDaysBetween(from: Date, to: Date, timeZone: string): number {
  if (!isValidInstant(from) || !isValidInstant(to)) return 0;
  const days = differenceInCalendarDays(to, from, { in: tz(usableZone(timeZone)) });
  // A clock moved backwards (or a start in the future) shows 0, not a negative count.
  return Math.max(0, days);
}

/**
 * Days without contact: calendar days in the person's current zone (`timeZone`) from the local
 * date of `startedAt` to the local date of `now`. 0 on the start day. `streak.timeZone` is kept
 * for the record only; see the note at the top of this file for why the current zone counts.
 */
export function daysWithoutContact(
  streak: Pick<Streak, 'startedAt' | 'timeZone'>,
  now: Date,
  timeZone: string,
): number {
  return calendarDaysBetween(new Date(streak.startedAt), now, timeZone);
}

/** The length of a past streak, counted like `daysWithoutContact` at the moment it ended. */
export function streakDaysBetween(startedAt: string, endedAt: string, timeZone: string): number {
  return calendarDaysBetween(new Date(startedAt), new Date(endedAt), timeZone);
}

export interface GoalProgress {
  /** Share of the goal reached, 0..1 (clamped). */
  fraction: number;
  reached: boolean;
  /** Days still to go; 0 once reached. */
  daysLeft: number;
}

export function goalProgress(days: number, goalDays: number): GoalProgress {
  const safeDays = Number.isFinite(days) ? Math.max(0, Math.floor(days)) : 0;
  // The schema keeps goals at 1 or more; a broken goal counts as reached rather than dividing by 0.
  if (!Number.isFinite(goalDays) || goalDays < 1) return { fraction: 1, reached: true, daysLeft: 0 };
  const goal = Math.floor(goalDays);
  return {
    fraction: Math.min(1, safeDays / goal),
    reached: safeDays >= goal,
    daysLeft: Math.max(0, goal - safeDays),
  };
}

/**
 * The first instant of a local date ('YYYY-MM-DD') in a zone, for "I started on an earlier date".
 * Where a DST change skips local midnight (e.g. America/Santiago in September), this is the first
 * instant that exists on that date. An impossible date ('2026-02-30') gives an Invalid Date:
 * callers check with `Number.isNaN(date.getTime())`.
 */
export function startOfLocalDay(localDate: string, timeZone: string): Date {
  const match = LOCAL_DATE_PATTERN.exec(localDate);
  if (!match) return new Date(Number.NaN);
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const zone = usableZone(timeZone);
  // Noon exists on every local date; startOfDay then finds the day's first instant in the zone.
  const noon = new TZDate(year, month - 1, day, 12, zone);
  if (!isValid(noon) || noon.getFullYear() !== year || noon.getMonth() !== month - 1 || noon.getDate() !== day) {
    return new Date(Number.NaN);
  }
  return new Date(startOfDay(noon).getTime());
}

/**
 * Whether today (local date of `now` in `timeZone`) is one of the person's hard days ('MM-DD').
 * A Feb 29 hard day is kept on Feb 28 in years without a Feb 29, so it is never skipped.
 */
export function isHardDay(monthDays: readonly string[], now: Date, timeZone: string): boolean {
  if (!isValidInstant(now) || monthDays.length === 0) return false;
  const zone = usableZone(timeZone);
  const today = monthDayOf(inZone(now, zone));
  if (monthDays.includes(today)) return true;
  return today === '02-28' && monthDays.includes('02-29') && !isLeapYear(now, { in: tz(zone) });
}
