/**
 * What the popup and options journeys need beyond E2ePage: real typing, keyboard-only focus
 * moves, colour-scheme emulation, screenshots, files given to a file input, and the file an
 * export hands to its download link. Additive: the drivers are not changed; both expose the
 * underlying playwright / puppeteer page as `page`, and both have `keyboard.type` and
 * `screenshot({ path, fullPage })`.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { E2ePage } from './types';

interface DriverPage {
  keyboard: { type(text: string): Promise<void> };
  screenshot(options: { path: string; fullPage?: boolean }): Promise<unknown>;
  /** playwright */
  emulateMedia?(options: { colorScheme: 'light' | 'dark' }): Promise<void>;
  /** puppeteer */
  emulateMediaFeatures?(features: { name: string; value: string }[]): Promise<void>;
  setViewportSize?(size: { width: number; height: number }): Promise<void>;
  setViewport?(size: { width: number; height: number }): Promise<void>;
}

function driverOf(page: E2ePage): DriverPage {
  const driver = (page as unknown as { page?: DriverPage }).page;
  if (!driver) throw new Error('this E2ePage exposes no driver page');
  return driver;
}

/** Types `text` with real key events into whatever has focus. */
export async function typeText(page: E2ePage, text: string): Promise<void> {
  await driverOf(page).keyboard.type(text);
}

/** The data-testid of the focused element ('' for none), the way a keyboard user is placed. */
export function focusedTestId(page: E2ePage): Promise<string> {
  return page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? '');
}

/**
 * Presses Tab (or Shift+Tab) until the element with `testId` has focus: proves it can be reached
 * by keyboard alone. Throws with the focus path when it cannot.
 */
