/**
 * What the popup and the options page need for their first screen (`view-requested`), made in the
 * background from the state it holds: the document without its event log and with only the newest
 * journal entries, and the figures drawn from the log. Sending the whole state instead (about
 * 770 kB after five years of heavy use) and drawing every figure in the page took the options page
 * 348 ms in Chromium and 774 ms in Firefox to show anything (issue 17, item 8). Pure.
 */
import { countsToday, totalCount, urgeHistogram, type UrgeHistogram } from '../data/event-log';
import type { StateSnapshot } from '../data/messages';
import type { EventLog, JournalEntry, StoredDocument } from '../data/schema';
import { localDateOf } from '../days/day-count';
import { journalNewestFirst } from './options-model';
import { whatWorks, type WhatWorks } from './what-works';

/** Figures from the whole event log, for the popup's counts and the options page's charts. */
export interface HistoryFigures {
  urges: UrgeHistogram;
  whatWorks: WhatWorks;
  urgesToday: number;
  urgesTotal: number;
}

export function historyFigures(log: EventLog, now: Date, timeZone: string): HistoryFigures {
  return {
    urges: urgeHistogram(log, timeZone),
    whatWorks: whatWorks(log, timeZone),
    urgesToday: countsToday(log, now, timeZone).urgesResisted,
    urgesTotal: totalCount(log, 'urge-resisted'),
  };
}

/** The reply to `view-requested`. */
export interface PageView extends StateSnapshot {
  /** The document with an empty event log (`figures` says what the pages show of it) and the newest journal entries only. */
  doc: StoredDocument;
  /** How many journal entries there are in all. */
  journalCount: number;
  figures: HistoryFigures;
}

const NO_EVENTS: EventLog = { recent: [], daily: [] };

/**
 * The journal newest first, sorted once per journal: the writer keeps the same list until the
 * journal changes, and every open page asks again after each write (a logged urge too).
 */
const newestFirst = new WeakMap<readonly JournalEntry[], JournalEntry[]>();
function journalSorted(journal: readonly JournalEntry[]): JournalEntry[] {
  let sorted = newestFirst.get(journal);
  if (!sorted) newestFirst.set(journal, (sorted = journalNewestFirst(journal)));
  return sorted;
}

/** The first screen's view of `snapshot`: `journal` newest entries (newest first), and `figures`. */
export function pageView(snapshot: StateSnapshot, journal: number, figures: HistoryFigures): PageView {
  const { doc } = snapshot;
  return {
    ...snapshot,
    doc: { ...doc, events: NO_EVENTS, journal: journalSorted(doc.journal).slice(0, journal) },
    journalCount: doc.journal.length,
    figures,
  };
}

/**
 * Figures made once per stored revision, time zone and local day (they only change with a write,
 * or with "today" for the count of today's urges): every open page asks again after each write.
 */
export function figuresCache(): (log: EventLog, revision: string | undefined, now: Date, timeZone: string) => HistoryFigures {
  let held: { key: string; figures: HistoryFigures } | undefined;
  return (log, revision, now, timeZone) => {
    // Without a revision (nothing stored yet) nothing says two logs are the same: made anew.
    if (revision === undefined) return historyFigures(log, now, timeZone);
    const key = `${revision} ${timeZone} ${localDateOf(now, timeZone)}`;
    if (held?.key !== key) held = { key, figures: historyFigures(log, now, timeZone) };
    return held.figures;
  };
}
