/**
 * Contact in itself: a full load of a guarded Instagram story or LinkedIn profile tells that
 * person "you looked" the moment it reaches the site (a TikTok profile or video may). These tests count what reaches the (fake)
 * server: the redirect to the pause page must happen before the request leaves.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SiteId } from '../../utils/sites/site-ids';
import {
  dynamicRules,
  isPausePage,
  redirectFilters,
  startLoad,
  waitForAddress,
  waitForPauseDialog,
} from './harness/contact-pause';
import { runAxe } from './harness/axe';
import type { FixtureVars } from './harness/fixture-server';
import { handled, settle, waitForDialog } from './harness/page-checks';
import { launch, withPage as withSessionPage } from './harness/session';
import type { E2ePage, E2eSession } from './harness/types';
import { PopupPage } from './pages/popup';

const MEMBER_ID = 'ACoAAB1cD2eFgHiJkLmNoPqRsTuVwXyZ0123456';
const FACEBOOK_ID = '100012345678901';
const REASON = 'I deserve calm mornings.';

interface ContactCase {
  site: SiteId;
  guarded: { handle: string; stableId?: string };
  other: string;
  /** The full load that tells them, for the guarded person and for someone not guarded. */
  view: { url: string; otherUrl: string; fixture: string };
  /** Other addresses of the same guarded view (member-id links). */
  aliases: string[];
  /** What the pause page says they can see. */
  visibleText: RegExp;
  /** The site's home: where "Go back" leads when the tab has nothing to go back to. */
  home: { url: string; fixture: string };
  /** A page of the site with an in-app link to the guarded view, and how to find that link. */
  inApp: { url: string; fixture: string; link: string; addLink?: string };
}

const CASES: ContactCase[] = [
  {
    site: 'instagram',
    guarded: { handle: 'sam_rivers_x' },
    other: 'alex_other',
    view: {
      url: 'https://www.instagram.com/stories/sam_rivers_x/3412345678901234567/',
      otherUrl: 'https://www.instagram.com/stories/alex_other/3412345678901234567/',
      fixture: 'story.html',
    },
    aliases: [],
    visibleText: /see that you viewed their story/,
    home: { url: 'https://www.instagram.com/', fixture: 'feed.html' },
    // Instagram, seen 2026-01: a shared story arrives as a plain link to /stories/<user>/<id>/ (in a
    // DM or a post caption); the home tray's rings are buttons, not links. The feed fixture has no
    // such link, so the test adds one. Source: docs/sites/instagram.md (URL shapes)
    inApp: {
      url: 'https://www.instagram.com/',
      fixture: 'feed.html',
      link: '#contact-story-link',
      addLink: '/stories/sam_rivers_x/3412345678901234567/',
    },
  },
  {
    site: 'linkedin',
    guarded: { handle: 'sam-rivers-x', stableId: MEMBER_ID },
    other: 'alex-other',
    view: {
      url: 'https://www.linkedin.com/in/sam-rivers-x/',
      otherUrl: 'https://www.linkedin.com/in/alex-other/',
      fixture: 'profile.html',
    },
    aliases: [`https://www.linkedin.com/in/${MEMBER_ID}/`, 'https://www.linkedin.com/in/sam-rivers-x/recent-activity/all/?trk=x'],
    visibleText: /can see that you looked/,
    home: { url: 'https://www.linkedin.com/', fixture: 'feed.html' },
    inApp: { url: 'https://www.linkedin.com/feed/', fixture: 'feed.html', link: '#mention-guarded' },
  },
  {
    site: 'tiktok',
    guarded: { handle: 'sam_rivers_x' },
    other: 'alex_other',
    view: { url: 'https://www.tiktok.com/@sam_rivers_x', otherUrl: 'https://www.tiktok.com/@alex_other', fixture: 'profile.html' },
    // TikTok, seen 2026-12: post view history may list a view of their video or photo post too; the
    // '@' may arrive percent-encoded. Source: docs/sites/tiktok.md (What the other person is told)
    aliases: [
      'https://www.tiktok.com/@sam_rivers_x/video/7440000000000000001?is_from_webapp=1',
      'https://www.tiktok.com/@sam_rivers_x/photo/7440000000000000003',
      'https://www.tiktok.com/%40sam_rivers_x',
    ],
    visibleText: /may see that you looked/,
    home: { url: 'https://www.tiktok.com/', fixture: 'feed.html' },
    inApp: { url: 'https://www.tiktok.com/foryou', fixture: 'feed.html', link: '#mention-guarded' },
  },
  {
    // Facebook: stories (and Messenger threads) carry the numeric id only, never the vanity.
    site: 'facebook',
    guarded: { handle: 'samrivers', stableId: FACEBOOK_ID },
    other: 'alexother',
    view: {
      url: `https://www.facebook.com/stories/${FACEBOOK_ID}/UzpfSVNDOjEwMDAx/?bucket_count=3&source=story_tray`,
      otherUrl: 'https://www.facebook.com/stories/100098765432109/UzpfSVNDOjEwMDAy/?bucket_count=3&source=story_tray',
      fixture: 'story.html',
    },
    aliases: [
      `https://m.facebook.com/stories/${FACEBOOK_ID}/UzpfSVNDOjEwMDAx/`,
      `https://web.facebook.com/stories/${FACEBOOK_ID}/`,
      // Opening their thread with unread messages shows them "Seen".
      `https://www.facebook.com/messages/t/${FACEBOOK_ID}/`,
      `https://www.facebook.com/messages/e2ee/t/${FACEBOOK_ID}`,
    ],
    visibleText: /see that you viewed their story/,
    home: { url: 'https://www.facebook.com/', fixture: 'feed.html' },
    // Facebook, seen 2026-07: the home tray's story cards link to /stories/<id>/…: the press on
    // their card is stopped before the viewer opens (issue 12, item 2). Source: docs/sites/facebook.md (Stories)
    inApp: { url: 'https://www.facebook.com/', fixture: 'feed.html', link: '#story-card-guarded' },
  },
];

