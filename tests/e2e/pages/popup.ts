/**
 * The popup as the tests see it: `PopupPage` reads the state through the background; `PopupScreen`
 * reads and drives the rendered popup. Until the popup renders its figures, its state is read the way
 * the popup reads it: one `state-requested` message from the extension page.
 */
import type { StateSnapshot } from '../../../utils/data/messages';
import type { E2ePage, E2eSession } from '../harness/types';
import { setViewport, tabTo, textOf, typeText, waitForTestId } from '../harness/ui-driver';

export class PopupPage {
  constructor(private readonly session: E2eSession) {}

  async state(): Promise<StateSnapshot> {
    const reply = await this.session.send({ type: 'state-requested' });
    if (!reply.ok) throw new Error(`state-requested failed: ${reply.error}`);
    return reply.data as StateSnapshot;
  }

  /** Urges resisted in the recent log plus the compacted daily counts. */
  async urgesResisted(): Promise<number> {
    const { doc } = await this.state();
    const recent = doc.events.recent.filter((event) => event.type === 'urge-resisted').length;
    const daily = doc.events.daily.reduce((sum, day) => sum + (day.counts['urge-resisted'] ?? 0), 0);
    return recent + daily;
  }

  /** Waits (by polling the background) until `count()` returns `expected`; returns the last value. */
  async waitForUrges(expected: number, timeoutMs = 5_000): Promise<number> {
    const until = Date.now() + timeoutMs;
    let last = await this.urgesResisted();
    while (last !== expected && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      last = await this.urgesResisted();
    }
    return last;
  }
}

/** The popup page itself (popup.html in a tab), read the way a person reads it. */
export class PopupScreen {
  constructor(readonly page: E2ePage) {}

  static async open(session: E2eSession): Promise<PopupScreen> {
    const page = await session.openExtensionPage('popup.html');
    await setViewport(page, POPUP_WIDTH, 600);
    await page.waitFor(() => !!document.querySelector('[data-testid="popup"], [data-testid="setup"]'));
    return new PopupScreen(page);
  }

  /** Waits for the main view (the set-up is over). */
  async waitForMain(): Promise<void> {
    await waitForTestId(this.page, 'popup');
  }

  /** The first whole number in an element's text: the figures, whatever the UI language. */
  async figure(testId: string): Promise<number | undefined> {
    const match = /\d+/.exec(await textOf(this.page, testId));
    return match ? Number(match[0]) : undefined;
  }

  /** The day count (the big text names day 0 "First day", so the number is read from data-days). */
  async dayNumber(): Promise<number | undefined> {
    const days = await this.page.evaluate(() => document.querySelector('[data-testid="day-number"]')?.getAttribute('data-days'));
    return days === undefined || days === null ? undefined : Number(days);
  }

  goalDays(): Promise<number | undefined> {
    return this.figure('goal');
  }

  /** "None in total yet" has no figure: 0. */
  async urgesTotal(): Promise<number> {
    return (await this.figure('urges-total')) ?? 0;
  }

  /** Waits until the popup (live on storage changes) shows `expected` urges in total. */
  async waitForUrgesTotal(expected: number): Promise<void> {
    await this.page.waitFor(
      (n) => {
        const text = document.querySelector('[data-testid="urges-total"]')?.textContent ?? '';
        return Number(/\d+/.exec(text)?.[0] ?? 0) === n;
      },
      expected,
    );
  }

  /** "I had contact", confirmed by keyboard, with an optional note. */
  async recordContact(note?: string): Promise<void> {
    await this.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await tabTo(this.page, 'contact-open');
    await this.page.press('Enter');
    await waitForTestId(this.page, 'contact-confirm');
    if (note) {
      await tabTo(this.page, 'contact-note');
      await typeText(this.page, note);
    }
    await tabTo(this.page, 'contact-confirm-button');
    await this.page.press('Enter');
    await waitForTestId(this.page, 'contact-done');
  }

  /** "Pause the guard for a while" → "Pause for 1 hour", by keyboard (the choices are folded in a <details>). */
  async pauseForAnHour(): Promise<void> {
    await this.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await tabTo(this.page, 'pause-open');
    await this.page.press('Enter');
    await waitForTestId(this.page, 'pause-1h');
    await tabTo(this.page, 'pause-1h');
    await this.page.press('Enter');
  }

  close(): Promise<void> {
    return this.page.close();
  }
}

/** The popup's width (popup.css: body 22rem at 16px). */
export const POPUP_WIDTH = 352;
