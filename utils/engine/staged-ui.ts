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
import { createCoverMount } from './cover-mount';
import type { SiteId } from '../sites/site-adapter';

export interface StagedUiOptions {
  doc: Document;
  site: SiteId;
  /** Asks the background to inject the UI stage now (it is also registered at document_idle). */
  requestUi(): void;
  /** The stored core as last read (the port hands it to the UI stage). */
  storedCore(): unknown;
  signal: AbortSignal;
  /** Lent to the UI stage through the port (its self-check). */
  pageViews?: PageViews;
}

export interface StagedUi extends GuardUi {
  port: StagePort;
  /** Asks for the UI stage now, before any prompt (once; a prompt then asks no more). */
  preload(): void;
  /** The UI stage's report function, once attached (reports only follow a prompt's outcome). */
  attached(): AttachedUi | undefined;
}

export function createStagedUi({ doc, site, requestUi, storedCore, signal, pageViews }: StagedUiOptions): StagedUi {
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

  return {
    port,
    preload,
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
