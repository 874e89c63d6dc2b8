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
import { instagramAdapter } from '../../utils/sites/instagram';
import { linkedinAdapter } from '../../utils/sites/linkedin';
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

describe('instagram: mentionSelector', () => {
  const guarded: ContactAccount = { handle: 'sam_rivers_x' as Handle };

  test.each([
    ['their post', '<article><header><a href="/sam_rivers_x/">x</a></header></article>', true],
    ['their handle in another case', '<article><header><a href="/Sam_Rivers_X/">x</a></header></article>', true],
    ['an absolute deep link', '<article><a href="https://instagram.com/_u/sam_rivers_x">x</a></article>', true],
    ['their post link only', '<article><a href="/sam_rivers_x/p/Cguarded001/">x</a></article>', true],
    ['a percent-encoded link', '<article><header><a href="/%73am_rivers_x/">x</a></header></article>', true],
    ['a line break inside the name', '<article><header><a href="/sam_ri\nvers_x/">x</a></header></article>', true],
    ['their story ring', '<div role="button" aria-label="Story by sam_rivers_x, not seen"></div>', true],
    ['their story ring, another case', '<div role="button" aria-label="Story by Sam_Rivers_X, not seen"></div>', true],
    ['someone else', '<article><header><a href="/alex_other/">x</a></header><a href="/alex_other/p/Cother0001/">x</a></article>', false],
    ['someone else\'s story ring', '<div role="button" aria-label="Story by alex_other, not seen"></div>', false],
  ])('%s → %s', (_why, html, expected) => {
    const window = new Window({ url: 'https://www.instagram.com/' });
    window.document.body.innerHTML = html;
    const item = window.document.body.firstElementChild as unknown as Element;
    expect(mentions(item, instagramAdapter.feedItem!.mentionSelector!(guarded))).toBe(expected);
  });
});

describe('linkedin: mentionSelector', () => {
  const memberId = 'ACoAABcdEfGhIjKlMnOp';
  const guarded: ContactAccount = { handle: 'sam-rivers-k' as Handle, stableId: memberId };
  const post = (href: string) => `<div role="listitem"><a data-view-name="feed-actor-image" href="${href}">x</a></div>`;

  test.each([
    ['their post', post('/in/sam-rivers-k/'), true],
    ['their vanity in another case', post('https://www.linkedin.com/in/Sam-Rivers-K/'), true],
    ['their vanity percent-encoded', post('/in/%73am-rivers-k/'), true],
    ['their member id in the path', post(`/in/${memberId}/`), true],
    ['their member id in the query, percent-encoded', post(`/in/someone-new/?profileUrn=urn%3Ali%3Afsd_profile%3A${memberId}`), true],
    ['their member id in the query', post(`/in/someone-new/?profileUrn=urn:li:fsd_profile:${memberId}`), true],
    ['a tab inside the vanity', post('/in/sam-riv\ters-k/'), true],
    ['a Kelvin sign for their k', post('/in/sam-rivers-\u212a/'), true],
    ['their comment', `<article class="comments-comment-entity"><a href="/in/sam-rivers-k/">x</a></article>`, true],
    ['liked by them', `<div role="listitem">${post('/in/alex-other/')}<a data-view-name="feed-header-actor-image" href="/in/SAM-RIVERS-K">x</a></div>`, true],
    ['someone else', post('/in/alex-other/?profileUrn=urn:li:fsd_profile:ACoAAXyzXyzXyzXyz'), false],
    ['their member id in another case (another member)', post(`/in/${memberId.toLowerCase()}/`), false],
  ])('%s → %s', (_why, html, expected) => {
    const window = new Window({ url: 'https://www.linkedin.com/feed/' });
    window.document.body.innerHTML = html;
    const item = window.document.body.firstElementChild as unknown as Element;
    expect(mentions(item, linkedinAdapter.feedItem!.mentionSelector!(guarded))).toBe(expected);
  });

  test('every row it should match, authors() reads them from', () => {
    // The tricky spellings above are real: the adapter reads the guarded account from each.
    for (const href of ['/in/%73am-rivers-k/', '/in/sam-riv\ters-k/', '/in/sam-rivers-\u212a/', `/in/x-y-z/?profileUrn=urn%3Ali%3Afsd_profile%3A${memberId}`]) {
      const window = new Window({ url: 'https://www.linkedin.com/feed/' });
      window.document.body.innerHTML = post(href);
      const item = window.document.body.firstElementChild as unknown as Element;
      const refs = linkedinAdapter.feedItem!.authors(item);
      expect(refs.some((ref) => ref.handle === guarded.handle || ref.stableId === memberId), href).toBe(true);
    }
  });

  test('a vanity beyond ASCII matches every link (CSS cannot fold its case)', () => {
    const window = new Window({ url: 'https://www.linkedin.com/feed/' });
    window.document.body.innerHTML = post('/in/\u00d1and\u00da-x/');
    const item = window.document.body.firstElementChild as unknown as Element;
    const account = { handle: linkedinAdapter.normalizeHandle('\u00f1and\u00fa-x')! };
    expect(linkedinAdapter.feedItem!.authors(item).map((ref) => ref.handle)).toContain(account.handle);
    expect(mentions(item, linkedinAdapter.feedItem!.mentionSelector!(account))).toBe(true);
  });
});
