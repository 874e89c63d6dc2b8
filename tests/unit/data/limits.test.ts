/**
 * Every bound of utils/data/limits.ts, at its edge and one past it, through the import (the same
 * schema the store validates every change with): accepted at the edge, refused past it with a kind
 * message that names the place. Also: every limit is used by the schema, and the browser's
 * redirect rules can carry the most accounts and patterns a document may hold.
 */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { exportDocument, parseImport } from '../../../utils/data/transfer';
import { DocumentSchema, emptyDocument, type StoredDocument } from '../../../utils/data/schema';
import { MessageSchema } from '../../../utils/data/messages';
import { reduce } from '../../../utils/data/reducers';
import { changeErrorText } from '../../../utils/copy/data-errors';
import { DATE_RANGE, LIMITS, LOCAL_DATE_RANGE, BROWSER_REGEX_RULE_LIMIT, REGEX_RULES_PER_ACCOUNT, type LimitName } from '../../../utils/data/limits';
import { SITE_ADAPTERS } from '../../../utils/sites/registry';
import { contactRedirectRules, fitRegexRuleLimit, patternRedirectRules, spellingRedirectRules } from '../../../utils/background/registration';
import type { Handle } from '../../../utils/sites/site-adapter';
import { AccountSchema } from '../../../utils/data/schema';
import { isUrlTable } from '../../sites/site-table-runner';

const NOW = new Date('2026-12-01T10:00:00.000Z');
const AT = '2026-11-01T10:00:00.000Z';
type Doc = Record<string, any>;

function base(): Doc {
  const doc = emptyDocument(NOW, 'Europe/Madrid') as Doc;
  doc.people = [{ id: 'p0', label: 'Sam', accounts: [{ site: 'x', handle: 'sam' }], feedHiding: 'off', addedAt: AT }];
  return doc;
}

function imported(change: (doc: Doc) => void) {
  const doc = base();
  change(doc);
  return parseImport(exportDocument(doc as StoredDocument, NOW));
}

const times = <T,>(n: number, item: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => item(i));
const person = (i: number, accounts: unknown[]) => ({ id: `p${i}`, label: '', accounts, feedHiding: 'off', addedAt: AT });
const instagram = (i: number) => ({ site: 'instagram', handle: `h${i}` });
/** `n` accounts in all, 50 to a person. */
const peopleWithAccounts = (n: number) => times(Math.ceil(n / 50), (p) => person(p, times(Math.min(50, n - p * 50), (a) => instagram(p * 50 + a))));
const pending = (i: number) => ({ id: `c${i}`, kind: 'pause-guard', requestedAt: AT, effectiveAt: '2027-01-01T00:00:00.000Z' });
const past = (days: number) => ({ startedAt: AT, endedAt: AT, timeZone: 'UTC', days });
const event = (at = AT) => ({ type: 'urge-resisted', at });
const day = (date: string, count = 1) => ({ date, counts: { 'urge-resisted': count }, urgeHours: times(24, () => 0) });
/** A Bluesky handle of `n` characters (labels of at most 63), or too long to be one. */
const blueskyHandle = (n: number) => (n > 253 ? 'a'.repeat(n) : `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(n - 192)}`);
const dates = (n: number) => times(n, (i) => new Date(Date.UTC(2010, 0, 1 + i)).toISOString().slice(0, 10));

/**
 * [limit, set the value at the edge, set it one past, the place named, what is said there].
 * A limit with no row fails the meta test below.
 */
