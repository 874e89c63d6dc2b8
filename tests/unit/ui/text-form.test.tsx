/**
 * The typing frame's box asks the guard for the keys held before it had focus
 * (components/pause/TextForm.tsx, utils/engine/typed-ahead.ts), and what comes back lands where
 * the box stood when it asked, so the words stay in order.
 */
import { describe, expect, test } from 'vitest';
import { renderRoot } from '../helpers/render-root';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { TextForm } from '../../../components/pause/TextForm';

const root = renderRoot();

/** An ask the test answers by hand, in order. */
function heldKeys() {
  const asks: ((text: string) => void)[] = [];
  return {
    asks,
    typedAhead: () => new Promise<string>((resolve) => asks.push(resolve)),
  };
}

const box = () => root().querySelector('textarea')!;
const flush = () => act(async () => await new Promise((resolve) => setTimeout(resolve, 0)));

/** A key typed into the box itself: the keydown (which the form listens to), then the character. */
async function typeHere(character: string) {
  await act(async () => {
    window.dispatchEvent(new KeyboardEvent('keydown', { key: character }));
    box().value += character;
    box().dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('keys held before the box had focus', () => {
  test('a key held while the first ask was on its way comes with the next ask, before the keys typed here after it', async () => {
    const held = heldKeys();
    await act(async () => render(<TextForm label="Write" submitLabel="Save" multiline onSubmit={async () => ({ status: '', ok: true })} typedAhead={held.typedAhead} />, root()));
    expect(held.asks).toHaveLength(1);
    // Focus has moved here; "I" was held by the guard just after the first ask left, and " w"
    // is typed here while that ask is still on its way.
    await typeHere(' ');
    await typeHere('w');
    await act(async () => held.asks[0]!(''));
    await flush();
    // The ask that was wanted meanwhile goes out once the first is back.
    expect(held.asks).toHaveLength(2);
    await act(async () => held.asks[1]!('I'));
    await flush();
    expect(box().value).toBe('I w');
  });

  test('what the first ask brings shifts the place of the next one', async () => {
    const held = heldKeys();
    await act(async () => render(<TextForm label="Write" submitLabel="Save" multiline onSubmit={async () => ({ status: '', ok: true })} typedAhead={held.typedAhead} />, root()));
    await typeHere('!');
    await act(async () => held.asks[0]!('Hi'));
    await flush();
    await act(async () => held.asks[1]!(' there'));
    await flush();
    expect(box().value).toBe('Hi there!');
  });

  test('an ask that fails frees the next one', async () => {
    let calls = 0;
    const typedAhead = () => (++calls === 1 ? Promise.reject(new Error('no answer')) : Promise.resolve('ok'));
    await act(async () => render(<TextForm label="Write" submitLabel="Save" multiline onSubmit={async () => ({ status: '', ok: true })} typedAhead={typedAhead} />, root()));
    await flush();
    await typeHere('.');
    await flush();
    expect(box().value).toBe('ok.');
  });
});
