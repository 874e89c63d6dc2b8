/**
 * Keys typed while our dialog is open never reach the site. The guard's capture listeners on
 * `window` (registered at document_start, before any page script) stop every key event while the
 * dialog is open. Keys typed into the gap before focus reaches the extension frame (the frame is
 * still loading after "Write it down instead", or the strict-phrase box just appeared) are held
 * here and handed to the frame's box once it has loaded, through the extension's own messaging:
 * never through the page. Pure: no DOM, no browser API.
 */
// zod/mini: this module runs in every guarded page (utils/data/zod-mini.ts).
import { z } from '../data/zod-mini';

export type TypingMode = 'journal' | 'phrase';

/** What one keydown does to the held text. */
export type TypedKey = { append: string } | { erase: true };

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  isComposing: boolean;
}

/**
 * The text a key adds (or removes) while it is held for a typing frame; undefined for keys that
 * type nothing (Tab, Escape, arrows, shortcuts), which keep their usual meaning in our dialog.
 * AltGr arrives as ctrl+alt on Windows and types characters (é, @), so ctrl+alt with a printable
 * key is typing, not a shortcut.
 */
export function typedKey(event: KeyLike, mode: TypingMode): TypedKey | undefined {
  if (event.isComposing) return undefined;
  const altGr = event.ctrlKey && event.altKey;
  if (event.metaKey || (event.ctrlKey && !altGr)) return undefined;
  if (event.key === 'Backspace') return { erase: true };
  if (event.key === 'Enter') return mode === 'journal' ? { append: '\n' } : undefined;
  // A printable key's `key` is the character itself (one code point, maybe two UTF-16 units).
  if ([...event.key].length === 1) return { append: event.key };
  return undefined;
}

/** Applies one typed key to the held text. */
export function applyTypedKey(held: string, typed: TypedKey): string {
  if ('append' in typed) return held + typed.append;
  const chars = [...held];
  chars.pop();
  return chars.join('');
}

/**
 * The typing frame asks for what was held, as soon as it starts (and once more when it gets
 * focus): frame → background → the guard in the same tab's top frame, which answers with the
 * text not yet received and then gives the frame focus. A pull, because Firefox 153 delivers no
 * runtime message to an extension frame inside a web page (seen 2026-12: "Receiving end does not
 * exist" for the background's and the content script's messages alike; Chromium delivers both.
 * Source: tests/e2e/interstitial.e2e.ts), while the frame's own messages and the background's
 * `tabs.sendMessage` to the guard work in both. Never seen by the page.
 */
export const TypedAheadWantedSchema = z.object({
  type: z.literal('typed-ahead-wanted'),
  mode: z.enum(['journal', 'phrase']),
  /** The random key in the frame's address: tells the guard it made this frame. */
  key: z.string().check(z.minLength(16), z.maxLength(64)),
  /**
   * How many characters this page of the frame has received so far. The guard keeps what it
   * handed over until a later ask shows it arrived: a reply lost on its way, or a frame whose page
   * loaded again, gets it once more instead of losing the first words.
   */
  received: z.int().check(z.minimum(0), z.maximum(20_000)),
});

export type TypedAheadWanted = z.infer<typeof TypedAheadWantedSchema>;

/** The guard's answer: what was typed for the frame before it had focus (maybe nothing). */
export const TypedAheadReplySchema = z.object({ text: z.string().check(z.maxLength(20_000)) });

/** Every key and text-input event the site must not see while our dialog is open. */
export { HELD_KEY_EVENTS } from './held-keys';
