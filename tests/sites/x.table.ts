/**
 * X URL shapes and handle rules. Source: docs/sites/x.md (CPFT script.js @0962235a, 2026-08-17).
 */
import { describe, expect, test } from 'vitest';
import { classifyPress, classifyShortcut, ownerOfPath } from '../../utils/engine/control-guard';
import { xAdapter } from '../../utils/sites/x';
import { loadFixture, mentions, pathOf } from './site-table-runner';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import type { Handle } from '../../utils/sites/site-adapter';
import type { HandleRow, MentionRows, SiteTable, UrlRow } from './site-table-runner';

export const xUrlRows: UrlRow[] = [
  { url: 'https://x.com/sam_rivers_x', expect: { kind: 'profile', handle: 'sam_rivers_x' }, why: 'profile' },
  { url: 'https://x.com/sam_rivers_x/', expect: { kind: 'profile', handle: 'sam_rivers_x' }, why: 'trailing slash' },
  { url: 'https://x.com/Sam_Rivers_X', expect: { kind: 'profile', handle: 'sam_rivers_x' }, why: 'handles ignore case' },
  { url: 'https://x.com/sam_rivers_x?s=20&t=abc', expect: { kind: 'profile', handle: 'sam_rivers_x' }, why: 'share tracking query' },
  { url: 'https://x.com/sam_rivers_x#top', expect: { kind: 'profile', handle: 'sam_rivers_x' }, why: 'hash' },
  { url: 'https://twitter.com/sam_rivers_x', expect: { kind: 'profile', handle: 'sam_rivers_x' }, why: 'old host' },
  { url: 'https://mobile.x.com/sam_rivers_x', expect: { kind: 'profile', handle: 'sam_rivers_x' }, why: 'mobile host' },
  { url: 'https://mobile.twitter.com/sam_rivers_x', expect: { kind: 'profile', handle: 'sam_rivers_x' }, why: 'old mobile host' },
  { url: 'https://www.x.com/sam_rivers_x', expect: { kind: 'profile', handle: 'sam_rivers_x' }, why: 'www host' },
  { url: 'https://x.com/sam_rivers_x/with_replies', expect: { kind: 'profile', handle: 'sam_rivers_x' }, why: 'profile tab' },
  { url: 'https://x.com/sam_rivers_x/media', expect: { kind: 'profile', handle: 'sam_rivers_x' }, why: 'profile tab' },
  { url: 'https://x.com/sam_rivers_x/likes', expect: { kind: 'profile', handle: 'sam_rivers_x' }, why: 'profile tab' },
  { url: 'https://x.com/sam_rivers_x/followers', expect: { kind: 'profile', handle: 'sam_rivers_x' }, why: 'their network' },
  { url: 'https://x.com/sam_rivers_x/lists', expect: { kind: 'profile', handle: 'sam_rivers_x' }, why: 'their lists' },
  { url: 'https://x.com/a', expect: { kind: 'profile', handle: 'a' }, why: 'legacy one-letter handle' },
  { url: 'https://x.com/sam_rivers_x/status/1790000000000000000', expect: { kind: 'post', handle: 'sam_rivers_x' }, why: 'post: the handle segment is the author' },
  { url: 'https://x.com/Sam_Rivers_X/status/1790000000000000000?s=46', expect: { kind: 'post', handle: 'sam_rivers_x' }, why: 'post with case and query' },
  { url: 'https://x.com/sam_rivers_x/status/1790000000000000000/photo/1', expect: { kind: 'post', handle: 'sam_rivers_x' }, why: 'photo viewer of a post' },
  { url: 'https://twitter.com/sam_rivers_x/statuses/1790000000000000000', expect: { kind: 'post', handle: 'sam_rivers_x' }, why: 'old statuses form' },
  { url: 'https://x.com/i/web/status/1790000000000000000', expect: { kind: 'post' }, why: 'post by id: the page says whose' },
  { url: 'https://x.com/i/status/1790000000000000000', expect: { kind: 'post' }, why: 'post by id: the page says whose' },
  { url: 'https://x.com/i/user/123456789', expect: { kind: 'profile', stableId: '123456789' }, why: 'profile by numeric id' },
  { url: 'https://x.com/messages/123456-789012', expect: { kind: 'messages' }, why: 'legacy DM thread: numeric ids' },
  { url: 'https://x.com/i/chat/e2e-abc123', expect: { kind: 'messages' }, why: 'XChat thread' },
  { url: 'https://x.com/intent/follow?screen_name=Sam_Rivers_X', expect: { kind: 'profile', handle: 'sam_rivers_x' }, why: 'follow intent' },
  { url: 'https://x.com/intent/user?user_id=123456789', expect: { kind: 'profile', stableId: '123456789' }, why: 'user intent by id' },
  { url: 'https://x.com/', expect: undefined, why: 'root' },
  { url: 'https://x.com/home', expect: undefined, why: 'reserved: home timeline' },
  { url: 'https://x.com/explore', expect: undefined, why: 'reserved' },
  { url: 'https://x.com/explore/tabs/for-you', expect: undefined, why: 'reserved with subpath' },
  { url: 'https://x.com/notifications', expect: undefined, why: 'reserved' },
  { url: 'https://x.com/Settings/account', expect: undefined, why: 'reserved, any case' },
  { url: 'https://x.com/search?q=%40sam_rivers_x', expect: undefined, why: 'a search naming someone is not their page' },
  { url: 'https://x.com/compose/post', expect: undefined, why: 'reserved: compose modal' },
  { url: 'https://x.com/messages', expect: undefined, why: 'DM inbox' },
  { url: 'https://x.com/messages/compose', expect: undefined, why: 'new DM dialog' },
  { url: 'https://x.com/i/bookmarks', expect: undefined, why: 'app route under /i' },
  { url: 'https://x.com/i/chat/pin', expect: undefined, why: 'XChat passcode screen' },
  { url: 'https://x.com/hashtag/friday', expect: undefined, why: 'reserved' },
  { url: 'https://x.com/intent/like?tweet_id=1790000000000000000', expect: undefined, why: 'like intent names no one' },
  { url: 'https://x.com/sam.rivers', expect: undefined, why: 'dots are not allowed in X handles' },
  { url: 'https://x.com/abcdefghijklmnopqrstu', expect: undefined, why: '21 characters: too long' },
  { url: 'https://developer.x.com/en/docs', expect: undefined, why: 'not the app' },
  { url: 'https://t.co/abc123', expect: undefined, why: 'shortener: names no one until resolved' },
  { url: 'https://notx.com/sam_rivers_x', expect: undefined, why: 'look-alike host' },
  { url: 'https://x.com.evil.example/sam_rivers_x', expect: undefined, why: 'look-alike host' },
];

