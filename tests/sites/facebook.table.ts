/**
 * Facebook URL shapes, handle rules, labels and fixture rows. Source: docs/sites/facebook.md
 * (Facebook Help Center 105399436216001; Mask Network parse-username.ts; facebook-clean-my-feeds
 * @81fe0781). A URL that carries only the numeric id names the person by both handle and stableId.
 */
import { Window } from 'happy-dom';
import { describe, expect, test } from 'vitest';
import { classifyHover, classifyPress, ownerOfPath } from '../../utils/engine/control-guard';
import { facebookAdapter } from '../../utils/sites/facebook';
import type { Handle } from '../../utils/sites/site-adapter';
import { recognizeProfileLink } from '../../utils/sites/recognize';
import { scenario } from '../fixtures/sites/facebook/scenario';
import { loadFixture, pathOf } from './site-table-runner';
import type { HandleRow, SiteTable, UrlRow } from './site-table-runner';

const ID = '100012345678901';
/** The fixtures' people (Facebook usernames have no underscores). */
const PEOPLE = { handle: 'samrivers', other: 'alexother' };
const byId = (kind: 'profile' | 'post' | 'story' | 'messages', id = ID) => ({ kind, handle: id, stableId: id });

export const facebookUrlRows: UrlRow[] = [
  { url: 'https://www.facebook.com/sam.rivers', expect: { kind: 'profile', handle: 'samrivers' }, why: 'vanity: periods do not tell usernames apart' },
  { url: 'https://www.facebook.com/samrivers/', expect: { kind: 'profile', handle: 'samrivers' }, why: 'trailing slash, no period' },
  { url: 'https://www.facebook.com/Sam.Rivers', expect: { kind: 'profile', handle: 'samrivers' }, why: 'case does not tell usernames apart' },
  { url: 'https://www.facebook.com/s.a.m.rivers?__cft__[0]=AZX&__tn__=-UC%2CP-R', expect: { kind: 'profile', handle: 'samrivers' }, why: 'feed tracking query, periods anywhere' },
  { url: 'https://facebook.com/sam.rivers', expect: { kind: 'profile', handle: 'samrivers' }, why: 'bare host' },
  { url: 'https://web.facebook.com/sam.rivers', expect: { kind: 'profile', handle: 'samrivers' }, why: 'web. host' },
  { url: 'https://m.facebook.com/sam.rivers', expect: { kind: 'profile', handle: 'samrivers' }, why: 'mobile web host' },
  { url: 'https://mbasic.facebook.com/sam.rivers', expect: { kind: 'profile', handle: 'samrivers' }, why: 'basic host, same URL shapes (the safe side)' },
  { url: 'https://www.facebook.com/sam.rivers/about', expect: { kind: 'profile', handle: 'samrivers' }, why: 'profile tab' },
  { url: 'https://www.facebook.com/sam.rivers/photos', expect: { kind: 'profile', handle: 'samrivers' }, why: 'photos tab' },
  { url: 'https://www.facebook.com/sam.rivers/friends/', expect: { kind: 'profile', handle: 'samrivers' }, why: 'friends tab' },
  { url: `https://www.facebook.com/profile.php?id=${ID}`, expect: byId('profile'), why: 'profile by numeric id' },
  { url: `https://www.facebook.com/profile.php?id=${ID}&sk=about`, expect: byId('profile'), why: 'numeric profile tab' },
  { url: `https://m.facebook.com/profile.php?id=${ID}&__tn__=R`, expect: byId('profile'), why: 'numeric profile on mobile' },
  { url: 'https://www.facebook.com/profile.php', expect: undefined, why: 'profile.php without an id' },
  { url: 'https://www.facebook.com/profile.php?id=sam.rivers', expect: undefined, why: 'profile.php with a non-numeric id' },
  { url: `https://www.facebook.com/people/Sam-Rivers/${ID}/`, expect: byId('profile'), why: 'people URL: the slug is a display name' },
  { url: `https://www.facebook.com/people/Sam-Rivers/${ID}`, expect: byId('profile'), why: 'people URL, no trailing slash' },
  { url: 'https://www.facebook.com/people/Sam-Rivers/', expect: undefined, why: 'people URL without the id' },
  { url: `https://www.facebook.com/${ID}`, expect: byId('profile'), why: 'a numeric first segment opens that id' },
  { url: `https://www.facebook.com/groups/246810121416/user/${ID}/`, expect: byId('profile'), why: 'group member page' },
  { url: 'https://www.facebook.com/sam.rivers/posts/pfbid02abcDEF123', expect: { kind: 'post', handle: 'samrivers' }, why: 'post by vanity' },
  { url: 'https://www.facebook.com/sam.rivers/videos/1234567890/', expect: { kind: 'post', handle: 'samrivers' }, why: 'video by vanity' },
  { url: 'https://www.facebook.com/sam.rivers/photos/a.123/456/', expect: { kind: 'post', handle: 'samrivers' }, why: 'photo in an album' },
  { url: `https://www.facebook.com/permalink.php?story_fbid=pfbid02abc&id=${ID}`, expect: byId('post'), why: 'permalink: id is the author' },
  { url: `https://www.facebook.com/story.php?story_fbid=123&id=${ID}`, expect: byId('post'), why: 'story.php is a post, not a story' },
  { url: 'https://www.facebook.com/permalink.php?story_fbid=123', expect: { kind: 'post' }, why: 'permalink without an author: the page says' },
  { url: 'https://www.facebook.com/photo/?fbid=123456&set=a.789', expect: { kind: 'post' }, why: 'photo by id names no one' },
  { url: 'https://www.facebook.com/photo.php?fbid=123456', expect: { kind: 'post' }, why: 'old photo URL' },
  { url: 'https://www.facebook.com/watch/?v=123456789', expect: { kind: 'post' }, why: 'video by id names no one' },
  { url: 'https://www.facebook.com/reel/123456789012345', expect: { kind: 'post' }, why: 'reel by id names no one' },
  { url: 'https://www.facebook.com/groups/246810121416/posts/135791113151/', expect: { kind: 'post' }, why: 'group post: the author is in the page' },
  { url: 'https://www.facebook.com/groups/246810121416/permalink/135791113151/', expect: { kind: 'post' }, why: 'group permalink' },
  { url: `https://www.facebook.com/stories/${ID}/UzpfSVNDOjEwMDAx/?bucket_count=3&source=story_tray`, expect: byId('story'), why: 'story: the bucket is the owner id' },
  { url: `https://www.facebook.com/stories/${ID}/`, expect: byId('story'), why: 'their stories without a story id' },
  { url: `https://www.facebook.com/messages/t/${ID}/`, expect: byId('messages'), why: 'one-to-one thread by their id' },
  { url: `https://www.facebook.com/messages/e2ee/t/${ID}`, expect: byId('messages'), why: 'end-to-end encrypted thread' },
  { url: 'https://www.facebook.com/messages/t/sam.rivers', expect: { kind: 'messages' }, why: 'thread by name: the header says whose' },
  { url: 'https://www.facebook.com/', expect: undefined, why: 'home feed' },
  { url: 'https://www.facebook.com/?sk=h_chr', expect: undefined, why: 'home feed, most recent' },
  { url: 'https://www.facebook.com/home.php', expect: undefined, why: 'home.php' },
  { url: 'https://www.facebook.com/me', expect: undefined, why: 'your own profile' },
  { url: 'https://www.facebook.com/watch/', expect: undefined, why: 'video feed' },
  { url: 'https://www.facebook.com/reel/', expect: undefined, why: 'reels feed' },
  { url: 'https://www.facebook.com/reels', expect: undefined, why: 'reserved: reels' },
  { url: 'https://www.facebook.com/stories/', expect: undefined, why: 'the tray link' },
  { url: 'https://www.facebook.com/stories/create/', expect: undefined, why: 'creating a story' },
  { url: 'https://www.facebook.com/messages/', expect: undefined, why: 'inbox' },
  { url: 'https://www.facebook.com/groups/246810121416/', expect: undefined, why: 'a group names no person' },
  { url: 'https://www.facebook.com/marketplace/item/123/', expect: undefined, why: 'reserved: marketplace' },
  { url: 'https://www.facebook.com/friends/suggestions', expect: undefined, why: 'reserved: friend suggestions page' },
  { url: 'https://www.facebook.com/notifications', expect: undefined, why: 'reserved: notifications' },
  { url: 'https://www.facebook.com/search/top/?q=sam.rivers', expect: undefined, why: 'a search naming them is not their page' },
  { url: 'https://www.facebook.com/hashtag/river', expect: undefined, why: 'reserved: hashtag' },
  { url: 'https://www.facebook.com/events/123/', expect: undefined, why: 'reserved: events' },
  { url: 'https://www.facebook.com/settings', expect: undefined, why: 'reserved: settings' },
  { url: 'https://www.facebook.com/share/p/1AbCdEf/', expect: undefined, why: 'share links are opaque redirects' },
  { url: 'https://www.facebook.com/sharer/sharer.php?u=x', expect: undefined, why: 'the share dialog' },
  { url: 'https://www.facebook.com/sam', expect: undefined, why: 'four characters: never a username' },
  { url: 'https://www.facebook.com/sam_rivers', expect: undefined, why: 'underscores are not allowed' },
  { url: 'https://www.facebook.com/sam-rivers', expect: undefined, why: 'hyphens are not allowed' },
  { url: 'https://www.facebook.com/s%61m.rivers', expect: undefined, why: 'percent-encoded letters are not a username form Facebook writes' },
  { url: 'https://www.facebook.com/login.php', expect: undefined, why: '.php pages are never usernames' },
  { url: 'https://l.facebook.com/l.php?u=https%3A%2F%2Fexample.com', expect: undefined, why: 'the link shim' },
  { url: 'https://developers.facebook.com/docs/graph-api', expect: undefined, why: 'developer docs, not the app' },
  { url: 'https://business.facebook.com/sam.rivers', expect: undefined, why: 'another Facebook product' },
  { url: 'https://www.messenger.com/t/100012345678901', expect: undefined, why: 'messenger.com is not covered (docs/sites/facebook.md)' },
  { url: 'https://notfacebook.com/sam.rivers', expect: undefined, why: 'look-alike host' },
  { url: 'https://www.facebook.com.evil.example/sam.rivers', expect: undefined, why: 'look-alike host' },
];

