/**
 * The popup as the tests see it. Until the popup renders its figures, its state is read the way
 * the popup reads it: one `state-requested` message from the extension page.
 */
import type { StateSnapshot } from '../../../utils/data/messages';
import type { E2eSession } from '../harness/types';

export class PopupPage {
  constructor(private readonly session: E2eSession) {}

  async state(): Promise<StateSnapshot> {
    const reply = await this.session.send({ type: 'state-requested' });
    if (!reply.ok) throw new Error(`state-requested failed: ${reply.error}`);
    return reply.data as StateSnapshot;
  }

  /** Urges resisted in the recent log plus the compacted daily counts. */
  async urgesResisted(): Promise<number> {
    const { doc } = await this.state();
    const recent = doc.events.recent.filter((event) => event.type === 'urge-resisted').length;
    const daily = doc.events.daily.reduce((sum, day) => sum + (day.counts['urge-resisted'] ?? 0), 0);
    return recent + daily;
  }

  /** Waits (by polling the background) until `count()` returns `expected`; returns the last value. */
  async waitForUrges(expected: number, timeoutMs = 5_000): Promise<number> {
    const until = Date.now() + timeoutMs;
    let last = await this.urgesResisted();
    while (last !== expected && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      last = await this.urgesResisted();
    }
    return last;
  }
}
