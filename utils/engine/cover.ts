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
export interface InterstitialContext {
  days: number;
  goalDays: number;
  reason?: string;
  insteadIdea?: string;
  friction: Friction;
  pauseSeconds: number;
}

export interface GuardUiOptions {
  doc: Document;
  context(): InterstitialContext;
  frameUrl(mode: 'journal' | 'phrase'): string;
}

export interface MountedGuardUi extends GuardUi {
  /** The strict phrase was typed correctly in the extension frame. */
  confirmPhrase(): void;
}

export function createGuardUi({ doc, context, frameUrl }: GuardUiOptions): MountedGuardUi {
  let host: HTMLElement | undefined;
  let shadow: ShadowRoot | undefined;
  let dialog: HTMLDialogElement | undefined;
  let settle: ((outcome: PromptOutcome) => void) | undefined;
  let current: { prompt: GuardPrompt; context: InterstitialContext } | undefined;
  let phraseConfirmed = false;
  let suppressClose = false;
  let focusBefore: Element | null = null;

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
        if (!suppressClose) finish({ choice: 'back' });
      });
      shadow.append(style, dialog);
    }
    // <html> exists at document_start; <body> may not yet.
    doc.documentElement.append(host);
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
      return new Promise<PromptOutcome>((resolve) => {
        settle = resolve;
      });
    },
    dismiss() {
      if (settle) finish({ choice: 'dismissed' });
    },
    isPrompting: () => settle !== undefined,
    raiseIfCovered() {
      // Only the topmost modal dialog is interactive: if the site opened one, come back on top.
      if (!dialog?.open || !doc.querySelector(':modal')) return;
      suppressClose = true;
      dialog.close();
      dialog.showModal();
      suppressClose = false;
    },
    confirmPhrase() {
      phraseConfirmed = true;
      draw();
    },
  };
}