export async function tabTo(page: E2ePage, testId: string, { backwards = false, maxPresses = 30 } = {}): Promise<void> {
  const path: string[] = [];
  for (let presses = 0; presses <= maxPresses; presses++) {
    const focused = await focusedTestId(page);
    if (focused === testId) return;
    path.push(focused || (await page.evaluate(() => document.activeElement?.tagName.toLowerCase() ?? 'none')));
    await page.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${testId} was not reached by keyboard; focus went: ${path.join(' → ')}`);
}

/** Waits until the element with `testId` exists and is enabled (a step rendered, a save finished). */
export async function waitForTestId(page: E2ePage, testId: string, timeoutMs = 10_000): Promise<void> {
  await page.waitFor(
    (id) => {
      const el = document.querySelector(`[data-testid="${id}"]`);
      return !!el && !(el as HTMLButtonElement).disabled;
    },
    testId,
    timeoutMs,
  );
}

/** The text of the element with `testId`, whitespace collapsed ('' when absent). */
export function textOf(page: E2ePage, testId: string): Promise<string> {
  return page.evaluate(
    (id) => document.querySelector(`[data-testid="${id}"]`)?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
    testId,
  );
}

/** Waits until the element with `testId` has non-empty text, and returns it. */
export async function waitForText(page: E2ePage, testId: string, timeoutMs = 10_000): Promise<string> {
  await page.waitFor(
    (id) => (document.querySelector(`[data-testid="${id}"]`)?.textContent?.trim() ?? '') !== '',
    testId,
    timeoutMs,
  );
  return textOf(page, testId);
}

export type ColorScheme = 'light' | 'dark';

/**
 * Emulates prefers-color-scheme through the driver. Returns how: 'emulated' when the page's media
 * query now answers `scheme`; otherwise 'forced': the page's own `@media (prefers-color-scheme:
 * dark)` rules are applied unconditionally through an adopted stylesheet (puppeteer-core 24
 * sends media emulation over CDP, which Firefox over WebDriver BiDi does not offer), and `color-scheme` is
 * pinned so the browser's own form controls follow.
 */
export async function useColorScheme(page: E2ePage, scheme: ColorScheme): Promise<'emulated' | 'forced'> {
  const driver = driverOf(page);
  try {
    if (driver.emulateMedia) await driver.emulateMedia({ colorScheme: scheme });
    else if (driver.emulateMediaFeatures) await driver.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
  } catch {
    // Not supported by this driver: forced below.
  }
  const matches = await page.evaluate((s) => {
    // A sheet forced by an earlier call goes first, so switching back to light works.
    const w = window as unknown as { __forcedScheme?: CSSStyleSheet };
    if (w.__forcedScheme) document.adoptedStyleSheets = document.adoptedStyleSheets.filter((sheet) => sheet !== w.__forcedScheme);
    delete w.__forcedScheme;
    return matchMedia(`(prefers-color-scheme: ${s})`).matches;
  }, scheme);
  if (matches) return 'emulated';
  await page.evaluate((s) => {
    const rules: string[] = [`:root { color-scheme: ${s} !important; }`];
    if (s === 'dark') {
      for (const sheet of [...document.styleSheets]) {
        for (const rule of [...sheet.cssRules]) {
          if (rule instanceof CSSMediaRule && /prefers-color-scheme:\s*dark/.test(rule.conditionText)) {
            rules.push(...[...rule.cssRules].map((inner) => inner.cssText));
          }
        }
      }
    }
    const forced = new CSSStyleSheet();
    forced.replaceSync(rules.join('\n'));
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, forced];
    (window as unknown as { __forcedScheme?: CSSStyleSheet }).__forcedScheme = forced;
  }, scheme);
  return 'forced';
}

export async function setViewport(page: E2ePage, width: number, height: number): Promise<void> {
  const driver = driverOf(page);
  if (driver.setViewportSize) await driver.setViewportSize({ width, height });
  else if (driver.setViewport) await driver.setViewport({ width, height });
}

export async function screenshot(page: E2ePage, path: string, fullPage = false): Promise<void> {
  mkdirSync(dirname(path), { recursive: true });
  await driverOf(page).screenshot({ path, fullPage });
}

/**
 * Gives the file input `testId` one file holding `text`, as choosing it in the file dialog does:
 * the input's `files` is set and `change` fires. (A DataTransfer is the page-world way to build a
 * FileList; it behaves the same in both browsers, where the drivers' upload calls differ.)
 */
export async function chooseFile(page: E2ePage, testId: string, fileName: string, text: string): Promise<void> {
  await page.evaluate(
    ([id, name, content]) => {
      const input = document.querySelector<HTMLInputElement>(`[data-testid="${id}"]`);
      if (!input) throw new Error(`no file input ${id}`);
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], name, { type: 'application/json' }));
      input.files = transfer.files;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    [testId, fileName, text] as const,
  );
}

export interface CapturedDownload {
  fileName: string;
  text: string;
}

/**
 * From now on, a click on a `download` link with a blob: address is recorded (name and the
 * blob's text) instead of saving a file: the file is exactly what the page hands to the browser.
 */
export async function captureDownloads(page: E2ePage): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __downloads?: { fileName: string; text: string }[]; __blobs?: Map<string, Blob> };
    if (w.__downloads) return;
    w.__downloads = [];
    w.__blobs = new Map();
    const createObjectURL = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (object: Blob | MediaSource) => {
      const url = createObjectURL(object);
      if (object instanceof Blob) w.__blobs!.set(url, object);
      return url;
    };
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      const blob = this.hasAttribute('download') ? w.__blobs!.get(this.href) : undefined;
      if (!blob) return click.call(this);
      const fileName = this.download;
      void blob.text().then((text) => w.__downloads!.push({ fileName, text }));
    };
  });
}

/** Waits for the next recorded download and returns it. */
export async function nextDownload(page: E2ePage, timeoutMs = 10_000): Promise<CapturedDownload> {
  await page.waitFor(() => ((window as unknown as { __downloads?: unknown[] }).__downloads?.length ?? 0) > 0, undefined, timeoutMs);
  const download = await page.evaluate(() => (window as unknown as { __downloads: CapturedDownload[] }).__downloads.shift());
  if (!download) throw new Error('no download recorded');
  return download;
}
