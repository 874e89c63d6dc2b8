import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { expect, test } from 'vitest';
import { feedHidingFlagged, setFeedHidingFlag } from '../../../utils/engine/feed-hiding-flag';

test('the public flag file sets exactly the flag the guard reads', () => {
  const source = readFileSync(join(import.meta.dirname, '../../../public/content-scripts/feed-hiding-flag.js'), 'utf8');
  const world: Record<PropertyKey, unknown> = {};
  expect(feedHidingFlagged(world)).toBe(false);
  runInNewContext(source, { globalThis: world, Symbol });
  expect(feedHidingFlagged(world)).toBe(true);
});

test('the guard reads no flag where none was set', () => {
  const world = {};
  expect(feedHidingFlagged(world)).toBe(false);
  setFeedHidingFlag(world);
  expect(feedHidingFlagged(world)).toBe(true);
});
