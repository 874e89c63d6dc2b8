/**
 * Keeps the browser in step with the stored core:
 * - the guard content script is registered only on sites where someone is guarded (so sites
 *   where nobody is guarded never see it, and it costs them nothing);
 * - declarativeNetRequest redirect rules stop full loads that would tell a guarded person
 *   "you looked" (LinkedIn profile views, Instagram stories) before the request leaves. The
 *   handles live in these rules, inside the browser, never in a page;
 * - the person's own link patterns (sites we have no adapter for) become redirect rules too, so a
 *   full load of a matching page is paused before it is requested. They act only where the
 *   person allowed access to that site (redirects need host permission for the address).
 */
import { browser } from 'wxt/browser';
import type { Core } from '../data/schema';
import { BROWSER_REGEX_RULE_LIMIT } from '../data/limits';
import { patternRegexFilter } from '../sites/custom-patterns';
import { parseHttpUrl } from '../sites/web-address';
import { SITE_ADAPTERS, adapterById } from '../sites/registry';
import type { Handle, SiteId } from '../sites/site-adapter';
import { COVER_FLAG_FILE, GUARD_BUNDLE_PREFIX, GUARD_FEED_FILE, GUARD_UI_BUNDLE, GUARD_UI_FILE, coverScriptName, guardBundleFile, guardBundleName } from './guard-bundles';
import { accountPagePatterns, accountSpellingRegexes } from './cover-patterns';

/** Dynamic redirect rules use ids from 1; session "continue" rules from this id up. */
const FIRST_SESSION_RULE_ID = 100_000;

/** Sites with at least one guarded account, not switched off, with the guard not paused. */
export function guardedSites(core: Core): SiteId[] {
  if (core.settings.paused) return [];
  const sites = new Set<SiteId>();
  for (const person of core.people) for (const account of person.accounts) sites.add(account.site);
  return SITE_ADAPTERS.map((a) => a.id).filter((id) => sites.has(id) && !core.settings.sitesOff.includes(id));
}

/** Sites where someone guarded has feed hiding on: their feeds are held back until the list loads. */
export function feedHidingSites(core: Core): SiteId[] {
  const guarded = new Set(guardedSites(core));
  const sites = new Set<SiteId>();
  for (const person of core.people) {
    if (person.feedHiding === 'off') continue;
    for (const account of person.accounts) if (guarded.has(account.site)) sites.add(account.site);
  }
  return [...sites];
}

/** The match patterns of every guarded account's pages on one site (utils/background/cover-patterns.ts). */
export function guardedPagePatterns(core: Core, site: SiteId): string[] {
  const adapter = adapterById(site);
  const patterns = new Set<string>();
  for (const person of core.people) {
    for (const account of person.accounts) {
      if (account.site !== site) continue;
      const guarded = { handle: account.handle as Handle, ...(account.stableId !== undefined && { stableId: account.stableId }) };
      for (const pattern of accountPagePatterns(adapter, guarded)) patterns.add(pattern);
    }
  }
  return [...patterns];
}

/**
 * The content scripts to register, on sites where someone is guarded only:
 * - `guard-<site>`: the first stage (that site's own bundle: the engine plus its adapter) on the
 *   site's match patterns, except the guarded accounts' pages;
 * - `guard-cover-<site>`: on exactly those pages, the cover flag and then the same bundle, so the
 *   guard covers from the first frame without waiting for storage. Exactly one of the two runs on
 *   any page; the handles live in these match patterns, inside the browser, never in a page;
 * - `guard-ui`: the dialog (one bundle for every site) at `document_idle`, on every guarded site,
 *   after the page's first frame and without blocking its parser. The background also injects it
 *   at once when a prompt is wanted before then.
 * Where someone's posts are hidden from feeds, the bundle is preceded by the feed stage
 * (`guard-feed.js`, utils/engine/feed-port.ts): the feed hider's code, whose presence is also the
 * flag that has the guard hide feed items from the first one, before the guarded list has loaded.
 * Everywhere else the first stage carries none of that code.
 */
