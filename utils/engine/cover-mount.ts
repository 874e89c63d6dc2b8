/**
 * The cover: our own host element on <html> with a CLOSED shadow root (the page can see the host,
 * never what is inside), built synchronously so it can exist before the first frame. The first
 * stage owns it; the dialog (utils/engine/cover.ts) is built inside the same root later.
 */
import type { CoverMount } from './stage-port';

/**
 * Only what the first frame shows: a calm, opaque sheet over the viewport, on our own host. The
 * dialog's stylesheet (components/interstitial/interstitial.css) repeats these host rules. Every
 * rule is !important because the page's own rules would otherwise beat :host.
 */
const COVER_CSS = `:host{all:initial!important;position:fixed!important;inset:0!important;z-index:2147483647!important;display:block!important;background:#f6f4ef!important;color-scheme:light dark}
@media (prefers-color-scheme:dark){:host{background:#1c1d21!important}}
@media (forced-colors:active){:host{background:Canvas!important}}`;

/** The dialog's font (components/interstitial/interstitial.css repeats it on the dialog). */
export const DIALOG_FONT = '16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

export function createCoverMount(doc: Document): CoverMount {
  let host: HTMLElement | undefined;
  let shadow: ShadowRoot | undefined;
  return {
    attach() {
      if (!host) {
        // A plain element with no attributes: nothing in the page names the extension or the person.
        host = doc.createElement('div');
        shadow = host.attachShadow({ mode: 'closed' });
        const style = doc.createElement('style');
        // Assigned from the content script (not parsed from page markup), so a strict page CSP
        // does not block it in Firefox (bug 1706787).
        style.textContent = COVER_CSS;
        shadow.append(style);
      }
      // <html> exists at document_start; <body> may not yet.
      if (!host.isConnected) doc.documentElement.append(host);
      return shadow!;
    },
    detach: () => host?.remove(),
    isAttached: () => host?.isConnected === true,
    element: () => host,
  };
}

