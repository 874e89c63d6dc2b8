/**
 * Checks for the extension's own pause page (pause.html?mode=page), where declarativeNetRequest
 * sends a full load that would tell a guarded person "you looked". It is an ordinary extension
 * page: its dialog lives in the document, not in a closed root, so page-world checks reach it.
 */
import type { E2ePage, E2eSession } from './types';

/** What one declarativeNetRequest dynamic rule looks like to the tests. */
export interface DynamicRule {
  id: number;
  action: { type: string };
  condition: { regexFilter?: string };
}

/** Another website, where the person follows a link to the site (the common way in from outside). */
const ELSEWHERE_URL = 'https://elsewhere.e2e.invalid/';

/**
 * Starts a top-level load of `url` the way a link on another website does, without waiting for a
 * load event: the tab may end on an extension page, which fires none to BiDi. (Chrome checks a
 * redirect to an extension page against web_accessible_resources `matches` for the initiating
 * origin, so the link must come from a real origin, not about:blank.)
 */
export async function startLoad(session: E2eSession, page: E2ePage, url: string): Promise<void> {
  session.server.serveHtml(ELSEWHERE_URL, '<!doctype html><html lang="en"><head><title>Elsewhere</title></head><body></body></html>');
  await page.goto(ELSEWHERE_URL);
  await page
    .evaluate((target) => {
      location.assign(target);
    }, url)
    .catch(() => undefined);
}

/** Polls the tab's address until `accept` holds (navigations destroy the realm a wait runs in). */
export async function waitForAddress(page: E2ePage, accept: (href: string) => boolean, timeoutMs = 10_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  let last = '';
  for (;;) {
    const state = await page
      .evaluate(() => ({ href: location.href, ready: document.readyState }))
      .catch(() => undefined);
    if (state) last = state.href;
    if (state && state.ready !== 'loading' && accept(state.href)) return state.href;
    if (Date.now() > until) throw new Error(`the tab stayed at ${last}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function isPausePage(href: string): boolean {
  return /^(?:chrome|moz)-extension:\/\/[^/]+\/pause\.html\?mode=page&/.test(href);
}

export interface PauseFacts {
  open: boolean;
  modal: boolean;
  name: string;
  focusInside: boolean;
  visibleToThem: string;
  notSent: string;
  days: string;
  reason: string;
  /** The stopped address, as the pause page holds it (in its fragment). */
  target: string;
}

/** Waits until the pause page's dialog is open, then reads it. */
export async function waitForPauseDialog(page: E2ePage): Promise<PauseFacts> {
  await waitForAddress(page, isPausePage);
  await page.waitFor(() => document.querySelector('dialog')?.open === true && !!document.querySelector('[data-action="back"]'));
  return page.evaluate(() => {
    const dialog = document.querySelector('dialog')!;
    const text = (selector: string) => dialog.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    const labelId = dialog.getAttribute('aria-labelledby') ?? '';
    return {
      open: dialog.open,
      modal: dialog.matches(':modal'),
      name: document.getElementById(labelId)?.textContent?.trim() ?? '',
      focusInside: !!document.activeElement && dialog.contains(document.activeElement),
      visibleToThem: text('[data-part="visible-to-them"]'),
      notSent: text('[data-part="not-sent"]'),
      days: text('[data-part="days"]'),
      reason: text('[data-part="reason"] blockquote'),
      target: location.hash.slice(1),
    };
  });
}

/** The extension's dynamic redirect rules, read from an extension page. */
export function dynamicRules(session: E2eSession): Promise<DynamicRule[]> {
  return session.inExtension(
    (api) =>
      (api as unknown as { declarativeNetRequest: { getDynamicRules(): Promise<DynamicRule[]> } }).declarativeNetRequest.getDynamicRules(),
  );
}

/** The regexFilters of the redirect rules, for "is this account's rule there". */
export async function redirectFilters(session: E2eSession): Promise<string[]> {
  return (await dynamicRules(session)).filter((r) => r.action.type === 'redirect').map((r) => r.condition.regexFilter ?? '');
}
