/**
 * The first stage's side of the interstitial (issue "Fast where it matters", items 1 and 2): the
 * bare cover, built synchronously with a few lines of CSS, and a stand-in for the dialog until the
 * UI stage (utils/engine/ui-stage.ts) has attached. A prompt asked for before then covers the page
 * in the same task as the press, stops the keys the site would get, asks the background for the UI
 * file, and is handed over to the dialog as soon as it attaches.
 */
import type { GuardPrompt, GuardUi, PromptOutcome } from './engine';
import type { AttachedUi, PageViews, StagePort } from './stage-port';
import { HELD_KEY_EVENTS } from './held-keys';
import { createCoverMount, DIALOG_FONT } from './cover-mount';
import type { SiteId } from '../sites/site-adapter';

export interface StagedUiOptions {
  doc: Document;
  site: SiteId;
  /** Asks the background to inject the UI stage now (it is also registered at document_idle). */
  requestUi(): void;
  /** The stored core as last read (the port hands it to the UI stage). */
  storedCore(): unknown;
  /**
   * Browser work the dialog's first render would otherwise pay for in its own task, done while a
   * prompt waits for the UI stage's code: reads the extension's message bundle, and returns a few
   * of the dialog's words for the font lookups.
   */
  warmUp?(): string;
  signal: AbortSignal;
  /** Lent to the UI stage through the port (its self-check). */
  pageViews?: PageViews;
}

export interface StagedUi extends GuardUi {
  port: StagePort;
  /** Asks for the UI stage now, before any prompt (once; a prompt then asks no more). */
  preload(): void;
  /**
   * Asks for the UI stage at the page's first idle moment, so a press during the load finds the
   * dialog's code there; nothing when it has come by then or the load is complete (the UI stage's
   * `document_idle` registration has run, or is about to).
   */
  preloadWhenIdle(): void;
  /** The UI stage's report function, once attached (reports only follow a prompt's outcome). */
  attached(): AttachedUi | undefined;
}

/**
 * The time zone and date formatting the dialog's day count uses (utils/days/day-count.ts, through
 * Intl): the first use in a tab's process loads the runtime's locale and zone data, measured at
 * 15 ms of the dialog's first render in Chromium (bench/cold-press-profile.measure.ts), which a
 * waiting prompt can pay for while the UI stage's code is on its way instead.
 */
function warmIntl(): void {
  new Intl.DateTimeFormat('en-US', { timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone, hour: 'numeric' }).format(0);
}

/**
 * The dialog's first layout (in showModal) looks up its font families, each with a synchronous
 * call to the browser the first time in a tab's process: 34 ms of a cold first render in Chromium
 * under load (FontDataService::MatchFamilyName; bench/cold-press-profile.measure.ts). Laying out
 * the dialog's words in its font, hidden inside the cover's closed root, does those lookups while
 * the UI stage's code is on its way.
 */
function warmFonts(root: ShadowRoot, text: string): void {
  const doc = root.ownerDocument;
  for (const weight of ['400', '600']) {
    const words = doc.createElement('span');
    words.style.cssText = `position:absolute;visibility:hidden;font:${DIALOG_FONT};font-weight:${weight}`;
    words.textContent = text;
    root.append(words);
    void words.offsetWidth;
    words.remove();
  }
}

export function createStagedUi({ doc, site, requestUi, storedCore, warmUp, signal, pageViews }: StagedUiOptions): StagedUi {
  const mount = createCoverMount(doc);
  let ui: AttachedUi | undefined;
  let waiting: { prompt: GuardPrompt; resolve(outcome: PromptOutcome): void } | undefined;
  let requested = false;

  // Registered first among the capture listeners on `window`, at document_start, before any page
  // script: the dialog's key hold (utils/engine/cover.ts) runs from here once attached, and while
  // a prompt waits for the dialog no key reaches the site.
  const win = doc.defaultView!;
  const onKey = (event: Event) => {
    if (ui) ui.onKey(event);
    else if (waiting && mount.isAttached()) event.stopImmediatePropagation();
  };
  for (const type of HELD_KEY_EVENTS) win.addEventListener(type, onKey, { capture: true, signal });

  const port: StagePort = {
    site,
    ...(pageViews && { pageViews }),
    mount,
    storedCore,
    attach(create) {
      if (ui) return;
      ui = create(port);
      const pending = waiting;
      waiting = undefined;
      if (pending) void ui.prompt(pending.prompt).then(pending.resolve);
      else if (!mount.isAttached()) ui.uncover();
    },
    attached: () => ui !== undefined,
  };

  function preload(): void {
    if (requested || ui) return;
    requested = true;
    requestUi();
  }

  let warmed = false;
  /** After the task that asked for the UI stage: its answer takes a few process hops anyway. */
  function warmWhileWaiting(): void {
    if (warmed) return;
    warmed = true;
    win.setTimeout(() => {
      if (ui || signal.aborted) return;
      warmIntl();
      const words = warmUp?.();
      if (words && mount.isAttached()) warmFonts(mount.attach(), words);
    });
  }

  function preloadWhenIdle(): void {
    if (requested || ui) return;
    // Chromium and Firefox (ESR 140 too) have requestIdleCallback; the timeout bounds a busy load.
    win.requestIdleCallback(() => !signal.aborted && doc.readyState !== 'complete' && preload(), { timeout: 1000 });
  }

  return {
    port,
    preload,
    preloadWhenIdle,
    attached: () => ui,
    cover() {
      if (ui) ui.cover();
      else mount.attach();
    },
    uncover() {
      if (ui) ui.uncover();
      else if (!waiting) mount.detach();
    },
    prompt(prompt) {
      if (ui) return ui.prompt(prompt);
      // The cover now, in the press's own task; the dialog as soon as its code is here.
      mount.attach();
      waiting?.resolve({ choice: 'dismissed' });
      preload();
      warmWhileWaiting();
      return new Promise<PromptOutcome>((resolve) => {
        waiting = { prompt, resolve };
      });
    },
    dismiss() {
      if (ui) return ui.dismiss();
      const pending = waiting;
      waiting = undefined;
      pending?.resolve({ choice: 'dismissed' });
    },
    isPrompting: () => (ui ? ui.isPrompting() : waiting !== undefined),
    raiseIfCovered: () => ui?.raiseIfCovered(),
  };
}