export interface GuardScript {
  id: string;
  matches: string[];
  excludeMatches?: string[];
  js: string[];
  runAt: 'document_start' | 'document_idle';
  allFrames: false;
  persistAcrossSessions: true;
}

export function contentScriptsFor(core: Core): GuardScript[] {
  const feedSites = new Set(feedHidingSites(core));
  const base = { allFrames: false, persistAcrossSessions: true } as const;
  const sites = guardedSites(core);
  const firstStage = sites.flatMap((site) => {
    const js = feedSites.has(site) ? [GUARD_FEED_FILE, guardBundleFile(site)] : [guardBundleFile(site)];
    const matches = [...adapterById(site).matches];
    const guardedPages = guardedPagePatterns(core, site);
    const everyPage = { ...base, runAt: 'document_start' as const, id: guardBundleName(site), matches, js };
    // Always given, even empty: an update keeps any field it is not given.
    if (guardedPages.length === 0) return [{ ...everyPage, excludeMatches: [] }];
    return [
      { ...everyPage, excludeMatches: guardedPages },
      { ...base, runAt: 'document_start' as const, id: coverScriptName(site), matches: guardedPages, js: [COVER_FLAG_FILE, ...js] },
    ];
  });
  if (sites.length === 0) return firstStage;
  const uiMatches = [...new Set(sites.flatMap((site) => adapterById(site).matches))];
  return [...firstStage, { ...base, runAt: 'document_idle' as const, id: GUARD_UI_BUNDLE, matches: uiMatches, js: [GUARD_UI_FILE] }];
}

/**
 * Registers, updates and removes guard scripts until exactly `contentScriptsFor(core)` is
 * registered. Any other guard script is removed too: the one shared `guard`/`guard-feed` pair of
 * earlier versions, and the script of a site this version no longer has.
 */
export async function syncContentScripts(core: Core): Promise<void> {
  const wanted = contentScriptsFor(core);
  const wantedIds = new Set(wanted.map((s) => s.id));
  const registered = (await browser.scripting.getRegisteredContentScripts()).map((s) => s.id);
  const stale = registered.filter((id) => (id === 'guard' || id.startsWith(GUARD_BUNDLE_PREFIX)) && !wantedIds.has(id));
  if (stale.length > 0) await browser.scripting.unregisterContentScripts({ ids: stale });
  const existing = new Set(registered);
  const toUpdate = wanted.filter((s) => existing.has(s.id));
  const toRegister = wanted.filter((s) => !existing.has(s.id));
  if (toUpdate.length > 0) await browser.scripting.updateContentScripts(toUpdate);
  if (toRegister.length > 0) await browser.scripting.registerContentScripts(toRegister);
}

type RedirectRule = Parameters<typeof browser.declarativeNetRequest.updateDynamicRules>[0] extends infer O
  ? O extends { addRules?: (infer R)[] }
    ? R
    : never
  : never;

/** Where a redirect carries the URL it stopped: the pause page, with the original in the fragment. */
export function pauseRedirectSubstitution(pauseUrl: string, site: SiteId): string {
  return `${pauseUrl}?mode=page&site=${site}#\\0`;
}

/** The same for a page one of the person's own link patterns matched (no site: the pattern decides). */
export function patternRedirectSubstitution(pauseUrl: string): string {
  return `${pauseUrl}?mode=page&source=pattern#\\0`;
}

/**
 * The redirect rules for every guarded account on a site whose views tell the other person.
 * Derived from the whole core on every change, so adding or removing an account or a person,
 * switching a site off and pausing the guard all take effect the same way.
 */
