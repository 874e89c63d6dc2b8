/**
 * The Node side of the growth curves (`npm run bench -- --curves`, issue 16 item 5), from the
 * product's own code:
 * - guarded people 1, 10, 50, 100 and the fullest document the limits allow: what the background
 *   asks of the browser on every change (registered scripts and their match patterns, redirect
 *   rules, against Chrome's MAX_NUMBER_OF_REGEX_RULES) and what it costs to work out; what the
 *   first stage reads and decides at every page start (the guard part of storage, readGuardList,
 *   buildGuardIndex) and per decision (parseUrl and match);
 * - an event log of 1 and 5 years of heavy use (bench/heavy-history.ts): export and import.
 * The browser side (start-up, press → cover, rules in force, renders) is bench/browser.measure.ts.
 */
import { performance } from 'node:perf_hooks';
import { test } from 'vitest';
import type { SiteScenario } from '../tests/fixtures/sites/scenario-types';
import { contactRedirectRules, contentScriptsFor, patternRedirectRules, spellingRedirectRules } from '../utils/background/registration';
import { feedStyleSheet } from '../utils/background/feed-style';
import { GUARD_CORE_KEYS, joinGuardKeys } from '../utils/data/guard-keys';
import { guardCopyOf } from '../utils/data/guard-copy';
import { DocumentSchema, type StoredDocument } from '../utils/data/schema';
import { exportDocument, parseImport } from '../utils/data/transfer';
import { BROWSER_REGEX_RULE_LIMIT, LIMITS } from '../utils/data/limits';
import { readGuardList } from '../utils/engine/guard-list';
import { buildGuardIndex } from '../utils/engine/guard-index';
import { adapterById } from '../utils/sites/registry';
import { FULLEST_POINT, fullestDocument, peopleDocument, PEOPLE_POINTS, type GuardedAccount } from './guarded-people';
import { heavyHistory, HEAVY_NOW } from './heavy-history';
import { onCurve, repetitions, timing, writeFigures, type Figure } from './figures';

const scenarios = Object.values(import.meta.glob<{ scenario: SiteScenario }>('../tests/fixtures/sites/*/scenario.ts', { eager: true })).map((m) => m.scenario);
const firstPerson: GuardedAccount[] = scenarios.map((s) => ({ site: s.site, handle: s.guarded.handle, ...(s.guarded.stableId ? { stableId: s.guarded.stableId } : {}) }));
const PAUSE_URL = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/pause.html';
/** Chrome's MAX_NUMBER_OF_DYNAMIC_RULES since Chrome 121 (developer.chrome.com/docs/extensions/reference/api/declarativeNetRequest). */
const DYNAMIC_RULE_LIMIT = 30_000;
const PEOPLE = 'guarded people';
const HISTORY = 'event log';

const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));
const kb = (n: number) => n / 1024;

function timeIt(runs: number, fn: () => unknown): number[] {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return samples;
}

