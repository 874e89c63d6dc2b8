/**
 * `feedItem.hideSelectors` go into the user-origin feed stylesheet, which hides what they match
 * with no further check, and once it is in, the engine no longer hides those people's items
 * itself. So, in every fixture of every adapter that declares them, at both reaches:
 * - exact: every element they match is an item the engine would hide for that account (one
 *   `authors()` names them in; at 'mentions', also one with a link to them), or one of the own
 *   parts (`ownParts`) of such an item, never the whole of an item that has own parts, or, at
 *   'mentions', a card with a link to them among its children;
 * - not empty: the fixture's item by the guarded person (the scenario's `feedItems.guarded`) is
 *   hidden, wholly or by every one of its own parts.
 * The accounts tried are the scenario's guarded person and everyone `authors()` reads in the fixture.
 *
 * The selectors are matched by linkedom (css-select), not happy-dom: happy-dom 21 matches a `:has()`
 * whose argument is complex wrongly (`article:has(header a[href="/sam"])` matches an article whose
 * header links elsewhere and whose text links to /sam), which the browsers do not.
 */
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { SITE_ADAPTERS } from '../../utils/sites/registry';
import type { ContactAccount, FeedReach, Handle, PageRef, SiteAdapter } from '../../utils/sites/site-adapter';
import type { SiteScenario } from '../fixtures/sites/scenario-types';
import { loadFixture } from './site-table-runner';

const scenarios = import.meta.glob<{ scenario: SiteScenario }>('../fixtures/sites/*/scenario.ts', { eager: true });
const scenarioOf = (site: string) => Object.values(scenarios).find((m) => m.scenario.site === site)!.scenario;

/**
 * The elements of `doc` (happy-dom, as the adapters read it) that `selector` matches in a browser:
 * the light DOM (a user sheet does not reach into shadow roots) copied into linkedom, each element
 * numbered so the matches map back.
 */
function matcher(doc: Document): (selector: string) => Element[] {
  const elements = [...doc.querySelectorAll('*')];
  elements.forEach((element, i) => element.setAttribute('data-nth', String(i)));
  const copy = parseHTML(doc.documentElement.outerHTML).document;
  for (const element of elements) element.removeAttribute('data-nth');
  return (selector) => [...copy.querySelectorAll(selector)].map((element) => elements[Number(element.getAttribute('data-nth'))]!);
}

const REACHES: readonly FeedReach[] = ['own', 'mentions'];

const names = (ref: PageRef, account: ContactAccount) =>
  Boolean((ref.handle && ref.handle === account.handle) || (ref.stableId && account.stableId && ref.stableId === account.stableId));

/** Everyone the engine reads from an item at this reach (utils/engine/feed-hider.ts `guardedMatch`). */
function peopleIn(adapter: SiteAdapter, item: Element, reach: FeedReach, base: string): PageRef[] {
  const people = [...adapter.feedItem!.authors(item)];
  if (reach === 'mentions') {
    for (const link of item.querySelectorAll('a[href]')) {
      const ref = linkRef(adapter, link, base);
      if (ref) people.push(ref);
    }
  }
  return people;
}

function linkRef(adapter: SiteAdapter, link: Element, base: string): PageRef | undefined {
  try {
    return adapter.parseUrl(new URL(link.getAttribute('href') ?? '', base));
  } catch {
    return undefined;
  }
}

/** Why hiding `element` for `account` is not what the engine would do, or undefined when it is. */
function inexact(adapter: SiteAdapter, element: Element, account: ContactAccount, reach: FeedReach, base: string): string | undefined {
  const rule = adapter.feedItem!;
  const hides = (item: Element) => peopleIn(adapter, item, reach, base).some((ref) => names(ref, account));
  if (element.matches(rule.selector)) {
    if ((rule.ownParts?.(element) ?? []).length > 0) return 'a whole item that has own parts';
    return hides(element) ? undefined : 'an item not theirs';
  }
  for (let item = element.parentElement?.closest(rule.selector); item; item = item.parentElement?.closest(rule.selector)) {
    if (rule.ownParts?.(item).includes(element)) return hides(item) ? undefined : 'a part of an item not theirs';
  }
  const linksToThem = (child: Element) => {
    const ref = child.localName === 'a' ? linkRef(adapter, child, base) : undefined;
    return ref !== undefined && names(ref, account);
  };
  if (reach === 'mentions' && [...element.children].some(linksToThem)) return undefined;
  return 'neither an item, an own part nor a card';
}

const rows = SITE_ADAPTERS.filter((adapter) => adapter.feedItem?.hideSelectors).flatMap((adapter) =>
  readdirSync(resolve(process.cwd(), 'tests/fixtures/sites', adapter.id))
    .filter((file) => file.endsWith('.html'))
    .flatMap((file) => REACHES.map((reach) => [adapter.id, file, reach, adapter] as const)),
);

