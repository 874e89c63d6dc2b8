import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, test } from 'vitest';
import { feedHidingFlagged, setFeedHidingFlag } from '../../../utils/engine/feed-hiding-flag';
import { coverFlagged, setCoverFlag } from '../../../utils/engine/stage-port';

// The one-line files the background registers before the guard, and the flags the guard reads.
describe.each([
  ['feed-hiding-flag.js', feedHidingFlagged, setFeedHidingFlag],
  ['cover-flag.js', coverFlagged, setCoverFlag],
])('%s', (file, flagged, setFlag) => {
  test('the public flag file sets exactly the flag the guard reads', () => {
    const source = readFileSync(join(import.meta.dirname, '../../../public/content-scripts', file), 'utf8');
    const world: Record<PropertyKey, unknown> = {};
    expect(flagged(world)).toBe(false);
    runInNewContext(source, { globalThis: world, Symbol });
    expect(flagged(world)).toBe(true);
  });

  test('the guard reads no flag where none was set', () => {
    const world = {};
    expect(flagged(world)).toBe(false);
    setFlag(world);
    expect(flagged(world)).toBe(true);
  });
});

test('the two flags are apart: one never reads as the other', () => {
  const world = {};
  setCoverFlag(world);
  expect(feedHidingFlagged(world)).toBe(false);
});
