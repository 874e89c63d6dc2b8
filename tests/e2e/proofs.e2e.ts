/**
 * Proofs that stay (issue 17, item 9), in the browser named by E2E_BROWSER, one session:
 * - a site where nobody is guarded cannot tell the extension is installed;
 * - no request leaves the browser from any extension context during a whole journey (set-up, a
 *   guarded press, the dialog, "write it down", the popup, the options page, an export), counted by
 *   the DevTools protocol (Chromium) or WebDriver BiDi plus a loopback proxy (Firefox), from launch
 *   to the end;
 * - a page on a guarded site has no way to reach the extension, and (Chromium) our own content
 *   script's world there cannot change what only the options page may;
 * - a script probing candidates in-app cannot single out the guarded one after the first five.
 * The last test shows the watch sees requests at all (else a count of 0 would prove nothing).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { waitInRoot } from './harness/dialog-checks';
import { inContentScriptWorld, typeKeys, waitForFrameBoxFocus } from './harness/dialog-driver';
import { leavesTheBrowser, type ObservedRequest } from './harness/network-watch';
import { settle, waitForDialog } from './harness/page-checks';
import { browserName, extensionDir, launch, withPage } from './harness/session';
import type { E2ePage, E2eSession } from './harness/types';
import { OptionsScreen } from './pages/options';
import { PopupPage, PopupScreen } from './pages/popup';
import { SetupScreen } from './pages/setup';

const HANDLE = 'sam_rivers_x';
const VARS = { handle: HANDLE, other: 'alex_other' };
const PROFILE_URL = `https://x.com/${HANDLE}`;
const FEED_URL = 'https://x.com/home';
const LIKE_THEIRS = 'article[aria-labelledby="t1790000000000000001"] [data-testid="like"]';
/** A site the guard knows, where nobody is guarded. */
const UNGUARDED_SITE_URL = 'https://bsky.app/';
const ENTRY = 'I wrote this here instead.';

interface PageTraces {
  markup: string;
  globals: string[];
  styleSheets: number;
  adoptedStyleSheets: number;
  computed: string;
  /** What a page gets when it asks for the extension's own files at a known id. */
  probes: string[];
}

/** Everything a page's own script can read that an extension could change, and its probes. */
function pageTraces(page: E2ePage, probeUrls: string[]): Promise<PageTraces> {
  return page.evaluate(async (urls) => {
    const style = (el: Element) => {
      const computed = getComputedStyle(el);
      return Array.from({ length: computed.length }, (_, i) => `${computed[i]}:${computed.getPropertyValue(computed[i]!)}`).join(';');
    };
    const probes = await Promise.all(
      urls.map((url) =>
        fetch(url).then(
          (response) => `${url} loaded ${response.status}`,
          () => `${url} refused`,
        ),
      ),
    );
    return {
      markup: document.documentElement.outerHTML,
      globals: Object.getOwnPropertyNames(window).sort(),
      styleSheets: document.styleSheets.length,
      adoptedStyleSheets: document.adoptedStyleSheets.length,
      computed: `${style(document.documentElement)}|${style(document.body)}`,
      probes,
    };
  }, probeUrls);
}

