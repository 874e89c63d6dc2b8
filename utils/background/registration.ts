/**
 * Keeps the browser in step with the stored core:
 * - the guard content script is registered only on sites where someone is guarded (so sites
 *   where nobody is guarded never see it, and it costs them nothing);
 * - declarativeNetRequest redirect rules stop full loads that would tell a guarded person
 *   "you looked" (LinkedIn profile views, Instagram stories) before the request leaves. The
 *   handles live in these rules, inside the browser, never in a page.
 */
import { browser } from 'wxt/browser';
import type { Core } from '../data/schema';
import { SITE_ADAPTERS, adapterById } from '../sites/registry';
import type { Handle, SiteId } from '../sites/site-adapter';

export const GUARD_SCRIPT_ID = 'guard';
const GUARD_SCRIPT_FILE = 'content-scripts/guard.js';
/** Dynamic redirect rules use ids from 1; session "continue" rules from this id up. */
const FIRST_SESSION_RULE_ID = 100_000;

/** Sites with at least one guarded account, not switched off, with the guard not paused. */
export function guardedSites(core: Core): SiteId[] {
  if (core.settings.paused) return [];
  const sites = new Set<SiteId>();
  for (const person of core.people) for (const account of person.accounts) sites.add(account.site);
  return SITE_ADAPTERS.map((a) => a.id).filter((id) => sites.has(id) && !core.settings.sitesOff.includes(id));
}

export async function syncContentScripts(core: Core): Promise<void> {
  const matches = guardedSites(core).flatMap((id) => [...(adapterById(id)?.matches ?? [])]);
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [GUARD_SCRIPT_ID] });
  if (matches.length === 0) {
    if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [GUARD_SCRIPT_ID] });
    return;
  }
  const script = {
    id: GUARD_SCRIPT_ID,
    matches,
    js: [GUARD_SCRIPT_FILE],
    runAt: 'document_start' as const,
    allFrames: false,
    persistAcrossSessions: true,
  };
  if (existing.length > 0) await browser.scripting.updateContentScripts([script]);
  else await browser.scripting.registerContentScripts([script]);
}

type RedirectRule = Parameters<typeof browser.declarativeNetRequest.updateDynamicRules>[0] extends infer O
  ? O extends { addRules?: (infer R)[] }
    ? R
    : never
  : never;

/** The redirect rules for every guarded account on a site whose views tell the other person. */
export function contactRedirectRules(core: Core, pauseUrl: string): RedirectRule[] {
  const rules: RedirectRule[] = [];
  const sites = new Set(guardedSites(core));
  for (const person of core.people) {
    for (const account of person.accounts) {
      const adapter = adapterById(account.site);
      if (!adapter?.contactRequestRegexes || !sites.has(account.site)) continue;
      for (const regexFilter of adapter.contactRequestRegexes(account.handle as Handle)) {
        rules.push({
          id: rules.length + 1,
          priority: 1,
          action: {
            type: 'redirect',
            // The original URL rides in the fragment, so the pause page can offer to continue to it.
            redirect: { regexSubstitution: `${pauseUrl}?mode=page&site=${account.site}#\\0` },
          },
          condition: { regexFilter, isUrlFilterCaseSensitive: false, resourceTypes: ['main_frame'] },
        } as RedirectRule);
      }
    }
  }
  return rules;
}

export async function syncRedirectRules(core: Core): Promise<void> {
  const pauseUrl = browser.runtime.getURL('/pause.html');
  const existing = await browser.declarativeNetRequest.getDynamicRules();
  await browser.declarativeNetRequest.updateDynamicRules({
    removeRuleIds: existing.map((r) => r.id),
    addRules: contactRedirectRules(core, pauseUrl),
  });
}

/**
 * The person chose "continue" on the pause page: let this one URL through, in this tab only,
 * for a minute (a session rule with a higher priority than the redirect).
 */
export async function allowOnceInTab(tabId: number, url: string): Promise<void> {
  const existing = await browser.declarativeNetRequest.getSessionRules();
  const id = Math.max(FIRST_SESSION_RULE_ID - 1, ...existing.map((r) => r.id)) + 1;
  const target = new URL(url);
  await browser.declarativeNetRequest.updateSessionRules({
    addRules: [
      {
        id,
        priority: 2,
        action: { type: 'allow' },
        condition: {
          urlFilter: `|${target.origin}${target.pathname}`,
          tabIds: [tabId],
          resourceTypes: ['main_frame'],
        },
      } as RedirectRule,
    ],
  });
  setTimeout(() => {
    void browser.declarativeNetRequest.updateSessionRules({ removeRuleIds: [id] }).catch(() => undefined);
  }, 60_000);
}

export async function syncBrowser(core: Core): Promise<void> {
  await Promise.all([syncContentScripts(core), syncRedirectRules(core)]);
}
