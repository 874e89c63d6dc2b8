import { describe, expect, test } from 'vitest';
import {
  appendEvent,
  compact,
  compactNearQuota,
  NEAR_QUOTA_LOG_BOUNDS,
  countsToday,
  DAILY_LIMIT,
  RECENT_AFTER_FOLD,
  RECENT_LIMIT,
  totalCount,
  urgeHistogram,
} from '../../../utils/data/event-log';
import { EventLogSchema, EventTypeSchema, type DailyCount, type EventLog, type EventType, type LogEvent } from '../../../utils/data/schema';

const EMPTY: EventLog = { recent: [], daily: [] };

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

function event(type: EventType, at: string, extra: Partial<LogEvent> = {}): LogEvent {
  return { type, at, ...extra };
}

function row(date: string, counts: DailyCount['counts'], hours: Record<number, number> = {}): DailyCount {
  return { date, counts, urgeHours: Array.from({ length: 24 }, (_, hour) => hours[hour] ?? 0) };
}

/** `first`, then enough filler events to pass the limit once, so everything in `first` is folded. */
function overLimit(first: LogEvent[], daily: DailyCount[] = []): EventLog {
  const fillerCount = RECENT_LIMIT + 1 - first.length;
  const filler = Array.from({ length: fillerCount }, () => event('milestone', '2030-01-01T12:00:00.000Z', { days: 1 }));
  return { recent: [...first, ...filler], daily };
}

describe('appendEvent', () => {
  test('below the limit, the event is added at the end and nothing is folded', () => {
    const log = deepFreeze({ recent: [event('urge-resisted', '2026-11-23T08:00:00.000Z')], daily: [] });
    const next = appendEvent(log, event('went-through', '2026-11-23T09:00:00.000Z', { site: 'x', what: 'like' }), 'UTC');
    expect(next).toEqual({
      recent: [event('urge-resisted', '2026-11-23T08:00:00.000Z'), event('went-through', '2026-11-23T09:00:00.000Z', { site: 'x', what: 'like' })],
      daily: [],
    });
  });

  test('past the limit, the oldest events are folded into daily rows and the log is not mutated', () => {
    const recent = Array.from({ length: RECENT_LIMIT }, (_, i) =>
      event('urge-resisted', new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString()),
    );
    const log = deepFreeze({ recent, daily: [] });
    const next = appendEvent(log, event('urge-resisted', '2026-11-23T09:00:00.000Z'), 'UTC');
    expect(next.recent).toHaveLength(RECENT_AFTER_FOLD);
    expect(next.recent.at(-1)).toEqual(event('urge-resisted', '2026-11-23T09:00:00.000Z'));
    expect(totalCount(next, 'urge-resisted')).toBe(RECENT_LIMIT + 1);
    expect(log.recent).toHaveLength(RECENT_LIMIT);
  });
});

