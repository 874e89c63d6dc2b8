/**
 * The bounded event log (pure: no clock, no storage). Recent events are kept one by one; when
 * there are more than `RECENT_LIMIT`, the oldest are folded into one row per local day (counts
 * per type, urges per local hour), so storage never fills up and totals stay exact. Daily rows
 * are kept for about ten years; older rows are dropped.
 */
import type { DailyCount, EventLog, EventType, LogEvent } from './schema';
import { localDateOf, localHourOf, startOfLocalDay } from '../days/day-count';
import { LIMITS } from './limits';

/** A day's count stops at the schema's bound (only an edited import gets near it), so a fold is always valid. */
function addCount(a: number, b: number): number {
  return Math.min(LIMITS.dailyCount, a + b);
}

/** Events kept one by one. The schema allows 5000; the rest of the room is headroom for old data. */
export const RECENT_LIMIT = 2000;
/**
 * Folding stops here rather than at the limit, so a fold happens once every few hundred events
 * instead of on every append.
 */
export const RECENT_AFTER_FOLD = 1500;
/** About ten years of daily rows (the schema allows 4000). */
export const DAILY_LIMIT = 3650;

const URGE_TYPES: ReadonlySet<EventType> = new Set<EventType>(['urge-resisted', 'went-through']);

function isUrge(type: EventType): boolean {
  return URGE_TYPES.has(type);
}

function emptyRow(date: string): DailyCount {
  return { date, counts: {}, urgeHours: Array.from({ length: 24 }, () => 0) };
}

/** The calendar date after 'YYYY-MM-DD' (plain dates, no zone involved). */
function nextDate(date: string): string {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
}

/**
 * `localDateOf` for many instants in one zone. Converting an instant to a zone is the expensive
 * part (about 0.1 ms each here, 2026-11), and events come in runs on the same day, so the day's
 * bounds [first instant, first instant of the next day) are found once and reused while events fall
 * inside them. The bounds come from `startOfLocalDay`, so DST days keep their 23 or 25 hours.
 */
function localDateReader(timeZone: string): (instantMs: number) => string {
  let date = '';
  let startMs = Number.NaN;
  let endMs = Number.NaN;
  return (instantMs) => {
    if (instantMs >= startMs && instantMs < endMs) return date;
    date = localDateOf(new Date(instantMs), timeZone);
    startMs = startOfLocalDay(date, timeZone).getTime();
    endMs = startOfLocalDay(nextDate(date), timeZone).getTime();
    return date;
  };
}

/** How much detail the log keeps: events one by one, where a fold stops, and daily rows. */
export interface LogBounds {
  recentLimit: number;
  recentAfterFold: number;
  dailyLimit: number;
}

export const LOG_BOUNDS: LogBounds = { recentLimit: RECENT_LIMIT, recentAfterFold: RECENT_AFTER_FOLD, dailyLimit: DAILY_LIMIT };

/**
 * Near the browser's quota (utils/data/storage-space.ts `isNearQuota`), the log keeps less detail
 * so the person's own words (the journal) keep their room: 200 events one by one instead of
 * 2,000, and five years of daily rows instead of ten. Totals stay exact: folded events are
 * counted in their day's row; only rows older than five years go.
 */
export const NEAR_QUOTA_LOG_BOUNDS: LogBounds = { recentLimit: 200, recentAfterFold: 100, dailyLimit: 1825 };

