/**
 * One browser-agnostic surface, so each end-to-end test is written once and runs in the browser
 * named by E2E_BROWSER (chromium: playwright-core; firefox: puppeteer-core over WebDriver BiDi).
 */
import type { Message, Reply } from '../../../utils/data/messages';
import type { FixtureServer } from './fixture-server';
import type { NetworkWatch } from './network-watch';

/** The part of the extension API the tests use (typed here: tests do not load @types/chrome). */
/** A registered content script as the browser reports it (the fields the tests read). */
export interface RegisteredScript {
  id: string;
  matches?: string[];
  excludeMatches?: string[];
  js?: string[];
  runAt?: string;
}

export interface ExtensionApi {
  runtime: {
    id: string;
    sendMessage(message: unknown): Promise<unknown>;
    /** Firefox's event page (the harness reloads it to restart the background); Chromium's worker has none. */
    getBackgroundPage?(): Promise<Window>;
  };
  storage: {
    local: {
      get(keys: null): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
      remove(keys: string | string[]): Promise<void>;
      getBytesInUse?(keys: null): Promise<number>;
      QUOTA_BYTES?: number;
    };
  };
  permissions: { contains(p: { origins: string[] }): Promise<boolean> };
  scripting: {
    getRegisteredContentScripts(): Promise<RegisteredScript[]>;
    unregisterContentScripts(filter: { ids: string[] }): Promise<void>;
    registerContentScripts(scripts: RegisteredScript[]): Promise<void>;
  };
}

export type BrowserName = 'chromium' | 'firefox';

export interface LaunchOptions {
  /** Record every request the browser starts, from every context (`E2eSession.network`). */
  watchNetwork?: boolean;
  /**
   * Firefox only: the quota manager's whole limit, in kB (`dom.quotaManager.temporaryStorage.fixedLimit`),
   * so an origin's share of it (a fifth, at least 10 MB) can be reached from a test.
   */
  storageLimitKb?: number;
}

export interface E2ePage {
  /** Navigates and waits for the load event. */
  goto(url: string): Promise<void>;
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Evaluates script source through the driver (not subject to the page's CSP: axe on extension pages). */
  evaluateSource<R = unknown>(source: string): Promise<R>;
  waitFor<A = undefined>(fn: (arg: A) => unknown, arg?: A, timeoutMs?: number): Promise<void>;
  /**
   * Runs `fn` with the CLOSED shadow root of our host (the direct child of <html> that is not
   * head/body). Throws when there is no host. Arguments and results must be JSON values.
   */
  inRoot<R, A = undefined>(fn: (root: ShadowRoot, arg: A) => R, arg?: A): Promise<R>;
  /**
   * Evaluates `source` in the extension's content-script world of the top frame (Chromium, DevTools
   * protocol). Absent in Firefox: BiDi does not reach a content script's sandbox.
   */
  inContentScript?<R>(source: string): Promise<R>;
  /** A real mouse click at the centre of the element (page-world selector). */
  click(selector: string): Promise<void>;
  /** A real double click (double-tap on media) at the centre of the element (page-world selector). */
  doubleClick(selector: string): Promise<void>;
  /** A real mouse click at the centre of an element inside our closed root. */
  clickInRoot(selector: string): Promise<void>;
  /** A real key press on whatever has focus. */
  press(key: string): Promise<void>;
  /**
   * Every console message of this tab so far (page and content scripts, as the browser's
   * devtools would show them), as "type: text", in order. For "nothing names them" checks.
   */
  consoleMessages(): string[];
  close(): Promise<void>;
}

export interface E2eSession {
  name: BrowserName;
  server: FixtureServer;
  /** Every request since launch, when launched with `watchNetwork`. */
  network?: NetworkWatch;
  /** A new tab whose http(s) requests go to the fixture server. */
  newPage(): Promise<E2ePage>;
  /**
   * Runs `fn` in the extension page (the popup page, opened once), where the extension API is
   * the global `browser` (Firefox) or `chrome` (Chromium): `fn` receives whichever exists.
   */
  inExtension<R, A = undefined>(fn: (api: ExtensionApi, arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Sends a message to the background from an extension page (the popup page, opened once). */
  send(message: Message): Promise<Reply>;
  /** `browser.storage.local` of the extension, read from the extension page. */
  storage(): Promise<Record<string, unknown>>;
  /** Whether the extension holds host permission for `origin` (e.g. 'https://x.com/*'). */
  hasHostPermission(origin: string): Promise<boolean>;
  /** An extension page (popup.html, options.html…) in a new tab, for page objects and axe. */
  openExtensionPage(path: string): Promise<E2ePage>;
  /**
   * Stops the background mid-work, as the browser does to an idle one: Chromium stops the service
   * worker (DevTools protocol); Firefox reloads the event page's document (WebDriver BiDi has no
   * command to stop it). Either way every handler in flight dies with its channel, and the next
   * message or event starts the background scripts afresh.
   */
  stopBackground(): Promise<void>;
  close(): Promise<void>;
}