describe('compact', () => {
  test.each([
    // event instant, zone, expected local date, expected hour, why
    ['2026-11-23T23:30:00.000Z', 'UTC', '2026-11-23', 23, 'UTC as is'],
    ['2026-11-23T23:30:00.000Z', 'Pacific/Auckland', '2026-11-24', 12, 'already tomorrow in New Zealand (+13 in summer)'],
    ['2026-11-24T02:00:00.000Z', 'America/Los_Angeles', '2026-11-23', 18, 'still yesterday on the US west coast'],
    ['2026-03-29T01:30:00.000Z', 'Europe/Berlin', '2026-03-29', 3, 'spring-forward: 02:00 does not exist, 01:30 UTC is 03:30'],
    ['2026-10-25T00:30:00.000Z', 'Europe/Berlin', '2026-10-25', 2, 'fall-back: the first 02:30 of the day'],
    ['2026-11-23T18:20:00.000Z', 'Asia/Kolkata', '2026-11-23', 23, '+5:30 offset'],
  ])('an urge at %s in %s is counted on %s at hour %i (%s)', (at, zone, date, hour) => {
    const next = compact(overLimit([event('urge-resisted', at)]), zone);
    const folded = next.daily.find((daily) => daily.date === date);
    expect(folded?.counts['urge-resisted']).toBe(1);
    expect(folded?.urgeHours[hour]).toBe(1);
  });

  test.each([
    [
      'fall-back (Berlin 2026-10-25 has 25 hours)',
      'Europe/Berlin',
      ['2026-10-24T21:59:00.000Z', '2026-10-24T22:00:00.000Z', '2026-10-25T22:59:00.000Z', '2026-10-25T23:00:00.000Z'],
      { '2026-10-24': 1, '2026-10-25': 2, '2026-10-26': 1 },
    ],
    [
      'spring-forward (Berlin 2026-03-29 has 23 hours)',
      'Europe/Berlin',
      ['2026-03-28T22:59:00.000Z', '2026-03-28T23:00:00.000Z', '2026-03-29T21:59:00.000Z', '2026-03-29T22:00:00.000Z'],
      { '2026-03-28': 1, '2026-03-29': 2, '2026-03-30': 1 },
    ],
    [
      'a clock moved backwards: arrival order is not time order',
      'UTC',
      ['2026-11-23T10:00:00.000Z', '2026-11-21T10:00:00.000Z', '2026-11-23T11:00:00.000Z'],
      { '2026-11-21': 1, '2026-11-23': 2 },
    ],
    [
      'southern hemisphere DST start (Sydney 2026-10-04)',
      'Australia/Sydney',
      ['2026-10-03T13:59:00.000Z', '2026-10-03T14:00:00.000Z', '2026-10-04T12:59:00.000Z', '2026-10-04T13:00:00.000Z'],
      { '2026-10-03': 1, '2026-10-04': 2, '2026-10-05': 1 },
    ],
  ])('a run of events across local midnights: %s', (_why, zone, instants, expected) => {
    const next = compact(overLimit(instants.map((at) => event('urge-resisted', at))), zone);
    const perDate = Object.fromEntries(
      next.daily.filter((daily) => daily.date < '2030-01-01').map((daily) => [daily.date, daily.counts['urge-resisted']]),
    );
    expect(perDate).toEqual(expected);
  });

  test('one row per date with counts per type; only urges go into the hours', () => {
    const next = compact(
      overLimit([
        event('urge-resisted', '2026-11-20T08:10:00.000Z'),
        event('went-through', '2026-11-20T08:50:00.000Z'),
        event('contact-recorded', '2026-11-20T09:00:00.000Z'),
        event('journal-entry', '2026-11-20T10:00:00.000Z'),
        event('urge-resisted', '2026-11-21T22:00:00.000Z'),
      ]),
      'UTC',
    );
    expect(next.daily.filter((daily) => daily.date < '2030-01-01')).toEqual([
      row('2026-11-20', { 'urge-resisted': 1, 'went-through': 1, 'contact-recorded': 1, 'journal-entry': 1 }, { 8: 2 }),
      row('2026-11-21', { 'urge-resisted': 1 }, { 22: 1 }),
    ]);
  });

  test('folding adds to an existing row for the same date, sorted, without changing the input', () => {
    const daily = [row('2026-11-25', { 'urge-resisted': 2 }, { 9: 2 }), row('2026-11-20', { 'urge-resisted': 5 }, { 8: 5 })];
    const log = deepFreeze(overLimit([event('urge-resisted', '2026-11-20T08:30:00.000Z'), event('milestone', '2026-11-22T08:30:00.000Z', { days: 3 })], daily));
    const next = compact(log, 'UTC');
    expect(next.daily.map((d) => d.date)).toEqual(['2026-11-20', '2026-11-22', '2026-11-25', '2030-01-01']);
    expect(next.daily[0]).toEqual(row('2026-11-20', { 'urge-resisted': 6 }, { 8: 6 }));
    expect(log.daily[1]).toEqual(row('2026-11-20', { 'urge-resisted': 5 }, { 8: 5 }));
  });

  test('a log within its bounds comes back unchanged', () => {
    const log = { recent: [event('urge-resisted', '2026-11-23T08:00:00.000Z')], daily: [row('2026-11-20', { 'urge-resisted': 1 })] };
    expect(compact(log, 'UTC')).toBe(log);
  });

  test('daily rows are kept to the most recent DAILY_LIMIT dates', () => {
    const start = Date.UTC(2010, 0, 1);
    const daily = Array.from({ length: DAILY_LIMIT + 10 }, (_, i) =>
      row(new Date(start + i * 86_400_000).toISOString().slice(0, 10), { 'urge-resisted': 1 }),
    );
    const next = compact({ recent: [], daily }, 'UTC');
    expect(next.daily).toHaveLength(DAILY_LIMIT);
    expect(next.daily[0]?.date).toBe(daily[10]?.date);
    expect(next.daily.at(-1)?.date).toBe(daily.at(-1)?.date);
  });

  test('rows for the same date (an edited import) are merged into one', () => {
    const next = compact(
      { recent: [], daily: [row('2026-11-20', { 'urge-resisted': 1 }, { 8: 1 }), row('2026-11-19', {}), row('2026-11-20', { 'went-through': 2 }, { 8: 2 })] },
      'UTC',
    );
    expect(next.daily).toEqual([row('2026-11-19', {}), row('2026-11-20', { 'urge-resisted': 1, 'went-through': 2 }, { 8: 3 })]);
  });
});

