/**
 * The thin mount of the interstitial: one host element on <html> with a CLOSED shadow root
 * (the page can see the host, never what is inside), a native <dialog> opened with showModal()
 * (top layer, the page behind becomes inert, Escape closes), focus moved in and given back.
 * Built synchronously with inlined CSS, so a cover can exist before the first frame.
 */
import { h, render } from 'preact';
import { Interstitial } from '../../components/interstitial/Interstitial';
import type { Friction } from '../data/schema';
import type { GuardPrompt, GuardUi, PromptOutcome } from './engine';
import css from '../../components/interstitial/interstitial.css?inline';

/** What the dialog shows besides the prompt: read from the stored core when it opens. */
const FOCUSABLE = 'button:not([disabled]), iframe, a[href], input:not([disabled]), textarea, select, [tabindex]:not([tabindex="-1"])';

export interface InterstitialContext {
  days: number;
  goalDays: number;
  reason?: string;
  insteadIdea?: string;
  /** One of the person's if-then plans (its words only). */
  plan?: { when: string; then: string };
  /** The friend to reach instead, as the link to open (the message shown when the link cannot carry it). */
  friend?: { href: string; call: boolean; message?: string };
  friction: Friction;
  pauseSeconds: number;
  /** One of the hours the person marked as hard: the pause is one level firmer, and says why. */
  hardHour?: boolean;
}

export interface GuardUiOptions {
  doc: Document;
  context(): InterstitialContext;
  frameUrl(mode: 'journal' | 'phrase'): string;
  /** Asks the background to open the "Find support" page. */
  onSupport?(): void;
  /** Asks the background to open the people in options (how to mute or unfollow on each site). */
  onQuieter?(): void;
}

export interface MountedGuardUi extends GuardUi {
  /** The strict phrase was typed correctly in the extension frame. */
  confirmPhrase(): void;
}

