/**
 * LinkedIn URL shapes and vanity rules. Source: docs/sites/linkedin.md (LinkedIn Help answer 87;
 * knamnguyen/trusthuman.io @0047d06a 2026-02; Safari_Automations 2026-03).
 */
import { describe, expect, test } from 'vitest';
import { classifyPress, ownerOfPath } from '../../utils/engine/control-guard';
import { linkedinAdapter } from '../../utils/sites/linkedin';
import type { Handle } from '../../utils/sites/site-adapter';
import { loadFixture, mentions, pathOf } from './site-table-runner';
import { Window } from 'happy-dom';
import type { HandleRow, MentionRows, SiteTable, UrlRow } from './site-table-runner';

const MEMBER_ID = 'ACoAAB1cD2eFgHiJkLmNoPqRsTuVwXyZ0123456';
const profile = (handle: string) => ({ kind: 'profile', handle }) as const;

export const linkedinUrlRows: UrlRow[] = [
  { url: 'https://www.linkedin.com/in/sam-rivers-2a1ba6258/', expect: profile('sam-rivers-2a1ba6258'), why: 'profile, default vanity form' },
  { url: 'https://www.linkedin.com/in/sam-rivers-2a1ba6258', expect: profile('sam-rivers-2a1ba6258'), why: 'no trailing slash' },
  { url: 'https://www.linkedin.com/in/SamRivers/', expect: profile('samrivers'), why: 'vanities ignore case' },
  { url: 'https://linkedin.com/in/samrivers', expect: profile('samrivers'), why: 'bare host' },
  { url: 'https://uk.linkedin.com/in/samrivers', expect: profile('samrivers'), why: 'country subdomain' },
  { url: 'https://www.linkedin.com/in/samrivers/?trk=public_profile_browsemap#experience', expect: profile('samrivers'), why: 'tracking query and hash' },
  { url: 'https://www.linkedin.com/in/samrivers/recent-activity/all/', expect: profile('samrivers'), why: 'their activity' },
  { url: 'https://www.linkedin.com/in/samrivers/details/experience/', expect: profile('samrivers'), why: 'profile details' },
  { url: 'https://www.linkedin.com/in/samrivers/overlay/contact-info/', expect: profile('samrivers'), why: 'profile overlay' },
  { url: 'https://www.linkedin.com/in/%E7%8E%8B%E5%B0%8F%E6%98%8E/', expect: profile('王小明'), why: 'non-Latin vanity, percent-encoded' },
  { url: 'https://www.linkedin.com/in/%D0%98%D0%B2%D0%B0%D0%BD-%D0%BF%D0%B5%D1%82%D1%80%D0%BE%D0%B2/', expect: profile('иван-петров'), why: 'Cyrillic vanity: decoded, then lower-cased' },
  { url: `https://www.linkedin.com/in/${MEMBER_ID}/`, expect: { kind: 'profile', stableId: MEMBER_ID }, why: 'opaque member id: kept as is' },
  {
    url: `https://www.linkedin.com/in/samrivers/?profileUrn=urn%3Ali%3Afsd_profile%3A${MEMBER_ID}`,
    expect: { kind: 'profile', handle: 'samrivers', stableId: MEMBER_ID },
    why: 'v2 link carries the member id too',
  },
  {
    url: `https://www.linkedin.com/in/samrivers?miniProfileUrn=urn%3Ali%3Afs_miniProfile%3A${MEMBER_ID}`,
    expect: { kind: 'profile', handle: 'samrivers', stableId: MEMBER_ID },
    why: 'v1 link carries the member id too',
  },
  {
    url: 'https://www.linkedin.com/posts/samrivers_morning-walk-activity-7260000000000000001-AbCd/',
    expect: { kind: 'post', handle: 'samrivers' },
    why: 'post URL names the author before the underscore',
  },
  {
    url: 'https://www.linkedin.com/posts/sam-rivers-2a1ba6258_hiring-activity-7260000000000000001-XyZ1?utm_source=share',
    expect: { kind: 'post', handle: 'sam-rivers-2a1ba6258' },
    why: 'post URL with a hyphenated vanity and share query',
  },
  { url: 'https://www.linkedin.com/feed/update/urn:li:activity:7260000000000000001/', expect: { kind: 'post' }, why: 'post by URN: the page says whose' },
  { url: 'https://www.linkedin.com/feed/update/urn%3Ali%3AugcPost%3A7260000000000000002/?commentUrn=x', expect: { kind: 'post' }, why: 'ugcPost URN, encoded, with a comment link' },
  { url: 'https://www.linkedin.com/messaging/thread/2-YWJjZGVmZ2hpams=/', expect: { kind: 'messages' }, why: 'DM thread: opaque id' },
  { url: 'https://www.linkedin.com/', expect: undefined, why: 'root' },
  { url: 'https://www.linkedin.com/feed/', expect: undefined, why: 'home feed' },
  { url: 'https://www.linkedin.com/feed/update/not-an-urn/', expect: undefined, why: 'update without an activity URN' },
  { url: 'https://www.linkedin.com/messaging/', expect: undefined, why: 'DM inbox' },
  { url: 'https://www.linkedin.com/mynetwork/invite-connect/connections/', expect: undefined, why: 'own network' },
  { url: 'https://www.linkedin.com/me/profile-views/', expect: undefined, why: 'who viewed you: your own page' },
  { url: 'https://www.linkedin.com/mypreferences/d/profile-viewing-options', expect: undefined, why: 'settings' },
  { url: 'https://www.linkedin.com/search/results/people/?keywords=sam%20rivers', expect: undefined, why: 'a search naming someone is not their page' },
  { url: 'https://www.linkedin.com/company/samrivers/', expect: undefined, why: 'organisations are never people' },
  { url: 'https://www.linkedin.com/showcase/samrivers/', expect: undefined, why: 'showcase page' },
  { url: 'https://www.linkedin.com/school/samrivers/', expect: undefined, why: 'school page' },
  { url: 'https://www.linkedin.com/pulse/morning-walks-sam-rivers/', expect: undefined, why: 'article: not in the URL' },
  { url: 'https://www.linkedin.com/jobs/view/4012345678/', expect: undefined, why: 'job' },
  { url: 'https://www.linkedin.com/samrivers', expect: undefined, why: 'people live under /in/ only' },
  { url: 'https://www.linkedin.com/in/', expect: undefined, why: '/in/ without a vanity' },
  { url: 'https://www.linkedin.com/in/ab/', expect: undefined, why: 'two characters: too short' },
  { url: 'https://www.linkedin.com/in/sam_rivers/', expect: undefined, why: 'underscores are not in vanities' },
  { url: 'https://lnkd.in/abc123', expect: undefined, why: 'shortener: names no one until resolved' },
  { url: 'https://notlinkedin.com/in/samrivers', expect: undefined, why: 'look-alike host' },
  { url: 'https://www.linkedin.com.evil.example/in/samrivers', expect: undefined, why: 'look-alike host' },
];