const ROWS: [LimitName | 'DATE_RANGE.earliest' | 'DATE_RANGE.latest' | 'LOCAL_DATE_RANGE', (d: Doc, n: number) => void, number, string, RegExp][] = [
  ['people', (d, n) => (d.people = times(n, (i) => person(i, [instagram(i)]))), LIMITS.people, 'people', /more than 50 items/],
  ['accountsPerPerson', (d, n) => (d.people = [person(0, times(n, instagram))]), LIMITS.accountsPerPerson, 'people → 1st person → accounts', /more than 50 items/],
  ['accountsTotal', (d, n) => (d.people = peopleWithAccounts(n)), LIMITS.accountsTotal, 'people', /more than 300 accounts in all/],
  ['reasons', (d, n) => (d.reasons = times(n, (i) => ({ id: `r${i}`, text: 'why' }))), LIMITS.reasons, 'reasons', /more than 100 items/],
  ['insteadIdeas', (d, n) => (d.insteadIdeas = times(n, (i) => ({ id: `i${i}`, text: 'walk' }))), LIMITS.insteadIdeas, 'insteadIdeas', /more than 100 items/],
  ['pending', (d, n) => (d.settings.pending = times(n, pending)), LIMITS.pending, 'settings → pending', /more than 50 items/],
  ['history', (d, n) => (d.streak.history = times(n, () => past(1))), LIMITS.history, 'streak → history', /more than 1000 items/],
  ['celebrated', (d, n) => (d.streak.celebrated = times(n, (i) => i + 1)), LIMITS.celebrated, 'streak → celebrated', /more than 100 items/],
  ['hardDays', (d, n) => (d.hardDays = times(n, (i) => ({ id: `d${i}`, monthDay: '02-14', label: '' }))), LIMITS.hardDays, 'hardDays', /more than 100 items/],
  ['plans', (d, n) => (d.plans = times(n, (i) => ({ id: `plan${i}`, when: 'I want to look', then: `walk ${i}` }))), LIMITS.plans, 'plans', /more than 20 items/],
  ['hardHours', (d, n) => (d.hardHours = times(n, (i) => ({ id: `h${i}`, from: 22, to: 2, days: [] }))), LIMITS.hardHours, 'hardHours', /more than 50 items/],
  ['customPatterns', (d, n) => (d.customPatterns = times(n, (i) => ({ id: `c${i}`, personId: 'p0', pattern: `https://e.social/@${i}*` }))), LIMITS.customPatterns, 'customPatterns', /more than 200 items/],
  ['journal', (d, n) => (d.journal = times(n, (i) => ({ id: `j${i}`, at: AT, text: 'words' }))), LIMITS.journal, 'journal', /more than 10000 items/],
  ['recentEvents', (d, n) => (d.events.recent = times(n, () => event())), LIMITS.recentEvents, 'events → recent', /more than 5000 items/],
  ['dailyRows', (d, n) => (d.events.daily = dates(n).map((date) => day(date))), LIMITS.dailyRows, 'events → daily', /more than 4000 items/],
  ['idChars', (d, n) => (d.reasons = [{ id: 'i'.repeat(n), text: 'why' }]), LIMITS.idChars, 'reasons → 1st reason → id', /longer than 64 characters/],
  ['labelChars', (d, n) => (d.people[0].label = 'L'.repeat(n)), LIMITS.labelChars, 'people → 1st person → label', /longer than 80 characters/],
  ['shortTextChars', (d, n) => (d.reasons = [{ id: 'r', text: 't'.repeat(n) }]), LIMITS.shortTextChars, 'reasons → 1st reason → text', /longer than 500 characters/],
  // No site allows 256 characters (Bluesky's 253 is the longest): the edge is Bluesky's own limit,
  // and one past the schema's own is the test below.
  ['handleChars', (d, n) => (d.people[0].accounts = [{ site: 'bluesky', handle: blueskyHandle(n) }]), 253, 'people → 1st person → accounts → 1st account → handle', /not a name this site uses/],
  ['stableIdChars', (d, n) => (d.people[0].accounts[0].stableId = 's'.repeat(n)), LIMITS.stableIdChars, 'people → 1st person → accounts → 1st account → stableId', /longer than 256 characters/],
  ['strictPhraseChars', (d, n) => (d.settings.strictPhrase = 'p'.repeat(n)), LIMITS.strictPhraseChars, 'settings → strictPhrase', /longer than 200 characters/],
  ['noteChars', (d, n) => (d.streak.history = [{ ...past(1), note: 'n'.repeat(n) }]), LIMITS.noteChars, 'streak → history → 1st past streak → note', /longer than 2000 characters/],
  // The longest real zone name is far below 64; past it, the length is what is said.
  ['timeZoneChars', (d, n) => (d.streak.timeZone = n > LIMITS.timeZoneChars ? 'Z'.repeat(n) : 'America/Argentina/ComodRivadavia'), LIMITS.timeZoneChars, 'streak → timeZone', /longer than 64 characters/],
  ['whatChars', (d, n) => (d.events.recent = [{ ...event(), what: 'w'.repeat(n) }]), LIMITS.whatChars, 'events → recent → 1st event → what', /longer than 32 characters/],
  ['journalTextChars', (d, n) => (d.journal = [{ id: 'j', at: AT, text: 'w'.repeat(n) }]), LIMITS.journalTextChars, 'journal → 1st journal entry → text', /longer than 20000 characters/],
  ['patternChars', (d, n) => (d.customPatterns = [{ id: 'c', personId: 'p0', pattern: `https://e.social/${'a'.repeat(n - 17)}` }]), LIMITS.patternChars, 'customPatterns → 1st link pattern → pattern', /longer than 500 characters/],
  ['goalDays', (d, n) => (d.streak.goalDays = n), LIMITS.goalDays, 'streak → goalDays', /more than 3650/],
  ['days', (d, n) => (d.streak.history = [past(n)]), LIMITS.days, 'streak → history → 1st past streak → days', /more than 75000/],
  ['dailyCount', (d, n) => (d.events.daily = [day('2026-01-01', n)]), LIMITS.dailyCount, 'events → daily → 1st day → counts → urge-resisted', /more than 1000000/],
  // n is a millisecond offset from the edge: 0 is the edge itself, 1 is past it.
  ['DATE_RANGE.earliest', (d, n) => (d.events.recent = [event(new Date(Date.parse(DATE_RANGE.earliest) - n).toISOString())]), 0, 'events → recent → 1st event → at', /expected a date between 2000-01-01 and 2199-12-31/],
  ['DATE_RANGE.latest', (d, n) => (d.journal = [{ id: 'j', at: new Date(Date.parse(DATE_RANGE.latest) - 1 + n).toISOString(), text: 'w' }]), 0, 'journal → 1st journal entry → at', /expected a date between 2000-01-01 and 2199-12-31/],
  ['LOCAL_DATE_RANGE', (d, n) => (d.events.daily = [day(n === 0 ? LOCAL_DATE_RANGE.latest : '2200-01-02')]), 0, 'events → daily → 1st day → date', /expected a date between/],
];

