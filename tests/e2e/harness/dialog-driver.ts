/**
 * What the dialog suites need from the driver beyond the shared E2ePage surface: media emulation
 * (reduced motion, dark mode, forced colours), typing real keys into whatever has focus (our
 * typing frames included), and the accessibility tree. Additive: it reads the driver's own page
 * object (`page` on ChromiumPage / FirefoxPage) and changes nothing in the shared harness.
 */
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import type { BrowserName, E2ePage } from './types';

export interface MediaFeatures {
  reducedMotion?: 'reduce' | 'no-preference';
  colorScheme?: 'dark' | 'light';
  forcedColors?: 'active' | 'none';
}

/** The puppeteer BiDi internals used to reach Firefox's chrome scope (pinned puppeteer-core 24.43.1). */
interface BidiSession {
  send(method: string, params: object): Promise<{ result: unknown }>;
}
interface BidiFrame {
  browsingContext: { userContext: { browser: { session: BidiSession } } };
}

function driverPage(page: E2ePage): PlaywrightPage | PuppeteerPage {
  return (page as unknown as { page: PlaywrightPage | PuppeteerPage }).page;
}

function bidiSession(page: E2ePage): BidiSession {
  return ((driverPage(page) as PuppeteerPage).mainFrame() as unknown as BidiFrame).browsingContext.userContext.browser.session;
}

/** Evaluates `expression` in Firefox's browser (chrome) scope, which --remote-allow-system-access opens to BiDi. */
async function evaluateInFirefoxChrome(page: E2ePage, expression: string): Promise<void> {
  const session = bidiSession(page);
  const { result } = await session.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const context = (result as { contexts: { context: string }[] }).contexts[0]?.context;
  if (!context) throw new Error('no Firefox chrome context (is --remote-allow-system-access set?)');
  const { result: evaluated } = await session.send('script.evaluate', { expression, target: { context }, awaitPromise: false });
  const outcome = evaluated as { type: string; exceptionDetails?: { text: string } };
  if (outcome.type === 'exception') throw new Error(`Firefox chrome scope: ${outcome.exceptionDetails?.text ?? 'exception'}`);
}

/**
 * Chromium: Playwright's emulateMedia (per page). Firefox: the prefs the OS settings feed
 * (ui.prefersReducedMotion, layout.css.prefers-color-scheme.content-override,
 * ui.useAccessibilityTheme) set in the browser's chrome scope, so they apply to every tab of the
 * session: call `resetMedia` after. Source: searchfox modules/libpref/init/StaticPrefList.yaml.
 */
export async function emulateMedia(browser: BrowserName, page: E2ePage, media: MediaFeatures): Promise<void> {
  if (browser === 'chromium') {
    await (driverPage(page) as PlaywrightPage).emulateMedia({
      ...(media.reducedMotion ? { reducedMotion: media.reducedMotion } : {}),
      ...(media.colorScheme ? { colorScheme: media.colorScheme } : {}),
      ...(media.forcedColors ? { forcedColors: media.forcedColors } : {}),
    });
    return;
  }
  const lines: string[] = [];
  if (media.reducedMotion) lines.push(`Services.prefs.setIntPref('ui.prefersReducedMotion', ${media.reducedMotion === 'reduce' ? 1 : 0});`);
  // 0 dark, 1 light, 2 follow the browser theme (the default).
  if (media.colorScheme) {
    const dark = media.colorScheme === 'dark';
    lines.push(`Services.prefs.setIntPref('ui.systemUsesDarkTheme', ${dark ? 1 : 0});`);
    lines.push(`Services.prefs.setIntPref('layout.css.prefers-color-scheme.content-override', ${dark ? 0 : 1});`);
  }
  if (media.forcedColors) {
    const active = media.forcedColors === 'active';
    lines.push(`Services.prefs.setIntPref('ui.useAccessibilityTheme', ${active ? 1 : 0});`);
    // 2: always use the person's colours, which is what turns forced-colors on.
    lines.push(`Services.prefs.setIntPref('browser.display.document_color_use', ${active ? 2 : 0});`);
  }
  await evaluateInFirefoxChrome(page, lines.join('\n'));
}

/** Undoes `emulateMedia` (Firefox prefs are browser-wide). */
export async function resetMedia(browser: BrowserName, page: E2ePage): Promise<void> {
  if (browser === 'chromium') {
    await (driverPage(page) as PlaywrightPage).emulateMedia({ reducedMotion: null, colorScheme: null, forcedColors: null });
    return;
  }
  await evaluateInFirefoxChrome(
    page,
    [
      'ui.prefersReducedMotion',
      'ui.systemUsesDarkTheme',
      'layout.css.prefers-color-scheme.content-override',
      'ui.useAccessibilityTheme',
      'browser.display.document_color_use',
    ]
      .map((name) => `Services.prefs.clearUserPref('${name}');`)
      .join('\n'),
  );
}

