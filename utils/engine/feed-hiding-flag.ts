/**
 * A flag in the content scripts' own (isolated) world, never visible to the page: set by
 * public/content-scripts/feed-hiding-flag.js (the same symbol), which the background injects just before the guard
 * on sites where someone's posts are hidden from feeds. With it, the guard hides feed items from
 * the very first one, before the guarded list has loaded from storage, so a guarded person's post
 * never paints for a frame (tests/e2e/feed-hiding.e2e.ts saw exactly that in Firefox, 2026-11).
 * The file is one line with no comment (every byte is evaluated at document_start on every page of
 * the site), and a plain file rather than a WXT entrypoint: the wrapper would add about 4 KB (gzip).
 */
const FLAG = Symbol.for('no-contact-guard.feed-hiding');

/** What the public file does; for tests. */
export function setFeedHidingFlag(scope: object = globalThis): void {
  (scope as Record<symbol, unknown>)[FLAG] = true;
}

export function feedHidingFlagged(scope: object = globalThis): boolean {
  return (scope as Record<symbol, unknown>)[FLAG] === true;
}
