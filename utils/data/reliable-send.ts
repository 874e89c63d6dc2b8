/**
 * Sends a message to the background until it is really answered. Every change carries an id the
 * sender makes (the background answers a repeated id from its record instead of applying it
 * twice: utils/data/store.ts), so a retry after "message channel closed" or a worker that was
 * stopped and restarted is always safe. The caller learns "saved" only from the background's own
 * answer; after the last try it gets a kind "did not answer" instead.
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
  /** The sentence for "the background never answered". */
  unreachable(): string;
}

/** Waits between tries: about 3 s in all, enough for a stopped worker to start again. */
export const RETRY_DELAYS_MS = [50, 100, 200, 400, 800, 1600] as const;

export async function sendReliably(message: Message, deps: ReliableSendDeps): Promise<Reply> {
  const withId = { ...message, changeId: deps.newId() };
  for (let attempt = 0; ; attempt++) {
    try {
      const parsed = ReplySchema.safeParse(await deps.post(withId));
      // No answer at all: the worker was starting and no listener took it yet.
      if (parsed.success) return parsed.data as Reply;
    } catch {
      // The channel closed (the worker stopped mid-change) or nobody was listening yet.
    }
    const delay = RETRY_DELAYS_MS[attempt];
    if (delay === undefined) return { ok: false, error: deps.unreachable() };
    await deps.wait(delay);
  }
}