/** Types `text` as real key presses into whatever has focus (a frame inside our dialog included). */
export async function typeKeys(browser: BrowserName, page: E2ePage, text: string, delayMs = 0): Promise<void> {
  if (browser === 'chromium') await (driverPage(page) as PlaywrightPage).keyboard.type(text, { delay: delayMs });
  else await (driverPage(page) as PuppeteerPage).keyboard.type(text, { delay: delayMs });
}

/** Shift+Tab (the shared `press` takes one key). */
export async function pressShiftTab(browser: BrowserName, page: E2ePage): Promise<void> {
  if (browser === 'chromium') await (driverPage(page) as PlaywrightPage).keyboard.press('Shift+Tab');
  else {
    const keyboard = (driverPage(page) as PuppeteerPage).keyboard;
    await keyboard.down('Shift');
    await keyboard.press('Tab');
    await keyboard.up('Shift');
  }
}

export interface AxDialogNode {
  role: string;
  name: string;
  modal: boolean;
}

/**
 * Chromium only: the dialogs in the page's accessibility tree (CDP Accessibility.getFullAXTree),
 * which sees into closed shadow roots the way a screen reader does.
 */
export async function axDialogs(page: E2ePage): Promise<AxDialogNode[]> {
  const pw = driverPage(page) as PlaywrightPage;
  const cdp = await pw.context().newCDPSession(pw);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: { ignored?: boolean; role?: { value?: string }; name?: { value?: string }; properties?: { name: string; value: { value?: unknown } }[] }[];
    };
    return nodes
      .filter((node) => !node.ignored && (node.role?.value === 'dialog' || node.role?.value === 'alertdialog'))
      .map((node) => ({
        role: node.role?.value ?? '',
        name: node.name?.value ?? '',
        modal: node.properties?.some((p) => p.name === 'modal' && p.value.value === true) ?? false,
      }));
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/**
 * Runs `fn` with the CLOSED shadow root of the element that `expression` (page-world JavaScript)
 * evaluates to: for roots we add inside the page (feed placeholders), where `inRoot` looks only
 * at <html>'s children. Arguments and results must be JSON values.
 */
export async function inClosedRootOf<R, A = undefined>(
  browser: BrowserName,
  page: E2ePage,
  expression: string,
  fn: (root: ShadowRoot, arg: A) => R,
  arg?: A,
): Promise<R> {
  if (browser === 'chromium') {
    const pw = driverPage(page) as PlaywrightPage;
    const cdp = await pw.context().newCDPSession(pw);
    try {
      const { result } = (await cdp.send('Runtime.evaluate', { expression })) as { result: { objectId?: string } };
      if (!result.objectId) throw new Error(`no element for ${expression}`);
      const { node } = (await cdp.send('DOM.describeNode', { objectId: result.objectId, depth: 1, pierce: true })) as {
        node: { shadowRoots?: { backendNodeId: number; shadowRootType?: string }[] };
      };
      const shadow = node.shadowRoots?.find((sr) => sr.shadowRootType === 'closed');
      if (!shadow) throw new Error(`no closed shadow root on ${expression}`);
      const { object } = (await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId })) as { object: { objectId: string } };
      const called = (await cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId,
        functionDeclaration: `function (arg) { return (${fn.toString()})(this, arg); }`,
        arguments: [{ value: arg }],
        returnByValue: true,
      })) as { result: { value: R }; exceptionDetails?: { text: string } };
      if (called.exceptionDetails) throw new Error(`inClosedRootOf: ${called.exceptionDetails.text}`);
      return called.result.value;
    } finally {
      await cdp.detach().catch(() => undefined);
    }
  }
  const pp = driverPage(page) as PuppeteerPage;
  // The same BiDi route as the shared Firefox inRoot: a node's remote value names its shadow root, closed or not.
  const handle = (await pp.evaluateHandle(expression)) as unknown as {
    remoteValue(): { type: string; value?: { shadowRoot?: unknown } };
    realm: unknown;
    constructor: { from(value: unknown, realm: unknown): unknown };
    dispose(): Promise<void>;
  };
  try {
    const remote = handle.remoteValue();
    const shadowRoot = remote.type === 'node' ? remote.value?.shadowRoot : undefined;
    if (!shadowRoot) throw new Error(`no closed shadow root on ${expression}`);
    const root = handle.constructor.from(shadowRoot, handle.realm);
    return (await pp.evaluate(fn as unknown as (root: unknown, arg: unknown) => R, root, arg)) as R;
  } finally {
    await handle.dispose().catch(() => undefined);
  }
}

/** A real mouse click at viewport coordinates. */
export async function clickAt(browser: BrowserName, page: E2ePage, x: number, y: number): Promise<void> {
  if (browser === 'chromium') await (driverPage(page) as PlaywrightPage).mouse.click(x, y);
  else await (driverPage(page) as PuppeteerPage).mouse.click(x, y);
}

/**
 * Waits until the text box inside our typing frame (pause.html?mode=…) has focus, read through
 * the driver's frame tree: the page itself cannot look into the extension frame. Chromium only
 * (see below); in Firefox it returns at once.
 */
