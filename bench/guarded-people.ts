/**
 * Documents with N guarded people, for the "guarded people" growth curve (`npm run bench --
 * --curves`), the same in Node (rules and registrations from the real background code) and in the
 * browser (imported through the product's own import). Person 0 has the accounts the site
 * scenarios guard (so presses on their posts are guarded); everyone else has three accounts, on
 * Instagram (contact redirect rules), X and Bluesky (spelling rules), as in bench/heavy-history.ts,
 * with feed hiding on. Not validated here: past LIMITS.people (50) the product refuses the
 * document, and the curve says so.
 */
import { emptyDocument, type StoredDocument } from '../utils/data/schema';
import type { SiteId } from '../utils/sites/site-ids';

export const PEOPLE_POINTS = [1, 10, 50, 100] as const;
/** The fullest document the limits allow, on the site with the most rules per account (X: four). */
export const FULLEST_POINT = 'limits: 300 X accounts + 200 link patterns';

export interface GuardedAccount {
  site: SiteId;
  handle: string;
  stableId?: string;
}

const NOW = new Date('2026-11-30T20:00:00.000Z');
const person = (i: number, accounts: GuardedAccount[], feedHiding: 'off' | 'hide') => ({
  id: `person-${i}`,
  label: `Person ${i}`,
  accounts,
  feedHiding,
  addedAt: NOW.toISOString(),
});

function withPeople(people: ReturnType<typeof person>[], customPatterns: StoredDocument['customPatterns'] = []): StoredDocument {
  const doc = { ...emptyDocument(NOW, 'Europe/Madrid'), people, customPatterns };
  doc.settings.setupDone = true;
  return doc as StoredDocument;
}

export function peopleDocument(n: number, first: readonly GuardedAccount[]): StoredDocument {
  return withPeople([
    person(0, [...first], 'off'),
    ...Array.from({ length: n - 1 }, (_, k) =>
      person(k + 1, [
        { site: 'instagram', handle: `someone${k + 1}` },
        { site: 'x', handle: `someone${k + 1}` },
        { site: 'bluesky', handle: `someone${k + 1}.bsky.social` },
      ], 'hide'),
    ),
  ]);
}

/**
 * 50 people (LIMITS.people) with 300 accounts (LIMITS.accountsTotal) and 200 link patterns
 * (LIMITS.customPatterns): person 0 as above, the rest of the 300 on X, whose case-insensitive
 * handles each need a redirect and up to three allow rules (utils/background/registration.ts).
 */
export function fullestDocument(first: readonly GuardedAccount[]): StoredDocument {
  const perPerson = Math.ceil((300 - first.length) / 49);
  let left = 300 - first.length;
  const people = [person(0, [...first], 'off')];
  for (let i = 1; i < 50; i++) {
    const count = Math.min(perPerson, left);
    left -= count;
    people.push(person(i, Array.from({ length: count }, (_, j) => ({ site: 'x' as const, handle: `p${i}_account${j}` })), 'hide'));
  }
  const patterns = Array.from({ length: 200 }, (_, i) => ({ id: `pattern-${i}`, personId: 'person-1', pattern: `https://e${i}.social/@someone*` }));
  return withPeople(people, patterns);
}
