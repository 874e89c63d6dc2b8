/**
 * The feed stage's meeting point (issue "Fast where it matters", item 1: the first stage's 8 kB):
 * the feed hider (utils/engine/feed-hider.ts, with its placeholder) is needed only where someone's
 * posts are hidden from feeds, so it is its own bundle, `guard-feed.js`, one for every site (it
 * carries no adapter: the engine hands it the page's). The background registers it just before
 * the site's first stage where someone's feed is hidden (utils/background/registration.ts), and
 * injects it into an open tab when that becomes so (utils/background/start-background.ts).
 *
 * It puts its factory on a symbol of the content scripts' own (isolated) world, never visible to
 * the page: found there as the first stage starts, it is also the flag that says "hide every feed
 * item until the guarded list has loaded", so a guarded person's post never paints for a frame
 * (tests/e2e/feed-hiding.e2e.ts saw exactly that in Firefox, 2026-11).
 *
 * Types only from the hider: the first stage imports this file, never the hider's code.
 */
import type { createFeedHider } from './feed-hider';

export type CreateFeedHider = typeof createFeedHider;

export const FEED_PORT = Symbol.for('no-contact-guard.feed');

/** Asks the background to inject the feed stage into this frame now (utils/background/start-background.ts). */
export const GUARD_FEED_WANTED = 'guard-feed-wanted';

/** The feed hider's factory, when the feed stage has run in this world. */
export function feedHiderFactory(scope: object = globalThis): CreateFeedHider | undefined {
  const found = (scope as Record<symbol, unknown>)[FEED_PORT];
  return typeof found === 'function' ? (found as CreateFeedHider) : undefined;
}

/** What the feed stage does as it runs. */
export function setFeedHiderFactory(create: CreateFeedHider, scope: object = globalThis): void {
  (scope as Record<symbol, unknown>)[FEED_PORT] = create;
}
