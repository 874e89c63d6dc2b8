/**
 * Checks every adapter in the registry against the others and against what a site must bring: a
 * new site gets these checks by adding one line to registry.ts, and they fail until it has its
 * table, fixture folder (with its scenario), docs page and README column.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { SITE_ADAPTERS, SITE_HOST_PATTERNS, SITE_IDS, adapterById, adapterForHost } from '../../utils/sites/registry';
import type { PageAdapter, SiteAdapter, SiteDeclaration } from '../../utils/sites/site-adapter';
import type { HandleRow, SiteTable, UrlRow } from './site-table-runner';

const root = process.cwd();
const tableModules = import.meta.glob<{ table?: SiteTable }>('./*.table.ts', { eager: true });
const siteModules = import.meta.glob('../../utils/sites/*.ts');
const siteDefaults = import.meta.glob<{ default?: unknown; page?: PageAdapter }>('../../utils/sites/*.ts', { eager: true });
const siteOf = (path: string) => /\.\/(.+)\.table\.ts$/.exec(path)![1]!;

/** Every URL row of every table, with the site its table belongs to (the file name). */
const urlRowsBySite: [string, UrlRow][] = Object.entries(tableModules).flatMap(([path, { table }]) =>
  (table?.urls ?? []).map((row) => [siteOf(path), row] as [string, UrlRow]),
);

const handleRowsBySite = new Map<string, HandleRow[]>(
  Object.entries(tableModules).map(([path, { table }]) => [siteOf(path), table?.handles ?? []]),
);