describe(`proofs that stay (${process.env.E2E_BROWSER ?? 'chromium'})`, () => {
  let session: E2eSession;
  let extensionOrigin: string;
  /** The extension's own files a page might probe for (extension ids are public in Chrome's store). */
  let probeUrls: string[];

  const requests = (): ObservedRequest[] => session.network!.requests();
  const fixtureUrls = new Set<string>();
  /** A fixture page, and the icon the browser itself asks its site for (the tab's favicon). */
  const fixture = (url: string) => fixtureUrls.add(url).add(new URL('/favicon.ico', url).href);
  const serve = (url: string, file: string) => fixture(session.server.serveFixture(url, 'x', file, VARS));
  /** Requests that leave the browser and either come from an extension context or are for no fixture page. */
  const outgoing = () =>
    requests().filter((r) => leavesTheBrowser(r) && (r.fromExtension || !fixtureUrls.has(r.url)));

  beforeAll(async () => {
    session = await launch({ watchNetwork: true });
    serve(PROFILE_URL, 'profile.html');
    serve(FEED_URL, 'feed.html');
    fixture(session.server.serveHtml(UNGUARDED_SITE_URL, '<!doctype html><html lang="en"><head><title>Bluesky</title></head><body><main>Home</main></body></html>'));
    extensionOrigin = await session.inExtension((api) => new URL((api.runtime as unknown as { getURL(p: string): string }).getURL('/')).origin);
    probeUrls = ['manifest.json', 'popup.html', 'options.html', ...(session.name === 'chromium' ? ['pause.html'] : [])].map(
      (path) => `${extensionOrigin}/${path}`,
    );
  });

  afterAll(async () => {
    await session?.close();
  });

  test('nobody guarded: the site\'s page is the same as without the extension (markup, globals, styles) and cannot fetch its files', async () => {
    const control = session.server.controlUrl(PROFILE_URL);
    fixture(control);
    const [guardedSite, without] = await Promise.all([
      withPage(session, async (page) => {
        await page.goto(PROFILE_URL);
        await settle(page);
        return pageTraces(page, probeUrls);
      }),
      withPage(session, async (page) => {
        await page.goto(control);
        await settle(page);
        return pageTraces(page, []);
      }),
    ]);
    expect(guardedSite.markup).toBe(without.markup);
    expect(guardedSite.globals).toEqual(without.globals);
    expect(guardedSite.styleSheets).toBe(without.styleSheets);
    expect(guardedSite.adoptedStyleSheets).toBe(0);
    expect(guardedSite.computed).toBe(without.computed);
    expect(guardedSite.probes).toEqual(probeUrls.map((url) => `${url} refused`));
  });

  test('a whole journey (set-up, a guarded press, the dialog, "write it down", popup, options, export): 0 requests leave the browser', async () => {
    const popup = await PopupScreen.open(session);
    try {
      await new SetupScreen(popup.page).complete({ profileLink: PROFILE_URL, name: 'Sam', goalDays: 30, reason: 'I want to sleep well again.' });
      await popup.waitForMain();
    } finally {
      await popup.close();
    }

    await withPage(session, async (page) => {
      await page.goto(FEED_URL);
      await page.click(LIKE_THEIRS);
      expect(await waitForDialog(page)).toMatchObject({ open: true, modal: true });
      await page.clickInRoot('[data-action="write"]');
      await waitInRoot(page, (root) => root.activeElement?.getAttribute('data-part') === 'journal-frame');
      await waitForFrameBoxFocus(session.name, page, 'journal');
      await typeKeys(session.name, page, ENTRY, 20);
      await page.press('Tab');
      await page.press('Enter');
      const state = new PopupPage(session);
      const until = Date.now() + 10_000;
      while (!(await state.state()).doc.journal.some((entry) => entry.text === ENTRY) && Date.now() < until) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect((await state.state()).doc.journal.map((entry) => entry.text)).toContain(ENTRY);
    });

    const again = await PopupScreen.open(session);
    try {
      await again.waitForMain();
      expect(await again.urgesTotal()).toBeGreaterThanOrEqual(0);
    } finally {
      await again.close();
    }
    const options = await OptionsScreen.open(session);
    try {
      const file = await options.export();
      expect(JSON.parse(file.text)).toMatchObject({ data: { journal: [expect.objectContaining({ text: ENTRY })] } });
    } finally {
      await options.page.close();
    }

    // The watch saw the journey itself: the feed's own load, in its tab.
    expect(requests().filter((r) => r.url === FEED_URL && !r.fromExtension).length).toBeGreaterThan(0);
    expect(outgoing()).toEqual([]);
  });

  test('a page on a guarded site cannot reach the extension: no externally_connectable, one documented web-accessible page, no messaging from the page', async () => {
    const manifest = JSON.parse(readFileSync(join(extensionDir(browserName()), 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest).not.toHaveProperty('externally_connectable');
    // Documented in the README ("Privacy"): the pause page only, under a per-session id in Chrome.
    expect(manifest.web_accessible_resources).toEqual([
      { resources: ['pause.html'], matches: ['<all_urls>'], ...(session.name === 'chromium' ? { use_dynamic_url: true } : {}) },
    ]);

    const id = await session.inExtension((api) => api.runtime.id);
    await withPage(session, async (page) => {
      await page.goto(PROFILE_URL);
      await waitForDialog(page);
      const reach = await page.evaluate(async (extensionId) => {
        const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: (id: string, m: unknown) => Promise<unknown> } } }).chrome?.runtime;
        let message = 'no messaging API';
        if (runtime?.sendMessage) {
          message = await runtime.sendMessage(extensionId, { type: 'erase-requested' }).then(
            (reply) => `answered ${JSON.stringify(reply)}`,
            () => 'refused',
          );
        }
        return { message, browserGlobal: typeof (globalThis as { browser?: unknown }).browser };
      }, id);
      expect(['no messaging API', 'refused']).toContain(reach.message);
      expect(reach.browserGlobal).toBe('undefined');
    });
    // Nothing was erased: the person is still guarded.
    expect((await new PopupPage(session).state()).doc.people).toHaveLength(1);
  });

  // The site's renderer process holds our content script's world: what it may ask the background
  // for is only what the interstitial reports. Firefox's content-script realms are not reachable
  // from BiDi, so this runs in Chromium (the background's check is the same code in both).
  test.runIf(browserName() === 'chromium')(
    'the guard\'s own content-script world cannot erase, remove a person, lower the friction or the cool-down, or pause the guard',
    async () => {
      const before = (await new PopupPage(session).state()).doc;
      await withPage(session, async (page) => {
        await page.goto(PROFILE_URL);
        await waitForDialog(page);
        const replies = await inContentScriptWorld<Record<string, { ok: boolean }>>(
          page,
          extensionOrigin,
          `(async () => {
            const send = (message) => chrome.runtime.sendMessage(message).catch((error) => ({ ok: false, error: String(error) }));
            return {
              erase: await send({ type: 'erase-requested', confirm: 'erase everything' }),
              removal: await send({ type: 'person-removal-requested', personId: ${JSON.stringify(before.people[0]!.id)} }),
              friction: await send({ type: 'friction-changed', friction: 'gentle' }),
              coolDown: await send({ type: 'cool-down-changed', coolDown: 'none' }),
              pause: await send({ type: 'guard-pause-requested' }),
              import: await send({ type: 'import-requested', json: '{}' }),
              // What the guard itself sends: the channel works, so the refusals above are the check's.
              allowed: await send({ type: 'site-check-reported', site: 'x', found: true }),
            };
          })()`,
        );
        const { allowed, ...refused } = replies;
        expect(allowed).toMatchObject({ ok: true });
        expect(Object.entries(refused).filter(([, reply]) => reply.ok)).toEqual([]);
        expect(Object.keys(refused)).toHaveLength(6);
      });
      const after = (await new PopupPage(session).state()).doc;
      expect(after.people).toEqual(before.people);
      expect(after.settings).toEqual(before.settings);
    },
  );

  test('a script probing candidates in-app (pushState) cannot single out the guarded one after the first five: every page is covered alike until the moves stop', async () => {
    const candidates = [...Array.from({ length: 12 }, (_, i) => `candidate_${i}`), HANDLE, ...Array.from({ length: 12 }, (_, i) => `candidate_${12 + i}`)];
    await withPage(session, async (page) => {
      await page.goto(FEED_URL);
      await settle(page);
      // What the probe sees right after each move: whether an element was added to <html>.
      const covered = await page.evaluate((handles) =>
        handles.map((handle) => {
          history.pushState(null, '', `/${handle}`);
          return [...document.documentElement.children].some((el) => el !== document.head && el !== document.body);
        }),
      candidates);
      // The first five moves are a person's; from the sixth on the guarded page looks like the rest.
      expect(covered).toEqual(candidates.map((_, i) => i >= 5));
      // Once the moves stop, someone else's page is uncovered ...
      await page.waitFor(() => [...document.documentElement.children].every((el) => el === document.head || el === document.body));
      // ... and theirs, moved to while still probing, covered alike, then asks, once quiet.
      await page.evaluate((handle) => history.pushState(null, '', `/${handle}`), HANDLE);
      expect(await waitForDialog(page)).toMatchObject({ open: true, modal: true });
    });
  });

  test('a site where nobody is guarded, while someone is guarded elsewhere, is untouched', async () => {
    await withPage(session, async (page) => {
      await page.goto(UNGUARDED_SITE_URL);
      await settle(page);
      const traces = await pageTraces(page, probeUrls);
      expect(traces.markup).toBe('<html lang="en"><head><title>Bluesky</title></head><body><main>Home</main></body></html>');
      expect(traces.probes).toEqual(probeUrls.map((url) => `${url} refused`));
    });
  });

  test('the watch sees what it must count: a site page\'s request for no fixture, an extension page\'s navigation away (Firefox: seen by the proxy too), and (Chromium) the service worker was watched', async () => {
    const before = outgoing().length;
    const seenOnce = async (part: string) => {
      const until = Date.now() + 5_000;
      while (!outgoing().some((r) => r.url.includes(part)) && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 100));
      return outgoing().filter((r) => r.url.includes(part)).length;
    };
    await withPage(session, async (page) => {
      await page.goto(UNGUARDED_SITE_URL);
      await page.evaluate(() => fetch('https://not-a-fixture.e2e.invalid/seen').catch(() => undefined));
      expect(await seenOnce('not-a-fixture')).toBe(1);
    });
    // A fetch from an extension page never starts (its CSP has connect-src 'none'), so the one
    // way out left to it is a navigation.
    const page = await session.openExtensionPage('support.html');
    try {
      await page.evaluate(() => void setTimeout(() => location.assign('https://extension-attempt.e2e.invalid/'), 0));
      expect(await seenOnce('extension-attempt')).toBeGreaterThanOrEqual(1);
    } finally {
      await page.close();
    }
    expect(outgoing().length).toBeGreaterThanOrEqual(before + 2);
    // The support tab has no interception: its request went on to the proxy, the path a request
    // of the background page (no BiDi browsing context) would take.
    if (session.name === 'firefox') expect(outgoing().filter((r) => r.url.includes('extension-attempt') && r.from.includes('proxy'))).toHaveLength(1);
    if (session.name === 'chromium') {
      expect(session.network!.targets()).toEqual(expect.arrayContaining([expect.stringMatching(/^service_worker chrome-extension:\/\/[a-p]{32}\/background\.js$/)]));
    }
  });
});
