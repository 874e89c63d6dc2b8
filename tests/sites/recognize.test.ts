/**
 * What the options page makes of a pasted link or a typed handle, for every registered site: the
 * rows come from the sites' own tables (tests/sites/<site>.table.ts), so a new site is covered by
 * adding its table.
 */
import { describe, expect, test } from 'vitest';
import { parseHandleForSite, recognizeProfileLink } from '../../utils/sites/recognize';
import { SITE_ADAPTERS, adapterForHost } from '../../utils/sites/registry';
import type { SiteTable } from './site-table-runner';

const tables = import.meta.glob<{ table: SiteTable }>('./*.table.ts', { eager: true });
const sites = SITE_ADAPTERS.map((adapter) => ({ adapter, table: tables[`./${adapter.id}.table.ts`]!.table }));

describe('recognizeProfileLink, from every site’s URL rows', () => {
  const named = sites.flatMap(({ adapter, table }) =>
    table.urls.filter((row) => row.expect?.handle).map((row) => [row.url, adapter.id, row.expect!.handle!, adapter] as const),
  );
  test.each(named)('%s → %s %s', (url, site, handle, adapter) => {
    expect(recognizeProfileLink(url)).toEqual({
      ok: true,
      site,
      handle,
      ...(adapter.parseUrl(new URL(url))?.stableId !== undefined && { stableId: adapter.parseUrl(new URL(url))!.stableId }),
      profileUrl: adapter.profileUrl(handle as never),
    });
  });

  test.each(named.map(([url, site]) => [url.replace(/^https:\/\//, '  '), site] as const))('%j without its scheme → %s', (input, site) => {
    expect(recognizeProfileLink(input)).toMatchObject({ ok: true, site });
  });

  const nobody = sites.flatMap(({ table }) => table.urls.filter((row) => !row.expect?.handle).map((row) => [row.url, row.why] as const));
  test.each(nobody)('%s (%s) → no person, or not a site we guard', (url) => {
    const expected = adapterForHost(new URL(url).hostname) ? 'no-person' : 'unsupported-site';
    expect(recognizeProfileLink(url)).toEqual({ ok: false, reason: expected });
  });

  test.each([
    ['', 'not-a-link'],
    ['@sam_rivers_x', 'not-a-link'],
    ['sam_rivers_x', 'not-a-link'],
    ['sam rivers', 'not-a-link'],
    ['mailto:sam@example.com', 'not-a-link'],
    ['javascript:alert(1)', 'not-a-link'],
    ['did:plc:abcdefghijklmnopqrstuvwx', 'not-a-link'],
    ['https://', 'not-a-link'],
    ['https://example.com/sam_rivers_x', 'unsupported-site'],
    ['mastodon.social/@sam', 'unsupported-site'],
  ])('%j → %s', (input, reason) => {
    expect(recognizeProfileLink(input)).toEqual({ ok: false, reason });
  });

  test.each(SITE_ADAPTERS.map((adapter) => [adapter.id, `ftp://${adapter.hosts[0]}/someone`] as const))('%s: %s is not a web link', (_site, input) => {
    expect(recognizeProfileLink(input)).toEqual({ ok: false, reason: 'not-a-link' });
  });
});

describe('parseHandleForSite, from every site’s handle rows', () => {
  // A pasted link to the site is accepted too (the link rows cover it), so rows that are links are left out.
  const typed = sites.flatMap(({ adapter, table }) =>
    table.handles.filter((row) => !recognizeProfileLink(row.raw).ok).map((row) => [adapter.id, row.raw, row.expect] as const),
  );
  test.each(typed)(
    '%s: %j → %s',
    (site, raw, expected) => {
      expect(parseHandleForSite(site, raw)).toBe(expected);
    },
  );

  const someoneOn = sites.map(({ adapter, table }) => [adapter, table.handles.find((row) => row.expect)!.expect!] as const);
  test.each(
    someoneOn.flatMap(([adapter, handle]) => [
      [adapter.id, adapter.profileUrl(handle as never), handle] as const,
      ...someoneOn.filter(([other]) => other.id !== adapter.id).map(([other, otherHandle]) => [adapter.id, other.profileUrl(otherHandle as never), undefined] as const),
    ]),
  )('%s: the link %s → %s (a link to another site is not this site’s handle)', (site, link, expected) => {
    expect(parseHandleForSite(site, link)).toBe(expected);
  });
});
