/**
 * Milestones of the no-contact count. Pure: the caller passes the day count (from day-count.ts)
 * and what was already celebrated in this streak.
 */
import type { PastStreak } from '../data/schema';

/** Days worth a quiet note: the first day, the first weeks, months, half a year, a year. */
export const MILESTONE_DAYS = [1, 3, 7, 14, 21, 30, 45, 60, 90, 180, 365] as const;

/**
 * The milestones of a streak, sorted and unique: the fixed ones plus the person's own goal.
 * The fixed ones past the goal stay in, so the count keeps something to look forward to.
 */
export function milestonesFor(goalDays: number): number[] {
  const all = new Set<number>(MILESTONE_DAYS);
  if (Number.isInteger(goalDays) && goalDays >= 1) all.add(goalDays);
  return [...all].sort((a, b) => a - b);
}

/** The next milestone after `days`, or undefined once every milestone is behind. */
export function nextMilestone(days: number, goalDays: number): number | undefined {
  return milestonesFor(goalDays).find((milestone) => milestone > days);
}

/**
 * Milestones reached and not celebrated yet, smallest first. After a long gap several can be
 * reached at once; all are returned (so all can be marked seen) and the caller names the highest.
 */
export function milestonesToCelebrate(days: number, goalDays: number, celebrated: readonly number[]): number[] {
  const seen = new Set(celebrated);
  return milestonesFor(goalDays).filter((milestone) => milestone <= days && !seen.has(milestone));
}

/** The longest streak so far: the past ones as they were recorded, or the current one. */
export function longestStreakDays(history: readonly PastStreak[], currentDays: number): number {
  return history.reduce((longest, past) => Math.max(longest, past.days), Math.max(0, currentDays));
}
