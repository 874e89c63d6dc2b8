import { defineConfig } from 'wxt';
import { SITE_HOST_PATTERNS } from './utils/sites/site-ids';
import { lintClean } from './utils/build/lint-clean';
import { FIREFOX_ID, FIREFOX_MIN_VERSION, ICONS, MINIMUM_CHROME_VERSION, TOOLBAR_ICONS } from './utils/build/store';

// Extension pages may not open any network connection: nothing leaves the browser.
const EXTENSION_PAGES_CSP =
  "script-src 'self'; object-src 'none'; default-src 'self'; connect-src 'none'; img-src 'self' data:; style-src 'self' 'unsafe-inline'";

export default defineConfig({
  // Parallel work (and the bench) can build into its own folder; `.output` by default.
  outDir: process.env.WXT_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  imports: false,
  // Removes the two dead dependency paths web-ext lint warns about (utils/build/lint-clean.ts).
  vite: () => ({ plugins: [lintClean()] }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'scripting', 'declarativeNetRequestWithHostAccess', 'alarms'],
    host_permissions: SITE_HOST_PATTERNS,
    optional_host_permissions: ['*://*/*'],
    content_security_policy: { extension_pages: EXTENSION_PAGES_CSP },
    // Generated from assets/icon/*.svg by scripts/icons.mjs (tests/unit/build/icons.test.ts).
    icons: ICONS,
    action: { default_title: '__MSG_extName__', default_icon: TOOLBAR_ICONS },
    // The pause page: the target of the "they can see you looked" redirects, and the frames the
    // person types into inside the interstitial. Chrome checks a redirect to it against the
    // *initiating* page (a link on any website), so it must be reachable from every origin. So that
    // no page can probe for it, Chrome serves it only under a per-session dynamic id
    // (`use_dynamic_url`); Firefox's moz-extension id is already random per install.
    web_accessible_resources: [
      { resources: ['pause.html'], matches: ['<all_urls>'], ...(browser === 'firefox' ? {} : { use_dynamic_url: true }) },
    ],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              // The add-on's id on addons.mozilla.org: a GUID that belongs to no domain. It can
              // never change after the first upload (README "Store ids").
              id: FIREFOX_ID,
              // The lowest version that works: tests/unit/build/min-versions.test.ts says why.
              strict_min_version: FIREFOX_MIN_VERSION,
              data_collection_permissions: { required: ['none'] },
            },
            // No gecko_android: nothing proves Firefox for Android works (README "Firefox for Android").
          },
        }
      : { minimum_chrome_version: MINIMUM_CHROME_VERSION }),
  }),
});
