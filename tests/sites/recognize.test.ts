import { describe, expect, test } from 'vitest';
import { parseHandleForSite, recognizeProfileLink } from '../../utils/sites/recognize';
import type { SiteId } from '../../utils/sites/site-ids';

describe('recognizeProfileLink', () => {
  test.each([
    ['https://x.com/Sam_Rivers_X', { ok: true, site: 'x', handle: 'sam_rivers_x', profileUrl: 'https://x.com/sam_rivers_x' }],
    ['x.com/sam_rivers_x', { ok: true, site: 'x', handle: 'sam_rivers_x', profileUrl: 'https://x.com/sam_rivers_x' }],
    ['  twitter.com/sam_rivers_x?s=20  ', { ok: true, site: 'x', handle: 'sam_rivers_x', profileUrl: 'https://x.com/sam_rivers_x' }],
    ['https://mobile.x.com/sam_rivers_x/status/1790000000000000000', { ok: true, site: 'x', handle: 'sam_rivers_x', profileUrl: 'https://x.com/sam_rivers_x' }],
    ['HTTPS://X.COM/sam_rivers_x/media', { ok: true, site: 'x', handle: 'sam_rivers_x', profileUrl: 'https://x.com/sam_rivers_x' }],
    ['https://bsky.app/profile/Sam-Rivers.bsky.social/post/3kxyzabcdef2a', { ok: true, site: 'bluesky', handle: 'sam-rivers.bsky.social', profileUrl: 'https://bsky.app/profile/sam-rivers.bsky.social' }],
    ['bsky.app/profile/sam-rivers.bsky.social', { ok: true, site: 'bluesky', handle: 'sam-rivers.bsky.social', profileUrl: 'https://bsky.app/profile/sam-rivers.bsky.social' }],
  ])('%s → a person', (input, expected) => {
    expect(recognizeProfileLink(input)).toEqual(expected);
  });

  test.each([
    ['https://www.instagram.com/sam.rivers/', 'instagram'],
    ['https://www.linkedin.com/in/sam-rivers/', 'linkedin'],
  ])('%s → %s (the sibling adapters answer through the registry)', (input, site) => {
    expect(recognizeProfileLink(input)).toMatchObject({ ok: true, site });
  });

  test.each([
    ['', 'not-a-link'],
    ['@sam_rivers_x', 'not-a-link'],
    ['sam_rivers_x', 'not-a-link'],
    ['sam rivers', 'not-a-link'],
    ['mailto:sam@example.com', 'not-a-link'],
    ['javascript:alert(1)', 'not-a-link'],
    ['did:plc:abcdefghijklmnopqrstuvwx', 'not-a-link'],
    ['ftp://x.com/sam_rivers_x', 'not-a-link'],
    ['https://', 'not-a-link'],
    ['https://example.com/sam_rivers_x', 'unsupported-site'],
    ['https://x.com.evil.example/sam_rivers_x', 'unsupported-site'],
    ['mastodon.social/@sam', 'unsupported-site'],
    ['https://x.com/home', 'no-person'],
    ['https://x.com/search?q=sam_rivers_x', 'no-person'],
    ['https://x.com/i/web/status/1790000000000000000', 'no-person'],
    ['https://bsky.app/', 'no-person'],
    ['https://bsky.app/profile/did:plc:abcdefghijklmnopqrstuvwx', 'no-person'],
    ['https://developer.x.com/en/docs', 'no-person'],
  ])('%j → %s', (input, reason) => {
    expect(recognizeProfileLink(input)).toEqual({ ok: false, reason });
  });
});

describe('parseHandleForSite', () => {
  test.each<[SiteId, string, string | undefined]>([
    ['x', '@Sam_Rivers_X', 'sam_rivers_x'],
    ['x', 'https://x.com/sam_rivers_x', 'sam_rivers_x'],
    ['x', 'bsky.app/profile/sam-rivers.bsky.social', undefined],
    ['x', 'sam.rivers', undefined],
    ['x', 'explore', undefined],
    ['bluesky', '@Sam-Rivers.bsky.social', 'sam-rivers.bsky.social'],
    ['bluesky', 'https://bsky.app/profile/sam-rivers.bsky.social', 'sam-rivers.bsky.social'],
    ['bluesky', 'sam_rivers_x', undefined],
    ['bluesky', '', undefined],
  ])('%s: %j → %s', (site, raw, expected) => {
    expect(parseHandleForSite(site, raw)).toBe(expected);
  });
});
