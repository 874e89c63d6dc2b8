import { expect, test } from 'vitest';
import { createProbeWatch, PROBE_DISTINCT_PAGES, PROBE_HOLD_MS, PROBE_WINDOW_MS } from '../../../utils/engine/probe-watch';

/** Moves as [ms after the previous move, who the page names]; the answer for each move. */
test.each<[string, [number, string | undefined][], boolean[]]>([
  ['a person going back and forth between two people, fast', Array.from({ length: 12 }, (_, i) => [50, i % 2 ? 'a' : 'b']), Array(12).fill(false)],
  ['different people, one a second: a person browsing', Array.from({ length: 8 }, (_, i) => [1_000, `p${i}`]), Array(8).fill(false)],
  [
    `${PROBE_DISTINCT_PAGES + 1} different people within the window: a probe from then on`,
    Array.from({ length: PROBE_DISTINCT_PAGES + 3 }, (_, i) => [10, `p${i}`]),
    Array.from({ length: PROBE_DISTINCT_PAGES + 3 }, (_, i) => i >= PROBE_DISTINCT_PAGES),
  ],
  [
    'once probing, a page about no one is covered alike, and a pause shorter than the hold keeps it',
    [...Array.from({ length: PROBE_DISTINCT_PAGES + 1 }, (_, i): [number, string] => [10, `p${i}`]), [10, undefined], [PROBE_HOLD_MS - 1, 'p0']],
    [...Array(PROBE_DISTINCT_PAGES).fill(false), true, true, true],
  ],
  [
    'after the hold without a move, a person is a person again',
    [...Array.from({ length: PROBE_DISTINCT_PAGES + 1 }, (_, i): [number, string] => [10, `p${i}`]), [PROBE_HOLD_MS, 'p0']],
    [...Array(PROBE_DISTINCT_PAGES).fill(false), true, false],
  ],
  [
    'the same number of people spread wider than the window',
    Array.from({ length: PROBE_DISTINCT_PAGES + 1 }, (_, i) => [PROBE_WINDOW_MS / PROBE_DISTINCT_PAGES, `p${i}`]),
    Array(PROBE_DISTINCT_PAGES + 1).fill(false),
  ],
])('%s', (_name, moves, expected) => {
  let now = 1_000_000;
  const watch = createProbeWatch(() => now);
  const answers = moves.map(([after, who]) => {
    now += after;
    return watch.onMove(who);
  });
  expect(answers).toEqual(expected);
});
