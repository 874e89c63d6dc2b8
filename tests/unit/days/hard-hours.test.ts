import { describe, expect, test } from 'vitest';
import { hardHoursFriction, isInHardHours, type HardHoursWindow } from '../../../utils/days/hard-hours';

const NIGHTS: HardHoursWindow = { from: 22, to: 6, days: [] };
const FRIDAY_NIGHTS: HardHoursWindow = { from: 22, to: 6, days: [5] };
const WEEKENDS: HardHoursWindow = { from: 0, to: 0, days: [0, 6] };
const EVENINGS: HardHoursWindow = { from: 18, to: 21, days: [] };

describe('isInHardHours (local time, zone passed in)', () => {
  test.each<[string, HardHoursWindow[], string, string, boolean]>([
    ['no windows', [], '2026-11-27T23:00:00Z', 'UTC', false],
    ['late at night, every day', [NIGHTS], '2026-11-24T23:30:00Z', 'UTC', true],
    ['the small hours belong to the night before', [NIGHTS], '2026-11-25T05:59:00Z', 'UTC', true],
    ['the end hour is not included', [NIGHTS], '2026-11-25T06:00:00Z', 'UTC', false],
    ['midday is not night', [NIGHTS], '2026-11-25T12:00:00Z', 'UTC', false],
    ['Friday night reaches into Saturday 03:00', [FRIDAY_NIGHTS], '2026-11-28T03:00:00Z', 'UTC', true],
    ['Saturday night is not Friday night', [FRIDAY_NIGHTS], '2026-11-28T23:00:00Z', 'UTC', false],
    ['Thursday 03:00 is Wednesday night, not Friday night', [FRIDAY_NIGHTS], '2026-11-26T03:00:00Z', 'UTC', false],
    ['all of Sunday', [WEEKENDS], '2026-11-29T09:00:00Z', 'UTC', true],
    ['not Monday', [WEEKENDS], '2026-11-30T09:00:00Z', 'UTC', false],
    ['evenings, inside', [EVENINGS], '2026-11-25T20:59:00Z', 'UTC', true],
    // 20:30 UTC is 07:30 in Auckland (UTC+13 in November): the zone decides, not UTC.
    ['in the person’s zone: Auckland morning', [NIGHTS], '2026-11-25T18:30:00Z', 'Pacific/Auckland', false],
    ['in the person’s zone: New York night', [NIGHTS], '2026-11-25T04:30:00Z', 'America/New_York', true],
    // Europe/Berlin springs forward on 2026-03-29 (02:00 → 03:00): 03:30 local is still night.
    ['DST spring-forward night', [NIGHTS], '2026-03-29T01:30:00Z', 'Europe/Berlin', true],
  ])('%s', (_why, windows, at, zone, expected) => {
    expect(isInHardHours(windows, new Date(at), zone)).toBe(expected);
  });
});

describe('hardHoursFriction: one level firmer', () => {
  test.each([
    ['gentle', false, true, 'gentle'],
    ['gentle', true, false, 'firm'],
    ['firm', true, true, 'strict'],
    ['firm', true, false, 'firm'],
    ['strict', true, true, 'strict'],
  ] as const)('%s in hard hours %s (phrase %s) is %s', (friction, inHard, phrase, expected) => {
    expect(hardHoursFriction(friction, inHard, phrase)).toBe(expected);
  });
});
