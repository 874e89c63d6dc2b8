/**
 * Reddit URL shapes, handle rules and fixture rows (shreddit and old Reddit). Source:
 * docs/sites/reddit.md (RES lib/utils/location.js @a12cc4e7; RedditEnhancer @8b2dcf30; Toolbox
 * platform.ts @e87b919a; old-reddit-redirect rules.json @2e4b6482).
 */
import { describe, expect, test } from 'vitest';
import { classifyPress, ownerOfPath } from '../../utils/engine/control-guard';
import type { Handle } from '../../utils/sites/site-adapter';
import { redditAdapter } from '../../utils/sites/reddit';
import { scenario } from '../fixtures/sites/reddit/scenario';
import { loadFixture, pathOf, queryDeep } from './site-table-runner';
import type { HandleRow, MentionRows, SiteTable, UrlRow } from './site-table-runner';

const profile = (handle: string) => ({ kind: 'profile' as const, handle });

export const redditUrlRows: UrlRow[] = [
  { url: 'https://www.reddit.com/user/sam_rivers_x/', expect: profile('sam_rivers_x'), why: 'profile' },
  { url: 'https://www.reddit.com/user/sam_rivers_x', expect: profile('sam_rivers_x'), why: 'no trailing slash' },
  { url: 'https://www.reddit.com/u/sam_rivers_x', expect: profile('sam_rivers_x'), why: '/u/ short form' },
  { url: 'https://www.reddit.com/U/Sam_Rivers_X/', expect: profile('sam_rivers_x'), why: 'case of prefix and name' },
  { url: 'https://www.reddit.com/user/Sam-Rivers/submitted/?sort=top', expect: profile('sam-rivers'), why: 'a tab, with a query' },
  { url: 'https://www.reddit.com/user/sam_rivers_x/comments/', expect: profile('sam_rivers_x'), why: 'their comments tab' },
  { url: 'https://www.reddit.com/user/sam_rivers_x/overview#top', expect: profile('sam_rivers_x'), why: 'overview tab, with a fragment' },
  { url: 'https://www.reddit.com/user/%73am_rivers_x/', expect: profile('sam_rivers_x'), why: 'percent-encoded' },
  { url: 'https://reddit.com/user/sam_rivers_x/', expect: profile('sam_rivers_x'), why: 'bare host' },
  { url: 'https://sh.reddit.com/user/sam_rivers_x/', expect: profile('sam_rivers_x'), why: 'sh. (shreddit)' },
  { url: 'https://new.reddit.com/user/sam_rivers_x/', expect: profile('sam_rivers_x'), why: 'new. (serves shreddit now)' },
  { url: 'https://old.reddit.com/user/sam_rivers_x/', expect: profile('sam_rivers_x'), why: 'old Reddit' },
  { url: 'https://np.reddit.com/u/sam_rivers_x', expect: profile('sam_rivers_x'), why: 'np. alias of old Reddit' },
  { url: 'https://www.reddit.com/r/u_sam_rivers_x/', expect: profile('sam_rivers_x'), why: 'their profile community' },
  { url: 'https://www.reddit.com/user/sam_rivers_x/comments/1guard1/morning_walk/', expect: { kind: 'post', handle: 'sam_rivers_x' }, why: 'a post made to their profile' },
  { url: 'https://www.reddit.com/r/u_sam_rivers_x/comments/1guard1/morning_walk/', expect: { kind: 'post', handle: 'sam_rivers_x' }, why: 'the same post by its community path' },
  { url: 'https://www.reddit.com/r/walking/comments/1guard1/morning_walk_by_the_river/', expect: { kind: 'post' }, why: 'a post by id: the author is read from the page' },
  { url: 'https://old.reddit.com/r/walking/comments/1guard1/morning_walk/', expect: { kind: 'post' }, why: 'the same on old Reddit' },
  { url: 'https://www.reddit.com/r/walking/comments/1guard1/morning_walk/c0mm3nt/', expect: { kind: 'post' }, why: 'one comment in a post' },
  { url: 'https://www.reddit.com/comments/1guard1/', expect: { kind: 'post' }, why: 'short post path' },
  { url: 'https://www.reddit.com/gallery/1guard1', expect: { kind: 'post' }, why: 'a gallery is a post' },
  { url: 'https://www.reddit.com/message/compose/?to=sam_rivers_x', expect: { kind: 'messages', handle: 'sam_rivers_x' }, why: 'writing to them' },
  { url: 'https://old.reddit.com/message/compose?to=%2Fu%2FSam_Rivers_X&subject=hi', expect: { kind: 'messages', handle: 'sam_rivers_x' }, why: 'writing to /u/Name, encoded' },
  { url: 'https://www.reddit.com/message/compose/?to=/r/walking', expect: undefined, why: 'writing to a community’s moderators' },
  { url: 'https://www.reddit.com/message/messages/2abcde', expect: { kind: 'messages' }, why: 'a message thread by id' },
  { url: 'https://chat.reddit.com/user/sam_rivers_x/', expect: { kind: 'messages', handle: 'sam_rivers_x' }, why: 'a chat with them' },
  { url: 'https://chat.reddit.com/user/t2_guard01', expect: { kind: 'messages', stableId: 't2_guard01' }, why: 'a chat by account id' },
  { url: 'https://chat.reddit.com/user/T2_Guard01/', expect: { kind: 'messages', stableId: 't2_guard01' }, why: 'ids are lower-case base 36' },
  { url: 'https://chat.reddit.com/room/!abcdef:reddit.com', expect: { kind: 'messages' }, why: 'a chat room by id' },
  { url: 'https://chat.reddit.com/', expect: undefined, why: 'the chat list' },
  { url: 'https://www.reddit.com/', expect: undefined, why: 'home feed' },
  { url: 'https://www.reddit.com/r/walking/', expect: undefined, why: 'a community' },
  { url: 'https://www.reddit.com/r/sam_rivers_x/', expect: undefined, why: 'a community named like them is not their profile' },
  { url: 'https://www.reddit.com/r/walking/comments/', expect: undefined, why: 'a community’s comment listing' },
  { url: 'https://www.reddit.com/r/popular/', expect: undefined, why: 'popular' },
  { url: 'https://www.reddit.com/search/?q=sam_rivers_x', expect: undefined, why: 'a search naming someone is not their page' },
  { url: 'https://www.reddit.com/settings/', expect: undefined, why: 'settings' },
  { url: 'https://www.reddit.com/notifications', expect: undefined, why: 'notifications' },
  { url: 'https://www.reddit.com/sam_rivers_x', expect: undefined, why: 'no /user/: not a profile path' },
  { url: 'https://www.reddit.com/user/', expect: undefined, why: 'no name' },
  { url: 'https://www.reddit.com/user/sa/', expect: undefined, why: 'two characters: too short' },
  { url: 'https://www.reddit.com/user/abcdefghijklmnopqrstu/', expect: undefined, why: '21 characters: too long' },
  { url: 'https://www.reddit.com/user/sam.rivers/', expect: undefined, why: 'dots are not allowed' },
  { url: 'https://www.reddit.com/user/[deleted]/', expect: undefined, why: 'a deleted account' },
  { url: 'https://mod.reddit.com/mail/all', expect: undefined, why: 'modmail' },
  { url: 'https://www.redditstatic.com/user/sam_rivers_x', expect: undefined, why: 'the static host' },
  { url: 'https://notreddit.com/user/sam_rivers_x', expect: undefined, why: 'look-alike host' },
  { url: 'https://www.reddit.com.evil.example/user/sam_rivers_x', expect: undefined, why: 'look-alike host' },
];