describe('every limit: accepted at the edge, refused one past it, with a kind message', () => {
  test.each(ROWS)('%s', (_name, set, edge, where, detail) => {
    expect(imported((d) => set(d, edge)).ok).toBe(true);
    const past = imported((d) => set(d, edge + 1));
    expect(past).toMatchObject({ ok: false, error: expect.stringMatching(/so nothing was changed/) });
    if (past.ok) return;
    expect(past.where).toMatch(new RegExp(`^${where}: `));
    expect(past.where).toMatch(detail);
  });

  test('every limit in limits.ts has a row here and is used by the schema, its checks or the messages', () => {
    const named = new Set(ROWS.map(([name]) => name));
    const source = ['schema.ts', 'schema-checks.ts', 'messages.ts', 'account-limits.ts']
      .map((file) => readFileSync(resolve(process.cwd(), 'utils/data', file), 'utf8'))
      .join('\n');
    for (const name of Object.keys(LIMITS) as LimitName[]) {
      expect(source, `LIMITS.${name} is not used`).toMatch(new RegExp(`LIMITS\\.${name}\\b`));
      // importChars bounds the message that carries a file, so its rows are below.
      if (name !== 'importChars') expect(named.has(name), `no row for ${name}`).toBe(true);
    }
    expect(source).toMatch(/DATE_RANGE\.earliest/);
    expect(source).toMatch(/DATE_RANGE\.latest/);
    expect(source).toMatch(/LOCAL_DATE_RANGE\.earliest/);
  });

  test('a handle past the schema\'s own bound is refused for its length', () => {
    const result = imported((d) => (d.people[0].accounts = [{ site: 'bluesky', handle: 'a'.repeat(LIMITS.handleChars + 1) }]));
    expect(result.ok ? 'accepted' : result.where).toBe('people → 1st person → accounts → 1st account → handle: longer than 256 characters');
  });

  test.each([
    [LIMITS.importChars, true],
    [LIMITS.importChars + 1, false],
  ])('an import of %i characters is %s as a message', (chars, accepted) => {
    expect(MessageSchema.safeParse({ type: 'import-requested', json: 'x'.repeat(chars) }).success).toBe(accepted);
  });
});

