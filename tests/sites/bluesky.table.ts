/**
 * Bluesky URL shapes and handle rules. Source: docs/sites/bluesky.md (social-app src/routes.ts
 * @706613b7, src/lib/strings/handles.ts @a4c4e9ae, src/lib/routes/links.ts @9a542b76).
 */
import { describe, expect, test } from 'vitest';
import { classifyPress, ownerOfPath } from '../../utils/engine/control-guard';
import { blueskyAdapter } from '../../utils/sites/bluesky';
import { loadFixture, pathOf } from './site-table-runner';
import type { Handle } from '../../utils/sites/site-adapter';
import type { HandleRow, MentionRows, SiteTable, UrlRow } from './site-table-runner';

const DID = 'did:plc:abcdefghijklmnopqrstuvwx';

export const blueskyUrlRows: UrlRow[] = [
  { url: 'https://bsky.app/profile/sam-rivers.bsky.social', expect: { kind: 'profile', handle: 'sam-rivers.bsky.social' }, why: 'profile' },
  { url: 'https://bsky.app/profile/sam-rivers.bsky.social/', expect: { kind: 'profile', handle: 'sam-rivers.bsky.social' }, why: 'trailing slash' },
  { url: 'https://bsky.app/profile/Sam-Rivers.BSKY.social', expect: { kind: 'profile', handle: 'sam-rivers.bsky.social' }, why: 'handles ignore case' },
  { url: 'https://bsky.app/profile/samrivers.example.com?ref=share#x', expect: { kind: 'profile', handle: 'samrivers.example.com' }, why: 'own-domain handle, query and hash' },
  { url: `https://bsky.app/profile/${DID}`, expect: { kind: 'profile', stableId: DID }, why: 'profile by DID' },
  { url: 'https://bsky.app/profile/did%3Aplc%3Aabcdefghijklmnopqrstuvwx', expect: { kind: 'profile', stableId: DID }, why: 'percent-encoded DID' },
  { url: 'https://bsky.app/profile/did:web:sam.example.com', expect: { kind: 'profile', stableId: 'did:web:sam.example.com' }, why: 'did:web' },
  { url: 'https://bsky.app/profile/sam-rivers.bsky.social/followers', expect: { kind: 'profile', handle: 'sam-rivers.bsky.social' }, why: 'profile tab' },
  { url: 'https://bsky.app/profile/sam-rivers.bsky.social/lists/3kabc', expect: { kind: 'profile', handle: 'sam-rivers.bsky.social' }, why: 'their list' },
  { url: 'https://bsky.app/profile/sam-rivers.bsky.social/rss', expect: { kind: 'profile', handle: 'sam-rivers.bsky.social' }, why: 'their feed as RSS' },
  { url: 'https://bsky.app/profile/sam-rivers.bsky.social/post/3kxyzabcdef2a', expect: { kind: 'post', handle: 'sam-rivers.bsky.social' }, why: 'post: the author is :name' },
  { url: `https://bsky.app/profile/${DID}/post/3kxyzabcdef2a`, expect: { kind: 'post', stableId: DID }, why: 'post by DID' },
  { url: 'https://bsky.app/profile/sam-rivers.bsky.social/post/3kxyzabcdef2a/liked-by', expect: { kind: 'post', handle: 'sam-rivers.bsky.social' }, why: 'post sub-page' },
  { url: 'https://bsky.app/starter-pack/sam-rivers.bsky.social/3kpack', expect: { kind: 'profile', handle: 'sam-rivers.bsky.social' }, why: 'their starter pack' },
  { url: 'https://bsky.app/messages/3l2abcdefgh', expect: { kind: 'messages' }, why: 'DM thread: opaque id, the page says whose' },
  { url: 'https://bsky.app/', expect: undefined, why: 'home' },
  { url: 'https://bsky.app/messages', expect: undefined, why: 'DM inbox' },
  { url: 'https://bsky.app/messages/settings', expect: undefined, why: 'DM settings' },
  { url: 'https://bsky.app/search?q=sam-rivers.bsky.social', expect: undefined, why: 'a search naming someone is not their page' },
  { url: 'https://bsky.app/notifications', expect: undefined, why: 'app route' },
  { url: 'https://bsky.app/settings/account', expect: undefined, why: 'app route' },
  { url: 'https://bsky.app/hashtag/sunday', expect: undefined, why: 'app route' },
  { url: 'https://bsky.app/profile', expect: undefined, why: 'no name' },
  { url: 'https://bsky.app/profile/sam_rivers', expect: undefined, why: 'not a domain: no dot, underscore' },
  { url: 'https://bsky.app/sam-rivers.bsky.social', expect: undefined, why: 'handles only come after /profile/' },
  { url: 'https://sam-rivers.bsky.social/', expect: undefined, why: 'the handle domain itself is not the app' },
  { url: 'https://staging.bsky.app/profile/sam-rivers.bsky.social', expect: undefined, why: 'other host: not where the content script runs' },
  { url: 'https://bsky.app.evil.example/profile/sam-rivers.bsky.social', expect: undefined, why: 'look-alike host' },
];

