/**
 * Threads URL shapes and handle rules. Source: docs/sites/threads.md (bobbin-threads-filter
 * threads-feed-adapter.js @c0dc723c; news-feed-eradicator threads.ts @af2593c5).
 */
import { describe, expect, test } from 'vitest';
import { classifyPress, ownerOfPath } from '../../utils/engine/control-guard';
import type { Handle } from '../../utils/sites/site-adapter';
import { threadsAdapter } from '../../utils/sites/threads';
import { loadFixture, pathOf } from './site-table-runner';
import type { HandleRow, MentionRows, SiteTable, UrlRow } from './site-table-runner';

export const threadsUrlRows: UrlRow[] = [
  { url: 'https://www.threads.com/@sam_rivers_x', expect: { kind: 'profile', handle: 'sam_rivers_x' }, why: 'profile' },
  { url: 'https://www.threads.com/@sam_rivers_x/', expect: { kind: 'profile', handle: 'sam_rivers_x' }, why: 'trailing slash' },
  { url: 'https://www.threads.com/@Sam_Rivers_X', expect: { kind: 'profile', handle: 'sam_rivers_x' }, why: 'handles ignore case' },
  { url: 'https://www.threads.com/@sam.rivers?xmt=AQGz', expect: { kind: 'profile', handle: 'sam.rivers' }, why: 'share tracking query' },
  { url: 'https://threads.com/@sam_rivers_x', expect: { kind: 'profile', handle: 'sam_rivers_x' }, why: 'bare host' },
  { url: 'https://www.threads.net/@sam_rivers_x', expect: { kind: 'profile', handle: 'sam_rivers_x' }, why: 'the old host' },
  { url: 'https://threads.net/@sam_rivers_x', expect: { kind: 'profile', handle: 'sam_rivers_x' }, why: 'the old bare host' },
  { url: 'https://www.threads.com/@sam_rivers_x/replies', expect: { kind: 'profile', handle: 'sam_rivers_x' }, why: 'profile tab' },
  { url: 'https://www.threads.com/@sam_rivers_x/reposts', expect: { kind: 'profile', handle: 'sam_rivers_x' }, why: 'profile tab' },
  { url: 'https://www.threads.com/@sam_rivers_x/post/DCguard0001', expect: { kind: 'post', handle: 'sam_rivers_x' }, why: 'post: the handle is the author' },
  { url: 'https://www.threads.net/@sam_rivers_x/post/C8abc-_123?xmt=AQGz', expect: { kind: 'post', handle: 'sam_rivers_x' }, why: 'post on the old host, with query' },
  { url: 'https://www.threads.com/@sam_rivers_x/post/DCguard0001/media', expect: { kind: 'post', handle: 'sam_rivers_x' }, why: 'media viewer of a post' },
  { url: 'https://www.threads.com/@sam_rivers_x/post', expect: { kind: 'profile', handle: 'sam_rivers_x' }, why: 'no post code: still about them' },
  { url: 'https://www.threads.com/', expect: undefined, why: 'home feed' },
  { url: 'https://www.threads.com/for_you', expect: undefined, why: 'feed' },
  { url: 'https://www.threads.com/following', expect: undefined, why: 'feed' },
  { url: 'https://www.threads.com/activity', expect: undefined, why: 'activity view: rows link to people, the page is about no one' },
  { url: 'https://www.threads.com/search?q=sam_rivers_x&serp_type=default', expect: undefined, why: 'a search naming someone is not their page' },
  { url: 'https://www.threads.com/search?q=friday&serp_type=timely_topics&trend_fbid=123', expect: undefined, why: 'trending topic' },
  { url: 'https://www.threads.com/saved', expect: undefined, why: 'your own saved posts' },
  { url: 'https://www.threads.com/liked', expect: undefined, why: 'your own likes' },
  { url: 'https://www.threads.com/settings/privacy', expect: undefined, why: 'settings' },
  { url: 'https://www.threads.com/login', expect: undefined, why: 'log in' },
  { url: 'https://www.threads.com/sam_rivers_x', expect: undefined, why: 'no @: not a profile path' },
  { url: 'https://www.threads.com/@', expect: undefined, why: 'an @ alone' },
  { url: 'https://www.threads.com/@.sam', expect: undefined, why: 'a leading dot is not allowed' },
  { url: 'https://www.threads.com/@sam..rivers', expect: undefined, why: 'repeated dots are not allowed' },
  { url: 'https://www.threads.com/@abcdefghijklmnopqrstuvwxyz12345', expect: undefined, why: '31 characters: too long' },
  { url: 'https://www.threads.com/@sam-rivers', expect: undefined, why: 'hyphens are not allowed' },
  { url: 'https://developers.facebook.com/docs/threads', expect: undefined, why: 'developer docs, not the app' },
  { url: 'https://graph.threads.net/v1.0/me', expect: undefined, why: 'the API host, not the app' },
  { url: 'https://notthreads.com/@sam_rivers_x', expect: undefined, why: 'look-alike host' },
  { url: 'https://www.threads.com.evil.example/@sam_rivers_x', expect: undefined, why: 'look-alike host' },
];

