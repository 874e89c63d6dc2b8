// @vitest-environment node
/**
 * `minimum_chrome_version` and Firefox's `strict_min_version` are the lowest versions that run
 * everything the extension uses: the highest "added in" version of the features below. Each row
 * names how it is found in our sources, so a feature that goes away (or a new one added to the
 * table) moves the minimum with it. Versions are from MDN browser-compat-data and the Chrome
 * extension reference (links per row); the e2e suites run Chromium 156 and Firefox ESR 153, so a
 * browser at the minimum itself is not run here: this table is the reasoning (README "Browser versions").
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { FIREFOX_MIN_VERSION, MINIMUM_CHROME_VERSION } from '../../../utils/build/store';
import { ROOT, sourceFiles } from './repo-files';

interface Feature {
  feature: string;
  /** Where it is used: a file (relative to the repo) or 'sources' (utils, entrypoints, components, wxt.config.ts). */
  in: string;
  uses: RegExp;
  chrome?: number;
  firefox?: number;
  source: string;
}

const FEATURES: Feature[] = [
  {
    feature: 'scripting.registerContentScripts / updateContentScripts',
    in: 'sources',
    uses: /scripting\.registerContentScripts/,
    chrome: 96,
    firefox: 102,
    source: 'https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/API/scripting/registerContentScripts',
  },
  {
    feature: 'RegisteredContentScript.persistAcrossSessions',
    in: 'sources',
    uses: /persistAcrossSessions/,
    chrome: 96,
    firefox: 105,
    source: 'https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/API/scripting/RegisteredContentScript',
  },
  {
    feature: 'declarativeNetRequest dynamic and session redirect rules (declarativeNetRequestWithHostAccess)',
    in: 'sources',
    uses: /declarativeNetRequest\.updateSessionRules/,
    chrome: 96,
    firefox: 113,
    source: 'https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/API/declarativeNetRequest',
  },
  {
    feature: 'storage.session',
    in: 'sources',
    uses: /storage\.session\./,
    chrome: 102,
    firefox: 115,
    source: 'https://developer.chrome.com/docs/extensions/reference/api/storage#property-session',
  },
  {
    feature: 'CSS :has() in site selectors',
    in: 'sources',
    uses: /:has\(/,
    chrome: 105,
    firefox: 121,
    source: 'https://developer.mozilla.org/docs/Web/CSS/:has',
  },
  {
    feature: '<dialog>.showModal() (the interstitial and the pause page)',
    in: 'sources',
    uses: /\.showModal\(\)/,
    chrome: 37,
    firefox: 98,
    source: 'https://developer.mozilla.org/docs/Web/API/HTMLDialogElement/showModal',
  },
  {
    feature: "JavaScript syntax of the bundles: Vite 8's default target, baseline widely available 2025-05-01",
    in: 'node_modules/vite/dist/node/chunks/node.js',
    uses: /ESBUILD_BASELINE_WIDELY_AVAILABLE_TARGET = \[\s*"chrome111",\s*"edge111",\s*"firefox114"/,
    chrome: 111,
    firefox: 114,
    source: 'https://vite.dev/config/build-options#build-target',
  },
  {
    // Chrome accepted the key earlier but ignored it until 130, so the pause page was reachable
    // under the static id (and a site could probe for it) on anything older.
    feature: 'web_accessible_resources use_dynamic_url (pause.html not probeable)',
    in: 'wxt.config.ts',
    uses: /use_dynamic_url: true/,
    chrome: 130,
    source: 'https://github.com/mdn/browser-compat-data/pull/24824 ("the property was ignored until Chrome 130")',
  },
  {
    feature: 'browser_specific_settings.gecko.data_collection_permissions (required by AMO since 2025-11-03)',
    in: 'wxt.config.ts',
    uses: /data_collection_permissions: \{ required: \['none'\] \}/,
    firefox: 140,
    source: 'https://extensionworkshop.com/documentation/develop/firefox-builtin-data-consent/',
  },
];

const sources = [...['utils', 'entrypoints', 'components'].flatMap((dir) => sourceFiles(join(ROOT, dir))), join(ROOT, 'wxt.config.ts')]
  .filter((file) => !file.includes(join('utils', 'build')))
  .map((file) => readFileSync(file, 'utf8'))
  .join('\n');

const textOf = (where: string) => (where === 'sources' ? sources : readFileSync(join(ROOT, where), 'utf8'));
const highest = (browser: 'chrome' | 'firefox') => Math.max(...FEATURES.map((row) => row[browser] ?? 0));

describe('browser minimums', () => {
  test.each(FEATURES.map((row) => [row.feature, row] as const))('%s is still used where the table says', (_name, row) => {
    expect(textOf(row.in)).toMatch(row.uses);
  });

  test('minimum_chrome_version is the highest Chrome version in the table', () => {
    expect(Number(MINIMUM_CHROME_VERSION)).toBe(highest('chrome'));
  });

  test('Firefox strict_min_version is the highest Firefox version in the table', () => {
    expect(FIREFOX_MIN_VERSION).toBe(`${highest('firefox')}.0`);
  });

  test('the Firefox ESR the e2e suites run (153) is at or above the minimum', () => {
    expect(153).toBeGreaterThanOrEqual(highest('firefox'));
  });
});
