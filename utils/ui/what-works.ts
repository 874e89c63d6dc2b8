/**
 * "What works for me": from the person's own event log (pure: the zone comes in), which way each
 * pause ended, by part of the day, and week by week since the first one. Private: shown on the
 * options page only; nothing leaves the device. Recent events know their way; older days were
 * compacted into counts (utils/data/event-log.ts), so ways are counted from recent events and
 * weeks from both.
 */
import type { EventLog, LogEvent } from '../data/schema';
import { localDateOf, localHourOf } from '../days/day-count';

export const PAUSE_ENDS = ['back', 'plan', 'friend', 'wave', 'writing', 'continue'] as const;
export type PauseEnd = (typeof PAUSE_ENDS)[number];
export const PARTS_OF_DAY = ['night', 'morning', 'afternoon', 'evening'] as const;
export type PartOfDay = (typeof PARTS_OF_DAY)[number];

export interface WeekRow {
  /** The first local date of the week, counted in 7-day steps from the first logged day. */
  start: string;
  letPass: number;
  wentOn: number;
}

export interface WhatWorks {
  ways: Record<PauseEnd, number>;
  byPartOfDay: Record<PartOfDay, Record<PauseEnd, number>>;
  weeks: WeekRow[];
}

const emptyWays = (): Record<PauseEnd, number> => ({ back: 0, plan: 0, friend: 0, wave: 0, writing: 0, continue: 0 });

function endOf(event: LogEvent): PauseEnd | undefined {
  if (event.type === 'urge-resisted') return event.way ?? 'back';
  if (event.type === 'went-through') return 'continue';
  if (event.type === 'journal-entry') return 'writing';
  return undefined;
}

function partOfDay(hour: number): PartOfDay {
  return hour < 6 ? 'night' : hour < 12 ? 'morning' : hour < 18 ? 'afternoon' : 'evening';
}

const dayNumber = (date: string) => Math.floor(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
const dateOfDay = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

export function whatWorks(log: EventLog, timeZone: string): WhatWorks {
  const ways = emptyWays();
  const byPartOfDay = Object.fromEntries(PARTS_OF_DAY.map((part) => [part, emptyWays()])) as WhatWorks['byPartOfDay'];
  const perDay = new Map<number, { letPass: number; wentOn: number }>();
  const addDay = (date: string, letPass: number, wentOn: number) => {
    const day = dayNumber(date);
    const row = perDay.get(day) ?? { letPass: 0, wentOn: 0 };
    perDay.set(day, { letPass: row.letPass + letPass, wentOn: row.wentOn + wentOn });
  };
  for (const row of log.daily) addDay(row.date, row.counts['urge-resisted'] ?? 0, row.counts['went-through'] ?? 0);
  for (const event of log.recent) {
    const end = endOf(event);
    if (end === undefined) continue;
    const at = new Date(event.at);
    ways[end] += 1;
    byPartOfDay[partOfDay(localHourOf(at, timeZone))][end] += 1;
    if (event.type !== 'journal-entry') addDay(localDateOf(at, timeZone), end === 'continue' ? 0 : 1, end === 'continue' ? 1 : 0);
  }
  const days = [...perDay.keys()].sort((a, b) => a - b);
  const weeks: WeekRow[] = [];
  if (days.length > 0) {
    const first = days[0]!;
    for (const day of days) {
      const index = Math.floor((day - first) / 7);
      while (weeks.length <= index) weeks.push({ start: dateOfDay(first + weeks.length * 7), letPass: 0, wentOn: 0 });
      const counts = perDay.get(day)!;
      weeks[index]!.letPass += counts.letPass;
      weeks[index]!.wentOn += counts.wentOn;
    }
  }
  return { ways, byPartOfDay, weeks };
}