export const blueskyHandleRows: HandleRow[] = [
  { raw: 'sam-rivers.bsky.social', expect: 'sam-rivers.bsky.social', why: 'plain' },
  { raw: '@Sam-Rivers.bsky.social', expect: 'sam-rivers.bsky.social', why: 'at sign and case' },
  { raw: ' sam-rivers.bsky.social/ ', expect: 'sam-rivers.bsky.social', why: 'spaces and trailing slash' },
  { raw: 'samrivers.example.com', expect: 'samrivers.example.com', why: 'own domain' },
  { raw: 'sam-rivers', expect: undefined, why: 'no domain' },
  { raw: 'sam_rivers.bsky.social', expect: undefined, why: 'underscore is not allowed in domain labels' },
  { raw: 'sam.123', expect: undefined, why: 'the last label starts with a letter' },
  { raw: '-sam.bsky.social', expect: undefined, why: 'a label cannot start with a hyphen' },
  { raw: DID, expect: undefined, why: 'a DID is a stable id, not a handle' },
  { raw: '', expect: undefined, why: 'empty' },
];

/** Items that do and do not name the guarded account, for its mention selector (mention-selector.test.ts). */
const mentionRows: MentionRows = {
  guarded: { handle: 'sam.bsky.social' as Handle, stableId: 'did:plc:abcdefghijklmnopqrstuvwx' },
  base: 'https://bsky.app/',
  rows: [
  ['their post', '<div data-testid="feedItem-by-sam.bsky.social"></div>', true],
  ['their post, handle in another case', '<div data-testid="feedItem-by-Sam.Bsky.Social"></div>', true],
  ['a repost of theirs by someone else', '<div data-testid="feedItem-by-alex.bsky.social"><a href="/profile/sam.bsky.social/post/3k">x</a></div>', true],
  ['by DID, percent-encoded', '<div data-testid="feedItem-by-alex.bsky.social"><a href="/profile/did%3Aplc%3Aabcdefghijklmnopqrstuvwx/post/3k">x</a></div>', true],
  ['someone else', '<div data-testid="feedItem-by-alex.bsky.social"><a href="/profile/alex.bsky.social">x</a></div>', false],
  ],
};