export const xHandleRows: HandleRow[] = [
  { raw: 'sam_rivers_x', expect: 'sam_rivers_x', why: 'plain' },
  { raw: '@Sam_Rivers_X', expect: 'sam_rivers_x', why: 'at sign and case' },
  { raw: '  @sam_rivers_x/ ', expect: 'sam_rivers_x', why: 'spaces and trailing slash' },
  { raw: 'a', expect: 'a', why: 'legacy one-letter handle' },
  { raw: '', expect: undefined, why: 'empty' },
  { raw: '@', expect: undefined, why: 'only the at sign' },
  { raw: 'sam rivers', expect: undefined, why: 'space inside' },
  { raw: 'sam-rivers', expect: undefined, why: 'hyphen' },
  { raw: 'home', expect: undefined, why: 'reserved route' },
  { raw: 'x.com/sam_rivers_x', expect: undefined, why: 'a link is not a handle (recognize.ts reads links)' },
];

/** Items that do and do not name the guarded account, for its mention selector (mention-selector.test.ts). */
const mentionRows: MentionRows = {
  guarded: { handle: 'bench_guarded_x' as Handle, stableId: '987654321' },
  base: 'https://x.com/home',
  rows: [
  ['their handle in another case', '<article data-testid="tweet"><a href="/Bench_Guarded_X">x</a></article>', true],
  ['an absolute link', '<article data-testid="tweet"><a href="https://twitter.com/bench_guarded_x/status/1">x</a></article>', true],
  ['an encoded intent link', '<article data-testid="tweet"><a href="/intent/user?screen_name=%62ench_guarded_x">x</a></article>', true],
  ['their avatar only', '<article data-testid="tweet"><div data-testid="UserAvatar-Container-bench_guarded_x"></div></article>', true],
  ['their follow button only', '<div data-testid="UserCell"><button data-testid="987654321-follow"></button></div>', true],
  ['someone else', '<article data-testid="tweet"><a href="/alex_other">x</a><div data-testid="UserAvatar-Container-alex_other"></div></article>', false],
  ],
};

