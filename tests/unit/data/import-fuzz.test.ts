/**
 * Seeded fuzzing of the import path (issue 17, item 3): mutated valid exports (the stored fixtures
 * and today's `exportDocument` output) and random documents go through `parseImport` and the
 * router's import, and every accepted file is then used: real changes through the real store, and
 * a forced compaction of its log. Properties, for every input:
 * - `parseImport` never throws and answers within a second (a hang, not a benchmark: it takes
 *   about a millisecond);
 * - a refused file changes nothing, and what the person reads is at most ERROR_TEXT_MAX_CHARS;
 * - after an accepted file, the next changes and a compaction all pass the schema, and the
 *   browser's redirect rules can carry every guarded account.
 *
 * CI runs FUZZ_RUNS (default 1200) mutated exports and a third as many random documents. A longer
 * run: `FUZZ_RUNS=10000 npm run test:unit -- tests/unit/data/import-fuzz.test.ts` (FUZZ_SEED picks
 * another seed; a failure prints the seed and path to replay it).
 */
import { beforeEach, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { exportDocument, parseImport } from '../../../utils/data/transfer';
import { DocumentSchema, EventLogSchema, emptyDocument, type StoredDocument } from '../../../utils/data/schema';
import { handleMessage, type MessageSender } from '../../../utils/data/router';
import { createStore } from '../../../utils/data/store';
import { reduce, type Mutation } from '../../../utils/data/reducers';
import { compact, RECENT_AFTER_FOLD, RECENT_LIMIT } from '../../../utils/data/event-log';
import { contactRedirectRules, patternRedirectRules } from '../../../utils/background/registration';
import { BROWSER_REGEX_RULE_LIMIT, ERROR_TEXT_MAX_CHARS } from '../../../utils/data/limits';

const RUNS = Number(process.env.FUZZ_RUNS ?? 1200);
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const NOW = new Date('2026-12-01T10:00:00.000Z');
const EXTENSION_ID = 'guard-extension-id';
const ORIGIN = 'chrome-extension://guard-extension-id/';
const OPTIONS: MessageSender = { id: EXTENSION_ID, url: `${ORIGIN}options.html`, tab: { id: 3 } };

function fixture(name: string): unknown {
  return JSON.parse(readFileSync(resolve(process.cwd(), 'tests/fixtures/data', name), 'utf8'));
}

function envelope(data: unknown, version: unknown): Record<string, unknown> {
  return { format: 'no-contact-guard', version, exportedAt: NOW.toISOString(), data };
}

/** A document as real use leaves it: people, a journal, hard days, patterns, a folded log. */
function usedDocument(): StoredDocument {
  let ids = 0;
  const ctx = (at: Date) => ({ now: at, timeZone: 'America/Sao_Paulo', newId: () => `used-${++ids}` });
  let doc = emptyDocument(new Date('2026-01-01T12:00:00.000Z'), 'America/Sao_Paulo');
  const changes: Mutation[] = [
    { type: 'person-added', label: 'R', accounts: [{ site: 'instagram', handle: 'r.example' }, { site: 'linkedin', handle: 'r-example-1' }] },
    { type: 'hard-day-added', monthDay: '02-29', label: 'A day' },
    { type: 'journal-entry-added', text: 'Wrote it down instead.' },
    { type: 'reason-added', text: 'Peace.' },
    { type: 'contact-recorded', note: 'It happened.' },
  ];
  changes.forEach((change, i) => {
    const outcome = reduce(doc, change, ctx(new Date(Date.UTC(2026, 0, 2 + i, 21))));
    if (outcome.ok) doc = outcome.doc;
  });
  const personId = doc.people[0]?.id ?? '';
  const withPattern = reduce(doc, { type: 'custom-pattern-added', personId, pattern: 'https://example.social/@r*' }, ctx(NOW));
  if (withPattern.ok) doc = withPattern.doc;
  // Enough urges over many days that the log has folded into daily rows.
  for (let i = 0; i < RECENT_LIMIT + 1; i += 1) {
    const outcome = reduce(doc, { type: 'urge-resisted', site: 'instagram', what: 'story' }, ctx(new Date(Date.UTC(2026, 1, 1) + i * 3_600_000)));
    if (outcome.ok) doc = outcome.doc;
  }
  // Kept light (each run parses it several times): the daily rows stay, most single events go.
  return DocumentSchema.parse({ ...doc, events: { ...doc.events, recent: doc.events.recent.slice(-40) } });
}

const BASES: { name: string; file: Record<string, unknown> }[] = [
  { name: 'v1 fixture', file: envelope(fixture('v1.json'), 1) },
  { name: 'v2 fixture', file: envelope(fixture('v2.json'), 2) },
  { name: 'empty export', file: JSON.parse(exportDocument(emptyDocument(NOW, 'Pacific/Chatham'), NOW)) },
  { name: 'used export', file: JSON.parse(exportDocument(usedDocument(), NOW)) },
];

type Path = (string | number)[];

/** Every place in a JSON value (the root included), so a mutation can land anywhere. */
function pathsOf(value: unknown): Path[] {
  const paths: Path[] = [];
  const stack: { value: unknown; path: Path }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: here, path } = stack.pop()!;
    paths.push(path);
    if (Array.isArray(here)) here.slice(0, 40).forEach((item, i) => stack.push({ value: item, path: [...path, i] }));
    else if (here && typeof here === 'object') for (const [key, item] of Object.entries(here)) stack.push({ value: item, path: [...path, key] });
  }
  return paths;
}


