import { describe, expect, test } from 'vitest';
import { RETRY_DELAYS_MS, sendReliably } from '../../../utils/data/reliable-send';
import type { Message } from '../../../utils/data/messages';

const message: Message = { type: 'reason-added', text: 'Calm mornings' };

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
});