export async function waitForFrameBoxFocus(browser: BrowserName, page: E2ePage, mode: 'journal' | 'phrase', timeoutMs = 10_000): Promise<void> {
  const isOurs = (url: string) => /^(chrome|moz)-extension:\/\/[^/]+\/pause\.html\?mode=/.test(url) && url.includes(`mode=${mode}`);
  const focused = () => document.hasFocus() && document.activeElement?.id === 'text';
  const until = Date.now() + timeoutMs;
  for (;;) {
    const frames = browser === 'chromium' ? (driverPage(page) as PlaywrightPage).frames() : (driverPage(page) as PuppeteerPage).frames();
    const frame = frames.find((f) => isOurs(f.url()));
    // Firefox 153 over BiDi (puppeteer-core 24.43.1), seen 2026-11: page.frames() does not list a
    // moz-extension frame inside a web page, so there is nothing to ask; the caller's earlier
    // wait (our root's focus is on the frame) is the last signal we get there.
    if (!frame && browser === 'firefox') return;
    if (frame) {
      const done = await (frame as { evaluate(fn: () => boolean): Promise<boolean> }).evaluate(focused).catch(() => false);
      if (done) return;
    }
    if (Date.now() > until) throw new Error(`the ${mode} frame's box never had focus (frame ${frame ? 'found' : 'not found'})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Chromium only: reads the typing frame's own page (its status line and box), which the site's
 * page cannot see into. Undefined until the frame is there.
 */
export async function typingFrameFacts(page: E2ePage, mode: 'journal' | 'phrase'): Promise<{ status: string; ok?: string; box: string; recovery: boolean } | undefined> {
  const frame = (driverPage(page) as PlaywrightPage).frames().find((f) => f.url().includes('/pause.html?mode=' + mode));
  return frame?.evaluate(() => {
    const status = document.querySelector('[data-part="status"]');
    return {
      status: status?.textContent ?? '',
      ok: status?.getAttribute('data-ok') ?? undefined,
      box: (document.getElementById('text') as HTMLTextAreaElement | null)?.value ?? '',
      recovery: document.querySelector('[data-action="recovery"]') !== null,
    };
  });
}

/**
 * Chromium only: how the journal frame's page lays out (issue 14, item 4): whether it scrolls
 * inside itself, what has focus, whether the status line is in view, and how "Save" is drawn.
 */
export async function journalFrameLayout(page: E2ePage): Promise<
  { scrolls: boolean; focused: string; statusInView: boolean; saveIsButton: boolean; prompt: string; stopHere: string } | undefined
> {
  const frame = (driverPage(page) as PlaywrightPage).frames().find((f) => f.url().includes('/pause.html?mode=journal'));
  return frame?.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    const status = document.querySelector<HTMLElement>('[data-part="status"]');
    const box = status?.getBoundingClientRect();
    const save = document.querySelector<HTMLElement>('[data-action="submit"]');
    const look = save ? getComputedStyle(save) : undefined;
    return {
      // A scrollbar, or anything of the form cut off below or to the side.
      scrolls:
        (getComputedStyle(root).overflowY !== 'hidden' && root.scrollHeight > root.clientHeight + 1) ||
        [...document.querySelectorAll('form > *')].some((el) => {
          const r = el.getBoundingClientRect();
          return r.bottom > window.innerHeight + 1 || r.right > window.innerWidth + 1;
        }),
      focused: document.activeElement?.getAttribute('data-part') ?? document.activeElement?.id ?? '',
      statusInView: !!box && box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight,
      saveIsButton: save?.localName === 'button' && look !== undefined && look.backgroundColor !== 'rgba(0, 0, 0, 0)' && parseFloat(look.paddingLeft) >= 8,
      prompt: document.querySelector('[data-part="prompt"]')?.textContent ?? '',
      stopHere: document.querySelector('[data-part="hint"]')?.textContent ?? '',
    };
  });
}

/**
 * Chromium only: evaluates `source` in our content script's isolated world on this page (what the
 * site's renderer process holds), found among the page's execution contexts by the extension's
 * origin (DevTools protocol `Runtime.executionContextCreated`, auxData.type 'isolated').
 */
export async function inContentScriptWorld<R>(page: E2ePage, extensionOrigin: string, source: string): Promise<R> {
  const playwrightPage = driverPage(page) as PlaywrightPage;
  const cdp = await playwrightPage.context().newCDPSession(playwrightPage);
  try {
    const worlds: { id: number; origin: string; auxData?: { type?: string } }[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => worlds.push(context as (typeof worlds)[number]));
    await cdp.send('Runtime.enable');
    const world = worlds.find((context) => context.auxData?.type === 'isolated' && context.origin === extensionOrigin);
    if (!world) throw new Error(`no isolated world of ${extensionOrigin} on this page`);
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression: source, contextId: world.id, awaitPromise: true, returnByValue: true });
    if (exceptionDetails) throw new Error(`inContentScriptWorld: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value as R;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