describe('values that are not real', () => {
  const where = (change: (d: Doc) => void) => {
    const result = imported(change);
    return result.ok ? 'accepted' : result.where;
  };

  test.each([
    ['a zone that does not exist', (d: Doc) => (d.streak.timeZone = 'Not/AZone'), 'streak → timeZone: expected a time zone such as Europe/Madrid or UTC'],
    ['a past streak in no zone', (d: Doc) => (d.streak.history = [{ ...past(1), timeZone: 'Mars/Olympus' }]), 'streak → history → 1st past streak → timeZone: expected a time zone such as Europe/Madrid or UTC'],
    ['hard day 99-99', (d: Doc) => (d.hardDays = [{ id: 'h', monthDay: '99-99', label: '' }]), 'hardDays → 1st hard day → monthDay: expected a day the calendar has'],
    ['hard day 02-30', (d: Doc) => (d.hardDays = [{ id: 'h', monthDay: '02-30', label: '' }]), 'hardDays → 1st hard day → monthDay: expected a day the calendar has'],
    ['hard day 04-31', (d: Doc) => (d.hardDays = [{ id: 'h', monthDay: '04-31', label: '' }]), 'hardDays → 1st hard day → monthDay: expected a day the calendar has'],
    ['a daily row on 2026-02-29', (d: Doc) => (d.events.daily = [day('2026-02-29')]), 'events → daily → 1st day → date: expected a day the calendar has'],
    ['an event in the year 10000 (UTC)', (d: Doc) => (d.events.recent = [event('9999-12-31T23:59:59-12:00')]), 'events → recent → 1st event → at: expected a date between 2000-01-01 and 2199-12-31'],
    ['a 31-character Instagram handle', (d: Doc) => (d.people[0].accounts = [{ site: 'instagram', handle: 'a'.repeat(31) }]), 'people → 1st person → accounts → 1st account → handle: not a name this site uses for an account'],
    ['a 256-character LinkedIn handle', (d: Doc) => (d.people[0].accounts = [{ site: 'linkedin', handle: 'a'.repeat(256) }]), 'people → 1st person → accounts → 1st account → handle: not a name this site uses for an account'],
    ['a non-ASCII Instagram handle', (d: Doc) => (d.people[0].accounts = [{ site: 'instagram', handle: 'ünïcödé' }]), 'people → 1st person → accounts → 1st account → handle: not a name this site uses for an account'],
    ['600 Instagram accounts', (d: Doc) => (d.people = peopleWithAccounts(600)), 'people: more than 300 accounts in all, more than your browser can watch for'],
  ])('%s is refused, and the place is named', (_name, change, expected) => {
    expect(where(change)).toBe(expected);
  });

  test.each([
    ['a leap day', (d: Doc) => (d.hardDays = [{ id: 'h', monthDay: '02-29', label: '' }])],
    ['UTC', (d: Doc) => (d.streak.timeZone = 'UTC')],
    ['a zone far east', (d: Doc) => (d.streak.timeZone = 'Pacific/Kiritimati')],
    ['a daily row on 2024-02-29', (d: Doc) => (d.events.daily = [day('2024-02-29')])],
    ['a LinkedIn vanity in another script', (d: Doc) => (d.people[0].accounts = [{ site: 'linkedin', handle: 'пример-имя' }])],
  ])('%s is accepted', (_name, change) => {
    expect(where(change)).toBe('accepted');
  });

  // What a pasted link stores must be what an import accepts: every handle in the site tables.
  const tables = import.meta.glob<Record<string, unknown>>('../../sites/*.table.ts', { eager: true });
  test.each(SITE_ADAPTERS.map((adapter) => [adapter.id, adapter] as const))('every %s handle a pasted link gives passes the schema', (id, adapter) => {
    const module = Object.entries(tables).find(([path]) => path.endsWith(`/${id}.table.ts`))?.[1] ?? {};
    const rows = Object.values(module).filter(isUrlTable).flat();
    const handles = rows.flatMap((row) => {
      const ref = adapter.parseUrl(new URL(row.url));
      return ref?.handle ? [ref.handle] : [];
    });
    expect(handles.length, `no handles in ${id}'s table`).toBeGreaterThan(0);
    for (const handle of handles) expect(AccountSchema.safeParse({ site: id, handle }).success, handle).toBe(true);
  });

  test('accounts are written as when pasted: case, "@" and a trailing slash go; the same account twice becomes one', () => {
    const result = imported((d) => {
      d.people[0].accounts = [
        { site: 'instagram', handle: '@Sam.Example' },
        { site: 'instagram', handle: 'sam.example/' },
        { site: 'x', handle: 'SomeOne' },
      ];
    });
    expect(result.ok && result.doc.people[0]?.accounts).toEqual([
      { site: 'instagram', handle: 'sam.example' },
      { site: 'x', handle: 'someone' },
    ]);
  });
});