export const facebookHandleRows: HandleRow[] = [
  { raw: 'sam.rivers', expect: 'samrivers', why: 'periods removed' },
  { raw: '@Sam.Rivers/', expect: 'samrivers', why: 'at sign, case, trailing slash' },
  { raw: '  samrivers ', expect: 'samrivers', why: 'spaces around' },
  { raw: ID, expect: ID, why: 'a numeric id alone names the account' },
  { raw: 'sam', expect: undefined, why: 'fewer than five characters' },
  { raw: 's.a.m', expect: undefined, why: 'fewer than five characters once periods are removed' },
  { raw: 'sam_rivers', expect: undefined, why: 'underscore' },
  { raw: 'sam rivers', expect: undefined, why: 'space inside' },
  { raw: 'profile.php', expect: undefined, why: 'a page, not a username' },
  { raw: 'marketplace', expect: undefined, why: 'reserved route' },
  { raw: '', expect: undefined, why: 'empty' },
];

const click = () => new MouseEvent('click', { bubbles: true, composed: true, detail: 1 });
const namesOf = (item: Element) => facebookAdapter.feedItem!.authors(item).map((ref) => ref.handle);

/** A lone button (or menu item) with a label or a text, as the label rows need it. */
function button(html: string): Element[] {
  const window = new Window({ url: 'https://www.facebook.com/' });
  window.document.body.innerHTML = html;
  const target = window.document.querySelector('[data-target]') ?? window.document.body.firstElementChild!;
  return pathOf(target as unknown as Element);
}

