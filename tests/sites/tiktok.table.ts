/**
 * TikTok URL shapes, handle rules, fixtures and labels. Source: docs/sites/tiktok.md
 * (IsaiahDupree/Safari_Automations docs/selectors/TIKTOK_SELECTORS_REFERENCE.md @1aecc2e9, public
 * scrapers of 2024–2026).
 */
import { describe, expect, test } from 'vitest';
import { classifyPress, ownerOfPath } from '../../utils/engine/control-guard';
import type { Action, Handle } from '../../utils/sites/site-adapter';
import { tiktokAdapter } from '../../utils/sites/tiktok';
import { scenario } from '../fixtures/sites/tiktok/scenario';
import { loadFixture, pathOf } from './site-table-runner';
import type { HandleRow, MentionRows, SiteTable, UrlRow } from './site-table-runner';

const VIDEO = '7440000000000000001';

export const tiktokUrlRows: UrlRow[] = [
  { url: 'https://www.tiktok.com/@sam_rivers_x', expect: { kind: 'profile', handle: 'sam_rivers_x' }, why: 'profile' },
  { url: 'https://www.tiktok.com/@sam_rivers_x/', expect: { kind: 'profile', handle: 'sam_rivers_x' }, why: 'trailing slash' },
  { url: 'https://www.tiktok.com/@Sam_Rivers_X', expect: { kind: 'profile', handle: 'sam_rivers_x' }, why: 'handles ignore case' },
  { url: 'https://www.tiktok.com/@sam.rivers?lang=en', expect: { kind: 'profile', handle: 'sam.rivers' }, why: 'language query' },
  { url: 'https://www.tiktok.com/@sam_rivers_x?is_from_webapp=1&sender_device=pc', expect: { kind: 'profile', handle: 'sam_rivers_x' }, why: 'share query' },
  { url: 'https://www.tiktok.com/@sam_rivers_x?_t=8abc&_r=1', expect: { kind: 'profile', handle: 'sam_rivers_x' }, why: 'app share query' },
  { url: 'https://tiktok.com/@sam_rivers_x', expect: { kind: 'profile', handle: 'sam_rivers_x' }, why: 'bare host' },
  { url: 'https://m.tiktok.com/@sam_rivers_x', expect: { kind: 'profile', handle: 'sam_rivers_x' }, why: 'legacy mobile host' },
  { url: 'https://www.tiktok.com/%40sam_rivers_x', expect: { kind: 'profile', handle: 'sam_rivers_x' }, why: 'the @ percent-encoded' },
  { url: 'https://www.tiktok.com/@%73am_rivers_x', expect: { kind: 'profile', handle: 'sam_rivers_x' }, why: 'a letter percent-encoded' },
  { url: 'https://www.tiktok.com/@sam_rivers_x/live', expect: { kind: 'profile', handle: 'sam_rivers_x' }, why: 'their live: about them' },
  { url: `https://www.tiktok.com/@sam_rivers_x/video/${VIDEO}`, expect: { kind: 'post', handle: 'sam_rivers_x' }, why: 'video: the handle is the author' },
  { url: `https://www.tiktok.com/@sam_rivers_x/video/${VIDEO}?is_from_webapp=1&sender_device=pc&web_id=1`, expect: { kind: 'post', handle: 'sam_rivers_x' }, why: 'video with share query' },
  { url: `https://www.tiktok.com/@sam_rivers_x/video/${VIDEO}/`, expect: { kind: 'post', handle: 'sam_rivers_x' }, why: 'video, trailing slash' },
  { url: `https://www.tiktok.com/@Sam_Rivers_X/VIDEO/${VIDEO}`, expect: { kind: 'post', handle: 'sam_rivers_x' }, why: 'case in the path' },
  { url: `https://www.tiktok.com/@sam_rivers_x/photo/${VIDEO}`, expect: { kind: 'post', handle: 'sam_rivers_x' }, why: 'photo post' },
  { url: 'https://www.tiktok.com/@sam_rivers_x/video/', expect: { kind: 'profile', handle: 'sam_rivers_x' }, why: 'no id: still about them' },
  { url: 'https://www.tiktok.com/@sam_rivers_x/video/abc', expect: { kind: 'profile', handle: 'sam_rivers_x' }, why: 'not an id: still about them' },
  { url: 'https://www.tiktok.com/messages', expect: { kind: 'messages' }, why: 'the inbox: the open conversation says whose' },
  { url: 'https://www.tiktok.com/messages?lang=en', expect: { kind: 'messages' }, why: 'the inbox with a query' },
  { url: 'https://www.tiktok.com/', expect: undefined, why: 'home feed' },
  { url: 'https://www.tiktok.com/foryou', expect: undefined, why: 'For You: the URL names no one as it scrolls' },
  { url: 'https://www.tiktok.com/following', expect: undefined, why: 'Following feed' },
  { url: 'https://www.tiktok.com/friends', expect: undefined, why: 'Friends feed' },
  { url: 'https://www.tiktok.com/explore', expect: undefined, why: 'explore grid' },
  { url: 'https://www.tiktok.com/live', expect: undefined, why: 'the lives feed' },
  { url: 'https://www.tiktok.com/search?q=%40sam_rivers_x', expect: undefined, why: 'a search naming someone is not their page' },
  { url: 'https://www.tiktok.com/search/user?q=sam_rivers_x', expect: undefined, why: 'user search' },
  { url: 'https://www.tiktok.com/tag/sam_rivers_x', expect: undefined, why: 'a hashtag' },
  { url: 'https://www.tiktok.com/music/original-sound-7440000000000000009', expect: undefined, why: 'a sound' },
  { url: 'https://www.tiktok.com/t/ZTRabc123/', expect: undefined, why: 'short link: opaque until it redirects' },
  { url: 'https://vm.tiktok.com/ZMabc123/', expect: undefined, why: 'short-link host: opaque until it redirects' },
  { url: 'https://www.tiktok.com/upload', expect: undefined, why: 'upload' },
  { url: 'https://www.tiktok.com/setting', expect: undefined, why: 'settings' },
  { url: 'https://www.tiktok.com/login', expect: undefined, why: 'log in' },
  { url: 'https://www.tiktok.com/sam_rivers_x', expect: undefined, why: 'no @: not a profile path' },
  { url: 'https://www.tiktok.com/@', expect: undefined, why: 'an @ alone' },
  { url: 'https://www.tiktok.com/@sam-rivers', expect: undefined, why: 'hyphens are not allowed' },
  { url: 'https://www.tiktok.com/@abcdefghijklmnopqrstuvwxyz12345', expect: undefined, why: '31 characters: too long' },
  { url: 'https://www.tiktok.com/@%E0%A4', expect: undefined, why: 'a broken escape' },
  { url: 'https://ads.tiktok.com/@sam_rivers_x', expect: undefined, why: 'the ads host, not the app' },
  { url: 'https://developers.tiktok.com/@sam_rivers_x', expect: undefined, why: 'developer site, not the app' },
  { url: 'https://nottiktok.com/@sam_rivers_x', expect: undefined, why: 'look-alike host' },
  { url: 'https://www.tiktok.com.evil.example/@sam_rivers_x', expect: undefined, why: 'look-alike host' },
];

