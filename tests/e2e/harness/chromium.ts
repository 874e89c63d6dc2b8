/**
 * Chromium driver: Debian's Chromium (it honours --load-extension), playwright-core persistent
 * context, the unpacked .output/chrome-mv3 (playwright-core `launchPersistentContext` with
 * `--load-extension`; Source: https://playwright.dev/docs/chrome-extensions).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';
import type { Message, Reply } from '../../../utils/data/messages';
import { FixtureServer } from './fixture-server';
import { watchChromiumNetwork } from './network-watch';
import { PageBase } from './page-base';
import { bounded, inExtensionPage, PAGE_CALL_MS } from './bounded';
import type { E2ePage, E2eSession, ExtensionApi, LaunchOptions } from './types';

interface CdpNode {
  nodeId: number;
  backendNodeId: number;
  nodeName: string;
  children?: CdpNode[];
  shadowRoots?: (CdpNode & { shadowRootType?: string })[];
}

class ChromiumPage extends PageBase {
  private cdp: CDPSession | undefined;

  constructor(
    readonly page: Page,
    private readonly context: BrowserContext,
  ) {
    super();
    page.on('console', (message) => this.console.push(`${message.type()}: ${message.text()}`));
    page.on('pageerror', (error) => this.console.push(`pageerror: ${error.message}`));
  }

  async goto(url: string): Promise<void> {
    await this.page.goto(url, { waitUntil: 'load' });
  }

  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    return this.page.evaluate(fn as (arg: unknown) => R | Promise<R>, arg) as Promise<R>;
  }

  evaluateSource<R = unknown>(source: string): Promise<R> {
    return this.page.evaluate(source) as Promise<R>;
  }

  async waitFor<A = undefined>(fn: (arg: A) => unknown, arg?: A, timeoutMs = 10_000): Promise<void> {
    await this.page.waitForFunction(fn as (arg: unknown) => unknown, arg, { timeout: timeoutMs });
  }

  /**
   * Evaluates `source` in our content script's isolated world in the top frame (DevTools protocol:
   * the execution context of type "isolated" whose origin is the extension's). The shipped build
   * carries no test-only content script; this is the very context the guard runs in.
   */
  async inContentScript<R>(source: string): Promise<R> {
    const cdp = await this.context.newCDPSession(this.page);
    try {
      type Context = { id: number; origin: string; auxData?: { type?: string; frameId?: string } };
      const contexts: Context[] = [];
      cdp.on('Runtime.executionContextCreated', (event: { context: Context }) => contexts.push(event.context));
      // Enabling reports every existing context first.
      await cdp.send('Runtime.enable');
      const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
      const ours = contexts.find((c) => c.auxData?.type === 'isolated' && c.auxData.frameId === frameTree.frame.id && c.origin.startsWith('chrome-extension://'));
      if (!ours) throw new Error(`no content-script world in this page (contexts: ${contexts.map((c) => `${c.auxData?.type}:${c.origin}`).join(', ')})`);
      const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression: source, contextId: ours.id, awaitPromise: true, returnByValue: true });
      if (exceptionDetails) throw new Error(`inContentScript: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
      return result.value as R;
    } finally {
      await cdp.detach().catch(() => undefined);
    }
  }

  async inRoot<R, A = undefined>(fn: (root: ShadowRoot, arg: A) => R, arg?: A): Promise<R> {
    this.cdp ??= await this.context.newCDPSession(this.page);
    const { root } = (await this.cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const html = root.children?.find((node) => node.nodeName === 'HTML');
    const shadow = html?.children
      ?.filter((node) => node.nodeName !== 'HEAD' && node.nodeName !== 'BODY')
      .flatMap((node) => node.shadowRoots ?? [])
      .find((sr) => sr.shadowRootType === 'closed');
    if (!shadow) throw new Error('no host with a closed shadow root on <html>');
    const { object } = await this.cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    const { result, exceptionDetails } = await this.cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: `function (arg) { return (${fn.toString()})(this, arg); }`,
      arguments: [{ value: arg }],
      returnByValue: true,
      awaitPromise: true,
    });
    if (exceptionDetails) throw new Error(`inRoot: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value as R;
  }

  async press(key: string): Promise<void> {
    await bounded(`press ${key}`, PAGE_CALL_MS, this.page.keyboard.press(key));
  }

  protected async mouseClick(x: number, y: number, clickCount = 1): Promise<void> {
    await this.page.mouse.click(x, y, { clickCount });
  }

  async close(): Promise<void> {
    await this.cdp?.detach().catch(() => undefined);
    await this.page.close();
  }
}

export async function launchChromium(extensionDir: string, options: LaunchOptions = {}): Promise<E2eSession> {
  const profile = mkdtempSync(join(tmpdir(), 'ncg-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-sync',
      '--disable-background-networking',
      '--disable-component-update',
      // A second DevTools client watches the network (harness/network-watch.ts): loopback only.
      ...(options.watchNetwork ? ['--remote-debugging-port=0'] : []),
    ],
  });
  const network = options.watchNetwork ? await watchChromiumNetwork(profile) : undefined;
  const server = new FixtureServer();
  // http(s) only: routing chrome-extension:// too would abort the popup's own scripts.
  await context.route(/^https?:\/\//, async (route) => {
    const served = server.respond(route.request().url());
    if (served) await route.fulfill({ status: served.status, contentType: served.contentType, body: served.body, headers: served.headers });
    else await route.abort();
  });

  const worker: Worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  const extensionUrl = (path: string) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`;

  // Close the blank tab the persistent context starts with once we have our own.
  const blank = context.pages();
  let extensionPage: ChromiumPage | undefined;
  const popup = async () => {
    if (!extensionPage) {
      extensionPage = new ChromiumPage(await context.newPage(), context);
      await extensionPage.goto(extensionUrl('popup.html'));
      for (const page of blank) await page.close();
    }
    return extensionPage;
  };

  const inExtension = <R, A = undefined>(fn: (api: ExtensionApi, arg: A) => R | Promise<R>, arg?: A): Promise<R> =>
    inExtensionPage(popup, fn, arg);

  return {
    name: 'chromium',
    server,
    network,
    async newPage(): Promise<E2ePage> {
      await popup();
      return new ChromiumPage(await context.newPage(), context);
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
      const page = new ChromiumPage(await context.newPage(), context);
      await page.goto(extensionUrl(path));
      return page;
    },
    async stopBackground() {
      // The worker starts again by itself at the next message or event (MV3 lifecycle).
      // Any open page gives a session; the blank first tab is closed once the popup page is open.
      await popup();
      const cdp = await context.newCDPSession(context.pages().find((page) => !page.isClosed())!);
      try {
        await cdp.send('ServiceWorker.enable');
        await cdp.send('ServiceWorker.stopAllWorkers');
      } finally {
        await cdp.detach().catch(() => undefined);
      }
    },
    async close() {
      await network?.close();
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
