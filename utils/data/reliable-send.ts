/**
 * Sends a message to the background until it is really answered. Every change carries an id the
 * sender makes (the background answers a repeated id from its record instead of applying it
 * twice: utils/data/store.ts), so a retry after "message channel closed" or a worker that was
 * stopped and restarted is always safe. The caller learns "saved" only from the background's own
 * answer; after the last try it gets a kind "did not answer" instead.
 *
 * A try also ends when it stays unanswered for TRY_LIMIT_MS. Nothing in runtime.sendMessage
 * promises that a message settles when the page that would answer it is unloaded mid-answer (a
 * Firefox event page, a Chromium worker that is stopped), and a try that never settles would hold
 * the change and the person's "Saving…" for good. The try after it carries the same id, so a slow
 * first try that does land later is answered from the record, never applied twice.
 */
// zod/mini: the guard in every guarded page sends through this too (utils/data/zod-mini.ts).
import { z } from './zod-mini';
import type { Message, Reply } from './messages';


const ReplySchema = z.union([
  z.object({ ok: z.literal(true), data: z.optional(z.unknown()) }),
  z.object({ ok: z.literal(false), error: z.string(), where: z.optional(z.string()) }),
]);

export interface ReliableSendDeps {
  /** The browser's `runtime.sendMessage`. */
  post(message: unknown): Promise<unknown>;
  newId(): string;
  wait(ms: number): Promise<void>;
  /** Resolves when one try has waited `ms` (a timer in the browser); kept apart from `wait` so tests can hold it. */
  tryExpires(ms: number): Promise<void>;
  /** The sentence for "the background never answered". */
  unreachable(): string;
}

/** Waits between tries: about 3 s in all, enough for a stopped worker to start again. */
export const RETRY_DELAYS_MS = [50, 100, 200, 400, 800, 1600] as const;

/**
 * How long one try may go unanswered. Far above any real answer on two cores (1,000 changes at
 * once are answered in p95 123 ms, a 50,000-event import parsed in p95 72 ms: npm run bench), so
 * only a message that will never settle reaches it.
 */
export const TRY_LIMIT_MS = 5000;

const EXPIRED = Symbol('expired');

export async function sendReliably(message: Message, deps: ReliableSendDeps): Promise<Reply> {
  const withId = { ...message, changeId: deps.newId() };
  for (let attempt = 0; ; attempt++) {
    try {
      const answer = await Promise.race([deps.post(withId), deps.tryExpires(TRY_LIMIT_MS).then(() => EXPIRED)]);
      // No answer in time: this try is given up, and the next carries the same id.
      const parsed = answer === EXPIRED ? undefined : ReplySchema.safeParse(answer);
      // No answer at all: the worker was starting and no listener took it yet.
      if (parsed?.success) return parsed.data as Reply;
    } catch {
      // The channel closed (the worker stopped mid-change) or nobody was listening yet.
    }
    const delay = RETRY_DELAYS_MS[attempt];
    if (delay === undefined) return { ok: false, error: deps.unreachable() };
    await deps.wait(delay);
  }
}