export const tiktokHandleRows: HandleRow[] = [
  { raw: 'sam_rivers_x', expect: 'sam_rivers_x', why: 'plain' },
  { raw: '@Sam.Rivers', expect: 'sam.rivers', why: 'at sign and case' },
  { raw: '  @sam_rivers_x/ ', expect: 'sam_rivers_x', why: 'spaces and trailing slash' },
  { raw: 'a', expect: 'a', why: 'one character' },
  { raw: 'abcdefghijklmnopqrstuvwxyz1234', expect: 'abcdefghijklmnopqrstuvwxyz1234', why: '30 characters' },
  { raw: '', expect: undefined, why: 'empty' },
  { raw: 'sam rivers', expect: undefined, why: 'spaces inside' },
  { raw: 'sam-rivers', expect: undefined, why: 'hyphen' },
  { raw: 'abcdefghijklmnopqrstuvwxyz12345', expect: undefined, why: '31 characters' },
];

/** Items that do and do not name the guarded account, for its mention selector (mention-selector.test.ts). */
const item = (inner: string) => `<article data-e2e="recommend-list-item-container">${inner}</article>`;
const mentionRows: MentionRows = {
  guarded: { handle: 'sam_rivers_x' as Handle },
  base: 'https://www.tiktok.com/foryou',
  rows: [
    ['their video', item('<a data-e2e="video-author-avatar" href="/@sam_rivers_x"></a>'), true],
    ['their handle in another case', item('<a data-e2e="video-author-avatar" href="/@Sam_Rivers_X"></a>'), true],
    ['a percent-encoded link', item('<a data-e2e="video-author-avatar" href="/%40sam_rivers_x"></a>'), true],
    ['an item with no link at all: its handle text is read', item('<h3 data-e2e="video-author-uniqueid">sam_rivers_x</h3>'), true],
    ['an Explore card linking their video', `<div data-e2e="explore-item"><a href="https://www.tiktok.com/@sam_rivers_x/video/${VIDEO}"></a></div>`, true],
    ['someone else', item('<a data-e2e="video-author-avatar" href="/@alex_other"></a><h3 data-e2e="video-author-uniqueid">alex_other</h3>'), false],
  ],
};

