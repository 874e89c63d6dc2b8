import { describe, expect, test } from 'vitest';
import { parseHttpUrl, parseWebAddress } from '../../utils/sites/web-address';

describe('parseWebAddress: a link as people paste it', () => {
  test.each([
    ['x.com/someone', 'https://x.com/someone'],
    ['  https://bsky.app/profile/a.bsky.social  ', 'https://bsky.app/profile/a.bsky.social'],
    ['http://example.social/@someone', 'http://example.social/@someone'],
    ['//x.com/someone', 'https://x.com/someone'],
    ['@someone', undefined],
    ['mailto:someone@example.org', undefined],
    ['ftp://example.social/x', undefined],
    ['not a link', undefined],
    ['localhost/x', undefined],
    ['', undefined],
  ])('%j → %j', (input, expected) => {
    expect(parseWebAddress(input)?.href).toBe(expected);
  });
});

describe('parseHttpUrl: an absolute http(s) address the extension carries', () => {
  test.each([
    ['https://x.com/someone', 'https://x.com/someone'],
    ['http://example.social/', 'http://example.social/'],
    ['x.com/someone', undefined],
    ['javascript:alert(1)', undefined],
    ['chrome-extension://abc/pause.html', undefined],
  ])('%j → %j', (input, expected) => {
    expect(parseHttpUrl(input)?.href).toBe(expected);
  });
});
