import { describe, expect, test } from 'vitest';
import { classifyPress, ownerOfPath } from '../../utils/engine/control-guard';
import { blueskyAdapter } from '../../utils/sites/bluesky';
import { blueskyHandleRows, blueskyUrlRows } from './bluesky.table';
import { loadFixture, pathOf, runHandleTable, runUrlTable } from './site-table-runner';

const people = { handle: 'sam-rivers.bsky.social', other: 'alex-other.bsky.social' };
const load = (file: string, url: string) => loadFixture('bluesky', file, url, people);
const click = () => new MouseEvent('click', { bubbles: true, composed: true });
const namesOf = (item: Element) => blueskyAdapter.feedItem!.authors(item).map((ref) => ref.handle ?? ref.stableId);
const guardedPost = `[data-testid="feedItem-by-${people.handle}"]:not(#repost-by-other *)`;

describe('bluesky: URLs', () => runUrlTable(blueskyAdapter, blueskyUrlRows));
describe('bluesky: handles', () => runHandleTable(blueskyAdapter, blueskyHandleRows));

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
