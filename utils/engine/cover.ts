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
import { applyTypedKey, HELD_KEY_EVENTS, typedKey, type TypingMode } from './typed-ahead';
import { createCoverMount } from './cover-mount';
import type { CoverMount } from './stage-port';

/**
 * How long keys typed just before a typing frame appears still count as typed for it: long enough
 * for a loaded machine's stall between the press and the new step, short enough that keys typed
 * earlier in the pause stay out of the journal.
 */
const EARLY_KEYS_MS = 1000;
/** How long a loaded typing frame may take to ask for the held keys before it gets focus anyway. */
const FRAME_ASK_MS = 700;
/** The pause between keys in which focus may move to the typing frame. */
const QUIET_BEFORE_FOCUS_MS = 150;

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
  /** Ends the key hold (the content script's lifetime). */
  signal?: AbortSignal;
  /** Asks the background to open the "Find support" page. */
  onSupport?(): void;
  /** Asks the background to open the people in options (how to mute or unfollow on each site). */
  onQuieter?(): void;
  /**
   * The cover the first stage built (utils/engine/stage-port.ts): the dialog goes into its root.
   * With it, the first stage's key listeners (registered at document_start) call `onKey`, and
   * this UI adds none of its own. Without it, a cover of its own and listeners of its own.
   */
  mount?: CoverMount;
}

export interface MountedGuardUi extends GuardUi {
  /**
   * What was typed for the open typing frame before it had focus (utils/engine/typed-ahead.ts);
   * the frame gets focus with it.
   */
  takeTypedAhead(mode: TypingMode, received?: number): string;
  /** The strict phrase was typed correctly in the extension frame. */
  confirmPhrase(): void;
  /** Every held key event, first (see `GuardUiOptions.mount`). */
  onKey(event: Event): void;
}