/** The header cells of the README table "What we can and cannot prevent". */
function readmePreventionColumns(): string[] {
  const readme = readFileSync(resolve(root, 'README.md'), 'utf8');
  const section = readme.split(/^## /m).find((part) => part.startsWith('What we can and cannot prevent')) ?? '';
  const header = section.split('\n').find((line) => line.startsWith('| Case |')) ?? '';
  return header.split('|').map((cell) => cell.trim()).filter(Boolean);
}

const byId = SITE_ADAPTERS.map((adapter) => [adapter.id, adapter] as const);

describe('registry', () => {
  test('one adapter per site id, in the order of SITE_IDS', () => {
    expect(SITE_ADAPTERS.map((adapter) => adapter.id)).toEqual([...SITE_IDS]);
  });

  test.each(byId)('%s: adapterById finds it', (id, adapter) => {
    expect(adapterById(id)).toBe(adapter);
  });

  test.each(byId)('%s: its file is named after its id and exports it as default', (id, adapter) => {
    expect(existsSync(resolve(root, 'utils/sites', `${id}.ts`))).toBe(true);
    expect(siteDefaults[`../../utils/sites/${id}.ts`]?.default).toBe(adapter);
  });

  /** What the page bundle must never carry (utils/sites/site-adapter.ts `SiteDeclaration`). */
  const declarationKeys: readonly (keyof SiteDeclaration)[] = [
    'label', 'hosts', 'matches', 'profileUrl', 'coverPaths', 'hideSelectors', 'sameHandleAs', 'accountsByNumber', 'contactRequestRegexes',
  ];

  test.each(byId)('%s: its `page` export is the adapter without what only the background reads', (id, adapter) => {
    const page = siteDefaults[`../../utils/sites/${id}.ts`]?.page;
    expect(page, 'the first stage imports `page` (modules/site-bundles.ts)').toBeDefined();
    expect(declarationKeys.filter((key) => key in page!)).toEqual([]);
    expect(page!.feedItem && 'hideSelectors' in page!.feedItem).toBeFalsy();
    for (const [key, value] of Object.entries(page!)) {
      if (key === 'feedItem') expect({ ...adapter.feedItem, hideSelectors: undefined }).toEqual({ ...(value as object), hideSelectors: undefined });
      else expect(adapter[key as keyof PageAdapter], key).toBe(value);
    }
  });

  test.each(byId)('%s: its table exists and has URL and handle rows', (id) => {
    expect(existsSync(resolve(root, 'tests/sites', `${id}.table.ts`))).toBe(true);
    expect(urlRowsBySite.some(([site]) => site === id)).toBe(true);
    expect(handleRowsBySite.get(id)?.length ?? 0).toBeGreaterThan(0);
  });

  test.each(byId)('%s: its fixture folder has a scenario', (id) => {
    expect(existsSync(resolve(root, 'tests/fixtures/sites', id, 'scenario.ts'))).toBe(true);
  });

  test.each(byId)('%s: its docs page exists and names its sources', (id) => {
    const page = resolve(root, 'docs/sites', `${id}.md`);
    expect(existsSync(page)).toBe(true);
    const text = readFileSync(page, 'utf8');
    expect(text).toMatch(/^## What the other person is told$/m);
    expect(text).toMatch(/\b20\d\d-\d\d\b/);
  });

  test.each(byId)('%s: the README table "What we can and cannot prevent" has its column', (_id, adapter) => {
    expect(readmePreventionColumns()).toContain(adapter.label.replace(/ \(.*\)$/, ''));
  });

  test('no site has a test file of its own to remember: site-tables.test.ts runs every table', () => {
    const listed = Object.keys(import.meta.glob('./*.test.ts')).filter((path) => SITE_IDS.some((id) => path === `./${id}.test.ts`));
    expect(listed).toEqual([]);
  });

  test.each(byId.filter(([, adapter]) => adapter.sameHandleAs !== undefined))('%s: shares handles with a registered site', (id, adapter) => {
    expect(SITE_IDS).toContain(adapter.sameHandleAs);
    expect(adapter.sameHandleAs).not.toBe(id);
  });

  test('the host permissions are every site’s match patterns', () => {
    expect(SITE_HOST_PATTERNS).toEqual(SITE_ADAPTERS.flatMap((adapter) => [...adapter.matches]));
  });

  test.each(byId.flatMap(([id, adapter]) => adapter.hosts.flatMap((host) => [[host, id], [`www.${host}`, id], [host.toUpperCase(), id], [`${host}.`, id]])))(
    'adapterForHost(%j) → %s',
    (host, id) => expect(adapterForHost(host)?.id).toBe(id),
  );

  test.each(byId.flatMap(([, adapter]) => adapter.hosts.flatMap((host) => [`not${host}`, `${host}.evil.example`])).concat(['example.com', '']))(
    'adapterForHost(%j) → undefined',
    (host) => expect(adapterForHost(host)).toBeUndefined(),
  );
});

describe.each(byId)('%s: hosts and match patterns', (id, adapter) => {
  test('every match pattern is valid and covers a listed host, and every host is covered', () => {
    const patternHosts = adapter.matches.map((pattern) => {
      const match = /^(\*|https?):\/\/(\*\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)+)\/.*$/.exec(pattern);
      expect(match, pattern).not.toBeNull();
      return match![3]!;
    });
    for (const host of patternHosts) expect(adapter.hosts).toContain(host);
    for (const host of adapter.hosts) {
      expect(host).toBe(host.toLowerCase());
      expect(patternHosts).toContain(host);
    }
  });
});

describe('every URL of every table is a miss for every other adapter', () => {
  const rows = urlRowsBySite.flatMap(([site, row]) =>
    SITE_ADAPTERS.filter((adapter) => adapter.id !== site).map((adapter) => [adapter.id, row.url, adapter] as const),
  );
  test.each(rows)('%s: %s', (_id, url, adapter) => {
    expect(adapter.parseUrl(new URL(url))).toBeUndefined();
  });
});

describe.each(byId)('%s: parseUrl never throws on odd URLs', (_id, adapter: SiteAdapter) => {
  const host = adapter.hosts[0]!;
  test.each([
    `https://${host}/`,
    `https://${host}//`,
    `https://${host}///profile//`,
    `https://${host}/%`,
    `https://${host}/%E0%A4%A`,
    `https://${host}/profile/%E0%A4%A`,
    `https://${host}/profile/did%3A`,
    `https://${host}/@`,
    `https://${host}/@/`,
    `https://${host}/in/`,
    `https://${host}/i/`,
    `https://${host}/stories/`,
    `https://${host}/${'a'.repeat(5000)}`,
    `https://${host}/a/b/c/d/e/f/g/h`,
    `https://${host}/%F0%9F%92%94`,
    `https://${host}/ünïcödé/`,
    `https://${host}/?q=&&&`,
    `https://${host}/#/profile/someone`,
    `https://${host}/status/status/status`,
    `https://${host}/profile/profile/post/post`,
    `http://${host}:8080/someone`,
    `https://user:pass@${host}/someone`,
    `https://sub.sub.${host}/someone`,
    'about:blank',
    'data:text/html,hello',
    'blob:https://example.com/123',
  ])('%s', (url) => {
    expect(() => adapter.parseUrl(new URL(url))).not.toThrow();
  });
});

describe.each(byId)('%s: profileUrl(handle) parses back to the same handle', (id, adapter) => {
  const handles = (handleRowsBySite.get(id) ?? []).flatMap((row) => (row.expect === undefined ? [] : [row.expect]));
  test('its table has handle rows', () => expect(handles.length).toBeGreaterThan(0));
  test.each(handles)('%s', (raw) => {
    const handle = adapter.normalizeHandle(raw)!;
    expect(handle).toBe(raw);
    expect(adapter.parseUrl(new URL(adapter.profileUrl(handle)))).toMatchObject({ kind: 'profile', handle });
    expect(adapter.normalizeHandle(handle)).toBe(handle);
  });
});

describe('site modules', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  const untouchable = (name: string) =>
    new Proxy({}, {
      get(_target, property) {
        throw new Error(`${name}.${String(property)} read at import`);
      },
    });

  test.each(Object.keys(siteModules))('%s touches no document or window at import', async (path) => {
    vi.resetModules();
    vi.stubGlobal('document', untouchable('document'));
    vi.stubGlobal('window', untouchable('window'));
    vi.stubGlobal('location', untouchable('location'));
    await expect(siteModules[path]!()).resolves.toBeDefined();
  });

  test.each(Object.keys(siteModules))('%s imports nothing from the engine, the UI or browser APIs', (path) => {
    const source = readFileSync(resolve(root, 'tests/sites', path), 'utf8');
    const imports = [...source.matchAll(/from\s+['"]([^'"]+)['"]/g)].map((match) => match[1]!);
    for (const specifier of imports) {
      expect(specifier).not.toMatch(/engine|components|entrypoints|wxt\/browser|^#imports$/);
    }
  });
});
