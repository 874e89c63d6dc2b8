/**
 * The options page is a page a person can find their way in (issue 15), at a desktop width
 * (1280 px) and a phone width (390 px), in the browser named by E2E_BROWSER: every section is one
 * click away from the section list, the list stays in view beside the settings on a desktop and
 * as one row above them on a phone, nothing scrolls sideways, and no hint is larger than its label.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runAxe } from './harness/axe';
import { launch } from './harness/session';
import type { E2ePage, E2eSession } from './harness/types';
import { setViewport } from './harness/ui-driver';
import { OptionsScreen } from './pages/options';

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Boxes of the section list and the settings, and the page's scroll width. */
const layout = (page: E2ePage) =>
  page.evaluate(() => {
    const box = (selector: string): Box => {
      const r = document.querySelector(selector)!.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    };
    return { nav: box('.section-nav'), main: box('.options > main'), scrollWidth: document.documentElement.scrollWidth };
  });

/** Each section link's target id, and whether that section exists. */
const sectionLinks = (page: E2ePage) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLAnchorElement>('.section-nav a')].map((a) => {
      const id = a.getAttribute('href')!.slice(1);
      return { id, exists: document.getElementById(id)?.tagName === 'SECTION' };
    }),
  );

describe(`options page layout (${process.env.E2E_BROWSER ?? 'chromium'})`, () => {
  let session: E2eSession;
  let options: OptionsScreen;

  beforeAll(async () => {
    session = await launch();
    expect(
      await session.send({ type: 'person-added', label: 'Sam', accounts: [{ site: 'x', handle: 'sam_rivers_x' }], feedHiding: 'off' }),
    ).toMatchObject({ ok: true });
    expect(await session.send({ type: 'setup-finished' })).toMatchObject({ ok: true });
    options = await OptionsScreen.open(session);
    await options.page.waitFor(() => document.querySelector('.section-nav') !== null);
  });

  afterAll(async () => {
    await options?.close();
    await session?.close();
  });

  test('every entry of the section list leads to a section of the page', async () => {
    const links = await sectionLinks(options.page);
    expect(links.length).toBeGreaterThanOrEqual(10);
    expect(links.filter((link) => !link.exists)).toEqual([]);
  });

  /** Clicks the list's last entry: that section comes into view and the list is still on screen. */
  async function lastSectionFromTheList(): Promise<void> {
    const last = (await sectionLinks(options.page)).at(-1)!.id;
    await options.page.click(`.section-nav a[href="#${last}"]`);
    await options.page.waitFor((id) => {
      const top = document.getElementById(id)!.getBoundingClientRect().top;
      // Near the top, or, for a short last section, in view with the page scrolled to its end.
      const atEnd = Math.ceil(scrollY + innerHeight) >= document.documentElement.scrollHeight;
      return top >= 0 && (top < innerHeight / 2 || (atEnd && top < innerHeight));
    }, last);
    const { nav } = await layout(options.page);
    expect(nav.top).toBeGreaterThanOrEqual(0);
    expect(nav.top).toBeLessThan(800);
  }

  test('1280 px: the list is beside the settings and stays in view; its last entry brings that section into view', async () => {
    await setViewport(options.page, 1280, 800);
    await options.page.evaluate(() => scrollTo(0, 0));
    const { nav, main, scrollWidth } = await layout(options.page);
    expect(nav.right).toBeLessThanOrEqual(main.left);
    expect(scrollWidth).toBeLessThanOrEqual(1280);
    await lastSectionFromTheList();
  });

  test('390 px: the list is one row above the settings, nothing scrolls sideways, and it stays in view', async () => {
    await setViewport(options.page, 390, 800);
    await options.page.evaluate(() => scrollTo(0, 0));
    const { nav, main, scrollWidth } = await layout(options.page);
    expect(nav.bottom).toBeLessThanOrEqual(main.top);
    expect(nav.bottom - nav.top).toBeLessThan(80);
    expect(scrollWidth).toBeLessThanOrEqual(390);
    // The last entry is off to the side of the row: the row scrolls it into reach.
    await options.page.evaluate(() => document.querySelector('.section-nav li:last-child a')!.scrollIntoView({ inline: 'end', block: 'nearest' }));
    await lastSectionFromTheList();
  });

  test('the privacy link at the foot of the page opens the policy packaged in the extension', async () => {
    const href = await options.page.evaluate(() => document.querySelector('[data-testid="privacy-link"]')?.getAttribute('href'));
    expect(href).toBe('privacy.html');
    const policy = await session.openExtensionPage(href!);
    try {
      await policy.waitFor(() => document.querySelector('h1') !== null);
      expect(await policy.evaluate(() => document.querySelector('h1')!.textContent)).toBe('No-Contact Guard privacy policy');
      expect(await runAxe(policy)).toEqual([]);
    } finally {
      await policy.close();
    }
  });

  test('390 px: axe finds nothing in the folded layout (ui-axe.e2e.ts audits the desktop one)', async () => {
    await setViewport(options.page, 390, 800);
    expect(await runAxe(options.page)).toEqual([]);
  });

  test.each([1280, 390])('%i px: no hint is larger than the label it explains', async (width) => {
    await setViewport(options.page, width, 800);
    const pairs = await options.page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.hint[id]')].flatMap((hint) => {
        const control = document.querySelector<HTMLElement>(`[aria-describedby~="${hint.id}"]`);
        const label = control?.id ? document.querySelector<HTMLElement>(`label[for="${control.id}"]`) : null;
        if (!label) return [];
        return [{ hint: hint.id, hintPx: parseFloat(getComputedStyle(hint).fontSize), labelPx: parseFloat(getComputedStyle(label).fontSize) }];
      }),
    );
    expect(pairs.length).toBeGreaterThan(0);
    expect(pairs.filter((pair) => pair.hintPx > pair.labelPx)).toEqual([]);
  });
});