/** Folds `events` into `daily` (one row per local date in `timeZone`), sorted by date, bounded. */
function foldIntoDaily(daily: readonly DailyCount[], events: readonly LogEvent[], timeZone: string, dailyLimit = DAILY_LIMIT): DailyCount[] {
  const rows = new Map<string, DailyCount>();
  for (const row of daily) rows.set(row.date, row);
  const copied = new Set<string>();
  const dateOf = localDateReader(timeZone);
  for (const event of events) {
    const at = new Date(event.at);
    const date = dateOf(at.getTime());
    let row = rows.get(date);
    if (row === undefined) {
      row = emptyRow(date);
      copied.add(date);
      rows.set(date, row);
    } else if (!copied.has(date)) {
      // Copy a stored row once before changing it: the log passed in is never mutated.
      row = { date, counts: { ...row.counts }, urgeHours: [...row.urgeHours] };
      copied.add(date);
      rows.set(date, row);
    }
    row.counts[event.type] = addCount(row.counts[event.type] ?? 0, 1);
    if (isUrge(event.type)) {
      const hour = localHourOf(at, timeZone);
      row.urgeHours[hour] = addCount(row.urgeHours[hour] ?? 0, 1);
    }
  }
  const sorted = [...rows.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return sorted.length > dailyLimit ? sorted.slice(sorted.length - dailyLimit) : sorted;
}

/**
 * Applies the bounds: folds the oldest recent events into daily rows when there are more than
 * `RECENT_LIMIT`, and keeps at most `DAILY_LIMIT` daily rows (sorted by date). "Oldest" is the
 * order of arrival, so a clock moved backwards cannot reorder what was logged.
 */
export function compact(log: EventLog, timeZone: string, bounds: LogBounds = LOG_BOUNDS): EventLog {
  const tooManyRecent = log.recent.length > bounds.recentLimit;
  const dailyInOrder = log.daily.every((row, index) => index === 0 || (log.daily[index - 1]?.date ?? '') < row.date);
  if (!tooManyRecent && dailyInOrder && log.daily.length <= bounds.dailyLimit) return log;
  const foldCount = tooManyRecent ? log.recent.length - bounds.recentAfterFold : 0;
  return {
    recent: log.recent.slice(foldCount),
    daily: foldIntoDaily(mergeDuplicateDates(log.daily), log.recent.slice(0, foldCount), timeZone, bounds.dailyLimit),
  };
}

/** `compact` with the near-quota bounds. */
export function compactNearQuota(log: EventLog, timeZone: string): EventLog {
  return compact(log, timeZone, NEAR_QUOTA_LOG_BOUNDS);
}

/** Rows for the same date (e.g. from an edited import) become one, so each date appears once. */
function mergeDuplicateDates(daily: readonly DailyCount[]): DailyCount[] {
  const byDate = new Map<string, DailyCount>();
  for (const row of daily) {
    const earlier = byDate.get(row.date);
    if (earlier === undefined) {
      byDate.set(row.date, row);
      continue;
    }
    const counts: DailyCount['counts'] = { ...earlier.counts };
    for (const [type, count] of Object.entries(row.counts) as [EventType, number][]) {
      counts[type] = addCount(counts[type] ?? 0, count);
    }
    byDate.set(row.date, {
      date: row.date,
      counts,
      urgeHours: earlier.urgeHours.map((count, hour) => addCount(count, row.urgeHours[hour] ?? 0)),
    });
  }
  return [...byDate.values()];
}

/** The log with `event` added at the end, compacted if it grew past its bounds. */
export function appendEvent(log: EventLog, event: LogEvent, timeZone: string): EventLog {
  const appended = { recent: [...log.recent, event], daily: log.daily };
  // The common case skips compact's full check of the daily rows, which only a fold can change.
  return appended.recent.length > RECENT_LIMIT ? compact(appended, timeZone) : appended;
}

/** Urges resisted and times gone through on the local date of `now`. */
export function countsToday(log: EventLog, now: Date, timeZone: string): { urgesResisted: number; wentThrough: number } {
  const today = localDateOf(now, timeZone);
  // Today as a range of instants: two conversions instead of one per event (the popup calls this).
  const startMs = startOfLocalDay(today, timeZone).getTime();
  const endMs = startOfLocalDay(nextDate(today), timeZone).getTime();
  const row = log.daily.find((daily) => daily.date === today);
  let urgesResisted = row?.counts['urge-resisted'] ?? 0;
  let wentThrough = row?.counts['went-through'] ?? 0;
  for (const event of log.recent) {
    if (event.type !== 'urge-resisted' && event.type !== 'went-through') continue;
    const atMs = Date.parse(event.at);
    if (!(atMs >= startMs && atMs < endMs)) continue;
    if (event.type === 'urge-resisted') urgesResisted += 1;
    else wentThrough += 1;
  }
  return { urgesResisted, wentThrough };
}

/** Every event of `type` ever kept: recent ones plus the compacted daily counts. */
export function totalCount(log: EventLog, type: EventType): number {
  const recent = log.recent.filter((event) => event.type === type).length;
  return log.daily.reduce((sum, row) => sum + (row.counts[type] ?? 0), recent);
}

export interface UrgeHistogram {
  /** Urges (resisted or not) per local hour, 0–23. */
  byHour: number[];
  /** Urges per weekday, 0 = Sunday. */
  byWeekday: number[];
}

/** The weekday (0 = Sunday) of a calendar date 'YYYY-MM-DD'; the date is read as a UTC day so no zone shifts it. */
function weekdayOfDate(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** When urges come: per hour of the day and per weekday, in `timeZone`, for the private view. */
export function urgeHistogram(log: EventLog, timeZone: string): UrgeHistogram {
  const byHour = Array.from({ length: 24 }, () => 0);
  const byWeekday = Array.from({ length: 7 }, () => 0);
  for (const row of log.daily) {
    let urgesThatDay = 0;
    row.urgeHours.forEach((count, hour) => {
      byHour[hour] = (byHour[hour] ?? 0) + count;
      urgesThatDay += count;
    });
    const weekday = weekdayOfDate(row.date);
    byWeekday[weekday] = (byWeekday[weekday] ?? 0) + urgesThatDay;
  }
  const dateOf = localDateReader(timeZone);
  for (const event of log.recent) {
    if (!isUrge(event.type)) continue;
    const at = new Date(event.at);
    const hour = localHourOf(at, timeZone);
    const weekday = weekdayOfDate(dateOf(at.getTime()));
    byHour[hour] = (byHour[hour] ?? 0) + 1;
    byWeekday[weekday] = (byWeekday[weekday] ?? 0) + 1;
  }
  return { byHour, byWeekday };
}
