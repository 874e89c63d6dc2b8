/**
 * The options page as a person uses it: export, erase (asked twice), import, friction and the
 * cool-down, and the list of waiting changes. Buttons are pressed with real clicks; the page
 * updates itself from storage changes, so each method waits for what the page says back.
 */
import type { E2ePage, E2eSession } from '../harness/types';
import {
  captureDownloads,
  chooseFile,
  nextDownload,
  tabTo,
  textOf,
  waitForTestId,
  waitForText,
  type CapturedDownload,
} from '../harness/ui-driver';

const click = (page: E2ePage, testId: string) => page.click(`[data-testid="${testId}"]`);

export class OptionsScreen {
  constructor(readonly page: E2ePage) {}

  static async open(session: E2eSession): Promise<OptionsScreen> {
    const page = await session.openExtensionPage('options.html');
    await page.waitFor(() => !!document.querySelector('[data-testid="export-button"], [data-testid="setup"]'));
    return new OptionsScreen(page);
  }

  /** Clicks Export and returns the file the page handed to its download link. */
  async export(): Promise<CapturedDownload> {
    await captureDownloads(this.page);
    await waitForTestId(this.page, 'export-button');
    await click(this.page, 'export-button');
    const file = await nextDownload(this.page);
    await waitForText(this.page, 'export-outcome');
    return file;
  }

  /**
   * Erase, "continue", "erase": the two questions answered yes, by keyboard. Each question must
   * take the focus itself (a keyboard user would otherwise be sent back to the top of the page).
   * Returns the line the page says.
   */
  async erase(): Promise<string> {
    await tabTo(this.page, 'erase-button');
    await this.page.press('Enter');
    await waitForTestId(this.page, 'erase-continue');
    await this.page.waitFor(() => document.activeElement?.getAttribute('data-testid') === 'erase-continue');
    await this.page.press('Enter');
    await waitForTestId(this.page, 'erase-confirm');
    await this.page.waitFor(() => document.activeElement?.getAttribute('data-testid') === 'erase-confirm');
    await this.page.press('Enter');
    const said = await waitForText(this.page, 'erase-outcome');
    await this.page.waitFor(() => document.activeElement?.getAttribute('data-testid') === 'erase-button');
    return said;
  }

  /**
   * Chooses a file for import; returns the page's answer: ok text, or the error and where. Use a
   * freshly opened page per import: a second identical answer would leave no trace to wait for.
   */
  async import(fileName: string, text: string): Promise<{ ok: boolean; text: string; where: string }> {
    await waitForTestId(this.page, 'import-input');
    await chooseFile(this.page, 'import-input', fileName, text);
    await this.page.waitFor(() => {
      const el = document.querySelector('[data-testid="import-outcome"], [data-testid="import-error"]');
      return (el?.textContent?.trim() ?? '') !== '';
    });
    const ok = await this.page.evaluate(() => document.querySelector('[data-testid="import-error"]') === null);
    return {
      ok,
      text: await textOf(this.page, ok ? 'import-outcome' : 'import-error'),
      where: await textOf(this.page, 'import-error-where'),
    };
  }

  /** Chooses a cool-down and saves it. */
  async setCoolDown(coolDown: 'none' | '1h' | '24h'): Promise<void> {
    await click(this.page, `cool-down-${coolDown}`);
    await waitForTestId(this.page, 'cool-down-save');
    await click(this.page, 'cool-down-save');
    await this.page.waitFor(
      () => (document.querySelector<HTMLButtonElement>('[data-testid="cool-down-save"]')?.disabled ?? false) === true,
    );
  }

  /**
   * Chooses a friction level and saves it; returns what the page says, which must differ from
   * what it said before (the page's line is the only sign the save is over).
   */
  async setFriction(friction: 'gentle' | 'firm' | 'strict'): Promise<string> {
    const before = await textOf(this.page, 'friction-outcome');
    await click(this.page, `friction-${friction}`);
    await click(this.page, 'friction-save');
    await this.page.waitFor((previous) => {
      const text = document.querySelector('[data-testid="friction-outcome"]')?.textContent?.trim() ?? '';
      return text !== '' && text !== previous;
    }, before);
    return textOf(this.page, 'friction-outcome');
  }

  /** The kinds of the waiting changes, as listed. */
  pendingKinds(): Promise<string[]> {
    return this.page.evaluate(() =>
      [...document.querySelectorAll('[data-testid="pending-row"]')].map((row) => row.getAttribute('data-kind') ?? ''),
    );
  }

  /** Whether the friction radio for `level` is the checked one. */
  checkedFriction(): Promise<string> {
    return this.page.evaluate(
      () => document.querySelector<HTMLInputElement>('input[name="friction"]:checked')?.value ?? '',
    );
  }

  close(): Promise<void> {
    return this.page.close();
  }
}
