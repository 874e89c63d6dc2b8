/**
 * Feed hiding by stylesheet. For each tab of a guarded site that asks (the guard's
 * `feed-style-wanted`, utils/engine/feed-style-request.ts), the background builds from the stored
 * core one sheet that hides the items of everyone set to 'hide' on that site, with the adapter's
 * exact selectors (`feedItem.hideSelectors`), and injects it with `scripting.insertCSS` and the
 * browser's user origin:
 * - the page cannot read it: user sheets are not in `document.styleSheets` or any CSSOM the page
 *   reaches, so the handles in its selectors never reach the page's styles or DOM;
 * - the page cannot undo it: a user `!important` declaration wins over every author rule and
 *   inline style (CSS Cascade 4, "Cascade sorting", origin and importance);
 * - nothing is written on their posts, and the items are hidden at style time, before any frame,
 *   however the site adds or recycles them, with no script work per item.
 * Posts set to 'collapse' still need the engine (only a script can add the placeholder).
 * Sources: https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/API/scripting/insertCSS
 * (origin USER, Firefox 101+), https://developer.chrome.com/docs/extensions/reference/api/scripting#type-CSSInjection
 * (origin 'USER', Chrome 88+).
 */
import { browser } from 'wxt/browser';
import { z } from 'zod';
import '../data/zod-config';
import type { Core } from '../data/schema';
import { adapterById } from '../sites/registry';
import type { FeedReach, Handle, SiteId } from '../sites/site-adapter';
import { SITE_IDS } from '../sites/site-ids';
import { FEED_STYLE_WANTED } from '../engine/feed-style-request';
import { guardedSites } from './registration';

export const FeedStyleWantedSchema = z.object({ type: z.literal(FEED_STYLE_WANTED), site: z.enum(SITE_IDS), first: z.boolean() });

/**
 * The sheet for one site: one rule per selector, so a selector one browser cannot parse costs
 * that rule only (a selector list is dropped whole when one of its members is invalid). `exact`
 * is false when some account set to 'hide' has no exact selectors (the engine then hides by item,
 * for everyone). Empty when nobody's posts on the site are set to 'hide', the site is off or the
 * guard is paused. People set to 'collapse' are the engine's: only a script can add the placeholder.
 */
export function feedStyleSheet(core: Core, site: SiteId): { css: string; exact: boolean } {
  const hideSelectors = adapterById(site).feedItem?.hideSelectors;
  if (!guardedSites(core).includes(site) || !hideSelectors) return { css: '', exact: false };
  const reach: FeedReach = core.settings.feedReach ?? 'own';
  const selectors = new Set<string>();
  let exact = true;
  for (const person of core.people) {
    if (person.feedHiding !== 'hide') continue;
    for (const account of person.accounts) {
      if (account.site !== site) continue;
      const guarded = { handle: account.handle as Handle, ...(account.stableId !== undefined && { stableId: account.stableId }) };
      const forAccount = hideSelectors(guarded, reach);
      if (forAccount === undefined) exact = false;
      for (const selector of forAccount ?? []) selectors.add(selector);
    }
  }
  const css = [...selectors].map((selector) => `${selector} { display: none !important; }`).join('\n');
  return { css, exact: exact && css !== '' };
}

const SHEETS_KEY = 'feedStyleSheets';
type Sheets = Record<string, string>;

async function sheets(): Promise<Sheets> {
  return ((await browser.storage.session.get(SHEETS_KEY))[SHEETS_KEY] ?? {}) as Sheets;
}

/** Each tab's asks, one after the other (a sheet must be known before the next replaces it). */
const queues = new Map<number, Promise<unknown>>();

/**
 * Brings one tab's sheet in step: the new sheet goes in before the old one comes out, so no frame
 * is left without one. Each sheet carries a fresh comment, so two sheets never have the same text
 * (removeCSS finds a sheet by its text). Remembered per tab in session storage (the worker may stop
 * between two asks); a document's first ask has no old sheet in it. Answers whether the sheet hides
 * everyone set to 'hide' as soon as it is in: the bookkeeping after it delays no page.
 */
export function styleTabFeed(core: Core | undefined, site: SiteId, tabId: number, frameId: number, first: boolean, nonce: string): Promise<boolean> {
  const { css: body, exact } = core ? feedStyleSheet(core, site) : { css: '', exact: false };
  const sheet = body === '' ? undefined : `/* ${nonce} */\n${body}`;
  const target = { tabId, frameIds: [frameId] };
  const inserted = (queues.get(tabId) ?? Promise.resolve()).catch(() => undefined).then(async () => {
    if (sheet !== undefined) await browser.scripting.insertCSS({ target, css: sheet, origin: 'USER' });
  });
  const settled = inserted
    .then(async () => {
      const known = await sheets();
      const previous = first ? undefined : known[tabId];
      if (previous !== undefined) await browser.scripting.removeCSS({ target, css: previous, origin: 'USER' }).catch(() => undefined);
      const next = { ...known };
      if (sheet === undefined) delete next[tabId];
      else next[tabId] = sheet;
      await browser.storage.session.set({ [SHEETS_KEY]: next });
    })
    .catch(() => undefined)
    .finally(() => {
      if (queues.get(tabId) === settled) queues.delete(tabId);
    });
  queues.set(tabId, settled);
  return inserted.then(() => sheet !== undefined && exact);
}

/** A closed tab's sheet is gone with it. */
export async function forgetTabFeedStyle(tabId: number): Promise<void> {
  const known = await sheets();
  if (!(tabId in known)) return;
  delete known[tabId];
  await browser.storage.session.set({ [SHEETS_KEY]: known });
}
