/**
 * What the stores know the extension by, read by wxt.config.ts at build time (nothing here runs
 * in the extension). Each value is explained where a reviewer will look for it: the README
 * ("Store ids", "Browser versions") and tests/unit/build/min-versions.test.ts.
 */

/**
 * The add-on id on addons.mozilla.org. Generated once (2026-12-01) as a random GUID, so it belongs
 * to no one's domain. NEVER change it: AMO ties the listing, updates and everyone's installed
 * copy (and its stored data) to this id.
 */
export const FIREFOX_ID = '{5b74ae8e-4dd9-46a5-b95f-457d8a09fc9d}';

/** The lowest Firefox that works: the highest version in tests/unit/build/min-versions.test.ts. */
export const FIREFOX_MIN_VERSION = '140.0';

/** The lowest Chrome that works: the highest version in tests/unit/build/min-versions.test.ts. */
export const MINIMUM_CHROME_VERSION = '130';

/** Extension icons (stores, extension pages, chrome://extensions). */
export const ICONS = { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 96: 'icon/96.png', 128: 'icon/128.png' };

/** Toolbar icons: the small full-bleed drawing at 16 and 32 px (and 48 for high-density toolbars). */
export const TOOLBAR_ICONS = { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png' };
