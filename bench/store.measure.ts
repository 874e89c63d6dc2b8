/**
 * The writer under load, in Node (issue 17, item 1): 20 pages each send 50 changes at once (1,000
 * in flight) to the real router and store, over five years of heavy use and 1,000 journal entries
 * (bench/heavy-history.ts), once the worker has read what is stored (that first read is a figure
 * of its own). Storage is in memory and copies every value through JSON on `set` and
 * `get`, as the browser's structured clone does. Figures: time from sending a change to its
 * answer (p95 budget 1 s); changes lost (a new store on the same storage must hold every change
 * answered ok); what a change writes.
 */
import { performance } from 'node:perf_hooks';
import { test } from 'vitest';
import { handleMessage } from '../utils/data/router';
import { createStore, storedBytes, type StorageArea } from '../utils/data/store';
import { splitDocument } from '../utils/data/parts';
import { totalCount } from '../utils/data/event-log';
import type { Message } from '../utils/data/messages';
import { heavyHistory, HEAVY_NOW, HEAVY_TIME_ZONE } from './heavy-history';
import { repetitions, timing, writeFigures, type Figure } from './figures';

const PAGES = 20;
const CHANGES_PER_PAGE = 50;
const ORIGIN = 'chrome-extension://bench/';
const OPTIONS = { id: 'bench', url: `${ORIGIN}options.html` };

/** In memory, every value copied through JSON on the way in and out. Counts the bytes written. */
function jsonStorage(): StorageArea & { written: number[] } {
  const items = new Map<string, string>();
  const written: number[] = [];
  return {
    written,
    async get(keys) {
      const wanted = keys === null || keys === undefined ? [...items.keys()] : typeof keys === 'string' ? [keys] : keys;
      return Object.fromEntries(wanted.filter((k) => items.has(k)).map((k) => [k, JSON.parse(items.get(k)!)]));
    },
    async set(values) {
      written.push(storedBytes(values));
      for (const [key, value] of Object.entries(values)) items.set(key, JSON.stringify(value));
    },
    async remove(keys) {
      for (const key of typeof keys === 'string' ? [keys] : keys) items.delete(key);
    },
  };
}

function change(page: number, i: number): Message {
  if (i % 5 === 4) return { type: 'journal-entry-added', text: `Page ${page}, note ${i}: I wrote this instead.` };
  return { type: 'urge-resisted', site: 'instagram', what: 'profile' };
}

test('20 pages × 50 concurrent changes over five years of heavy use', async () => {
  const doc = heavyHistory();
  const runs = repetitions(3, 1);
  const ackMs: number[] = [];
  let lost = 0;
  let sent = 0;
  let perWrite: number[] = [];
  const firstReadMs: number[] = [];
  for (let run = 0; run < runs; run++) {
    const storage = jsonStorage();
    await storage.set(structuredClone(splitDocument(doc)));
    storage.written.length = 0;
    let clock = HEAVY_NOW.getTime();
    let ids = 0;
    const deps = { now: () => new Date((clock += 7)), timeZone: () => HEAVY_TIME_ZONE, newId: () => `bench-${run}-${++ids}` };
    // The worker's first read (migrate and validate everything) is measured on its own: it happens
    // once per worker start, before the first answer.
    const store = createStore({ storage, ...deps });
    const t0 = performance.now();
    await store.load();
    firstReadMs.push(performance.now() - t0);
    const replies = await Promise.all(
      Array.from({ length: PAGES * CHANGES_PER_PAGE }, async (_, n) => {
        const page = Math.floor(n / CHANGES_PER_PAGE);
        const message = { ...change(page, n % CHANGES_PER_PAGE), changeId: `page-${page}-change-${n}` };
        const start = performance.now();
        const reply = await handleMessage(message, OPTIONS, { store, extensionId: 'bench', extensionOrigin: ORIGIN });
        ackMs.push(performance.now() - start);
        return { message, reply };
      }),
    );
    const okJournal = replies.filter((r) => r.reply.ok && r.message.type === 'journal-entry-added').length;
    const okUrges = replies.filter((r) => r.reply.ok && r.message.type === 'urge-resisted').length;
    sent += replies.length;
    const { doc: after } = await createStore({ storage, ...deps }).snapshot();
    lost += replies.filter((r) => !r.reply.ok).length;
    lost += Math.max(0, okJournal - (after.journal.length - doc.journal.length));
    lost += Math.max(0, okUrges - (totalCount(after.events, 'urge-resisted') - totalCount(doc.events, 'urge-resisted')));
    perWrite = storage.written;
  }
  const sorted = [...perWrite].sort((a, b) => a - b);
  const figures: Figure[] = [
    timing('store-1000-concurrent-ack-ms', 'node', '', ackMs, `${PAGES} pages × ${CHANGES_PER_PAGE} changes at once, ${runs} runs; log ${doc.events.recent.length} recent + ${doc.events.daily.length} daily rows, ${doc.journal.length} journal entries, ${doc.people.length} people`),
    timing('store-first-read-ms', 'node', '', firstReadMs, `a starting worker's first read of the same history (read, migrate, validate every part), ${runs} runs`),
    { figure: 'store-1000-concurrent-lost', browser: 'node', site: '', unit: 'count', count: lost, of: sent, note: 'not answered ok, or answered ok and missing from a new store on the same storage' },
    {
      figure: 'store-1000-concurrent-writes',
      browser: 'node',
      site: '',
      unit: 'count',
      count: perWrite.length,
      of: PAGES * CHANGES_PER_PAGE,
      note: `storage.set calls for the last run's 1,000 changes; median ${Math.round((sorted[Math.floor(sorted.length / 2)] ?? 0) / 1024)} kB per write, the whole document is ${Math.round(storedBytes(splitDocument(doc)) / 1024)} kB`,
    },
  ];
  writeFigures(figures);
});
