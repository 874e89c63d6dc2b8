import { describe, expect, test } from 'vitest';
import { classifyPress, ownerOfPath } from '../../utils/engine/control-guard';
import { linkedinAdapter } from '../../utils/sites/linkedin';
import type { Handle } from '../../utils/sites/site-adapter';
import { loadFixture, pathOf, runHandleTable, runUrlTable } from './site-table-runner';
import { linkedinHandleRows, linkedinUrlRows } from './linkedin.table';

// LinkedIn vanities have no underscores, so the fixtures are filled with hyphenated people.
const PEOPLE = { handle: 'sam-rivers-x', other: 'alex-other' } as const;
const MEMBER_ID = 'ACoAAB1cD2eFgHiJkLmNoPqRsTuVwXyZ0123456';
const load = (file: string, url: string) => loadFixture('linkedin', file, url, PEOPLE);
const click = () => new MouseEvent('click', { bubbles: true, composed: true });
const handlesOf = (item: Element) => linkedinAdapter.feedItem!.authors(item).map((ref) => ref.handle ?? ref.stableId);

describe('linkedin: URLs', () => runUrlTable(linkedinAdapter, linkedinUrlRows));
describe('linkedin: handles', () => runHandleTable(linkedinAdapter, linkedinHandleRows));

describe('linkedin: feed items in feed.html', () => {
  const doc = load('feed.html', 'https://www.linkedin.com/feed/');
  const items = [...doc.querySelectorAll(linkedinAdapter.feedItem!.selector)];

  test.each([
    ['v2 post by the guarded person', '#post-guarded', ['sam-rivers-x']],
    ['v2 post by someone else that mentions them: only the author', '#post-other', ['alex-other']],
    ['v2 comment by the guarded person', '#comment-guarded', ['sam-rivers-x']],
    ['company post they reacted to: the company is no one, they are involved', '#company-liked-by-guarded', ['sam-rivers-x']],
    ['v1 update by the guarded person', '#legacy-guarded', ['sam-rivers-x']],
    ['v1 BEM container inside it', '#legacy-guarded .feed-shared-update-v2', ['sam-rivers-x']],
  ])('%s', (_why, selector, expected) => {
    const item = doc.querySelector(selector)!;
    expect(items).toContain(item);
    expect(handlesOf(item)).toEqual(expected);
  });

  test('a v1 actor link carries the member id', () => {
    expect(linkedinAdapter.feedItem!.authors(doc.querySelector('#legacy-guarded')!)).toEqual([
      { kind: 'profile', handle: 'sam-rivers-x', stableId: MEMBER_ID },
    ]);
  });

  test('every item in the fixture has an author', () => {
    expect(items).toHaveLength(6);
    for (const item of items) expect(handlesOf(item).length).toBeGreaterThan(0);
  });
});

describe('linkedin: controls in feed.html', () => {
  const doc = load('feed.html', 'https://www.linkedin.com/feed/');

  test.each([
    ['#post-guarded [data-view-name="reaction-button"] span', 'like', 'sam-rivers-x'],
    ['#post-guarded [data-view-name="feed-comment-button"]', 'comment', 'sam-rivers-x'],
    ['#post-guarded button[aria-label="Repost"] span', 'repost', 'sam-rivers-x'],
    ['#post-guarded button:not([aria-label]):not([data-view-name]) span', 'share', 'sam-rivers-x'],
    ['#post-guarded button[aria-label^="Open control menu"]', undefined, 'sam-rivers-x'],
    ['#post-guarded p', undefined, 'sam-rivers-x'],
    ['#post-other [data-view-name="reaction-button"]', 'like', 'alex-other'],
    ['#comment-guarded [data-view-name="comment-reaction-button"]', 'like', 'sam-rivers-x'],
    ['#post-other [data-view-name="comment-post"]', 'comment', 'alex-other'],
    ['#post-other [role="textbox"]', undefined, 'alex-other'],
    ['#legacy-guarded button[aria-label="React Like"] span', 'like', 'sam-rivers-x'],
    ['#legacy-guarded button[aria-label="Comment"]', 'comment', 'sam-rivers-x'],
  ])('%s → %s, owned by %s', (selector, action, owner) => {
    const element = doc.querySelector(selector)!;
    expect(element).not.toBeNull();
    expect(classifyPress(linkedinAdapter, pathOf(element), click())?.action).toBe(action);
    expect(ownerOfPath(linkedinAdapter, pathOf(element))?.handle).toBe(owner);
  });

  test('taking a v1 reaction back is left alone', () => {
    const button = doc.querySelector('#legacy-guarded button[aria-label="React Like"]')!;
    button.setAttribute('aria-pressed', 'true');
    expect(classifyPress(linkedinAdapter, pathOf(button), click())).toBeUndefined();
    button.setAttribute('aria-pressed', 'false');
  });

  test('a "Send" button outside any post is not a share', () => {
    const button = doc.createElement('button');
    button.textContent = 'Send';
    doc.body.append(button);
    expect(classifyPress(linkedinAdapter, pathOf(button), click())).toBeUndefined();
  });

  test('the mention links to the guarded profile, where visiting tells them', () => {
    const ref = linkedinAdapter.parseUrl(new URL(doc.querySelector('#mention-guarded')!.getAttribute('href')!));
    expect(ref).toEqual({ kind: 'profile', handle: 'sam-rivers-x' });
    expect(linkedinAdapter.visibleToThem?.[ref!.kind]).toBe('profile-views');
  });
});