export function contactRedirectRules(core: Core, pauseUrl: string): RedirectRule[] {
  const rules: RedirectRule[] = [];
  const sites = new Set(guardedSites(core));
  const seen = new Set<string>();
  for (const person of core.people) {
    for (const account of person.accounts) {
      const adapter = adapterById(account.site);
      if (!adapter?.contactRequestRegexes || !sites.has(account.site)) continue;
      const guarded = { handle: account.handle as Handle, ...(account.stableId !== undefined && { stableId: account.stableId }) };
      for (const regexFilter of adapter.contactRequestRegexes(guarded)) {
        // The same account under two people (or twice) needs one rule.
        if (seen.has(regexFilter)) continue;
        seen.add(regexFilter);
        rules.push({
          id: rules.length + 1,
          priority: 1,
          action: {
            type: 'redirect',
            // The original URL rides in the fragment, so the pause page can offer to continue to it.
            redirect: { regexSubstitution: pauseRedirectSubstitution(pauseUrl, account.site) },
          },
          condition: { regexFilter, isUrlFilterCaseSensitive: false, resourceTypes: ['main_frame'] },
        } as RedirectRule);
      }
    }
  }
  return rules;
}

/**
 * For every guarded account on a site whose views tell no one (so no contact rule already
 * redirects its full loads, in any case): a full load of its pages spelt in a case the
 * registration's match patterns do not name goes to the pause page, and the spellings they name
 * are allowed through to the in-page guard (utils/background/cover-patterns.ts). One group per
 * account (the redirect, then its allow rules), ids running on from `firstId`.
 */
export function spellingRedirectRules(core: Core, pauseUrl: string, firstId = 1): RedirectRule[][] {
  const groups: RedirectRule[][] = [];
  let nextId = firstId;
  const sites = new Set(guardedSites(core));
  const seen = new Set<string>();
  for (const person of core.people) {
    for (const account of person.accounts) {
      const adapter = adapterById(account.site);
      if (!adapter || adapter.contactRequestRegexes || !sites.has(account.site)) continue;
      const regexes = accountSpellingRegexes(adapter, { handle: account.handle as Handle });
      if (!regexes || seen.has(regexes.anyCase)) continue;
      seen.add(regexes.anyCase);
      groups.push([
        {
          id: nextId++,
          priority: 1,
          action: { type: 'redirect', redirect: { regexSubstitution: pauseRedirectSubstitution(pauseUrl, account.site) } },
          condition: { regexFilter: regexes.anyCase, isUrlFilterCaseSensitive: false, resourceTypes: ['main_frame'] },
        } as RedirectRule,
        ...regexes.covered.map(
          (regexFilter) =>
            ({
              id: nextId++,
              priority: 1,
              action: { type: 'allow' },
              condition: { regexFilter, isUrlFilterCaseSensitive: true, resourceTypes: ['main_frame'] },
            }) as RedirectRule,
        ),
      ]);
    }
  }
  return groups;
}

/**
 * One redirect rule per link pattern of a person still guarded (the guard not paused), with ids
 * from `firstId`. Site switches do not apply: a pattern is its own site. Two people with the same
 * pattern need one rule.
 */
export function patternRedirectRules(core: Core, pauseUrl: string, firstId = 1): RedirectRule[] {
  if (core.settings.paused) return [];
  const people = new Set(core.people.map((p) => p.id));
  const filters = new Set<string>();
  for (const { personId, pattern } of core.customPatterns) {
    const regexFilter = people.has(personId) ? patternRegexFilter(pattern) : undefined;
    if (regexFilter !== undefined) filters.add(regexFilter);
  }
  return [...filters].map(
    (regexFilter, i) =>
      ({
        id: firstId + i,
        priority: 1,
        action: { type: 'redirect', redirect: { regexSubstitution: patternRedirectSubstitution(pauseUrl) } },
        condition: { regexFilter, isUrlFilterCaseSensitive: false, resourceTypes: ['main_frame'] },
      }) as RedirectRule,
  );
}

/** Whether the browser can use a rule's regular expression (RE2 has a size limit; Chrome and Firefox check). */
async function regexSupported(rule: RedirectRule): Promise<boolean> {
  const { regexFilter: regex, isUrlFilterCaseSensitive } = rule.condition as { regexFilter?: string; isUrlFilterCaseSensitive?: boolean };
  if (regex === undefined || typeof browser.declarativeNetRequest.isRegexSupported !== 'function') return true;
  // Checked as the rule is compiled: a case-insensitive program is larger, and a case-sensitive
  // rule checked as one was refused for nothing (Chromium 156, seen 2026-12: the spelling allow
  // rule of a long Bluesky handle. Source: tests/e2e/guard.e2e.ts).
  const result = await browser.declarativeNetRequest
    .isRegexSupported({ regex, isCaseSensitive: isUrlFilterCaseSensitive ?? false, requireCapturing: true })
    .catch(() => ({ isSupported: false }));
  return result.isSupported;
}

