import { describe, expect, test } from 'vitest';
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