describe('countsToday', () => {
  const log: EventLog = {
    recent: [
      event('urge-resisted', '2026-11-22T22:30:00.000Z'),
      event('urge-resisted', '2026-11-23T09:00:00.000Z'),
      event('went-through', '2026-11-23T10:00:00.000Z'),
      event('contact-recorded', '2026-11-23T10:00:00.000Z'),
    ],
    daily: [row('2026-11-23', { 'urge-resisted': 4, 'went-through': 1 }), row('2026-11-22', { 'urge-resisted': 9 })],
  };

  test.each([
    ['2026-11-23T12:00:00.000Z', 'UTC', { urgesResisted: 5, wentThrough: 2 }, '22:30 UTC on the 22nd was yesterday'],
    ['2026-11-23T12:00:00.000Z', 'Asia/Tokyo', { urgesResisted: 6, wentThrough: 2 }, '22:30 UTC on the 22nd is 07:30 on the 23rd in Tokyo'],
    ['2026-11-23T04:00:00.000Z', 'America/New_York', { urgesResisted: 10, wentThrough: 0 }, 'at 23:00 on the 22nd in New York, the 23rd has not begun'],
  ])('at %s in %s: %o (%s)', (now, zone, expected, _why) => {
    expect(countsToday(log, new Date(now), zone)).toEqual(expected);
  });

  test.each([
    ['2026-10-25T22:30:00.000Z', 2, 'late on the 25-hour fall-back day in Berlin: both events are today'],
    ['2026-10-25T23:30:00.000Z', 1, 'just after local midnight: only the 00:10 event is today'],
  ])('on a DST day, now %s: %i urges (%s)', (now, expected) => {
    const dstLog: EventLog = {
      recent: [event('urge-resisted', '2026-10-24T22:10:00.000Z'), event('urge-resisted', '2026-10-25T22:50:00.000Z'), event('urge-resisted', '2026-10-25T23:10:00.000Z')],
      daily: [],
    };
    expect(countsToday(dstLog, new Date(now), 'Europe/Berlin').urgesResisted).toBe(expected);
  });

  test('an empty log counts nothing', () => {
    expect(countsToday(EMPTY, new Date('2026-11-23T12:00:00.000Z'), 'UTC')).toEqual({ urgesResisted: 0, wentThrough: 0 });
  });
});

describe('totalCount', () => {
  const log: EventLog = {
    recent: [event('urge-resisted', '2026-11-23T09:00:00.000Z'), event('milestone', '2026-11-23T09:00:00.000Z', { days: 7 })],
    daily: [row('2026-11-20', { 'urge-resisted': 3, milestone: 1 }), row('2026-11-21', { 'went-through': 2 })],
  };
  test.each([
    ['urge-resisted', 4],
    ['went-through', 2],
    ['milestone', 2],
    ['contact-recorded', 0],
  ] as const)('%s: %i (recent + daily)', (type, expected) => {
    expect(totalCount(log, type)).toBe(expected);
  });
});

describe('urgeHistogram', () => {
  test('hours and weekdays from daily rows and recent events, in the zone given', () => {
    const log: EventLog = {
      // 2026-11-20 is a Friday (5): 2 urges at 08, 1 at 21.
      daily: [row('2026-11-20', { 'urge-resisted': 2, 'went-through': 1 }, { 8: 2, 21: 1 })],
      recent: [
        // Sunday 2026-11-22 23:30 UTC is Monday 00:30 in Berlin.
        event('urge-resisted', '2026-11-22T23:30:00.000Z'),
        event('went-through', '2026-11-23T07:00:00.000Z'),
        event('contact-recorded', '2026-11-23T07:00:00.000Z'),
      ],
    };
    const histogram = urgeHistogram(log, 'Europe/Berlin');
    expect(histogram.byHour).toHaveLength(24);
    expect(histogram.byWeekday).toEqual([0, 2, 0, 0, 0, 3, 0]);
    expect(histogram.byHour[0]).toBe(1);
    expect(histogram.byHour[8]).toBe(3);
    expect(histogram.byHour[21]).toBe(1);
    expect(histogram.byHour.reduce((a, b) => a + b, 0)).toBe(5);
  });
});