const click = (detail = 1) => new MouseEvent('click', { bubbles: true, composed: true, detail });
const handlesOf = (element: Element) => tiktokAdapter.feedItem!.authors(element).map((ref) => ref.handle);
const classify = (element: Element, event = click()) => classifyPress(tiktokAdapter, pathOf(element), event)?.action;

/** A control alone in a detached holder (labels and text-only controls). */
function controlFrom(html: string, innermost: string): Element {
  const doc = loadFixture('tiktok', 'feed.html', 'https://www.tiktok.com/foryou');
  const holder = doc.createElement('div');
  holder.innerHTML = html;
  doc.body.append(holder);
  return holder.querySelector(innermost)!;
}

/** The labels the adapter reads, per language (sources and status: docs/sites/tiktok.md, Labels). */
const LABEL_ROWS: [lang: string, html: string, action: Action | undefined][] = [
  ['en', '<button data-e2e="follow-button">Follow</button>', 'follow'],
  ['en', '<button data-e2e="follow-button">Follow back</button>', 'follow'],
  ['en', '<button data-e2e="follow-button">Following</button>', undefined],
  ['en', '<button data-e2e="follow-button">Friends</button>', undefined],
  ['es', '<button data-e2e="follow-button">Seguir</button>', 'follow'],
  ['es', '<button data-e2e="follow-button">Siguiendo</button>', undefined],
  ['es', '<button data-e2e="follow-button">Amigos</button>', undefined],
  ['pt', '<button data-e2e="follow-button">Seguir de volta</button>', 'follow'],
  ['pt', '<button data-e2e="follow-button">Seguindo</button>', undefined],
  ['fr', '<button data-e2e="follow-button">Suivre</button>', 'follow'],
  ['fr', '<button data-e2e="follow-button">Abonné(e)</button>', undefined],
  ['fr', '<button data-e2e="follow-button">Amis</button>', undefined],
  ['de', '<button data-e2e="browse-follow">Folgen</button>', 'follow'],
  ['de', '<button data-e2e="browse-follow">Gefolgt</button>', undefined],
  ['de', '<button data-e2e="browse-follow">Freunde</button>', undefined],
  ['any', '<button data-e2e="follow-button"><svg></svg></button>', 'follow'],
  ['en', '<button>Follow</button>', 'follow'],
  ['es', '<button>Seguir</button>', 'follow'],
  ['pt', '<button>Seguir</button>', 'follow'],
  ['fr', "<button>S'abonner</button>", 'follow'],
  ['de', '<button>Zurückfolgen</button>', 'follow'],
  ['en', '<div role="menu"><div role="menuitem">Repost</div></div>', 'repost'],
  ['es', '<div role="menu"><div role="menuitem">Republicar</div></div>', 'repost'],
  ['pt', '<div role="menu"><div role="menuitem">Republicar</div></div>', 'repost'],
  ['fr', '<div role="menu"><div role="menuitem">Republier</div></div>', 'repost'],
  ['de', '<div role="menu"><div role="menuitem">Reposten</div></div>', 'repost'],
  ['en', '<div data-e2e="comment-item"><a href="/@alex_other">alex_other</a><span>Reply</span></div>', 'reply'],
  ['es', '<div data-e2e="comment-item"><a href="/@alex_other">alex_other</a><span>Responder</span></div>', 'reply'],
  ['pt', '<div data-e2e="comment-item"><a href="/@alex_other">alex_other</a><span>Responder</span></div>', 'reply'],
  ['fr', '<div data-e2e="comment-item"><a href="/@alex_other">alex_other</a><span>Répondre</span></div>', 'reply'],
  ['de', '<div data-e2e="comment-item"><a href="/@alex_other">alex_other</a><span>Antworten</span></div>', 'reply'],
  ['en', '<div><span>Reply</span></div>', undefined],
  ['en', '<button>Close</button>', undefined],
];

