import { defineContentScript } from 'wxt/utils/define-content-script';
import { SITE_HOST_PATTERNS } from '../../utils/sites/site-ids';

export default defineContentScript({
  matches: SITE_HOST_PATTERNS,
  runAt: 'document_start',
  registration: 'runtime',
  globalName: false,
  noScriptStartedPostMessage: true,
  main() {},
});
