// No-Contact Guard: marks this page, in the extension's own isolated world (never visible to the
// page), as one whose feed hides someone's posts, so the guard that runs next holds feed items back
// until its list has loaded. A plain file rather than a WXT entrypoint: the wrapper would add
// about 4 KB (gzip) to every guarded page for one line. Read by utils/engine/feed-hiding-flag.ts.
globalThis[Symbol.for('no-contact-guard.feed-hiding')] = true;
