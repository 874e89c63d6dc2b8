/**
 * Instagram URL shapes and handle rules. Source: docs/sites/instagram.md (public URL parsers,
 * Safari_Automations 2026-01, news-feed-eradicator 2026-08, Regexp::Pattern::Instagram 2025-03).
 */
import { describe, expect, test } from 'vitest';
import { classifyPress, openerOfPath, ownerOfPath } from '../../utils/engine/control-guard';
import { instagramAdapter } from '../../utils/sites/instagram';
import type { Handle } from '../../utils/sites/site-adapter';
import { loadFixture, pathOf } from './site-table-runner';
import type { HandleRow, MentionRows, SiteTable, UrlRow } from './site-table-runner';

const profile = (handle: string) => ({ kind: 'profile', handle }) as const;

export const instagramUrlRows: UrlRow[] = [
  { url: 'https://www.instagram.com/sam_rivers_x/', expect: profile('sam_rivers_x'), why: 'profile' },
  { url: 'https://www.instagram.com/sam_rivers_x', expect: profile('sam_rivers_x'), why: 'no trailing slash' },
  { url: 'https://www.instagram.com/Sam_Rivers_X/', expect: profile('sam_rivers_x'), why: 'usernames ignore case' },
  { url: 'https://www.instagram.com/sam.rivers/', expect: profile('sam.rivers'), why: 'dots are allowed inside' },
  { url: 'https://www.instagram.com/sam_rivers_x/?igsh=MWQ1ZGUxMzBkMA%3D%3D&utm_source=qr', expect: profile('sam_rivers_x'), why: 'share tracking query' },
  { url: 'https://www.instagram.com/sam_rivers_x/?hl=en#top', expect: profile('sam_rivers_x'), why: 'language query and hash' },
  { url: 'https://instagram.com/sam_rivers_x/', expect: profile('sam_rivers_x'), why: 'bare host' },
  { url: 'https://m.instagram.com/sam_rivers_x/', expect: profile('sam_rivers_x'), why: 'mobile host' },
  { url: 'https://www.instagram.com/sam_rivers_x/tagged/', expect: profile('sam_rivers_x'), why: 'profile tab' },
  { url: 'https://www.instagram.com/sam_rivers_x/reels/', expect: profile('sam_rivers_x'), why: 'profile reels tab, not the reels feed' },
  { url: 'https://www.instagram.com/sam_rivers_x/followers/', expect: profile('sam_rivers_x'), why: 'their network' },
  { url: 'https://www.instagram.com/_u/sam_rivers_x', expect: profile('sam_rivers_x'), why: 'profile deep link' },
  { url: 'https://www.instagram.com/sam_rivers_x/live/', expect: { kind: 'story', handle: 'sam_rivers_x' }, why: 'a live: joining is visible, like a story view' },
  { url: 'https://www.instagram.com/stories/sam_rivers_x/3412345678901234567/', expect: { kind: 'story', handle: 'sam_rivers_x' }, why: 'story' },
  { url: 'https://www.instagram.com/stories/Sam_Rivers_X/3412345678901234567/?utm_source=ig_story_item_share', expect: { kind: 'story', handle: 'sam_rivers_x' }, why: 'story link with case and share query' },
  { url: 'https://www.instagram.com/stories/sam_rivers_x/', expect: { kind: 'story', handle: 'sam_rivers_x' }, why: 'their current stories, no id' },
  { url: 'https://m.instagram.com/stories/sam.rivers/3412345678901234567/', expect: { kind: 'story', handle: 'sam.rivers' }, why: 'story on the mobile host' },
  { url: 'https://www.instagram.com/stories/highlights/17912345678901234/', expect: { kind: 'story' }, why: 'highlight: the viewer says whose' },
  { url: 'https://www.instagram.com/p/Cxyz123AbC_/', expect: { kind: 'post' }, why: 'post by shortcode: the page says whose' },
  { url: 'https://www.instagram.com/p/Cxyz123AbC_/?img_index=2', expect: { kind: 'post' }, why: 'carousel index query' },
  { url: 'https://www.instagram.com/reel/C-abc_DEF12/', expect: { kind: 'post' }, why: 'reel by shortcode' },
  { url: 'https://www.instagram.com/reels/C-abc_DEF12/', expect: { kind: 'post' }, why: 'reels viewer on one reel' },
  { url: 'https://www.instagram.com/tv/B7abcdEFgh1/', expect: { kind: 'post' }, why: 'legacy IGTV' },
  { url: 'https://www.instagram.com/sam_rivers_x/p/Cxyz123AbC_/', expect: { kind: 'post', handle: 'sam_rivers_x' }, why: 'newer post link form names the author' },
  { url: 'https://www.instagram.com/Sam_Rivers_X/reel/C-abc_DEF12/', expect: { kind: 'post', handle: 'sam_rivers_x' }, why: 'reel with author, any case' },
  { url: 'https://www.instagram.com/direct/t/340282366841710300949128171234567890/', expect: { kind: 'messages' }, why: 'DM thread: opaque id' },
  { url: 'https://www.instagram.com/', expect: undefined, why: 'home feed' },
  { url: 'https://www.instagram.com/explore/', expect: undefined, why: 'reserved: explore' },
  { url: 'https://www.instagram.com/explore/tags/sunset/', expect: undefined, why: 'reserved: a hashtag page' },
  { url: 'https://www.instagram.com/explore/locations/213385402/london-united-kingdom/', expect: undefined, why: 'reserved: a place' },
  { url: 'https://www.instagram.com/explore/people/', expect: undefined, why: 'reserved: suggestions' },
  { url: 'https://www.instagram.com/reels/', expect: undefined, why: 'reels feed' },
  { url: 'https://www.instagram.com/reels/audio/123456789012345/', expect: undefined, why: 'a sound page, not a reel' },
  { url: 'https://www.instagram.com/accounts/edit/', expect: undefined, why: 'reserved: settings' },
  { url: 'https://www.instagram.com/accounts/activity/', expect: undefined, why: 'reserved: notifications' },
  { url: 'https://www.instagram.com/direct/inbox/', expect: undefined, why: 'DM inbox' },
  { url: 'https://www.instagram.com/direct/new/', expect: undefined, why: 'new DM dialog' },
  { url: 'https://www.instagram.com/stories/', expect: undefined, why: 'stories with nobody named' },
  { url: 'https://www.instagram.com/About/', expect: undefined, why: 'reserved, any case' },
  { url: 'https://www.instagram.com/legal/terms/', expect: undefined, why: 'reserved' },
  { url: 'https://www.instagram.com/developer/', expect: undefined, why: 'reserved' },
  { url: 'https://www.instagram.com/your_activity/interactions/likes', expect: undefined, why: 'reserved: own activity' },
  { url: 'https://www.instagram.com/s/aGlnaGxpZ2h0OjE3OTEy/', expect: undefined, why: 'share link: names no one until it redirects' },
  { url: 'https://www.instagram.com/p/', expect: undefined, why: 'post route without a shortcode' },
  { url: 'https://www.instagram.com/.sam/', expect: undefined, why: 'a dot cannot lead' },
  { url: 'https://www.instagram.com/sam..rivers/', expect: undefined, why: 'dots cannot repeat' },
  { url: 'https://www.instagram.com/sam-rivers/', expect: undefined, why: 'hyphens are not allowed' },
  { url: 'https://www.instagram.com/abcdefghijklmnopqrstuvwxyz12345/', expect: undefined, why: '31 characters: too long' },
  { url: 'https://help.instagram.com/581066165581870', expect: undefined, why: 'help centre, not the app' },
  { url: 'https://about.instagram.com/blog', expect: undefined, why: 'company site, not the app' },
  { url: 'https://notinstagram.com/sam_rivers_x/', expect: undefined, why: 'look-alike host' },
  { url: 'https://www.instagram.com.evil.example/sam_rivers_x/', expect: undefined, why: 'look-alike host' },
];

