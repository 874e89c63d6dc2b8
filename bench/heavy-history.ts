/**
 * Five years of heavy use, for the store and render figures: about 30 events a day (urges resisted
 * and gone through, journal notes) appended one by one with the real `appendEvent` (so the log is
 * compacted as in the background), 1,000 journal entries of a few sentences, and 50 people with
 * three accounts each. Deterministic: the same document every run. `heavyHistory(1)` is one year
 * of the same use (200 journal entries), the first point of the event-log growth curve.
 */
import { appendEvent } from '../utils/data/event-log';
import { DocumentSchema, emptyDocument, type EventLog, type EventType, type StoredDocument } from '../utils/data/schema';
import { SITE_IDS } from '../utils/sites/site-ids';

export const HEAVY_NOW = new Date('2026-11-30T20:00:00.000Z');
export const HEAVY_TIME_ZONE = 'Europe/Madrid';
const EVENTS_PER_DAY = 30;
const JOURNAL_ENTRIES_PER_YEAR = 200;
const PEOPLE = 50;
const TYPES: EventType[] = ['urge-resisted', 'urge-resisted', 'urge-resisted', 'went-through', 'journal-entry'];
const SENTENCE = 'I wanted to look again tonight, and I wrote this instead of opening their page. ';

export function heavyHistory(years = 5): StoredDocument {
  const start = new Date(HEAVY_NOW.getTime() - years * 365 * 86_400_000);
  const events = years * 365 * EVENTS_PER_DAY;
  const journalEntries = years * JOURNAL_ENTRIES_PER_YEAR;
  const step = (HEAVY_NOW.getTime() - start.getTime()) / events;
  let log: EventLog = { recent: [], daily: [] };
  for (let i = 0; i < events; i++) {
    const at = new Date(start.getTime() + Math.round(i * step)).toISOString();
    log = appendEvent(log, { type: TYPES[i % TYPES.length]!, at, site: SITE_IDS[i % SITE_IDS.length], what: 'profile' }, HEAVY_TIME_ZONE);
  }
  const journalStep = (HEAVY_NOW.getTime() - start.getTime()) / journalEntries;
  const journal = Array.from({ length: journalEntries }, (_, i) => ({
    id: `journal-${i}`,
    at: new Date(start.getTime() + Math.round(i * journalStep)).toISOString(),
    text: SENTENCE.repeat(1 + (i % 6)).trim(),
  }));
  const people = Array.from({ length: PEOPLE }, (_, i) => ({
    id: `person-${i}`,
    label: `Person ${i}`,
    accounts: [
      { site: 'instagram', handle: `someone${i}` },
      { site: 'x', handle: `someone${i}` },
      { site: 'bluesky', handle: `someone${i}.bsky.social` },
    ],
    feedHiding: 'hide',
    addedAt: start.toISOString(),
  }));
  const doc = { ...emptyDocument(start, HEAVY_TIME_ZONE), people, events: log, journal };
  doc.settings.setupDone = true;
  return DocumentSchema.parse(doc);
}
