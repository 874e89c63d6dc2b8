/**
 * The person's own link patterns, for sites we have no adapter for: "example.social/@someone*".
 * One reading of a pattern serves three places: the options page checks it and previews which
 * links it matches (`checkLinkPattern`, `linkPatternMatches`), asks for access to its site
 * (`patternOrigins`), and the background turns it into a declarativeNetRequest redirect to the
 * pause page (`patternRegexFilter`), so a full load of a matching page is paused before the
 * request leaves. Pure: no `browser`, table-tested in tests/unit/sites/custom-patterns.test.ts.
 */

import { parseWebAddress } from './web-address';

/** Same limit as `custom-pattern-added` in utils/data/messages.ts. */
export const LINK_PATTERN_MAX_LENGTH = 500;

export type LinkPatternProblem = 'empty' | 'too-long' | 'spaces' | 'scheme' | 'host';

export type LinkPatternCheck = { ok: true; pattern: string } | { ok: false; problem: LinkPatternProblem };

interface CompiledPattern {
  /** undefined: http and https both match. */
  scheme: 'http:' | 'https:' | undefined;
  /** Lower-case host name, without a leading "*.". */
  host: string;
  /** "*.example.social": the host itself and any subdomain. */
  anySubdomain: boolean;
  /** The path (and query, when `withQuery`) as typed, without the fragment; '' or '/' for the whole site. */
  pathText: string;
  /** The pattern names a query (`?`), so the URL's query takes part in the match. */
  withQuery: boolean;
}

const SCHEME = /^([a-z*][a-z0-9+.-]*):\/\//i;
const HOST_LABELS = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/;

/** Escapes what is special in both JavaScript and RE2 (declarativeNetRequest) regular expressions. */
function escapeRegExp(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}

function compilePattern(raw: string): CompiledPattern | LinkPatternProblem {
  const text = raw.trim();
  if (text === '') return 'empty';
  if (text.length > LINK_PATTERN_MAX_LENGTH) return 'too-long';
  if (/\s/.test(text)) return 'spaces';

  let rest = text;
  let scheme: CompiledPattern['scheme'];
  const schemeMatch = SCHEME.exec(text);
  if (schemeMatch) {
    const name = (schemeMatch[1] ?? '').toLowerCase();
    if (name === 'http' || name === 'https') scheme = `${name}:`;
    else if (name !== '*') return 'scheme';
    rest = text.slice(schemeMatch[0].length);
  }

  const slash = rest.search(/[/?#]/);
  const hostText = (slash === -1 ? rest : rest.slice(0, slash)).toLowerCase();
  const anySubdomain = hostText.startsWith('*.');
  const bareHost = anySubdomain ? hostText.slice(2) : hostText;
  // A wildcard anywhere else in the host, or a host without a dot, would guard far more than one person.
  if (bareHost.includes('*') || bareHost.includes('@') || bareHost.includes(':')) return 'host';
  let host: string;
  try {
    // The URL parser turns an international host name into the form `URL.hostname` has.
    host = new URL(`http://${bareHost}/`).hostname;
  } catch {
    return 'host';
  }
  if (!HOST_LABELS.test(host)) return 'host';

  const pathText = (slash === -1 ? '' : rest.slice(slash)).split('#')[0] ?? '';
  return { scheme, host, anySubdomain, pathText, withQuery: pathText.includes('?') };
}

const wholeSite = (compiled: CompiledPattern) => compiled.pathText === '' || compiled.pathText === '/';

/**
 * The path part as a regular expression body (no anchors), valid in JavaScript and RE2. `*` stands
 * for any characters; without a query in the pattern it stops at the query, so the path alone
 * decides. "example.social/@someone" also matches ".../@someone/": people rarely type the slash.
 */
function pathExpression(compiled: CompiledPattern): string {
  const anything = compiled.withQuery ? '.*' : '[^?#]*';
  const open = /[*/]$/.test(compiled.pathText);
  return `${compiled.pathText.split('*').map(escapeRegExp).join(anything)}${open ? '' : '/?'}`;
}

/** Checks a pattern the person typed; the trimmed pattern is what gets saved. */
export function checkLinkPattern(raw: string): LinkPatternCheck {
  const compiled = compilePattern(raw);
  return typeof compiled === 'string' ? { ok: false, problem: compiled } : { ok: true, pattern: raw.trim() };
}

/**
 * Whether `url` matches the person's pattern. `*` stands for any characters (slashes included);
 * the scheme is optional; the host is exact unless the pattern starts with "*." (then any
 * subdomain too); the match ignores case, the fragment, and the query unless the pattern has one.
 */
export function linkPatternMatches(pattern: string, url: string): boolean {
  const compiled = compilePattern(pattern);
  const target = parseWebAddress(url);
  if (typeof compiled === 'string' || target === undefined) return false;
  if (compiled.scheme !== undefined && compiled.scheme !== target.protocol) return false;
  const host = target.hostname.replace(/\.$/, '');
  const hostMatches = host === compiled.host || (compiled.anySubdomain && host.endsWith(`.${compiled.host}`));
  if (!hostMatches) return false;
  if (wholeSite(compiled)) return true;
  return new RegExp(`^${pathExpression(compiled)}$`, 'i').test(target.pathname + (compiled.withQuery ? target.search : ''));
}

/**
 * The same match as one regular expression over the whole address, for a declarativeNetRequest
 * `regexFilter` (RE2 syntax; rules are added with `isUrlFilterCaseSensitive: false`). Anchored at
 * both ends, so the rule's `\0` is the whole address and the pause page can offer to continue to
 * it. Undefined for a pattern that does not check.
 */
export function patternRegexFilter(pattern: string): string | undefined {
  const compiled = compilePattern(pattern);
  if (typeof compiled === 'string') return undefined;
  const scheme = compiled.scheme === undefined ? 'https?' : compiled.scheme.slice(0, -1);
  const subdomains = compiled.anySubdomain ? '(?:[a-z0-9-]+\\.)*' : '';
  const origin = `^${scheme}://${subdomains}${escapeRegExp(compiled.host)}\\.?(?::[0-9]+)?`;
  if (wholeSite(compiled)) return `${origin}(?:[/?#].*)?$`;
  const query = compiled.withQuery ? '' : '(?:\\?[^#]*)?';
  return `${origin}${pathExpression(compiled)}${query}(?:#.*)?$`;
}

/**
 * The host permissions a pattern needs (the redirect acts only where the extension holds access),
 * as `permissions.request` origins. Empty for a pattern that does not check.
 */
export function patternOrigins(pattern: string): string[] {
  const compiled = compilePattern(pattern);
  if (typeof compiled === 'string') return [];
  const scheme = compiled.scheme === undefined ? '*' : compiled.scheme.slice(0, -1);
  // In a match pattern "*.example.social" covers example.social itself too.
  return [`${scheme}://${compiled.anySubdomain ? '*.' : ''}${compiled.host}/*`];
}
