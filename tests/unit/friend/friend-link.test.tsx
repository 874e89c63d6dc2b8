import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { FriendSection } from '../../../components/options/FriendSection';
import type { Message, Reply } from '../../../utils/data/messages';
import { FriendSchema } from '../../../utils/data/schema';
import { friendHref, readFriendLink } from '../../../utils/friend/friend-link';

describe('readFriendLink', () => {
  test.each([
    ['https://wa.me/15551234567', 'web'],
    // No scheme: read as https.
    ['wa.me/15551234567', 'web'],
    ['https://signal.me/#p/+15551234567', 'web'],
    ['https://t.me/someone', 'web'],
    ['mailto:sam@example.org', 'mailto'],
    ['sms:+15551234567', 'sms'],
    ['tel:+44 20 7946 0000', 'tel'],
  ])('%s is a %s link', (input, kind) => {
    expect(readFriendLink(input)).toMatchObject({ ok: true, kind });
  });

  test.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['call sam', 'not-a-link'],
    ['http://wa.me/15551234567', 'not-secure'],
    ['javascript:alert(1)', 'scheme'],
    ['data:text/html,hi', 'scheme'],
    ['file:///etc/passwd', 'scheme'],
    ['mailto:nobody', 'not-a-link'],
    ['tel:sam', 'not-a-link'],
    ['https://localhost/', 'not-a-link'],
  ])('%j is refused: %s', (input, problem) => {
    expect(readFriendLink(input)).toEqual({ ok: false, problem });
  });

  test('the schema refuses what cannot be opened, so an import cannot bring in javascript:', () => {
    expect(FriendSchema.safeParse({ link: 'javascript:alert(1)', message: '' }).success).toBe(false);
    expect(FriendSchema.safeParse({ link: 'sms:+15551234567', message: 'Hi' }).success).toBe(true);
  });
});

describe('friendHref: the prepared message goes where the link has a place for it', () => {
  test.each([
    ['mailto:sam@example.org', 'Can we talk?', 'mailto:sam@example.org?body=Can%20we%20talk%3F', true],
    ['mailto:sam@example.org?subject=Hi', 'Now?', 'mailto:sam@example.org?subject=Hi&body=Now%3F', true],
    ['sms:+15551234567', 'A hard moment + you', 'sms:+15551234567?body=A%20hard%20moment%20%2B%20you', true],
    ['https://wa.me/15551234567', 'Hi', 'https://wa.me/15551234567?text=Hi', true],
    ['https://t.me/someone', 'Hi', 'https://t.me/someone', false],
    ['tel:+15551234567', 'Hi', 'tel:+15551234567', false],
    ['sms:+15551234567', '  ', 'sms:+15551234567', false],
    ['javascript:alert(1)', 'Hi', '', false],
  ])('%s with %j opens %s', (link, message, href, filled) => {
    expect(friendHref(link, message)).toEqual({ href, filled });
  });
});

describe('FriendSection', () => {
  let root: HTMLElement;
  beforeEach(() => {
    fakeBrowser.reset();
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });
  const $ = (id: string) => root.querySelector<HTMLElement>(`[data-testid="${id}"]`)!;
  const type = async (id: string, value: string) =>
    act(() => {
      const input = $(id) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
  const submit = async () => {
    await act(async () => ($('friend-form') as HTMLFormElement).requestSubmit());
    await act(async () => undefined);
  };

  test('saves the link (normalised) and the message; a bad link is explained and not sent', async () => {
    const send = vi.fn(async (_m: Message): Promise<Reply> => ({ ok: true }));
    await act(() => render(<FriendSection friend={undefined} send={send} />, root));
    await type('friend-link', 'javascript:alert(1)');
    await submit();
    expect(send).not.toHaveBeenCalled();
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('cannot be opened from here');
    await type('friend-link', 'wa.me/15551234567');
    await type('friend-message', ' Can we talk? ');
    await submit();
    expect(send).toHaveBeenCalledWith({ type: 'friend-saved', link: 'https://wa.me/15551234567', message: 'Can we talk?' });
    expect($('friend-status').textContent).toContain('Saved');
  });

  test('a saved friend shows in the form and can be removed', async () => {
    const send = vi.fn(async (_m: Message): Promise<Reply> => ({ ok: true }));
    await act(() => render(<FriendSection friend={{ link: 'sms:+15551234567', message: 'Hi' }} send={send} />, root));
    expect(($('friend-link') as HTMLInputElement).value).toBe('sms:+15551234567');
    await act(async () => $('friend-remove').click());
    expect(send).toHaveBeenCalledWith({ type: 'friend-removed' });
  });
});