export const redditHandleRows: HandleRow[] = [
  { raw: 'sam_rivers_x', expect: 'sam_rivers_x', why: 'plain' },
  { raw: 'u/Sam_Rivers_X', expect: 'sam_rivers_x', why: 'as shreddit writes it, and case' },
  { raw: ' /u/sam-rivers/ ', expect: 'sam-rivers', why: 'slashes and spaces' },
  { raw: '/user/sam_rivers_x', expect: 'sam_rivers_x', why: 'the /user/ prefix' },
  { raw: '@sam_rivers_x', expect: 'sam_rivers_x', why: 'an at sign from another site' },
  { raw: 'abc', expect: 'abc', why: 'three characters' },
  { raw: 'ab', expect: undefined, why: 'too short' },
  { raw: 'sam rivers', expect: undefined, why: 'spaces inside' },
  { raw: 'sam.rivers', expect: undefined, why: 'dot' },
  { raw: '[deleted]', expect: undefined, why: 'a deleted account' },
];

/** Items that do and do not name the guarded account, for its mention selector (mention-selector.test.ts). */
const mentionRows: MentionRows = {
  guarded: { handle: 'sam_rivers_x' as Handle, stableId: 't2_guard01' },
  base: 'https://www.reddit.com/',
  rows: [
    ['their post', '<shreddit-post author="sam_rivers_x"></shreddit-post>', true],
    ['their post, another case', '<shreddit-post author="Sam_Rivers_X"></shreddit-post>', true],
    ['their post by account id only', '<shreddit-post author="" author-id="t2_guard01"></shreddit-post>', true],
    ['their comment', '<shreddit-comment author="sam_rivers_x"><div slot="comment">Hi</div></shreddit-comment>', true],
    ['their old Reddit row', '<div class="thing link" data-author="sam_rivers_x"></div>', true],
    ['a post still rendering, with their credit-bar link', '<shreddit-post><div slot="credit-bar"><a href="/user/sam_rivers_x/">u/sam_rivers_x</a></div></shreddit-post>', true],
    ['a percent-encoded link', '<shreddit-post><div slot="credit-bar"><a href="/user/%73am_rivers_x/">u</a></div></shreddit-post>', true],
    ['someone else', '<shreddit-post author="alex_other" author-id="t2_other01"><div slot="credit-bar"><a href="/user/alex_other/">u/alex_other</a></div></shreddit-post>', false],
    ['someone else on old Reddit', '<div class="thing link" data-author="alex_other"></div>', false],
  ],
};

