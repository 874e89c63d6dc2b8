/**
 * "I had contact" and "write it down" in the popup: the right message goes out through the real
 * client (`send`), with browser.runtime.sendMessage stubbed on the fake browser.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContactFlow } from '../../../components/popup/ContactFlow';
import { QuickJournal } from '../../../components/popup/QuickJournal';
import type { Message, Reply } from '../../../utils/data/messages';
import { send } from '../../../utils/ui/client';

let root: HTMLElement;
let sent: Message[];
let reply: Reply;

const query = (id: string) => root.querySelector<HTMLElement>(`[data-testid="${id}"]`);
const byTestId = (id: string) => {
  const element = query(id);
  if (!element) throw new Error(`no element with data-testid="${id}"`);
  return element;
};
/** Clicks, then lets every promise the click started settle (the send races a try's time limit: utils/data/reliable-send.ts). */
async function click(id: string) {
  await act(async () => {
    byTestId(id).click();
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}
async function type(id: string, value: string) {
  await act(async () => {
    const input = byTestId(id) as HTMLTextAreaElement;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
async function mount(element: preact.ComponentChild) {
  await act(async () => render(element, root));
}

beforeEach(() => {
  fakeBrowser.reset();
  sent = [];
  reply = { ok: true };
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: Message & { changeId?: string }) => {
    // Every change carries the sender's id for retries (utils/data/reliable-send.ts); the rows compare the rest.
    const { changeId: _changeId, ...rest } = message;
    sent.push(rest as Message);
    return reply;
  }) as never);
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  render(null, root);
  root.remove();
  vi.restoreAllMocks();
});

const recordContact = (note: string | undefined) =>
  send(note ? { type: 'contact-recorded', note } : { type: 'contact-recorded' });

describe('I had contact', () => {
  test.each<[string, string, Message]>([
    ['with a note', '  We met by chance at the market.  ', { type: 'contact-recorded', note: 'We met by chance at the market.' }],
    ['without a note', '   ', { type: 'contact-recorded' }],
  ])('confirming %s restarts the count and says something kind', async (_name, note, expected) => {
    await mount(<ContactFlow onRecord={recordContact} />);
    await click('contact-open');
    expect(byTestId('contact-confirm').textContent).toContain('Your past days stay in your history');
    await type('contact-note', note);
    await click('contact-confirm-button');
    expect(sent).toEqual([expected]);
    expect(byTestId('contact-done').textContent).toContain('Thank you for being honest with yourself');
    expect(query('contact-confirm')).toBeNull();
  });

  test('"not now" sends nothing and closes the confirmation', async () => {
    await mount(<ContactFlow onRecord={recordContact} />);
    await click('contact-open');
    await click('contact-cancel');
    expect(sent).toEqual([]);
    expect(query('contact-confirm')).toBeNull();
    expect(query('contact-open')).not.toBeNull();
  });

  test('a refused message keeps the confirmation open with the reason', async () => {
    reply = { ok: false, error: 'Something went wrong, so nothing was changed. Please try again.' };
    await mount(<ContactFlow onRecord={recordContact} />);
    await click('contact-open');
    await click('contact-confirm-button');
    expect(query('contact-done')).toBeNull();
    expect(root.querySelector('[role="alert"]')?.textContent).toBe(reply.error);
  });
});

describe('write it down', () => {
  test('saves the entry to the journal and clears the box', async () => {
    await mount(<QuickJournal onSave={(text) => send({ type: 'journal-entry-added', text })} />);
    await click('journal-open');
    await type('journal-text', ' I miss the walks. ');
    await click('journal-save');
    expect(sent).toEqual([{ type: 'journal-entry-added', text: 'I miss the walks.' }]);
    expect((byTestId('journal-text') as HTMLTextAreaElement).value).toBe('');
    expect(byTestId('journal-status').textContent).toBe('Saved. Thank you for writing it down.');
  });

  test('an empty entry is not sent', async () => {
    await mount(<QuickJournal onSave={(text) => send({ type: 'journal-entry-added', text })} />);
    await click('journal-open');
    await type('journal-text', '   ');
    await act(async () => (byTestId('journal') as HTMLFormElement).requestSubmit());
    expect(sent).toEqual([]);
  });
});
