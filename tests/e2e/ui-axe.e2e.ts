/**
 * axe-core on the popup (every set-up step, the main view, "I had contact" open) and the options
 * page (settings, an import error, the set-up there), each in the light and the dark scheme, in
 * the browser named by E2E_BROWSER. Chromium emulates the media query; over WebDriver BiDi
 * (Firefox) the page's own dark rules are forced instead (harness/ui-driver.ts useColorScheme).
 * Each dark audit first checks that the page did turn dark, so a scheme that silently failed to
 * apply cannot pass.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runAxe, type AxeViolation } from './harness/axe';
import { launch } from './harness/session';
import type { E2ePage, E2eSession } from './harness/types';
import { chooseFile, typeText, useColorScheme, waitForTestId, type ColorScheme } from './harness/ui-driver';
import { PopupScreen } from './pages/popup';
import { waitForSupportTabs } from './pages/support';

const PROFILE_URL = 'https://x.com/sam_rivers_x';

const background = (page: E2ePage) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

/** Runs axe in light, then dark; returns the violations by scheme (empty lists when clean). */
async function auditBothSchemes(page: E2ePage): Promise<Record<ColorScheme, AxeViolation[]>> {
  await useColorScheme(page, 'light');
  const light = await runAxe(page);
  const lightBackground = await background(page);
  await useColorScheme(page, 'dark');
  expect(await background(page), 'the dark scheme did not apply').not.toBe(lightBackground);
  const dark = await runAxe(page);
  await useColorScheme(page, 'light');
  return { light, dark };
}

const click = (page: E2ePage, testId: string) => page.click(`[data-testid="${testId}"]`);
const step = (page: E2ePage, name: string) =>
  page.waitFor((s) => document.querySelector(`[data-testid="setup"][data-step="${s}"]`) !== null, name);

describe(`axe on the popup and the options page (${process.env.E2E_BROWSER ?? 'chromium'})`, () => {
  let session: E2eSession;
  let popup: PopupScreen;

  beforeAll(async () => {
    session = await launch();
    popup = await PopupScreen.open(session);
  });

  afterAll(async () => {
    await session?.close();
  });

  // The set-up steps in order: each test leaves the popup on the next step.
  test.each([
    ['welcome', async (page: E2ePage) => click(page, 'setup-begin')],
    [
      'link',
      async (page: E2ePage) => {
        await click(page, 'setup-link-input');
        await typeText(page, PROFILE_URL);
        await click(page, 'setup-link-check');
        await waitForTestId(page, 'setup-link-found');
      },
    ],
    ['link-found', async (page: E2ePage) => click(page, 'setup-link-confirm')],
    ['goal', async (page: E2ePage) => click(page, 'setup-next')],
    ['start', async (page: E2ePage) => click(page, 'setup-next')],
    [
      'reasons',
      async (page: E2ePage) => {
        await click(page, 'setup-reason-input');
        await typeText(page, 'I want to feel calm again.');
        await click(page, 'setup-next');
      },
    ],
    [
      'plans',
      async (page: E2ePage) => {
        await click(page, 'setup-plan-when');
        await typeText(page, 'I want to look at their profile');
        await click(page, 'setup-plan-then');
        await typeText(page, 'go for a walk');
        await click(page, 'setup-next');
      },
    ],
    ['friction', async (page: E2ePage) => click(page, 'setup-next')],
    ['done', async (page: E2ePage) => click(page, 'setup-finish')],
  ] as const)('popup set-up step "%s": no violation, light and dark', async (name, leave) => {
    const page = popup.page;
    if (name === 'link-found') await waitForTestId(page, 'setup-link-found');
    else await step(page, name);
    expect(await auditBothSchemes(page)).toEqual({ light: [], dark: [] });
    await leave(page);
  });

  test('popup main view: no violation, light and dark', async () => {
    await popup.waitForMain();
    expect(await auditBothSchemes(popup.page)).toEqual({ light: [], dark: [] });
  });

  test('popup "Find support" opens the support page in a new tab; it lists helplines, the directory and a professional, with no violation, light and dark', async () => {
    const before = await waitForSupportTabs(session, 0);
    await click(popup.page, 'find-support');
    expect(await waitForSupportTabs(session, before + 1)).toBe(before + 1);
    const page = await session.openExtensionPage('support.html');
    try {
      await waitForTestId(page, 'helplines');
      expect(await page.evaluate(() => document.querySelectorAll('[data-testid="helpline"]').length)).toBeGreaterThanOrEqual(6);
      expect(await page.evaluate(() => document.querySelector('[data-testid="helpline-directory"]')?.getAttribute('href'))).toBe('https://findahelpline.com/');
      expect(await auditBothSchemes(page)).toEqual({ light: [], dark: [] });
    } finally {
      await page.close();
    }
  });

  test('popup with "I had contact" open: no violation, light and dark', async () => {
    await click(popup.page, 'contact-open');
    await waitForTestId(popup.page, 'contact-confirm');
    expect(await auditBothSchemes(popup.page)).toEqual({ light: [], dark: [] });
    await click(popup.page, 'contact-cancel');
  });

  test('options page with an import error showing: no violation, light and dark', async () => {
    const page = await session.openExtensionPage('options.html');
    try {
      await waitForTestId(page, 'export-button');
      expect(await auditBothSchemes(page)).toEqual({ light: [], dark: [] });
      await chooseFile(page, 'import-input', 'broken.json', '{"format": "no-contact-guard", "version": 2, "data": {');
      await waitForTestId(page, 'import-error');
      expect(await auditBothSchemes(page)).toEqual({ light: [], dark: [] });
    } finally {
      await page.close();
    }
  });

  test('options page with a link pattern waiting for site access and a live preview: no violation, light and dark', async () => {
    const reply = await session.send({ type: 'state-requested' });
    const personId = (reply as { data: { doc: { people: { id: string }[] } } }).data.doc.people[0]!.id;
    expect(await session.send({ type: 'custom-pattern-added', personId, pattern: 'example.social/@someone*' })).toMatchObject({ ok: true });
    const page = await session.openExtensionPage('options.html');
    try {
      await waitForTestId(page, 'pattern-needs-access');
      await click(page, 'pattern-input');
      await typeText(page, 'example.social/@someone*');
      await click(page, 'pattern-examples');
      await typeText(page, 'https://example.social/@someone/posts');
      await waitForTestId(page, 'pattern-preview');
      expect(await auditBothSchemes(page)).toEqual({ light: [], dark: [] });
    } finally {
      await page.close();
    }
  });

  test('the audit can fail: a planted unlabelled field and unreadable text are reported, light and dark', async () => {
    const page = await session.openExtensionPage('options.html');
    try {
      await waitForTestId(page, 'export-button');
      await page.evaluate(() => {
        const planted = document.createElement('div');
        planted.innerHTML = '<input type="text"><p style="color:#777;background:#888">low contrast</p>';
        document.querySelector('main')?.append(planted);
      });
      const found = await auditBothSchemes(page);
      for (const scheme of ['light', 'dark'] as const) {
        expect(found[scheme].map((violation) => violation.id)).toEqual(expect.arrayContaining(['label', 'color-contrast']));
      }
    } finally {
      await page.close();
    }
  });

  test.each(['welcome', 'link', 'goal', 'start', 'reasons', 'plans', 'friction', 'done'])(
    'options page set-up step "%s": no violation, light and dark',
    async (name) => {
      const page = await session.openExtensionPage(`options.html#setup/${name}`);
      try {
        await step(page, name);
        expect(await auditBothSchemes(page)).toEqual({ light: [], dark: [] });
      } finally {
        await page.close();
      }
    },
  );
});
