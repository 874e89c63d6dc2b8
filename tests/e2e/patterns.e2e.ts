/**
 * The person's own link patterns, for pages our site adapters do not know. A full load of a
 * matching page is redirected to the pause page before the request leaves (declarativeNetRequest),
 * exactly as for contact views; the counts below are what the (fake) site received.
 *
 * The stand-in pages are plain documents: these sites are the person's choice, not ones we model,
 * and the request counts are the point (a paused load never reaches them).
 *
 * Site access: a pattern acts only where the extension holds host permission. X's is granted at
 * install, so a pattern on an X page we have no adapter kind for (a list) runs in both browsers.
 * A new site needs the person to allow it from the options page: Firefox's prompt is switched off
 * for the tests (harness/firefox.ts), Chromium's permission dialog cannot be answered by
 * automation (its auto-confirm exists only in Chromium's own test builds), so that part runs in
 * Firefox only.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { isPausePage, startLoad, waitForAddress, waitForPauseDialog } from './harness/contact-pause';
import { launch, withPage as withSessionPage } from './harness/session';
import type { E2ePage, E2eSession } from './harness/types';
import { PopupPage } from './pages/popup';

const LIST_PATTERN = 'x.com/i/lists/1234567890*';
const LIST_URL = 'https://x.com/i/lists/1234567890';
const OTHER_LIST_URL = 'https://x.com/i/lists/5550001111';
const SITE_PATTERN = 'example.social/@someone*';
const SITE_URL = 'https://example.social/@someone/posts';
const SITE_ORIGIN = '*://example.social/*';

const standIn = (title: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><p>${title}</p>` +
  '<script>window.__site = { handled: [] };</script></body></html>';

let session: E2eSession;
let popup: PopupPage;
let personId: string;

const withPage = <R>(run: (page: E2ePage) => Promise<R>) => withSessionPage(session, run);

async function addPattern(pattern: string): Promise<string> {
  const reply = await session.send({ type: 'custom-pattern-added', personId, pattern });
  expect(reply).toMatchObject({ ok: true });
  return (reply as { data: { id: string } }).data.id;
}

/** Loads `url` as a link from another website does; answers how many requests reached the site. */
async function requestsForLoad(page: E2ePage, url: string, expectPause: boolean): Promise<number> {
  const before = session.server.count(url);
  await startLoad(session, page, url);
  if (expectPause) await waitForPauseDialog(page);
  else await waitForAddress(page, (href) => href === url);
  return session.server.count(url) - before;
}

beforeAll(async () => {
  session = await launch();
  popup = new PopupPage(session);
  // Someone with one Bluesky account (a person needs one); the patterns below add X and a new site.
  const reply = await session.send({
    type: 'person-added',
    label: 'Someone',
    accounts: [{ site: 'bluesky', handle: 'someone-else.bsky.social' }],
    feedHiding: 'off',
  });
  expect(reply).toMatchObject({ ok: true });
  personId = (reply as { data: { id: string } }).data.id;
  session.server.serveHtml(LIST_URL, standIn('A list'));
  session.server.serveHtml(OTHER_LIST_URL, standIn('Another list'));
  session.server.serveHtml(SITE_URL, standIn('A page on a site we do not know'));
});

afterAll(async () => {
  await session?.close();
});

describe('a pattern on a site the extension may act on', () => {
  let patternId: string;
  beforeAll(async () => {
    patternId = await addPattern(LIST_PATTERN);
  });

  test('a full load of a matching page never reaches the site; the pause page says what it is', async () => {
    await withPage(async (page) => {
      expect(await requestsForLoad(page, LIST_URL, true)).toBe(0);
      const pause = await waitForPauseDialog(page);
      expect(pause).toMatchObject({ open: true, modal: true, focusInside: true, target: LIST_URL, visibleToThem: '' });
      expect(await page.evaluate(() => document.querySelector('[data-part="lead"]')?.textContent)).toMatch(/asked to pause before/);
      expect(pause.notSent).toMatch(/Nothing has reached the site/);
    });
  });

  test('"Go back" logs one urge resisted; still nothing reached the site', async () => {
    const urges = await popup.urgesResisted();
    await withPage(async (page) => {
      const before = session.server.count(LIST_URL);
      await startLoad(session, page, LIST_URL);
      await waitForPauseDialog(page);
      // "Go back" holds focus when the dialog opens: Enter chooses it.
      await page.press('Enter');
      expect(await popup.waitForUrges(urges + 1)).toBe(urges + 1);
      await waitForAddress(page, (href) => !isPausePage(href));
      expect(session.server.count(LIST_URL) - before).toBe(0);
    });
    const { doc } = await popup.state();
    expect(doc.events.recent.at(-1)).toMatchObject({ type: 'urge-resisted', what: 'pattern' });
  });

  test('"Continue" lets exactly one request through, without asking to count it as contact', async () => {
    await withPage(async (page) => {
      const before = session.server.count(LIST_URL);
      await startLoad(session, page, LIST_URL);
      await waitForPauseDialog(page);
      await page.waitFor(() => document.querySelector<HTMLButtonElement>('[data-action="continue"]')?.disabled === false, undefined, 20_000);
      await page.click('[data-action="continue"]');
      await waitForAddress(page, (href) => href === LIST_URL);
      expect(session.server.count(LIST_URL) - before).toBe(1);
    });
  });

  test('a page the pattern does not name loads directly', async () => {
    await withPage(async (page) => {
      expect(await requestsForLoad(page, OTHER_LIST_URL, false)).toBe(1);
    });
  });

  test('removing the pattern lets the page load again', async () => {
    expect(await session.send({ type: 'custom-pattern-removed', patternId })).toMatchObject({ ok: true });
    await withPage(async (page) => {
      expect(await requestsForLoad(page, LIST_URL, false)).toBe(1);
    });
  });
});

describe('a pattern on a new site waits for the person to allow access', () => {
  beforeAll(async () => {
    await addPattern(SITE_PATTERN);
  });

  test('without access the options page says the pattern is not active yet, and the page is not touched', async () => {
    expect(await session.hasHostPermission(SITE_ORIGIN)).toBe(false);
    const options = await session.openExtensionPage('options.html');
    try {
      await options.waitFor(() => !!document.querySelector('[data-testid="pattern-needs-access"]'));
      expect(await options.evaluate(() => document.querySelector('[data-testid="pattern-needs-access"]')?.textContent)).toMatch(/Not active yet/);
    } finally {
      await options.close();
    }
    await withPage(async (page) => {
      expect(await requestsForLoad(page, SITE_URL, false)).toBe(1);
    });
  });

  test.runIf(process.env.E2E_BROWSER === 'firefox')('"Allow access" (a real click) makes it pause before the page is requested', async () => {
    const options = await session.openExtensionPage('options.html');
    try {
      await options.waitFor(() => !!document.querySelector('[data-testid="pattern-allow"]'));
      await options.click('[data-testid="pattern-allow"]');
      await options.waitFor(() => !document.querySelector('[data-testid="pattern-needs-access"]'));
    } finally {
      await options.close();
    }
    expect(await session.hasHostPermission(SITE_ORIGIN)).toBe(true);
    await withPage(async (page) => {
      expect(await requestsForLoad(page, SITE_URL, true)).toBe(0);
    });
  });
});