/**
 * What of the wanted regex rules the browser can hold (`BROWSER_REGEX_RULE_LIMIT` per extension),
 * in order of what they protect: every contact rule and link pattern (the limits guarantee these
 * fit: utils/data/limits.ts), then whole spelling groups while they fit. A spelling group is a
 * second line behind the in-page guard (a page spelt in another case is still guarded there, only
 * after the decision), and an account on a case-insensitive site needs up to four rules, so the
 * fullest document wanted 1,390 (bench --curves, 2026-12): sent at once, the browser refused the
 * whole update, and adding rule by rule made an import wait 770 s in Chromium.
 */
export function fitRegexRuleLimit(
  contact: RedirectRule[],
  patterns: RedirectRule[],
  spelling: RedirectRule[][],
  limit = BROWSER_REGEX_RULE_LIMIT,
): { contact: RedirectRule[]; patterns: RedirectRule[]; spelling: RedirectRule[][] } {
  let room = limit - contact.length - patterns.length;
  const fitting: RedirectRule[][] = [];
  for (const group of spelling) {
    if (group.length > room) continue;
    fitting.push(group);
    room -= group.length;
  }
  return { contact, patterns, spelling: fitting };
}

export async function syncRedirectRules(core: Core): Promise<void> {
  const pauseUrl = browser.runtime.getURL('/pause.html');
  const contact = contactRedirectRules(core, pauseUrl);
  const spelling = spellingRedirectRules(core, pauseUrl);
  // Which spelling group each candidate belongs to (-1: a contact rule, on its own).
  const groupOf = [...contact.map(() => -1), ...spelling.flatMap((group, g) => group.map(() => g))];
  const contactCandidates = [...contact, ...spelling.flat()];
  const candidates = patternRedirectRules(core, pauseUrl, contactCandidates.length + 1);
  // Every rule's expression is checked first: one the browser cannot compile (RE2's size limit)
  // must not cost all the others (issue "Hardening": an unusual account in an import left every
  // redirect out, and the old rules in place).
  const [contactSupported, supported] = await Promise.all([
    Promise.all(contactCandidates.map(regexSupported)),
    Promise.all(candidates.map(regexSupported)),
  ]);
  // A spelling group (a redirect, then its allow rules) goes in whole or not at all: a redirect
  // without its allow rules would send the spellings guarded in the page to the pause page too.
  const refusedGroups = new Set(groupOf.filter((g, i) => g >= 0 && !contactSupported[i]));
  const keep = contactCandidates.map((_, i) => contactSupported[i] && !refusedGroups.has(groupOf[i]!));
  const kept = fitRegexRuleLimit(
    contact.filter((_, i) => keep[i]),
    candidates.filter((_, i) => supported[i]),
    spelling.filter((_, g) => !refusedGroups.has(g)),
  );
  const contactRules = [...kept.contact, ...kept.spelling.flat()].map((rule, i) => ({ ...rule, id: i + 1 }));
  // Renumbered after filtering, so ids stay unique and below the one-time "continue" rules.
  const patternRules = kept.patterns.map((rule, i) => ({ ...rule, id: contactCandidates.length + 1 + i }));
  const existing = await browser.declarativeNetRequest.getDynamicRules();
  const removeRuleIds = existing.map((r) => r.id);
  try {
    await browser.declarativeNetRequest.updateDynamicRules({ removeRuleIds, addRules: [...contactRules, ...patternRules] });
  } catch {
    // The update is all or nothing: the old rules go, then each rule is added on its own, so
    // every rule the browser takes is in force and none is left from before.
    await browser.declarativeNetRequest.updateDynamicRules({ removeRuleIds });
    for (const rule of [...contactRules, ...patternRules]) {
      await browser.declarativeNetRequest.updateDynamicRules({ addRules: [rule] }).catch(() => undefined);
    }
  }
}

