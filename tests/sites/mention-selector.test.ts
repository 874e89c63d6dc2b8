/**
 * `feedItem.mentionSelector` lets the feed hider skip `authors()`, so it must never miss: for every
 * feed item in every fixture, each account `authors()` reads must match the item's mention
 * selector. And it should pass over items that name nobody guarded, or it saves nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, test } from 'vitest';
import { SITE_ADAPTERS } from '../../utils/sites/registry';
import type { ContactAccount, Handle } from '../../utils/sites/site-adapter';
import { blueskyAdapter } from '../../utils/sites/bluesky';
import { xAdapter } from '../../utils/sites/x';
import type { SiteScenario } from '../fixtures/sites/scenario-types';
import { loadFixture } from './site-table-runner';

const mentions = (item: Element, selector: string) => item.matches(selector) || item.querySelector(selector) !== null;

const scenarios = import.meta.glob<{ scenario: SiteScenario }>('../fixtures/sites/*/scenario.ts', { eager: true });
/** Each site's fixtures filled with its own guarded and other handles, as the e2e fixture server does. */
function peopleOf(site: string) {
  const scenario = Object.values(scenarios).find((m) => m.scenario.site === site)!.scenario;
  return { handle: scenario.guarded.handle, other: scenario.other };
}

const rows = SITE_ADAPTERS.filter((adapter) => adapter.feedItem?.mentionSelector).flatMap((adapter) =>
  readdirSync(resolve(process.cwd(), 'tests/fixtures/sites', adapter.id))
    .filter((file) => file.endsWith('.html'))
    .map((file) => [adapter.id, file, adapter] as const),
);

describe('mentionSelector never misses an author', () => {
  test('some adapter declares one', () => expect(rows.length).toBeGreaterThan(0));

  test.each(rows)('%s %s', (_site, file, adapter) => {
    const doc = loadFixture(adapter.id, file, `https://${adapter.hosts[0]}/`, peopleOf(adapter.id));
    const rule = adapter.feedItem!;
    let checked = 0;
    for (const item of doc.querySelectorAll(rule.selector)) {
      for (const ref of rule.authors(item)) {
        const account = { handle: ref.handle ?? ('nobody_here' as Handle), ...(ref.stableId && { stableId: ref.stableId }) };
        expect(mentions(item, rule.mentionSelector!(account)), `${item.outerHTML.slice(0, 120)} by ${JSON.stringify(ref)}`).toBe(true);
        // A stable id alone names them too (the handle may have changed since it was stored).
        if (ref.stableId) expect(mentions(item, rule.mentionSelector!({ handle: 'nobody_here' as Handle, stableId: ref.stableId }))).toBe(true);
        checked++;
      }
    }
    if (file === 'feed.html') expect(checked).toBeGreaterThan(0);
  });
});

describe('x: mentionSelector passes over items that name nobody guarded', () => {
  const guarded: ContactAccount = { handle: 'bench_guarded_x' as Handle, stableId: '987654321' };

  test('every post of the bench busy feed', () => {
    // The bench fixture builds its posts in a script; this is the same markup for a few of them.
    const html = readFileSync(join(process.cwd(), 'bench/fixtures/busy-feed.html'), 'utf8');
    const post = /function post\(n\) \{([\s\S]*?)\n {6}\}/.exec(html)![1]!;
    const build = new Function('n', post) as (n: number) => string;
    const window = new Window({ url: 'https://x.com/home' });
    window.document.body.innerHTML = [0, 1, 96, 4999].map(build).join('');
    const items = [...window.document.querySelectorAll(xAdapter.feedItem!.selector)] as unknown as Element[];
    expect(items).toHaveLength(4);
    for (const item of items) expect(mentions(item, xAdapter.feedItem!.mentionSelector!(guarded))).toBe(false);
  });

  test.each([
    ['their handle in another case', '<article data-testid="tweet"><a href="/Bench_Guarded_X">x</a></article>', true],
    ['an absolute link', '<article data-testid="tweet"><a href="https://twitter.com/bench_guarded_x/status/1">x</a></article>', true],
    ['an encoded intent link', '<article data-testid="tweet"><a href="/intent/user?screen_name=%62ench_guarded_x">x</a></article>', true],
    ['their avatar only', '<article data-testid="tweet"><div data-testid="UserAvatar-Container-bench_guarded_x"></div></article>', true],
    ['their follow button only', '<div data-testid="UserCell"><button data-testid="987654321-follow"></button></div>', true],
    ['someone else', '<article data-testid="tweet"><a href="/alex_other">x</a><div data-testid="UserAvatar-Container-alex_other"></div></article>', false],
  ])('%s → %s', (_why, html, expected) => {
    const window = new Window({ url: 'https://x.com/home' });
    window.document.body.innerHTML = html;
    const item = window.document.body.firstElementChild as unknown as Element;
    expect(mentions(item, xAdapter.feedItem!.mentionSelector!(guarded))).toBe(expected);
  });
});

describe('bluesky: mentionSelector', () => {
  const guarded: ContactAccount = { handle: 'sam.bsky.social' as Handle, stableId: 'did:plc:abcdefghijklmnopqrstuvwx' };

  test.each([
    ['their post', '<div data-testid="feedItem-by-sam.bsky.social"></div>', true],
    ['their post, handle in another case', '<div data-testid="feedItem-by-Sam.Bsky.Social"></div>', true],
    ['a repost of theirs by someone else', '<div data-testid="feedItem-by-alex.bsky.social"><a href="/profile/sam.bsky.social/post/3k">x</a></div>', true],
    ['by DID, percent-encoded', '<div data-testid="feedItem-by-alex.bsky.social"><a href="/profile/did%3Aplc%3Aabcdefghijklmnopqrstuvwx/post/3k">x</a></div>', true],
    ['someone else', '<div data-testid="feedItem-by-alex.bsky.social"><a href="/profile/alex.bsky.social">x</a></div>', false],
  ])('%s → %s', (_why, html, expected) => {
    const window = new Window({ url: 'https://bsky.app/' });
    window.document.body.innerHTML = html;
    const item = window.document.body.firstElementChild as unknown as Element;
    expect(mentions(item, blueskyAdapter.feedItem!.mentionSelector!(guarded))).toBe(expected);
  });
});
