import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { expect, test } from 'vitest';
import { createFeedHider } from '../../../utils/engine/feed-hider';
import { feedHiderFactory } from '../../../utils/engine/feed-port';
import { startFeedStage } from '../../../utils/engine/feed-stage';
import { coverFlagged, setCoverFlag } from '../../../utils/engine/stage-port';

// What the background runs before a site's first stage, and what the first stage reads of it.
test('the public cover flag file sets exactly the flag the guard reads', () => {
  const source = readFileSync(join(import.meta.dirname, '../../../public/content-scripts/cover-flag.js'), 'utf8');
  const world: Record<PropertyKey, unknown> = {};
  expect(coverFlagged(world)).toBe(false);
  runInNewContext(source, { globalThis: world, Symbol });
  expect(coverFlagged(world)).toBe(true);
});

test('the feed stage leaves the feed hider where the first stage finds it', () => {
  const world = {};
  expect(feedHiderFactory(world)).toBeUndefined();
  startFeedStage(world);
  expect(feedHiderFactory(world)).toBe(createFeedHider);
});

test.each([
  ['the cover flag is no feed stage', (world: object) => setCoverFlag(world), feedHiderFactory, undefined],
  ['the feed stage is no cover flag', (world: object) => startFeedStage(world), coverFlagged, false],
] as const)('%s', (_why, set, read, nothing) => {
  const world = {};
  set(world);
  expect(read(world)).toBe(nothing);
});
