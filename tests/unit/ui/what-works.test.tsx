import { describe, expect, test } from 'vitest';
import type { EventLog } from '../../../utils/data/schema';
import { whatWorks } from '../../../utils/ui/what-works';

const hours = (counts: Record<number, number> = {}) => Array.from({ length: 24 }, (_, hour) => counts[hour] ?? 0);

describe('whatWorks', () => {
  const log: EventLog = {
    daily: [{ date: '2026-11-01', counts: { 'urge-resisted': 3, 'went-through': 2 }, urgeHours: hours({ 22: 5 }) }],
    recent: [
      { type: 'urge-resisted', at: '2026-11-09T23:30:00.000Z' },
      { type: 'urge-resisted', at: '2026-11-10T08:00:00.000Z', way: 'plan' },
      { type: 'urge-resisted', at: '2026-11-16T20:00:00.000Z', way: 'friend' },
      { type: 'urge-resisted', at: '2026-11-16T21:00:00.000Z', way: 'wave' },
      { type: 'went-through', at: '2026-11-16T22:00:00.000Z', what: 'profile' },
      { type: 'journal-entry', at: '2026-11-16T22:30:00.000Z' },
      { type: 'milestone', at: '2026-11-16T22:40:00.000Z', days: 7 },
    ],
  };

  test('each way a pause ended, counted from the recent log (writing from journal entries; milestones are not pauses)', () => {
    expect(whatWorks(log, 'UTC').ways).toEqual({ back: 1, plan: 1, friend: 1, wave: 1, writing: 1, continue: 1 });
  });

  test('by part of the day, in the person’s zone', () => {
    const utc = whatWorks(log, 'UTC').byPartOfDay;
    expect(utc.evening).toMatchObject({ back: 1, friend: 1, wave: 1, continue: 1, writing: 1 });
    expect(utc.morning.plan).toBe(1);
    // 23:30 UTC on Nov 9 is 00:30 in Berlin: night, not evening.
    expect(whatWorks(log, 'Europe/Berlin').byPartOfDay.night.back).toBe(1);
  });

  test('week by week since the first logged day, compacted days included, empty weeks kept', () => {
    expect(whatWorks(log, 'UTC').weeks).toEqual([
      { start: '2026-11-01', letPass: 3, wentOn: 2 },
      { start: '2026-11-08', letPass: 2, wentOn: 0 },
      { start: '2026-11-15', letPass: 2, wentOn: 1 },
    ]);
  });

  test('an empty log has no weeks and no ways', () => {
    const empty = whatWorks({ recent: [], daily: [] }, 'UTC');
    expect(empty.weeks).toEqual([]);
    expect(Object.values(empty.ways).every((count) => count === 0)).toBe(true);
  });
});

describe('WhatWorks (the options view)', () => {
  test('the trend since the first week in words, the ways used, and a week-by-week table', async () => {
    const { render } = await import('preact');
    const { act } = await import('preact/test-utils');
    const { WhatWorks } = await import('../../../components/options/WhatWorks');
    const root = document.createElement('div');
    const model = whatWorks(
      {
        daily: [{ date: '2026-11-01', counts: { 'urge-resisted': 1, 'went-through': 3 }, urgeHours: hours() }],
        recent: [
          { type: 'urge-resisted', at: '2026-11-09T10:00:00.000Z', way: 'plan' },
          { type: 'urge-resisted', at: '2026-11-09T11:00:00.000Z' },
        ],
      },
      'UTC',
    );
    act(() => render(<WhatWorks model={model} locale="en-GB" />, root));
    expect(root.querySelector('[data-testid="what-works-trend"]')?.textContent).toBe(
      'In your first week, 1 of 4 urges passed by. In the latest week, 2 of 2.',
    );
    expect([...root.querySelectorAll('[data-testid="what-works-ways"] li')].map((li) => li.textContent)).toEqual(['Went back: 1', 'Your plan: 1']);
    expect(root.querySelectorAll('[data-testid="what-works-weeks"] tbody tr')).toHaveLength(2);
    render(null, root);
  });

  test('years of weeks: the latest weeks first drawn, then earlier ones on "show earlier weeks", until every week is there', async () => {
    const { render } = await import('preact');
    const { act } = await import('preact/test-utils');
    const { WEEKS_PAGE, WhatWorks } = await import('../../../components/options/WhatWorks');
    const root = document.createElement('div');
    const daily = Array.from({ length: 30 }, (_, week) => ({ date: new Date(Date.UTC(2026, 0, 1) + week * 7 * 86_400_000).toISOString().slice(0, 10), counts: { 'urge-resisted': week }, urgeHours: hours() }));
    const model = whatWorks({ daily, recent: [] }, 'UTC');
    act(() => render(<WhatWorks model={model} locale="en-GB" />, root));
    const letPass = () => [...root.querySelectorAll('[data-testid="what-works-weeks"] tbody tr td:first-of-type')].map((td) => Number(td.textContent));
    expect(letPass()).toEqual(Array.from({ length: WEEKS_PAGE }, (_, i) => 30 - WEEKS_PAGE + i));
    expect(root.querySelector('[data-testid="what-works-earlier"]')?.textContent).toContain(String(30 - WEEKS_PAGE));
    while (root.querySelector('[data-testid="what-works-earlier"]')) {
      act(() => (root.querySelector('[data-testid="what-works-earlier"]') as HTMLButtonElement).click());
    }
    expect(letPass()).toEqual(Array.from({ length: 30 }, (_, i) => i));
    render(null, root);
  });
});
