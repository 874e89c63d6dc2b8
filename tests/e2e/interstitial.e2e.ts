/**
 * The interstitial dialog end to end, on the X fixtures (issue #4 "The interstitial"): what it
 * shows, the friction levels, typing privacy (journal and strict phrase are typed in an extension
 * frame, never in the site's document), keyboard and screen-reader behaviour, axe, dark mode,
 * forced colours, reduced motion, and a site that opens its own modal over ours.
 *
 * Friction only goes up inside this file (lowering waits for the cool-down), so the gentle tests
 * come first, then firm, then strict.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { scenario } from '../fixtures/sites/x/scenario';
import type { StateSnapshot } from '../../utils/data/messages';
import { auditOurDialog } from './harness/axe';
import { actionsInRoot, focusedInRoot, isOurDialogOnTop, pageKeystrokes, partText, rootText, waitInRoot } from './harness/dialog-checks';
import { axDialogs, emulateMedia, journalFrameLayout, pressShiftTab, resetMedia, typeKeys, typingFrameFacts, waitForFrameBoxFocus } from './harness/dialog-driver';
import { screenshot, setViewport } from './harness/ui-driver';
import { join } from 'node:path';
import { fillPlaceholders, type FixtureVars } from './harness/fixture-server';
import { dialogFacts, settle, waitForDialog } from './harness/page-checks';
import { waitForAddress } from './harness/contact-pause';
import { launch, withPage as withSessionPage } from './harness/session';
import type { E2ePage, E2eSession } from './harness/types';
import { PopupPage } from './pages/popup';
import { supportTabCount, waitForSupportTabs } from './pages/support';

const REASON = 'I want my mornings to feel calm again.';
/** The dialog's screens, photographed in Chromium as the suite passes through them (docs/screenshots). */
const SHOTS = join(process.cwd(), 'docs', 'screenshots');
const JOURNAL = 'I miss talking, and that is okay. Writing it here instead.';
const PHRASE = 'I choose my own peace';

/** Firefox's whole storage limit for this file's browser (kB): the extension origin gets a fifth, at least 10 MB. */
const STORAGE_LIMIT_KB = 50 * 1024;