export function createGuardUi({ doc, context, frameUrl, signal, onSupport, onQuieter, mount }: GuardUiOptions): MountedGuardUi {
  const cover = mount ?? createCoverMount(doc);
  let shadow: ShadowRoot | undefined;
  let dialog: HTMLDialogElement | undefined;
  let settle: ((outcome: PromptOutcome) => void) | undefined;
  let current: { prompt: GuardPrompt; context: InterstitialContext } | undefined;
  let phraseConfirmed = false;
  /**
   * Close events still to come from closes we made ourselves (a re-raise, a dismissal). Each is
   * queued as a task, so it arrives after the close that caused it, when a flag set around that
   * close is long cleared: counted instead, so only a close the person made ("Escape") goes back.
   */
  let ownCloses = 0;
  /** Whether the host should be in the page: from a cover or a prompt until we take it away. */
  let shown = false;
  let focusBefore: Element | null = null;
  let topLayerWatch: MutationObserver | undefined;
  /**
   * Keys typed for a typing frame that has no focus yet, until they are handed over (`text`), and
   * what was handed over to it so far (`given`): kept until the frame's next ask shows it arrived.
   */
  let held: { frame: HTMLIFrameElement; text: string; given: string; focused: boolean; loaded: boolean; lastKeyAt: number } | undefined;
  /** Keys typed while no typing frame exists yet, with the time of the last one. */
  let early: { text: string; at: number } | undefined;

  // Registered as the mount is created, at document_start: before any page script, so these run
  // first among the capture listeners on `window`. While our dialog is open no key event goes on
  // to the site (seen 2026-11 before this: the first 1 to 5 characters typed right after "Write it
  // down instead" reached the page's own key listeners in Chromium, the first one in Firefox,
  // while the frame was still loading. Source: tests/e2e/interstitial.e2e.ts).
  const win = doc.defaultView;
  if (!mount) for (const type of HELD_KEY_EVENTS) win?.addEventListener(type, holdKey, { capture: true, signal });

  function holdKey(event: Event): void {
    if (!dialog?.open || !cover.isAttached()) return;
    event.stopImmediatePropagation();
    if (event.type !== 'keydown') return;
    const key = event as KeyboardEvent;
    // Our own keydown listeners are behind the stop above, so the Tab wrap runs from here.
    if (key.key === 'Tab') return trapTab(key);
    const frame = typingFrame();
    if (!frame) return holdEarly(key);
    const typed = typedKey(key, modeOf(frame));
    if (!typed) return;
    // Typed for the box, not for our buttons (a space must not press "I am done writing").
    key.preventDefault();
    if (held?.frame !== frame) startHolding(frame);
    held!.text = applyTypedKey(held!.text, typed);
    held!.lastKeyAt = performance.now();
    // A key can still arrive here just after the frame was given focus (the browser moves key
    // routing to the frame a moment later): it stays held until the frame asks again.
  }

  /**
   * Keys typed in the moment between pressing "Write it down instead" and the frame existing
   * (Firefox 153, seen 2026-12: the first two or three characters typed right after the press
   * arrived before the new step rendered. Source: tests/e2e/interstitial.e2e.ts). Kept only
   * briefly, so keys pressed earlier in the pause never end up in the journal; a Space or Enter
   * still presses the focused button as usual.
   */
  function holdEarly(key: KeyboardEvent): void {
    const typed = typedKey(key, 'journal');
    if (!typed) return;
    // The same clock as `startHolding` reads (an event's timeStamp need not be).
    const now = performance.now();
    if (!early || now - early.at > EARLY_KEYS_MS) early = { text: '', at: now };
    early.text = applyTypedKey(early.text, typed);
    early.at = now;
  }

  function startHolding(frame: HTMLIFrameElement): void {
    const recent = early && performance.now() - early.at <= EARLY_KEYS_MS ? early.text.trimStart() : '';
    early = undefined;
    // Text still held for a frame that was replaced (a new step, a re-render) is carried over.
    const carried = (held?.text ?? '') + recent;
    held = { frame, text: modeOf(frame) === 'phrase' ? carried.replace(/\n/g, '') : carried, given: '', focused: false, loaded: false, lastKeyAt: carried ? performance.now() : 0 };
  }

  /**
   * The typing frame is in the dialog: the keys typed since the press become its keys at once, so
   * a stall before the next key (a loaded machine, Firefox 153 in a full test run, 2026-12: the
   * first two characters lost. Source: tests/e2e/interstitial.e2e.ts) cannot age them out.
   */
  function onTypingFrameShown(frame: HTMLIFrameElement): void {
    if (held?.frame !== frame) startHolding(frame);
  }

  function typingFrame(): HTMLIFrameElement | undefined {
    return dialog?.querySelector<HTMLIFrameElement>('iframe[data-part$="-frame"]') ?? undefined;
  }

  const modeOf = (frame: HTMLIFrameElement): TypingMode => (frame.dataset.part === 'journal-frame' ? 'journal' : 'phrase');

  /**
   * The frame has loaded. It asks for the held keys itself (`takeTypedAhead`) as it starts and
   * until it has focus; should it never ask, it still gets focus, a moment later. Firefox 153 also
   * fires a load event for the frame's first, empty document (seen 2026-12. Source:
   * tests/e2e/interstitial.e2e.ts): focus given then would send the next keys nowhere.
   */
  function onTypingFrameLoad(frame: HTMLIFrameElement): void {
    if (held?.frame !== frame) startHolding(frame);
    held!.loaded = true;
    // Focus given to a frame that has not loaded yet can be lost (Chromium, seen 2026-12: the
    // phrase frame asked before its load event, got focus, and kept none. Source:
    // tests/e2e/interstitial.e2e.ts), so it waits for this load.
    if (!held!.focused && isQuiet()) {
      held!.focused = true;
      frame.focus();
    }
    const tryFocus = (triesLeft: number) =>
      win?.setTimeout(() => {
        if (frame !== typingFrame() || (held?.frame === frame && held.focused)) return;
        if (held?.frame !== frame) startHolding(frame);
        if (!isQuiet() && triesLeft > 0) return void tryFocus(triesLeft - 1);
        held!.focused = true;
        frame.focus();
      }, FRAME_ASK_MS);
    tryFocus(5);
  }

  /**
   * Focus moves to the frame only in a pause between keys: a key typed while the browser moves
   * key routing over can arrive on either side, and the two sides could swap its place (seen
   * 2026-12 in Chromium under load: "Wirting"). Until then every key is held here and the frame,
   * asking every few moments, shows it.
   */
  const isQuiet = () => !held || performance.now() - held.lastKeyAt >= QUIET_BEFORE_FOCUS_MS;

  /**
   * The typing frame's page asks for what was typed for it, saying how much it has received
   * (`received`: all that was given, when not said); it gets what it has not received yet, and
   * focus once typing pauses.
   */
  function takeTypedAhead(mode: TypingMode, received?: number): string {
    const frame = typingFrame();
    if (!frame || modeOf(frame) !== mode) return '';
    if (held?.frame !== frame) startHolding(frame);
    const forFrame = held!;
    const from = Math.min(received ?? forFrame.given.length, forFrame.given.length);
    forFrame.given += forFrame.text;
    forFrame.text = '';
    if (!forFrame.focused && forFrame.loaded && isQuiet()) {
      forFrame.focused = true;
      frame.focus();
    }
    return forFrame.given.slice(from);
  }

  function ensureHost(): void {
    shadow = cover.attach();
    if (!dialog) {
      const style = doc.createElement('style');
      // Assigned from the content script (not parsed from page markup), so a strict page CSP
      // does not block it in Firefox (bug 1706787).
      style.textContent = css;
      dialog = doc.createElement('dialog');
      dialog.setAttribute('aria-labelledby', 'ncg-title');
      dialog.setAttribute('aria-describedby', 'ncg-body');
      dialog.addEventListener('close', () => {
        if (ownCloses > 0) {
          ownCloses--;
          return;
        }
        if (!dialog?.open) finish({ choice: 'back' });
      });
      shadow.append(style, dialog);
    }
    shown = true;
  }

  function removeHost(): void {
    shown = false;
    cover.detach();
  }

  function closeQuietly(): void {
    if (!dialog?.open) return;
    ownCloses++;
    dialog.close();
  }

  /** True when the dialog is modal (in the top layer, the page behind inert). */
  function isModal(): boolean {
    try {
      return dialog!.matches(':modal');
    } catch {
      // An engine without `:modal` (the unit tests' DOM): nothing to compare with.
      return true;
    }
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
    const host = cover.element();
    if (!dialog?.open || !host) return true;
    const box = dialog.getBoundingClientRect();
    const hit = doc.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return hit === null || hit === host;
  }

  /**
   * Keeps what we show shown: the host in the page, and an open prompt a modal dialog on top of the
   * top layer, with focus where it was inside it (the autofocused "Go back" when it was nowhere).
   * A page that moves our host (re-inserting <html>'s children) takes the dialog out of the top
   * layer: it stays open, but no longer modal, without focus, the page behind usable again; one
   * that removes the host takes the cover away (seen 2026-12 in Firefox 153 and Chromium 156 on
   * a story viewer moving on by itself. Source: tests/e2e/paths.e2e.ts). A site modal or popover
   * opened later sits above ours.
   */
  function raise(): void {
    if (!shown) return;
    if (!cover.isAttached()) cover.attach();
    if (!settle || !dialog) return;
    if (dialog.open && isModal() && isOnTop()) return;
    const focused = shadow?.activeElement;
    closeQuietly();
    dialog.showModal();
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
        onTypingFrameLoad,
        onTypingFrameShown,
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
    held = undefined;
    early = undefined;
    unwatchTopLayer();
    closeQuietly();
    if (dialog) render(null, dialog);
    // A page stays covered after "go back" until the navigation away happens.
    if (subject !== 'page' || outcome.choice !== 'back') removeHost();
    if (focusBefore instanceof HTMLElement && focusBefore.isConnected) focusBefore.focus({ preventScroll: true });
    focusBefore = null;
    done?.(outcome);
  }

  return {
    cover: ensureHost,
    uncover() {
      if (!settle) removeHost();
    },
    prompt(prompt) {
      if (settle) finish({ choice: 'dismissed' });
      focusBefore = doc.activeElement;
      phraseConfirmed = false;
      ensureHost();
      current = { prompt, context: context() };
      draw();
      if (!dialog!.open || !isModal()) {
        closeQuietly();
        dialog!.showModal();
      }
      watchTopLayer();
      return new Promise<PromptOutcome>((resolve) => {
        settle = resolve;
      });
    },
    dismiss() {
      if (settle) finish({ choice: 'dismissed' });
    },
    isPrompting: () => settle !== undefined,
    // Only the topmost modal dialog is interactive: if the site opened one, come back on top;
    // if it moved or removed our host, put it back.
    raiseIfCovered: raise,
    takeTypedAhead,
    confirmPhrase() {
      phraseConfirmed = true;
      draw();
    },
    onKey: holdKey,
  };
}