let session: E2eSession;
let popup: PopupPage;

const withPage = <R>(run: (page: E2ePage) => Promise<R>) => withSessionPage(session, run);

beforeAll(async () => {
  session = await launch();
  popup = new PopupPage(session);
  expect(await session.send({ type: 'reason-added', text: REASON })).toMatchObject({ ok: true });
  for (const c of CASES) {
    const reply = await session.send({
      type: 'person-added',
      label: 'Someone',
      accounts: [{ site: c.site, ...c.guarded }],
      feedHiding: 'off',
    });
    expect(reply).toMatchObject({ ok: true });
  }
});

afterAll(async () => {
  await session?.close();
});

describe.each(CASES.map((c) => [c.site, c] as const))('%s', (_site, c) => {
  const vars: FixtureVars = { handle: c.guarded.handle, other: c.other };
  const otherVars: FixtureVars = { handle: c.other, other: c.other };
  let urls: { view: string; otherView: string; inApp: string; aliases: string[] };

  beforeAll(() => {
    const { server } = session;
    urls = {
      view: server.serveFixture(c.view.url, c.site, c.view.fixture, vars),
      otherView: server.serveFixture(c.view.otherUrl, c.site, c.view.fixture, otherVars),
      inApp: server.serveFixture(c.inApp.url, c.site, c.inApp.fixture, vars),
      aliases: c.aliases.map((url) => server.serveFixture(url, c.site, c.view.fixture, vars)),
    };
    server.serveFixture(c.home.url, c.site, c.home.fixture, vars);
  });

  test('a full load of the guarded view never reaches the site: the pause page says they would see it', async () => {
    await withPage(async (page) => {
      const before = session.server.count(urls.view);
      await startLoad(session, page, urls.view);
      const pause = await waitForPauseDialog(page);
      expect(session.server.count(urls.view) - before).toBe(0);
      expect(pause).toMatchObject({ open: true, modal: true, focusInside: true, target: urls.view });
      expect(pause.name).not.toBe('');
      expect(pause.visibleToThem).toMatch(c.visibleText);
      expect(pause.notSent).toMatch(/see that you looked/);
      expect(pause.days).toMatch(/\d|today/i);
      expect(pause.reason).toBe(REASON);
      // The same quiet second line as the in-page pause: support is in reach here too.
      expect(await page.evaluate(() => ['support', 'quieter'].map((part) => document.querySelector(`[data-part="${part}"]`) !== null))).toEqual([true, true]);
    });
  });

  test('"Go back" by keyboard: still nothing reached the site, one urge resisted', async () => {
    const urges = await popup.urgesResisted();
    await withPage(async (page) => {
      const before = session.server.count(urls.view);
      await startLoad(session, page, urls.view);
      await waitForPauseDialog(page);
      // "Go back" holds focus when the dialog opens: Enter chooses it.
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('back');
      await page.press('Enter');
      expect(await popup.waitForUrges(urges + 1)).toBe(urges + 1);
      await waitForAddress(page, (href) => !isPausePage(href));
      expect(session.server.count(urls.view) - before).toBe(0);
    });
  });

  test('"Continue" after the pause lets exactly one request through, in this tab, and the page loads', async () => {
    await withPage(async (page) => {
      const before = session.server.count(urls.view);
      await startLoad(session, page, urls.view);
      await waitForPauseDialog(page);
      // Gentle friction: "continue" is offered after the breathing pause (seconds, not asserted).
      await page.waitFor(() => document.querySelector<HTMLButtonElement>('[data-action="continue"]')?.disabled === false, undefined, 20_000);
      await page.click('[data-action="continue"]');
      await page.waitFor(() => !!document.querySelector('[data-action="count-no"]'));
      await page.click('[data-action="count-no"]');
      await waitForAddress(page, (href) => href === urls.view);
      await page.waitFor(() => 'handled' in ((window as unknown as { __site?: object }).__site ?? {}));
      expect(session.server.count(urls.view) - before).toBe(1);
      // The person already chose on the pause page: the guard in the loaded page does not pause
      // them a second time (its neutral cover goes once the one-time pass is claimed).
      await page.waitFor(() => [...document.documentElement.children].every((el) => el === document.head || el === document.body));
    });
    // The allow rule was for that one load: the next full load is paused again.
    await withPage(async (page) => {
      const before = session.server.count(urls.view);
      await startLoad(session, page, urls.view);
      await waitForPauseDialog(page);
      expect(session.server.count(urls.view) - before).toBe(0);
    });
  });

  test('the same view of someone not guarded loads directly, with no pause page', async () => {
    await withPage(async (page) => {
      const before = session.server.count(urls.otherView);
      await page.goto(urls.otherView);
      expect(await page.evaluate(() => location.href)).toBe(urls.otherView);
      expect(session.server.count(urls.otherView) - before).toBe(1);
    });
  });

  test('an in-app link to the guarded view is stopped in the page before any request', async () => {
    await withPage(async (page) => {
      await page.goto(urls.inApp);
      if (c.inApp.addLink) {
        await page.evaluate(
          ([id, href]) => {
            const link = document.createElement('a');
            link.id = id;
            link.href = href;
            link.textContent = 'Shared story';
            document.body.prepend(link);
          },
          [c.inApp.link.slice(1), c.inApp.addLink] as const,
        );
      }
      await settle(page);
      const target = await page.evaluate((selector) => document.querySelector<HTMLAnchorElement>(selector)!.href, c.inApp.link);
      const before = session.server.count(target);
      await page.click(c.inApp.link);
      await waitForDialog(page);
      expect(await page.evaluate(() => location.href)).toBe(urls.inApp);
      expect(session.server.count(target) - before).toBe(0);
      expect(await handled(page)).toEqual([]);
    });
  });

  test.runIf(c.aliases.length > 0)('other addresses of the same view (member id, sub-page) are paused too', async () => {
    for (const alias of urls.aliases) {
      await withPage(async (page) => {
        const before = session.server.count(alias);
        await startLoad(session, page, alias);
        const pause = await waitForPauseDialog(page);
        expect(pause.target).toBe(alias);
        expect(session.server.count(alias) - before).toBe(0);
      });
    }
  });

  test('the pause page passes axe', async () => {
    await withPage(async (page) => {
      await startLoad(session, page, urls.view);
      await waitForPauseDialog(page);
      expect(await runAxe(page)).toEqual([]);
    });
  });
});