/** The checks this site needs beyond its rows and its scenario (fixture rows, its own quirks). */
function checks(): void {
  describe('tiktok: feed items in feed.html and feed.es.html', () => {
    test.each(['feed.html', 'feed.es.html'])('%s: two videos, each by the author of its own item, not by whom its caption mentions', (file) => {
      const doc = loadFixture('tiktok', file, 'https://www.tiktok.com/foryou');
      const items = [...doc.querySelectorAll(tiktokAdapter.feedItem!.selector)];
      expect(items.map((element) => element.id)).toEqual(['item-guarded', 'item-other']);
      expect(handlesOf(items[0]!)).toEqual(['sam_rivers_x']);
      expect(handlesOf(items[1]!)).toEqual(['alex_other']);
    });

    test('without its avatar link, the author is the next own link; without any link, the uniqueid text', () => {
      const doc = loadFixture('tiktok', 'feed.html', 'https://www.tiktok.com/foryou');
      const guarded = doc.querySelector('#item-guarded')!;
      guarded.querySelector('a[data-e2e="video-author-avatar"]')!.remove();
      expect(handlesOf(guarded)).toEqual(['sam_rivers_x']);
      for (const link of guarded.querySelectorAll('a')) link.replaceWith(...link.childNodes);
      expect(handlesOf(guarded)).toEqual(['sam_rivers_x']);
      // The other item: with its links gone, a caption mention is never read as its author.
      const other = doc.querySelector('#item-other')!;
      other.querySelector('a[data-e2e="video-author-avatar"]')!.remove();
      other.querySelector('a:has(> h3)')!.remove();
      expect(handlesOf(other)).toEqual([]);
    });
  });

  describe('tiktok: controls in feed.html', () => {
    const doc = loadFixture('tiktok', 'feed.html', 'https://www.tiktok.com/foryou');
    test.each([
      ['[data-e2e="like-icon"] path', 'like'],
      ['button:has([data-e2e="like-icon"])', 'like'],
      ['[data-e2e="comment-count"]', 'comment'],
      ['[data-e2e="share-count"]', 'share'],
      ['[data-e2e="feed-follow"] svg', 'follow'],
      ['[data-e2e="undefined-icon"]', undefined],
      ['[data-e2e="video-desc"] span', undefined],
      ['video', undefined],
      ['[data-e2e="video-music"] span', undefined],
    ])('#item-guarded %s → %s, owned by the video’s author', (selector, action) => {
      const element = doc.querySelector(`#item-guarded ${selector}`)!;
      expect(element, selector).not.toBeNull();
      expect(classify(element)).toBe(action);
      expect(ownerOfPath(tiktokAdapter, pathOf(element))?.handle).toBe('sam_rivers_x');
    });

    test('a double tap on the video (or a player layer over it) likes it; a single press does not', () => {
      const video = doc.querySelector('#item-guarded video')!;
      expect(classify(video, click(1))).toBeUndefined();
      expect(classify(video, click(2))).toBe('like');
      expect(classify(video, new MouseEvent('dblclick', { bubbles: true, detail: 2 }))).toBe('like');
      expect(classify(doc.querySelector('#item-guarded [id^="xgwrapper-"]')!, click(2))).toBe('like');
    });

    test('the bookmark (undefined-icon) is private: not a control', () => {
      expect(classify(doc.querySelector('#item-guarded [data-e2e="undefined-count"]')!)).toBeUndefined();
    });
  });

  describe('tiktok: post.html (the detail view)', () => {
    const doc = loadFixture('tiktok', 'post.html', `https://www.tiktok.com/@sam_rivers_x/video/${VIDEO}`);
    test.each([
      ['[data-e2e="browse-like-icon"]', 'like'],
      ['[data-e2e="browse-comment-count"]', 'comment'],
      ['[data-e2e="browse-share-icon"] svg', 'share'],
      ['[data-e2e="browse-follow"]', 'follow'],
      ['[data-e2e="comment-input"] [contenteditable]', 'comment'],
      ['[data-e2e="comment-post"]', 'comment'],
      ['[data-e2e="browse-video-desc"]', undefined],
    ])('%s → %s, on the page of the video’s author (no item around it)', (selector, action) => {
      const element = doc.querySelector(selector)!;
      expect(element, selector).not.toBeNull();
      expect(classify(element)).toBe(action);
      expect(ownerOfPath(tiktokAdapter, pathOf(element))).toBeUndefined();
    });

    test('a double tap on the player likes the video', () => {
      expect(classify(doc.querySelector('#player video')!, click(2))).toBe('like');
    });

    test('a comment is an item by its commenter; its Reply is theirs', () => {
      const comment = doc.querySelector('#comment-other')!;
      expect(comment.matches(tiktokAdapter.feedItem!.selector)).toBe(true);
      expect(handlesOf(comment)).toEqual(['alex_other']);
      const reply = comment.querySelector('[role="button"]')!;
      expect(classify(reply)).toBe('reply');
      expect(ownerOfPath(tiktokAdapter, pathOf(reply))?.handle).toBe('alex_other');
    });
  });

  describe('tiktok: messages.html', () => {
    test('the open conversation is read from its header’s @handle', () => {
      const doc = loadFixture('tiktok', 'messages.html', 'https://www.tiktok.com/messages');
      expect(tiktokAdapter.pageOwner!(doc)).toEqual({ kind: 'messages', handle: 'sam_rivers_x' });
      doc.querySelector('[data-e2e="chat-uniqueid"]')!.remove();
      expect(tiktokAdapter.pageOwner!(doc)).toEqual({ kind: 'messages', handle: 'sam_rivers_x' });
      doc.querySelector('[data-e2e="top-chat-avatar"]')!.closest('a')!.replaceWith(doc.createElement('span'));
      expect(tiktokAdapter.pageOwner!(doc)).toBeUndefined();
    });
    test('no conversation open: no owner; other pages never ask', () => {
      expect(tiktokAdapter.pageOwner!(loadFixture('tiktok', 'feed.html', 'https://www.tiktok.com/messages'))).toBeUndefined();
      expect(tiktokAdapter.pageOwner!(loadFixture('tiktok', 'messages.html', 'https://www.tiktok.com/foryou'))).toBeUndefined();
    });
  });

  describe('tiktok: labels in English, Spanish, Portuguese, French and German', () => {
    test.each(LABEL_ROWS)('%s: %s → %s', (_lang, html, action) => {
      const element = controlFrom(html, '[role="menuitem"], button, span:last-child');
      expect(classify(element)).toBe(action);
    });

    test('the localized feed (feed.es.html) has every control of the scenario, recognised by its hook', () => {
      const doc = loadFixture('tiktok', 'feed.es.html', 'https://www.tiktok.com/foryou?lang=es');
      expect(doc.documentElement.lang).toBe(scenario.localized!.lang);
      for (const control of scenario.localized!.controls) {
        for (const [selector, owner] of [[control.guarded, 'sam_rivers_x'], [control.other, 'alex_other']] as const) {
          const element = doc.querySelector(selector)!;
          expect(element, selector).not.toBeNull();
          expect(classify(element, click(control.gesture === 'double-tap' ? 2 : 1))).toBe(control.action);
          expect(ownerOfPath(tiktokAdapter, pathOf(element))?.handle).toBe(owner);
        }
      }
    });
  });

  describe('tiktok: what the other person is told', () => {
    test('a profile visit and a post view may be listed for them (mutual view history); a thread may show as read', () => {
      expect(tiktokAdapter.visibleToThem).toEqual({ profile: 'mutual-view-history', post: 'mutual-view-history', messages: 'read-receipts' });
    });

    const [regex] = tiktokAdapter.contactRequestRegexes!({ handle: 'sam.rivers' as Handle });
    const rule = new RegExp(regex!, 'i');
    test.each([
      ['https://www.tiktok.com/@sam.rivers', true],
      ['https://www.tiktok.com/@Sam.Rivers/', true],
      ['https://tiktok.com/@sam.rivers?lang=en', true],
      ['https://m.tiktok.com/@sam.rivers', true],
      ['https://www.tiktok.com/%40sam.rivers', true],
      [`https://www.tiktok.com/@sam.rivers/video/${VIDEO}?is_from_webapp=1`, true],
      [`https://www.tiktok.com/@sam.rivers/photo/${VIDEO}`, true],
      ['https://www.tiktok.com/@sam.rivers/live', true],
      ['https://www.tiktok.com/@samxrivers', false],
      ['https://www.tiktok.com/@sam.rivers2', false],
      ['https://www.tiktok.com/@sam.river', false],
      ['https://www.tiktok.com/foryou?from=@sam.rivers', false],
      ['https://www.tiktok.com/search?q=@sam.rivers', false],
      ['https://www.tiktok.com.evil.example/@sam.rivers', false],
    ])('a full load of %s is redirected: %s', (url, expected) => {
      expect(rule.test(url)).toBe(expected);
    });
  });
}

export const table: SiteTable = { urls: tiktokUrlRows, handles: tiktokHandleRows, checks, mentions: mentionRows };
