/**
 * Every request the browser starts, with the context that started it: the proof that nothing
 * leaves the browser (issue 17, item 9). Chromium: the DevTools protocol's Network domain on
 * every target (service worker, extension pages, their frames, site tabs), reached by target
 * auto-attach from a second DevTools client. Firefox: WebDriver BiDi `network.beforeRequestSent`
 * for every browsing context (puppeteer already subscribes to the network module globally).
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import puppeteer, { type CDPSession } from 'puppeteer-core';

export interface ObservedRequest {
  url: string;
  /** Where the request came from: the target's or document's URL, as the protocol reports it. */
  from: string;
  /** The request started in an extension context (worker, extension page or frame). */
  fromExtension: boolean;
}

export interface NetworkWatch {
  requests(): ObservedRequest[];
  /** Chromium: each target the watch attached to, as "type url" (the URL it had then). */
  targets(): string[];
  close(): Promise<void>;
}

const EXTENSION_ORIGIN = /^(chrome|moz)-extension:\/\//;
/** Schemes that never leave the browser. */
const LOCAL = /^(chrome-extension|moz-extension|data|blob|about|chrome|resource|moz-icon):/;

export function leavesTheBrowser(request: ObservedRequest): boolean {
  return !LOCAL.test(request.url);
}

interface CdpTargetInfo {
  targetId: string;
  type: string;
  url: string;
}

interface CdpRequestWillBeSent {
  documentURL?: string;
  initiator?: { url?: string; stack?: { callFrames?: { url: string }[] } };
  request: { url: string };
}

/**
 * Chromium: Playwright owns the browser over a pipe; a second client connects to the loopback
 * DevTools port the browser wrote into its profile (`--remote-debugging-port=0`), auto-attaches
 * to every target with each one held at start until its Network domain is on, and does the same
 * inside each target (frames of another process, workers).
 */
export async function watchChromiumNetwork(profileDir: string): Promise<NetworkWatch> {
  const [port, path] = readFileSync(join(profileDir, 'DevToolsActivePort'), 'utf8').trim().split('\n');
  const browser = await puppeteer.connect({
    browserWSEndpoint: `ws://127.0.0.1:${port}${path}`,
    defaultViewport: null,
    // Puppeteer attaches only to the browser itself: the targets are ours to attach and hold.
    targetFilter: (target) => target.type() === 'browser',
  });
  const seen: ObservedRequest[] = [];
  const targets: string[] = [];
  const root = await browser.target().createCDPSession();
  const connection = root.connection()!;

  const watch = async (session: CDPSession, target: CdpTargetInfo | undefined): Promise<void> => {
    if (target) targets.push(`${target.type} ${target.url}`);
    session.on('Network.requestWillBeSent', (event: CdpRequestWillBeSent) => {
      const from = [target?.url, event.documentURL, event.initiator?.url, ...(event.initiator?.stack?.callFrames ?? []).map((f) => f.url)]
        .filter((u): u is string => !!u);
      seen.push({ url: event.request.url, from: from.join(' '), fromExtension: from.some((u) => EXTENSION_ORIGIN.test(u)) });
    });
    session.on('Target.attachedToTarget', (event: { sessionId: string; targetInfo: CdpTargetInfo }) => {
      const child = connection.session(event.sessionId);
      if (child) void watch(child, event.targetInfo).catch(() => undefined);
    });
    // Each target may refuse a domain (the browser target has no Network): what it accepts is enough.
    if (target) await session.send('Network.enable').catch(() => undefined);
    await session.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true }).catch(() => undefined);
    if (target) await session.send('Runtime.runIfWaitingForDebugger').catch(() => undefined);
  };
  await watch(root, undefined);

  return {
    requests: () => [...seen],
    targets: () => [...targets],
    async close() {
      await browser.disconnect();
    },
  };
}

interface BidiBeforeRequestSent {
  context: string | null;
  request: { url: string };
  initiator?: { url?: string; stackTrace?: { callFrames?: { url: string }[] } };
}

interface BidiEmitter {
  on(event: string, listener: (params: never) => void): void;
  off(event: string, listener: (params: never) => void): void;
}

/**
 * Firefox: BiDi network events for every browsing context, each context's URL kept from
 * `browsingContext` events.
 */
export function watchFirefoxNetwork(connection: BidiEmitter): NetworkWatch {
  const seen: ObservedRequest[] = [];
  const urls = new Map<string, string>();
  const onContext = (event: { context: string; url: string }) => urls.set(event.context, event.url);
  const onRequest = (event: BidiBeforeRequestSent) => {
    const owner = event.context ? urls.get(event.context) : undefined;
    const from = [owner, event.initiator?.url, ...(event.initiator?.stackTrace?.callFrames ?? []).map((f) => f.url)].filter(
      (u): u is string => !!u,
    );
    seen.push({
      url: event.request.url,
      from: from.join(' ') || '(no browsing context)',
      // A request with no browsing context at all is not a tab's: count it as the extension's.
      fromExtension: !event.context || from.some((u) => EXTENSION_ORIGIN.test(u)),
    });
  };
  const contextEvents = ['browsingContext.contextCreated', 'browsingContext.navigationStarted', 'browsingContext.fragmentNavigated', 'browsingContext.historyUpdated'];
  for (const name of contextEvents) connection.on(name, onContext as (p: never) => void);
  connection.on('network.beforeRequestSent', onRequest as (p: never) => void);
  return {
    requests: () => [...seen],
    targets: () => [],
    async close() {
      for (const name of contextEvents) connection.off(name, onContext as (p: never) => void);
      connection.off('network.beforeRequestSent', onRequest as (p: never) => void);
    },
  };
}

/**
 * Firefox's own services: Remote Settings (firefox.settings.services.mozilla.com, 30 to 50
 * connections a run; seen 2026-12 on Firefox ESR 153 although puppeteer points
 * `services.settings.server` at a dummy; Source: @puppeteer/browsers
 * lib/esm/browser-data/firefox.js). No bundle of ours names a mozilla host (grep .output).
 */
const BROWSER_OWN = /(^|\.)services\.mozilla\.com$/;

/**
 * Firefox: a loopback proxy every http(s) request of the profile is sent to (`network.proxy.*`
 * prefs), which answers none of them. Tabs' requests are answered or aborted by the test's
 * interception before they reach it; the extension's background page and frames are no BiDi
 * browsing context, so this is what would see a request from them.
 */
export async function startRecordingProxy(): Promise<{ prefs: Record<string, string | number | boolean>; seen: ObservedRequest[]; close(): Promise<void> }> {
  const seen: ObservedRequest[] = [];
  const from = 'the browser, outside any intercepted tab (proxy)';
  const record = (url: string) => {
    if (!BROWSER_OWN.test(new URL(url).hostname)) seen.push({ url, from, fromExtension: true });
  };
  const server = createServer((request, response) => {
    record(request.url ?? '');
    response.writeHead(502).end();
  });
  server.on('connect', (request, socket) => {
    record(`https://${request.url ?? ''}/`);
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    prefs: {
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': port,
      'network.proxy.share_proxy_settings': true,
    },
    seen,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
