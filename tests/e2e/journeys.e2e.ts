/**
 * Journeys through the popup and the options page (issue #5), in the browser named by
 * E2E_BROWSER. One browser session, one person's story in order: each journey starts from where
 * the previous one left the data, as it would for a real person.
 *
 * Screenshots (docs/screenshots/*.png) are taken in Chromium only: one browser is enough to show
 * the UI, and Chromium's media emulation gives the real dark scheme.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { StoredDocument } from '../../utils/data/schema';
import { waitForDialog } from './harness/page-checks';
import { launch, passTimeForWaitingChanges } from './harness/session';
import type { E2eSession } from './harness/types';
import { screenshot, setViewport, useColorScheme } from './harness/ui-driver';
import { OptionsScreen } from './pages/options';
import { PopupPage, PopupScreen } from './pages/popup';
import { SetupScreen } from './pages/setup';

const ROOT = join(import.meta.dirname, '..', '..');
const SHOTS = join(ROOT, 'docs', 'screenshots');
const IMPORTS = join(ROOT, 'tests', 'fixtures', 'data', 'imports');
const HANDLE = 'sam_rivers_x';
const PROFILE_URL = `https://x.com/${HANDLE}`;
const HOUR = 60 * 60 * 1000;

describe(`journeys through the popup and the options page (${process.env.E2E_BROWSER ?? 'chromium'})`, () => {
  let session: E2eSession;
  let popup: PopupPage;
  const shooting = () => session.name === 'chromium';

  const doc = async (): Promise<StoredDocument> => (await popup.state()).doc;

  beforeAll(async () => {
    session = await launch();
    popup = new PopupPage(session);
    session.server.serveFixture(PROFILE_URL, 'x', 'profile.html', { handle: HANDLE, other: 'alex_other' });
  });

  afterAll(async () => {
    await session?.close();
  });

  test('1. first run by keyboard: link, goal 30, a reason, a plan; their profile pauses; "Go back" shows day 0 or 1 of 30 and 1 urge', async () => {
    const screen = await PopupScreen.open(session);
    try {
      const setup = new SetupScreen(screen.page, async (step) => {
        if (shooting()) await screenshot(screen.page, join(SHOTS, `first-run-${step}.png`), true);
      });
      await setup.complete({
        profileLink: PROFILE_URL,
        name: 'Sam',
        goalDays: 30,
        reason: 'I want to sleep well again.',
        plan: { when: 'I want to look at their profile', then: 'text my sister' },
      });
      await screen.waitForMain();

      const saved = await doc();
      expect(saved.settings.setupDone).toBe(true);
      expect(saved.people).toHaveLength(1);
      expect(saved.people[0]?.label).toBe('Sam');
      expect(saved.people[0]?.accounts).toEqual([expect.objectContaining({ site: 'x', handle: HANDLE })]);
      expect(saved.streak.goalDays).toBe(30);
      expect(saved.reasons.map((reason) => reason.text)).toEqual(['I want to sleep well again.']);
      expect(saved.plans).toEqual([expect.objectContaining({ when: 'I want to look at their profile', then: 'text my sister' })]);
      expect(await screen.urgesTotal()).toBe(0);

      const tab = await session.newPage();
      try {
        await tab.goto(PROFILE_URL);
        const dialog = await waitForDialog(tab);
        expect(dialog).toMatchObject({ open: true, modal: true, focusInside: true });
        await tab.clickInRoot('[data-action="back"]');
      } finally {
        await tab.close();
      }

      // The popup follows storage changes by itself: no reload.
      await screen.waitForUrgesTotal(1);
      expect(await screen.urgesTotal()).toBe(1);
      expect([0, 1]).toContain(await screen.dayNumber());
      expect(await screen.goalDays()).toBe(30);

      if (shooting()) {
        await useColorScheme(screen.page, 'light');
        await screenshot(screen.page, join(SHOTS, 'popup-light.png'), true);
        expect(await useColorScheme(screen.page, 'dark')).toBe('emulated');
        await screenshot(screen.page, join(SHOTS, 'popup-dark.png'), true);
        await useColorScheme(screen.page, 'light');
      }
    } finally {
      await screen.close();
    }
  });

  test('1b. the new screens of issue 14 (support page, welcome in a tab) in light and dark at 390 px: screenshots (Chromium), and what they say', async () => {
    for (const [path, testId, name] of [
      ['support.html', 'helplines', 'support'],
      ['options.html#setup', 'welcome-details', 'welcome-tab'],
    ] as const) {
      const page = await session.openExtensionPage(path);
      try {
        await setViewport(page, 390, 844);
        await page.waitFor((id) => document.querySelector(`[data-testid="${id}"]`) !== null, testId);
        expect(await page.evaluate((id) => document.querySelector(`[data-testid="${id}"]`)?.textContent ?? '', testId)).not.toBe('');
        if (shooting()) {
          await useColorScheme(page, 'light');
          await screenshot(page, join(SHOTS, `${name}-light-390.png`), true);
          await useColorScheme(page, 'dark');
          await screenshot(page, join(SHOTS, `${name}-dark-390.png`), true);
        }
      } finally {
        await page.close();
      }
    }
  });

  test('2. "I had contact": the count restarts at day 0 and the previous stretch is in the history', async () => {
    const before = await doc();
    expect(before.streak.history).toEqual([]);
    const screen = await PopupScreen.open(session);
    try {
      await screen.waitForMain();
      await screen.recordContact('We met by chance at the station.');
      await screen.page.waitFor(() => document.querySelector('[data-testid="day-number"]')?.getAttribute('data-days') === '0');
      expect(await screen.dayNumber()).toBe(0);
    } finally {
      await screen.close();
    }
    const after = await doc();
    expect(after.streak.history).toHaveLength(1);
    expect(after.streak.history[0]).toMatchObject({ startedAt: before.streak.startedAt });
    expect(Date.parse(after.streak.startedAt)).toBeGreaterThanOrEqual(Date.parse(before.streak.startedAt));
    expect(after.people).toEqual(before.people);
    expect(after.reasons).toEqual(before.reasons);
  });

  test('3. export, erase, import: the state is identical, field by field', async () => {
    const options = await OptionsScreen.open(session);
    try {
      const before = await doc();
      const file = await options.export();
      expect(file.fileName).toMatch(/\.json$/);
      const exported = JSON.parse(file.text) as { version: number; data: StoredDocument };
      expect(exported.data).toEqual(before);

      expect(await options.erase()).not.toBe('');
      const erased = await doc();
      expect(erased.people).toEqual([]);
      expect(erased.reasons).toEqual([]);
      expect(erased.streak.history).toEqual([]);

      // The page stays on the settings after erasing (it used to jump to the set-up, hiding import).
      const answer = await options.import(file.fileName, file.text);
      expect(answer).toMatchObject({ ok: true });
      const after = await doc();
      for (const key of Object.keys(before) as (keyof StoredDocument)[]) expect(after[key], key).toEqual(before[key]);
      expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    } finally {
      await options.close();
    }
  });

  test.each([
    ['wrong-version.json', /version 0, which No-Contact Guard does not know/, ''],
    ['truncated.json', /incomplete or damaged/, ''],
    ['wrong-types.json', /could not read part of this file, so nothing was changed/, 'people → 2nd person → accounts → 1st account → site'],
    ['newer-version.json', /newer version of No-Contact Guard/, ''],
    ['not-ours.json', /does not look like a No-Contact Guard export/, ''],
  ])('4. a bad import (%s) says what and where, and changes nothing', async (name, what, where) => {
    const before = await doc();
    const options = await OptionsScreen.open(session);
    try {
      const answer = await options.import(name, readFileSync(join(IMPORTS, name), 'utf8'));
      expect(answer.ok).toBe(false);
      expect(answer.text).toMatch(what);
      if (where) expect(answer.where).toContain(where);
      else expect(answer.where).toBe('');
    } finally {
      await options.close();
    }
    expect(await doc()).toEqual(before);
  });

  test('5. with a 1-hour cool-down, a gentler pause waits, then lands when the hour has passed', async () => {
    const options = await OptionsScreen.open(session);
    try {
      await options.setCoolDown('1h');
      expect((await doc()).settings.coolDown).toBe('1h');
      // Firmer applies at once; start from "firm" so there is a gentler level to go to.
      if ((await doc()).settings.friction !== 'firm') await options.setFriction('firm');
      expect((await doc()).settings.friction).toBe('firm');

      await options.setFriction('gentle');
      const waiting = await doc();
      expect(waiting.settings.friction).toBe('firm');
      expect(waiting.settings.pending).toEqual([expect.objectContaining({ kind: 'friction', friction: 'gentle' })]);
      const change = waiting.settings.pending[0]!;
      expect(Date.parse(change.effectiveAt) - Date.now()).toBeGreaterThan(HOUR - 5 * 60 * 1000);
      await options.page.waitFor(() => document.querySelector('[data-testid="pending-row"][data-kind="friction"]') !== null);
      expect(await options.pendingKinds()).toEqual(['friction']);
      expect(await options.checkedFriction()).toBe('firm');
      if (shooting()) await screenshot(options.page, join(SHOTS, 'options.png'), true);

      await passTimeForWaitingChanges(session, HOUR + 60_000);
      const landed = await doc();
      expect(landed.settings.friction).toBe('gentle');
      expect(landed.settings.pending).toEqual([]);
      await options.page.waitFor(() => document.querySelector('[data-testid="pending-empty"]') !== null);
      expect(await options.checkedFriction()).toBe('gentle');
    } finally {
      await options.close();
    }
  });
  test('6. "pause the guard for 1 hour" in the popup, by keyboard: it waits for the 1-hour cool-down, then pauses, then the guard is back by itself', async () => {
    expect((await doc()).settings.coolDown).toBe('1h');
    const screen = await PopupScreen.open(session);
    try {
      await screen.waitForMain();
      await screen.pauseForAnHour();
      await screen.page.waitFor(() => document.querySelector('[data-testid="pause-while"]')?.getAttribute('data-state') === 'waiting');
      const waiting = (await doc()).settings.pending.find((change) => change.kind === 'pause-until');
      expect(waiting).toBeDefined();
      if (waiting?.kind === 'pause-until') expect(Date.parse(waiting.until) - Date.parse(waiting.effectiveAt)).toBe(HOUR);
      expect((await doc()).settings.paused).toBe(false);

      await passTimeForWaitingChanges(session, HOUR + 60_000);
      // Time passed for the waiting change, its end included (passTimeForWaitingChanges moves both back).
      const paused = (await doc()).settings;
      expect(paused.paused).toBe(true);
      if (waiting?.kind === 'pause-until') expect(Date.parse(paused.pausedUntil ?? '')).toBe(Date.parse(waiting.until) - (HOUR + 60_000));
      await screen.page.waitFor(() => document.querySelector('[data-testid="pause-while"]')?.getAttribute('data-state') === 'paused');

      await passTimeForWaitingChanges(session, HOUR);
      expect((await doc()).settings.paused).toBe(false);
      await screen.page.waitFor(() => document.querySelector('[data-testid="pause-while"]')?.getAttribute('data-state') === 'on');
    } finally {
      await screen.close();
    }
  });
});