describe('the browser can always carry the rules', () => {
  test('no adapter needs more than REGEX_RULES_PER_ACCOUNT rules for one account', () => {
    const account = { handle: 'someone' as Handle, stableId: 'ACoAAB1234567890' };
    for (const adapter of SITE_ADAPTERS) {
      expect(adapter.contactRequestRegexes?.(account).length ?? 0, adapter.id).toBeLessThanOrEqual(REGEX_RULES_PER_ACCOUNT);
    }
    expect(REGEX_RULES_PER_ACCOUNT * LIMITS.accountsTotal + LIMITS.customPatterns).toBeLessThanOrEqual(BROWSER_REGEX_RULE_LIMIT);
  });

  test('the fullest document (300 Instagram accounts, 200 link patterns) fits the regex-rule limit', () => {
    const doc = base();
    doc.people = peopleWithAccounts(LIMITS.accountsTotal);
    doc.customPatterns = times(LIMITS.customPatterns, (i) => ({ id: `c${i}`, personId: 'p0', pattern: `https://e${i}.social/@x*` }));
    const core = DocumentSchema.parse(doc);
    const rules = contactRedirectRules(core, 'chrome-extension://id/pause.html').length + patternRedirectRules(core, 'chrome-extension://id/pause.html').length;
    expect(rules).toBe(LIMITS.accountsTotal * 2 + LIMITS.customPatterns);
    expect(rules).toBeLessThanOrEqual(BROWSER_REGEX_RULE_LIMIT);
  });
});

