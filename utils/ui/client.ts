/**
 * How the popup and the options page talk to the background: typed messages out, a signal of
 * the current state in, refreshed whenever storage changes. They never write storage themselves.
 */
import { signal, type Signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import type { Message, Reply, StateSnapshot } from '../data/messages';
import { sendReliably } from '../data/reliable-send';
import { requestErrorText } from '../copy/data-errors';

/** Resolves with the background's own answer: retried until it comes (utils/data/reliable-send.ts). */
export function send(message: Message): Promise<Reply> {
  return sendReliably(message, {
    post: (m) => browser.runtime.sendMessage(m),
    newId: () => crypto.randomUUID(),
    wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    unreachable: requestErrorText.unreachable,
  });
}

export interface LiveState {
  /** Undefined until the first answer arrives. */
  snapshot: Signal<StateSnapshot | undefined>;
  refresh(): Promise<void>;
  stop(): void;
}

/** Asks the background for the state now and after every storage change. */
export function liveState(): LiveState {
  const snapshot = signal<StateSnapshot | undefined>(undefined);
  const refresh = async () => {
    const reply = await send({ type: 'state-requested' });
    if (reply.ok) snapshot.value = reply.data as StateSnapshot;
  };
  const onChanged = (_changes: unknown, area: string) => {
    if (area === 'local') void refresh();
  };
  browser.storage.onChanged.addListener(onChanged);
  void refresh();
  return { snapshot, refresh, stop: () => browser.storage.onChanged.removeListener(onChanged) };
}
