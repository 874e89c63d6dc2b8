import { defineConfig } from 'wxt';
import { SITE_HOST_PATTERNS } from './utils/sites/site-ids';

// Extension pages may not open any network connection: nothing leaves the browser.
const EXTENSION_PAGES_CSP =
  "script-src 'self'; object-src 'none'; default-src 'self'; connect-src 'none'; img-src 'self' data:; style-src 'self' 'unsafe-inline'";

export default defineConfig({
  // Parallel work (and the bench) can build into its own folder; `.output` by default.
  outDir: process.env.WXT_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  imports: false,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'scripting', 'declarativeNetRequestWithHostAccess', 'alarms'],
    host_permissions: SITE_HOST_PATTERNS,
    optional_host_permissions: ['*://*/*'],
    content_security_policy: { extension_pages: EXTENSION_PAGES_CSP },
    action: { default_title: '__MSG_extName__' },
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
              id: 'no-contact-guard@example.org',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
