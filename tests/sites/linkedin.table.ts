/**
 * LinkedIn URL shapes and vanity rules. Source: /work/shared/sites/linkedin.md (LinkedIn Help answer 87;
 * knamnguyen/trusthuman.io @0047d06a 2026-02; Safari_Automations 2026-03).
 */
import type { HandleRow, UrlRow } from './site-table-runner';

const MEMBER_ID = 'ACoAAB1cD2eFgHiJkLmNoPqRsTuVwXyZ0123456';
const profile = (handle: string) => ({ kind: 'profile', handle }) as const;

export const linkedinUrlRows: UrlRow[] = [
  { url: 'https://www.linkedin.com/in/sam-rivers-2a1ba6258/', expect: profile('sam-rivers-2a1ba6258'), why: 'profile, default vanity form' },
  { url: 'https://www.linkedin.com/in/sam-rivers-2a1ba6258', expect: profile('sam-rivers-2a1ba6258'), why: 'no trailing slash' },
  { url: 'https://www.linkedin.com/in/SamRivers/', expect: profile('samrivers'), why: 'vanities ignore case' },
  { url: 'https://linkedin.com/in/samrivers', expect: profile('samrivers'), why: 'bare host' },
  { url: 'https://uk.linkedin.com/in/samrivers', expect: profile('samrivers'), why: 'country subdomain' },
  { url: 'https://www.linkedin.com/in/samrivers/?trk=public_profile_browsemap#experience', expect: profile('samrivers'), why: 'tracking query and hash' },
  { url: 'https://www.linkedin.com/in/samrivers/recent-activity/all/', expect: profile('samrivers'), why: 'their activity' },
  { url: 'https://www.linkedin.com/in/samrivers/details/experience/', expect: profile('samrivers'), why: 'profile details' },
  { url: 'https://www.linkedin.com/in/samrivers/overlay/contact-info/', expect: profile('samrivers'), why: 'profile overlay' },
  { url: 'https://www.linkedin.com/in/%E7%8E%8B%E5%B0%8F%E6%98%8E/', expect: profile('王小明'), why: 'non-Latin vanity, percent-encoded' },
  { url: 'https://www.linkedin.com/in/%D0%98%D0%B2%D0%B0%D0%BD-%D0%BF%D0%B5%D1%82%D1%80%D0%BE%D0%B2/', expect: profile('иван-петров'), why: 'Cyrillic vanity: decoded, then lower-cased' },
  { url: `https://www.linkedin.com/in/${MEMBER_ID}/`, expect: { kind: 'profile', stableId: MEMBER_ID }, why: 'opaque member id: kept as is' },
  {
    url: `https://www.linkedin.com/in/samrivers/?profileUrn=urn%3Ali%3Afsd_profile%3A${MEMBER_ID}`,
    expect: { kind: 'profile', handle: 'samrivers', stableId: MEMBER_ID },
    why: 'v2 link carries the member id too',
  },
  {
    url: `https://www.linkedin.com/in/samrivers?miniProfileUrn=urn%3Ali%3Afs_miniProfile%3A${MEMBER_ID}`,
    expect: { kind: 'profile', handle: 'samrivers', stableId: MEMBER_ID },
    why: 'v1 link carries the member id too',
  },
  {
    url: 'https://www.linkedin.com/posts/samrivers_morning-walk-activity-7260000000000000001-AbCd/',
    expect: { kind: 'post', handle: 'samrivers' },
    why: 'post URL names the author before the underscore',
  },
  {
    url: 'https://www.linkedin.com/posts/sam-rivers-2a1ba6258_hiring-activity-7260000000000000001-XyZ1?utm_source=share',
    expect: { kind: 'post', handle: 'sam-rivers-2a1ba6258' },
    why: 'post URL with a hyphenated vanity and share query',
  },
  { url: 'https://www.linkedin.com/feed/update/urn:li:activity:7260000000000000001/', expect: { kind: 'post' }, why: 'post by URN: the page says whose' },
  { url: 'https://www.linkedin.com/feed/update/urn%3Ali%3AugcPost%3A7260000000000000002/?commentUrn=x', expect: { kind: 'post' }, why: 'ugcPost URN, encoded, with a comment link' },
  { url: 'https://www.linkedin.com/messaging/thread/2-YWJjZGVmZ2hpams=/', expect: { kind: 'messages' }, why: 'DM thread: opaque id' },
  { url: 'https://www.linkedin.com/', expect: undefined, why: 'root' },
  { url: 'https://www.linkedin.com/feed/', expect: undefined, why: 'home feed' },
  { url: 'https://www.linkedin.com/feed/update/not-an-urn/', expect: undefined, why: 'update without an activity URN' },
  { url: 'https://www.linkedin.com/messaging/', expect: undefined, why: 'DM inbox' },
  { url: 'https://www.linkedin.com/mynetwork/invite-connect/connections/', expect: undefined, why: 'own network' },
  { url: 'https://www.linkedin.com/me/profile-views/', expect: undefined, why: 'who viewed you: your own page' },
  { url: 'https://www.linkedin.com/mypreferences/d/profile-viewing-options', expect: undefined, why: 'settings' },
  { url: 'https://www.linkedin.com/search/results/people/?keywords=sam%20rivers', expect: undefined, why: 'a search naming someone is not their page' },
  { url: 'https://www.linkedin.com/company/samrivers/', expect: undefined, why: 'organisations are never people' },
  { url: 'https://www.linkedin.com/showcase/samrivers/', expect: undefined, why: 'showcase page' },
  { url: 'https://www.linkedin.com/school/samrivers/', expect: undefined, why: 'school page' },
  { url: 'https://www.linkedin.com/pulse/morning-walks-sam-rivers/', expect: undefined, why: 'article: not in the URL' },
  { url: 'https://www.linkedin.com/jobs/view/4012345678/', expect: undefined, why: 'job' },
  { url: 'https://www.linkedin.com/samrivers', expect: undefined, why: 'people live under /in/ only' },
  { url: 'https://www.linkedin.com/in/', expect: undefined, why: '/in/ without a vanity' },
  { url: 'https://www.linkedin.com/in/ab/', expect: undefined, why: 'two characters: too short' },
  { url: 'https://www.linkedin.com/in/sam_rivers/', expect: undefined, why: 'underscores are not in vanities' },
  { url: 'https://lnkd.in/abc123', expect: undefined, why: 'shortener: names no one until resolved' },
  { url: 'https://notlinkedin.com/in/samrivers', expect: undefined, why: 'look-alike host' },
  { url: 'https://www.linkedin.com.evil.example/in/samrivers', expect: undefined, why: 'look-alike host' },
];

export const linkedinHandleRows: HandleRow[] = [
  { raw: 'samrivers', expect: 'samrivers', why: 'plain' },
  { raw: 'SamRivers', expect: 'samrivers', why: 'case' },
  { raw: ' @sam-rivers-2a1ba6258/ ', expect: 'sam-rivers-2a1ba6258', why: 'at sign, spaces and trailing slash' },
  { raw: '%E7%8E%8B%E5%B0%8F%E6%98%8E', expect: '王小明', why: 'percent-encoded as copied from a link' },
  { raw: '王小明', expect: '王小明', why: 'non-Latin as typed' },
  { raw: 'ab', expect: undefined, why: 'too short' },
  { raw: 'sam rivers', expect: undefined, why: 'space inside' },
  { raw: 'sam.rivers', expect: undefined, why: 'symbols are not allowed' },
  { raw: '%E0%A4', expect: undefined, why: 'broken percent-encoding' },
  { raw: MEMBER_ID, expect: undefined, why: 'a member id is not a vanity (it is a stable id)' },
  { raw: 'linkedin.com/in/samrivers', expect: undefined, why: 'a link is not a handle (recognize.ts reads links)' },
];