describe('linkedin: profile.html', () => {
  const doc = load('profile.html', 'https://www.linkedin.com/in/sam-rivers-x/');

  test.each([
    ['#connect span', 'follow'],
    ['#follow', 'follow'],
    ['#message span', 'message'],
    ['#more', undefined],
    ['h1', undefined],
    ['a[href$="/recent-activity/all/"]', undefined],
  ])('%s → %s', (selector, action) => {
    expect(classifyPress(linkedinAdapter, pathOf(doc.querySelector(selector)!), click())?.action).toBe(action);
  });

  test('the page names the same person as the URL', () => {
    const canonical = doc.querySelector('link[rel="canonical"]')!.getAttribute('href')!;
    expect(linkedinAdapter.parseUrl(new URL(canonical))).toEqual(linkedinAdapter.parseUrl(new URL(doc.location.href)));
  });
});

describe('linkedin: pageOwner', () => {
  test.each([
    ['post.html', 'https://www.linkedin.com/feed/update/urn:li:activity:7260000000000000001/', { kind: 'post', handle: 'sam-rivers-x' }],
    ['feed.html', 'https://www.linkedin.com/feed/update/urn:li:activity:7260000000000000009/', { kind: 'post', handle: 'sam-rivers-x', stableId: MEMBER_ID }],
    ['feed.html', 'https://www.linkedin.com/feed/update/urn:li:activity:7260000000000000999/', undefined],
    ['messages.html', 'https://www.linkedin.com/messaging/thread/2-YWJjZGVmZ2hpams=/', { kind: 'messages', handle: 'sam-rivers-x' }],
    ['feed.html', 'https://www.linkedin.com/feed/', undefined],
    ['profile.html', 'https://www.linkedin.com/in/sam-rivers-x/', undefined],
  ])('%s at %s', (file, url, expected) => {
    expect(linkedinAdapter.pageOwner!(load(file, url))).toEqual(expected);
  });

  test('a comment on their post belongs to the commenter', () => {
    const doc = load('post.html', 'https://www.linkedin.com/feed/update/urn:li:activity:7260000000000000001/');
    const like = doc.querySelector('#comment-other [data-view-name="comment-reaction-button"]')!;
    expect(ownerOfPath(linkedinAdapter, pathOf(like))?.handle).toBe('alex-other');
    const postLike = doc.querySelector('[data-view-name="feed-full-update"] [data-view-name="reaction-button"]')!;
    expect(ownerOfPath(linkedinAdapter, pathOf(postLike))?.handle).toBe('sam-rivers-x');
  });
});