export const linkedinHandleRows: HandleRow[] = [
  { raw: 'samrivers', expect: 'samrivers', why: 'plain' },
  { raw: 'SamRivers', expect: 'samrivers', why: 'case' },
  { raw: ' @sam-rivers-2a1ba6258/ ', expect: 'sam-rivers-2a1ba6258', why: 'at sign, spaces and trailing slash' },
  { raw: '%E7%8E%8B%E5%B0%8F%E6%98%8E', expect: '王小明', why: 'percent-encoded as copied from a link' },
  { raw: '王小明', expect: '王小明', why: 'non-Latin as typed' },
  { raw: 'ab', expect: undefined, why: 'too short' },
  { raw: 'sam rivers', expect: undefined, why: 'space inside' },
  { raw: 'sam.rivers', expect: undefined, why: 'symbols are not allowed' },
  { raw: '%E0%A4', expect: undefined, why: 'broken percent-encoding' },
  { raw: MEMBER_ID, expect: undefined, why: 'a member id is not a vanity (it is a stable id)' },
  { raw: 'linkedin.com/in/samrivers', expect: undefined, why: 'a link is not a handle (recognize.ts reads links)' },
];

const MENTION_MEMBER_ID = 'ACoAABcdEfGhIjKlMnOp';
const mentionPost = (href: string) => `<div role="listitem"><a data-view-name="feed-actor-image" href="${href}">x</a></div>`;

/** Items that do and do not name the guarded account, for its mention selector (mention-selector.test.ts). */
const mentionRows: MentionRows = {
  guarded: { handle: 'sam-rivers-k' as Handle, stableId: MENTION_MEMBER_ID },
  base: 'https://www.linkedin.com/feed/',
  rows: [
  ['their post', mentionPost('/in/sam-rivers-k/'), true],
  ['their vanity in another case', mentionPost('https://www.linkedin.com/in/Sam-Rivers-K/'), true],
  ['their vanity percent-encoded', mentionPost('/in/%73am-rivers-k/'), true],
  ['their member id in the path', mentionPost(`/in/${MENTION_MEMBER_ID}/`), true],
  ['their member id in the query, percent-encoded', mentionPost(`/in/someone-new/?profileUrn=urn%3Ali%3Afsd_profile%3A${MENTION_MEMBER_ID}`), true],
  ['their member id in the query', mentionPost(`/in/someone-new/?profileUrn=urn:li:fsd_profile:${MENTION_MEMBER_ID}`), true],
  ['a tab inside the vanity', mentionPost('/in/sam-riv\ters-k/'), true],
  ['a Kelvin sign for their k', mentionPost('/in/sam-rivers-\u212a/'), true],
  ['their comment', `<article class="comments-comment-entity"><a href="/in/sam-rivers-k/">x</a></article>`, true],
  ['liked by them', `<div role="listitem">${mentionPost('/in/alex-other/')}<a data-view-name="feed-header-actor-image" href="/in/SAM-RIVERS-K">x</a></div>`, true],
  ['someone else', mentionPost('/in/alex-other/?profileUrn=urn:li:fsd_profile:ACoAAXyzXyzXyzXyz'), false],
  ['their member id in another case (another member)', mentionPost(`/in/${MENTION_MEMBER_ID.toLowerCase()}/`), false],
  ],
};

/** The checks this site needs beyond its rows and its scenario (fixture rows, its own quirks). */
function checks(): void {
  // LinkedIn vanities have no underscores, so the fixtures are filled with hyphenated people.
  const PEOPLE = { handle: 'sam-rivers-x', other: 'alex-other' } as const;
  const MEMBER_ID = 'ACoAAB1cD2eFgHiJkLmNoPqRsTuVwXyZ0123456';
  const load = (file: string, url: string) => loadFixture('linkedin', file, url, PEOPLE);
  const click = () => new MouseEvent('click', { bubbles: true, composed: true });
  const handlesOf = (item: Element) => linkedinAdapter.feedItem!.authors(item).map((ref) => ref.handle ?? ref.stableId);


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

  describe('linkedin: mentionSelector beyond its rows', () => {
    const { guarded } = mentionRows;
    const memberId = MENTION_MEMBER_ID;
    const post = mentionPost;
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

}

export const table: SiteTable = { urls: linkedinUrlRows, handles: linkedinHandleRows, checks, mentions: mentionRows };