describe('hideSelectors hide only what the engine would', () => {
  test('the sites with them', () =>
    expect(SITE_ADAPTERS.filter((adapter) => adapter.feedItem?.hideSelectors).map((adapter) => adapter.id).sort()).toEqual(
      ['bluesky', 'instagram', 'linkedin', 'reddit', 'threads', 'tiktok', 'x'],
    ));

  test.each(rows)('%s %s at %s', (site, file, reach, adapter) => {
    const scenario = scenarioOf(site);
    const base = `https://${adapter.hosts[0]}/`;
    const doc = loadFixture(site, file, base, { handle: scenario.guarded.handle, other: scenario.other });
    const rule = adapter.feedItem!;
    const matching = matcher(doc);
    const accounts: ContactAccount[] = [{ handle: scenario.guarded.handle as Handle }];
    for (const item of doc.querySelectorAll(rule.selector)) {
      for (const ref of rule.authors(item)) accounts.push({ handle: ref.handle ?? ('nobody_here' as Handle), ...(ref.stableId && { stableId: ref.stableId }) });
    }
    for (const account of accounts) {
      const selectors = rule.hideSelectors!(account, reach) ?? [];
      for (const selector of selectors) {
        for (const element of matching(selector)) {
          expect(inexact(adapter, element, account, reach, base), `${selector.slice(0, 160)} on ${element.outerHTML.slice(0, 160)} for ${account.handle}`).toBeUndefined();
        }
      }
    }
    // Not empty: the guarded person's item in the feed is hidden, by the whole or by its own parts.
    const guardedItem = file === 'feed.html' && scenario.feedItems ? doc.querySelector(scenario.feedItems.guarded) : null;
    if (guardedItem) {
      const hiddenElements = new Set(rule.hideSelectors!({ handle: scenario.guarded.handle as Handle }, reach)!.flatMap(matching));
      const hidden = (element: Element) => hiddenElements.has(element);
      const parts = rule.ownParts?.(guardedItem) ?? [];
      expect(parts.length > 0 ? parts.every(hidden) : hidden(guardedItem)).toBe(true);
    }
  });
});

// Items the fixtures do not hold, each with the elements the sheet hides for `sam_rivers_x` (by id).
const C = 'class="DivCommentItemWrapper"';
const tiktokComment = (id: string, who: string, inner = '') => `<div ${C} id="${id}"><a href="/@${who}"><span data-e2e="comment-username-1">${who}</span></a><p data-e2e="comment-level-1">hi</p>${inner}</div>`;
const handMade: readonly (readonly [string, string, FeedReach, string, readonly string[]])[] = [
  ['tiktok', 'their comment with someone else’s reply under it', 'own', tiktokComment('mine', 'sam_rivers_x', tiktokComment('reply', 'alex_other')), ['mine']],
  ['tiktok', 'their reply under someone else’s comment', 'own', tiktokComment('theirs', 'alex_other', tiktokComment('reply', 'sam_rivers_x')), ['reply']],
  ['tiktok', 'their reply two levels down', 'own', tiktokComment('a', 'alex_other', tiktokComment('b', 'alex_other', tiktokComment('c', 'sam_rivers_x'))), ['c']],
  ['tiktok', 'someone else’s comment mentioning them in its text', 'own', `<div ${C} id="x"><a href="/@alex_other">a</a><p data-e2e="comment-level-1"><a href="/@sam_rivers_x">@sam_rivers_x</a></p></div>`, []],
  ['tiktok', 'the same at reach mentions', 'mentions', `<div ${C} id="x"><a href="/@alex_other">a</a><p data-e2e="comment-level-1"><a href="/@sam_rivers_x">@sam_rivers_x</a></p></div>`, ['x']],
  ['tiktok', 'a percent-encoded link to someone first', 'own', `<div ${C} id="x"><a href="/%40alex_other">a</a><a href="/@sam_rivers_x">s</a></div>`, []],
  ['reddit', 'their comment: its own parts, not the reply inside', 'own', '<shreddit-comment id="c" author="Sam_Rivers_X"><div slot="commentMeta" id="meta">m</div><div slot="comment" id="text">t</div><shreddit-comment id="r" author="alex_other" slot="children"><div slot="comment" id="rtext">r</div></shreddit-comment></shreddit-comment>', ['meta', 'text']],
  ['reddit', 'someone else’s post linking to them, at reach own', 'own', '<shreddit-post id="p" author="alex_other"><a href="/u/sam_rivers_x">u/sam_rivers_x</a></shreddit-post>', []],
  ['reddit', 'the same at reach mentions', 'mentions', '<shreddit-post id="p" author="alex_other"><a href="/u/sam_rivers_x">u/sam_rivers_x</a></shreddit-post>', ['p']],
  ['reddit', 'a chat link on the chat host, at reach mentions', 'mentions', '<shreddit-post id="p" author="alex_other"><a href="https://chat.reddit.com/user/sam_rivers_x/">chat</a></shreddit-post>', ['p']],
  ['reddit', 'an old Reddit comment of theirs: all but its replies', 'own', '<div class="thing comment" id="t" data-author="sam_rivers_x"><div class="entry" id="e">e</div><div class="child" id="kids"><div class="thing comment" data-author="alex_other"><div class="entry" id="e2">x</div></div></div></div>', ['e']],
];

describe.each(handMade)('%s: %s (%s)', (site, _why, reach, html, expected) => {
  test('hides exactly those, and only what the engine would', () => {
    const adapter = SITE_ADAPTERS.find((candidate) => candidate.id === site)!;
    const base = `https://${adapter.hosts[0]}/`;
    const doc = loadFixture(site, 'feed.html', base);
    doc.body.innerHTML = html;
    const account: ContactAccount = { handle: 'sam_rivers_x' as Handle };
    const matched = adapter.feedItem!.hideSelectors!(account, reach)!.flatMap(matcher(doc));
    for (const element of matched) expect(inexact(adapter, element, account, reach, base), element.outerHTML.slice(0, 160)).toBeUndefined();
    expect([...new Set(matched.map((element) => element.id))].sort()).toEqual([...expected].sort());
  });
});
