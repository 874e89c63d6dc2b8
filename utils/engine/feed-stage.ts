/**
 * The feed stage (`guard-feed.js`, modules/site-bundles.ts): the feed hider's code, lent to the
 * first stage through the isolated world (utils/engine/feed-port.ts). One bundle for every site:
 * the engine hands the hider the page's adapter.
 */
import { createFeedHider } from './feed-hider';
import { setFeedHiderFactory } from './feed-port';

export function startFeedStage(scope: object = globalThis): void {
  setFeedHiderFactory(createFeedHider, scope);
}