export function createGuardUi({ doc, context, frameUrl, onSupport, onQuieter }: GuardUiOptions): MountedGuardUi {
  let host: HTMLElement | undefined;
  let shadow: ShadowRoot | undefined;
  let dialog: HTMLDialogElement | undefined;
  let settle: ((outcome: PromptOutcome) => void) | undefined;
  let current: { prompt: GuardPrompt; context: InterstitialContext } | undefined;
  let phraseConfirmed = false;
  let suppressClose = false;
  let focusBefore: Element | null = null;
  let topLayerWatch: MutationObserver | undefined;

  function ensureHost(): void {
    if (host?.isConnected) return;
    if (!host) {
      // A plain element with no attributes: nothing in the page names the extension or the person.
      host = doc.createElement('div');
      shadow = host.attachShadow({ mode: 'closed' });
      const style = doc.createElement('style');
      // Assigned from the content script (not parsed from page markup), so a strict page CSP
      // does not block it in Firefox (bug 1706787).
      style.textContent = css;
      dialog = doc.createElement('dialog');
      dialog.setAttribute('aria-labelledby', 'ncg-title');
      dialog.setAttribute('aria-describedby', 'ncg-body');
      dialog.addEventListener('close', () => {
        // The close event is queued as a task: after a re-raise (close, showModal) it arrives
        // while the dialog is open again, and means nothing.
        if (!suppressClose && !dialog?.open) finish({ choice: 'back' });
      });
      dialog.addEventListener('keydown', trapTab);
      shadow.append(style, dialog);
    }
    // <html> exists at document_start; <body> may not yet.
    doc.documentElement.append(host);
  }

  /**
   * A modal dialog keeps focus out of the page, but Chromium lets Tab leave the last control for
   * the browser's own toolbar; wrapping at both ends keeps a keyboard user inside the dialog.
   */
  function trapTab(event: KeyboardEvent): void {
    if (event.key !== 'Tab' || !dialog || !shadow) return;
    const focusable = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.getClientRects().length > 0);
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    const active = shadow.activeElement;
    if (event.shiftKey && (active === first || !dialog.contains(active))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (active === last || !dialog.contains(active))) {
      event.preventDefault();
      first.focus();
    }
  }

  /**
   * Whether our dialog is what the person sees at its centre. A site that opens its own modal
   * (showModal puts it above ours in the top layer) or a popover covers it.
   */
  function isOnTop(): boolean {
    if (!dialog?.open || !host) return true;
    const box = dialog.getBoundingClientRect();
    const hit = doc.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return hit === null || hit === host;
  }

  /** Puts our dialog back on top of the top layer, keeping where focus was inside it. */
  function raise(): void {
    if (!dialog?.open || isOnTop()) return;
    const focused = shadow?.activeElement;
    suppressClose = true;
    dialog.close();
    dialog.showModal();
    suppressClose = false;
    if (focused instanceof HTMLElement && dialog.contains(focused)) focused.focus({ preventScroll: true });
  }

  function watchTopLayer(): void {
    topLayerWatch?.disconnect();
    // The engine's observer sees added nodes; a site dialog already in the page changes only its
    // `open` attribute, and a popover only its state (a toggle event), so watch those while we
    // prompt. A z-index cannot lift a page element above the top layer, so styles need no watch.
    topLayerWatch = new (doc.defaultView ?? window).MutationObserver(() => raise());
    topLayerWatch.observe(doc, { subtree: true, attributes: true, attributeFilter: ['open'] });
    doc.addEventListener('toggle', raise, { capture: true });
  }

  function unwatchTopLayer(): void {
    topLayerWatch?.disconnect();
    topLayerWatch = undefined;
    doc.removeEventListener('toggle', raise, { capture: true });
  }

  function draw(): void {
    if (!dialog || !current) return;
    render(
      h(Interstitial, {
        prompt: current.prompt,
        ...current.context,
        frameUrl,
        phraseConfirmed,
        onBack: () => finish({ choice: 'back' }),
        onPlan: () => finish({ choice: 'back', way: 'plan' }),
        onFriend: () => finish({ choice: 'back', way: 'friend' }),
        onWave: () => finish({ choice: 'back', way: 'wave' }),
        ...(onSupport && { onSupport }),
        ...(onQuieter && { onQuieter }),
        onDone: (countAsContact: boolean) => finish({ choice: 'continue', countAsContact }),
      }),
      dialog,
    );
  }

  function finish(outcome: PromptOutcome): void {
    const done = settle;
    const subject = current?.prompt.subject;
    settle = undefined;
    current = undefined;
    unwatchTopLayer();
    if (dialog?.open) {
      suppressClose = true;
      dialog.close();
      suppressClose = false;
    }
    if (dialog) render(null, dialog);
    // A page stays covered after "go back" until the navigation away happens.
    if (subject !== 'page' || outcome.choice !== 'back') host?.remove();
    if (focusBefore instanceof HTMLElement && focusBefore.isConnected) focusBefore.focus({ preventScroll: true });
    focusBefore = null;
    done?.(outcome);
  }

  return {
    cover: ensureHost,
    uncover() {
      if (!settle) host?.remove();
    },
    prompt(prompt) {
      if (settle) finish({ choice: 'dismissed' });
      focusBefore = doc.activeElement;
      phraseConfirmed = false;
      ensureHost();
      current = { prompt, context: context() };
      draw();
      if (!dialog!.open) dialog!.showModal();
      watchTopLayer();
      return new Promise<PromptOutcome>((resolve) => {
        settle = resolve;
      });
    },
    dismiss() {
      if (settle) finish({ choice: 'dismissed' });
    },
    isPrompting: () => settle !== undefined,
    // Only the topmost modal dialog is interactive: if the site opened one, come back on top.
    raiseIfCovered: raise,
    confirmPhrase() {
      phraseConfirmed = true;
      draw();
    },
  };
}
