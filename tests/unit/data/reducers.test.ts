import { describe, expect, test } from 'vitest';
import { applyDuePending, reduce, type Mutation, type Outcome, type ReduceContext } from '../../../utils/data/reducers';
import {
  DocumentSchema,
  emptyDocument,
  type CoolDown,
  type PendingChange,
  type Person,
  type StoredDocument,
} from '../../../utils/data/schema';

const NOW = new Date('2026-11-23T10:00:00.000Z');
const ZONE = 'Europe/Berlin';
const HOUR = 60 * 60 * 1000;

function context(now: Date = NOW, timeZone: string = ZONE): ReduceContext {
  let next = 0;
  return { now, timeZone, newId: () => `id-${(next += 1)}` };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

/**
 * Every call goes through here: the input is frozen (a mutation would throw) and compared after,
 * and every document that comes back must pass the schema the store checks before writing.
 */
function run(doc: StoredDocument, msg: Mutation, ctx: ReduceContext = context()): Outcome {
  const before = structuredClone(doc);
  const outcome = reduce(deepFreeze(doc), msg, ctx);
  expect(doc).toEqual(before);
  if (outcome.ok) expect(() => DocumentSchema.parse(outcome.doc)).not.toThrow();
  return outcome;
}

function applied(doc: StoredDocument, msg: Mutation, ctx?: ReduceContext): StoredDocument {
  const outcome = run(doc, msg, ctx);
  if (!outcome.ok) throw new Error(`expected ok, got ${outcome.error}`);
  return outcome.doc;
}

function person(id: string, handle: string, extra: Partial<Person> = {}): Person {
  return { id, label: `Label ${id}`, accounts: [{ site: 'instagram', handle }], feedHiding: 'hide', addedAt: '2026-11-01T10:00:00.000Z', ...extra };
}

/** A document with two people, a pattern each, some lists filled, and `settings` as given. */
function baseDoc(settings: Partial<StoredDocument['settings']> = {}): StoredDocument {
  const doc = emptyDocument(new Date('2026-11-13T10:00:00.000Z'), ZONE);
  return {
    ...doc,
    settings: { ...doc.settings, friction: 'firm', strictPhrase: '', coolDown: 'none', ...settings },
    people: [person('p1', 'sam'), person('p2', 'alex', { accounts: [{ site: 'bluesky', handle: 'alex.bsky.social', stableId: 'did:plc:abc' }] })],
    reasons: [{ id: 'r1', text: 'Calm mornings' }],
    insteadIdeas: [{ id: 'i1', text: 'Call a friend' }],
    hardDays: [{ id: 'h1', monthDay: '02-14', label: '' }],
    customPatterns: [
      { id: 'c1', personId: 'p1', pattern: 'https://example.social/@sam*' },
      { id: 'c2', personId: 'p2', pattern: 'https://example.social/@alex*' },
    ],
    journal: [{ id: 'j1', at: '2026-11-20T10:00:00.000Z', text: 'A hard evening.' }],
  };
}

function pending(id: string, change: Record<string, unknown>, effectiveAt = new Date(NOW.getTime() + HOUR)): PendingChange {
  return { id, requestedAt: NOW.toISOString(), effectiveAt: effectiveAt.toISOString(), ...change } as PendingChange;
}

describe('refusals', () => {
  test.each<[string, Mutation, Partial<StoredDocument['settings']>, string]>([
    ['rename of someone not on the list', { type: 'person-renamed', personId: 'nobody', label: 'Sam' }, {}, 'person-not-found'],
    ['account for someone not on the list', { type: 'account-added', personId: 'nobody', account: { site: 'x', handle: 'a' } }, {}, 'person-not-found'],
    ['account removed from someone not on the list', { type: 'account-removed', personId: 'nobody', account: { site: 'x', handle: 'a' } }, {}, 'person-not-found'],
    ['removing someone not on the list', { type: 'person-removal-requested', personId: 'nobody' }, {}, 'person-not-found'],
    ['feed hiding for someone not on the list', { type: 'feed-hiding-changed', personId: 'nobody', feedHiding: 'off' }, {}, 'person-not-found'],
    ['a pattern for someone not on the list', { type: 'custom-pattern-added', personId: 'nobody', pattern: 'https://a.example/*' }, {}, 'person-not-found'],
    ['an account they do not have', { type: 'account-removed', personId: 'p1', account: { site: 'x', handle: 'sam' } }, {}, 'account-not-found'],
    ['an account already on the list (same person)', { type: 'account-added', personId: 'p1', account: { site: 'instagram', handle: 'sam' } }, {}, 'account-already-guarded'],
    ['an account already on the list (another person)', { type: 'account-added', personId: 'p1', account: { site: 'bluesky', handle: 'alex.bsky.social' } }, {}, 'account-already-guarded'],
    ['a renamed handle with the same stable id', { type: 'account-added', personId: 'p1', account: { site: 'bluesky', handle: 'new.bsky.social', stableId: 'did:plc:abc' } }, {}, 'account-already-guarded'],
    ['a person whose account is guarded already', { type: 'person-added', label: '', accounts: [{ site: 'bluesky', handle: 'alex.bsky.social' }] }, {}, 'account-already-guarded'],
    ['an unknown journal entry', { type: 'journal-entry-deleted', entryId: 'nope' }, {}, 'item-not-found'],
    ['an unknown reason', { type: 'reason-removed', reasonId: 'nope' }, {}, 'item-not-found'],
    ['an unknown idea', { type: 'instead-idea-removed', ideaId: 'nope' }, {}, 'item-not-found'],
    ['an unknown hard day', { type: 'hard-day-removed', hardDayId: 'nope' }, {}, 'item-not-found'],
    ['an unknown pattern', { type: 'custom-pattern-removed', patternId: 'nope' }, {}, 'item-not-found'],
    ['an unknown pending change', { type: 'pending-change-cancelled', changeId: 'nope' }, {}, 'change-not-found'],
    ['strict with no phrase', { type: 'friction-changed', friction: 'strict' }, {}, 'phrase-needed'],
    ['strict with an empty phrase', { type: 'friction-changed', friction: 'strict', strictPhrase: '' }, {}, 'phrase-needed'],
  ])('%s', (_why, msg, settings, error) => {
    expect(run(baseDoc(settings), msg)).toEqual({ ok: false, error });
  });

  test.each<[string, (doc: StoredDocument) => StoredDocument, Mutation]>([
    ['people', (doc) => ({ ...doc, people: Array.from({ length: 50 }, (_, i) => person(`p${i}`, `h${i}`)) }), { type: 'person-added', label: '', accounts: [{ site: 'x', handle: 'new' }] }],
    ['reasons', (doc) => ({ ...doc, reasons: Array.from({ length: 100 }, (_, i) => ({ id: `r${i}`, text: 'r' })) }), { type: 'reason-added', text: 'One more' }],
    ['ideas', (doc) => ({ ...doc, insteadIdeas: Array.from({ length: 100 }, (_, i) => ({ id: `i${i}`, text: 'i' })) }), { type: 'instead-idea-added', text: 'One more' }],
    ['hard days', (doc) => ({ ...doc, hardDays: Array.from({ length: 100 }, (_, i) => ({ id: `h${i}`, monthDay: '01-01', label: '' })) }), { type: 'hard-day-added', monthDay: '03-01', label: '' }],
    ['patterns', (doc) => ({ ...doc, customPatterns: Array.from({ length: 200 }, (_, i) => ({ id: `c${i}`, personId: 'p1', pattern: `https://a.example/${i}` })) }), { type: 'custom-pattern-added', personId: 'p1', pattern: 'https://b.example/*' }],
    ['accounts of one person', (doc) => ({ ...doc, people: [person('p1', 'sam', { accounts: Array.from({ length: 50 }, (_, i) => ({ site: 'x' as const, handle: `h${i}` })) })] }), { type: 'account-added', personId: 'p1', account: { site: 'x', handle: 'new' } }],
    ['pending changes', (doc) => ({ ...doc, settings: { ...doc.settings, coolDown: '1h', pending: Array.from({ length: 50 }, (_, i) => pending(`pc${i}`, { kind: 'site-off', site: 'x' })) } }), { type: 'guard-pause-requested' }],
  ])('a full list of %s is refused with limit-reached', (_what, fill, msg) => {
    expect(run(fill(baseDoc()), msg)).toEqual({ ok: false, error: 'limit-reached' });
  });
});

describe('urges and contact', () => {
  test('urge-resisted logs one event with site and what, and leaves the count alone', () => {
    const doc = applied(baseDoc(), { type: 'urge-resisted', site: 'instagram', what: 'profile' });
    expect(doc.events.recent).toEqual([{ type: 'urge-resisted', at: NOW.toISOString(), site: 'instagram', what: 'profile' }]);
    expect(doc.streak).toEqual(baseDoc().streak);
  });

  test('urge-resisted through their plan logs the way too (for "what works for me")', () => {
    const doc = applied(baseDoc(), { type: 'urge-resisted', site: 'x', what: 'like', way: 'plan' });
    expect(doc.events.recent).toEqual([{ type: 'urge-resisted', at: NOW.toISOString(), site: 'x', what: 'like', way: 'plan' }]);
  });

  test('went-through without counting it as contact is logged as a choice; the count goes on', () => {
    const doc = applied(baseDoc(), { type: 'went-through', site: 'x', what: 'like', countAsContact: false });
    expect(doc.events.recent).toEqual([{ type: 'went-through', at: NOW.toISOString(), site: 'x', what: 'like' }]);
    expect(doc.streak).toEqual(baseDoc().streak);
  });

  test('went-through counted as contact restarts the count as contact-recorded does', () => {
    const doc = applied(baseDoc(), { type: 'went-through', what: 'message', countAsContact: true });
    expect(doc.events.recent.map((e) => e.type)).toEqual(['went-through', 'contact-recorded']);
    expect(doc.streak.startedAt).toBe(NOW.toISOString());
    expect(doc.streak.history).toEqual([
      { startedAt: '2026-11-13T10:00:00.000Z', endedAt: NOW.toISOString(), timeZone: ZONE, days: 10 },
    ]);
  });

  test('contact-recorded keeps the past streak with its days and note, and starts a new one now', () => {
    const before = baseDoc();
    const withState = { ...before, streak: { ...before.streak, goalDays: 60, celebrated: [1, 3, 7] } };
    const doc = applied(withState, { type: 'contact-recorded', note: '  We met by chance.  ' }, context(NOW, 'Asia/Tokyo'));
    expect(doc.streak).toEqual({
      startedAt: NOW.toISOString(),
      timeZone: 'Asia/Tokyo',
      goalDays: 60,
      celebrated: [],
      history: [{ startedAt: '2026-11-13T10:00:00.000Z', endedAt: NOW.toISOString(), timeZone: 'Asia/Tokyo', days: 10, note: 'We met by chance.' }],
    });
    expect(doc.events.recent).toEqual([{ type: 'contact-recorded', at: NOW.toISOString() }]);
  });

  test('an empty note is not kept', () => {
    const doc = applied(baseDoc(), { type: 'contact-recorded', note: '' });
    expect(doc.streak.history[0]).not.toHaveProperty('note');
  });

  test('a full history drops its oldest streak rather than refusing to record contact', () => {
    const base = baseDoc();
    const old = { startedAt: '2020-01-01T00:00:00.000Z', endedAt: '2020-01-02T00:00:00.000Z', timeZone: 'UTC', days: 1 };
    const history = Array.from({ length: 1000 }, (_, i) => ({ ...old, days: i }));
    const doc = applied({ ...base, streak: { ...base.streak, history } }, { type: 'contact-recorded' });
    expect(doc.streak.history).toHaveLength(1000);
    expect(doc.streak.history[0]?.days).toBe(1);
    expect(doc.streak.history.at(-1)?.endedAt).toBe(NOW.toISOString());
  });
});

describe('journal', () => {
  test('an entry is kept in the journal; the log records only that something was written', () => {
    const outcome = run(baseDoc(), { type: 'journal-entry-added', text: 'I miss the walks.' });
    expect(outcome).toMatchObject({ ok: true, data: { id: 'id-1' } });
    if (!outcome.ok) return;
    expect(outcome.doc.journal.at(-1)).toEqual({ id: 'id-1', at: NOW.toISOString(), text: 'I miss the walks.' });
    expect(outcome.doc.events.recent).toEqual([{ type: 'journal-entry', at: NOW.toISOString() }]);
    expect(JSON.stringify(outcome.doc.events)).not.toContain('walks');
  });

  test('an entry can be deleted', () => {
    expect(applied(baseDoc(), { type: 'journal-entry-deleted', entryId: 'j1' }).journal).toEqual([]);
  });
});

describe('people and accounts', () => {
  test('person-added removes duplicate accounts, allows an empty label, and answers with the id', () => {
    const outcome = run(baseDoc(), {
      type: 'person-added',
      label: '',
      accounts: [
        { site: 'x', handle: 'robin' },
        { site: 'x', handle: 'robin' },
        { site: 'instagram', handle: 'robin' },
      ],
    });
    expect(outcome).toMatchObject({ ok: true, data: { id: 'id-1' } });
    if (!outcome.ok) return;
    expect(outcome.doc.people.at(-1)).toEqual({
      id: 'id-1',
      label: '',
      accounts: [{ site: 'x', handle: 'robin' }, { site: 'instagram', handle: 'robin' }],
      feedHiding: 'off',
      addedAt: NOW.toISOString(),
    });
  });

  test('person-added keeps the feed hiding asked for', () => {
    const doc = applied(baseDoc(), { type: 'person-added', label: 'Robin', accounts: [{ site: 'x', handle: 'robin' }], feedHiding: 'collapse' });
    expect(doc.people.at(-1)?.feedHiding).toBe('collapse');
  });

  test('person-renamed changes only the label', () => {
    const doc = applied(baseDoc(), { type: 'person-renamed', personId: 'p1', label: ' Someone ' });
    expect(doc.people[0]).toEqual({ ...person('p1', 'sam'), label: 'Someone' });
    expect(doc.people[1]).toEqual(baseDoc().people[1]);
  });

  test('account-added and account-removed', () => {
    const added = applied(baseDoc(), { type: 'account-added', personId: 'p1', account: { site: 'x', handle: 'sam_x' } });
    expect(added.people[0]?.accounts).toEqual([{ site: 'instagram', handle: 'sam' }, { site: 'x', handle: 'sam_x' }]);
    const removed = applied(added, { type: 'account-removed', personId: 'p1', account: { site: 'instagram', handle: 'sam' } });
    expect(removed.people[0]?.accounts).toEqual([{ site: 'x', handle: 'sam_x' }]);
  });
});

describe('if-then plans', () => {
  test('plan-added adds a trimmed plan with a new id', () => {
    const outcome = run(baseDoc(), { type: 'plan-added', when: ' I miss them ', then: ' call my brother ' });
    expect(outcome).toMatchObject({ ok: true, data: { id: 'id-1' } });
    if (outcome.ok) expect(outcome.doc.plans).toEqual([{ id: 'id-1', when: 'I miss them', then: 'call my brother' }]);
  });

  test.each<[string, (doc: StoredDocument) => StoredDocument, Mutation, string]>([
    ['removing a plan that is not there', (doc) => doc, { type: 'plan-removed', planId: 'nope' }, 'item-not-found'],
    [
      'a 21st plan',
      (doc) => ({ ...doc, plans: Array.from({ length: 20 }, (_, i) => ({ id: `p${i}`, when: 'w', then: 't' })) }),
      { type: 'plan-added', when: 'w', then: 't' },
      'limit-reached',
    ],
  ])('%s is refused', (_why, prepare, msg, error) => {
    expect(run(prepare(baseDoc()), msg)).toEqual({ ok: false, error });
  });

  test('plan-removed removes only that plan', () => {
    const doc = { ...baseDoc(), plans: [{ id: 'a', when: 'w1', then: 't1' }, { id: 'b', when: 'w2', then: 't2' }] };
    expect(applied(doc, { type: 'plan-removed', planId: 'a' }).plans).toEqual([{ id: 'b', when: 'w2', then: 't2' }]);
  });
});

describe('a friend to reach instead', () => {
  test('friend-saved keeps one friend (replacing the earlier one); friend-removed forgets them', () => {
    const first = applied(baseDoc(), { type: 'friend-saved', link: 'sms:+15551234567', message: ' Hi ' });
    expect(first.friend).toEqual({ link: 'sms:+15551234567', message: 'Hi' });
    const second = applied(first, { type: 'friend-saved', link: 'https://wa.me/15551234567', message: '' });
    expect(second.friend).toEqual({ link: 'https://wa.me/15551234567', message: '' });
    expect(applied(second, { type: 'friend-removed' })).not.toHaveProperty('friend');
  });

  test('urge-resisted through the friend logs that way', () => {
    expect(applied(baseDoc(), { type: 'urge-resisted', what: 'profile', way: 'friend' }).events.recent[0]?.way).toBe('friend');
  });
});

describe('reasons and ideas', () => {
  test.each([
    ['reason-added', 'reasons'],
    ['instead-idea-added', 'insteadIdeas'],
  ] as const)('%s adds a trimmed item with a new id', (type, list) => {
    const outcome = run(baseDoc(), { type, text: ' A walk by the river ' });
    expect(outcome).toMatchObject({ ok: true, data: { id: 'id-1' } });
    if (outcome.ok) expect(outcome.doc[list].at(-1)).toEqual({ id: 'id-1', text: 'A walk by the river' });
  });

  test.each<[Mutation, 'reasons' | 'insteadIdeas']>([
    [{ type: 'reason-removed', reasonId: 'r1' }, 'reasons'],
    [{ type: 'instead-idea-removed', ideaId: 'i1' }, 'insteadIdeas'],
  ])('%o removes the item', (msg, list) => {
    expect(applied(baseDoc(), msg)[list]).toEqual([]);
  });
});

describe('changes that weaken the guard wait for the cool-down', () => {
  /** Each row: the setting before, the request, and whether its effect is visible in a document. */
  const weakenings: [string, Partial<StoredDocument['settings']>, Mutation, (doc: StoredDocument) => boolean][] = [
    ['lowering friction', { friction: 'strict', strictPhrase: 'I choose calm' }, { type: 'friction-changed', friction: 'gentle' }, (doc) => doc.settings.friction === 'gentle'],
    ['pausing the guard', {}, { type: 'guard-pause-requested' }, (doc) => doc.settings.paused],
    ['switching a site off', {}, { type: 'site-toggled', site: 'instagram', on: false }, (doc) => doc.settings.sitesOff.includes('instagram')],
    ['turning feed hiding off', {}, { type: 'feed-hiding-changed', personId: 'p1', feedHiding: 'off' }, (doc) => doc.people[0]?.feedHiding === 'off'],
    ['removing a person', {}, { type: 'person-removal-requested', personId: 'p1' }, (doc) => !doc.people.some((p) => p.id === 'p1')],
  ];

  test.each(weakenings)('%s takes effect at once with no cool-down', (_what, settings, msg, isDone) => {
    const doc = applied(baseDoc({ ...settings, coolDown: 'none' }), msg);
    expect(isDone(doc)).toBe(true);
    expect(doc.settings.pending).toEqual([]);
  });

  test.each(
    weakenings.flatMap(([what, settings, msg, isDone]) =>
      (['1h', '24h'] as const).map((coolDown) => [what, coolDown, settings, msg, isDone] as const),
    ),
  )('%s waits %s, then takes effect', (_what, coolDown: CoolDown, settings, msg, isDone) => {
    const wait = coolDown === '1h' ? HOUR : 24 * HOUR;
    const outcome = run(baseDoc({ ...settings, coolDown }), msg);
    if (!outcome.ok) throw new Error(outcome.error);
    const effectiveAt = new Date(NOW.getTime() + wait).toISOString();
    expect(outcome.data).toEqual({ pendingId: 'id-1', effectiveAt });
    expect(isDone(outcome.doc)).toBe(false);
    expect(outcome.doc.settings.pending).toEqual([expect.objectContaining({ id: 'id-1', requestedAt: NOW.toISOString(), effectiveAt })]);

    const stillWaiting = applyDuePending(outcome.doc, new Date(NOW.getTime() + wait - 1));
    expect(stillWaiting).toBe(outcome.doc);
    const due = applyDuePending(deepFreeze(outcome.doc), new Date(NOW.getTime() + wait));
    expect(isDone(due)).toBe(true);
    expect(due.settings.pending).toEqual([]);
    expect(() => DocumentSchema.parse(due)).not.toThrow();
  });

  test('asking again for the same change replaces the earlier request', () => {
    const first = applied(baseDoc({ friction: 'strict', strictPhrase: 'calm', coolDown: '1h' }), { type: 'friction-changed', friction: 'firm' });
    const later = new Date(NOW.getTime() + HOUR / 2);
    const second = applied(first, { type: 'friction-changed', friction: 'gentle' }, context(later));
    expect(second.settings.pending).toEqual([
      { id: 'id-1', kind: 'friction', friction: 'gentle', requestedAt: later.toISOString(), effectiveAt: new Date(later.getTime() + HOUR).toISOString() },
    ]);
  });

  test('the same kind of change about different people or sites waits side by side', () => {
    let doc = baseDoc({ coolDown: '1h' });
    doc = applied(doc, { type: 'person-removal-requested', personId: 'p1' });
    doc = applied(doc, { type: 'person-removal-requested', personId: 'p2' });
    doc = applied(doc, { type: 'site-toggled', site: 'x', on: false });
    doc = applied(doc, { type: 'site-toggled', site: 'bluesky', on: false });
    expect(doc.settings.pending.map((change) => change.kind)).toEqual(['remove-person', 'remove-person', 'site-off', 'site-off']);
  });

  test('pending-change-cancelled removes the waiting change', () => {
    const waiting = applied(baseDoc({ coolDown: '24h' }), { type: 'guard-pause-requested' });
    const cancelled = applied(waiting, { type: 'pending-change-cancelled', changeId: 'id-1' });
    expect(cancelled.settings.pending).toEqual([]);
    expect(applyDuePending(cancelled, new Date(NOW.getTime() + 48 * HOUR)).settings.paused).toBe(false);
  });

  test('a change that is already due is applied before the next message', () => {
    const due = pending('old', { kind: 'pause-guard' }, new Date(NOW.getTime() - 1));
    const doc = applied(baseDoc({ coolDown: '1h', pending: [due] }), { type: 'urge-resisted' });
    expect(doc.settings.paused).toBe(true);
    expect(doc.settings.pending).toEqual([]);
    expect(run(baseDoc({ coolDown: '1h', pending: [due] }), { type: 'pending-change-cancelled', changeId: 'old' })).toEqual({
      ok: false,
      error: 'change-not-found',
    });
  });

  test('applyDuePending applies due changes in the order they fall due, and keeps the rest', () => {
    const doc = baseDoc({
      coolDown: '24h',
      pending: [
        pending('b', { kind: 'cool-down', coolDown: 'none' }, new Date(NOW.getTime() - HOUR)),
        pending('a', { kind: 'cool-down', coolDown: '1h' }, new Date(NOW.getTime() - 2 * HOUR)),
        pending('c', { kind: 'site-off', site: 'x' }, new Date(NOW.getTime() + HOUR)),
      ],
    });
    const next = applyDuePending(deepFreeze(doc), NOW);
    expect(next.settings.coolDown).toBe('none');
    expect(next.settings.pending.map((change) => change.id)).toEqual(['c']);
  });

  test('nothing due: the same document comes back', () => {
    const doc = baseDoc({ pending: [pending('c', { kind: 'pause-guard' })] });
    expect(applyDuePending(doc, NOW)).toBe(doc);
  });
});

describe('changes that keep or raise protection are immediate', () => {
  test.each<[string, Partial<StoredDocument['settings']>, Mutation, Partial<StoredDocument['settings']>]>([
    ['gentle → firm', { friction: 'gentle' }, { type: 'friction-changed', friction: 'firm' }, { friction: 'firm' }],
    ['firm → strict with a new phrase', { friction: 'firm' }, { type: 'friction-changed', friction: 'strict', strictPhrase: ' I choose calm ' }, { friction: 'strict', strictPhrase: 'I choose calm' }],
    ['firm → strict with a phrase already stored', { friction: 'firm', strictPhrase: 'Not today' }, { type: 'friction-changed', friction: 'strict' }, { friction: 'strict', strictPhrase: 'Not today' }],
    ['strict, new phrase', { friction: 'strict', strictPhrase: 'Old words' }, { type: 'friction-changed', friction: 'strict', strictPhrase: 'New words' }, { friction: 'strict', strictPhrase: 'New words' }],
    ['cool-down none → 24h', { coolDown: 'none' }, { type: 'cool-down-changed', coolDown: '24h' }, { coolDown: '24h' }],
    ['cool-down 1h → 24h', { coolDown: '1h' }, { type: 'cool-down-changed', coolDown: '24h' }, { coolDown: '24h' }],
    ['resuming the guard', { coolDown: '24h', paused: true }, { type: 'guard-resumed' }, { paused: false }],
    ['switching a site back on', { coolDown: '24h', sitesOff: ['x', 'bluesky'] }, { type: 'site-toggled', site: 'x', on: true }, { sitesOff: ['bluesky'] }],
    ['finishing set-up', {}, { type: 'setup-finished' }, { setupDone: true }],
    ['choosing a pause before votes', {}, { type: 'choosable-pause-set', action: 'vote', paused: true }, { choosablePauses: { vote: true } }],
    ['choosing no pause before votes, at once', { coolDown: '24h', choosablePauses: { vote: true } }, { type: 'choosable-pause-set', action: 'vote', paused: false }, { choosablePauses: { vote: false } }],
  ])('%s', (_what, settings, msg, expected) => {
    const doc = applied(baseDoc({ coolDown: '24h', ...settings }), msg);
    expect(doc.settings).toMatchObject(expected);
    expect(doc.settings.pending).toEqual([]);
  });

  test.each<[string, Partial<StoredDocument['settings']>, Mutation]>([
    ['raising friction replaces a waiting lowering', { friction: 'firm', pending: [pending('w', { kind: 'friction', friction: 'gentle' })] }, { type: 'friction-changed', friction: 'firm' }],
    ['resuming cancels a waiting pause', { pending: [pending('w', { kind: 'pause-guard' })] }, { type: 'guard-resumed' }],
    ['switching a site on cancels its waiting switch-off', { pending: [pending('w', { kind: 'site-off', site: 'x' })] }, { type: 'site-toggled', site: 'x', on: true }],
    ['a longer cool-down replaces a waiting shorter one', { coolDown: '1h', pending: [pending('w', { kind: 'cool-down', coolDown: 'none' })] }, { type: 'cool-down-changed', coolDown: '24h' }],
  ])('%s', (_what, settings, msg) => {
    const doc = applied(baseDoc({ coolDown: '24h', ...settings }), msg);
    expect(doc.settings.pending).toEqual([]);
  });

  test('a waiting pause for another site is kept when one site is switched on', () => {
    const doc = applied(baseDoc({ coolDown: '1h', pending: [pending('w', { kind: 'site-off', site: 'bluesky' })] }), { type: 'site-toggled', site: 'x', on: true });
    expect(doc.settings.pending.map((change) => change.id)).toEqual(['w']);
  });

  test('a shorter cool-down waits for the current one', () => {
    const outcome = run(baseDoc({ coolDown: '24h' }), { type: 'cool-down-changed', coolDown: '1h' });
    expect(outcome).toMatchObject({ ok: true, data: { effectiveAt: new Date(NOW.getTime() + 24 * HOUR).toISOString() } });
    if (outcome.ok) {
      expect(outcome.doc.settings.coolDown).toBe('24h');
      expect(outcome.doc.settings.pending).toEqual([expect.objectContaining({ kind: 'cool-down', coolDown: '1h' })]);
    }
  });

  test('switching between hiding and collapsing is immediate and replaces a waiting "off"', () => {
    const doc = applied(
      baseDoc({ coolDown: '24h', pending: [pending('w', { kind: 'feed-hiding', personId: 'p1', feedHiding: 'off' })] }),
      { type: 'feed-hiding-changed', personId: 'p1', feedHiding: 'collapse' },
    );
    expect(doc.people[0]?.feedHiding).toBe('collapse');
    expect(doc.settings.pending).toEqual([]);
  });

  test('pausing when already paused, or switching off a site already off, changes nothing', () => {
    const paused = baseDoc({ coolDown: '1h', paused: true, sitesOff: ['x'] });
    expect(applied(paused, { type: 'guard-pause-requested' })).toEqual(paused);
    expect(applied(paused, { type: 'site-toggled', site: 'x', on: false })).toEqual(paused);
  });
});

describe('removing a person', () => {
  test('also removes their link patterns and every change waiting about them', () => {
    const doc = baseDoc({
      coolDown: '1h',
      pending: [
        pending('f', { kind: 'feed-hiding', personId: 'p1', feedHiding: 'off' }),
        pending('f2', { kind: 'feed-hiding', personId: 'p2', feedHiding: 'off' }),
        pending('s', { kind: 'site-off', site: 'x' }),
      ],
    });
    const requested = applied(doc, { type: 'person-removal-requested', personId: 'p1' });
    const removed = applyDuePending(requested, new Date(NOW.getTime() + HOUR));
    expect(removed.people.map((p) => p.id)).toEqual(['p2']);
    expect(removed.customPatterns.map((p) => p.id)).toEqual(['c2']);
    // The other waiting changes fell due at the same time and were applied; none about p1 remain.
    expect(removed.settings.pending).toEqual([]);
    expect(removed.people[0]?.feedHiding).toBe('off');
    expect(() => DocumentSchema.parse(removed)).not.toThrow();
  });

  test('with no cool-down, at once', () => {
    const doc = applied(baseDoc({ pending: [pending('f', { kind: 'feed-hiding', personId: 'p2', feedHiding: 'off' }, new Date(NOW.getTime() + 5 * HOUR))] }), {
      type: 'person-removal-requested',
      personId: 'p2',
    });
    expect(doc.people.map((p) => p.id)).toEqual(['p1']);
    expect(doc.customPatterns.map((p) => p.id)).toEqual(['c1']);
    expect(doc.settings.pending).toEqual([]);
  });
});

describe('the count, milestones, hard days and link patterns', () => {
  test('goal-set', () => {
    expect(applied(baseDoc(), { type: 'goal-set', goalDays: 90 }).streak.goalDays).toBe(90);
  });

  test.each([
    ['2026-11-01T08:00:00+01:00', '2026-11-01T07:00:00.000Z', 'an earlier start is kept, written in UTC'],
    ['2026-12-01T08:00:00.000Z', NOW.toISOString(), 'a start in the future starts now'],
  ])('streak-start-set %s → %s (%s)', (startedAt, expected) => {
    const doc = applied(baseDoc(), { type: 'streak-start-set', startedAt, timeZone: 'America/New_York' });
    expect(doc.streak.startedAt).toBe(expected);
    expect(doc.streak.timeZone).toBe('America/New_York');
  });

  test('moving the start later forgets milestones no longer reached', () => {
    const base = baseDoc();
    const doc = applied({ ...base, streak: { ...base.streak, celebrated: [1, 3, 7] } }, {
      type: 'streak-start-set',
      startedAt: '2026-11-19T10:00:00.000Z',
      timeZone: 'UTC',
    });
    expect(doc.streak.celebrated).toEqual([1, 3]);
  });

  test('milestones-seen remembers each milestone once and logs it with its days', () => {
    const base = baseDoc();
    const doc = applied({ ...base, streak: { ...base.streak, celebrated: [1] } }, { type: 'milestones-seen', days: [7, 3, 1, 7] });
    expect(doc.streak.celebrated).toEqual([1, 3, 7]);
    expect(doc.events.recent).toEqual([
      { type: 'milestone', at: NOW.toISOString(), days: 3 },
      { type: 'milestone', at: NOW.toISOString(), days: 7 },
    ]);
  });

  test('hard days are added and removed', () => {
    const outcome = run(baseDoc(), { type: 'hard-day-added', monthDay: '06-01', label: ' A birthday ' });
    expect(outcome).toMatchObject({ ok: true, data: { id: 'id-1' } });
    if (!outcome.ok) return;
    expect(outcome.doc.hardDays.at(-1)).toEqual({ id: 'id-1', monthDay: '06-01', label: 'A birthday' });
    expect(applied(outcome.doc, { type: 'hard-day-removed', hardDayId: 'h1' }).hardDays.map((h) => h.id)).toEqual(['id-1']);
  });

  test('link patterns are added for someone on the list, once, and removed', () => {
    const added = run(baseDoc(), { type: 'custom-pattern-added', personId: 'p1', pattern: 'https://forum.example/u/sam*' });
    expect(added).toMatchObject({ ok: true, data: { id: 'id-1' } });
    if (!added.ok) return;
    expect(added.doc.customPatterns.at(-1)).toEqual({ id: 'id-1', personId: 'p1', pattern: 'https://forum.example/u/sam*' });
    expect(run(added.doc, { type: 'custom-pattern-added', personId: 'p1', pattern: 'https://forum.example/u/sam*' })).toEqual({
      ok: true,
      doc: added.doc,
      data: { id: 'id-1' },
    });
    expect(applied(added.doc, { type: 'custom-pattern-removed', patternId: 'c1' }).customPatterns.map((p) => p.id)).toEqual(['c2', 'id-1']);
  });
});

describe('a pause for a while (popup): an hour or until tomorrow, after the cool-down, ending by itself', () => {
  const short = (length: '1h' | 'tomorrow'): Mutation => ({ type: 'guard-short-pause-requested', length });

  test.each<[string, CoolDown, '1h' | 'tomorrow', string, string | undefined]>([
    // NOW is 10:00 UTC = 11:00 in Berlin; tomorrow starts at 00:00 Berlin = 23:00 UTC.
    ['an hour, no cool-down', 'none', '1h', '2026-11-23T11:00:00.000Z', undefined],
    ['until tomorrow, no cool-down', 'none', 'tomorrow', '2026-11-23T23:00:00.000Z', undefined],
    ['an hour after a 1-hour cool-down', '1h', '1h', '2026-11-23T12:00:00.000Z', '2026-11-23T11:00:00.000Z'],
    // A 24-hour cool-down: the pause starts tomorrow at 11:00 Berlin and lasts until the day after.
    ['until the day after a 24-hour cool-down', '24h', 'tomorrow', '2026-11-24T23:00:00.000Z', '2026-11-24T10:00:00.000Z'],
  ])('%s', (_why, coolDown, length, until, effectiveAt) => {
    const doc = applied(baseDoc({ coolDown }), short(length));
    if (effectiveAt === undefined) {
      expect(doc.settings).toMatchObject({ paused: true, pausedUntil: until, pending: [] });
    } else {
      expect(doc.settings.paused).toBe(false);
      expect(doc.settings.pending).toEqual([expect.objectContaining({ kind: 'pause-until', until, effectiveAt })]);
    }
  });

  test('the pause starts when its cool-down has passed and ends by itself at its end', () => {
    const waiting = applied(baseDoc({ coolDown: '1h' }), short('1h'));
    const started = applyDuePending(waiting, new Date(NOW.getTime() + HOUR));
    expect(started.settings).toMatchObject({ paused: true, pausedUntil: '2026-11-23T12:00:00.000Z', pending: [] });
    expect(applyDuePending(started, new Date(NOW.getTime() + 2 * HOUR - 1)).settings.paused).toBe(true);
    const ended = applyDuePending(started, new Date(NOW.getTime() + 2 * HOUR));
    expect(ended.settings.paused).toBe(false);
    expect(ended.settings.pausedUntil).toBeUndefined();
  });

  test('a pause with no end stays one; asking for a short pause then changes nothing', () => {
    const paused = baseDoc({ paused: true });
    expect(applied(paused, short('1h')).settings).toMatchObject({ paused: true, pending: [] });
    expect(applied(paused, short('1h')).settings.pausedUntil).toBeUndefined();
  });

  test('two short pauses end at the later end', () => {
    const first = applied(baseDoc(), short('tomorrow'));
    expect(applied(first, short('1h')).settings.pausedUntil).toBe('2026-11-23T23:00:00.000Z');
  });

  test('"turn the guard back on" ends a short pause and cancels one that was waiting', () => {
    const paused = applied(baseDoc(), short('1h'));
    expect(applied(paused, { type: 'guard-resumed' }).settings).toMatchObject({ paused: false, pausedUntil: undefined });
    const waiting = applied(baseDoc({ coolDown: '24h' }), short('1h'));
    expect(applied(waiting, { type: 'guard-resumed' }).settings.pending).toEqual([]);
  });
});

describe('some contact is needed', () => {
  test.each<[CoolDown, boolean]>([
    ['none', true],
    ['1h', false],
  ])('marking it with cool-down %s: at once %s (it eases their messages, so it waits like any weakening)', (coolDown, atOnce) => {
    const doc = applied(baseDoc({ coolDown }), { type: 'contact-needed-set', personId: 'p1', needed: true });
    expect(doc.people[0]?.contactNeeded).toBe(atOnce ? true : undefined);
    expect(doc.settings.pending.map((p) => p.kind)).toEqual(atOnce ? [] : ['contact-needed']);
    if (!atOnce) expect(applyDuePending(doc, new Date(NOW.getTime() + HOUR)).people[0]?.contactNeeded).toBe(true);
  });

  test('unmarking is immediate and cancels a marking that was waiting', () => {
    const waiting = applied(baseDoc({ coolDown: '24h' }), { type: 'contact-needed-set', personId: 'p1', needed: true });
    const unmarked = applied(waiting, { type: 'contact-needed-set', personId: 'p1', needed: false });
    expect(unmarked.settings.pending).toEqual([]);
    const marked = applied(baseDoc(), { type: 'contact-needed-set', personId: 'p1', needed: true });
    expect(applied(marked, { type: 'contact-needed-set', personId: 'p1', needed: false }).people[0]).not.toHaveProperty('contactNeeded');
  });

  test('for someone not on the list it is refused', () => {
    expect(run(baseDoc(), { type: 'contact-needed-set', personId: 'nobody', needed: true })).toEqual({ ok: false, error: 'person-not-found' });
  });
});

describe('feed reach', () => {
  test.each([
    ['also posts that mention them', 'mentions', 'mentions'],
    ['their own posts (stored as no field, as before the choice existed)', 'own', undefined],
  ] as const)('choosing %s is immediate', (_why, feedReach, stored) => {
    const doc = applied(baseDoc({ coolDown: '24h' }), { type: 'feed-reach-changed', feedReach });
    expect(doc.settings.feedReach).toBe(stored);
    expect('feedReach' in doc.settings).toBe(stored !== undefined);
    expect(doc.settings.pending).toEqual([]);
  });

  test('going back to their own posts only removes the field', () => {
    const wide = applied(baseDoc(), { type: 'feed-reach-changed', feedReach: 'mentions' });
    expect(applied(wide, { type: 'feed-reach-changed', feedReach: 'own' }).settings).toEqual(baseDoc().settings);
  });
});

describe('hard hours', () => {
  test('adding is immediate, with the days sorted and once each', () => {
    const outcome = run(baseDoc({ coolDown: '24h' }), { type: 'hard-hours-added', from: 22, to: 6, days: [6, 0, 6] });
    expect(outcome).toMatchObject({ ok: true, data: { id: 'id-1' } });
    if (outcome.ok) expect(outcome.doc.hardHours).toEqual([{ id: 'id-1', from: 22, to: 6, days: [0, 6] }]);
  });

  test('removing waits for the cool-down (a gentler pause in those hours), then lands', () => {
    const withWindow = { ...baseDoc({ coolDown: '1h' }), hardHours: [{ id: 'w1', from: 22, to: 6, days: [] }] };
    const waiting = applied(withWindow, { type: 'hard-hours-removal-requested', hardHoursId: 'w1' });
    expect(waiting.hardHours).toHaveLength(1);
    expect(waiting.settings.pending.map((p) => p.kind)).toEqual(['hard-hours-removed']);
    expect(applyDuePending(waiting, new Date(NOW.getTime() + HOUR)).hardHours).toEqual([]);
    expect(run(withWindow, { type: 'hard-hours-removal-requested', hardHoursId: 'nope' })).toEqual({ ok: false, error: 'item-not-found' });
  });
});
