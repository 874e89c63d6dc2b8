import { describe, expect, test } from 'vitest';
import { classifyPress, classifyShortcut, ownerOfPath } from '../../utils/engine/control-guard';
import { xAdapter } from '../../utils/sites/x';
import { loadFixture, pathOf, runHandleTable, runUrlTable } from './site-table-runner';
import { xHandleRows, xUrlRows } from './x.table';

const click = () => new MouseEvent('click', { bubbles: true, composed: true });
const handlesOf = (item: Element) => xAdapter.feedItem!.authors(item).map((ref) => ref.handle ?? ref.stableId);

describe('x: URLs', () => runUrlTable(xAdapter, xUrlRows));
describe('x: handles', () => runHandleTable(xAdapter, xHandleRows));

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
