/**
 * The "Find support" page (support.html): how many tabs show it, read from the extension itself
 * (extension.getViews sees the extension's own tabs in both browsers, with no "tabs" permission).
 */
import type { E2eSession } from '../harness/types';

export async function supportTabCount(session: E2eSession): Promise<number> {
  return session.inExtension((api) => {
    const views = (api as unknown as { extension: { getViews(q: { type: 'tab' }): Window[] } }).extension.getViews({ type: 'tab' });
    return views.filter((view) => view.location.pathname === '/support.html').length;
  });
}

/** Waits (polling) until `expected` tabs show the support page; returns the last count. */
export async function waitForSupportTabs(session: E2eSession, expected: number, timeoutMs = 5_000): Promise<number> {
  const until = Date.now() + timeoutMs;
  let count = await supportTabCount(session);
  while (count !== expected && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    count = await supportTabCount(session);
  }
  return count;
}
