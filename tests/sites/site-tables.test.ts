/**
 * Finds every site's table (tests/sites/<site>.table.ts) and scenario
 * (tests/fixtures/sites/<site>/scenario.ts) and runs them: a new site adds its files and no test
 * code. The scenario's fixture facts are stated once and checked twice: here against the adapter
 * in happy-dom, and in the browsers by the e2e suite.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { classifyPress, ownerOfCard, ownerOfPath } from '../../utils/engine/control-guard';
import { SITE_ADAPTERS } from '../../utils/sites/registry';
import type { SiteAdapter } from '../../utils/sites/site-adapter';
import type { SiteScenario } from '../fixtures/sites/scenario-types';
import { loadFixture, pathOf, queryDeep, runHandleTable, runUrlTable, type SiteTable } from './site-table-runner';

const tables = import.meta.glob<{ table: SiteTable }>('./*.table.ts', { eager: true });
const scenarios = import.meta.glob<{ scenario: SiteScenario }>('../fixtures/sites/*/scenario.ts', { eager: true });

const tableOf = (site: string) => tables[`./${site}.table.ts`]?.table;
const scenarioOf = (site: string) => scenarios[`../fixtures/sites/${site}/scenario.ts`]?.scenario;

const press = (gesture?: string) =>
  gesture === 'double-tap'
    ? new MouseEvent('dblclick', { bubbles: true, composed: true, detail: 2 })
    : new MouseEvent('click', { bubbles: true, composed: true, detail: 1 });

