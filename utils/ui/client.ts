/**
 * How the popup and the options page talk to the background: typed messages out, a signal of
 * the current state in. They never write storage themselves. The state is asked for once; after
 * that each write's changed parts come from the background (`state-changed`) and are applied here,
 * so a logged urge costs an open page one small message, not a full snapshot (issue 17).
 */
import { signal, type Signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import type { Message, Reply, StateChanged, StateSnapshot } from '../data/messages';
import { parseStorageSpace } from '../data/storage-space';
import { sendReliably } from '../data/reliable-send';
import { requestErrorText } from '../copy/data-errors';
import { joinParts, splitDocument, withChange, type Parts } from '../data/parts';
import type { StoredDocument } from '../data/schema';
import { isRecord } from '../data/is-record';

/** Resolves with the background's own answer: retried until it comes (utils/data/reliable-send.ts). */
export function send(message: Message): Promise<Reply> {
  return sendReliably(message, {
    post: (m) => browser.runtime.sendMessage(m),
    newId: () => crypto.randomUUID(),
    wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    unreachable: requestErrorText.unreachable,
  });
}

/** A performance mark, set once the first state is drawn (bench/browser.measure.ts reads it). */
export const FIRST_STATE_MARK = 'first-state-rendered';

export interface LiveState {
  /** Undefined until the first answer arrives. */
  snapshot: Signal<StateSnapshot | undefined>;
  refresh(): Promise<void>;
  stop(): void;
}

function isStateChanged(raw: unknown): raw is StateChanged {
  return isRecord(raw) && raw.type === 'state-changed' && typeof raw.revision === 'string' && isRecord(raw.set) && Array.isArray(raw.remove);
}

/**
 * The snapshot after one write, or undefined when it does not follow from the one held (a write
 * was missed, or everything was replaced): then the whole state is asked for again.
 */
export function applyStateChanged(held: { snapshot: StateSnapshot; parts: Parts }, changed: StateChanged): { snapshot: StateSnapshot; parts: Parts } | undefined {
  if (changed.whole || held.snapshot.revision === undefined || changed.previous !== held.snapshot.revision) return undefined;
  const parts = withChange(held.parts, { set: changed.set, remove: changed.remove.filter((key) => typeof key === 'string') });
  // The background validated every part before writing it; this only joins them again.
  const space = parseStorageSpace(changed.space);
  return { snapshot: { ...held.snapshot, doc: joinParts(parts) as StoredDocument, revision: changed.revision, ...(space && { space }) }, parts };
}

/** Asks the background for the state once, then follows each write's changes. */
export function liveState(): LiveState {
  const snapshot = signal<StateSnapshot | undefined>(undefined);
  let parts: Parts = {};
  let inFlight: Promise<void> | undefined;
  // One request at a time: changes that arrive meanwhile are in its answer or follow it.
  const refresh = () =>
    (inFlight ??= (async () => {
      try {
        const reply = await send({ type: 'state-requested' });
        if (!reply.ok) return;
        const next = reply.data as StateSnapshot;
        parts = splitDocument(next.doc);
        const first = snapshot.peek() === undefined;
        snapshot.value = next;
        // The page has drawn its first state by the next frame (preact renders in a microtask):
        // `npm run bench` reads this mark for the render figures. It changes nothing.
        if (first) requestAnimationFrame(() => performance.mark(FIRST_STATE_MARK));
      } finally {
        inFlight = undefined;
      }
    })());
  const extensionOrigin = browser.runtime.getURL('/');
  const onMessage = (raw: unknown, sender: { tab?: unknown; url?: string }) => {
    // From the background only: a content script's message carries its tab.
    if (!isStateChanged(raw) || sender.tab !== undefined || !(sender.url ?? '').startsWith(extensionOrigin)) return undefined;
    if (inFlight) return undefined;
    const held = snapshot.peek();
    const next = held ? applyStateChanged({ snapshot: held, parts }, raw) : undefined;
    if (!next) {
      void refresh();
      return undefined;
    }
    parts = next.parts;
    snapshot.value = next.snapshot;
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  void refresh();
  return { snapshot, refresh, stop: () => browser.runtime.onMessage.removeListener(onMessage) };
}
