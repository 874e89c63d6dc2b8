/**
 * "Message a friend instead": the one link the person saved (a messaging app's https link, or
 * mailto:, sms:, tel:) and the message they prepared. Pure. The extension never sends anything:
 * the link opens in a new tab or in the system's own handler, with the message filled in where the
 * link's kind allows it, and the person sends it themselves (or not).
 */

export type FriendLinkKind = 'web' | 'mailto' | 'sms' | 'tel';

/** Why a typed link cannot be saved; undefined when it can. Plain codes: the copy owns the words. */
export type FriendLinkProblem = 'empty' | 'not-a-link' | 'not-secure' | 'scheme';

/** The kind of a friend link, or a problem. "wa.me/123" without a scheme is read as https. */
export function readFriendLink(input: string): { ok: true; url: URL; kind: FriendLinkKind } | { ok: false; problem: FriendLinkProblem } {
  const trimmed = input.trim();
  if (trimmed === '') return { ok: false, problem: 'empty' };
  // Numbers are often pasted with spaces ("tel:+44 20 7946 0000").
  const text = /^(tel|sms):/i.test(trimmed) ? trimmed.replace(/\s+/g, '') : trimmed;
  if (/\s/.test(text)) return { ok: false, problem: 'not-a-link' };
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, problem: 'not-a-link' };
  }
  switch (url.protocol) {
    case 'https:':
      return url.hostname.includes('.') ? { ok: true, url, kind: 'web' } : { ok: false, problem: 'not-a-link' };
    case 'http:':
      return { ok: false, problem: 'not-secure' };
    case 'mailto:':
      return url.pathname.includes('@') ? { ok: true, url, kind: 'mailto' } : { ok: false, problem: 'not-a-link' };
    case 'sms:':
    case 'tel:':
      return /^\+?[\d\-(). ]{3,}$/.test(decodeURIComponent(url.pathname))
        ? { ok: true, url, kind: url.protocol === 'sms:' ? 'sms' : 'tel' }
        : { ok: false, problem: 'not-a-link' };
    default:
      // javascript:, data:, file: and the like are never opened.
      return { ok: false, problem: 'scheme' };
  }
}

/** True when `input` is a friend link that may be saved (the zod refinement of the schema). */
export function isFriendLink(input: string): boolean {
  return readFriendLink(input).ok;
}

/**
 * What "Message a friend instead" opens: the saved link, with the prepared message filled in where
 * the link's kind has a place for it (an e-mail's body, a text message's body, WhatsApp's `text`).
 * Elsewhere the dialog shows the message, for the person to paste.
 */
export function friendHref(link: string, message: string): { href: string; filled: boolean } {
  // The stored link was read and normalised by readFriendLink when it was saved (the schema
  // refines it); this runs in every guarded page, so it only re-reads it as a URL.
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return { href: '', filled: false };
  }
  if (!['https:', 'mailto:', 'sms:', 'tel:'].includes(url.protocol)) return { href: '', filled: false };
  const text = message.trim();
  if (text === '' || url.protocol === 'tel:') return { href: url.href, filled: false };
  // Written by hand, not with searchParams: that writes spaces as "+", which mail and SMS apps show
  // literally, and a number's own "+" must stay as it is.
  const withParam = (name: string) => `${url.href}${url.search ? '&' : '?'}${name}=${encodeURIComponent(text)}`;
  if (url.protocol === 'mailto:' || url.protocol === 'sms:') return { href: withParam('body'), filled: true };
  // WhatsApp, seen 2026-12: wa.me/<number>?text=<message> puts the message in the box as a draft.
  // Source: https://www.instantmessageconnector.com/blog/whatsapp-click-to-chat-links-explained/
  if (url.hostname === 'wa.me' || url.hostname === 'api.whatsapp.com') return { href: withParam('text'), filled: true };
  return { href: url.href, filled: false };
}

/**
 * What the pause offers for the saved friend (the in-page interstitial and the pause page): the
 * link, whether it calls, and the message when the link cannot carry it.
 */
export function friendPrompt(friend: { link: string; message: string }): { href: string; call: boolean; message?: string } | undefined {
  const opened = friendHref(friend.link, friend.message);
  if (!opened.href) return undefined;
  return {
    href: opened.href,
    call: opened.href.startsWith('tel:'),
    ...(!opened.filled && friend.message.trim() && { message: friend.message.trim() }),
  };
}
