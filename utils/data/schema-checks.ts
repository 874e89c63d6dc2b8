/**
 * The value rules the schema (utils/data/schema.ts) and the messages (utils/data/messages.ts) share,
 * built from the bounds in ./limits.ts: instants in a sane range, real IANA time zones, real
 * calendar days, and accounts written exactly as the options page writes a pasted one. A failed
 * rule carries `params.problem`, which utils/copy/data-errors.ts turns into plain words.
 */
import './zod-config';
import { z } from 'zod';
import { isValidTimeZone } from '../days/day-count';
import { parseHandleForSite } from '../sites/recognize';
import { isSiteId } from '../sites/site-ids';
import { accountsTotal, wouldExceedAccountsTotal } from './account-limits';
import { isInstantInRange, LIMITS, LOCAL_DATE_RANGE } from './limits';

/** What a custom rule found wrong, for the words shown to the person. */
export type CheckProblem = 'date-range' | 'time-zone' | 'calendar-day' | 'handle' | 'accounts-total';

const problem = (name: CheckProblem) => ({ params: { problem: name } });

/** An ISO date and time with an offset, in `DATE_RANGE`. */
export const instantSchema = z.iso.datetime({ offset: true }).refine(isInstantInRange, problem('date-range'));

/** Whether year, month and day name a day the calendar has (the Gregorian calendar, leap years included). */
function isCalendarDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** 'YYYY-MM-DD', a real day, within `LOCAL_DATE_RANGE`. */
export const localDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2026-02-14')
  .refine((date) => {
    const [year = 0, month = 0, day = 0] = date.split('-').map(Number);
    return isCalendarDay(year, month, day);
  }, problem('calendar-day'))
  .refine((date) => date >= LOCAL_DATE_RANGE.earliest && date <= LOCAL_DATE_RANGE.latest, problem('date-range'));

/** 'MM-DD' of a day every year has, or 02-29 (it comes back every four years). */
export const monthDaySchema = z
  .string()
  .regex(/^\d{2}-\d{2}$/, 'a month and day like 02-14')
  .refine((monthDay) => {
    const [month = 0, day = 0] = monthDay.split('-').map(Number);
    return isCalendarDay(2024, month, day);
  }, problem('calendar-day'));

/** A time zone the browser's Intl knows ("Europe/Madrid", "UTC"); "Not/AZone" is refused. */
export const timeZoneSchema = z.string().min(1).max(LIMITS.timeZoneChars).refine(isValidTimeZone, problem('time-zone'));

/**
 * An account's handle must be what the options page stores for it when pasted: the site adapter's
 * own normalised form (utils/sites/recognize.ts `parseHandleForSite`). Anything else (too long for
 * the site, characters the site never uses) could not become a redirect rule the browser accepts.
 */
export function checkAccountHandle(account: { site: string; handle: string }, ctx: z.core.$RefinementCtx): void {
  if (!isSiteId(account.site)) return;
  if (parseHandleForSite(account.site, account.handle) === account.handle) return;
  ctx.addIssue({ code: 'custom', path: ['handle'], input: account.handle, ...problem('handle') });
}

/** Accounts of everyone together stay within `LIMITS.accountsTotal`, so the browser can carry their rules. */
export function checkAccountsTotal(people: readonly { accounts: readonly unknown[] }[], ctx: z.core.$RefinementCtx): void {
  if (wouldExceedAccountsTotal(people, 0)) ctx.addIssue({ code: 'custom', input: accountsTotal(people), ...problem('accounts-total') });
}