export const threadsHandleRows: HandleRow[] = [
  { raw: 'sam_rivers_x', expect: 'sam_rivers_x', why: 'plain' },
  { raw: '@Sam.Rivers', expect: 'sam.rivers', why: 'at sign and case' },
  { raw: '  @sam_rivers_x/ ', expect: 'sam_rivers_x', why: 'spaces and trailing slash' },
  { raw: 'a', expect: 'a', why: 'one character' },
  { raw: '', expect: undefined, why: 'empty' },
  { raw: 'sam rivers', expect: undefined, why: 'spaces inside' },
  { raw: 'sam.', expect: undefined, why: 'trailing dot' },
  { raw: 'sam-rivers', expect: undefined, why: 'hyphen' },
];

/** Items that do and do not name the guarded account, for its mention selector (mention-selector.test.ts). */
const mentionRows: MentionRows = {
  guarded: { handle: 'sam_rivers_x' as Handle },
  base: 'https://www.threads.com/',
  rows: [
    ['their post', '<div data-pressable-container="true"><a href="/@sam_rivers_x/post/DCguard0001">1d</a></div>', true],
    ['their handle in another case', '<div data-pressable-container="true"><a href="/@Sam_Rivers_X/post/DCguard0001">1d</a></div>', true],
    ['on the old host', '<div data-pressable-container="true"><a href="https://www.threads.net/@sam_rivers_x/post/DCguard0001">1d</a></div>', true],
    ['a percent-encoded link', '<div data-pressable-container="true"><a href="/@%73am_rivers_x/post/DCguard0001">1d</a></div>', true],
    ['a quote of their post', '<div data-pressable-container="true"><a href="/@alex_other/post/DCother0003">1d</a><a href="/@sam_rivers_x/post/DCguard0001">1d</a></div>', true],
    ['someone else', '<div data-pressable-container="true"><a href="/@alex_other">alex_other</a><a href="/@alex_other/post/DCother0002">1d</a></div>', false],
  ],
};

const click = () => new MouseEvent('click', { bubbles: true, composed: true });
const handlesOf = (item: Element) => threadsAdapter.feedItem!.authors(item).map((ref) => ref.handle);

