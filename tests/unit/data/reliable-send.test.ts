import { describe, expect, test } from 'vitest';
import { RETRY_DELAYS_MS, TRY_LIMIT_MS, sendReliably } from '../../../utils/data/reliable-send';
import type { Message } from '../../../utils/data/messages';

const message: Message = { type: 'reason-added', text: 'Calm mornings' };

/** A try's time limit that never comes: every try here settles by itself. */
const never = () => new Promise<void>(() => undefined);

/** A background that fails the first `failures` tries in the given way, then answers ok. */
function background(failures: number, how: 'throw' | 'undefined' | 'garbage') {
  const seen: unknown[] = [];
  const waits: number[] = [];
  return {
    seen,
    waits,
    deps: {
      post: async (m: unknown) => {
        seen.push(m);
        if (seen.length <= failures) {
          if (how === 'throw') throw new Error('A listener indicated an asynchronous response by returning true, but the message channel closed');
          return how === 'undefined' ? undefined : { nope: 1 };
        }
        return { ok: true };
      },
      newId: () => 'change-0001',
      wait: async (ms: number) => void waits.push(ms),
      tryExpires: never,
      unreachable: () => 'did not answer',
    },
  };
}

describe('sendReliably', () => {
  test.each([
    ['answers at once', 0, 'throw'],
    ['the channel closed twice (the worker stopped), then answers', 2, 'throw'],
    ['no listener answered yet (the worker was starting), then answers', 3, 'undefined'],
    ['an answer that is not a reply counts as none', 1, 'garbage'],
  ] as const)('%s: resolves with the real answer, every try with the same change id', async (_what, failures, how) => {
    const bg = background(failures, how);
    await expect(sendReliably(message, bg.deps)).resolves.toEqual({ ok: true });
    expect(bg.seen).toHaveLength(failures + 1);
    expect(new Set(bg.seen.map((m) => JSON.stringify(m)))).toEqual(new Set([JSON.stringify({ ...message, changeId: 'change-0001' })]));
    expect(bg.waits).toEqual(RETRY_DELAYS_MS.slice(0, failures));
  });

  test('a refusal is an answer: not retried', async () => {
    const seen: unknown[] = [];
    const reply = await sendReliably(message, {
      post: async (m) => (seen.push(m), { ok: false, error: 'This list is full.' }),
      newId: () => 'change-0002',
      wait: async () => undefined,
      tryExpires: never,
      unreachable: () => 'did not answer',
    });
    expect(reply).toEqual({ ok: false, error: 'This list is full.' });
    expect(seen).toHaveLength(1);
  });

  test('a background that never answers: after every try, a kind "did not answer", never "saved"', async () => {
    const bg = background(Number.POSITIVE_INFINITY, 'throw');
    await expect(sendReliably(message, bg.deps)).resolves.toEqual({ ok: false, error: 'did not answer' });
    expect(bg.seen).toHaveLength(RETRY_DELAYS_MS.length + 1);
  });

  test('a try that never settles (Firefox, a message sent as the event page unloads) ends at the limit and is tried again with the same id', async () => {
    const seen: unknown[] = [];
    const limits: number[] = [];
    let expire: () => void = () => undefined;
    const reply = sendReliably(message, {
      // The first try hangs for good; the second is answered.
      post: (m) => (seen.push(m), seen.length === 1 ? new Promise(() => undefined) : Promise.resolve({ ok: true, data: 'saved' })),
      newId: () => 'change-0003',
      wait: async () => undefined,
      tryExpires: (ms) => (limits.push(ms), new Promise<void>((resolve) => (expire = resolve))),
      unreachable: () => 'did not answer',
    });
    await Promise.resolve();
    expect(seen).toHaveLength(1);
    expire();
    await expect(reply).resolves.toEqual({ ok: true, data: 'saved' });
    expect(limits[0]).toBe(TRY_LIMIT_MS);
    expect(seen).toEqual([
      { ...message, changeId: 'change-0003' },
      { ...message, changeId: 'change-0003' },
    ]);
  });

  test('every try hangs: after the last, a kind "did not answer", never "saved"', async () => {
    const seen: unknown[] = [];
    const reply = await sendReliably(message, {
      post: (m) => (seen.push(m), new Promise(() => undefined)),
      newId: () => 'change-0004',
      wait: async () => undefined,
      tryExpires: async () => undefined,
      unreachable: () => 'did not answer',
    });
    expect(reply).toEqual({ ok: false, error: 'did not answer' });
    expect(seen).toHaveLength(RETRY_DELAYS_MS.length + 1);
  });
});
