/**
 * Event log of 50,000 events, in Node: appended one by one with the real `appendEvent` (so
 * compaction runs as it does in the background), then the stored size of the log (the JSON
 * `storage.local` keeps under the 'log' key), the export of the whole document and its import.
 */
import { performance } from 'node:perf_hooks';
import { test } from 'vitest';
import { appendEvent } from '../utils/data/event-log';
import { emptyDocument, type EventLog, type EventType, type StoredDocument } from '../utils/data/schema';
import { exportDocument, parseImport } from '../utils/data/transfer';
import { SITE_IDS } from '../utils/sites/registry';
import { repetitions, timing, writeFigures, type Figure } from './figures';

const EVENTS = 50_000;
const TIME_ZONE = 'Europe/Madrid';
const TYPES: EventType[] = ['urge-resisted', 'urge-resisted', 'urge-resisted', 'went-through', 'contact-recorded'];
const SITES = SITE_IDS;

function fiftyThousandEvents(start: Date): EventLog {
  let log: EventLog = { recent: [], daily: [] };
  // About 14 events a day over ten years, at varied hours: the log folds into daily rows as it grows.
  const step = (10 * 365 * 24 * 60 * 60 * 1000) / EVENTS;
  for (let i = 0; i < EVENTS; i++) {
    const at = new Date(start.getTime() + Math.round(i * step)).toISOString();
    log = appendEvent(log, { type: TYPES[i % TYPES.length]!, at, site: SITES[i % SITES.length], what: 'profile' }, TIME_ZONE);
  }
  return log;
}

test('event log of 50,000 events: stored size, export and import', () => {
  const start = new Date('2016-11-23T08:00:00Z');
  const log = fiftyThousandEvents(start);
  const doc: StoredDocument = { ...emptyDocument(start, TIME_ZONE), events: log };
  const storedBytes = Buffer.byteLength(JSON.stringify(log));

  const runs = repetitions(15, 3);
  const exportMs: number[] = [];
  const importMs: number[] = [];
  let file = '';
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    file = exportDocument(doc, new Date('2026-11-23T10:00:00Z'));
    exportMs.push(performance.now() - t0);
    const t1 = performance.now();
    const result = parseImport(file);
    importMs.push(performance.now() - t1);
    if (!result.ok) throw new Error(`the exported file did not import: ${result.error}`);
  }

  const figures: Figure[] = [
    {
      figure: 'event-log-50k-stored-kb',
      browser: 'node',
      site: '',
      unit: 'kB',
      value: storedBytes / 1024,
      note: `${log.recent.length} recent + ${log.daily.length} daily rows, JSON as stored under 'log'`,
    },
    timing('event-log-50k-export-ms', 'node', '', exportMs, `exportDocument, file ${Math.round(Buffer.byteLength(file) / 1024)} kB, ${runs} runs`),
    timing('event-log-50k-import-ms', 'node', '', importMs, `parseImport (parse, migrate, validate), ${runs} runs`),
  ];
  writeFigures(figures);
});