/** Replaced in the JSON text: nesting this deep cannot be built as a value and stringified. */
const DEEP_TOKEN = '__deeply_nested__';

// Values that sit at or just past the edges the schema draws, plus what the issue saw get through,
// grouped by the kind of value they replace (a `like` edit picks from the group of the value it hits).
const EDGES = {
  instant: [
    '10000-01-01T00:00:00.000Z', '9999-12-31T23:59:59-12:00', '+010000-01-01T00:00:00.000Z', '1999-12-31T23:59:59.999Z',
    '2000-01-01T00:00:00.000Z', '2199-12-31T23:59:59.999Z', '2200-01-01T00:00:00.000Z', '2199-12-31T23:00:00-05:00',
    '2199-12-31T23:59:59+14:00', '2000-01-01T00:00:00-12:00', '1970-01-01T00:00:00Z', '2026-02-30T10:00:00Z', '2026-13-01T00:00:00Z',
  ],
  timeZone: ['Not/AZone', 'UTC', 'utc', 'Etc/GMT+12', 'Etc/GMT-14', 'Pacific/Kiritimati', 'America/Argentina/ComodRivadavia', 'Europe/Kyiv', '+05:00', '', 'x'.repeat(65)],
  monthDay: ['99-99', '02-29', '02-30', '00-00', '12-31', '13-01', '04-31', '01-00'],
  localDate: ['1999-12-30', '1999-12-31', '2200-01-01', '2200-01-02', '2026-02-29', '2024-02-29', '2026-04-31', '10000-01-01', '0000-00-00'],
  handle: ['@Someone', 'Some.One', 'a'.repeat(30), 'a'.repeat(31), 'a'.repeat(100), 'a'.repeat(101), 'a'.repeat(256), 'ünïcödé', 'Ünï-cödé-name', 'пример', '../x', 'a b', 'did:plc:aaaaaaaaaaaaaaaaaaaaaaaa', `ACoAA${'x'.repeat(300)}`],
  number: [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2, 1e308, -1, 0, 0.5, 3650, 3651, 75_000, 75_001, 1_000_000, 1_000_001],
  other: [true, null, [], {}, 'x'.repeat(501), 'x'.repeat(20_001)],
};
const EDGE_VALUES: unknown[] = Object.values(EDGES).flat();

/** The group of edge values for the value an edit lands on. */
function edgesLike(value: unknown): readonly unknown[] {
  if (typeof value === 'number') return EDGES.number;
  if (typeof value !== 'string') return EDGES.other;
  if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return EDGES.instant;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return EDGES.localDate;
  if (/^\d{2}-\d{2}$/.test(value)) return EDGES.monthDay;
  if (value === 'UTC' || /^[A-Z][a-z]+\/[A-Z]/.test(value)) return EDGES.timeZone;
  return EDGES.handle;
}

function valueAt(root: unknown, path: Path): unknown {
  let here = root;
  for (const segment of path) here = (here as Record<string | number, unknown>)?.[segment];
  return here;
}

/**
 * Places grouped by the kind of value there, so an edit is as likely to hit one of the few instants
 * or zones as one of the thousand hourly counts: an edit picks a group first, then a place in it.
 */
const BASE_PATHS: Path[][][] = BASES.map((base) => {
  const all = pathsOf(base.file);
  const groups = new Map<readonly unknown[], Path[]>();
  for (const path of all) {
    const value = valueAt(base.file, path);
    if (typeof value !== 'string' && typeof value !== 'number') continue;
    const group = edgesLike(value);
    groups.set(group, [...(groups.get(group) ?? []), path]);
  }
  return [all, ...groups.values()];
});

type Edit =
  | { op: 'set'; at: number; value: unknown }
  | { op: 'like'; at: number; pick: number }
  | { op: 'delete'; at: number }
  | { op: 'repeat'; at: number; times: number }
  | { op: 'deep'; at: number }
  | { op: 'long-key'; at: number; chars: number };