/** The checks this site needs beyond its rows and its scenario (fixture rows, its own quirks). */
function checks(): void {
  describe('threads: feed items in feed.html', () => {
    const doc = loadFixture('threads', 'feed.html', 'https://www.threads.com/');
    const items = [...doc.querySelectorAll(threadsAdapter.feedItem!.selector)];

    test.each([
      ['post by the guarded person', '#post-guarded', ['sam_rivers_x']],
      ['post by someone else that mentions them: only the author', '#post-other', ['alex_other']],
      ['a quote of their post: the quoting author first, then them', '#quote-by-other', ['alex_other', 'sam_rivers_x']],
    ])('%s', (_why, selector, expected) => {
      const item = doc.querySelector(selector)!;
      expect(items).toContain(item);
      expect(handlesOf(item)).toEqual(expected);
    });

    test('every item in the fixture has an author; the suggestion cards are not posts', () => {
      expect(items).toHaveLength(3);
      for (const item of items) expect(handlesOf(item).length).toBeGreaterThan(0);
    });

    test('controls on a quote of their post belong to the quoting author', () => {
      const like = doc.querySelector('#quote-by-other svg[aria-label="Like"]')!;
      expect(ownerOfPath(threadsAdapter, pathOf(like))?.handle).toBe('alex_other');
    });
  });

  describe('threads: controls in feed.html', () => {
    const doc = loadFixture('threads', 'feed.html', 'https://www.threads.com/');
    test.each([
      ['svg[aria-label="Like"] path', 'like'],
      ['svg[aria-label="Reply"]', 'reply'],
      ['svg[aria-label="Repost"]', 'repost'],
      ['svg[aria-label="Share"] path', 'share'],
      ['[role="button"]:has(> svg[aria-label="Like"]) span', 'like'],
      ['svg[aria-label="More"]', undefined],
      ['time', undefined],
      ['div[dir="auto"] span', undefined],
    ])('#post-guarded %s → %s, owned by the post author', (selector, action) => {
      const element = doc.querySelector(`#post-guarded ${selector}`)!;
      expect(element, selector).not.toBeNull();
      expect(classifyPress(threadsAdapter, pathOf(element), click())?.action).toBe(action);
      expect(ownerOfPath(threadsAdapter, pathOf(element))?.handle).toBe('sam_rivers_x');
    });

    test('Follow on a suggestion card is recognised by its text, but the card names no owner', () => {
      const follow = doc.querySelector('#suggestion-guarded [role="button"]:not([aria-label])')!;
      expect(classifyPress(threadsAdapter, pathOf(follow), click())?.action).toBe('follow');
      expect(ownerOfPath(threadsAdapter, pathOf(follow))).toBeUndefined();
    });

    test.each([
      ['<div role="menu"><div role="menuitem">Quote</div></div>', 'quote'],
      ['<div role="menu"><div role="menuitem">Repost</div></div>', 'repost'],
      ['<div role="button">Follow back</div>', 'follow'],
      ['<div role="button">Following</div>', undefined],
      ['<div role="button">Close</div>', undefined],
    ])('%s → %s', (html, action) => {
      const holder = doc.createElement('div');
      holder.innerHTML = html;
      const innermost = holder.querySelector('[role="menuitem"], [role="button"]')!;
      expect(threadsAdapter.classifyControl!(pathOf(innermost))).toBe(action);
    });
  });

  describe('threads: the activity and search views', () => {
    test.each([
      ['https://www.threads.com/activity'],
      ['https://www.threads.com/search?q=sam&serp_type=default'],
    ])('%s names no one, and its rows link to the people in them', (url) => {
      const doc = loadFixture('threads', 'activity.html', url);
      expect(threadsAdapter.parseUrl(new URL(url))).toBeUndefined();
      const linkOf = (row: string) => threadsAdapter.parseUrl(new URL(doc.querySelector(`${row} a`)!.getAttribute('href')!, url));
      expect(linkOf('#row-guarded')).toEqual({ kind: 'profile', handle: 'sam_rivers_x' });
      expect(linkOf('#row-other')).toEqual({ kind: 'profile', handle: 'alex_other' });
    });
  });

  describe('threads: post.html', () => {
    const doc = loadFixture('threads', 'post.html', 'https://www.threads.com/@sam_rivers_x/post/DCguard0001');
    test('the post and its reply are items by their own authors', () => {
      expect(handlesOf(doc.querySelector('#thread-post')!)).toEqual(['sam_rivers_x']);
      expect(handlesOf(doc.querySelector('#thread-reply')!)).toEqual(['alex_other']);
    });
  });

  describe('threads: what the other person is told, and Instagram', () => {
    test('nothing is told by viewing: no contact-in-itself declarations', () => {
      expect(threadsAdapter.visibleToThem).toBeUndefined();
      expect(threadsAdapter.contactRequestRegexes).toBeUndefined();
    });
    test('accounts share Instagram usernames', () => expect(threadsAdapter.sameHandleAs).toBe('instagram'));
  });
}

export const table: SiteTable = { urls: threadsUrlRows, handles: threadsHandleRows, checks, mentions: mentionRows };
