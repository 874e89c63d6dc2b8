/**
 * Wiring only: marks this page as one whose feed hides someone's posts (see
 * utils/engine/feed-hiding-flag.ts). Registered by the background, before the guard, only on
 * sites where feed hiding is on for someone.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { SITE_HOST_PATTERNS } from '../utils/sites/site-ids';
import { setFeedHidingFlag } from '../utils/engine/feed-hiding-flag';

export default defineContentScript({
  matches: SITE_HOST_PATTERNS,
  runAt: 'document_start',
  registration: 'runtime',
  globalName: false,
  noScriptStartedPostMessage: true,
  main() {
    setFeedHidingFlag();
  },
});
