/**
 * The person's own link patterns: the options page's check and preview, and the redirect rule the
 * background derives from the same pattern, which must match exactly what the preview promised.
 */
import { describe, expect, test } from 'vitest';
import {
  checkLinkPattern,
  linkPatternMatches,
  patternOrigins,
  patternRegexFilter,
} from '../../utils/sites/custom-patterns';

const MATCH_TABLE: [pattern: string, url: string, matches: boolean, why: string][] = [
    // pattern, url, matches, why
    ['https://example.social/@someone', 'https://example.social/@someone', true, 'exact'],
    ['https://example.social/@someone', 'https://example.social/@someone/', true, 'trailing slash is optional'],
    ['https://example.social/@someone', 'https://example.social/@someone2', false, 'no implicit wildcard at the end'],
    ['https://example.social/@someone', 'https://example.social/@someone/posts', false, 'a deeper path needs a *'],
    ['https://example.social/@someone*', 'https://example.social/@someone/posts/1', true, '* spans slashes'],
    ['https://example.social/@someone*', 'https://example.social/@someone', true, '* matches nothing too'],
    ['example.social/@someone', 'https://example.social/@someone', true, 'scheme optional: https'],
    ['example.social/@someone', 'http://example.social/@someone', true, 'scheme optional: http'],
    ['http://example.social/@someone', 'https://example.social/@someone', false, 'an explicit scheme is kept'],
    ['*://example.social/@someone', 'http://example.social/@someone', true, 'wildcard scheme'],
    ['example.social/@someone', 'https://www.example.social/@someone', false, 'host is exact'],
    ['*.example.social/@someone', 'https://www.example.social/@someone', true, '*. allows subdomains'],
    ['*.example.social/@someone', 'https://example.social/@someone', true, '*. allows the bare host too'],
    ['*.example.social/@someone', 'https://notexample.social/@someone', false, 'not a subdomain, a look-alike'],
    ['Example.Social/@SomeOne', 'https://example.social/@someone', true, 'case is ignored'],
    ['example.social/@someone', 'https://example.social/@someone?ref=feed#top', true, 'query and fragment ignored'],
    ['example.social/watch?v=abc*', 'https://example.social/watch?v=abc123', true, 'a pattern with ? matches the query'],
    ['example.social/watch?v=abc*', 'https://example.social/watch?v=xyz', false, 'query must match when named'],
    ['forum.example.org/u/*/posts', 'https://forum.example.org/u/someone/posts', true, '* in the middle'],
    ['forum.example.org/u/*/posts', 'https://forum.example.org/u/someone/likes', false, 'rest after * must match'],
    ['theirblog.example', 'https://theirblog.example/2026/11/a-post', true, 'a host alone covers the whole site'],
    ['example.social/a.b', 'https://example.social/aXb', false, 'dots are literal'],
    ['example.social/@someone', 'example.social/@someone', true, 'the example URL may omit the scheme too'],
    ['example.social/@someone', 'ftp://example.social/@someone', false, 'only web links'],
    ['example.social/@someone', 'not a url', false, 'not a link'],
    ['*', 'https://example.social/', false, 'an invalid pattern matches nothing'],
];

describe('linkPatternMatches', () => {
  test.each(MATCH_TABLE)('%s vs %s → %s (%s)', (pattern, url, expected) => {
    expect(linkPatternMatches(pattern, url)).toBe(expected);
  });
});

/** The address as the browser hands it to declarativeNetRequest: normalised, no fragment. */
function requestAddress(url: string): string | undefined {
  for (const candidate of [url, `https://${url}`]) {
    try {
      const parsed = new URL(candidate);
      parsed.hash = '';
      if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return parsed.href;
    } catch {
      // Try the next form.
    }
  }
  return undefined;
}

describe('patternRegexFilter: the redirect rule matches exactly what the preview says', () => {
  const rows: [pattern: string, url: string, matches: boolean, why: string][] = [
    ...MATCH_TABLE,
    ['theirblog.example', 'https://theirblog.example/', true, 'the site root'],
    ['theirblog.example/', 'https://theirblog.example:8443/x', true, 'any port'],
    ['theirblog.example', 'https://elsewhere.example/?next=https://theirblog.example/', false, 'a host named in a query is not the host'],
    ['theirblog.example', 'https://theirblog.example.elsewhere.example/', false, 'a longer host is not the host'],
    ['example.social/@someone', 'https://example.social/@someone/?x=1', true, 'slash, then a query'],
    ['example.social/u/*', 'https://example.social/other?u/x', false, 'a * in the path does not reach into the query'],
    ['*.example.social', 'https://a.b.example.social/x', true, 'deeper subdomains'],
  ];
  test.each(rows)('%s vs %s → %s (%s)', (pattern, url, expected) => {
    const filter = patternRegexFilter(pattern);
    const address = requestAddress(url);
    expect(linkPatternMatches(pattern, url)).toBe(expected);
    if (filter === undefined || address === undefined) {
      expect(expected).toBe(false);
      return;
    }
    expect(new RegExp(filter, 'i').test(address)).toBe(expected);
  });

  test("anchored at both ends, so the rule's \\0 is the whole address", () => {
    const filters = MATCH_TABLE.map(([pattern]) => patternRegexFilter(pattern)).filter((f) => f !== undefined);
    expect(filters.length).toBeGreaterThan(20);
    for (const filter of filters) expect([filter.startsWith('^'), filter.endsWith('$')]).toEqual([true, true]);
  });

  test('a pattern that does not check has no filter', () => {
    expect([patternRegexFilter('*'), patternRegexFilter(''), patternRegexFilter('ftp://example.social/x')]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe('patternOrigins: the site access a pattern needs', () => {
  test.each([
    ['example.social/@someone*', ['*://example.social/*']],
    ['https://example.social/@someone', ['https://example.social/*']],
    ['*.example.social/@someone', ['*://*.example.social/*']],
    ['Example.Social', ['*://example.social/*']],
    ['*', []],
  ])('%s → %j', (pattern, origins) => {
    expect(patternOrigins(pattern)).toEqual(origins);
  });
});

describe('checkLinkPattern', () => {
  test.each([
    ['  example.social/@someone  ', { ok: true, pattern: 'example.social/@someone' }],
    ['https://example.social/@someone*', { ok: true, pattern: 'https://example.social/@someone*' }],
    ['*.example.social/@someone', { ok: true, pattern: '*.example.social/@someone' }],
    ['', { ok: false, problem: 'empty' }],
    ['   ', { ok: false, problem: 'empty' }],
    ['example.social/some one', { ok: false, problem: 'spaces' }],
    ['ftp://example.social/@someone', { ok: false, problem: 'scheme' }],
    ['*', { ok: false, problem: 'host' }],
    ['*/@someone', { ok: false, problem: 'host' }],
    ['exa*mple.social/@someone', { ok: false, problem: 'host' }],
    ['localhost/@someone', { ok: false, problem: 'host' }],
    ['user@example.social/x', { ok: false, problem: 'host' }],
    [`example.social/${'a'.repeat(500)}`, { ok: false, problem: 'too-long' }],
  ])('%j → %j', (raw, expected) => {
    expect(checkLinkPattern(raw)).toEqual(expected);
  });
});