function runScenario(adapter: SiteAdapter, scenario: SiteScenario): void {
  const people = { handle: scenario.guarded.handle, other: scenario.other };
  const fill = (text: string) => text.replaceAll('{{handle}}', people.handle).replaceAll('{{other}}', people.other);
  const load = (page: { url: string; fixture: string }, who = people) => loadFixture(scenario.site, page.fixture, page.url, who);
  const nameOf = (ref: { handle?: string; stableId?: string } | undefined) => ref?.handle ?? ref?.stableId;
  // The guarded person is named by their handle, or by their stable id where a URL carries only that
  // (a Facebook story or thread names the numeric id).
  const guardedId = scenario.guarded.stableId;
  const nameOfGuarded = (ref: { handle?: string; stableId?: string } | undefined) =>
    guardedId !== undefined && ref?.stableId === guardedId ? scenario.guarded.handle : nameOf(ref);

  test('the scenario is this site’s', () => expect(scenario.site).toBe(adapter.id));

  test('the guarded profile is theirs, the other profile is not', () => {
    expect(adapter.parseUrl(new URL(fill(scenario.pages.profile.url)))).toMatchObject({ kind: 'profile', handle: people.handle });
    expect(adapter.parseUrl(new URL(fill(scenario.pages.otherProfile.url)))).toMatchObject({ kind: 'profile', handle: people.other });
  });

  const pageKinds = (['post', 'story', 'messages'] as const).flatMap((kind) => (scenario.pages[kind] ? [[kind, scenario.pages[kind]!] as const] : []));
  test.each(pageKinds)('the %s page is about the guarded person (by its URL, or by its page)', (kind, page) => {
    const fromUrl = adapter.parseUrl(new URL(fill(page.url)));
    expect(fromUrl?.kind).toBe(kind);
    const owner = nameOf(fromUrl) ? fromUrl : adapter.pageOwner?.(load(page));
    expect(nameOfGuarded(owner)).toBe(scenario.guarded.handle);
  });

  test('the in-app navigation starts about nobody guarded and ends at their profile', () => {
    expect(nameOf(adapter.parseUrl(new URL(fill(scenario.spa.from.url))))).not.toBe(people.handle);
    expect(adapter.parseUrl(new URL(fill(scenario.spa.to.url)))).toMatchObject({ handle: people.handle });
  });

  if (scenario.feedItems) {
    const { guarded, other } = scenario.feedItems;
    test.each([
      ['the guarded person’s item', guarded, people.handle],
      ['someone else’s item', other, people.other],
    ])('feed: %s is an item by them', (_why, selector, author) => {
      const doc = load(scenario.pages.feed);
      const item = doc.querySelector(fill(selector));
      expect(item, selector).not.toBeNull();
      expect(item!.matches(adapter.feedItem!.selector)).toBe(true);
      expect(nameOfGuarded(adapter.feedItem!.authors(item!)[0])).toBe(author);
    });
  }

  test.each(scenario.controls.map((c) => [c.action, c] as const))('feed: %s on their item is theirs, on someone else’s is not', (action, control) => {
    const doc = load(scenario.pages.feed);
    for (const [selector, owner] of [[control.guarded, people.handle], [control.other, people.other]] as const) {
      const element = doc.querySelector(fill(selector));
      expect(element, selector).not.toBeNull();
      expect(classifyPress(adapter, pathOf(element!), press(control.gesture))?.action).toBe(action);
      expect(nameOfGuarded(ownerOfPath(adapter, pathOf(element!)))).toBe(owner);
    }
  });

  /** Whose a control is, as the engine reads it: its post's author, else its own card's person. */
  const ownerOf = (element: Element, base: string) =>
    ownerOfPath(adapter, pathOf(element)) ?? ownerOfCard(pathOf(element), (href) => adapter.parseUrl(new URL(href, base)));

  test.each((scenario.cardControls ?? []).map((c) => [c.action, c] as const))('feed: %s on their card is theirs, on someone else’s is not', (action, control) => {
    const doc = load(scenario.pages.feed);
    for (const [selector, owner] of [[control.guarded, people.handle], [control.other, people.other]] as const) {
      const element = doc.querySelector(fill(selector));
      expect(element, selector).not.toBeNull();
      expect(classifyPress(adapter, pathOf(element!), press(control.gesture))?.action).toBe(action);
      // Outside every post: the card says whose it is.
      expect(ownerOfPath(adapter, pathOf(element!))).toBeUndefined();
      expect(nameOf(ownerOf(element!, fill(scenario.pages.feed.url)))).toBe(owner);
    }
  });

  const { localized } = scenario;
  if (localized) {
    test(`localized: feed in ${localized.lang} says so in <html lang>`, () => {
      // loadFixture keeps what is inside <html>, so the tag is read from the file itself.
      const html = readFileSync(resolve(process.cwd(), 'tests/fixtures/sites', scenario.site, localized.feed.fixture), 'utf8');
      expect(/<html\b[^>]*\blang="([^"]+)"/.exec(html)?.[1]).toBe(localized.lang);
    });
    test.each(localized.controls.map((c) => [`${c.action} (${c.gesture ?? 'press'})`, c] as const))(
      `localized (${localized.lang}): %s on their item or card is theirs, on someone else’s is not`,
      (_name, control) => {
        const doc = load(localized.feed);
        for (const [selector, owner] of [[control.guarded, people.handle], [control.other, people.other]] as const) {
          const element = doc.querySelector(fill(selector));
          expect(element, selector).not.toBeNull();
          expect(classifyPress(adapter, pathOf(element!), press(control.gesture))?.action).toBe(control.action);
          expect(nameOf(ownerOf(element!, fill(localized.feed.url)))).toBe(owner);
        }
      },
    );
  }

  const pageControls = [
    ...(scenario.choosable ?? []).flatMap(({ page, controls }) => controls.map((control) => ['choosable', page, control] as const)),
    ...(scenario.thread ? scenario.thread.controls.map((control) => ['thread', scenario.thread!.page, control] as const) : []),
  ];
  test.each(pageControls.map(([kind, page, control]) => [kind, control.action, page, control] as const))('%s: %s on their item is theirs, on someone else’s is not', (kind, action, page, control) => {
    const doc = load(page);
    expect(nameOf(adapter.parseUrl(new URL(fill(page.url))))).toBeUndefined();
    for (const [selector, owner] of [[control.guarded, people.handle], [control.other, people.other]] as const) {
      const element = queryDeep(doc, fill(selector));
      expect(element, selector).not.toBeNull();
      expect(classifyPress(adapter, pathOf(element!), press(control.gesture))?.action).toBe(action);
      expect(nameOf(ownerOfPath(adapter, pathOf(element!)))).toBe(owner);
      if (kind === 'choosable') expect(adapter.choosablePauses?.[action]).toBeDefined();
    }
  });

  if (scenario.thread) {
    const { page, hidden, parts, kept } = scenario.thread;
    test('thread: the hidden item is theirs, its parts are the adapter’s, and it holds kept ones, which are not theirs', () => {
      const doc = load(page);
      const item = doc.querySelector(fill(hidden))!;
      expect(item.matches(adapter.feedItem!.selector)).toBe(true);
      expect(nameOf(adapter.feedItem!.authors(item)[0])).toBe(people.handle);
      expect(adapter.feedItem!.ownParts?.(item)).toEqual(parts.map((selector) => doc.querySelector(fill(selector))));
      for (const selector of kept) {
        const keptItem = doc.querySelector(fill(selector))!;
        expect(nameOf(adapter.feedItem!.authors(keptItem)[0]), selector).not.toBe(people.handle);
      }
      expect(kept.some((selector) => item.contains(doc.querySelector(fill(selector))))).toBe(true);
    });
  }

  test.each((scenario.profileControls ?? []).map((c) => [c.action, c.selector] as const))('profile: %s (%s)', (action, selector) => {
    const element = load(scenario.pages.profile).querySelector(fill(selector));
    expect(element, selector).not.toBeNull();
    expect(classifyPress(adapter, pathOf(element!), press())?.action).toBe(action);
  });

  test.each(scenario.links ?? [])('feed: the link %s leads to them', (selector) => {
    const link = load(scenario.pages.feed).querySelector(fill(selector));
    expect(link, selector).not.toBeNull();
    const ref = adapter.parseUrl(new URL(link!.getAttribute('href')!, fill(scenario.pages.feed.url)));
    expect(nameOfGuarded(ref)).toBe(people.handle);
  });
}

describe.each(SITE_ADAPTERS.map((adapter) => [adapter.id, adapter] as const))('%s', (id, adapter) => {
  const table = tableOf(id);
  const scenario = scenarioOf(id);
  test('has a table and a scenario', () => {
    expect(table).toBeDefined();
    expect(scenario).toBeDefined();
  });
  if (table) {
    describe('URLs', () => runUrlTable(adapter, table.urls));
    describe('handles', () => runHandleTable(adapter, table.handles));
  }
  if (scenario) describe('scenario', () => runScenario(adapter, scenario));
  if (table?.checks) describe('fixtures', table.checks);
});
