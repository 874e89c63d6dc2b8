/**
 * Reading a web address, the two ways the extension needs: a link a person pasted or typed
 * (often without "https://"), and an address the extension itself carries (absolute, http(s)
 * only). Pure; used by the link recognisers, the pattern preview, the pause page and the
 * background's one-time "continue" rule.
 */

const WEB_SCHEME = /^https?:\/\//i;
/** A scheme that is not the web's ("mailto:", "javascript:", "did:"): a host would have a dot before the colon. */
const OTHER_SCHEME = /^[a-z][a-z0-9+-]*:/i;

/** A link as people paste it: "x.com/someone" has no scheme; anything not on the web is refused. */
export function parseWebAddress(input: string): URL | undefined {
  const text = input.trim();
  if (!text || /\s/.test(text) || text.startsWith('@')) return undefined;
  if (!WEB_SCHEME.test(text) && (text.includes('://') || OTHER_SCHEME.test(text))) return undefined;
  try {
    const url = new URL(WEB_SCHEME.test(text) ? text : `https://${text.replace(/^\/+/, '')}`);
    return url.hostname.includes('.') ? url : undefined;
  } catch {
    return undefined;
  }
}

/** An absolute http(s) address, or undefined. */
export function parseHttpUrl(raw: string): URL | undefined {
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}