/** Characters with a meaning in a declarativeNetRequest `urlFilter` (wildcard, separator, anchor). */
const URL_FILTER_SPECIAL = /[*^|]/;

/**
 * The one-time "continue" rule for `url` in one tab: an allow rule above the redirect (priority 2),
 * matching this exact address from its start (`|`), for top-level loads in that tab only.
 * Undefined when the URL cannot be written as a plain filter (then nothing is let through).
 */
export function allowOnceRule(id: number, tabId: number, url: string): RedirectRule | undefined {
  const target = parseHttpUrl(url);
  if (!target) return undefined;
  const address = `${target.origin}${target.pathname}${target.search}`;
  if (URL_FILTER_SPECIAL.test(address)) return undefined;
  return {
    id,
    priority: 2,
    action: { type: 'allow' },
    condition: { urlFilter: `|${address}|`, tabIds: [tabId], resourceTypes: ['main_frame'] },
  } as RedirectRule;
}

/** Session rules above this id are one-time "continue" rules; dynamic redirect rules stay below. */
export function isAllowOnceRuleId(id: number): boolean {
  return id >= FIRST_SESSION_RULE_ID;
}

/** Removes every one-time "continue" rule (a worker that starts afresh has none in flight). */
export async function clearAllowOnceRules(): Promise<void> {
  const existing = await browser.declarativeNetRequest.getSessionRules();
  const ids = existing.map((r) => r.id).filter(isAllowOnceRuleId);
  if (ids.length > 0) await browser.declarativeNetRequest.updateSessionRules({ removeRuleIds: ids });
}

/**
 * The person chose "continue" on the pause page: let this one URL through, in this tab only (the
 * pause page then loads it). The rule is removed once the tab has finished loading a page other
 * than the pause page, so it lets one load through; a timer removes it too in case that load never
 * happens, and a worker that starts afresh clears any left over (clearAllowOnceRules).
 */
export async function allowOnceInTab(tabId: number, url: string): Promise<boolean> {
  const existing = await browser.declarativeNetRequest.getSessionRules();
  const id = Math.max(FIRST_SESSION_RULE_ID - 1, ...existing.map((r) => r.id)) + 1;
  const rule = allowOnceRule(id, tabId, url);
  if (!rule) return false;
  const pausePage = browser.runtime.getURL('/pause.html');
  const remove = () => {
    browser.tabs.onUpdated.removeListener(onUpdated);
    browser.tabs.onRemoved.removeListener(onRemoved);
    clearTimeout(timer);
    void browser.declarativeNetRequest.updateSessionRules({ removeRuleIds: [id] }).catch(() => undefined);
  };
  const onUpdated = (updatedTabId: number, change: { status?: string }, tab: { url?: string }) => {
    if (updatedTabId === tabId && change.status === 'complete' && !(tab.url ?? '').startsWith(pausePage)) remove();
  };
  const onRemoved = (removedTabId: number) => {
    if (removedTabId === tabId) remove();
  };
  browser.tabs.onUpdated.addListener(onUpdated);
  browser.tabs.onRemoved.addListener(onRemoved);
  const timer = setTimeout(remove, 60_000);
  await browser.declarativeNetRequest.updateSessionRules({ addRules: [rule] });
  return true;
}

/** What the browser was last brought in step with (this worker's lifetime; a new worker syncs afresh). */
let lastSynced: string | undefined;

/**
 * Brings registration and redirect rules in step with the core. Most changes (an urge logged, a
 * journal entry, a reason) leave both as they were: then nothing is rewritten.
 */
export async function syncBrowser(core: Core): Promise<void> {
  const pauseUrl = browser.runtime.getURL('/pause.html');
  const wanted = JSON.stringify([
    contentScriptsFor(core),
    contactRedirectRules(core, pauseUrl),
    spellingRedirectRules(core, pauseUrl),
    patternRedirectRules(core, pauseUrl),
  ]);
  if (wanted === lastSynced) return;
  lastSynced = undefined;
  await Promise.all([syncContentScripts(core), syncRedirectRules(core)]);
  lastSynced = wanted;
}