// Labels in the five languages: each must classify; look-alikes must not.
const LABEL_ROWS: [string, string, string | undefined][] = [
  ['en aria-label', '<div role="button" aria-label="Like"></div>', 'like'],
  ['es aria-label', '<div role="button" aria-label="Me gusta"></div>', 'like'],
  ['pt aria-label', '<div role="button" aria-label="Curtir"></div>', 'like'],
  ['fr aria-label', '<div role="button" aria-label="J’aime"></div>', 'like'],
  ['de aria-label', '<div role="button" aria-label="Gefällt mir"></div>', 'like'],
  ['en text', '<div role="button"><span data-target>Comment</span></div>', 'comment'],
  ['es text', '<div role="button"><span data-target>Comentar</span></div>', 'comment'],
  ['fr text', '<div role="button"><span data-target>Commenter</span></div>', 'comment'],
  ['de text', '<div role="button"><span data-target>Kommentieren</span></div>', 'comment'],
  ['en share label', '<div role="button" aria-label="Send this to friends or post it on your profile."></div>', 'share'],
  ['older share label', '<div role="button" aria-label="Send this to friends or post it on your timeline."></div>', 'share'],
  ['es share', '<div role="button"><span data-target>Compartir</span></div>', 'share'],
  ['pt share', '<div role="button"><span data-target>Compartilhar</span></div>', 'share'],
  ['fr share', '<div role="button"><span data-target>Partager</span></div>', 'share'],
  ['de share', '<div role="button"><span data-target>Teilen</span></div>', 'share'],
  ['en add friend', '<div role="button" aria-label="Add friend"><span data-target>Add friend</span></div>', 'follow'],
  ['es add friend', '<div role="button"><span data-target>Agregar a amigos</span></div>', 'follow'],
  ['pt add friend', '<div role="button"><span data-target>Adicionar amigo</span></div>', 'follow'],
  ['fr add friend', '<div role="button"><span data-target>Ajouter en ami</span></div>', 'follow'],
  ['de add friend', '<div role="button"><span data-target>Freund/in hinzufügen</span></div>', 'follow'],
  ['es follow', '<div role="button"><span data-target>Seguir</span></div>', 'follow'],
  ['fr follow', '<div role="button"><span data-target>Suivre</span></div>', 'follow'],
  ['de follow', '<div role="button"><span data-target>Folgen</span></div>', 'follow'],
  ['en message', '<div role="button" aria-label="Message"></div>', 'message'],
  ['es message', '<div role="button"><span data-target>Enviar mensaje</span></div>', 'message'],
  ['pt message', '<div role="button"><span data-target>Enviar mensagem</span></div>', 'message'],
  ['fr message', '<div role="button"><span data-target>Envoyer un message</span></div>', 'message'],
  ['de message', '<div role="button"><span data-target>Nachricht senden</span></div>', 'message'],
  ['en poke (menu item)', '<div role="menuitem"><span data-target>Poke</span></div>', 'message'],
  ['pt poke', '<div role="menuitem"><span data-target>Cutucar</span></div>', 'message'],
  ['de poke', '<div role="menuitem"><span data-target>Anstupsen</span></div>', 'message'],
  ['a marker decides, whatever the label', '<div role="button" aria-label="Réagir"><span data-ad-rendering-role="like_button" data-target></span></div>', 'like'],
  ['undo-looking label is not a like', '<div role="button" aria-label="Remove Like"></div>', undefined],
  ['friends (already) is not add friend', '<div role="button"><span data-target>Friends</span></div>', undefined],
  ['following (already) is not follow', '<div role="button"><span data-target>Following</span></div>', undefined],
  ['a long text that contains a label', '<div role="button"><span data-target>Like this page and follow its updates</span></div>', undefined],
  ['not a button', '<span data-target>Like</span>', undefined],
  ['an unknown aria-label wins over its text', '<div role="button" aria-label="More options"><span data-target>Like</span></div>', undefined],
];