/** The checks this site needs beyond its rows and its scenario (fixture rows, its own quirks). */
function checks(): void {
  const click = () => new MouseEvent('click', { bubbles: true, composed: true });
  const handlesOf = (item: Element) => xAdapter.feedItem!.authors(item).map((ref) => ref.handle ?? ref.stableId);


  describe('x: feed items in feed.html', () => {
    const doc = loadFixture('x', 'feed.html', 'https://x.com/home');
    const items = [...doc.querySelectorAll(xAdapter.feedItem!.selector)];

    test.each([
      ['post by the guarded person', 'article[aria-labelledby="t1790000000000000001"]', ['sam_rivers_x']],
      ['post by someone else that mentions them', 'article[aria-labelledby="t1790000000000000002"]', ['alex_other']],
      ['their post, reposted by someone else: author first, then the reposter', '#repost-by-other', ['sam_rivers_x', 'alex_other']],
      ['a quote of their post: the quoting author first', '#quote-by-other', ['alex_other', 'sam_rivers_x']],
      ['user cell: handle and numeric id', '#cell-guarded', ['sam_rivers_x']],
    ])('%s', (_why, selector, expected) => {
      const item = doc.querySelector(selector)!;
      expect(items).toContain(item);
      expect(handlesOf(item)).toEqual(expected);
    });

    test('a user cell carries the numeric id from its follow button', () => {
      expect(xAdapter.feedItem!.authors(doc.querySelector('#cell-guarded')!)).toEqual([
        { kind: 'profile', handle: 'sam_rivers_x', stableId: '1500000000000000001' },
      ]);
    });

    test('every item in the fixture has an author', () => {
      expect(items).toHaveLength(6);
      for (const item of items) expect(handlesOf(item).length).toBeGreaterThan(0);
    });
  });

  describe('x: controls in feed.html', () => {
    const doc = loadFixture('x', 'feed.html', 'https://x.com/home');
    const guardedPost = 'article[aria-labelledby="t1790000000000000001"]';

    test.each([
      ['[data-testid="like"]', 'like'],
      ['[data-testid="reply"]', 'reply'],
      ['[data-testid="retweet"]', 'repost'],
      ['button[aria-label="Share post"]', 'share'],
      ['[data-testid="bookmark"]', undefined],
      ['[data-testid="caret"]', undefined],
      ['[data-testid="tweetText"]', undefined],
      ['a[href$="/analytics"]', undefined],
    ])('%s → %s, owned by the post author', (selector, action) => {
      const element = doc.querySelector(`${guardedPost} ${selector}`)!;
      const inner = element.firstElementChild ?? element;
      expect(classifyPress(xAdapter, pathOf(inner), click())?.action).toBe(action);
      expect(ownerOfPath(xAdapter, pathOf(inner))?.handle).toBe('sam_rivers_x');
    });

    test('follow in a user cell is owned by the cell’s person', () => {
      const button = doc.querySelector('#cell-guarded [data-testid$="-follow"] span')!;
      expect(classifyPress(xAdapter, pathOf(button), click())?.action).toBe('follow');
      expect(ownerOfPath(xAdapter, pathOf(button))?.handle).toBe('sam_rivers_x');
    });

    test('controls on a repost of their post are theirs', () => {
      const like = doc.querySelector('#repost-by-other [data-testid="like"]')!;
      expect(ownerOfPath(xAdapter, pathOf(like))?.handle).toBe('sam_rivers_x');
    });

    test.each([
      ['l', 'like'],
      ['r', 'reply'],
      ['t', 'repost'],
      ['m', 'message'],
      ['s', 'share'],
      ['j', undefined],
      ['k', undefined],
    ])('key %s on a focused post → %s', (key, action) => {
      const article = doc.querySelector(guardedPost)!;
      expect(classifyShortcut(xAdapter, pathOf(article), key)?.action).toBe(action);
    });
  });

  describe('x: profile.html', () => {
    const doc = loadFixture('x', 'profile.html', 'https://x.com/sam_rivers_x');

    test.each([
      ['[data-testid$="-follow"]', 'follow'],
      ['[data-testid="sendDMFromProfile"]', 'message'],
      ['[data-testid="userActions"]', undefined],
      ['[role="tab"]', undefined],
    ])('%s → %s', (selector, action) => {
      expect(classifyPress(xAdapter, pathOf(doc.querySelector(selector)!), click())?.action).toBe(action);
    });

    test('the header names the same person as the URL', () => {
      expect(doc.title).toContain('(@sam_rivers_x)');
      expect(xAdapter.parseUrl(new URL(doc.location.href))).toEqual({ kind: 'profile', handle: 'sam_rivers_x' });
    });
  });

  describe('x: pageOwner', () => {
    test.each([
      ['post.html', 'https://x.com/i/web/status/1790000000000000001', { kind: 'post', handle: 'sam_rivers_x' }],
      ['post.html', 'https://x.com/i/status/1790000000000000002', { kind: 'post', handle: 'alex_other' }],
      ['post.html', 'https://x.com/i/web/status/1790000000000000999', undefined],
      ['messages.html', 'https://x.com/messages/1500000000000000001-1500000000000000009', { kind: 'messages', handle: 'sam_rivers_x' }],
      ['feed.html', 'https://x.com/home', undefined],
    ])('%s at %s', (file, url, expected) => {
      const doc = loadFixture('x', file, url);
      expect(xAdapter.parseUrl(new URL(url))?.handle).toBeUndefined();
      expect(xAdapter.pageOwner!(doc)).toEqual(expected);
    });
  });

  describe('x: mentionSelector beyond its rows', () => {
    const { guarded } = mentionRows;
    test('every post of the bench busy feed', () => {
      // The bench fixture builds its posts in a script; this is the same markup for a few of them.
      const html = readFileSync(join(process.cwd(), 'bench/fixtures/busy-feed.html'), 'utf8');
      const post = /function post\(n\) \{([\s\S]*?)\n {6}\}/.exec(html)![1]!;
      // Every post by someone else: the fixture's `guardedAt` says none is the guarded person's.
      const byOthers = new Function('n', 'guardedAt', 'options', post) as (n: number, guardedAt: (n: number) => boolean, options: object) => string;
      const build = (n: number) => byOthers(n, () => false, {});
      const window = new Window({ url: 'https://x.com/home' });
      window.document.body.innerHTML = [0, 1, 96, 4999].map(build).join('');
      const items = [...window.document.querySelectorAll(xAdapter.feedItem!.selector)] as unknown as Element[];
      expect(items).toHaveLength(4);
      for (const item of items) expect(mentions(item, xAdapter.feedItem!.mentionSelector!(guarded))).toBe(false);
    });
  });

}

export const table: SiteTable = { urls: xUrlRows, handles: xHandleRows, checks, mentions: mentionRows };