describe('bounded', () => {
  test('50,000 events stay under 1 MB as JSON and every total is kept exactly', () => {
    const types = EventTypeSchema.options;
    const expected = new Map<EventType, number>(types.map((type) => [type, 0]));
    const start = Date.UTC(2024, 0, 1, 5, 0);
    let log: EventLog = EMPTY;
    for (let i = 0; i < 50_000; i += 1) {
      // About 45 events a day for three years, at every hour, most of them urges.
      const type = types[i % 7 < 4 ? 0 : i % 7 === 4 ? 1 : (i % 3) + 2] ?? 'urge-resisted';
      expected.set(type, (expected.get(type) ?? 0) + 1);
      const at = new Date(start + i * 32 * 60_000).toISOString();
      log = appendEvent(log, { type, at, site: 'instagram', what: 'profile' }, 'Europe/Berlin');
    }
    expect(JSON.stringify(log).length).toBeLessThan(1_000_000);
    expect(log.recent.length).toBeLessThanOrEqual(RECENT_LIMIT);
    expect(log.daily.length).toBeLessThanOrEqual(DAILY_LIMIT);
    for (const type of types) expect(totalCount(log, type)).toBe(expected.get(type));
    const urges = (expected.get('urge-resisted') ?? 0) + (expected.get('went-through') ?? 0);
    const histogram = urgeHistogram(log, 'Europe/Berlin');
    expect(histogram.byHour.reduce((a, b) => a + b, 0)).toBe(urges);
    expect(histogram.byWeekday.reduce((a, b) => a + b, 0)).toBe(urges);
    expect(EventLogSchema.safeParse(log).success).toBe(true);
    // Not a timing assert: about 100 folds of 500 events, each converted to a local date and hour,
    // need more than vitest's default 5 s on a slow machine.
  }, 60_000);
});

describe('compactNearQuota: less detail when the space is nearly full', () => {
  const urges = (count: number, startMs = Date.parse('2026-01-01T12:00:00.000Z')) =>
    Array.from({ length: count }, (_, i) => event('urge-resisted', new Date(startMs + i * 3_600_000).toISOString()));
  const days = (count: number) =>
    Array.from({ length: count }, (_, i) => row(new Date(Date.UTC(2010, 0, 1 + i)).toISOString().slice(0, 10), { 'urge-resisted': 1 }));
  const total = (log: EventLog) => log.recent.length + log.daily.reduce((sum, r) => sum + (r.counts['urge-resisted'] ?? 0), 0);

  test.each([
    // why, log, recent kept, daily rows kept, every urge still counted
    ['within the near-quota bounds: unchanged', { recent: urges(200), daily: days(10) }, 200, 10, true],
    ['one event over: folded down to 100', { recent: urges(201), daily: [] }, NEAR_QUOTA_LOG_BOUNDS.recentAfterFold, undefined, true],
    ['2,000 events (the usual bound): folded down to 100', { recent: urges(2_000), daily: [] }, 100, undefined, true],
    ['ten years of daily rows: the oldest beyond five years go', { recent: [], daily: days(3_650) }, 0, NEAR_QUOTA_LOG_BOUNDS.dailyLimit, false],
  ])('%s', (_why, log, recentKept, dailyKept, totalsKept) => {
    const frozen = deepFreeze(log as EventLog);
    const next = compactNearQuota(frozen, 'Europe/Berlin');
    expect(next.recent).toHaveLength(recentKept);
    if (dailyKept !== undefined) expect(next.daily).toHaveLength(dailyKept);
    if (totalsKept) expect(total(next)).toBe(total(frozen));
    expect(EventLogSchema.safeParse(next).success).toBe(true);
    // The events kept one by one are the newest.
    expect(next.recent).toEqual(frozen.recent.slice(frozen.recent.length - recentKept));
  });

  test('the usual compaction keeps what the near-quota one folds', () => {
    const log = { recent: urges(1_000), daily: [] };
    expect(compact(log, 'UTC')).toBe(log);
    expect(compactNearQuota(log, 'UTC').recent).toHaveLength(100);
  });
});
