/**
 * The UI stage of the guard (issue "Fast where it matters", item 1): the dialog, preact, zod and
 * the day count, loaded after the page's first frame, without blocking its parser. The background
 * registers it at `document_idle` on guarded sites and injects it at once (scripting.executeScript
 * with `files`, nothing web-accessible) when the first stage wants a prompt before that. It finds
 * the first stage's port (utils/engine/stage-port.ts), reads and validates the stored core, and
 * attaches the dialog to the first stage's cover. One bundle for every site: it needs no adapter.
 */
import { browser } from 'wxt/browser';
import { parseGuardCore, type GuardCore } from '../data/guard-core';
import { PAUSE_SECONDS } from '../data/friction';
import type { Message } from '../data/messages';
import { sendReliably } from '../data/reliable-send';
import { daysWithoutContact } from '../days/day-count';
import { createGuardUi, type InterstitialContext } from './cover';
import { TypedAheadWantedSchema } from './typed-ahead';
import { friendPrompt } from '../friend/friend-link';
import { hardHoursFriction, isInHardHours } from '../days/hard-hours';
import { stagePort, type AttachedUi, type PageViews, type StagePort } from './stage-port';
import { createSelfCheck } from './self-check';

/** A different reason each time, so the words stay alive; the first reason when there is one. */
function pick<T>(items: readonly T[], seed: number): T | undefined {
  return items.length === 0 ? undefined : items[seed % items.length];
}

/** What the dialog shows besides the prompt, from the stored core (validated) as it opens. */
export function interstitialContext(core: GuardCore | undefined, seed: number, now: Date, timeZone: string): InterstitialContext {
  const hardHour = core ? isInHardHours(core.hardHours, now, timeZone) : false;
  const friction = hardHoursFriction(core?.settings.friction ?? 'gentle', hardHour, core?.settings.strictPhraseSet ?? false);
  return {
    days: core ? daysWithoutContact(core.streak, now, timeZone) : 0,
    goalDays: core?.streak.goalDays ?? 30,
    reason: core ? pick(core.reasons, seed)?.text : undefined,
    insteadIdea: core ? pick(core.insteadIdeas, seed)?.text : undefined,
    plan: core ? pick(core.plans, seed) : undefined,
    friend: core?.friend ? friendPrompt(core.friend) : undefined,
    friction,
    pauseSeconds: PAUSE_SECONDS[friction],
    hardHour,
  };
}

/**
 * Attaches the dialog to this frame's first stage, at once (a waiting prompt opens in this task);
 * nothing when there is no first stage or it has its dialog. The core is the one the first stage
 * read (validated here, with the full guard view), so no storage read stands before the dialog.
 */
export function startUiStage(signal: AbortSignal): void {
  const found = stagePort();
  if (!found || found.attached()) return;
  let read: unknown;
  let core: GuardCore | undefined;
  const current = () => {
    const stored = found.storedCore();
    if (stored !== read) {
      read = stored;
      core = parseGuardCore(stored);
    }
    return core;
  };
  found.attach((port) => createAttachedUi(port, current, signal));
  // Loaded ahead of any prompt: validate the core and count the days once, at an idle moment, so
  // the first prompt's render does not (zod's first parse and the runtime's zone data, measured
  // at 3 and 15 ms of a cold first render in Chromium: bench/cold-press-profile.measure.ts).
  if (!found.mount.isAttached()) {
    const warm = () => {
      if (!signal.aborted) interstitialContext(current(), 0, new Date(), Intl.DateTimeFormat().resolvedOptions().timeZone);
    };
    if (typeof requestIdleCallback === 'function') requestIdleCallback(warm, { timeout: 2000 });
    else setTimeout(warm, 0);
  }
  if (found.pageViews) startSelfCheck(found.pageViews, signal);
}

/** The guard's self-check, with the first stage's adapter and page views; one result per checked view. */
function startSelfCheck({ adapter, watch }: PageViews, signal: AbortSignal): void {
  const check = createSelfCheck({
    adapter,
    win: window,
    signal,
    safe(where, fn) {
      try {
        return fn();
      } catch (error) {
        // With the adapter id and never a handle; only in development builds.
        if (import.meta.env.MODE !== 'production') console.warn(`[no-contact-guard] ${adapter.id}.${where} failed`, error);
        return undefined;
      }
    },
    // The background validates and counts it.
    report: (found) => void browser.runtime.sendMessage({ type: 'site-check-reported', site: adapter.id, found }).catch(() => undefined),
  });
  if (check) watch((href, ref) => check.onPageView(href, ref));
}

function createAttachedUi(port: StagePort, core: () => GuardCore | undefined, signal: AbortSignal): AttachedUi {
  let prompts = 0;
  const pausePage = browser.runtime.getURL('/pause.html');
  // Names this guard's typing frames (utils/engine/typed-ahead.ts); random, and new on every page load.
  const frameKey = crypto.randomUUID().replaceAll('-', '');

  // Retried until the background answers, with one id per report so a retry is never counted twice.
  // After an update ("Extension context invalidated") every try fails quietly: nothing to report to.
  const send = (message: Message) => {
    void sendReliably(message, {
      post: (m) => browser.runtime.sendMessage(m),
      newId: () => crypto.randomUUID(),
      wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      tryExpires: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      unreachable: () => '',
    });
  };

  const ui = createGuardUi({
    doc: document,
    mount: port.mount,
    context: () => interstitialContext(core(), prompts++, new Date(), Intl.DateTimeFormat().resolvedOptions().timeZone),
    frameUrl: (mode) => `${pausePage}?mode=${mode}&site=${port.site}&key=${frameKey}`,
    signal,
    // A message, not a link: a link to an extension page would have to be web-accessible, which lets any site probe for us.
    onSupport: () => send({ type: 'support-page-requested' }),
    onQuieter: () => send({ type: 'support-page-requested', page: 'quieter' }),
  });

  // The strict phrase is typed in the extension frame; the background relays "confirmed" here.
  // The typing frame asks (through the background) for the keys held for it: only a frame whose
  // address carries this guard's key gets them.
  const onMessage = (message: unknown) => {
    if ((message as { type?: string } | null)?.type === 'phrase-confirmed') ui.confirmPhrase();
    const wanted = TypedAheadWantedSchema.safeParse(message);
    if (wanted.success && wanted.data.key === frameKey) return Promise.resolve({ text: ui.takeTypedAhead(wanted.data.mode, wanted.data.received) });
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onMessage));

  return {
    ...ui,
    report({ type, what, way, countAsContact }) {
      if (type === 'urge-resisted') send({ type, site: port.site, what, ...(way && { way }) });
      else send({ type, site: port.site, what, countAsContact: countAsContact ?? false });
    },
  };
}