describe('the redirect rules follow the guarded accounts', () => {
  const has = (filters: string[], text: string) => filters.some((f) => f.includes(text));

  test('adding, switching a site off, pausing the guard and removing a person', async () => {
    expect(await session.send({ type: 'person-added', label: 'Someone else', accounts: [{ site: 'instagram', handle: 'jo.tester' }], feedHiding: 'off' })).toMatchObject({ ok: true });
    let filters = await redirectFilters(session);
    expect(has(filters, 'jo\\.tester')).toBe(true);
    expect(has(filters, 'sam_rivers_x')).toBe(true);
    expect(has(filters, MEMBER_ID)).toBe(true);
    // Handles live in the rules only: X and Bluesky views tell no one, so they have none.
    expect((await dynamicRules(session)).every((r) => r.action.type === 'redirect')).toBe(true);

    expect(await session.send({ type: 'site-toggled', site: 'instagram', on: false })).toMatchObject({ ok: true });
    filters = await redirectFilters(session);
    expect(has(filters, 'instagram')).toBe(false);
    expect(has(filters, 'sam-rivers-x')).toBe(true);
    expect(await session.send({ type: 'site-toggled', site: 'instagram', on: true })).toMatchObject({ ok: true });
    expect(has(await redirectFilters(session), 'jo\\.tester')).toBe(true);

    expect(await session.send({ type: 'guard-pause-requested' })).toMatchObject({ ok: true });
    expect(await redirectFilters(session)).toEqual([]);
    expect(await session.send({ type: 'guard-resumed' })).toMatchObject({ ok: true });
    expect(has(await redirectFilters(session), 'sam_rivers_x')).toBe(true);

    const { doc } = await popup.state();
    const jo = doc.people.find((p) => p.accounts.some((a) => a.handle === 'jo.tester'));
    expect(jo).toBeDefined();
    expect(await session.send({ type: 'person-removal-requested', personId: jo!.id })).toMatchObject({ ok: true });
    filters = await redirectFilters(session);
    expect(has(filters, 'jo\\.tester')).toBe(false);
    expect(has(filters, 'sam_rivers_x')).toBe(true);
  });
});