describe('the interstitial (X fixtures)', () => {
  const vars: FixtureVars = { handle: scenario.guarded.handle, other: scenario.other };
  const guardedLike = fillPlaceholders(scenario.controls.find((c) => c.action === 'like')!.guarded, vars);
  let session: E2eSession;
  let popup: PopupPage;
  let profileUrl: string;
  let feedUrl: string;

  const withPage = <R>(run: (page: E2ePage) => Promise<R>) => withSessionPage(session, run);

  const state = async (): Promise<StateSnapshot> => popup.state();
  const eventCount = async (type: string) => (await state()).doc.events.recent.filter((e) => e.type === type).length;

  /** Opens the guarded profile and waits for our dialog. */
  const openProfile = async (page: E2ePage) => {
    await page.goto(profileUrl);
    return waitForDialog(page);
  };

  /** The page with our dialog, in light and in dark (Chromium; the files are committed). */
  const shootLightAndDark = async (page: E2ePage, name: string) => {
    await screenshot(page, join(SHOTS, `${name}-light.png`));
    await emulateMedia(session.name, page, { colorScheme: 'dark' });
    try {
      await waitInRoot(page, (root) => getComputedStyle(root.querySelector('dialog')!).backgroundColor === 'rgb(38, 40, 46)');
      await screenshot(page, join(SHOTS, `${name}-dark.png`));
    } finally {
      await resetMedia(session.name, page);
    }
  };

  beforeAll(async () => {
    // Firefox: the quota manager's whole limit lowered to 50 MB, so the extension origin's share
    // (10 MB) can be filled by the storage-full test below; the other tests store a few kB.
    session = await launch({ storageLimitKb: STORAGE_LIMIT_KB });
    popup = new PopupPage(session);
    const { server } = session;
    profileUrl = server.serveFixture(scenario.pages.profile.url, scenario.site, scenario.pages.profile.fixture, vars);
    feedUrl = server.serveFixture(scenario.pages.feed.url, scenario.site, scenario.pages.feed.fixture, vars);
    expect(
      await session.send({
        type: 'person-added',
        label: 'Someone',
        accounts: [{ site: scenario.site, handle: scenario.guarded.handle }],
        feedHiding: 'off',
      }),
    ).toMatchObject({ ok: true });
    expect(await session.send({ type: 'reason-added', text: REASON })).toMatchObject({ ok: true });
  });

  afterAll(async () => {
    await session?.close();
  });

  test('gentle: day count, the reason, a breathing pause, "Go back" focused; "Continue" only after the pause, then lets the page through', async () => {
    const wentThroughBefore = await eventCount('went-through');
    await withPage(async (page) => {
      const dialog = await openProfile(page);
      expect(dialog).toMatchObject({ open: true, modal: true, focusInside: true });
      expect(await focusedInRoot(page)).toBe('back');
      expect(await partText(page, 'days')).toMatch(/^(You started today|Day \d+ of no contact)/);
      expect(await partText(page, 'reason')).toContain(REASON);
      expect(await partText(page, 'pause')).toContain('Breathe in slowly');
      expect(await actionsInRoot(page)).toEqual(['back', 'wave', 'write']);

      await waitInRoot(page, (root) => root.querySelector('[data-action="continue"]') !== null);
      expect(await actionsInRoot(page)).toEqual(['back', 'wave', 'write', 'continue']);
      expect(await partText(page, 'pause')).toContain('The choice is yours');
      await page.clickInRoot('[data-action="continue"]');
      // Looking at an X profile tells nobody, so there is no "count it as contact?" step: the dialog goes.
      await page.waitFor(() => document.documentElement.children.length === 2);
    });
    const until = Date.now() + 5_000;
    while ((await eventCount('went-through')) === wentThroughBefore && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    expect(await eventCount('went-through')).toBe(wentThroughBefore + 1);
  });

  test('it is a modal dialog with an accessible name, for the accessibility tree too', async () => {
    await withPage(async (page) => {
      const dialog = await openProfile(page);
      expect(dialog.role).toBe('dialog');
      expect(dialog.name).toBe('Take a breath first');
      if (session.name === 'chromium') {
        // The tree a screen reader reads reaches into the closed root.
        expect(await axDialogs(page)).toContainEqual({ role: 'dialog', name: 'Take a breath first', modal: true });
      } else {
        expect(
          await page.inRoot((root) => {
            const d = root.querySelector('dialog')!;
            return { role: d.getAttribute('role'), labelledBy: d.getAttribute('aria-labelledby'), modal: d.matches(':modal') };
          }),
        ).toEqual({ role: null, labelledBy: 'ncg-title', modal: true });
      }
    });
  });

  test('axe reports no violation in our dialog', async () => {
    await withPage(async (page) => {
      await openProfile(page);
      expect(await auditOurDialog(session, page)).toEqual([]);
    });
  });

  test('keyboard: focus moves in, Tab and Shift+Tab stay inside, Escape goes back (one urge resisted) and focus returns to the control', async () => {
    const before = await popup.urgesResisted();
    await withPage(async (page) => {
      await page.goto(feedUrl);
      await settle(page);
      await page.evaluate((sel) => (document.querySelector(sel) as HTMLElement).focus(), guardedLike);
      await page.press('Enter');
      await waitForDialog(page);
      expect(await focusedInRoot(page)).toBe('back');

      const seen: string[] = [];
      for (let i = 0; i < 3; i++) {
        await page.press('Tab');
        seen.push(await focusedInRoot(page));
      }
      await pressShiftTab(session.name, page);
      seen.push(await focusedInRoot(page));
      await pressShiftTab(session.name, page);
      seen.push(await focusedInRoot(page));
      // During the pause the dialog offers "Find support" (its second line) and three buttons: focus cycles through them, never out.
      expect(seen).toEqual(['wave', 'write', 'support', 'write', 'wave']);
      expect(await page.evaluate(() => document.activeElement?.parentElement === document.documentElement)).toBe(true);

      await page.press('Escape');
      await page.waitFor(() => document.documentElement.children.length === 2);
      expect(
        await page.evaluate((sel) => document.activeElement === document.querySelector(sel), guardedLike),
      ).toBe(true);
    });
    expect(await popup.waitForUrges(before + 1)).toBe(before + 1);
  });

  test('"Find support" and "Quieter on their side too" on the second line open their pages in new tabs, and the pause stays open', async () => {
    const before = await supportTabCount(session);
    const peopleTabs = () =>
      session.inExtension((api) =>
        (api as unknown as { extension: { getViews(q: { type: 'tab' }): Window[] } }).extension
          .getViews({ type: 'tab' })
          .filter((view) => view.location.pathname === '/options.html' && view.location.hash === '#people').length,
      );
    const peopleBefore = await peopleTabs();
    await withPage(async (page) => {
      await openProfile(page);
      await page.clickInRoot('[data-part="support"]');
      expect(await waitForSupportTabs(session, before + 1)).toBe(before + 1);
      await page.clickInRoot('[data-part="quieter"]');
      const until = Date.now() + 5_000;
      while ((await peopleTabs()) === peopleBefore && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
      expect(await peopleTabs()).toBe(peopleBefore + 1);
      expect(await dialogFacts(page)).toMatchObject({ open: true, modal: true });
    });
  });

  test('a plan of their own: shown as one sentence, "Do my plan" by keyboard ends the pause like Go back and counts an urge resisted through the plan', async () => {
    const added = await session.send({ type: 'plan-added', when: 'I want to look at their profile', then: 'text my sister' });
    expect(added).toMatchObject({ ok: true });
    const before = await popup.urgesResisted();
    try {
      await withPage(async (page) => {
        await openProfile(page);
        expect(await partText(page, 'plan')).toContain('When I want to look at their profile, I will text my sister.');
        expect(await actionsInRoot(page)).toEqual(['back', 'plan', 'wave', 'write']);
        if (session.name === 'chromium') await shootLightAndDark(page, 'interstitial-plan');
        await page.press('Tab');
        expect(await focusedInRoot(page)).toBe('plan');
        await page.press('Enter');
      });
      expect(await popup.waitForUrges(before + 1)).toBe(before + 1);
      expect((await state()).doc.events.recent.at(-1)).toMatchObject({ type: 'urge-resisted', what: 'profile', way: 'plan' });
    } finally {
      if (added.ok) await session.send({ type: 'plan-removed', planId: (added.data as { id: string }).id });
    }
  });

  test('a friend to reach: "Message a friend instead" by keyboard opens their link with the prepared message, ends the pause and counts an urge resisted through the friend', async () => {
    expect(await session.send({ type: 'friend-saved', link: 'https://wa.me/15551234567', message: 'Can we talk?' })).toMatchObject({ ok: true });
    const before = await popup.urgesResisted();
    try {
      await withPage(async (page) => {
        await openProfile(page);
        expect(await page.inRoot((root) => root.querySelector('[data-action="friend"]')?.getAttribute('href'))).toBe(
          'https://wa.me/15551234567?text=Can%20we%20talk%3F',
        );
        await page.inRoot((root) => root.querySelector<HTMLElement>('[data-action="friend"]')?.focus());
        expect(await focusedInRoot(page)).toBe('friend');
        await page.press('Enter');
        // Counted while this tab is still open, as a person's is: the friend's tab is now in front.
        expect(await popup.waitForUrges(before + 1)).toBe(before + 1);
      });
      expect((await state()).doc.events.recent.at(-1)).toMatchObject({ type: 'urge-resisted', what: 'profile', way: 'friend' });
    } finally {
      await session.send({ type: 'friend-removed' });
    }
  });

  test('needed contact: their messages ask "Is this needed contact?"; going on needs no wait and never restarts the count', async () => {
    const { doc } = await state();
    const personId = doc.people[0]!.id;
    expect(await session.send({ type: 'contact-needed-set', personId, needed: true })).toMatchObject({ ok: true });
    const messagesUrl = session.server.serveFixture(scenario.pages.messages!.url, scenario.site, scenario.pages.messages!.fixture, vars);
    const startedAt = (await state()).doc.streak.startedAt;
    const wentThroughBefore = await eventCount('went-through');
    try {
      await withPage(async (page) => {
        await page.goto(messagesUrl);
        await waitForDialog(page);
        expect(await partText(page, 'title')).toBe('Is this needed contact?');
        expect(await actionsInRoot(page)).toContain('needed');
        await page.clickInRoot('[data-action="needed"]');
        await page.waitFor(() => document.documentElement.children.length === 2);
      });
      const until = Date.now() + 5_000;
      while ((await eventCount('went-through')) === wentThroughBefore && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
      expect(await eventCount('went-through')).toBe(wentThroughBefore + 1);
      expect((await state()).doc.streak.startedAt).toBe(startedAt);
    } finally {
      await session.send({ type: 'contact-needed-set', personId, needed: false });
    }
  });

  test('"Let the wave pass": a calm countdown by keyboard, focus on its one way out; "Go back now" ends the pause and counts an urge ridden out', async () => {
    const before = await popup.urgesResisted();
    await withPage(async (page) => {
      await openProfile(page);
      await page.press('Tab');
      expect(await focusedInRoot(page)).toBe('wave');
      await page.press('Enter');
      await waitInRoot(page, (root) => root.querySelector('[data-part="wave-countdown"]') !== null);
      expect(await partText(page, 'title')).toBe('Let the wave pass');
      expect(await partText(page, 'wave-countdown')).toMatch(/^\d+ seconds left$/);
      expect(await focusedInRoot(page)).toBe('wave-back');
      if (session.name === 'chromium') await shootLightAndDark(page, 'interstitial-wave');
      await page.press('Enter');
    });
    expect(await popup.waitForUrges(before + 1)).toBe(before + 1);
    expect((await state()).doc.events.recent.at(-1)).toMatchObject({ type: 'urge-resisted', what: 'profile', way: 'wave' });
  });

  // Typing starts right after the press, before focus has reached the frame (issue "Hardening",
  // item 5): every key is held from the site, and what was typed lands in the box, in order.
  // Rows: typing starts this long after the press, at this many ms a key; the last row types as
  // fast as the driver can (no person does), where only the site's side is asserted.
  test.each([
    [0, 20, true],
    [40, 20, true],
    [100, 20, true],
    [0, 0, false],
  ])(
    '"Write it down instead", typing %i ms after the press (%i ms a key): the site sees no key; the entry lands whole: %s',
    async (delayMs, keyDelayMs, whole) => {
      const text = `${JOURNAL} (${delayMs}, ${keyDelayMs})`;
      await withPage(async (page) => {
        await openProfile(page);
        const before = await pageKeystrokes(page);
        await page.clickInRoot('[data-action="write"]');
        if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));
        await typeKeys(session.name, page, text, keyDelayMs);
        const frameSrc = await waitInRoot(page, (root) => root.querySelector('iframe[data-part="journal-frame"]')?.getAttribute('src'));
        expect(frameSrc).toMatch(/^(chrome|moz)-extension:\/\/[^/]+\/pause\.html\?mode=journal/);
        // Focus follows into the frame once it holds what was typed (the frame's own box then takes it).
        await waitInRoot(page, (root) => root.activeElement?.getAttribute('data-part') === 'journal-frame');
        await waitForFrameBoxFocus(session.name, page, 'journal');
        await page.press('Tab');
        await page.press('Enter');

        const until = Date.now() + 5_000;
        const saved = (entries: { text: string }[]) => entries.some((e) => (whole ? e.text === text : e.text.endsWith(`(${delayMs}, ${keyDelayMs})`)));
        let journal = (await state()).doc.journal;
        while (!saved(journal) && Date.now() < until) {
          await new Promise((r) => setTimeout(r, 100));
          journal = (await state()).doc.journal;
        }
        // The message names what was stored instead, so a lost or moved key shows itself.
        if (whole) expect(journal.map((e) => e.text), JSON.stringify(journal.map((e) => e.text).slice(-3))).toContain(text);
        expect(await pageKeystrokes(page)).toEqual(before);
        expect(await rootText(page)).not.toContain(scenario.guarded.handle);
      });
    },
  );

  // Issue 14, item 4. Chromium only: only its driver can look into the extension frame.
  test.skipIf(process.env.E2E_BROWSER === 'firefox').each([
    [1280, 800],
    [390, 800],
  ])('writing it down at %i×%i: the box fits with no inner scrollbar, a prompt above it, "Save" is a button, the confirmation is in view and holds focus', async (width, height) => {
    await withPage(async (page) => {
      await setViewport(page, width, height);
      await openProfile(page);
      await page.clickInRoot('[data-action="write"]');
      await waitInRoot(page, (root) => root.activeElement?.getAttribute('data-part') === 'journal-frame');
      await waitForFrameBoxFocus(session.name, page, 'journal');
      const before = (await journalFrameLayout(page))!;
      expect(before).toMatchObject({ scrolls: false, saveIsButton: true });
      expect(before.prompt).not.toBe('');
      expect(before.stopHere).toMatch(/stop/i);
      await typeKeys(session.name, page, `A few words at ${width} px.`);
      await page.press('Tab');
      await page.press('Enter');
      const until = Date.now() + 5_000;
      let after = await journalFrameLayout(page);
      while (after?.focused !== 'status' && Date.now() < until) {
        await new Promise((r) => setTimeout(r, 100));
        after = await journalFrameLayout(page);
      }
      expect(after).toMatchObject({ scrolls: false, focused: 'status', statusInView: true });
      expect((await typingFrameFacts(page, 'journal'))?.status).toMatch(/^Saved\./);
      await shootLightAndDark(page, `interstitial-write-saved-${width}`);
    });
  });

  // The store lives in the extension's own IndexedDB (issue 17, item 7), whose quota is the
  // extension origin's share of the browser's storage. Firefox: the launch lowers the whole limit
  // (dom.quotaManager.temporaryStorage.fixedLimit), so the origin gets 10 MB, and the test fills
  // it with a database of its own in the same origin (random bytes: Firefox compresses what it
  // stores), so the browser's own quota refuses the entry typed into the write-it-down page.
  // Chromium is skipped: its origin quota
  // is a share of the disk (about 10 GB here) and its DevTools override
  // (Storage.overrideQuotaForOrigin) leaves chrome-extension:// origins as they are (tried 2026-12,
  // Chromium 156: the estimate did not change and a 2 MB write went through); the unit suite
  // proves the same answer to IndexedDB's QuotaExceededError (tests/unit/data/private-store.test.ts).
  test.skipIf(process.env.E2E_BROWSER !== 'firefox')('storage full: the write-it-down page says it was not saved, keeps the words, and offers a way to free space', async () => {
    const text = 'Words that must not be lost.';
    const filled = await session.inExtension(async (_api, sizes: number[]) => {
      // Self-contained: runs as source in the extension page.
      const openFiller = () =>
        new Promise<IDBDatabase>((resolve, reject) => {
          const open = indexedDB.open('test-filler', 1);
          open.onupgradeneeded = () => open.result.createObjectStore('f');
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error);
        });
      let db = await openFiller();
      const put = (bytes: number, key: string) =>
        new Promise<boolean>((resolve) => {
          const chunk = new Uint8Array(bytes);
          for (let at = 0; at < bytes; at += 65_536) crypto.getRandomValues(chunk.subarray(at, Math.min(bytes, at + 65_536)));
          try {
            const tx = db.transaction('f', 'readwrite');
            tx.objectStore('f').put(chunk, key);
            tx.oncomplete = () => resolve(true);
            tx.onabort = () => resolve(false);
          } catch {
            resolve(false);
          }
        });
      // Big pieces first, then ever smaller ones, until not even 256 bytes more fit. Firefox 153
      // refuses every later write on a connection that met the quota: each size opens a new one.
      let n = 0;
      for (const size of sizes) {
        while (n < 10_000 && (await put(size, `k${n++}`)));
        db.close();
        db = await openFiller();
      }
      db.close();
      return navigator.storage.estimate();
    }, [1_000_000, 100_000, 10_000, 1_000, 256]);
    try {
      expect(filled.usage!).toBeGreaterThan(filled.quota! * 0.95);
      const journalBefore = (await state()).doc.journal.length;
      // The write-it-down frame's own page (the in-page dialog's frames are reached through the
      // DevTools protocol only, in Chromium), typed into and saved as the person would.
      const frame = await session.openExtensionPage('/pause.html?mode=journal&site=x');
      try {
        await frame.waitFor(() => document.getElementById('text') !== null);
        await frame.evaluate((words) => {
          const box = document.getElementById('text') as HTMLTextAreaElement;
          box.focus();
          box.value = words;
          box.dispatchEvent(new Event('input', { bubbles: true }));
        }, text);
        await frame.evaluate(() => (document.querySelector('[data-action="submit"]') as HTMLButtonElement).click());
        await frame.waitFor(() => document.querySelector('[data-part="status"][data-ok]') !== null, undefined, 10_000);
        const facts = await frame.evaluate(() => ({
          ok: document.querySelector('[data-part="status"]')?.getAttribute('data-ok'),
          status: document.querySelector('[data-part="status"]')?.textContent ?? '',
          box: (document.getElementById('text') as HTMLTextAreaElement).value,
          recovery: document.querySelector('[data-action="recovery"]') !== null,
        }));
        expect(facts).toMatchObject({ ok: 'false', box: text, recovery: true });
        expect(facts.status).toContain('not saved');
        expect(facts.status).toContain('space your browser gives this extension is full');
      } finally {
        await frame.close();
      }
      expect((await state()).doc.journal.length).toBe(journalBefore);
    } finally {
      await session.inExtension(
        () =>
          new Promise<void>((resolve) => {
            const removed = indexedDB.deleteDatabase('test-filler');
            removed.onsuccess = () => resolve();
            removed.onerror = () => resolve();
          }),
      );
    }
    // With the room back, the same words are saved.
    expect((await session.send({ type: 'journal-entry-added', text })).ok).toBe(true);
  });

  test('"Go back" with nowhere to go back to: a calm page with the day count and the site\'s home one click away, not its feed', async () => {
    await withPage(async (page) => {
      // A fresh tab whose empty first page is replaced by the profile: no page to go back to.
      await page.evaluate((url) => location.replace(url), profileUrl).catch(() => undefined);
      await waitForDialog(page);
      expect(await page.evaluate(() => history.length)).toBe(1);
      await page.clickInRoot('[data-action="back"]');
      await waitForAddress(page, (href) => /^(chrome|moz)-extension:\/\/[^/]+\/pause\.html\?mode=home/.test(href));
      // The calm page renders once it has read the day count (Firefox 153 got there first once).
      await page.waitFor(() => document.querySelector('[data-part="title"]') !== null);
      const calm = await page.evaluate(() => ({
        title: document.querySelector('[data-part="title"]')?.textContent,
        days: document.querySelector('[data-part="days"]')?.textContent ?? '',
        home: document.querySelector('[data-part="home"]')?.getAttribute('href'),
        text: document.body.textContent ?? '',
      }));
      expect(calm).toMatchObject({ title: 'You went back', home: 'https://x.com/' });
      expect(calm.days).toMatch(/^(You started today|Your first day|Day \d+)/);
      expect(calm.text).not.toContain(scenario.guarded.handle);
    });
  });

  test('reduced motion: no moving circle, a calm text countdown', async () => {
    await withPage(async (page) => {
      await emulateMedia(session.name, page, { reducedMotion: 'reduce' });
      try {
        await openProfile(page);
        const facts = await page.inRoot((root) => ({
          circle: getComputedStyle(root.querySelector('.circle')!).display,
          countdown: root.querySelector('.countdown')?.textContent ?? '',
        }));
        expect(facts.circle).toBe('none');
        expect(facts.countdown).toMatch(/You can choose in \d+ seconds?\./);
      } finally {
        await resetMedia(session.name, page);
      }
    });
    await withPage(async (page) => {
      await openProfile(page);
      expect(await page.inRoot((root) => getComputedStyle(root.querySelector('.circle')!).animationName)).toBe('breathe');
    });
  });

  test('dark mode and forced colours restyle the dialog', async () => {
    const look = (page: E2ePage) =>
      page.inRoot((root) => {
        const style = getComputedStyle(root.querySelector('dialog')!);
        return { background: style.backgroundColor, color: style.color };
      });
    await withPage(async (page) => {
      await openProfile(page);
      const light = await look(page);
      expect(light.background).toBe('rgb(255, 253, 248)');
      await emulateMedia(session.name, page, { colorScheme: 'dark' });
      try {
        await waitInRoot(page, (root) => getComputedStyle(root.querySelector('dialog')!).backgroundColor === 'rgb(38, 40, 46)');
        await emulateMedia(session.name, page, { colorScheme: 'light', forcedColors: 'active' });
        // Forced colours: system colours (Canvas / CanvasText), whatever they resolve to, and a 2px border.
        await waitInRoot(page, (root) => getComputedStyle(root.querySelector('dialog')!).borderTopWidth === '2px');
        expect(await look(page)).not.toEqual(light);
      } finally {
        await resetMedia(session.name, page);
      }
    });
  });

  describe.each([
    ['a modal <dialog>', 'dialog'],
    ['a high z-index overlay', 'overlay'],
  ] as const)('the site opens %s after ours', (_label, kind) => {
    test('ours stays on top, open, with focus inside', async () => {
      await withPage(async (page) => {
        await openProfile(page);
        expect(await isOurDialogOnTop(page)).toBe(true);
        await page.evaluate((what) => {
          if (what === 'dialog') {
            const siteDialog = document.createElement('dialog');
            siteDialog.textContent = 'Sign in to see more';
            siteDialog.style.cssText = 'width:100vw;height:100vh;max-width:none;max-height:none;margin:0;padding:0';
            document.body.append(siteDialog);
            // Like a site's own script: appended first, opened in a later task.
            setTimeout(() => siteDialog.showModal(), 0);
          } else {
            const overlay = document.createElement('div');
            overlay.textContent = 'Sign in to see more';
            overlay.style.cssText = 'position:fixed;inset:0;z-index:2147483647;background:#fff';
            document.body.append(overlay);
          }
        }, kind);
        await settle(page);
        if (kind === 'dialog') await page.waitFor(() => document.querySelector('body > dialog')?.hasAttribute('open') === true);
        await settle(page);
        expect(await isOurDialogOnTop(page)).toBe(true);
        expect(await dialogFacts(page)).toMatchObject({ open: true, modal: true, focusInside: true });
      });
    });
  });

  test('hard hours: inside a window the person marked, the gentle pause is one level firmer and says why', async () => {
    const added = await session.send({ type: 'hard-hours-added', from: 0, to: 0, days: [] });
    expect(added).toMatchObject({ ok: true });
    try {
      await withPage(async (page) => {
        await openProfile(page);
        expect(await partText(page, 'hard-hour')).toContain('hours you marked as hard');
        expect(await partText(page, 'pause')).toMatch(/You can choose in 1[0-5] seconds/);
      });
    } finally {
      if (added.ok) await session.send({ type: 'hard-hours-removal-requested', hardHoursId: (added.data as { id: string }).id });
    }
  });

  test('firm: no "Continue" at first; after the pause it asks once more', async () => {
    expect(await session.send({ type: 'friction-changed', friction: 'firm' })).toMatchObject({ ok: true });
    await withPage(async (page) => {
      await openProfile(page);
      expect(await actionsInRoot(page)).toEqual(['back', 'wave', 'write']);
      await waitInRoot(page, (root) => root.querySelector('[data-action="continue"]') !== null, undefined, 30_000);
      await page.clickInRoot('[data-action="continue"]');
      await waitInRoot(page, (root) => root.querySelector('[data-action="confirm"]') !== null);
      expect(await actionsInRoot(page)).toEqual(['back', 'confirm']);
    });
  });

  test('strict: after the pause the phrase is typed in an extension frame (no keystroke in the site), then "Continue" appears', async () => {
    expect(await session.send({ type: 'friction-changed', friction: 'strict', strictPhrase: PHRASE })).toMatchObject({ ok: true });
    await withPage(async (page) => {
      await openProfile(page);
      expect(await actionsInRoot(page)).toEqual(['back', 'wave', 'write']);
      const frameSrc = await waitInRoot(
        page,
        (root) => root.querySelector('iframe[data-part="phrase-frame"]')?.getAttribute('src'),
        undefined,
        30_000,
      );
      expect(frameSrc).toMatch(/pause\.html\?mode=phrase/);
      expect(await actionsInRoot(page)).toEqual(['back', 'wave', 'write']);
      // Typed at once, while the frame may still be loading: held from the site, handed to the box.
      const before = await pageKeystrokes(page);
      await typeKeys(session.name, page, PHRASE);
      await waitInRoot(page, (root) => root.activeElement?.getAttribute('data-part') === 'phrase-frame');
      await waitForFrameBoxFocus(session.name, page, 'phrase');
      await page.press('Enter');
      await waitInRoot(page, (root) => root.querySelector('[data-action="continue"]') !== null);
      expect(await pageKeystrokes(page)).toEqual(before);
    });
  });
});