function peoplePoint(point: string, doc: StoredDocument): Figure[] {
  const at = (f: Figure) => onCurve(PEOPLE, point, f);
  const valid = DocumentSchema.safeParse(doc);
  const refused = valid.success ? '' : `; the product refuses this document (${valid.error.issues[0]?.message ?? 'invalid'}: LIMITS.people ${LIMITS.people}, accountsTotal ${LIMITS.accountsTotal}), so only Node sees it`;
  const accounts = doc.people.reduce((n, p) => n + p.accounts.length, 0);
  const contact = contactRedirectRules(doc, PAUSE_URL);
  const spelling = spellingRedirectRules(doc, PAUSE_URL).flat();
  const patterns = patternRedirectRules(doc, PAUSE_URL);
  const rules = [...contact, ...spelling, ...patterns];
  const regexes = rules.map((r) => (r.condition as { regexFilter?: string }).regexFilter).filter((r): r is string => r !== undefined);
  const scripts = contentScriptsFor(doc);
  const matches = scripts.reduce((n, s) => n + s.matches.length + (s.excludeMatches?.length ?? 0), 0);
  const cover = scripts.filter((s) => s.id.startsWith('guard-cover-'));
  const compute = timeIt(repetitions(50, 5), () =>
    JSON.stringify([contentScriptsFor(doc), contactRedirectRules(doc, PAUSE_URL), spellingRedirectRules(doc, PAUSE_URL), patternRedirectRules(doc, PAUSE_URL)]),
  );
  // What the first stage reads at every page start (the guard's copy under the guard keys, as
  // storage.get copies them; since version 5 the store's own parts are in IndexedDB, and
  // storage.local holds only this copy: utils/data/guard-copy.ts) and builds from it before its
  // first decision.
  const copy = guardCopyOf(doc);
  const guardKeys = Object.fromEntries(GUARD_CORE_KEYS.map((key) => [key, copy[key]]));
  const x = adapterById('x');
  const pageStart = timeIt(repetitions(200, 20), () => {
    const list = readGuardList(joinGuardKeys(structuredClone(guardKeys)));
    if (!list) throw new Error('the guard list did not read back');
    return buildGuardIndex(list, 'x');
  });
  const list = readGuardList(joinGuardKeys(guardKeys))!;
  const index = buildGuardIndex(list, 'x');
  const url = new URL(`https://x.com/${firstPerson.find((a) => a.site === 'x')!.handle}/status/1790000000000000001`);
  const decisions = 1000;
  const decide = timeIt(repetitions(50, 5), () => {
    for (let i = 0; i < decisions; i++) if (!index.match(x.parseUrl(url))) throw new Error('not guarded');
  }).map((ms) => (ms / decisions) * 1000);
  const sheet = feedStyleSheet(doc, 'x').css;
  const info = `${doc.people.length} people, ${accounts} accounts, ${doc.customPatterns.length} link patterns${refused}`;
  return [
    at({
      figure: 'curve-regex-rules', browser: 'node', site: '', unit: 'count', count: regexes.length, of: BROWSER_REGEX_RULE_LIMIT,
      note: `${info}. Redirect/allow rules the background wants (contact ${contact.length}, spelling ${spelling.length}, link patterns ${patterns.length}), every one a regexFilter; "of" is Chrome's MAX_NUMBER_OF_REGEX_RULES (dynamic + session). ${regexes.length > BROWSER_REGEX_RULE_LIMIT ? `OVER THE LIMIT by ${regexes.length - BROWSER_REGEX_RULE_LIMIT}` : `${BROWSER_REGEX_RULE_LIMIT - regexes.length} left`}; rule count ${rules.length} of ${DYNAMIC_RULE_LIMIT} dynamic`,
    }),
    at({
      figure: 'curve-regex-rules-kb', browser: 'node', site: '', unit: 'kB', value: kb(bytes(rules)),
      note: `the rules as JSON (updateDynamicRules' argument); regexFilter ${kb(regexes.reduce((n, r) => n + r.length, 0)).toFixed(1)} kB in all, longest ${Math.max(0, ...regexes.map((r) => r.length))} characters`,
    }),
    at({
      figure: 'curve-cover-registrations', browser: 'node', site: '', unit: 'count', count: matches,
      note: `match patterns in the ${scripts.length} registered scripts (matches + excludeMatches); ${cover.length} cover registrations with ${cover.reduce((n, s) => n + s.matches.length, 0)} patterns, X's ${cover.find((s) => s.id === 'guard-cover-x')?.matches.length ?? 0}; registrations ${kb(bytes(scripts)).toFixed(1)} kB as JSON. Chrome documents no cap on patterns`,
    }),
    at(timing('curve-background-sync-compute-ms', 'node', '', compute, 'contentScriptsFor + the three rule sets, as syncBrowser works them out on every change (before any browser call)')),
    at({ figure: 'curve-first-stage-read-kb', browser: 'node', site: '', unit: 'kB', value: kb(bytes(guardKeys)), note: `the guard keys (${GUARD_CORE_KEYS.join(', ')}) the first stage reads from storage at every page start, as JSON` }),
    at(timing('curve-first-stage-index-ms', 'node', '', pageStart, "structuredClone of the guard keys (storage.get's copy) + readGuardList + buildGuardIndex for X: the first stage's work before its first decision, per page")),
    at({ ...timing('curve-decision-us', 'node', 'x', decide, `one decision: X's parseUrl + index.match on a guarded post URL, mean of ${decisions} per sample`), unit: 'µs' }),
    at({ figure: 'curve-feed-sheet-kb', browser: 'node', site: 'x', unit: 'kB', value: kb(Buffer.byteLength(sheet)), note: "X's feed-hiding stylesheet (one :has() rule set per account with feed hiding on), inserted in every X tab" }),
  ];
}

function historyPoint(years: number): Figure[] {
  const doc = heavyHistory(years);
  const runs = repetitions(10, 3);
  let file = '';
  const exportMs = timeIt(runs, () => (file = exportDocument(doc, HEAVY_NOW)));
  const importMs = timeIt(runs, () => {
    const result = parseImport(file);
    if (!result.ok) throw new Error(`did not import: ${result.error}`);
  });
  const point = `${years} year${years === 1 ? '' : 's'}`;
  const what = `${doc.events.recent.length} recent + ${doc.events.daily.length} daily rows, ${doc.journal.length} journal entries, file ${Math.round(Buffer.byteLength(file) / 1024)} kB`;
  return [
    onCurve(HISTORY, point, timing('curve-history-export-ms', 'node', '', exportMs, `exportDocument; ${what}; ${runs} runs`)),
    onCurve(HISTORY, point, timing('curve-history-import-ms', 'node', '', importMs, `parseImport (parse, migrate, validate); ${runs} runs`)),
  ];
}

test('growth curves (node)', () => {
  const figures: Figure[] = [];
  for (const n of PEOPLE_POINTS) figures.push(...peoplePoint(String(n), peopleDocument(n, firstPerson)));
  figures.push(...peoplePoint(FULLEST_POINT, fullestDocument(firstPerson)));
  for (const years of [1, 5]) figures.push(...historyPoint(years));
  writeFigures(figures);
});
