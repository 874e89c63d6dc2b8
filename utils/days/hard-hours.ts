/**
 * Hard hours: time windows the person picked (late nights, weekends) in which the pause is one
 * level firmer. Pure: `now` and the zone come in. Hours are local hours; a window whose end is
 * before its start runs past midnight (22 → 6), and its small hours belong to the day it started
 * on (Friday 22 → 6 covers Saturday 03:00). A window from an hour to the same hour is the whole day.
 */
import { localHourOf, localWeekdayOf } from './day-count';

export interface HardHoursWindow {
  /** Local hour the window starts, 0–23. */
  from: number;
  /** Local hour it ends (not included), 0–23. */
  to: number;
  /** Weekdays it starts on, 0 = Sunday; empty means every day. */
  days: readonly number[];
}

const onDay = (window: HardHoursWindow, weekday: number) => window.days.length === 0 || window.days.includes(weekday);

export function isInHardHours(windows: readonly HardHoursWindow[], now: Date, timeZone: string): boolean {
  if (windows.length === 0) return false;
  const hour = localHourOf(now, timeZone);
  const weekday = localWeekdayOf(now, timeZone);
  const yesterday = (weekday + 6) % 7;
  return windows.some((window) => {
    if (window.from === window.to) return onDay(window, weekday);
    if (window.from < window.to) return onDay(window, weekday) && hour >= window.from && hour < window.to;
    return (hour >= window.from && onDay(window, weekday)) || (hour < window.to && onDay(window, yesterday));
  });
}

export type FrictionLevel = 'gentle' | 'firm' | 'strict';

/**
 * One level firmer in hard hours. Strict needs the person's own phrase, so without one the pause
 * stays firm (nobody is locked out of "continue" by a phrase they never chose).
 */
export function hardHoursFriction(friction: FrictionLevel, inHardHours: boolean, hasStrictPhrase: boolean): FrictionLevel {
  if (!inHardHours) return friction;
  if (friction === 'gentle') return 'firm';
  return hasStrictPhrase ? 'strict' : friction;
}