/** The checks this site needs beyond its rows and its scenario (fixture rows, its own quirks). */
function checks(): void {
  const people = { handle: 'sam-rivers.bsky.social', other: 'alex-other.bsky.social' };
  const load = (file: string, url: string) => loadFixture('bluesky', file, url, people);
  const click = () => new MouseEvent('click', { bubbles: true, composed: true });
  const namesOf = (item: Element) => blueskyAdapter.feedItem!.authors(item).map((ref) => ref.handle ?? ref.stableId);
  const guardedPost = `[data-testid="feedItem-by-${people.handle}"]:not(#repost-by-other *)`;


  describe('bluesky: feed items in feed.html', () => {
    const doc = load('feed.html', 'https://bsky.app/');
    const items = [...doc.querySelectorAll(blueskyAdapter.feedItem!.selector)];

    test.each([
      ['post by the guarded person', guardedPost, [people.handle]],
      ['post by someone else that mentions them: a mention is not authorship', `[data-testid="feedItem-by-${people.other}"]:not(#quote-by-other *)`, [people.other]],
      ['their post, reposted by someone else: author first, then the reposter', '#repost-by-other > *', [people.handle, people.other]],
      ['a quote of their post: the quoting author first', '#quote-by-other > *', [people.other, people.handle]],
    ])('%s', (_why, selector, expected) => {
      const item = doc.querySelector(selector)!;
      expect(items).toContain(item);
      expect(namesOf(item)).toEqual(expected);
    });

    test('the fixture has four items, each with an author', () => {
      expect(items).toHaveLength(4);
      for (const item of items) expect(namesOf(item).length).toBeGreaterThan(0);
    });

    test.each([
      ['[data-testid="likeBtn"]', 'like'],
      ['[data-testid="replyBtn"]', 'reply'],
      ['[data-testid="repostBtn"]', 'repost'],
      ['[data-testid="postShareBtn"]', 'share'],
      ['[data-testid="postDropdownBtn"]', undefined],
      ['[data-testid="contentHider-post"]', undefined],
      ['a[href*="/post/"]', undefined],
    ])('%s → %s, owned by the post author', (selector, action) => {
      const element = doc.querySelector(`${guardedPost} ${selector}`)!;
      const inner = element.firstElementChild ?? element;
      expect(classifyPress(blueskyAdapter, pathOf(inner), click())?.action).toBe(action);
      expect(ownerOfPath(blueskyAdapter, pathOf(inner))?.handle).toBe(people.handle);
    });

    test('a mention link parses to the guarded person (the engine guards the link)', () => {
      const mention = doc.querySelector(`[data-testid="contentHider-post"] a[href="/profile/${people.handle}"]`)!;
      expect(blueskyAdapter.parseUrl(new URL(mention.getAttribute('href')!, 'https://bsky.app/'))).toEqual({ kind: 'profile', handle: people.handle });
    });
  });

  describe('bluesky: profile.html and post.html', () => {
    test.each([
      ['[data-testid="followBtn"]', 'follow'],
      ['[data-testid="dmBtn"]', 'message'],
      ['h1', undefined],
    ])('profile: %s → %s', (selector, action) => {
      const doc = load('profile.html', `https://bsky.app/profile/${people.handle}`);
      expect(classifyPress(blueskyAdapter, pathOf(doc.querySelector(selector)!), click())?.action).toBe(action);
    });

    test.each([
      ['repostDropdownRepostBtn', 'repost'],
      ['repostDropdownQuoteBtn', 'quote'],
      ['shareBtn', 'share'],
      ['unfollowBtn', undefined],
      ['dmBtnLoading', undefined],
    ])('menu items and older names: %s → %s', (testId, action) => {
      const doc = load('profile.html', `https://bsky.app/profile/${people.handle}`);
      const element = doc.createElement('div');
      element.setAttribute('data-testid', testId);
      doc.body.append(element);
      expect(classifyPress(blueskyAdapter, pathOf(element), click())?.action).toBe(action);
    });

    test('thread items are feed items with their author', () => {
      const doc = load('post.html', `https://bsky.app/profile/${people.handle}/post/3kguarded0001`);
      const items = [...doc.querySelectorAll(blueskyAdapter.feedItem!.selector)];
      expect(items.map(namesOf)).toEqual([[people.handle], [people.other]]);
    });
  });

  describe('bluesky: pageOwner', () => {
    test.each([
      ['messages.html', 'https://bsky.app/messages/3l2abcdefgh', { kind: 'messages', handle: people.handle }],
      ['feed.html', 'https://bsky.app/', undefined],
    ])('%s at %s', (file, url, expected) => {
      expect(blueskyAdapter.pageOwner!(load(file, url))).toEqual(expected);
    });
  });
}

export const table: SiteTable = { urls: blueskyUrlRows, handles: blueskyHandleRows, checks, mentions: mentionRows };