describe('linkedin: profile-view requests', () => {
  // The background registers these with isUrlFilterCaseSensitive: false, hence the 'i' flag.
  const matchesAny = (handle: string, url: string, stableId?: string) =>
    linkedinAdapter
      .contactRequestRegexes!({ handle: handle as Handle, ...(stableId !== undefined && { stableId }) })
      .some((source) => new RegExp(source, 'i').test(url));
  const memberId = 'ACoAAB1cD2eFgHiJkLmNoPqRsTuVwXyZ0123456';

  test.each([
    ['sam', 'https://www.linkedin.com/in/sam', true],
    ['sam', 'https://www.linkedin.com/in/sam/', true],
    ['sam', 'https://www.linkedin.com/in/SAM/', true],
    ['sam', 'https://linkedin.com/in/sam/?trk=people-guest_people_search-card', true],
    ['sam', 'https://uk.linkedin.com/in/sam', true],
    ['sam', 'http://www.linkedin.com/in/sam/recent-activity/all/', true],
    ['sam', 'https://www.linkedin.com/in/sam/details/experience/?profileUrn=urn%3Ali%3Afsd_profile%3AACoAA', true],
    ['sam-rivers-2a1ba6258', 'https://www.linkedin.com/in/sam-rivers-2a1ba6258/', true],
    ['王小明', 'https://www.linkedin.com/in/%E7%8E%8B%E5%B0%8F%E6%98%8E/', true],
    ['иван', 'https://www.linkedin.com/in/%D0%B8%D0%B2%D0%B0%D0%BD/', true],
    ['иван', 'https://www.linkedin.com/in/%D0%98%D0%B2%D0%B0%D0%BD/', true],
    ['иван', 'https://www.linkedin.com/in/%d0%98%d0%b2%d0%b0%d0%bd', true],
    ['sam', 'https://www.linkedin.com/in/samuel/', false],
    ['sam', 'https://www.linkedin.com/in/sam-rivers/', false],
    ['sam-rivers', 'https://www.linkedin.com/in/sam-rivers-2a1ba6258/', false],
    ['sam', 'https://www.linkedin.com/posts/sam_walk-activity-7260000000000000001-AbCd/', false],
    ['sam', 'https://www.linkedin.com/company/sam/', false],
    ['sam', 'https://www.linkedin.com/in/', false],
    ['иван', 'https://www.linkedin.com/in/%D0%B8%D0%B2%D0%B0%D0%BDa/', false],
    ['sam', 'https://evil.example/www.linkedin.com/in/sam', false],
    ['sam', 'https://www.linkedin.com.evil.example/in/sam', false],
  ])('%s: %s → %s', (handle, url, expected) => {
    expect(matchesAny(handle, url)).toBe(expected);
  });

  // The member id of a guarded account opens the same profile: `/in/ACoAA…/` links are stopped too.
  test.each([
    ['sam', memberId, `https://www.linkedin.com/in/${memberId}/`, true, 'member-id profile'],
    ['sam', memberId, `https://www.linkedin.com/in/${memberId}`, true, 'no trailing slash'],
    ['sam', memberId, `https://uk.linkedin.com/in/${memberId}/details/experience/`, true, 'country host, sub-page'],
    ['sam', memberId, `https://www.linkedin.com/in/${memberId}?miniProfileUrn=urn%3Ali%3Afs_miniProfile%3A${memberId}`, true, 'query'],
    ['sam', memberId, 'https://www.linkedin.com/in/sam/', true, 'the vanity still matches'],
    ['sam', memberId, `https://www.linkedin.com/in/${memberId}X/`, false, 'a longer id is someone else'],
    ['sam', memberId, `https://www.linkedin.com/in/${memberId.slice(0, -1)}/`, false, 'a shorter id is someone else'],
    ['sam', memberId, `https://www.linkedin.com/company/${memberId}/`, false, 'not a profile path'],
    ['sam', undefined, `https://www.linkedin.com/in/${memberId}/`, false, 'no stable id known: only the vanity'],
    ['sam', 'not-a-member-id', 'https://www.linkedin.com/in/not-a-member-id/', false, 'a stable id that is not a member id is ignored'],
  ] as [string, string | undefined, string, boolean, string][])('%s + %s: %s → %s (%s)', (handle, stableId, url, expected) => {
    expect(matchesAny(handle, url, stableId)).toBe(expected);
  });

  test('the vanity and the member id share one rule', () => {
    expect(linkedinAdapter.contactRequestRegexes!({ handle: 'sam' as Handle, stableId: memberId })).toHaveLength(1);
  });

  test('every regex is anchored and has no lookaround (RE2 has none)', () => {
    for (const source of linkedinAdapter.contactRequestRegexes!({ handle: 'иван-sam' as Handle, stableId: memberId })) {
      expect(source.startsWith('^') && source.endsWith('$')).toBe(true);
      expect(source).not.toMatch(/\(\?[=!<]/);
    }
  });
});
