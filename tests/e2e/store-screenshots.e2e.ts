/**
 * Store screenshots (docs/store/screenshots/*.png), made by the real extension in Chromium:
 * 1280×800 (Chrome Web Store and addons.mozilla.org) in the light and the dark scheme — the pause
 * on a guarded profile, the pause before a like, the popup, the set-up and the options page — and
 * the 440×280 promo tile. Only when SCREENSHOTS=1 (and E2E_BROWSER=chromium): otherwise the suite
 * is skipped, so CI time does not grow. `SCREENSHOTS=1 E2E_BROWSER=chromium npx vitest run -c
 * vitest.e2e.config.ts tests/e2e/store-screenshots.e2e.ts` after `npm run build`.
 *
 * The popup is a 22rem panel, so its shots are the panel's own pixels placed on a calm 1280×800
 * backdrop (with the icon and the name), the way the toolbar shows it. Each shot checks its size.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { scenario } from '../fixtures/sites/x/scenario';
import { fillPlaceholders, type FixtureVars } from './harness/fixture-server';
import { waitForDialog } from './harness/page-checks';
import { browserName, launch } from './harness/session';
import type { E2ePage, E2eSession } from './harness/types';
import { screenshot, setViewport, useColorScheme, type ColorScheme } from './harness/ui-driver';
import { OptionsScreen } from './pages/options';
import { PopupScreen } from './pages/popup';
import { SetupScreen } from './pages/setup';

const ROOT = join(import.meta.dirname, '..', '..');
const SHOTS = join(ROOT, 'docs', 'store', 'screenshots');
const SCHEMES: ColorScheme[] = ['light', 'dark'];
const DAY = 24 * 60 * 60 * 1000;
const WIDTH = 1280;
const HEIGHT = 800;

const driver = (page: E2ePage) => (page as unknown as { page: Page }).page;
const iconDataUrl = `data:image/png;base64,${readFileSync(join(ROOT, 'public', 'icon', '128.png')).toString('base64')}`;
const { description } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { description: string };

/** Width and height of a PNG (IHDR). */
function pngSize(path: string): [number, number] {
  const png = readFileSync(path);
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

const COLOURS = {
  light: { bg: '#e9efe9', fg: '#24262b', card: '#fffdf8' },
  dark: { bg: '#16181b', fg: '#eceae4', card: '#26282e' },
};

/** A calm backdrop with the product's icon and name, and `image` (a panel's pixels) centred. */
function backdrop(scheme: ColorScheme, image: Buffer): string {
  const c = COLOURS[scheme];
  return `<!doctype html><html><body style="margin:0;width:${WIDTH}px;height:${HEIGHT}px;display:grid;place-items:center;background:${c.bg};font:600 22px system-ui,sans-serif;color:${c.fg}">
<div style="position:absolute;top:32px;left:40px;display:flex;align-items:center;gap:14px"><img src="${iconDataUrl}" width="48" height="48" alt="">No-Contact Guard</div>
<img src="data:image/png;base64,${image.toString('base64')}" alt="" style="max-height:${HEIGHT - 140}px;border-radius:14px;box-shadow:0 12px 40px rgba(0,0,0,.25);margin-top:40px">
</body></html>`;
}

describe.skipIf(process.env.SCREENSHOTS !== '1' || browserName() !== 'chromium')('store screenshots (Chromium, SCREENSHOTS=1)', () => {
  const vars: FixtureVars = { handle: scenario.guarded.handle, other: scenario.other };
  const guardedLike = fillPlaceholders(scenario.controls.find((c) => c.action === 'like')!.guarded, vars);
  let session: E2eSession;
  let profileUrl: string;
  let feedUrl: string;
  let canvas: E2ePage;

  /** Places the panel `page` shows (its <body>) on the backdrop and saves it as `name`-<scheme>.png. */
  async function panelShot(page: E2ePage, name: string, scheme: ColorScheme): Promise<void> {
    const panel = await driver(page).locator('body').screenshot();
    await driver(canvas).setContent(backdrop(scheme, panel));
    await driver(canvas).waitForFunction(() => [...document.images].every((img) => img.complete));
    await screenshot(canvas, join(SHOTS, `${name}-${scheme}.png`));
  }

  /** A 1280×800 shot of a page, in each scheme. */
  async function pageShots(page: E2ePage, name: string): Promise<void> {
    await setViewport(page, WIDTH, HEIGHT);
    for (const scheme of SCHEMES) {
      expect(await useColorScheme(page, scheme)).toBe('emulated');
      await screenshot(page, join(SHOTS, `${name}-${scheme}.png`));
    }
    await useColorScheme(page, 'light');
  }

  beforeAll(async () => {
    session = await launch();
    profileUrl = session.server.serveFixture(scenario.pages.profile.url, scenario.site, scenario.pages.profile.fixture, vars);
    feedUrl = session.server.serveFixture(scenario.pages.feed.url, scenario.site, scenario.pages.feed.fixture, vars);
    canvas = await session.newPage();
    await setViewport(canvas, WIDTH, HEIGHT);
  });

  afterAll(async () => {
    await session?.close();
  });

  test('set-up: the recognised profile link, light and dark', async () => {
    const screen = await PopupScreen.open(session);
    try {
      const setup = new SetupScreen(screen.page, async (step) => {
        if (step !== 'link-found') return;
        for (const scheme of SCHEMES) {
          await useColorScheme(screen.page, scheme);
          await panelShot(screen.page, 'setup', scheme);
        }
        await useColorScheme(screen.page, 'light');
      });
      await setup.complete({ profileLink: profileUrl, name: 'Sam', goalDays: 30, reason: 'I want to sleep well again.' });
      await screen.waitForMain();
    } finally {
      await screen.close();
    }
    // Twenty-three days in, with a second reason: what a person sees a few weeks on.
    const exported = await session.send({ type: 'export-requested' });
    const file = JSON.parse((exported as { data: { json: string } }).data.json) as {
      data: { streak: { startedAt: string }; reasons: { id: string; text: string }[] };
    };
    file.data.streak.startedAt = new Date(Date.now() - 23 * DAY).toISOString();
    file.data.reasons.push({ id: 'reason-store-2', text: 'My evenings are mine again.' });
    expect(await session.send({ type: 'import-requested', json: JSON.stringify(file) })).toMatchObject({ ok: true });
  });

  /** Opens `url` in a 1280×800 tab, does `reach` (nothing, or press a control), and shoots our dialog. */
  async function dialogShots(name: string, url: () => string, reach: (page: E2ePage) => Promise<void>): Promise<void> {
    const page = await session.newPage();
    try {
      await setViewport(page, WIDTH, HEIGHT);
      await page.goto(url());
      await reach(page);
      await waitForDialog(page);
      await pageShots(page, name);
      await page.clickInRoot('[data-action="back"]');
    } finally {
      await page.close();
    }
  }

  test('the pause on a guarded profile, light and dark', async () => {
    await dialogShots('interstitial-profile', () => profileUrl, async () => undefined);
  });

  test('the pause before a like, light and dark', async () => {
    await dialogShots('interstitial-like', () => feedUrl, (page) => page.click(guardedLike));
  });

  test('the popup, light and dark', async () => {
    const screen = await PopupScreen.open(session);
    try {
      await screen.waitForMain();
      await screen.waitForUrgesTotal(2);
      for (const scheme of SCHEMES) {
        await useColorScheme(screen.page, scheme);
        await panelShot(screen.page, 'popup', scheme);
      }
    } finally {
      await screen.close();
    }
  });

  test('the options page, light and dark', async () => {
    const options = await OptionsScreen.open(session);
    try {
      await options.page.waitFor(() => document.querySelector('.section-nav') !== null);
      await pageShots(options.page, 'options');
    } finally {
      await options.close();
    }
  });

  test('the 440×280 promo tile', async () => {
    await setViewport(canvas, 440, 280);
    const c = COLOURS.light;
    await driver(canvas).setContent(`<!doctype html><html><body style="margin:0;width:440px;height:280px;display:grid;place-items:center;background:${c.bg};color:${c.fg};font:16px/1.35 system-ui,sans-serif">
<div style="display:flex;align-items:center;gap:22px;padding:0 32px"><img src="${iconDataUrl}" width="112" height="112" alt="">
<div><div style="font-weight:700;font-size:28px;margin-bottom:8px">No-Contact Guard</div><div style="font-size:17px">${description}</div></div></div></body></html>`);
    await driver(canvas).waitForFunction(() => [...document.images].every((img) => img.complete));
    await screenshot(canvas, join(SHOTS, 'promo-440x280.png'));
    expect(pngSize(join(SHOTS, 'promo-440x280.png'))).toEqual([440, 280]);
  });

  test('every 1280×800 shot is 1280×800', () => {
    for (const name of ['setup', 'interstitial-profile', 'interstitial-like', 'popup', 'options']) {
      for (const scheme of SCHEMES) expect(pngSize(join(SHOTS, `${name}-${scheme}.png`)), `${name}-${scheme}`).toEqual([WIDTH, HEIGHT]);
    }
  });
});
