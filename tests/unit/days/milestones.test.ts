import { describe, expect, test } from 'vitest';
import type { PastStreak } from '../../../utils/data/schema';
import {
  longestStreakDays,
  MILESTONE_DAYS,
  milestonesFor,
  milestonesToCelebrate,
  nextMilestone,
} from '../../../utils/days/milestones';

const FIXED = [...MILESTONE_DAYS];

describe('milestonesFor', () => {
  test.each([
    ['a goal that is already a milestone adds nothing', 30, FIXED],
    ['a goal between milestones is slotted in order', 10, [1, 3, 7, 10, 14, 21, 30, 45, 60, 90, 180, 365]],
    ['a one-day goal', 1, FIXED],
    ['a goal past a year comes last', 1000, [...FIXED, 1000]],
    ['a broken goal (0) adds nothing', 0, FIXED],
    ['a fractional goal adds nothing', 2.5, FIXED],
  ])('%s', (_why, goalDays, expected) => {
    expect(milestonesFor(goalDays)).toEqual(expected);
  });

  test('is sorted and unique for every goal from 1 to 400', () => {
    for (let goal = 1; goal <= 400; goal++) {
      const milestones = milestonesFor(goal);
      expect(milestones).toContain(goal);
      expect(new Set(milestones).size).toBe(milestones.length);
      expect([...milestones].sort((a, b) => a - b)).toEqual(milestones);
    }
  });
});

describe('nextMilestone', () => {
  test.each([
    ['the start day: the first day is next', 0, 30, 1],
    ['after day 1', 1, 30, 3],
    ['between milestones', 8, 30, 14],
    ['the day before the goal', 29, 30, 30],
    ['on the goal, the count keeps going', 30, 30, 45],
    ['an own goal between milestones', 9, 10, 10],
    ['past an own goal', 10, 10, 14],
    ['a year reached, nothing after it', 365, 30, undefined],
    ['a long goal past a year', 400, 1000, 1000],
    ['everything reached', 1000, 1000, undefined],
  ])('%s', (_why, days, goalDays, expected) => {
    expect(nextMilestone(days, goalDays)).toBe(expected);
  });
});

describe('milestonesToCelebrate', () => {
  test.each([
    ['nothing on the start day', 0, 30, [], []],
    ['the first day', 1, 30, [], [1]],
    ['already celebrated', 1, 30, [1], []],
    ['between milestones, all celebrated', 2, 30, [1], []],
    ['the next one only', 7, 30, [1, 3], [7]],
    ['several reached at once (popup not opened for a week): all, smallest first', 7, 30, [], [1, 3, 7]],
    ['the goal', 30, 30, [1, 3, 7, 14, 21], [30]],
    ['an own goal between milestones', 10, 10, [1, 3, 7], [10]],
    ['past the goal', 45, 30, [1, 3, 7, 14, 21, 30], [45]],
    ['a celebrated number that is not a milestone is ignored', 3, 30, [2, 1], [3]],
    ['a missed one is still offered', 14, 30, [1, 3, 14], [7]],
  ])('%s', (_why, days, goalDays, celebrated, expected) => {
    expect(milestonesToCelebrate(days, goalDays, celebrated)).toEqual(expected);
  });
});

function past(days: number): PastStreak {
  return { startedAt: '2026-01-01T00:00:00.000Z', endedAt: '2026-02-01T00:00:00.000Z', timeZone: 'UTC', days };
}

describe('longestStreakDays', () => {
  test.each([
    ['no history, the start day', [], 0, 0],
    ['no history: the current streak', [], 12, 12],
    ['a past streak was longer', [past(12), past(40)], 10, 40],
    ['the current streak is the longest', [past(12)], 30, 30],
    ['a tie', [past(30)], 30, 30],
    ['a negative current count is treated as 0', [], -1, 0],
  ])('%s', (_why, history, currentDays, expected) => {
    expect(longestStreakDays(history, currentDays)).toBe(expected);
  });
});