/** The checks this site needs beyond its rows and its scenario. */
function checks(): void {
  describe('facebook: labels in five languages', () => {
    test.each(LABEL_ROWS)('%s', (_why, html, action) => {
      expect(classifyPress(facebookAdapter, button(html), click())?.action).toBe(action);
    });
  });

  describe('facebook: a hover over Like (it opens the reactions menu)', () => {
    const doc = loadFixture('facebook', 'feed.html', 'https://www.facebook.com/', PEOPLE);
    test.each([
      ['the Like button', '#post-guarded [role="button"]:has([data-ad-rendering-role="like_button"])', 'like'],
      ['its marker', '#post-guarded [data-ad-rendering-role="like_button"] span', 'like'],
      ['Comment', '#post-guarded [data-ad-rendering-role="comment_button"]', undefined],
      ['the post text', '#post-guarded [data-ad-rendering-role="story_message"] div', undefined],
    ])('%s → %s', (_why, selector, action) => {
      const element = doc.querySelector(selector)!;
      expect(element, selector).not.toBeNull();
      expect(classifyHover(facebookAdapter, pathOf(element))?.action).toBe(action);
    });
  });

  describe('facebook: feed items in feed.html', () => {
    for (const file of ['feed.html', 'feed.de.html']) {
      const doc = loadFixture('facebook', file, 'https://www.facebook.com/', PEOPLE);
      const items = [...doc.querySelectorAll(facebookAdapter.feedItem!.selector)];
      test.each([
        ['their post', '#post-guarded', ['samrivers']],
        ['a post by someone else that mentions them: only the author', '#post-other', ['alexother']],
        ['their comment on it', '#comment-guarded', ['samrivers']],
        ['someone sharing their post: the sharer, then them', '#share-by-other', ['alexother', 'samrivers']],
        ['their story card, by their numeric id', '#story-card-guarded', [ID]],
        ['their suggestion card', '#pymk-guarded', ['samrivers']],
        ['a suggestion card by numeric id', '#pymk-by-id', ['100055555555555']],
      ])(`${file}: %s`, (_why, selector, expected) => {
        const item = doc.querySelector(selector)!;
        expect(items).toContain(item);
        expect(namesOf(item)).toEqual(expected);
      });

      test(`${file}: the suggestions unit and the "create story" link name no one`, () => {
        expect(namesOf(doc.querySelector('#suggestions')!)).toEqual([]);
        expect(namesOf(doc.querySelector('a[href="/stories/create/"]')!)).toEqual([]);
      });

      test(`${file}: a control in their comment is theirs, the post's own controls are the author's`, () => {
        expect(ownerOfPath(facebookAdapter, pathOf(doc.querySelector('#comment-guarded-like')!))?.handle).toBe('samrivers');
        expect(ownerOfPath(facebookAdapter, pathOf(doc.querySelector('#post-other [data-ad-rendering-role="like_button"]')!))?.handle).toBe('alexother');
        expect(classifyPress(facebookAdapter, pathOf(doc.querySelector('#composer-other')!), click())?.action).toBe('comment');
      });
    }
  });

  // The localized variant's e2e block is generic (written with the labels work); meanwhile its
  // controls are proved here, in happy-dom, the way site-tables.test.ts proves the English ones.
  describe('facebook: the German feed (scenario.localized)', () => {
    const localized = scenario.localized!;
    const doc = loadFixture('facebook', localized.feed.fixture, localized.feed.url, PEOPLE);
    test('the fixture says it is German', () => expect(doc.documentElement.getAttribute('lang')).toBe(localized.lang));
    test.each(localized.controls.map((c, i) => [`${c.action} #${i + 1}`, c] as const))('%s: theirs is theirs, the other is not', (_name, control) => {
      for (const [selector, owner] of [[control.guarded, 'samrivers'], [control.other, 'alexother']] as const) {
        const element = doc.querySelector(selector);
        expect(element, selector).not.toBeNull();
        expect(classifyPress(facebookAdapter, pathOf(element!), click())?.action).toBe(control.action);
        expect(ownerOfPath(facebookAdapter, pathOf(element!))?.handle).toBe(owner);
      }
    });
  });

  describe('facebook: the page says whose it is', () => {
    test('a group post: the author link after the group link', () => {
      const doc = loadFixture('facebook', 'post.html', 'https://www.facebook.com/groups/246810121416/posts/135791113151/', PEOPLE);
      expect(facebookAdapter.pageOwner!(doc)).toEqual({ kind: 'post', handle: ID, stableId: ID });
    });
    test('a thread by name: the header link', () => {
      const doc = loadFixture('facebook', 'messages.html', 'https://www.facebook.com/messages/t/sam.rivers', PEOPLE);
      expect(facebookAdapter.pageOwner!(doc)).toEqual({ kind: 'messages', handle: 'samrivers' });
    });
    test('a URL that names someone is left to the URL', () => {
      const doc = loadFixture('facebook', 'profile.html', 'https://www.facebook.com/sam.rivers', PEOPLE);
      expect(facebookAdapter.pageOwner!(doc)).toBeUndefined();
    });
  });

  describe('facebook: pasting any of the three profile forms on the options page', () => {
    test.each([
      ['https://www.facebook.com/sam.rivers', { handle: 'samrivers' }],
      [`https://www.facebook.com/profile.php?id=${ID}`, { handle: ID, stableId: ID }],
      [`https://www.facebook.com/people/Sam-Rivers/${ID}/`, { handle: ID, stableId: ID }],
      [`m.facebook.com/profile.php?id=${ID}&sk=about`, { handle: ID, stableId: ID }],
    ])('%s', (input, expected) => {
      const result = recognizeProfileLink(input);
      expect(result).toMatchObject({ ok: true, site: 'facebook', ...expected });
      if (result.ok) expect(facebookAdapter.parseUrl(new URL(result.profileUrl))).toMatchObject(expected);
    });
  });

  describe('facebook: full loads that tell them', () => {
    const regexes = (account: { handle: string; stableId?: string }) =>
      facebookAdapter.contactRequestRegexes!({ handle: account.handle as Handle, ...(account.stableId && { stableId: account.stableId }) }).map((r) => new RegExp(r, 'i'));
    const matches = (account: { handle: string; stableId?: string }, url: string) => regexes(account).some((r) => r.test(url));
    test.each([
      [`https://www.facebook.com/stories/${ID}/UzpfSVNDOjEwMDAx/?bucket_count=3&source=story_tray`, true],
      [`https://m.facebook.com/stories/${ID}/`, true],
      [`https://web.facebook.com/messages/t/${ID}/`, true],
      [`https://www.facebook.com/messages/e2ee/t/${ID}`, true],
      [`https://www.facebook.com/stories/${ID}9/`, false],
      [`https://www.facebook.com/stories/1${ID}/`, false],
      [`https://www.facebook.com/profile.php?id=${ID}`, false],
      [`https://www.facebook.com.evil.example/stories/${ID}/`, false],
    ])('%s → %s', (url, expected) => {
      expect(matches({ handle: 'samrivers', stableId: ID }, url)).toBe(expected);
      expect(matches({ handle: ID }, url), 'an account added by its id alone').toBe(expected);
    });
    test('an account known by vanity alone has no rule: stories and threads carry only the id', () => {
      expect(regexes({ handle: 'samrivers' })).toEqual([]);
    });
  });
}

export const table: SiteTable = { urls: facebookUrlRows, handles: facebookHandleRows, checks };
