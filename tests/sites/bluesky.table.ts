/**
 * Bluesky URL shapes and handle rules. Source: /work/shared/sites/bluesky.md (social-app src/routes.ts
 * @706613b7, src/lib/strings/handles.ts @a4c4e9ae, src/lib/routes/links.ts @9a542b76).
 */
import type { HandleRow, UrlRow } from './site-table-runner';

const DID = 'did:plc:abcdefghijklmnopqrstuvwx';

export const blueskyUrlRows: UrlRow[] = [
  { url: 'https://bsky.app/profile/sam-rivers.bsky.social', expect: { kind: 'profile', handle: 'sam-rivers.bsky.social' }, why: 'profile' },
  { url: 'https://bsky.app/profile/sam-rivers.bsky.social/', expect: { kind: 'profile', handle: 'sam-rivers.bsky.social' }, why: 'trailing slash' },
  { url: 'https://bsky.app/profile/Sam-Rivers.BSKY.social', expect: { kind: 'profile', handle: 'sam-rivers.bsky.social' }, why: 'handles ignore case' },
  { url: 'https://bsky.app/profile/samrivers.example.com?ref=share#x', expect: { kind: 'profile', handle: 'samrivers.example.com' }, why: 'own-domain handle, query and hash' },
  { url: `https://bsky.app/profile/${DID}`, expect: { kind: 'profile', stableId: DID }, why: 'profile by DID' },
  { url: 'https://bsky.app/profile/did%3Aplc%3Aabcdefghijklmnopqrstuvwx', expect: { kind: 'profile', stableId: DID }, why: 'percent-encoded DID' },
  { url: 'https://bsky.app/profile/did:web:sam.example.com', expect: { kind: 'profile', stableId: 'did:web:sam.example.com' }, why: 'did:web' },
  { url: 'https://bsky.app/profile/sam-rivers.bsky.social/followers', expect: { kind: 'profile', handle: 'sam-rivers.bsky.social' }, why: 'profile tab' },
  { url: 'https://bsky.app/profile/sam-rivers.bsky.social/lists/3kabc', expect: { kind: 'profile', handle: 'sam-rivers.bsky.social' }, why: 'their list' },
  { url: 'https://bsky.app/profile/sam-rivers.bsky.social/rss', expect: { kind: 'profile', handle: 'sam-rivers.bsky.social' }, why: 'their feed as RSS' },
  { url: 'https://bsky.app/profile/sam-rivers.bsky.social/post/3kxyzabcdef2a', expect: { kind: 'post', handle: 'sam-rivers.bsky.social' }, why: 'post: the author is :name' },
  { url: `https://bsky.app/profile/${DID}/post/3kxyzabcdef2a`, expect: { kind: 'post', stableId: DID }, why: 'post by DID' },
  { url: 'https://bsky.app/profile/sam-rivers.bsky.social/post/3kxyzabcdef2a/liked-by', expect: { kind: 'post', handle: 'sam-rivers.bsky.social' }, why: 'post sub-page' },
  { url: 'https://bsky.app/starter-pack/sam-rivers.bsky.social/3kpack', expect: { kind: 'profile', handle: 'sam-rivers.bsky.social' }, why: 'their starter pack' },
  { url: 'https://bsky.app/messages/3l2abcdefgh', expect: { kind: 'messages' }, why: 'DM thread: opaque id, the page says whose' },
  { url: 'https://bsky.app/', expect: undefined, why: 'home' },
  { url: 'https://bsky.app/messages', expect: undefined, why: 'DM inbox' },
  { url: 'https://bsky.app/messages/settings', expect: undefined, why: 'DM settings' },
  { url: 'https://bsky.app/search?q=sam-rivers.bsky.social', expect: undefined, why: 'a search naming someone is not their page' },
  { url: 'https://bsky.app/notifications', expect: undefined, why: 'app route' },
  { url: 'https://bsky.app/settings/account', expect: undefined, why: 'app route' },
  { url: 'https://bsky.app/hashtag/sunday', expect: undefined, why: 'app route' },
  { url: 'https://bsky.app/profile', expect: undefined, why: 'no name' },
  { url: 'https://bsky.app/profile/sam_rivers', expect: undefined, why: 'not a domain: no dot, underscore' },
  { url: 'https://bsky.app/sam-rivers.bsky.social', expect: undefined, why: 'handles only come after /profile/' },
  { url: 'https://sam-rivers.bsky.social/', expect: undefined, why: 'the handle domain itself is not the app' },
  { url: 'https://staging.bsky.app/profile/sam-rivers.bsky.social', expect: undefined, why: 'other host: not where the content script runs' },
  { url: 'https://bsky.app.evil.example/profile/sam-rivers.bsky.social', expect: undefined, why: 'look-alike host' },
];

export const blueskyHandleRows: HandleRow[] = [
  { raw: 'sam-rivers.bsky.social', expect: 'sam-rivers.bsky.social', why: 'plain' },
  { raw: '@Sam-Rivers.bsky.social', expect: 'sam-rivers.bsky.social', why: 'at sign and case' },
  { raw: ' sam-rivers.bsky.social/ ', expect: 'sam-rivers.bsky.social', why: 'spaces and trailing slash' },
  { raw: 'samrivers.example.com', expect: 'samrivers.example.com', why: 'own domain' },
  { raw: 'sam-rivers', expect: undefined, why: 'no domain' },
  { raw: 'sam_rivers.bsky.social', expect: undefined, why: 'underscore is not allowed in domain labels' },
  { raw: 'sam.123', expect: undefined, why: 'the last label starts with a letter' },
  { raw: '-sam.bsky.social', expect: undefined, why: 'a label cannot start with a hyphen' },
  { raw: DID, expect: undefined, why: 'a DID is a stable id, not a handle' },
  { raw: '', expect: undefined, why: 'empty' },
];
