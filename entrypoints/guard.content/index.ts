/**
 * Wiring only: pick the adapter for this host, read the guarded accounts, start the engine.
 * Registered by the background at runtime, and only on sites where someone is guarded.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { SITE_HOST_PATTERNS } from '../../utils/sites/site-ids';
import { startGuard } from '../../utils/engine/start-guard';

export default defineContentScript({
  matches: SITE_HOST_PATTERNS,
  runAt: 'document_start',
  registration: 'runtime',
  // Nothing that tells the page we are here: no global name, no start-up postMessage.
  globalName: false,
  noScriptStartedPostMessage: true,
  main(ctx) {
    startGuard(ctx);
  },
});
