/**
 * Firefox driver: Firefox ESR over WebDriver BiDi (puppeteer-core 24), the extension installed
 * temporarily from .output/firefox-mv3 (`browser.installExtension`, BiDi `webExtension.install`)
 * with a pinned moz-extension UUID (the `extensions.webextensions.uuids` pref). Source:
 * https://pptr.dev/api/puppeteer.browser.installextension
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type HTTPRequest, type JSHandle, type Page } from 'puppeteer-core';
import type { Message, Reply } from '../../../utils/data/messages';
import { FixtureServer } from './fixture-server';
import { startRecordingProxy, watchFirefoxNetwork, type NetworkWatch } from './network-watch';
import { PageBase } from './page-base';
import { bounded, inExtensionPage, PAGE_CALL_MS } from './bounded';
import type { E2ePage, E2eSession, ExtensionApi, LaunchOptions } from './types';

/** Fixed, so extension pages have a known address (BiDi does not report the random one). */
const EXTENSION_UUID = '6f1d2b4a-7c3e-4e59-9a0b-2c8d5e7f1a36';

/** The puppeteer BiDi internals we rely on (pinned puppeteer-core 24.43.1; untyped there). */
interface BidiHandle extends JSHandle {
  remoteValue(): { type: string; value?: { shadowRoot?: unknown } };
  realm: unknown;
  constructor: { from(value: unknown, realm: unknown): JSHandle };
}

interface BidiFrame {
  browsingContext?: { navigate(url: string, wait: 'none' | 'interactive' | 'complete'): Promise<unknown> };
}

class FirefoxPage extends PageBase {
  constructor(readonly page: Page) {
    super();
    page.on('console', (message) => this.console.push(`${message.type()}: ${message.text()}`));
    page.on('pageerror', (error) => this.console.push(`pageerror: ${error instanceof Error ? error.message : String(error)}`));
  }

  async goto(url: string): Promise<void> {
    await this.page.goto(url, { waitUntil: 'load' });
  }

  /** Extension pages fire no load event to BiDi: navigate without waiting, then poll. */
  async gotoExtensionPage(url: string): Promise<void> {
    const frame = this.page.mainFrame() as unknown as BidiFrame;
    if (frame.browsingContext) await frame.browsingContext.navigate(url, 'none');
    else void this.page.goto(url).catch(() => undefined);
    await this.waitFor(
      (expected) => location.href === expected && document.readyState !== 'loading',
      url,
    );
  }

  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    return this.page.evaluate(fn as (arg: unknown) => R | Promise<R>, arg) as Promise<R>;
  }

  evaluateSource<R = unknown>(source: string): Promise<R> {
    return this.page.evaluate(source) as Promise<R>;
  }

  async waitFor<A = undefined>(fn: (arg: A) => unknown, arg?: A, timeoutMs = 10_000): Promise<void> {
    await this.page.waitForFunction(fn as (arg: unknown) => unknown, { timeout: timeoutMs, polling: 50 }, arg);
  }

  async inRoot<R, A = undefined>(fn: (root: ShadowRoot, arg: A) => R, arg?: A): Promise<R> {
    const host = (await this.page.evaluateHandle(
      () =>
        [...document.documentElement.children].find((el) => el !== document.head && el !== document.body) ?? null,
    )) as unknown as BidiHandle;
    try {
      const remote = host.remoteValue();
      const shadowRoot = remote.type === 'node' ? remote.value?.shadowRoot : undefined;
      if (!shadowRoot) throw new Error('no host with a closed shadow root on <html>');
      const root = host.constructor.from(shadowRoot, host.realm);
      return (await this.page.evaluate(
        fn as unknown as (root: unknown, arg: unknown) => R,
        root,
        arg,
      )) as R;
    } finally {
      await host.dispose().catch(() => undefined);
    }
  }

  async press(key: string): Promise<void> {
    await bounded(`press ${key}`, PAGE_CALL_MS, this.page.keyboard.press(key as Parameters<Page['keyboard']['press']>[0]));
  }

  protected async mouseClick(x: number, y: number, clickCount = 1): Promise<void> {
    await this.page.mouse.click(x, y, { count: clickCount });
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}