const editArb: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ op: fc.constant('like' as const), at: fc.nat(), pick: fc.nat() }) },
  { weight: 5, arbitrary: fc.record({ op: fc.constant('set' as const), at: fc.nat(), value: fc.constantFrom(...EDGE_VALUES) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('set' as const), at: fc.nat(), value: fc.jsonValue({ maxDepth: 3 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), at: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({ op: fc.constant('repeat' as const), at: fc.nat(), times: fc.oneof(fc.integer({ min: 1, max: 60 }), fc.constantFrom(101, 201, 301, 601, 1001, 4001, 5001)) }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('deep' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('long-key' as const), at: fc.nat(), chars: fc.constantFrom(40, 100_000, 1_000_000) }) },
);

function parentOf(root: unknown, path: Path): unknown {
  let here = root;
  for (const segment of path.slice(0, -1)) here = (here as Record<string | number, unknown>)?.[segment];
  return here;
}

/** Applies the edits to a copy of the base and returns the JSON text an import would read. */
function mutatedFile(baseIndex: number, edits: readonly Edit[], depth: number): string {
  const root = { file: structuredClone(BASES[baseIndex]!.file) };
  const groups = BASE_PATHS[baseIndex]!;
  for (const edit of edits) {
    const paths = groups[edit.at % groups.length]!;
    const path: Path = ['file', ...paths[Math.floor(edit.at / groups.length) % paths.length]!];
    const parent = parentOf(root, path) as Record<string | number, unknown> | unknown[] | undefined;
    const key = path[path.length - 1]!;
    if (!parent || typeof parent !== 'object') continue;
    const current = (parent as Record<string | number, unknown>)[key];
    switch (edit.op) {
      case 'set':
        (parent as Record<string | number, unknown>)[key] = structuredClone(edit.value);
        break;
      case 'like': {
        const edges = edgesLike(current);
        (parent as Record<string | number, unknown>)[key] = structuredClone(edges[edit.pick % edges.length]);
        break;
      }
      case 'delete':
        if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 1);
        else delete (parent as Record<string | number, unknown>)[key];
        break;
      case 'repeat':
        if (Array.isArray(current) && current.length > 0) {
          const item = current[0];
          const copies = Array.from({ length: edit.times }, () => structuredClone(item));
          (parent as Record<string | number, unknown>)[key] = [...current, ...copies];
        } else if (Array.isArray(parent)) {
          parent.push(...Array.from({ length: edit.times }, () => structuredClone(current)));
        }
        break;
      case 'deep':
        (parent as Record<string | number, unknown>)[key] = DEEP_TOKEN;
        break;
      case 'long-key':
        if (current && typeof current === 'object' && !Array.isArray(current)) (current as Record<string, unknown>)['k'.repeat(edit.chars)] = 1;
        break;
    }
  }
  const text = JSON.stringify(root.file) ?? '';
  return text.includes(`"${DEEP_TOKEN}"`) ? text.replace(`"${DEEP_TOKEN}"`, `${'['.repeat(depth)}${']'.repeat(depth)}`) : text;
}

/** A few real changes, as the person would make them next; each must pass the schema or be refused by a rule. */
function nextChanges(doc: StoredDocument): Mutation[] {
  const personId = doc.people[0]?.id ?? 'nobody';
  return [
    { type: 'urge-resisted', site: 'instagram', what: 'story' },
    { type: 'person-added', label: 'New', accounts: [{ site: 'instagram', handle: 'fuzz.new.person' }] },
    { type: 'account-added', personId, account: { site: 'linkedin', handle: 'fuzz-added' } },
    { type: 'streak-start-set', startedAt: '2026-11-01T00:00:00.000Z', timeZone: doc.streak.timeZone },
    { type: 'milestones-seen', days: [1, 7] },
    { type: 'contact-recorded', note: 'Again.' },
  ];
}

/** A compaction that folds every event the document holds, in the zone the person counts in. */
function forcedCompaction(doc: StoredDocument): unknown {
  const filler = { type: 'urge-resisted' as const, at: NOW.toISOString() };
  const fill = Math.max(RECENT_AFTER_FOLD, RECENT_LIMIT + 1 - doc.events.recent.length);
  const log = { recent: [...doc.events.recent, ...Array.from({ length: fill }, () => filler)], daily: doc.events.daily };
  return { ...doc, events: compact(log, doc.streak.timeZone) };
}

interface Tally {
  runs: number;
  accepted: number;
  refused: number;
  slowest: number;
}

async function checkFile(json: string, tally: Tally): Promise<void> {
  tally.runs += 1;
  const timed = () => {
    const started = performance.now();
    const result = parseImport(json);
    return { result, took: performance.now() - started };
  };
  const first = timed();
  const parsed = first.result;
  // A hang repeats; a pause of the shared machine (or a garbage collection) does not: timed twice then.
  const took = first.took < 1000 ? first.took : Math.min(first.took, timed().took);
  tally.slowest = Math.max(tally.slowest, took);
  expect(took, 'parseImport took over a second').toBeLessThan(1000);

  if (!parsed.ok) {
    tally.refused += 1;
    const shown = `${parsed.error}${parsed.where === undefined ? '' : ` ${parsed.where}`}`;
    expect(shown.length, shown.slice(0, 400)).toBeLessThanOrEqual(ERROR_TEXT_MAX_CHARS);
    // Through the router too (every tenth refusal, to keep the suite fast): nothing is written.
    if (tally.refused % 10 !== 1) return;
  }

  fakeBrowser.reset();
  let ids = 0;
  const store = createStore({
    storage: fakeBrowser.storage.local,
    now: () => NOW,
    timeZone: () => (parsed.ok ? parsed.doc.streak.timeZone : 'UTC'),
    newId: () => `fuzz-${++ids}`,
  });
  await store.load();
  const before = await fakeBrowser.storage.local.get(null);
  const reply = await handleMessage({ type: 'import-requested', json }, OPTIONS, { store, extensionId: EXTENSION_ID, extensionOrigin: ORIGIN });

  if (!parsed.ok) {
    expect(reply).toEqual(parsed);
    expect(await fakeBrowser.storage.local.get(null), 'a refused import wrote something').toEqual(before);
    return;
  }

  tally.accepted += 1;
  expect(reply).toEqual({ ok: true });
  const core = parsed.doc;
  const rules = contactRedirectRules(core, `${ORIGIN}pause.html`).length + patternRedirectRules(core, `${ORIGIN}pause.html`).length;
  expect(rules).toBeLessThanOrEqual(BROWSER_REGEX_RULE_LIMIT);

  const compacted = DocumentSchema.safeParse(forcedCompaction(parsed.doc));
  expect(compacted.success, `compaction after import: ${JSON.stringify(compacted.error?.issues[0])?.slice(0, 300)}`).toBe(true);

  for (const change of nextChanges(parsed.doc)) {
    const outcome = await store.update((doc, ctx) => reduce(doc, change, ctx));
    // A rule may refuse a change (a full list, nobody to add to); the schema never may.
    if (!outcome.ok) expect(['invalid-result', 'newer-version', 'storage-full'], `${change.type}: ${outcome.error}`).not.toContain(outcome.error);
  }
  const last = await store.snapshot();
  expect(last.problem).toBeUndefined();
  expect(EventLogSchema.safeParse(last.doc.events).success).toBe(true);
}

describe(`import fuzz (seed ${SEED}, ${RUNS} mutated exports, ${Math.ceil(RUNS / 3)} random documents)`, () => {
  beforeEach(() => fakeBrowser.reset());

  test('every base file is accepted as it is (so mutations start from valid exports)', () => {
    for (const base of BASES) expect(parseImport(JSON.stringify(base.file)).ok, base.name).toBe(true);
  });

  test('mutated valid exports: no crash, no hang, short errors, and whatever is accepted keeps working', async () => {
    const tally: Tally = { runs: 0, accepted: 0, refused: 0, slowest: 0 };
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: BASES.length - 1 }),
        fc.array(editArb, { minLength: 1, maxLength: 4 }),
        fc.constantFrom(50, 5_000, 200_000),
        async (base, edits, depth) => checkFile(mutatedFile(base, edits, depth), tally),
      ),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    console.info(`import fuzz, mutated: ${tally.runs} runs, ${tally.accepted} accepted, ${tally.refused} refused, slowest parse ${tally.slowest.toFixed(1)} ms`);
    // Both sides of the line are exercised, or the property says little.
    expect(tally.accepted).toBeGreaterThan(RUNS / 20);
    expect(tally.refused).toBeGreaterThan(RUNS / 4);
  }, 600_000);

  test('random documents in a valid envelope, and random text: no crash, no hang, short errors', async () => {
    const tally: Tally = { runs: 0, accepted: 0, refused: 0, slowest: 0 };
    const randomFile = fc.oneof(
      fc.tuple(fc.jsonValue({ maxDepth: 6 }), fc.constantFrom<unknown>(1, 2, 3, '2', null)).map(([data, version]) => JSON.stringify(envelope(data, version))),
      fc.jsonValue({ maxDepth: 6 }).map((value) => JSON.stringify(value) ?? ''),
      fc.string({ maxLength: 200 }),
    );
    await fc.assert(fc.asyncProperty(randomFile, async (json) => checkFile(json, tally)), { seed: SEED + 1, numRuns: Math.ceil(RUNS / 3), endOnFailure: true });
    console.info(`import fuzz, random: ${tally.runs} runs, ${tally.accepted} accepted, ${tally.refused} refused, slowest parse ${tally.slowest.toFixed(1)} ms`);
  }, 600_000);
});