describe('the fullest document on a case-insensitive site: what the browser is sent fits its limit', () => {
  // 300 X accounts want a spelling group each (a redirect and up to three allow rules): with 200
  // link patterns, 1,390 regex rules, past the browser's 1,000 (bench --curves, 2026-12).
  const PAUSE = 'chrome-extension://id/pause.html';
  const doc = base();
  doc.people = times(6, (p) => person(p, times(50, (a) => ({ site: 'x', handle: `sam${p * 50 + a}` }))));
  doc.customPatterns = times(LIMITS.customPatterns, (i) => ({ id: `c${i}`, personId: 'p0', pattern: `https://e${i}.social/@x*` }));
  const core = DocumentSchema.parse(doc);
  const contact = contactRedirectRules(core, PAUSE);
  const patterns = patternRedirectRules(core, PAUSE);
  const spelling = spellingRedirectRules(core, PAUSE);
  const kept = fitRegexRuleLimit(contact, patterns, spelling);

  test('it wants more than the browser holds', () => {
    expect(contact.length + patterns.length + spelling.flat().length).toBeGreaterThan(BROWSER_REGEX_RULE_LIMIT);
  });
  test('every link pattern is kept, and whole spelling groups only while they fit', () => {
    expect(kept.patterns).toEqual(patterns);
    expect(kept.contact).toEqual(contact);
    expect(kept.contact.length + kept.patterns.length + kept.spelling.flat().length).toBeLessThanOrEqual(BROWSER_REGEX_RULE_LIMIT);
    for (const group of kept.spelling) expect(spelling).toContainEqual(group);
    expect(kept.spelling.length).toBeGreaterThan(0);
  });
});

describe('fitRegexRuleLimit', () => {
  const rule = (id: number) => ({ id, priority: 1, action: { type: 'allow' }, condition: { regexFilter: `^a${id}` } }) as never;
  const group = (size: number, from: number) => times(size, (i) => rule(from + i));
  test.each([
    ['everything fits', 2, 1, [2, 2], 10, [2, 2]],
    ['the group that does not fit is left out whole, a smaller one after it still goes in', 2, 1, [4, 4, 2], 10, [4, 2]],
    ['no room for any group', 5, 5, [1], 10, []],
  ] as const)('%s', (_why, contacts, patterns, groups, limit, keptSizes) => {
    const kept = fitRegexRuleLimit(times(contacts, rule), times(patterns, (i) => rule(100 + i)), groups.map((size, g) => group(size, 200 + g * 10)), limit);
    expect(kept.contact).toHaveLength(contacts);
    expect(kept.patterns).toHaveLength(patterns);
    expect(kept.spelling.map((g) => g.length)).toEqual(keptSizes);
  });
});

describe('a change past the accounts limit is refused up front, with a clear message', () => {
  // 299 accounts: five people with 50, one with 40, one with 9.
  const people = [...peopleWithAccounts(250), person(5, times(40, (i) => instagram(1000 + i))), person(6, times(9, (i) => instagram(2000 + i)))];
  const full = DocumentSchema.parse({ ...base(), people });
  const ctx = { now: NOW, timeZone: 'UTC', newId: () => 'new-id' };

  test.each([
    ['person-added', { type: 'person-added' as const, label: 'New', accounts: [{ site: 'x' as const, handle: 'new_one' }] }],
    ['account-added', { type: 'account-added' as const, personId: 'p6', account: { site: 'x' as const, handle: 'new_one' } }],
  ])('%s: the 300th account is added, the 301st refused', (_name, change) => {
    const first = reduce(full, change, ctx);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(DocumentSchema.safeParse(first.doc).success).toBe(true);
    const second = reduce(first.doc, { ...change, ...('account' in change ? { account: { site: 'x', handle: 'another' } } : { accounts: [{ site: 'x', handle: 'another' }] }) } as typeof change, ctx);
    expect(second).toEqual({ ok: false, error: 'too-many-accounts' });
    expect(changeErrorText('too-many-accounts')).toBe(
      'You can guard up to 300 accounts in all, which is as many as your browser can watch for. You could remove an account you no longer need first.',
    );
  });
});