const click = () => new MouseEvent('click', { bubbles: true, composed: true });
const handlesOf = (item: Element) => redditAdapter.feedItem!.authors(item).map((ref) => ref.handle);
const POST_URL = 'https://www.reddit.com/r/walking/comments/1guard1/morning_walk_by_the_river/';

function checks(): void {
  describe('reddit: feed items in feed.html', () => {
    const doc = loadFixture('reddit', 'feed.html', 'https://www.reddit.com/');
    const items = [...doc.querySelectorAll(redditAdapter.feedItem!.selector)];
    test('two posts, each by its author with their account id; the ad is not an item', () => {
      expect(items.map((item) => redditAdapter.feedItem!.authors(item))).toEqual([
        [{ kind: 'profile', handle: 'sam_rivers_x', stableId: 't2_guard01' }],
        [{ kind: 'profile', handle: 'alex_other', stableId: 't2_other01' }],
      ]);
      expect(doc.querySelector('shreddit-ad-post')!.matches(redditAdapter.feedItem!.selector)).toBe(false);
    });
    test('a post without its author attribute falls back to its credit-bar link', () => {
      const post = doc.querySelector('#t3_1guard1')!.cloneNode(true) as Element;
      post.removeAttribute('author');
      post.removeAttribute('author-id');
      expect(handlesOf(post)).toEqual(['sam_rivers_x']);
    });
    test('a deleted author names no one', () => {
      const post = doc.createElement('shreddit-post');
      post.setAttribute('author', '[deleted]');
      post.setAttribute('is-author-deleted', '');
      expect(redditAdapter.feedItem!.authors(post)).toEqual([]);
    });
  });

  describe('reddit: controls in feed.html, including inside shadow roots', () => {
    const doc = loadFixture('reddit', 'feed.html', 'https://www.reddit.com/');
    test.each([
      ['#t3_1guard1 >>> button[upvote]', 'vote'],
      ['#t3_1guard1 >>> button[downvote]', 'vote'],
      ['#t3_1guard1 [slot="comment-button"]', 'comment'],
      ['#t3_1guard1 [slot="repost-button"]', 'repost'],
      ['#t3_1guard1 shreddit-post-share-button button', 'share'],
      ['#hovercard-follow', 'follow'],
      ['#t3_1guard1 [slot="title"]', undefined],
      ['#t3_1guard1 [slot="text-body"] p', undefined],
    ])('%s → %s, owned by the post’s author', (selector, action) => {
      const element = queryDeep(doc, selector)!;
      expect(element, selector).not.toBeNull();
      expect(classifyPress(redditAdapter, pathOf(element), click())?.action).toBe(action);
      expect(ownerOfPath(redditAdapter, pathOf(element))?.handle).toBe('sam_rivers_x');
    });
    test('votes are paused only when the person chooses, off by default; nothing else is choosable', () => {
      expect(redditAdapter.choosablePauses).toEqual({ vote: false });
    });
  });

  describe('reddit: the German feed (feed.de.html) and the labels of text-only controls', () => {
    const doc = loadFixture('reddit', scenario.localized!.feed.fixture, scenario.localized!.feed.url);
    test.each(scenario.localized!.controls.map((c) => [c.action, c] as const))('%s: stopped on theirs, owned by the other on theirs', (action, control) => {
      for (const [selector, owner] of [[control.guarded, 'sam_rivers_x'], [control.other, 'alex_other']] as const) {
        const element = queryDeep(doc, selector)!;
        expect(element, selector).not.toBeNull();
        expect(classifyPress(redditAdapter, pathOf(element), click())?.action).toBe(action);
        expect(ownerOfPath(redditAdapter, pathOf(element))?.handle).toBe(owner);
      }
    });
    // en from Reddit (docs/sites/reddit.md, Controls, M); es, pt, fr, de UNVERIFIED (Labels).
    test.each([
      ['Follow', 'follow'], ['Seguir', 'follow'], ['Suivre', 'follow'], ['Folgen', 'follow'],
      ['Chat', 'message'], ['Start chat', 'message'], ['Chatear', 'message'], ['Iniciar chat', 'message'],
      ['Conversar', 'message'], ['Iniciar conversa', 'message'], ['Discuter', 'message'], ['Démarrer le chat', 'message'],
      ['Chatten', 'message'], ['Chat starten', 'message'],
      ['Following', undefined], ['Siguiendo', undefined], ['Abonniert', undefined], ['Join', undefined], ['Share', undefined],
    ])('a button reading %j → %s', (text, action) => {
      const button = doc.createElement('button');
      button.textContent = ` ${text} `;
      doc.body.append(button);
      expect(redditAdapter.classifyControl!(pathOf(button))).toBe(action);
      button.remove();
    });
  });

  describe('reddit: post.html (their post and a thread of comments)', () => {
    const doc = loadFixture('reddit', 'post.html', POST_URL);
    test('the page is theirs, read from the post whose id the URL names', () => {
      expect(redditAdapter.pageOwner!(doc)).toEqual({ kind: 'post', handle: 'sam_rivers_x', stableId: 't2_guard01' });
    });
    test.each([
      ['#comment-other', ['alex_other']],
      ['#reply-guarded', ['sam_rivers_x']],
      ['#comment-guarded', ['sam_rivers_x']],
      ['#reply-other', ['alex_other']],
    ])('the comment %s is an item by its own author', (selector, expected) => {
      const item = doc.querySelector(selector)!;
      expect(item.matches(redditAdapter.feedItem!.selector)).toBe(true);
      expect(handlesOf(item)).toEqual(expected);
    });
    test.each([
      ['#comment-other > shreddit-comment-action-row >>> button[upvote]', 'vote', 'alex_other'],
      ['#reply-guarded > shreddit-comment-action-row >>> button[downvote]', 'vote', 'sam_rivers_x'],
      ['#reply-guarded faceplate-tracker button', 'reply', 'sam_rivers_x'],
      ['#comment-other > shreddit-comment-action-row faceplate-tracker button', 'reply', 'alex_other'],
      ['#comment-guarded > shreddit-comment-action-row shreddit-comment-share-button button', 'share', 'sam_rivers_x'],
      ['#composer [role="textbox"]', 'comment', undefined],
    ])('%s → %s, owned by %s (no item: the page’s owner)', (selector, action, owner) => {
      const element = queryDeep(doc, selector)!;
      expect(element, selector).not.toBeNull();
      expect(classifyPress(redditAdapter, pathOf(element), click())?.action).toBe(action);
      expect(ownerOfPath(redditAdapter, pathOf(element))?.handle).toBe(owner);
    });
    test('a comment’s own parts are its meta, text and action row; its replies are not among them', () => {
      const comment = doc.querySelector('#comment-guarded')!;
      const parts = redditAdapter.feedItem!.ownParts!(comment);
      expect(parts.map((part) => part.getAttribute('slot'))).toEqual(['commentMeta', 'comment', 'actionRow']);
      expect(parts.some((part) => part.contains(doc.querySelector('#reply-other')))).toBe(false);
    });
    test('a post has no own parts: it hides whole', () => {
      expect(redditAdapter.feedItem!.ownParts!(doc.querySelector('shreddit-post')!)).toEqual([]);
    });
  });

  describe('reddit: old-reddit.html (old Reddit rows)', () => {
    const url = 'https://old.reddit.com/r/walking/comments/1guard1/morning_walk_by_the_river/';
    const doc = loadFixture('reddit', 'old-reddit.html', url);
    test('the page is theirs, read from the row whose fullname the URL names', () => {
      expect(redditAdapter.pageOwner!(doc)).toEqual({ kind: 'post', handle: 'sam_rivers_x' });
    });
    test('every row is an item by its author', () => {
      const items = [...doc.querySelectorAll(redditAdapter.feedItem!.selector)];
      expect(items.map(handlesOf)).toEqual([['sam_rivers_x'], ['alex_other'], ['sam_rivers_x'], ['sam_rivers_x']]);
    });
    test.each([
      ['#thing_t1_cguard2 .arrow.up', 'vote', 'sam_rivers_x'],
      ['#thing_t1_cguard1 .arrow.upmod', 'vote', 'sam_rivers_x'],
      ['#thing_t1_c0ther1 > .midcol .arrow.down', 'vote', 'alex_other'],
      ['#thing_t1_cguard2 .reply-button a', 'reply', 'sam_rivers_x'],
      ['#thing_t1_c0ther1 > .entry .reply-button a', 'reply', 'alex_other'],
      ['#thing_t1_cguard1 .usertext-body p', undefined, 'sam_rivers_x'],
    ])('%s → %s, owned by %s', (selector, action, owner) => {
      const element = doc.querySelector(selector)!;
      expect(element, selector).not.toBeNull();
      expect(classifyPress(redditAdapter, pathOf(element), click())?.action).toBe(action);
      expect(ownerOfPath(redditAdapter, pathOf(element))?.handle).toBe(owner);
    });
    test('a comment row’s own parts leave its replies (.child) out', () => {
      const row = doc.querySelector('#thing_t1_c0ther1')!;
      const parts = redditAdapter.feedItem!.ownParts!(row);
      expect(parts.map((part) => part.className)).toEqual(['midcol', 'entry']);
    });
  });

  describe('reddit: what the other person is told', () => {
    test('nothing is told by viewing: no contact-in-itself declarations', () => {
      expect(redditAdapter.visibleToThem).toBeUndefined();
      expect(redditAdapter.contactRequestRegexes).toBeUndefined();
    });
  });
}

export const table: SiteTable = { urls: redditUrlRows, handles: redditHandleRows, checks, mentions: mentionRows };
