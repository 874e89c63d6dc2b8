/**
 * How the popup and the options page talk to the background: typed messages out, a signal of
 * what they show in. They never write storage themselves. They ask for their first screen's view
 * (utils/ui/page-view.ts), not the whole state; after that each write's changed parts come from the
 * background (`state-changed`): settings and the day count are applied here, and a write to the log
 * or the journal asks for the small view again (issue 17, items 7 and 8).
 */
import { effect, signal, type Signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import type { Message, Reply, StateChanged } from '../data/messages';
import { parseStorageSpace } from '../data/storage-space';
import { sendReliably } from '../data/reliable-send';
import { requestErrorText } from '../copy/data-errors';
import type { PageView } from './page-view';
import { isRecord } from '../data/is-record';
import { PART_KEYS, withCoreAndStreak } from '../data/join-core';

/** Resolves with the background's own answer: retried until it comes (utils/data/reliable-send.ts). */
export function send(message: Message): Promise<Reply> {
  return sendReliably(message, {
    post: (m) => browser.runtime.sendMessage(m),
    newId: () => crypto.randomUUID(),
    wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    tryExpires: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    unreachable: requestErrorText.unreachable,
  });
}

/** A performance mark, set once the first state is drawn (bench/browser.measure.ts reads it). */
export const FIRST_STATE_MARK = 'first-state-rendered';
/** Marks around the first request: sent, and answered. */
export const VIEW_ASKED_MARK = 'first-view-asked';
export const VIEW_ANSWERED_MARK = 'first-view-answered';

export interface LiveView {
  /** Undefined until the first answer arrives. */
  view: Signal<PageView | undefined>;
  /** Call once the page draws `view`: the frame after it first draws one is marked. */
  markFirstDrawn(): void;
  /** Asks for the newest `count` journal entries from now on ("show older entries"). */
  showJournal(count: number): Promise<void>;
  stop(): void;
}

function isStateChanged(raw: unknown): raw is StateChanged {
  return isRecord(raw) && raw.type === 'state-changed' && typeof raw.revision === 'string' && isRecord(raw.set) && Array.isArray(raw.remove);
}

/**
 * The view after one write, or undefined when it does not follow from the one held: a write was
 * missed, everything was replaced, or the write changed the log or the journal (the figures and
 * the first page of entries are made by the background): then the view is asked for again.
 */
export function applyViewChange(held: PageView, changed: StateChanged): PageView | undefined {
  if (changed.whole || held.revision === undefined || changed.previous !== held.revision) return undefined;
  // The page holds the log and the journal only as figures and a first page: a write to them asks again.
  if (![...Object.keys(changed.set), ...changed.remove].every((key) => key === PART_KEYS.core || key === PART_KEYS.streak)) return undefined;
  const doc = withCoreAndStreak(held.doc, changed.set[PART_KEYS.core], changed.set[PART_KEYS.streak]);
  const space = parseStorageSpace(changed.space);
  return { ...held, doc, revision: changed.revision, ...(space && { space }) };
}

/** Asks the background for the first screen's view (with the newest `journal` entries), then follows each write. */
export function liveView(journal: number): LiveView {
  const view = signal<PageView | undefined>(undefined);
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  let inFlight: Promise<void> | undefined;
  let again = false;
  // One request at a time; writes while it waits are asked for once more after it (not once each:
  // 1,000 logged urges must not become 1,000 requests from every open page).
  const refresh = (): Promise<void> => {
    if (inFlight) {
      again = true;
      return inFlight;
    }
    return (inFlight = (async () => {
      try {
        do {
          again = false;
          const first = view.peek() === undefined;
          // Phases of the first render, for profiling in any browser (bench/browser.measure.ts reads the last one).
          if (first) performance.mark(VIEW_ASKED_MARK);
          const reply = await send({ type: 'view-requested', journal, timeZone });
          if (!reply.ok) return;
          if (first) performance.mark(VIEW_ANSWERED_MARK);
          view.value = reply.data as PageView;
        } while (again);
      } finally {
        inFlight = undefined;
      }
    })());
  };
  const extensionOrigin = browser.runtime.getURL('/');
  const onMessage = (raw: unknown, sender: { tab?: unknown; url?: string }) => {
    // From the background only: a content script's message carries its tab.
    if (!isStateChanged(raw) || sender.tab !== undefined || !(sender.url ?? '').startsWith(extensionOrigin)) return undefined;
    const held = view.peek();
    const next = held && !inFlight ? applyViewChange(held, raw) : undefined;
    if (next) view.value = next;
    else void refresh();
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  void refresh();
  return {
    view,
    markFirstDrawn: () => {
      const dispose = effect(() => {
        if (view.value === undefined) return;
        // The page has drawn its first view by the next frame (preact renders a change in a
        // microtask): `npm run bench` reads this mark for the render figures. It changes nothing.
        requestAnimationFrame(() => performance.mark(FIRST_STATE_MARK));
        queueMicrotask(() => dispose());
      });
    },
    showJournal: (count) => {
      journal = count;
      return refresh();
    },
    stop: () => browser.runtime.onMessage.removeListener(onMessage),
  };
}