export const instagramHandleRows: HandleRow[] = [
  { raw: 'sam_rivers_x', expect: 'sam_rivers_x', why: 'plain' },
  { raw: '@Sam.Rivers', expect: 'sam.rivers', why: 'at sign and case' },
  { raw: '  @sam_rivers_x/ ', expect: 'sam_rivers_x', why: 'spaces and trailing slash' },
  { raw: 'a', expect: 'a', why: 'one character' },
  { raw: '_', expect: '_', why: 'underscore only is a valid username' },
  { raw: '', expect: undefined, why: 'empty' },
  { raw: '@', expect: undefined, why: 'only the at sign' },
  { raw: 'sam rivers', expect: undefined, why: 'space inside' },
  { raw: 'sam.', expect: undefined, why: 'a dot cannot trail' },
  { raw: 'explore', expect: undefined, why: 'reserved route' },
  { raw: 'instagram.com/sam_rivers_x', expect: undefined, why: 'a link is not a handle (recognize.ts reads links)' },
];

/** Items that do and do not name the guarded account, for its mention selector (mention-selector.test.ts). */
const mentionRows: MentionRows = {
  guarded: { handle: 'sam_rivers_x' as Handle },
  base: 'https://www.instagram.com/',
  rows: [
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
  ],
};

/** The checks this site needs beyond its rows and its scenario (fixture rows, its own quirks). */
function checks(): void {
  const click = (detail = 1) => new MouseEvent('click', { bubbles: true, composed: true, detail });
  const dblclick = () => new MouseEvent('dblclick', { bubbles: true, composed: true, detail: 2 });
  const handlesOf = (item: Element) => instagramAdapter.feedItem!.authors(item).map((ref) => ref.handle);


  describe('instagram: feed items in feed.html', () => {
    const doc = loadFixture('instagram', 'feed.html', 'https://www.instagram.com/');
    const items = [...doc.querySelectorAll(instagramAdapter.feedItem!.selector)];

    test.each([
      ['post by the guarded person', '#post-guarded', ['sam_rivers_x']],
      ['post by someone else that mentions them: only the author', '#post-other', ['alex_other']],
      ['story ring of the guarded person', '#ring-guarded', ['sam_rivers_x']],
      ['story ring of someone else', '#ring-other', ['alex_other']],
    ])('%s', (_why, selector, expected) => {
      const item = doc.querySelector(selector)!;
      expect(items).toContain(item);
      expect(handlesOf(item)).toEqual(expected);
    });

    test('every item in the fixture has an author', () => {
      expect(items).toHaveLength(4);
      for (const item of items) expect(handlesOf(item).length).toBeGreaterThan(0);
    });

    test('a post link with the username form names the author', () => {
      const item = doc.createElement('article');
      item.innerHTML = '<div><a href="/sam_rivers_x/p/Cguarded001/"><img alt="" src="data:,"></a></div>';
      expect(handlesOf(item)).toEqual(['sam_rivers_x']);
    });
  });

  describe('instagram: controls in feed.html', () => {
    const doc = loadFixture('instagram', 'feed.html', 'https://www.instagram.com/');

    test.each([
      ['svg[aria-label="Like"] path', 'like'],
      ['svg[aria-label="Like"]', 'like'],
      ['span > [role="button"]:has(svg[aria-label="Like"])', 'like'],
      ['svg[aria-label="Comment"]', 'comment'],
      ['textarea[aria-label="Add a comment…"]', 'comment'],
      ['svg[aria-label="Share"] path', 'share'],
      ['svg[aria-label="Save"]', undefined],
      ['svg[aria-label="More options"]', undefined],
      ['img[alt^="Photo by"]', undefined],
      ['time', undefined],
    ])('#post-guarded %s → %s, owned by the post author', (selector, action) => {
      const element = doc.querySelector(`#post-guarded ${selector}`)!;
      expect(element).not.toBeNull();
      expect(classifyPress(instagramAdapter, pathOf(element), click())?.action).toBe(action);
      expect(ownerOfPath(instagramAdapter, pathOf(element))?.handle).toBe('sam_rivers_x');
    });

    test.each([
      ['dblclick on the media', () => dblclick(), 'like'],
      ['second click of a double-click on the media', () => click(2), 'like'],
      ['single click on the media', () => click(1), undefined],
    ])('%s → %s', (_why, event, action) => {
      const media = doc.querySelector('#post-guarded img[alt^="Photo by"]')!;
      expect(classifyPress(instagramAdapter, pathOf(media), event())?.action).toBe(action);
    });

    test.each([
      ['the guarded person\'s ring (its avatar pressed)', '#ring-guarded img', { kind: 'story', handle: 'sam_rivers_x' }],
      ['someone else\'s ring', '#ring-other', { kind: 'story', handle: 'alex_other' }],
      ['a like icon, which opens nothing', '#post-guarded svg[aria-label="Like"]', undefined],
    ])('the story tray: %s opens %j', (_why, selector, expected) => {
      expect(openerOfPath(instagramAdapter, pathOf(doc.querySelector(selector)!))?.ref).toEqual(expected);
    });

    test('a ring labelled in a language not read here opens nothing the guard knows (the URL change is still caught)', () => {
      const ring = doc.createElement('div');
      ring.setAttribute('role', 'button');
      ring.setAttribute('aria-label', 'Historia de sam_rivers_x, no vista');
      expect(openerOfPath(instagramAdapter, [ring])).toBeUndefined();
    });

    test('a double-tap on the story tray is not a like', () => {
      expect(classifyPress(instagramAdapter, pathOf(doc.querySelector('#ring-guarded img')!), dblclick())).toBeUndefined();
    });

    test('the mention of the guarded person sits in someone else’s post, which stays theirs', () => {
      expect(ownerOfPath(instagramAdapter, pathOf(doc.querySelector('#mention-guarded')!))?.handle).toBe('alex_other');
      expect(instagramAdapter.parseUrl(new URL(doc.querySelector('#mention-guarded')!.getAttribute('href')!, 'https://www.instagram.com/'))).toEqual({ kind: 'profile', handle: 'sam_rivers_x' });
    });

    test('follow on a suggestion is recognised by its text', () => {
      const text = doc.querySelector('#suggestion-guarded button div')!;
      expect(classifyPress(instagramAdapter, pathOf(text), click())?.action).toBe('follow');
    });
  });

  describe('instagram: profile.html', () => {
    const doc = loadFixture('instagram', 'profile.html', 'https://www.instagram.com/sam_rivers_x/');

    test.each([
      ['#follow div', 'follow'],
      ['#message', 'message'],
      ['svg[aria-label="Options"]', undefined],
      ['[role="tab"]', undefined],
      ['h2', undefined],
    ])('%s → %s', (selector, action) => {
      expect(classifyPress(instagramAdapter, pathOf(doc.querySelector(selector)!), click())?.action).toBe(action);
    });

    test('the page names the same person as the URL', () => {
      expect(doc.querySelector('header h2')?.textContent).toBe('sam_rivers_x');
      expect(instagramAdapter.parseUrl(new URL(doc.location.href))).toEqual({ kind: 'profile', handle: 'sam_rivers_x' });
    });
  });

  describe('instagram: pageOwner', () => {
    test.each([
      ['post.html', 'https://www.instagram.com/p/Cguarded001/', { kind: 'post', handle: 'sam_rivers_x' }],
      ['post.html', 'https://www.instagram.com/reel/Cguarded001/', { kind: 'post', handle: 'sam_rivers_x' }],
      ['messages.html', 'https://www.instagram.com/direct/t/340282366841710300949128171234567890/', { kind: 'messages', handle: 'sam_rivers_x' }],
      ['story.html', 'https://www.instagram.com/stories/highlights/17912345678901234/', { kind: 'story', handle: 'sam_rivers_x' }],
      ['feed.html', 'https://www.instagram.com/', undefined],
      ['profile.html', 'https://www.instagram.com/sam_rivers_x/', undefined],
    ])('%s at %s', (file, url, expected) => {
      expect(instagramAdapter.pageOwner!(loadFixture('instagram', file, url))).toEqual(expected);
    });

    test('a stale og:url from another post is not trusted: the post modal decides', () => {
      // In-app navigation from a profile grid opens the post in a dialog; og:url still names the first page.
      const doc = loadFixture('instagram', 'post.html', 'https://www.instagram.com/p/Cother0002/');
      const dialog = doc.createElement('div');
      dialog.setAttribute('role', 'dialog');
      dialog.innerHTML = '<article><header><a href="/alex_other/">alex_other</a></header></article>';
      doc.body.append(dialog);
      expect(instagramAdapter.pageOwner!(doc)).toEqual({ kind: 'post', handle: 'alex_other' });
    });

    test('without og:url the post article names the author', () => {
      const doc = loadFixture('instagram', 'post.html', 'https://www.instagram.com/p/Cguarded001/');
      doc.querySelector('meta[property="og:url"]')!.remove();
      expect(instagramAdapter.pageOwner!(doc)).toEqual({ kind: 'post', handle: 'sam_rivers_x' });
    });

    test('a comment’s like on the post page is stopped; its owner is the post (comments are not items)', () => {
      const doc = loadFixture('instagram', 'post.html', 'https://www.instagram.com/p/Cguarded001/');
      const commentLike = doc.querySelector('li svg[aria-label="Like"]')!;
      expect(classifyPress(instagramAdapter, pathOf(commentLike), click())?.action).toBe('like');
    });
  });

  describe('instagram: what the other person is told about', () => {
    test('stories and DMs, not profiles or posts', () => {
      expect(instagramAdapter.visibleToThem).toEqual({ story: 'story-viewers', messages: 'read-receipts' });
    });

    // The background registers these with isUrlFilterCaseSensitive: false, hence the 'i' flag.
    const compile = (handle: string) =>
      instagramAdapter.contactRequestRegexes!({ handle: handle as Handle }).map((source) => new RegExp(source, 'i'));
    const matchesAny = (handle: string, url: string) => compile(handle).some((regex) => regex.test(url));

    test.each([
      ['sam', 'https://www.instagram.com/stories/sam/3412345678901234567/', true],
      ['sam', 'https://www.instagram.com/stories/sam/', true],
      ['sam', 'https://www.instagram.com/stories/sam', true],
      ['sam', 'https://instagram.com/stories/sam/3412345678901234567/?utm_source=ig_story_item_share', true],
      ['sam', 'https://m.instagram.com/stories/sam/3412345678901234567/', true],
      ['sam', 'http://www.instagram.com/stories/SAM/1/', true],
      ['sam', 'https://www.instagram.com/sam/live/', true],
      ['sam', 'https://www.instagram.com/sam/live?igsh=abc', true],
      ['sam.rivers', 'https://www.instagram.com/stories/sam.rivers/1/', true],
      ['sam', 'https://www.instagram.com/stories/samuel/3412345678901234567/', false],
      ['sam', 'https://www.instagram.com/stories/sam_/1/', false],
      ['sam', 'https://www.instagram.com/stories/sam.rivers/1/', false],
      ['sam.rivers', 'https://www.instagram.com/stories/samxrivers/1/', false],
      ['sam', 'https://www.instagram.com/stories/highlights/17912345678901234/', false],
      ['sam', 'https://www.instagram.com/sam/', false],
      ['sam', 'https://www.instagram.com/p/Cxyz123AbC_/', false],
      ['sam', 'https://www.instagram.com/samuel/live/', false],
      ['sam', 'https://www.instagram.com/sam/livestream/', false],
      ['sam', 'https://evil.example/www.instagram.com/stories/sam/1/', false],
      ['sam', 'https://www.instagram.com.evil.example/stories/sam/1/', false],
      ['sam', 'https://help.instagram.com/stories/sam/1/', false],
    ])('%s: %s → %s', (handle, url, expected) => {
      expect(matchesAny(handle, url)).toBe(expected);
    });

    test('a stable id changes nothing: story URLs name the username only', () => {
      const handle = 'sam' as Handle;
      expect(instagramAdapter.contactRequestRegexes!({ handle, stableId: '1234567' })).toEqual(
        instagramAdapter.contactRequestRegexes!({ handle }),
      );
    });

    test('every regex is anchored and has no lookaround (RE2 has none)', () => {
      for (const source of instagramAdapter.contactRequestRegexes!({ handle: 'sam.rivers' as Handle, stableId: '1234567' })) {
        expect(source.startsWith('^') && source.endsWith('$')).toBe(true);
        expect(source).not.toMatch(/\(\?[=!<]/);
      }
    });
  });
}

export const table: SiteTable = { urls: instagramUrlRows, handles: instagramHandleRows, checks, mentions: mentionRows };
