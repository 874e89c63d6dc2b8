/**
 * `feedItem.mentionSelector` lets the feed hider skip `authors()`, so it must never miss: for every
 * feed item in every fixture, each account `authors()` reads must match the item's mention
 * selector. And it should pass over items that name nobody guarded, or it saves nothing.
 */
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, test } from 'vitest';
import { SITE_ADAPTERS } from '../../utils/sites/registry';
import type { Handle } from '../../utils/sites/site-adapter';
import type { SiteScenario } from '../fixtures/sites/scenario-types';
import { loadFixture, mentions, type SiteTable } from './site-table-runner';

const scenarios = import.meta.glob<{ scenario: SiteScenario }>('../fixtures/sites/*/scenario.ts', { eager: true });
/** Each site's fixtures filled with its own guarded and other handles, as the e2e fixture server does. */
function peopleOf(site: string) {
  const scenario = Object.values(scenarios).find((m) => m.scenario.site === site)!.scenario;
  return { handle: scenario.guarded.handle, other: scenario.other };
}

const rows = SITE_ADAPTERS.filter((adapter) => adapter.feedItem?.mentionSelector).flatMap((adapter) =>
  readdirSync(resolve(process.cwd(), 'tests/fixtures/sites', adapter.id))
    .filter((file) => file.endsWith('.html'))
    .map((file) => [adapter.id, file, adapter] as const),
);

describe('mentionSelector never misses an author', () => {
  test('some adapter declares one', () => expect(rows.length).toBeGreaterThan(0));

  test.each(rows)('%s %s', (_site, file, adapter) => {
    const doc = loadFixture(adapter.id, file, `https://${adapter.hosts[0]}/`, peopleOf(adapter.id));
    const rule = adapter.feedItem!;
    let checked = 0;
    for (const item of doc.querySelectorAll(rule.selector)) {
      for (const ref of rule.authors(item)) {
        const account = { handle: ref.handle ?? ('nobody_here' as Handle), ...(ref.stableId && { stableId: ref.stableId }) };
        expect(mentions(item, rule.mentionSelector!(account)), `${item.outerHTML.slice(0, 120)} by ${JSON.stringify(ref)}`).toBe(true);
        // A stable id alone names them too (the handle may have changed since it was stored).
        if (ref.stableId) expect(mentions(item, rule.mentionSelector!({ handle: 'nobody_here' as Handle, stableId: ref.stableId }))).toBe(true);
        checked++;
      }
    }
    if (file === 'feed.html') expect(checked).toBeGreaterThan(0);
  });
});

const tables = import.meta.glob<{ table: SiteTable }>('./*.table.ts', { eager: true });

describe.each(SITE_ADAPTERS.filter((adapter) => adapter.feedItem?.mentionSelector).map((adapter) => [adapter.id, adapter] as const))(
  '%s: mentionSelector on items that do and do not name them',
  (id, adapter) => {
    const rows = tables[`./${id}.table.ts`]?.table.mentions;
    test('its table has mention rows', () => expect(rows?.rows.length ?? 0).toBeGreaterThan(0));
    test.each(rows?.rows ?? [])('%s → %s', (_why, html, expected) => {
      const window = new Window({ url: rows!.base });
      window.document.body.innerHTML = html;
      const item = window.document.body.firstElementChild as unknown as Element;
      expect(mentions(item, adapter.feedItem!.mentionSelector!(rows!.guarded))).toBe(expected);
    });
  },
);