export async function launchFirefox(extensionDir: string, options: LaunchOptions = {}): Promise<E2eSession> {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const geckoId = manifest.browser_specific_settings?.gecko?.id;
  if (!geckoId) throw new Error('the Firefox build has no gecko id');

  const proxy = options.watchNetwork ? await startRecordingProxy() : undefined;
  const browser: Browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: '/usr/bin/firefox-esr',
    headless: true,
    // WebDriver may open moz-extension:// pages only with this flag.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: EXTENSION_UUID }),
      // permissions.request() (inside a real click) is granted without Firefox's doorhanger, which
      // automation cannot answer: the test stands for the person pressing "Allow".
      'extensions.webextOptionalPermissionPrompts': false,
      // The shared extension page that runs `inExtension` sits in a background tab once a test
      // opens another, and Firefox throttles a background tab's timers to at least 1 s, then by
      // budget (measured in tests/e2e/kill.e2e.ts, 2 December 2026: a 50 ms retry wait took from
      // 0.46 s to 35.6 s). Playwright's Chromium runs with background throttling off
      // (--disable-background-timer-throttling); these prefs are Firefox's same switch.
      'dom.min_background_timeout_value': 4,
      'dom.min_background_timeout_value_without_budget_throttling': 4,
      'dom.timeout.enable_budget_timer_throttling': false,
      ...proxy?.prefs,
      ...(options.storageLimitKb !== undefined && { 'dom.quotaManager.temporaryStorage.fixedLimit': options.storageLimitKb }),
    },
  });
  // Watching before the install: the background's first requests would be among those counted.
  const tabs = proxy ? watchFirefoxNetwork((browser as unknown as { connection: Parameters<typeof watchFirefoxNetwork>[0] }).connection) : undefined;
  const network: NetworkWatch | undefined =
    tabs && proxy
      ? {
          requests: () => [...tabs.requests(), ...proxy.seen],
          targets: () => [],
          async close() {
            await tabs.close();
            await proxy.close();
          },
        }
      : undefined;
  await browser.installExtension(extensionDir);
  const server = new FixtureServer();
  const extensionUrl = (path: string) => `moz-extension://${EXTENSION_UUID}/${path.replace(/^\//, '')}`;

  let extensionPage: FirefoxPage | undefined;
  const popup = async () => {
    if (!extensionPage) {
      extensionPage = new FirefoxPage(await browser.newPage());
      await extensionPage.gotoExtensionPage(extensionUrl('popup.html'));
      await extensionPage.waitFor(() => typeof (globalThis as { browser?: { runtime?: { id?: string } } }).browser?.runtime?.id === 'string');
    }
    return extensionPage;
  };

  const onRequest = (request: HTTPRequest) => {
    const url = request.url();
    if (!/^https?:\/\//.test(url)) {
      void request.continue();
      return;
    }
    const served = server.respond(url);
    if (served) {
      // A page replaced mid-request (a redirect to the pause page, say) takes its request with it:
      // puppeteer then rejects with "no such request", which is nothing to report.
      request
        .respond({ status: served.status, contentType: served.contentType, body: served.body, headers: served.headers })
        .catch(() => undefined);
    } else {
      request.abort().catch(() => undefined);
    }
  };

  const inExtension = <R, A = undefined>(fn: (api: ExtensionApi, arg: A) => R | Promise<R>, arg?: A): Promise<R> =>
    inExtensionPage(popup, fn, arg);

  return {
    name: 'firefox',
    server,
    network,
    async newPage(): Promise<E2ePage> {
      await popup();
      const page = await browser.newPage();
      await page.setRequestInterception(true);
      page.on('request', onRequest);
      return new FirefoxPage(page);
    },
    inExtension,
    async send(message: Message): Promise<Reply> {
      return inExtension((api, m) => api.runtime.sendMessage(m) as Promise<Reply>, message);
    },
    async storage() {
      return inExtension((api) => api.storage.local.get(null));
    },
    async hasHostPermission(origin: string) {
      return inExtension((api, o) => api.permissions.contains({ origins: [o] }), origin);
    },
    async openExtensionPage(path: string) {
      const driver = await browser.newPage();
      const page = new FirefoxPage(driver);
      await page.gotoExtensionPage(extensionUrl(path));
      // The popup or options tab a person opens is the focused one. A tab opened over BiDi is not
      // always (Firefox ESR 153, seen 2026-12: the first tab of a session had document.hasFocus()
      // false, and Enter on its focused "Begin" reached nothing until a Tab press happened to
      // focus the window).
      await driver.bringToFront();
      return page;
    },
    async stopBackground() {
      // A new document runs the background scripts afresh (a new store, no memory of the old one),
      // and the old document's pending answers are dropped: what a stopped worker does.
      // While the page is itself starting again, getBackgroundPage() can reject with the background
      // window's own error, which BiDi cannot hand back (a cross-compartment wrapper): caught here
      // and tried again, so only a plain message ever leaves the page.
      const reloaded = await inExtension(async (api) => {
        for (let attempt = 0; attempt < 40; attempt++) {
          try {
            const background = await api.runtime.getBackgroundPage!();
            background.location.reload();
            return true;
          } catch {
            await new Promise((resolve) => setTimeout(resolve, 50));
          }
        }
        return false;
      });
      if (!reloaded) throw new Error('the background page could not be reloaded in 2 s');
    },
    async close() {
      await network?.close();
      await browser.close();
    },
  };
}
