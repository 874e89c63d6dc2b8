/**
 * One block per site scenario (tests/fixtures/sites/<site>/scenario.ts): a new site adds a
 * fixture folder and a scenario, and no test code. Fixtures are served at the real site URLs.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SiteScenario } from '../fixtures/sites/scenario-types';
import { fillPlaceholders, type FixtureVars } from './harness/fixture-server';
import type { FrameProbe } from './harness/fixture-runtime';
import { auditOurDialog } from './harness/axe';
import {
  firstFrame,
  handled,
  hasHost,
  hostFacts,
  markupWithoutHost,
  pageReadableState,
  settle,
  waitForDialog,
  dialogFacts,
} from './harness/page-checks';
import { launch } from './harness/session';
import type { E2ePage, E2eSession } from './harness/types';
import { PopupPage } from './pages/popup';

const modules = import.meta.glob<{ scenario: SiteScenario }>('../fixtures/sites/*/scenario.ts', { eager: true });
const scenarios = Object.values(modules).map((m) => m.scenario);

describe.each(scenarios.map((s) => [s.site, s] as const))('%s', (_site, scenario) => {
  const vars: FixtureVars = { handle: scenario.guarded.handle, other: scenario.other };
  // The other person's profile is served as their own page: the fixture's owner is them.
  const otherVars: FixtureVars = { handle: scenario.other, other: scenario.other };
  const fill = (text: string) => fillPlaceholders(text, vars);
  let session: E2eSession;
  let popup: PopupPage;
  let urls: { profile: string; otherProfile: string; feed: string; spaFrom: string; spaTo: string };

  const withPage = async (run: (page: E2ePage) => Promise<void>) => {
    const page = await session.newPage();
    try {
      await run(page);
    } finally {
      await page.close();
    }
  };

  beforeAll(async () => {
    session = await launch();
    popup = new PopupPage(session);
    const { server } = session;
    const { pages, site } = scenario;
    urls = {
      profile: server.serveFixture(pages.profile.url, site, pages.profile.fixture, vars),
      otherProfile: server.serveFixture(pages.otherProfile.url, site, pages.otherProfile.fixture, otherVars),
      feed: server.serveFixture(pages.feed.url, site, pages.feed.fixture, vars),
      spaFrom: server.serveFixture(scenario.spa.from.url, site, scenario.spa.from.fixture, vars),
      spaTo: server.serveFixture(scenario.spa.to.url, site, scenario.spa.to.fixture, vars),
    };
    const reply = await session.send({
      type: 'person-added',
      label: 'Someone',
      accounts: [{ site, handle: scenario.guarded.handle, ...(scenario.guarded.stableId ? { stableId: scenario.guarded.stableId } : {}) }],
      feedHiding: 'off',
    });
    expect(reply).toMatchObject({ ok: true });
  });

  afterAll(async () => {
    await session?.close();
  });

  test('a guarded profile is covered before its first frame, with a modal dialog holding focus; "Go back" counts one urge resisted', async () => {
    const before = await popup.urgesResisted();
    await withPage(async (page) => {
      await page.goto(urls.profile);
      await page.waitFor(() => (window as unknown as { __site: { firstFrame: unknown } }).__site.firstFrame !== null);
      const probe = await firstFrame(page);
      expect(probe, `first frame: ${JSON.stringify(probe)}`).toEqual({ covered: true, at: 'div' });

      const dialog = await waitForDialog(page);
      expect(dialog).toMatchObject({ open: true, modal: true, role: 'dialog', focusInside: true });
      expect(dialog.name).not.toBe('');

      await page.clickInRoot('[data-action="back"]');
      expect(await popup.waitForUrges(before + 1)).toBe(before + 1);
      // The page may stay covered (design: until the navigation away), but the dialog is over.
      let after = await dialogFacts(page).catch(() => null);
      for (let tries = 0; after?.open && tries < 40; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        after = await dialogFacts(page).catch(() => null);
      }
      expect(after?.open ?? false, 'dialog still open after "Go back"').toBe(false);
    });
  });

  test('an in-app navigation to the guarded profile is covered before the next frame', async () => {
    await withPage(async (page) => {
      await page.goto(urls.spaFrom);
      await settle(page);
      expect(await hasHost(page)).toBe(false);
      const probe = await page.evaluate(
        ([url, body]) =>
          (window as unknown as { __site: { spaNavigate(u: string, b: string): Promise<FrameProbe> } }).__site.spaNavigate(url, body),
        [urls.spaTo, session.server.bodyOf(urls.spaTo)] as const,
      );
      expect(probe, `in-app frame: ${JSON.stringify(probe)}`).toEqual({ covered: true, at: 'div' });
      const dialog = await waitForDialog(page);
      expect(dialog).toMatchObject({ open: true, modal: true, focusInside: true });
    });
  });

  test('on the guarded profile we add one bare host and nothing that names anyone', async () => {
    await withPage(async (page) => {
      const control = await session.newPage();
      try {
        await page.goto(urls.profile);
        await waitForDialog(page);
        await control.goto(session.server.controlUrl(urls.profile));
        await settle(page);
        await settle(control);
        expect(await hostFacts(page)).toEqual({ outerHTML: '<div></div>', attributes: [], inlineStyle: '' });
        expect(await markupWithoutHost(page)).toBe(await control.evaluate(() => document.documentElement.outerHTML));
        expect(await pageReadableState(page)).not.toContain(scenario.guarded.handle);
      } finally {
        await control.close();
      }
    });
  });

  test("the other person's profile is left exactly as the site built it", async () => {
    await withPage(async (page) => {
      const control = await session.newPage();
      try {
        await page.goto(urls.otherProfile);
        await control.goto(session.server.controlUrl(urls.otherProfile));
        await settle(page);
        await settle(control);
        expect(await hasHost(page)).toBe(false);
        const markup = await page.evaluate(() => document.documentElement.outerHTML);
        expect(markup).toBe(await control.evaluate(() => document.documentElement.outerHTML));
        expect(markup).not.toContain(scenario.guarded.handle);
        expect(await pageReadableState(page)).not.toContain(scenario.guarded.handle);
      } finally {
        await control.close();
      }
    });
  });

  test('our dialog passes axe (copied into an open root)', async () => {
    await withPage(async (page) => {
      await page.goto(urls.profile);
      await waitForDialog(page);
      expect(await auditOurDialog(session, page)).toEqual([]);
    });
  });

  describe.each(scenario.controls.map((c) => [`${c.action} (${c.gesture ?? 'press'})`, c] as const))('the %s control', (_action, control) => {
    test("on the guarded person's post never reaches the site and opens the dialog", async () => {
      await withPage(async (page) => {
        await page.goto(urls.feed);
        await settle(page);
        await (control.gesture === 'double-tap' ? page.doubleClick(fill(control.guarded)) : page.click(fill(control.guarded)));
        await waitForDialog(page);
        expect(await handled(page)).toEqual([]);
      });
    });

    test("on someone else's post reaches the site's own handler", async () => {
      await withPage(async (page) => {
        await page.goto(urls.feed);
        await settle(page);
        await (control.gesture === 'double-tap' ? page.doubleClick(fill(control.other)) : page.click(fill(control.other)));
        await page.waitFor(() => (window as unknown as { __site: { handled: string[] } }).__site.handled.length > 0);
        expect(await handled(page)).toEqual([control.action]);
        expect(await hasHost(page)).toBe(false);
      });
    });
  });
});
